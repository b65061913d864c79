"""Helpers shared by the regenerate/import/diff/watch tests (issue 6)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import strategies as st

from drafter.dates import DocumentDate
from drafter.model import Issuer, Outline, Section, Signature

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


def build_bytes(outline: Outline, name: str = "outline.yaml") -> bytes:
    """The .docx drafter builds for ``outline``, in memory."""
    from drafter.builder import render_outline
    from drafter.loader import LoadedOutline
    from drafter.positions import PositionMap

    loaded = LoadedOutline(outline, PositionMap(), Path(name), "", {})
    data, _count = render_outline(loaded)
    return data


# --------------------------------------------------------------------------- strategies

_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_ALPHABET = _LETTERS + _LETTERS.upper() + "0123456789 .,;:-()/“”%…\t"
text = st.text(_ALPHABET, min_size=1, max_size=60).filter(lambda s: s.strip() != "")
upper = st.text(_LETTERS.upper() + " /", min_size=1, max_size=30).filter(lambda s: s.strip())
optional_text = st.none() | text


@st.composite
def sections(draw: st.DrawFn, depth: int = 1) -> Section:
    heading = draw(optional_text)
    body = draw(st.lists(text, max_size=2))
    bullets = draw(st.lists(text, max_size=2))
    children = draw(st.lists(sections(depth + 1), max_size=2)) if depth < 3 else []
    if not (heading or body or bullets or children):
        body = [draw(text)]
    return Section(heading=heading, text=body, bullets=bullets, sections=children)


@st.composite
def outlines(draw: st.DrawFn) -> Outline:
    draft = draw(st.booleans() | st.integers(1, 9))
    final = draft is False  # a final version needs its number, full date and signer
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
    if not final and draw(st.booleans()):
        date = DocumentDate(day.year)
    else:
        date = DocumentDate(day.year, day.month, day.day)
    number = st.from_regex(r"\A[0-9]{1,3}\Z")
    return Outline(
        issuer=Issuer(name=draw(upper), superior=draw(st.none() | upper)),
        number=draw(number if final else st.none() | number),
        symbol=draw(st.sampled_from(["CTr/TU", "CTr/HU", "CTr/ĐU"])),
        place=draw(text.filter(lambda s: "," not in s and s == s.strip())),
        date=date,
        draft=draft,
        type_name=draw(
            st.none() | st.sampled_from(["CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH CÔNG TÁC"])
        ),
        title=draw(text),
        preamble=draw(st.lists(text, max_size=2)),
        sections=draw(st.lists(sections(), max_size=3)),
        closing=draw(st.lists(text, max_size=2)),
        signature=Signature(
            authority=draw(st.none() | upper),
            position=draw(st.none() | upper),
            name=draw(text if final else st.none() | text),
        ),
        recipients=draw(st.lists(text, max_size=3)),
        numbering=draw(st.sampled_from([None, "hd36", "hd36-hyphen", "hyphen", "arabic"])),
    )
