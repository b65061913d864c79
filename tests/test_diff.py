"""``drafter diff``: outlines and Word files, text and JSON, and the redline."""

from __future__ import annotations

import json
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from drafter.diff import diff, to_json
from drafter.diff_report import print_text
from regen_helpers import (
    copy_example,
    edit_docx,
    english,
    paragraph_starting,
    replace_in,
    run_cli,
)


@pytest.fixture
def drafts(tmp_path):
    """Round 1 and round 2 of the example, as outlines and as Word files."""
    one = copy_example(tmp_path, "lan-1.yaml")
    two = copy_example(tmp_path, "lan-2.yaml")
    replace_in(two, "Tập trung công tác tuyên truyền và", "Đẩy mạnh công tác tuyên truyền và")
    replace_in(two, "hoàn thành chỉ tiêu giao quân", "hoàn thành 100% chỉ tiêu giao quân")
    replace_in(
        two, "giao quân năm 2024.\n", "giao quân năm 2024.\n      - Nhiệm vụ mới của quý I.\n"
    )
    replace_in(
        two,
        "              Tăng cường công tác quản lý thị trường, điều hành, bình ổn giá, bảo vệ "
        "quyền lợi người tiêu dùng, nhất là dịp Tết Nguyên đán.\n",
        "",
    )
    for outline in (one, two):
        assert run_cli("build", outline, "-o", outline.with_suffix(".docx")) == 0
    return one, two


EXPECTED = {
    ("changed", "Tập trung", "Đẩy mạnh"),
    ("changed", "", "100% "),
    ("added", "", "7. Nhiệm vụ mới của quý I."),
    ("removed", "Tăng cường công tác quản lý thị trường, điều hành,", ""),
}


def _summary(result) -> set[tuple[str, str, str]]:
    found = set()
    for change in result.changes:
        deleted = "".join(w.text for w in change.words if w.op == "delete")
        inserted = "".join(w.text for w in change.words if w.op == "insert")
        if change.kind == "removed":
            deleted = deleted[:50]
        found.add((change.kind, deleted, inserted))
    return found


@pytest.mark.parametrize("old_kind", [".yaml", ".docx"])
@pytest.mark.parametrize("new_kind", [".yaml", ".docx"])
def test_any_combination_finds_the_same_changes(drafts, old_kind, new_kind):
    one, two = drafts
    result = diff(one.with_suffix(old_kind), two.with_suffix(new_kind))
    assert _summary(result) == EXPECTED
    changed = next(c for c in result.changes if c.kind == "changed")
    assert changed.section == "I. Các nhiệm vụ trọng tâm"
    removed = next(c for c in result.changes if c.kind == "removed")
    assert removed.section.endswith("2.1. Lĩnh vực kinh tế")


def test_json_shape(drafts, capsys):
    one, two = drafts
    assert run_cli("diff", one, two.with_suffix(".docx"), "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"old", "new", "summary", "changes"}
    assert data["summary"] == {
        "changed": 2, "added": 1, "removed": 1, "renumbered": 0, "unchanged": 68,
    }  # fmt: skip
    first = data["changes"][0]
    assert set(first) == {"kind", "section", "path", "old", "new", "words"}
    assert first["kind"] == "changed" and first["path"] == "sections.0.sections.0.text.0"
    assert set(first["old"]) == {"paragraph", "line", "text"}
    lines = one.read_text(encoding="utf-8").splitlines()
    item = next(i for i, line in enumerate(lines) if line.startswith("      - Tập trung công tác"))
    assert first["old"]["line"] == item + 1
    assert first["new"]["line"] is None and first["new"]["paragraph"] == 12
    assert first["words"][:3] == [
        {"op": "equal", "text": "1. "},
        {"op": "delete", "text": "Tập trung"},
        {"op": "insert", "text": "Đẩy mạnh"},
    ]
    assert json.loads(json.dumps(to_json(diff(one, one))))["changes"] == []


def test_text_summary_by_section(drafts, capsys):
    one, two = drafts
    english()
    print_text(diff(one, two), color=False)
    out = capsys.readouterr().out
    assert "2 changed, 1 added, 1 removed, 0 renumbered" in out
    assert "── I. Các nhiệm vụ trọng tâm" in out
    assert "[-Tập trung-]{+Đẩy mạnh+}" in out
    assert "  + ¶18  7. Nhiệm vụ mới của quý I." in out
    assert "── II. Những nhiệm vụ và giải pháp › 2. Phát triển kinh tế - xã hội › " in out
    assert run_cli("diff", one, one, "--exit-code") == 0
    assert run_cli("diff", one, two, "--exit-code") == 1


def _revisions(path):
    """Per paragraph text: (inserted texts, deleted texts, paragraph mark state)."""
    document = docx.Document(str(path))
    found = {}
    for p in document.element.body.iter(qn("w:p")):
        inserted = ["".join(t.text for t in i.iter(qn("w:t"))) for i in p.iter(qn("w:ins"))]
        deleted = ["".join(t.text for t in d.iter(qn("w:delText"))) for d in p.iter(qn("w:del"))]
        inserted, deleted = [t for t in inserted if t], [t for t in deleted if t]
        if inserted or deleted:
            visible = "".join(t.text for t in p.iter(qn("w:t")))
            found[visible] = (inserted, deleted)
        for revision in [*p.iter(qn("w:ins")), *p.iter(qn("w:del"))]:
            assert revision.get(qn("w:author")) == "drafter"
            assert revision.get(qn("w:date"))
    return found


def test_redline_tracks_exactly_the_changed_words(drafts, tmp_path):
    one, two = drafts
    redline = tmp_path / "so-sanh.docx"
    assert run_cli("diff", one.with_suffix(".docx"), two, "--docx", redline) == 0
    found = _revisions(redline)
    assert sorted(found.values()) == sorted([
        (["Đẩy mạnh"], ["Tập trung"]),
        (["100% "], []),
        (["7. Nhiệm vụ mới của quý I."], []),
        ([], ["Tăng cường công tác quản lý thị trường, điều hành, bình ổn giá, bảo vệ quyền lợi "
              "người tiêu dùng, nhất là dịp Tết Nguyên đán."]),
    ])  # fmt: skip
    body = [p.text for p in docx.Document(str(redline)).paragraphs]
    # the removed paragraph stands where it stood, after the one that preceded it
    index = next(i for i, t in enumerate(body) if t.startswith("Chủ động điều hành ngân sách"))
    removed = docx.Document(str(redline)).paragraphs[index + 1]._p
    assert removed.xpath("./w:pPr/w:rPr/w:del") and removed.xpath(".//w:del//w:delText")
    # a redline may be replaced by the next one, a real draft never
    assert run_cli("diff", one, two, "--docx", redline) == 0
    assert run_cli("diff", one, two, "--docx", two.with_suffix(".docx")) == 2


@pytest.mark.libreoffice
def test_redline_opens_in_libreoffice(drafts, tmp_path):
    from drafter.render.pdf import convert_to_pdf

    one, two = drafts
    redline = tmp_path / "so-sanh.docx"
    assert run_cli("diff", one, two, "--docx", redline) == 0
    pdf = convert_to_pdf(redline, tmp_path / "so-sanh.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Đẩy mạnh" in text and "Nhiệm vụ mới của quý I." in text


def test_edits_made_in_word_show_up(drafts, tmp_path):
    one, _two = drafts
    built = one.with_suffix(".docx")
    edited = tmp_path / "edited.docx"
    edited.write_bytes(built.read_bytes())

    def reword(document):
        paragraph = paragraph_starting(document, "Chủ động nắm bắt tình hình")
        paragraph.runs[-1].text = paragraph.runs[-1].text.replace("kịp thời", "thật kịp thời")

    edit_docx(edited, reword)
    result = diff(built, edited)
    assert [(c.kind, c.new.path) for c in result.changes] == [
        ("changed", "sections.1.sections.0.sections.0.text.1")
    ]
    assert [w.text.strip() for w in result.changes[0].words if w.op != "equal"] == ["thật"]


def test_unsupported_input_is_a_usage_error(tmp_path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert run_cli("diff", other, other) == 2
    assert "diff compares outlines (.yaml) and Word files (.docx)" in capsys.readouterr().err


# --------------------------------------------------------------------------- appendices


@pytest.fixture
def plans(tmp_path):
    """The plan with its task table (sorted by deadline), and a round 2 with one
    more task due first: every row of the table moves down one number."""
    import shutil
    from pathlib import Path

    example = Path(__file__).parent.parent / "examples" / "ke-hoach-chuyen-doi-so-2024.yaml"
    one, two = tmp_path / "kh-1.yaml", tmp_path / "kh-2.yaml"
    shutil.copyfile(example, one)
    shutil.copyfile(example, two)
    replace_in(
        two,
        "      - text: Kiểm tra, đánh giá mức độ",
        "      - text: Rà soát hạ tầng mạng.\n        lead: Văn phòng Tỉnh ủy\n"
        "        deadline: Tháng 2/2024\n      - text: Kiểm tra, đánh giá mức độ",
    )
    for outline in (one, two):
        assert run_cli("build", outline, "-o", outline.with_suffix(".docx")) == 0
    return one, two


@pytest.mark.parametrize("old_kind", [".yaml", ".docx"])
@pytest.mark.parametrize("new_kind", [".yaml", ".docx"])
def test_appendix_rows_are_their_own_group_and_tt_cells_are_renumbered(plans, old_kind, new_kind):
    one, two = plans
    result = diff(one.with_suffix(old_kind), two.with_suffix(new_kind))
    table = [c for c in result.changes if c.section == "PHỤ LỤC"]
    body = [c for c in result.changes if c.section != "PHỤ LỤC"]
    assert [(c.kind, c.new.text) for c in table if c.kind == "added"] == [
        ("added", "1"), ("added", "Rà soát hạ tầng mạng."), ("added", "Văn phòng Tỉnh ủy"),
        ("added", "Tháng 2/2024"),
    ]  # fmt: skip
    assert [(c.kind, c.old.text, c.new.text) for c in table if c.kind != "added"] == [
        ("renumbered", str(n), str(n + 1)) for n in range(1, 6)
    ]
    assert {c.section for c in body} == {"II. NỘI DUNG"}
    assert result.count("changed") == 0


def test_appendix_group_in_the_text_report(plans, capsys):
    one, two = plans
    english()
    print_text(diff(one, two), color=False)
    out = capsys.readouterr().out
    assert "── III. TỔ CHỨC THỰC HIỆN" not in out  # nothing changed in part III
    assert "── PHỤ LỤC\n" in out
    assert "  # ¶67→¶74  [-4-]{+5+}" in out


def _hand_plan(path, rows):
    """A plan typed by hand: body, Nơi nhận, signature, then an appendix table."""
    document = docx.Document()
    for line in ("KẾ HOẠCH", "Chuyển đổi số", "I. NỘI DUNG", "1. Rà soát văn bản.",
                 "Nơi nhận:", "- Lưu VT.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
                 "PHỤ LỤC", "SỐ LIỆU"):  # fmt: skip
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=3)
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    document.save(str(path))
    return path


def test_a_number_in_another_column_is_a_change_not_a_renumbering(tmp_path):
    header = ["TT", "Nội dung", "Số lượng"]
    old = _hand_plan(tmp_path / "a.docx", [header, ["1", "Máy chủ", "15"], ["2", "Máy trạm", "40"]])
    new = _hand_plan(tmp_path / "b.docx", [header, ["1", "Máy chủ", "16"], ["3", "Máy trạm", "40"]])
    result = diff(old, new)
    assert [(c.kind, c.section, c.old.text, c.new.text) for c in result.changes] == [
        ("changed", "PHỤ LỤC", "15", "16"),
        ("renumbered", "PHỤ LỤC", "2", "3"),
    ]
