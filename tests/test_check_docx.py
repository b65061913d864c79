"""Checking Word files: the same view as the outline, Word's own numbering,
positions (paragraph number, character offset) and the FMT rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from docx_factory import abstract_level, make_docx, p, table
from drafter.checking import check_paths

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
HEADER = table(
    [p("TỈNH ỦY HẬU GIANG") + p("*") + p("Số 05-CTr/TU"),
     p("ĐẢNG CỘNG SẢN VIỆT NAM") + p("Hậu Giang, ngày 05 tháng 01 năm 2024")]
)  # fmt: skip
TITLE = p("CHƯƠNG TRÌNH") + p("công tác quý I năm 2024") + p("-----")
END = (
    p("Nơi nhận:")
    + p("- Các đồng chí Tỉnh ủy viên,")
    + p("- Lưu Văn phòng Tỉnh ủy.")
    + p("T/M BAN THƯỜNG VỤ")
    + p("BÍ THƯ")
    + p("Nguyễn Văn A")
)


def findings_of(tmp_path: Path, data: bytes, name: str = "t.docx"):
    target = tmp_path / name
    target.write_bytes(data)
    (report,) = check_paths([target]).files
    assert report.understood, report
    return report.findings


def serious(findings) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings if f.severity != "info"]


# --------------------------------------------------------------------------- one view


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from drafter.builder import build

    folder = tmp_path_factory.mktemp("built")
    made = {}
    for example in EXAMPLES:
        made[example.name] = folder / (example.stem + ".docx")
        build(example, made[example.name])
    return made


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_outline_and_built_word_file_give_the_same_view(example: Path, built) -> None:
    """Every example, as an outline and as the Word file built from it: the same
    paragraphs (role, label, text) — page numbers aside — and the same findings."""
    from drafter.document import load_document
    from drafter.sources.docx import docx_document
    from drafter.sources.outline import outline_document
    from drafter.sources.view import HEADING, PAGE

    word_file = built[example.name]
    outline = outline_document(load_document(example))
    word = docx_document(word_file, str(word_file))

    def rows(document):
        return [(x.role, x.label, x.text, x.level if x.role == HEADING else None)
                for x in document.paragraphs if x.role != PAGE and (x.text or x.label)]  # fmt: skip

    assert rows(outline) == rows(word)
    assert any(x.role == PAGE for x in word.paragraphs)  # the footer's page number is read
    from_outline, from_word = check_paths([example, word_file]).files
    assert sorted((f.code, f.severity, f.message) for f in from_outline.findings) == sorted(
        (f.code, f.severity, f.message) for f in from_word.findings
    )


def test_appendix_text_points_into_the_outline() -> None:
    """The task table and a copy's block are part of the outline's view too, each
    cell pointing at the value it prints."""
    from drafter.document import load_document
    from drafter.sources.outline import outline_document
    from drafter.sources.view import APPENDIX

    def appendix(name: str) -> dict[str, tuple[int, int]]:
        path = ROOT / "examples" / name
        document = outline_document(load_document(path))
        lines = path.read_text("utf-8").splitlines()
        found = {}
        for paragraph in document.by_role(APPENDIX):
            line, column = paragraph.position(0)
            found[paragraph.text] = lines[line - 1][column - 1 :]
        return found

    tasks = appendix("ke-hoach-chuyen-doi-so-2024.yaml")
    assert tasks["Quý IV/2024"].startswith("Quý IV/2024")
    assert tasks["Kho lưu trữ Tỉnh ủy"].startswith("Kho lưu trữ Tỉnh ủy")  # its own item
    assert tasks["Số hóa hồ sơ, tài liệu lưu trữ của Tỉnh ủy giai đoạn 2015 - 2020."].startswith(
        "Số hóa hồ sơ"
    )
    copy = appendix("ket-luan-cai-cach-hanh-chinh-2024.yaml")
    assert copy["Sở Nội vụ,"].startswith("Sở Nội vụ,")
    assert copy["Trần Thị Thu Hà"].startswith("Trần Thị Thu Hà")
    assert copy["Số 12-BS/VPTU"].startswith("number:")


# --------------------------------------------------------------------------- positions


def test_word_positions_are_paragraph_number_and_character_offset(tmp_path: Path) -> None:
    body = HEADER + TITLE + p("I. NHIỆM VỤ") + p("1. Tổ chức hội nghị nghị  quyết.") + END
    findings = findings_of(tmp_path, make_docx(body))
    # the header table's five paragraphs come first, then the titles: paragraph 10
    assert serious(findings) == [("TXT002", 10, len("1. Tổ chức hội nghị nghị") + 1)]


def test_a_slip_in_a_table_cell_is_found_in_reading_order(tmp_path: Path) -> None:
    cells = table([p("TT"), p("Nội dung")], [p("1"), p("Rà soát văn bản văn bản cũ")])
    body = HEADER + TITLE + p("I. NHIỆM VỤ") + cells + END
    codes = {(f.code, f.line, f.column) for f in findings_of(tmp_path, make_docx(body))}
    assert ("TXT001", 13, len("Rà soát ") + 1) in codes


# --------------------------------------------------------------------------- Word numbering

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    + abstract_level(0, "upperRoman", "%1.")
    + abstract_level(1, "decimal", "%2.")
    + abstract_level(2, "decimal", "%2.%3.")
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'  # a second list: starts again at I.
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)


def numbered_body(second_part_list: str = "1") -> str:
    return HEADER + TITLE + "".join([
        p("MỤC ĐÍCH, YÊU CẦU", num=("1", 0)), p("Mục đích", num=("1", 1)),
        p("Nâng cao nhận thức", num=("1", 2)), p("Bảo đảm an toàn", num=("1", 2)),
        p("Yêu cầu", num=("1", 1)),
        p("NHIỆM VỤ", num=(second_part_list, 0)), p("Tổ chức hội nghị", num=(second_part_list, 1)),
    ]) + END  # fmt: skip


def test_labels_drawn_by_word_are_checked_like_typed_ones(tmp_path: Path) -> None:
    from drafter.sources.docx import docx_document

    target = tmp_path / "auto.docx"
    target.write_bytes(make_docx(numbered_body(), numbering=NUMBERING))
    document = docx_document(target, "auto.docx")
    labelled = [(x.label, x.level, x.auto_label) for x in document.paragraphs if x.label]
    assert labelled[:7] == [("I.", 1, True), ("1.", 2, True), ("1.1.", 3, True),
                            ("1.2.", 3, True), ("2.", 2, True), ("II.", 1, True),
                            ("1.", 2, True)]  # fmt: skip
    assert serious(findings_of(tmp_path, target.read_bytes())) == []
    # the same document with the labels typed gives the same (empty) result
    typed = HEADER + TITLE + "".join(p(text) for text in (
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "1.1. Nâng cao nhận thức", "1.2. Bảo đảm an toàn",
        "2. Yêu cầu", "II. NHIỆM VỤ", "1. Tổ chức hội nghị")) + END  # fmt: skip
    assert serious(findings_of(tmp_path, make_docx(typed), "typed.docx")) == []


def test_a_list_restarted_by_word_is_a_duplicate_at_column_1(tmp_path: Path) -> None:
    findings = findings_of(tmp_path, make_docx(numbered_body("2"), numbering=NUMBERING))
    duplicate = [f for f in findings if f.code == "NUM002"]
    assert [(f.line, f.column) for f in duplicate] == [(14, 1)]  # "I." again, drawn by Word
    assert "I." in duplicate[0].message


def test_a_typed_label_after_word_numbering_continues_it(tmp_path: Path) -> None:
    body = HEADER + TITLE + "".join([
        p("MỤC ĐÍCH", num=("1", 0)), p("Mục đích", num=("1", 1)), p("3. Yêu cầu"),
    ]) + END  # fmt: skip
    findings = findings_of(tmp_path, make_docx(body, numbering=NUMBERING))
    assert ("NUM001", 11, 1) in serious(findings)  # 2. is missing before the typed 3.


# --------------------------------------------------------------------------- FMT


def formatted(margins: dict[str, int], font: str, size_pt: float) -> bytes:
    """A document with the given margins (mm), and its body paragraph's font and size."""
    twips = {side: round(mm * 1440 / 25.4) for side, mm in margins.items()}
    section = "<w:pgMar " + " ".join(f'w:{side}="{value}"' for side, value in twips.items()) + "/>"
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
        'w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
    )
    run_props = (
        f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>'
        f'<w:sz w:val="{round(size_pt * 2)}"/></w:rPr>'
    )
    body = (
        HEADER + TITLE + p("I. NHIỆM VỤ")
        + f'<w:p><w:r>{run_props}<w:t xml:space="preserve">Tổ chức hội nghị.</w:t></w:r></w:p>'
        + END
    )  # fmt: skip
    return make_docx(body, styles=styles, sections=section)


GOOD_MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}


def fmt_findings(tmp_path: Path, data: bytes) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in findings_of(tmp_path, data) if f.code[:3] == "FMT"]


def test_formatting_as_hd36_wants_it_gives_nothing(tmp_path: Path) -> None:
    assert fmt_findings(tmp_path, formatted(GOOD_MARGINS, "Times New Roman", 14)) == []


def test_margins_outside_the_ranges(tmp_path: Path) -> None:
    found = fmt_findings(tmp_path, formatted({**GOOD_MARGINS, "left": 20, "right": 25},
                                             "Times New Roman", 14))  # fmt: skip
    assert [(code, line) for code, line, _ in found] == [("FMT001", 1), ("FMT001", 1)]
    assert "20 mm" in found[0][2] and "30 đến 35 mm" in found[0][2]


def test_font_and_size_of_a_body_paragraph(tmp_path: Path) -> None:
    found = fmt_findings(tmp_path, formatted(GOOD_MARGINS, "Arial", 12))
    assert [(code, line) for code, line, _ in found] == [("FMT002", 10), ("FMT003", 10)]
    assert "Arial" in found[0][2] and "cỡ chữ 12;" in found[1][2]


def word_default_document(path: Path, adjust=None) -> Path:
    """A document typed in a fresh Word document (python-docx's default template:
    docDefaults and the heading styles name only theme fonts, the theme's minor
    font is Cambria and its major font Calibri)."""
    import docx

    document = docx.Document()
    document.add_heading("Công tác xây dựng Đảng", 1)
    document.add_paragraph("Tổ chức hội nghị quán triệt nghị quyết.")
    document.add_paragraph("Rà soát quy chế làm việc.")
    if adjust is not None:
        adjust(document)
    document.save(str(path))
    return path


def fonts_reported(path: Path) -> list[tuple[int, str]]:
    (report,) = check_paths([path], select=["FMT002"]).files
    assert report.understood, report
    return [(f.line, f.message.split("phông ")[1].split(",")[0]) for f in report.findings]


def test_theme_fonts_of_a_new_word_document_are_reported(tmp_path: Path) -> None:
    """Word's default fonts come through ``w:asciiTheme``/``w:hAnsiTheme`` and the
    theme part: the body in the theme's minor font, the heading in its major one."""
    path = word_default_document(tmp_path / "moi.docx")
    assert fonts_reported(path) == [(1, "Calibri"), (2, "Cambria"), (3, "Cambria")]


def test_a_font_set_over_the_theme_wins_and_is_not_reported(tmp_path: Path) -> None:
    def times(document) -> None:
        document.styles["Normal"].font.name = "Times New Roman"  # the style over the defaults
        for run in document.paragraphs[0].runs:  # the text over the heading style
            run.font.name = "Times New Roman"

    path = word_default_document(tmp_path / "tnr.docx", times)
    assert fonts_reported(path) == []


def test_a_theme_font_on_the_same_element_overrides_the_name(tmp_path: Path) -> None:
    """``w:asciiTheme`` wins over ``w:ascii`` on one ``w:rFonts``; Vietnamese letters
    are drawn with the ``w:hAnsi`` font."""
    from docx.oxml.ns import qn

    def mixed(document) -> None:
        first, second = document.paragraphs[1:3]
        fonts = first.runs[0]._r.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:ascii"), "Times New Roman")
        fonts.set(qn("w:hAnsi"), "Times New Roman")
        fonts.set(qn("w:asciiTheme"), "majorHAnsi")  # ignored names: the theme's Calibri
        fonts.set(qn("w:hAnsiTheme"), "majorHAnsi")
        fonts = second.runs[0]._r.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:ascii"), "Times New Roman")  # the ASCII letters only …
        fonts.set(qn("w:hAnsi"), "Arial")  # … and "à", "ệ" in Arial
        document.paragraphs[0].runs[0].font.name = "Times New Roman"

    path = word_default_document(tmp_path / "mixed.docx", mixed)
    assert fonts_reported(path) == [(2, "Calibri"), (3, "Arial")]


def test_a_theme_font_the_file_does_not_name_is_not_guessed(tmp_path: Path) -> None:
    import zipfile

    source = word_default_document(tmp_path / "moi.docx")
    target = tmp_path / "no-theme.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            if not item.filename.startswith("word/theme/"):
                new.writestr(item, old.read(item))
    assert fonts_reported(target) == []


def test_the_built_example_is_formatted_as_hd36_wants(built) -> None:
    (report,) = check_paths([built["chuong-trinh-quy-1-2024.yaml"]], select=["FMT"]).files
    assert report.findings == []
