"""``drafter check PATH… [--format text|json|sarif] [--select] [--ignore] [--strict] [--fix]``."""

from pathlib import Path
from typing import Annotated

import typer

from drafter.i18n import _


def register(app: typer.Typer) -> None:
    @app.command(
        help=_(
            "Check outlines (.yaml), Word files (.docx) and text files (.txt, .md): numbering, "
            "citations, dates, header, facts and text. Exit code 0: no error; 1: errors found "
            "(any finding with --strict); 2: a file could not be read."
        )
    )
    def check(
        paths: Annotated[
            list[Path],
            typer.Argument(help=_("Files or folders to check."), show_default=False),
        ],
        output_format: Annotated[
            str,
            typer.Option("--format", help=_("Output: text, json or sarif.")),
        ] = "text",
        select: Annotated[
            list[str] | None,
            typer.Option(
                "--select",
                help=_(
                    "Only these rules: codes (TXT002), families (TXT) or names, comma-separated."
                ),
                show_default=False,
            ),
        ] = None,
        ignore: Annotated[
            list[str] | None,
            typer.Option(
                "--ignore", help=_("Skip these rules (same forms as --select)."), show_default=False
            ),
        ] = None,
        strict: Annotated[
            bool, typer.Option("--strict", help=_("Exit with 1 on any finding, not only errors."))
        ] = False,
        fix: Annotated[
            bool,
            typer.Option(
                "--fix", help=_("Apply safe fixes to outlines and text files (never Word files).")
            ),
        ] = False,
    ) -> None:
        from drafter.checking import check_and_report

        code = check_and_report(
            paths,
            output_format=output_format,
            select=select or (),
            ignore=ignore or (),
            strict=strict,
            fix=fix,
        )
        raise typer.Exit(code)
