"""``drafter citations PATH… [--format text|json|csv]``."""

from pathlib import Path
from typing import Annotated

import typer

from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(help=_("List every document citation found in outlines, Word and text files."))
    def citations(
        paths: Annotated[
            list[Path], typer.Argument(help=_("Files or folders."), show_default=False)
        ],
        output_format: Annotated[
            str, typer.Option("--format", help=_("Output: text, json or csv."))
        ] = "text",
    ) -> None:
        from drafter.citations.listing import list_citations

        raise typer.Exit(list_citations(paths, output_format))
