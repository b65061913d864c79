"""``drafter build OUTLINE [-o OUT] [--pdf] [--force] [--prefer outline|document]``."""

import enum
from pathlib import Path
from typing import Annotated

import typer

from drafter.errors import EXIT_FINDINGS
from drafter.i18n import _


class Prefer(enum.StrEnum):
    outline = "outline"
    document = "document"


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
            typer.Option(
                "--force",
                help=_("Overwrite the output even if it was edited in Word (edits are lost)."),
            ),
        ] = False,
        prefer: Annotated[
            Prefer | None,
            typer.Option(
                "--prefer",
                help=_(
                    "When the Word file and the outline changed the same paragraph: keep the "
                    "outline's or the document's version (default: keep the document's, mark "
                    "the conflict with a comment and exit 1)."
                ),
                show_default=False,
            ),
        ] = None,
        template: Annotated[
            Path | None,
            typer.Option(
                "--template", help=_("Use this Word template instead."), show_default=False
            ),
        ] = None,
    ) -> None:
        from drafter.builder import build as build_outline
        from drafter.merge_report import print_merge

        result = build_outline(
            outline,
            output,
            pdf=pdf,
            force=force,
            template=template,
            prefer=prefer.value if prefer else None,
        )
        print(
            _("Built {path} ({count} paragraphs)").format(path=result.docx, count=result.paragraphs)
        )
        if result.pdf:
            print(_("Built {path}").format(path=result.pdf))
        if result.merge is not None and print_merge(result.docx, result.merge):
            raise typer.Exit(EXIT_FINDINGS)
