"""Helpers shared by the regenerate/import/diff/watch tests (issue 6)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chuong-trinh-quy-1-2024.yaml"
REFERENCE = ROOT / "tests" / "data" / "du-thao-chuong-trinh-cong-tac-quy-1-2024.txt"


def english() -> None:
    """Messages in English for this test (the suite starts each test in Vietnamese)."""
    from drafter.i18n import set_language

    set_language("en")


def run_cli(*args: str) -> int:
    """``drafter ARGS`` in English through the real entry point; its exit code."""
    from drafter.cli import main

    try:
        main(["--lang", "en", *map(str, args)])
    except SystemExit as stop:
        return int(stop.code or 0)
    return 0


def copy_example(folder: Path, name: str = "ctr.yaml") -> Path:
    target = folder / name
    shutil.copyfile(EXAMPLE, target)
    return target


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit_docx(path: Path, change: Callable[[docx.document.Document], None]) -> None:
    """Open ``path`` in python-docx, let ``change`` edit it, save it back."""
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))


def all_paragraphs(document: docx.document.Document) -> list[Paragraph]:
    """Every paragraph of the body, table cells included, in document order."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def paragraph_starting(document: docx.document.Document, start: str) -> Paragraph:
    found = [p for p in all_paragraphs(document) if p.text.startswith(start)]
    assert len(found) == 1, (start, len(found))
    return found[0]


def texts(path: Path) -> list[str]:
    """Every paragraph of the Word file in reading order (the shared reader)."""
    from drafter.docx_io.reader import read_paragraphs

    return [p.text for p in read_paragraphs(path) if p.part == "word/document.xml"]
