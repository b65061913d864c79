"""``drafter watch OUTLINE [-o OUT] [--pdf] [--prefer outline|document]``."""

from pathlib import Path
from typing import Annotated

import typer

from drafter.commands.build import Prefer
from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(help=_("Rebuild and re-check the outline every time it is saved (Ctrl-C stops)."))
    def watch(
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
            bool,
            typer.Option("--pdf", help=_("Also make a PDF (LibreOffice).")),
        ] = False,
        prefer: Annotated[
            Prefer | None,
            typer.Option(
                "--prefer",
                help=_("Settle conflicts with hand edits: outline or document."),
                show_default=False,
            ),
        ] = None,
    ) -> None:
        from drafter.watch import watch as watch_outline

        watch_outline(outline, output, pdf=pdf, prefer=prefer.value if prefer else None)
