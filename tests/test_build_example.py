"""The example builds to a Word file that reproduces the reference draft, laid out
as HD 36 asks — checked by opening the file, never by comparing zip bytes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from conftest import EXAMPLE, REFERENCE, SHARED_REFERENCE
from drafter.docx_io.package import DocxPackage, w
from drafter.docx_io.properties import read_custom_properties
from drafter.docx_io.reader import read_paragraphs

RECIPIENTS = [
    "Nơi nhận:",
    "- Văn phòng Trung ương Đảng (b/c),",
    "- Các đồng chí Tỉnh ủy viên,",
    "- Các ban đảng, đảng đoàn, ban cán sự đảng tỉnh,",
    "- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
    "- Lưu Văn phòng Tỉnh ủy.",
]
SIGNATURE = ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]


def normalise(text: str) -> str:
    return " ".join(re.sub(r"\[bookmark: [^\]]*\]", "", text).split())


def reference_paragraphs() -> list[str]:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    return [n for n in (normalise(line) for line in lines) if n]


@pytest.fixture(scope="module")
def paragraphs(built_example: Path) -> list[str]:
    """The body's paragraphs (page headers come last in reading order)."""
    every = read_paragraphs(built_example)
    headers = [(p.location, p.text) for p in every if p.part != "word/document.xml"]
    assert headers == [("header", ""), ("header", "2")]  # first page empty, then the PAGE field
    return [p.text for p in every if p.part == "word/document.xml"]


def test_reproduces_the_reference_draft_in_reading_order(paragraphs: list[str]) -> None:
    """Every paragraph of the reference, in order; plus what its extraction lost
    (the issuer above the "*") and the signature block and Nơi nhận it lacks."""
    built = [n for n in (normalise(p) for p in paragraphs) if n]
    reference = reference_paragraphs()
    assert len(reference) == 62
    assert built == ["TỈNH ỦY HẬU GIANG", *reference, *RECIPIENTS, *SIGNATURE]


@pytest.mark.skipif(not SHARED_REFERENCE.exists(), reason="../shared is not next to this checkout")
def test_reference_copy_is_verbatim() -> None:
    assert REFERENCE.read_bytes() == SHARED_REFERENCE.read_bytes()


def test_header_block_exactly(paragraphs: list[str]) -> None:
    assert paragraphs[:9] == [
        "TỈNH ỦY HẬU GIANG",
        "*",
        "Số      -CTr/TU",
        "Dự thảo",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hậu Giang, ngày      tháng     năm 2023",
        "CHƯƠNG TRÌNH",
        "Công tác quý I năm 2024",
        "-----",
    ]


def test_numbering_labels_are_literal_text(built_example: Path) -> None:
    items = read_paragraphs(built_example)
    labelled = [p.text.split(" ", 1)[0] for p in items if p.style and p.style.startswith("Heading")]
    assert labelled == ["I.", "II.", "1.", "1.1.", "1.2.", "1.3.", "1.4.", "1.5.", "1.6.",
                        "1.7.", "2.", "2.1.", "2.2.", "3.", "3.1.", "3.2."]  # fmt: skip
    items_of_part_one = [p.text[:3] for p in items if p.style == "BodyText"][1:7]
    assert items_of_part_one == ["1. ", "2. ", "3. ", "4. ", "5. ", "6. "]
    with DocxPackage(built_example) as package:
        document = package.xml("word/document.xml")
    assert not list(document.iter(w("numPr"))), "no Word auto-numbering"


def test_the_reference_defects_are_kept_verbatim(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    assert "câ\tn đối" in text
    assert "kinh tế  - xã hội" in text
    assert "chuyên đề chuyên đề" in text
    assert "ngay tại cơ cở." in text
    assert "(01/01/2004 - 01/01/2024, kỷ niệm 94 năm" in text


def _mm(length: int | None) -> float:
    assert length is not None
    return length / 36000


def test_page_size_and_margins(built_example: Path) -> None:
    section = Document(str(built_example)).sections[0]
    assert (round(_mm(section.page_width)), round(_mm(section.page_height))) == (210, 297)
    assert [
        round(_mm(m))
        for m in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ] == [20, 20, 30, 15]
    assert section.orientation == 0  # portrait


def test_page_numbers_from_page_two(built_example: Path) -> None:
    section = Document(str(built_example)).sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_header._element.xml
    default = section.header.paragraphs[0]
    assert " PAGE " in default._p.xml
    assert default.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_fonts_are_times_new_roman_everywhere(built_example: Path) -> None:
    with DocxPackage(built_example) as package:
        styles = package.xml("word/styles.xml")
        document = package.xml("word/document.xml")
    fonts = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert fonts is not None
    assert {fonts.get(w(k)) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    for element in (*styles.iter(w("rFonts")), *document.iter(w("rFonts"))):
        named = {element.get(w(k)) for k in ("ascii", "hAnsi", "cs", "eastAsia")} - {None}
        assert named <= {"Times New Roman"}
        assert not any(k.endswith("Theme") for k in element.attrib)
    size = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('sz')}")
    assert size is not None and size.get(w("val")) == "28"  # 14 pt body


def _run(paragraph) -> tuple[float | None, bool | None, bool | None]:
    run = paragraph.runs[0]
    size = run.font.size.pt if run.font.size else None
    return size, run.font.bold, run.font.italic


def test_header_block_typography(built_example: Path) -> None:
    document = Document(str(built_example))
    header = document.tables[0]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs] == ["TỈNH ỦY HẬU GIANG", "*", "Số      -CTr/TU",
                                                 "Dự thảo"]  # fmt: skip
    assert _run(left.paragraphs[0]) == (14, True, None)  # issuer: caps 14 bold
    assert _run(left.paragraphs[2])[:2] == (14, None)  # "Số …": 14 regular
    motto, place_date = right.paragraphs
    assert _run(motto) == (15, True, None)
    assert "w:bottom" in motto._p.xml  # the rule under the motto
    assert _run(place_date) == (14, None, True)
    for paragraph in (*left.paragraphs, *right.paragraphs):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    borders = header._tbl.tblPr.find(w("tblBorders"))
    assert borders is not None and {b.get(w("val")) for b in borders} == {"nil"}


def test_title_and_body_typography(built_example: Path) -> None:
    document = Document(str(built_example))
    body = document.paragraphs
    type_name = next(p for p in body if p.text == "CHƯƠNG TRÌNH")
    title = next(p for p in body if p.text == "Công tác quý I năm 2024")
    assert _run(type_name) == (16, True, None)
    assert _run(title) == (14, True, None)
    assert type_name.alignment == title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    text_style = document.styles["Body Text"]
    assert text_style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(text_style.paragraph_format.first_line_indent.mm) == 10
    assert document.styles["heading 1"].font.bold is True
    assert document.styles["heading 3"].font.italic is True
    assert document.styles["heading 1"].font.color.rgb is None  # black, no theme colour
    preamble = next(p for p in body if p.text.startswith("Căn cứ"))
    assert preamble.style.name == "Body Text"


def test_signature_and_recipients(built_example: Path) -> None:
    document = Document(str(built_example))
    recipients_cell, signature_cell = document.tables[-1].rows[0].cells
    assert [p.text for p in recipients_cell.paragraphs] == RECIPIENTS
    assert recipients_cell.paragraphs[0].runs[0].font.underline
    assert recipients_cell.paragraphs[1].runs[0].font.size == Pt(12)
    texts = [p.text for p in signature_cell.paragraphs]
    assert texts[:2] == SIGNATURE and texts[-1] == ""  # name left blank in a draft
    assert _run(signature_cell.paragraphs[0]) == (14, True, None)


def test_provenance_is_recorded(built_example: Path) -> None:
    with DocxPackage(built_example) as package:
        properties = read_custom_properties(package)
    assert properties["drafter.outline"] == EXAMPLE.name
    assert properties["drafter.version"]
    assert len(properties["drafter.outline_sha256"]) == 64
    assert len(properties["drafter.content_sha256"]) == 64
    assert properties["drafter.format"] == "hd36_2018"
    document = Document(str(built_example))
    assert document.core_properties.title == "CHƯƠNG TRÌNH Công tác quý I năm 2024"


def test_header_names_are_set_in_capitals(tmp_path: Path) -> None:
    from drafter.builder import build

    outline = tmp_path / "thuong.yaml"
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "name: TỈNH ỦY HẬU GIANG", "name: Tỉnh ủy Hậu Giang\n  superior: Đảng bộ tỉnh Hậu Giang"
    )
    outline.write_text(text.replace("authority: T/M BAN THƯỜNG VỤ", "authority: T/M Ban Thường vụ"),
                       encoding="utf-8")  # fmt: skip
    build(outline, tmp_path / "thuong.docx")
    texts = [p.text for p in read_paragraphs(tmp_path / "thuong.docx")]
    assert texts[:2] == ["ĐẢNG BỘ TỈNH HẬU GIANG", "TỈNH ỦY HẬU GIANG"]
    assert "T/M BAN THƯỜNG VỤ" in texts


def test_page_setup_unit_helper() -> None:
    assert round(_mm(Mm(30))) == 30
