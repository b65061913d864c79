"""``drafter import``: Word files back into outlines.

* drafter's own files: ``import(build(x)) == x`` for the example and for
  outlines hypothesis makes (built in memory, no LibreOffice);
* a draft typed by hand the way a clerk does it (header in a table, labels
  typed as text, some items numbered by Word itself) imports to an outline
  whose build gives back at least 99 % of its paragraphs verbatim;
* ``--update`` writes edits into an outline keeping its comments and key order.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.dates import DocumentDate
from drafter.docx_io.reader import read_paragraphs
from drafter.importer import import_docx
from drafter.loader import load_outline
from drafter.model import Outline, Section
from regen_helpers import (
    EXAMPLE,
    REFERENCE,
    build_bytes,
    copy_example,
    edit_docx,
    outlines,
    paragraph_starting,
    run_cli,
    text,
    texts,
)


def test_the_example_comes_back_exactly():
    loaded = load_outline(EXAMPLE)
    result = import_docx("example.docx", build_bytes(loaded.outline))
    assert result.from_drafter
    assert result.notes == []
    assert result.outline == loaded.outline


def test_the_example_comes_back_even_without_drafter_s_record():
    """The recogniser alone (as for a file typed by hand) reads drafter's layout."""
    import io
    import zipfile

    loaded = load_outline(EXAMPLE)
    source = zipfile.ZipFile(io.BytesIO(build_bytes(loaded.outline)))
    stripped = io.BytesIO()
    with zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            if not item.filename.startswith("customXml/"):
                target.writestr(item, source.read(item))
    result = import_docx("stripped.docx", stripped.getvalue())
    assert not result.from_drafter
    assert result.outline == loaded.outline


# --------------------------------------------------------------------------- property


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(outlines())
def test_import_of_build_is_the_outline(outline: Outline):
    result = import_docx("generated.docx", build_bytes(outline))
    assert result.outline == outline


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines())
def test_every_paragraph_decodes_back_without_the_written_outline(outline: Outline):
    """Without the outline kept in the file, each paragraph's text alone gives it back."""
    from unittest import mock

    from drafter import builder

    original = builder.snapshot_info

    def paths_only(loaded):
        info = original(loaded)
        info.pop("outline")
        return info

    with mock.patch.object(builder, "snapshot_info", paths_only):
        data = build_bytes(outline)
    assert import_docx("generated.docx", data).outline == outline


EXAMPLES = sorted((EXAMPLE.parent).glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_every_example_comes_back_with_exactly_the_edits_made_in_word(example):
    """Types, issuers, tasks, marks, letters: unchanged parts keep the outline's own
    words (derived values stay derived); edited paragraphs come back edited."""
    import io

    from drafter.builder import render_outline
    from drafter.document import load_document
    from drafter.model import Outline as OutlineModel
    from drafter.outline_writer import plain

    document = load_document(example)
    data, _count = render_outline(document)
    assert import_docx(example.with_suffix(".docx").name, data).outline == document.loaded.outline

    edited = docx.Document(io.BytesIO(data))
    body = [p for p in edited.paragraphs if p.style.style_id == "BodyText" and len(p.text) > 30]
    for paragraph in (body[0], body[len(body) // 2]):
        paragraph.add_run(" (ý kiến Thường trực)")
    buffer = io.BytesIO()
    edited.save(buffer)
    result = import_docx("edited.docx", buffer.getvalue()).outline
    written = str(plain(result, OutlineModel))
    assert written.count(" (ý kiến Thường trực)") == 2
    assert plain(result, OutlineModel) == plain(document.loaded.outline, OutlineModel) or (
        written.replace(" (ý kiến Thường trực)", "")
        == str(plain(document.loaded.outline, OutlineModel))
    )


# --------------------------------------------------------------------------- a clerk's draft

AUTO_NUMBERED = range(1, 7)  # the six items of part I: numbered by Word, not typed
_NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="90">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""


def _reference_body() -> list[str]:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    start = lines.index("-----") + 1
    body = [re.sub(r"^\[bookmark: [^\]]*\]", "", line) for line in lines[start:]]
    return [line for line in body if line.strip()]


def clerk_document(path: Path) -> list[str]:
    """The reference draft typed in Word by hand; returns the paragraphs as Word shows them."""
    document = docx.Document()
    shown: list[str] = []
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].add_run("TỈNH ỦY HẬU GIANG").bold = True
    for line in ("*", "Số      -CTr/TU", "Dự thảo"):
        left.add_paragraph(line)
    right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM").bold = True
    right.add_paragraph("Hậu Giang, ngày      tháng     năm 2023").runs[0].italic = True
    shown += ["TỈNH ỦY HẬU GIANG", "*", "Số      -CTr/TU", "Dự thảo", "ĐẢNG CỘNG SẢN VIỆT NAM",
              "Hậu Giang, ngày      tháng     năm 2023"]  # fmt: skip
    for line in ("CHƯƠNG TRÌNH", "Công tác quý I năm 2024", "-----"):
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = line != "-----"
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shown.append(line)

    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    in_part_one = False
    for line in _reference_body():
        if line.startswith("I. "):
            in_part_one = True
        elif line.startswith("II. "):
            in_part_one = False
        label = re.match(r"^(\d)\. ", line)
        if in_part_one and label and int(label.group(1)) in AUTO_NUMBERED:
            paragraph = document.add_paragraph(line[label.end() :])
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
                )
            )
        else:
            paragraph = document.add_paragraph(line)
            if re.match(r"^(?:[IVX]+|\d+(?:\.\d+)*)\. ", line) and len(line) < 60:
                for run in paragraph.runs:
                    run.bold = True
        shown.append(line)

    signature = document.add_table(rows=1, cols=2)
    recipients, signer = signature.rows[0].cells
    recipients.paragraphs[0].add_run("Nơi nhận:").underline = True
    example = load_outline(EXAMPLE).outline
    for item in example.recipients:
        recipients.add_paragraph(f"- {item}")
    signer.paragraphs[0].add_run("T/M BAN THƯỜNG VỤ").bold = True
    signer.add_paragraph("BÍ THƯ").runs[0].bold = True
    shown += ["Nơi nhận:", *(f"- {r}" for r in example.recipients), "T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
    document.save(str(path))
    return shown


def _heading_tree(sections: list[Section], depth: int = 1) -> list[tuple[int, str]]:
    out = []
    for section in sections:
        out.append((depth, (section.heading or "").strip()))
        out.extend(_heading_tree(section.sections, depth + 1))
    return out


def test_a_draft_typed_by_hand_imports_with_its_heading_tree(tmp_path):
    source = tmp_path / "du-thao.docx"
    shown = clerk_document(source)
    word_view = [
        f"{p.label} {p.text}" if p.label else p.text
        for p in read_paragraphs(source)
        if p.text.strip()
    ]
    assert word_view == shown  # the reader draws Word's numbers as Word does
    assert sum(1 for p in read_paragraphs(source) if p.label) == len(AUTO_NUMBERED)

    result = import_docx(source)
    outline = result.outline
    example = load_outline(EXAMPLE).outline
    assert _heading_tree(outline.sections) == _heading_tree(example.sections)
    assert outline.issuer.name == "TỈNH ỦY HẬU GIANG"
    assert (outline.symbol, outline.number, outline.place) == ("CTr/TU", None, "Hậu Giang")
    assert outline.date == DocumentDate(2023) and outline.draft is True
    assert outline.title == "Công tác quý I năm 2024" and outline.type == "chuong-trinh"
    assert outline.signature.authority == "T/M BAN THƯỜNG VỤ"
    assert outline.recipients == example.recipients
    assert [[t.strip() for t in s.text] for s in outline.sections[0].sections] == [
        s.text for s in example.sections[0].sections
    ]  # the reference draft has trailing spaces the example outline dropped

    rebuilt = tmp_path / "rebuilt.docx"
    rebuilt.write_bytes(build_bytes(outline))
    produced = set(texts(rebuilt))
    reproduced = [line for line in shown if line in produced]
    assert len(reproduced) / len(shown) >= 0.99, sorted(set(shown) - produced)


# --------------------------------------------------------------------------- the command


def test_update_writes_edits_into_the_outline_keeping_comments(tmp_path, capsys):
    outline = copy_example(tmp_path)
    output = tmp_path / "ctr.docx"
    assert run_cli("build", outline, "-o", output) == 0

    def review(document):
        paragraph = paragraph_starting(document, "Thường xuyên chỉ đạo công tác phòng, chống")
        paragraph.runs[-1].text = "Thường xuyên chỉ đạo công tác phòng, chống dịch bệnh."
        anchor = paragraph_starting(document, "- Lưu Văn phòng Tỉnh ủy.")
        anchor.insert_paragraph_before("- Ban Tuyên giáo Tỉnh ủy,")

    edit_docx(output, review)
    before = outline.read_text(encoding="utf-8")
    assert run_cli("import", output, "--update", outline) == 0
    after = outline.read_text(encoding="utf-8")
    comments = [line.split("#", 1)[1] for line in before.splitlines() if "#" in line]
    assert comments == [line.split("#", 1)[1] for line in after.splitlines() if "#" in line]
    keys = re.compile(r"^(\w+):", re.M)
    assert keys.findall(before) == keys.findall(after)
    updated = load_outline(outline).outline
    assert updated.sections[1].sections[1].sections[1].text[1] == (
        "Thường xuyên chỉ đạo công tác phòng, chống dịch bệnh."
    )
    assert updated.recipients[-2:] == ["Ban Tuyên giáo Tỉnh ủy,", "Lưu Văn phòng Tỉnh ủy."]
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(changed) == 2, changed  # one paragraph line, one recipient line


def test_import_writes_a_new_outline_and_never_overwrites(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "ctr.docx"
    assert run_cli("build", copy_example(tmp_path, "source.yaml"), "-o", output) == 0
    assert run_cli("import", output) == 0
    written = tmp_path / "ctr.yaml"
    assert load_outline(written).outline == load_outline(EXAMPLE).outline
    first = written.read_bytes()
    capsys.readouterr()
    assert run_cli("import", output) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and err.count("\n") == 1
    assert written.read_bytes() == first
    assert run_cli("import", output, "-o", "-") == 0
    assert capsys.readouterr().out == first.decode("utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a zip", "not a Word .docx file"), (b"\xd0\xcf\x11\xe0old", "old Word .doc file")],
)
def test_broken_word_files_are_one_line_errors(tmp_path, capsys, content, message):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(content)
    assert run_cli("import", broken, "-o", tmp_path / "x.yaml") == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_round_trip_keeps_a_copy_safe():
    """``import_docx`` never changes the outline object it was given (sanity)."""
    loaded = load_outline(EXAMPLE)
    frozen = copy.deepcopy(loaded.outline)
    import_docx("x.docx", build_bytes(loaded.outline))
    assert loaded.outline == frozen


# --------------------------------------------------------------------------- any Word file

pieces = st.sampled_from([
    "I. Mục tiêu", "II- Nhiệm vụ", "1. Việc một.", "1.1. Công tác", "a) điểm a", "- ý gạch",
    "+ ý cộng", "Nơi nhận:", "- Lưu VT.", "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "BÍ THƯ",
    "Số 05-CTr/TU", "Số: 12/QĐ-UBND", "Dự thảo lần 3", "Hà Nội, ngày 31 tháng 02 năm 2024",
    "Hậu Giang, ngày 05 tháng 01 năm 2024", "ĐẢNG CỘNG SẢN VIỆT NAM", "CHƯƠNG TRÌNH", "KẾ HOẠCH",
    "*", "-----", "Trên đây là chương trình.", "", "   ", "\t", "IIII. sai số La Mã",
])  # fmt: skip
lines = st.lists(pieces | text, max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.integers(0, 6))
def test_any_word_file_imports_to_an_outline_that_builds(paragraphs, in_table):
    import io

    from drafter.errors import InputError

    document = docx.Document()
    if in_table:
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        for line in paragraphs[:in_table]:
            cell.add_paragraph(line)
    for line in paragraphs[in_table:]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        result = import_docx("hand.docx", buffer.getvalue())
    except InputError:
        return
    build_bytes(result.outline)  # whatever came out is an outline drafter can build


def test_a_symbol_that_contradicts_the_type_name_is_fixed_with_a_note(tmp_path) -> None:
    """Found by hypothesis: "Số 05-CTr/TU" over "KẾ HOẠCH" must still import to an
    outline that builds, saying what was changed."""
    from docx import Document

    from drafter.importer import import_docx

    path = tmp_path / "tay.docx"
    document = Document()
    for line in ("Số 05-CTr/TU", "KẾ HOẠCH", "I. Mục tiêu"):
        document.add_paragraph(line)
    document.save(str(path))
    result = import_docx(path)
    assert result.outline.type == "ke-hoach"
    assert result.outline.symbol == "KH/TU"
    assert any("CTr/TU" in note and "KH/TU" in note for note in result.notes)


# --------------------------------------------------------------------------- Word's own numbering


def _body_texts(data: bytes) -> list[str]:
    """The body paragraphs of a Word file as Word shows them (drawn labels included)."""
    return [
        f"{p.label} {p.text}" if p.label else p.text
        for p in read_paragraphs("x.docx", data)
        if p.location == "body" and p.text.strip()
    ]


def test_word_list_number_paragraphs_import_as_sibling_items(tmp_path) -> None:
    """python-docx's default template: "List Number" points (w:numPr in the style)
    at numId 5 -> abstractNum 7, one decimal level "%1.": Word draws 1., 2., 3."""
    source = tmp_path / "auto.docx"
    document = docx.Document()
    document.add_paragraph("THÔNG BÁO")
    document.add_paragraph("Kết luận của Thường trực Tỉnh ủy về sản xuất")
    for item in ("Nông nghiệp", "Công nghiệp", "Dịch vụ"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("Trên đây là kết luận của Thường trực Tỉnh ủy.")
    document.save(str(source))
    drawn = [(p.label, p.num_level) for p in read_paragraphs(source) if p.label]
    assert drawn == [("1.", 0), ("2.", 0), ("3.", 0)]

    result = import_docx(source)
    outline = result.outline
    assert outline.type == "thong-bao"
    assert [(s.heading, s.text, s.sections) for s in outline.sections] == [
        (None, ["Nông nghiệp"], []),
        (None, ["Công nghiệp"], []),
        (None, ["Dịch vụ"], []),
    ]
    assert "numbering" not in result.data  # a Thông báo numbers 1., 2., 3. (arabic)
    assert outline.closing == ["Trên đây là kết luận của Thường trực Tỉnh ủy."]
    built = _body_texts(build_bytes(outline))
    start = built.index("1. Nông nghiệp")
    assert built[start : start + 3] == ["1. Nông nghiệp", "2. Công nghiệp", "3. Dịch vụ"]


def test_a_list_of_numbers_alone_is_the_top_level_whatever_the_type() -> None:
    from drafter.numbering import parse_label
    from drafter.recognise import choose_style

    numbers = [parse_label(f"{n}. x") for n in (1, 2, 3)]
    assert choose_style(numbers, "hd36") == "arabic"  # not hd36's "1." under a missing "I."
    parts = [parse_label(text) for text in ("I. x", "1. x", "1.1. x", "a) x")]
    assert choose_style(parts, "hd36") == "hd36"
    letters = [parse_label(text) for text in ("I- x", "1. x", "a) x", "b) x")]
    assert choose_style(letters, "hd36-hyphen") == "hd36-hyphen-letter"


def test_letters_typed_by_hand_under_a_number_stay_letters(tmp_path) -> None:
    source = tmp_path / "tay.docx"
    document = docx.Document()
    for line in ("THÔNG BÁO", "Kết luận về sản xuất", "1. Nông nghiệp", "a) Trồng trọt",
                 "b) Chăn nuôi", "2. Công nghiệp"):  # fmt: skip
        document.add_paragraph(line)
    document.save(str(source))
    result = import_docx(source)
    assert result.data["numbering"] == "arabic-letter"
    first = result.outline.sections[0]
    assert [s.text for s in first.sections] == [["Trồng trọt"], ["Chăn nuôi"]]
    built = _body_texts(build_bytes(result.outline))
    start = built.index("1. Nông nghiệp")
    assert built[start : start + 4] == [
        "1. Nông nghiệp", "a) Trồng trọt", "b) Chăn nuôi", "2. Công nghiệp",
    ]  # fmt: skip


def test_letters_added_in_word_under_a_number_stay_letters_after_a_rebuild(tmp_path) -> None:
    outline = tmp_path / "tb.yaml"
    outline.write_text(
        "type: thong-bao\nissuer:\n  name: TỈNH ỦY HẬU GIANG\nsymbol: TB/TU\nplace: Hậu Giang\n"
        "date: 2024\ntitle: Kết luận về sản xuất\n"
        "sections:\n  - Nông nghiệp\n  - Công nghiệp\n  - Dịch vụ\n",
        encoding="utf-8",
    )
    built = tmp_path / "tb.docx"
    assert run_cli("build", outline, "-o", built) == 0

    def add_points(document):
        item = paragraph_starting(document, "1. Nông nghiệp")
        later = paragraph_starting(document, "2. Công nghiệp")
        later.insert_paragraph_before("a) Trồng trọt", style=item.style)
        later.insert_paragraph_before("b) Chăn nuôi", style=item.style)

    edit_docx(built, add_points)
    assert run_cli("import", built, "--update", outline) == 0
    updated = load_outline(outline).outline
    assert updated.numbering == "arabic-letter"
    assert [s.text for s in updated.sections[0].sections] == [["Trồng trọt"], ["Chăn nuôi"]]
    rebuilt = tmp_path / "tb-2.docx"
    assert run_cli("build", outline, "-o", rebuilt) == 0
    shown = texts(rebuilt)
    start = shown.index("1. Nông nghiệp")
    assert shown[start : start + 5] == [
        "1. Nông nghiệp", "a) Trồng trọt", "b) Chăn nuôi", "2. Công nghiệp", "3. Dịch vụ",
    ]  # fmt: skip


# --------------------------------------------------------------------------- notes


@pytest.mark.parametrize(
    ("lines", "missing", "present"),
    [
        (["Số 05-TB/TU", "Hậu Giang, ngày 05 tháng 01 năm 2024"], ["no signer's name"],
         ["no number", "no full date"]),
        (["Hậu Giang, ngày 05 tháng 01 năm 2024"], ["no number", "no signer's name"],
         ["no full date"]),
        (["Số 05-TB/TU", "Hậu Giang, ngày      tháng     năm 2024"],
         ["no full date (day, month and year)", "no signer's name"], ["no number"]),
    ],
)  # fmt: skip
def test_the_draft_note_says_exactly_what_is_missing(tmp_path, lines, missing, present) -> None:
    from regen_helpers import english

    english()
    source = tmp_path / "tay.docx"
    document = docx.Document()
    for line in ["TỈNH ỦY HẬU GIANG", *lines, "THÔNG BÁO", "Kết luận", "1. Nông nghiệp."]:
        document.add_paragraph(line)
    document.save(str(source))
    result = import_docx(source)
    assert result.outline.draft is True
    [note] = [n for n in result.notes if "draft mark" in n]
    assert note == (
        "the Word file has no draft mark, but it has "
        + " and ".join(missing)
        + "; imported as a draft (draft: true)"
    )
    assert not any(word in note for word in present)


def test_the_draft_note_in_vietnamese_names_only_the_signer(tmp_path) -> None:
    source = tmp_path / "tay.docx"
    document = docx.Document()
    for line in ("TỈNH ỦY HẬU GIANG", "Số 05-TB/TU", "Hậu Giang, ngày 05 tháng 01 năm 2024",
                 "THÔNG BÁO", "Kết luận", "1. Nông nghiệp."):  # fmt: skip
        document.add_paragraph(line)
    document.save(str(source))
    [note] = [n for n in import_docx(source).notes if "Dự thảo" in n]
    assert note == (
        'tệp Word không có dấu "Dự thảo" nhưng chưa có tên người ký; '
        "đã nhập như một bản dự thảo (draft: true)"
    )
