"""Arguments and options shared by several commands (``build``, ``watch``).

Functions, not constants: help texts are translated when a command is
registered, after ``--lang`` has chosen the language.
"""

import enum
from pathlib import Path
from typing import Annotated, Any

import typer

from drafter.i18n import _


class Prefer(enum.StrEnum):
    outline = "outline"
    document = "document"


def outline_argument() -> Any:
    return Annotated[Path, typer.Argument(help=_("The outline (.yaml)."), show_default=False)]


def output_option() -> Any:
    return Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help=_("Where to write the .docx (default: drafts/<name>.docx)."),
            show_default=False,
        ),
    ]


def pdf_option() -> Any:
    return Annotated[bool, typer.Option("--pdf", help=_("Also make a PDF (LibreOffice)."))]


def prefer_option(help_text: str | None = None) -> Any:
    default_help = _(
        "When the Word file and the outline changed the same paragraph: keep the "
        "outline's or the document's version (default: keep the document's, mark "
        "the conflict with a comment and exit 1)."
    )
    return Annotated[
        Prefer | None,
        typer.Option("--prefer", help=help_text or default_help, show_default=False),
    ]
