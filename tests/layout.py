"""Layout checks of a built Word file against HD 36, shared by the type tests.

Opens the file with python-docx (independently of drafter's own reader) and
checks the page, the header block, the type name or the "V/v" line, the
numbering sequence, the signature block and Nơi nhận. Expected values are
written by the test, not computed by drafter.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import docx
from docx.shared import Pt

from drafter.numbering import parse_label

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"


class Expected(NamedTuple):
    """What the first page and the end of a document must show."""

    issuer: tuple[str, ...]  # the issuing body's line(s), in capitals
    superior: str | None  # the line above it, or None
    symbol: str  # "KH/TU"
    authority: str  # "T/M BAN THƯỜNG VỤ" ("" when the head signs directly)
    position: str  # "BÍ THƯ"
    type_name: str | None  # "KẾ HOẠCH"; None for a công văn
    excerpt: str | None = None  # a công văn's "V/v …" line
    number: str | None = None  # None while a draft
    first_level: str = "roman"  # kind of the first numbering level
    place: str | None = None
    archive: str = "- Lưu"  # how the last recipient starts
    draft_mark: str | None = "Dự thảo"


def _bold(paragraph) -> bool:
    return any(run.bold for run in paragraph.runs if run.text.strip())


def _italic(paragraph) -> bool:
    return any(run.italic for run in paragraph.runs if run.text.strip())


def _size(paragraph) -> float | None:
    sizes = {run.font.size.pt for run in paragraph.runs if run.font.size and run.text.strip()}
    return sizes.pop() if len(sizes) == 1 else None


def _texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def check_fonts_and_numbering(document) -> None:
    """Times New Roman everywhere, no theme fonts, no Word auto-numbering."""
    styles, body = document.styles.element, document.element
    for element in (*styles.iter(f"{W}rFonts"), *body.iter(f"{W}rFonts")):
        named = {element.get(f"{W}{k}") for k in ("ascii", "hAnsi", "cs", "eastAsia")} - {None}
        assert named <= {"Times New Roman"}
        assert not any(key.endswith("Theme") for key in element.attrib)
    assert not list(body.iter(f"{W}numPr")), "no Word auto-numbering"


def check_provenance(path: Path) -> None:
    from drafter.docx_io.package import DocxPackage
    from drafter.docx_io.properties import read_custom_properties

    with DocxPackage(path) as package:
        properties = read_custom_properties(package)
    assert len(properties["drafter.content_sha256"]) == 64
    assert properties["drafter.format"] == "hd36_2018"


def check_page(document) -> None:
    section = document.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin,
             section.bottom_margin, section.left_margin, section.right_margin]  # fmt: skip
    assert [round(length.mm, 1) for length in sizes] == [210, 297, 20, 20, 30, 15]
    assert section.different_first_page_header_footer  # no page number on page 1
    assert "PAGE" in section.header._element.xml  # from page 2
    fonts = document.styles.element.find(f"{W}docDefaults").find(f".//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"


def check_header(document, expected: Expected) -> None:
    left, right = document.tables[0].rows[0].cells
    lines = [p for p in left.paragraphs if p.text]
    texts = [p.text for p in lines]
    at = 0
    if expected.superior:
        assert texts[0] == expected.superior
        assert not _bold(lines[0]) and _size(lines[0]) == 14
        at = 1
    else:
        assert texts[0] in expected.issuer[:1]
    issuer_text = "\n".join(expected.issuer)
    assert texts[at] == issuer_text, (texts, issuer_text)
    assert _bold(lines[at]) and _size(lines[at]) == 14
    assert texts[at + 1] == "*"
    number = expected.number or r"\s+"
    assert re.fullmatch(rf"Số {number}-{re.escape(expected.symbol)}", texts[at + 2]), texts
    rest = texts[at + 3 :]
    if expected.excerpt is not None:
        assert rest[0] == expected.excerpt
        excerpt = lines[at + 3]
        assert _italic(excerpt) and _size(excerpt) == 12  # box 5b: italic 12
    if expected.draft_mark:
        assert rest[-1] == expected.draft_mark
    else:
        assert not any(text.startswith("Dự thảo") for text in rest)
    for paragraph in (*left.paragraphs, *right.paragraphs):
        assert paragraph.alignment is not None and paragraph.alignment.name == "CENTER"
    borders = document.tables[0]._tbl.tblPr.find(f"{W}tblBorders")
    assert {border.get(f"{W}val") for border in borders} == {"nil"}
    right_texts = [p for p in right.paragraphs if p.text]
    motto, place_date = right_texts[0], right_texts[1]
    assert motto.text == MOTTO and _bold(motto) and _size(motto) == 15
    assert motto._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None  # the rule under it
    assert _italic(place_date)
    place = re.escape(expected.place) if expected.place else r"[^,]+"
    assert re.fullmatch(rf"{place}, ngày\s*\d*\s*tháng\s*\d*\s*năm \d{{4}}", place_date.text), (
        place_date.text
    )


def body_paragraphs(document) -> list:
    """Body paragraphs after the header table, up to the signature table."""
    body = document.element.body
    out, seen_table = [], 0
    from docx.text.paragraph import Paragraph

    for child in body:
        if child.tag == f"{W}tbl":
            seen_table += 1
            if seen_table == 2:
                break
            continue
        if child.tag == f"{W}p" and seen_table == 1:
            out.append(Paragraph(child, document.part))
    return out


def check_title(document, expected: Expected) -> list:
    paragraphs = body_paragraphs(document)
    if expected.type_name is None:  # a công văn: no type name, body right away
        assert all(p.text != "CÔNG VĂN" for p in paragraphs)
        return paragraphs
    type_name, title, rule = paragraphs[0], paragraphs[1], paragraphs[2]
    assert type_name.text == expected.type_name
    assert _bold(type_name) and _size(type_name) == 16
    assert type_name.alignment is not None and type_name.alignment.name == "CENTER"
    assert _bold(title) and title.text
    assert rule.text == "-----"
    return paragraphs[3:]


def check_numbering(paragraphs: list, first_level: str) -> None:
    """Top-level labels run 1, 2, 3 … in the kind expected; no gaps."""
    labels = []
    for paragraph in paragraphs:
        style = paragraph.style.style_id if paragraph.style is not None else ""
        label = parse_label(paragraph.text)
        if label is None or label.kind == "bullet":
            continue
        if first_level == "roman" and label.kind == "roman" and style == "Heading1":
            labels.append(label.value)
        elif first_level == "arabic" and label.kind == "arabic" and not label.prefix:
            if style in ("Heading1", "BodyText") and label.text == f"{label.value}.":
                labels.append(label.value)
        elif first_level == "dieu" and label.prefix == "Điều ":
            labels.append(label.value)
    assert labels, "no numbered item found"
    if first_level == "arabic":
        # items restart under each parent; the first run must still be 1, 2, 3 …
        run = []
        for value in labels:
            if value == 1 and run:
                break
            run.append(value)
        labels = run
    assert labels == list(range(1, len(labels) + 1)), labels


def check_signature(document, expected: Expected) -> None:
    tables = document.tables
    signature = next(t for t in tables[1:] if any("Nơi nhận" in c.text for c in t._cells))
    cells = signature.rows[0].cells
    recipients = [p for p in cells[0].paragraphs if p.text]
    assert recipients[0].text == "Nơi nhận:"
    assert recipients[0].runs[0].underline
    items = [p.text for p in recipients[1:]]
    assert items and all(item.startswith("- ") for item in items)
    assert items[-1].startswith(expected.archive), items
    lines = [p for p in cells[1].paragraphs if p.text]
    texts = [p.text for p in lines]
    wanted = [line for line in (expected.authority, expected.position) if line]
    assert texts[: len(wanted)] == wanted, texts
    assert all(_bold(p) for p in lines)
    assert all(p.alignment is not None and p.alignment.name == "CENTER" for p in lines)


def check_document(path: Path | str, expected: Expected) -> None:
    """Every layout check above, on the Word file at ``path``."""
    document = docx.Document(str(path))
    check_page(document)
    check_fonts_and_numbering(document)
    check_provenance(Path(path))
    check_header(document, expected)
    body = check_title(document, expected)
    check_numbering(body, expected.first_level)
    if expected.authority or expected.position:
        check_signature(document, expected)
    body_sizes = {
        run.font.size
        for p in body
        for run in p.runs
        if run.font.size is not None and p.style.style_id == "BodyText"
    }
    assert body_sizes <= {Pt(14)}  # body text 14 (style default) unless overridden
