"""``drafter import DOCX [-o OUTLINE] [--update OUTLINE] [--force]``."""

from pathlib import Path
from typing import Annotated

import typer

from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(
        "import",
        help=_(
            "Turn a Word file (built by drafter or typed by hand) into an outline, or write "
            "the edits made in it into an existing outline (--update)."
        ),
    )
    def import_command(
        document: Annotated[
            Path, typer.Argument(help=_("The Word file (.docx)."), show_default=False)
        ],
        output: Annotated[
            Path | None,
            typer.Option(
                "-o",
                "--output",
                help=_("Where to write the new outline (default: <name>.yaml here; - for stdout)."),
                show_default=False,
            ),
        ] = None,
        update: Annotated[
            Path | None,
            typer.Option(
                "--update",
                help=_("Write the edits into this outline in place, keeping its comments."),
                show_default=False,
            ),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help=_("Overwrite an existing outline (-o)."))
        ] = False,
    ) -> None:
        from drafter.import_outline import import_to_outline

        result = import_to_outline(document, output=output, update=update, force=force)
        for note in result.notes:
            typer.echo(_("note: {note}").format(note=note), err=True)
        if update is not None:
            typer.echo(
                _("Updated {path} ({count} change(s))").format(path=update, count=result.count)
            )
        elif result.written is not None:
            typer.echo(
                _("Wrote {path} ({count} paragraph(s) imported)").format(
                    path=result.written, count=result.count
                )
            )
