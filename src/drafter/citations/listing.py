"""``drafter citations``: every citation found in outlines, Word and text files.

Each row is the citation record (``Citation.as_json``) with the file and the
position of its first character, in order of appearance. Files that cannot be
read are reported on stderr and make the exit code 2; the others are listed.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from drafter.errors import EXIT_OK, EXIT_USAGE, DrafterError, InputError, OutlineError
from drafter.i18n import _

FORMATS = ("text", "json", "csv")
COLUMNS = ("path", "line", "column", "text", "type", "number", "symbol", "type_code",
           "issuer_code", "date", "issuer", "style")  # fmt: skip


def _document(path: Path) -> Any:
    from drafter.loader import load_outline_text, read_text
    from drafter.sources.docx import docx_document
    from drafter.sources.outline import outline_document
    from drafter.sources.text import text_document

    display, suffix = str(path), path.suffix.lower()
    if suffix == ".docx":
        return docx_document(path, display)
    if suffix in (".yaml", ".yml"):
        return outline_document(load_outline_text(read_text(path, display), display, path))
    if suffix in (".txt", ".md"):
        return text_document(read_text(path, display), display, markdown=suffix == ".md")
    raise InputError(
        _("{path}: drafter checks .yaml, .yml, .docx, .txt and .md files").format(path=display)
    )


def citation_rows(path: Path) -> list[dict[str, Any]]:
    """The citations of one file as rows (``InputError``/``OutlineError`` if unreadable)."""
    from drafter.citations.extract import find_mentions

    document = _document(path)
    rows = []
    for mention in find_mentions(document):
        line, column = mention.paragraph.position(mention.start)
        rows.append({"path": document.path, "line": line, "column": column,
                     **mention.citation.as_json()})  # fmt: skip
    return rows


def _text(rows: list[dict[str, Any]], stream: TextIO) -> None:
    current = None
    for row in rows:
        if row["path"] != current:
            if current is not None:
                stream.write("\n")
            current = row["path"]
            stream.write(f"{current}\n")
        details = [row["style"], row["type"], row["date"], row["issuer"]]
        shown = ", ".join(str(d) for d in details if d)
        stream.write(f"  {row['line']}:{row['column']}  {row['text']}  ({shown})\n")
    stream.write(_("{count} citation(s) found.").format(count=len(rows)) + "\n")


def list_citations(
    paths: Sequence[Path],
    output_format: str = "text",
    stream: TextIO | None = None,
    errors: TextIO | None = None,
) -> int:
    """Print the citations of ``paths``; the exit code."""
    from drafter.checking import expand_paths, require_format
    from drafter.cli import format_problem

    require_format(output_format, FORMATS)
    stream, errors = stream or sys.stdout, errors or sys.stderr
    rows: list[dict[str, Any]] = []
    code = EXIT_OK
    for given in paths:
        if given.is_dir() and not expand_paths([given]):  # a wrong path must not pass in CI
            from drafter.checking import empty_folder_report

            errors.write(_("error: {message}").format(message=empty_folder_report(given).error)
                         + "\n")  # fmt: skip
            code = EXIT_USAGE
    for path in expand_paths(paths):
        try:
            rows.extend(citation_rows(path))
        except OutlineError as error:
            for problem in error.problems:
                errors.write(format_problem(problem) + "\n")
            code = EXIT_USAGE
        except DrafterError as error:
            errors.write(_("error: {message}").format(message=error.message) + "\n")
            code = EXIT_USAGE
    if output_format == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif output_format == "csv":
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: "" if row[key] is None else row[key] for key in COLUMNS})
    else:
        _text(rows, stream)
    return code
