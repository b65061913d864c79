"""``drafter build OUTLINE… [-o OUT] [--pdf] [--force] [--final] [--prefer …] [-j N]``.

One outline: build it and say so. Several outlines or folders: build them all
in parallel (``drafter.batch``) and print a summary table.
"""

from pathlib import Path
from typing import Annotated

import typer

from drafter.commands.options import output_option, pdf_option, prefer_option
from drafter.errors import EXIT_FINDINGS
from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(help=_("Build the official-format Word file (and PDF) from an outline."))
    def build(
        outline: Annotated[
            list[Path],
            typer.Argument(
                help=_("The outline(s) (.yaml), or folders of outlines."), show_default=False
            ),
        ],
        output: output_option() = None,
        pdf: pdf_option() = False,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help=_("Overwrite the output even if it was edited in Word (edits are lost)."),
            ),
        ] = False,
        prefer: prefer_option() = None,
        template: Annotated[
            Path | None,
            typer.Option(
                "--template", help=_("Use this Word template instead."), show_default=False
            ),
        ] = None,
        final: Annotated[
            bool,
            typer.Option(
                "--final",
                help=_(
                    "Make the version for signature: no draft mark; the number, the full "
                    "date and the signer's name are required."
                ),
            ),
        ] = False,
        jobs: Annotated[
            int | None,
            typer.Option(
                "-j",
                "--jobs",
                help=_("How many outlines to build at once (default: one per core)."),
                show_default=False,
            ),
        ] = None,
    ) -> None:
        if len(outline) > 1 or outline[0].is_dir():
            from drafter.batch import Options
            from drafter.commands.batch_build import build_many

            options = Options(pdf, force, final, prefer.value if prefer else None, template)
            raise typer.Exit(build_many(outline, output, options, jobs))
        from drafter.builder import build as build_outline

        result = build_outline(
            outline[0],
            output,
            pdf=pdf,
            force=force,
            template=template,
            final=final,
            prefer=prefer.value if prefer else None,
        )
        print(
            _("Built {path} ({count} paragraphs)").format(path=result.docx, count=result.paragraphs)
        )
        if result.pdf:
            print(_("Built {path}").format(path=result.pdf))
        if result.checks is not None:
            from drafter.report.text import build_summary

            print(build_summary(result.checks))
        if result.merge is not None:
            from drafter.merge_report import print_merge

            if print_merge(result.docx, result.merge, result.outline):
                raise typer.Exit(EXIT_FINDINGS)
