"""``drafter new TYPE [-o FILE]``, ``drafter new --list``, ``drafter new --settings``."""

from pathlib import Path
from typing import Annotated

import typer

from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(
        help=_(
            "Write a starter outline for a document type, with comments explaining each "
            "field, prefilled from drafter.yaml."
        )
    )
    def new(
        document_type: Annotated[
            str | None,
            typer.Argument(
                metavar="TYPE",
                help=_("The document type: chuong-trinh, ke-hoach, bao-cao … (see --list)."),
                show_default=False,
            ),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "-o",
                "--output",
                help=_("Where to write it (default: TYPE.yaml here; '-' for the screen)."),
                show_default=False,
            ),
        ] = None,
        list_types: Annotated[
            bool, typer.Option("--list", help=_("List the document types and issuer levels."))
        ] = False,
        settings: Annotated[
            bool,
            typer.Option("--settings", help=_("Write a starter drafter.yaml for the office.")),
        ] = False,
        level: Annotated[
            str | None,
            typer.Option(
                "--level",
                help=_("Issuer level for this outline (default: the one in drafter.yaml)."),
                show_default=False,
            ),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help=_("Overwrite the file if it exists."))
        ] = False,
    ) -> None:
        from drafter.starter import listing, write_starter

        if list_types:
            print(listing(), end="")
            return
        written = write_starter(
            document_type, output, force=force, level=level, settings_file=settings
        )
        if written is not None:
            if settings:
                print(_("Wrote {path}").format(path=written))
            else:
                print(_("Wrote {path}; build it with: drafter build {path}").format(path=written))
