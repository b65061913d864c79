"""``drafter build OUTLINE [-o OUT] [--pdf] [--force] [--final]``."""

from pathlib import Path
from typing import Annotated

import typer

from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(help=_("Build the official-format Word file (and PDF) from an outline."))
    def build(
        outline: Annotated[
            Path, typer.Argument(help=_("The outline (.yaml)."), show_default=False)
        ],
        output: Annotated[
            Path | None,
            typer.Option(
                "-o",
                "--output",
                help=_("Where to write the .docx (default: drafts/<name>.docx)."),
                show_default=False,
            ),
        ] = None,
        pdf: Annotated[
            bool, typer.Option("--pdf", help=_("Also make a PDF (LibreOffice)."))
        ] = False,
        force: Annotated[
            bool,
            typer.Option("--force", help=_("Overwrite the output even if it was edited in Word.")),
        ] = False,
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
    ) -> None:
        from drafter.builder import build as build_outline

        result = build_outline(
            outline, output, pdf=pdf, force=force, template=template, final=final
        )
        print(
            _("Built {path} ({count} paragraphs)").format(path=result.docx, count=result.paragraphs)
        )
        if result.pdf:
            print(_("Built {path}").format(path=result.pdf))
        if result.checks is not None:
            from drafter.report.text import build_summary

            print(build_summary(result.checks))
