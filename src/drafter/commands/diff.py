"""``drafter diff OLD NEW [--format text|json] [--docx OUT] [--exit-code]``."""

import enum
from pathlib import Path
from typing import Annotated

import typer

from drafter.errors import EXIT_FINDINGS
from drafter.i18n import _


class Format(enum.StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command(
        help=_(
            "Show what changed between two drafts (outlines or Word files, in any "
            "combination); --docx writes the changes as tracked changes in a Word file."
        )
    )
    def diff(
        old: Annotated[
            Path, typer.Argument(help=_("The earlier draft (.yaml or .docx)."), show_default=False)
        ],
        new: Annotated[
            Path, typer.Argument(help=_("The later draft (.yaml or .docx)."), show_default=False)
        ],
        output_format: Annotated[
            Format, typer.Option("--format", help=_("text for people, json for tools."))
        ] = Format.text,
        docx: Annotated[
            Path | None,
            typer.Option(
                "--docx",
                help=_("Also write the later draft with the changes tracked (Review tab)."),
                show_default=False,
            ),
        ] = None,
        exit_code: Annotated[
            bool, typer.Option("--exit-code", help=_("Exit with 1 when the drafts differ."))
        ] = False,
    ) -> None:
        from drafter.diff import diff as compare
        from drafter.diff_report import print_json, print_text

        result = compare(old, new)
        if output_format is Format.json:
            print_json(result)
        else:
            print_text(result)
        if docx is not None:
            from drafter.redline import write_redline

            written = write_redline(result, docx)
            typer.echo(_("Wrote {path} (changes tracked)").format(path=written), err=True)
        if exit_code and result.changes:
            raise typer.Exit(EXIT_FINDINGS)
