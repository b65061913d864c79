"""Regenerating a Word file people edited: the three-way merge, end to end.

Each test builds an outline, edits the Word file the way a reviewer would
(python-docx), edits the outline the way the drafter would, builds again
through the real command line, and opens the result.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drafter.numbering import parse_label
from regen_helpers import (
    build_bytes,
    copy_example,
    edit_docx,
    outlines,
    paragraph_starting,
    replace_in,
    run_cli,
    texts,
)

SMALL = """\
type: chuong-trinh
issuer: {name: TỈNH ỦY HẬU GIANG}
symbol: CTr/TU
place: Hậu Giang
date: 2023
title: Công tác quý I năm 2024
preamble: Căn cứ Chương trình công tác năm 2024, Tỉnh ủy đề ra công tác trọng tâm như sau.
sections:
%s
closing: Trên đây là Chương trình công tác quý I năm 2024.
signature: {authority: T/M BAN THƯỜNG VỤ, position: BÍ THƯ}
recipients: [Văn phòng Trung ương Đảng (b/c), Lưu Văn phòng Tỉnh ủy.]
"""
ALPHA = """\
  - heading: Công tác xây dựng Đảng
    text: |
      Đoạn một của phần xây dựng Đảng.
      Đoạn hai của phần xây dựng Đảng.
"""
BETA = """\
  - heading: Phát triển kinh tế - xã hội
    text: |
      Đoạn một của phần kinh tế.
      Đoạn hai của phần kinh tế.
"""


def small_outline(folder: Path, *parts: str) -> Path:
    path = folder / "small.yaml"
    path.write_text(SMALL % "".join(parts), encoding="utf-8")
    return path


def build(outline: Path, output: Path, *extra: str) -> int:
    return run_cli("build", outline, "-o", output, *extra)


def test_edits_to_different_paragraphs_on_both_sides_both_survive(tmp_path, capsys):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0

    def reword(document):
        paragraph = paragraph_starting(document, "Chủ động nắm bắt tình hình")
        paragraph.runs[-1].text = paragraph.runs[-1].text.replace(
            "để xử lý kịp thời", "để xử lý thật kịp thời"
        )

    edit_docx(output, reword)
    replace_in(outline, "hoàn thành chỉ tiêu giao quân", "hoàn thành 100% chỉ tiêu giao quân")
    capsys.readouterr()
    assert build(outline, output) == 0
    out = capsys.readouterr().out
    assert "1 paragraph(s) from the outline, 1 kept as edited in Word" in out
    body = texts(output)
    assert any("để xử lý thật kịp thời" in t for t in body)
    assert any("hoàn thành 100% chỉ tiêu giao quân năm 2024" in t for t in body)
    assert not any("để xử lý kịp thời" in t for t in body)


def test_same_paragraph_changed_on_both_sides_is_a_conflict(tmp_path, capsys):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    start = "Tăng cường công tác quản lý thị trường"

    def reword(document):
        paragraph_starting(document, start).runs[
            -1
        ].text = "Tăng cường công tác quản lý thị trường dịp Tết (ý kiến Thường trực)."

    edit_docx(output, reword)
    replace_in(outline, "bình ổn giá, bảo vệ", "bình ổn giá cả, bảo vệ")
    capsys.readouterr()

    assert build(outline, output) == 1
    err = capsys.readouterr().err
    document = docx.Document(str(output))
    number = 1 + [p.text for p in document.paragraphs].index(
        "Tăng cường công tác quản lý thị trường dịp Tết (ý kiến Thường trực)."
    )
    position = texts(output).index(
        "Tăng cường công tác quản lý thị trường dịp Tết (ý kiến Thường trực)."
    )
    assert f"{output}:{position + 1}:1: conflict" in err, (number, err)
    assert "Word file: Tăng cường công tác quản lý thị trường dịp Tết" in err
    assert "outline:   Tăng cường công tác quản lý thị trường, điều hành, bình ổn giá cả" in err
    yaml_lines = outline.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(yaml_lines, 1) if "bình ổn giá cả, bảo vệ" in text)
    assert f"in the outline: {outline}:{line}" in err
    comments = list(document.comments)
    assert len(comments) == 1
    assert comments[0].author == "drafter"
    assert "bình ổn giá cả, bảo vệ quyền lợi người tiêu dùng" in comments[0].text
    anchored = paragraph_starting(document, start)
    assert anchored._p.xpath(".//w:commentRangeStart")

    # not settled: the next build reports it again, without a second comment
    assert build(outline, output) == 1
    assert len(list(docx.Document(str(output)).comments)) == 1
    # settled by choosing the outline
    assert build(outline, output, "--prefer", "outline") == 0
    assert any("bình ổn giá cả, bảo vệ" in t for t in texts(output))
    assert not any("ý kiến Thường trực" in t for t in texts(output))


def test_prefer_document_keeps_the_word_text(tmp_path):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    edit_docx(
        output,
        lambda d: setattr(
            paragraph_starting(d, "Tăng cường công tác quản lý thị trường").runs[-1],
            "text",
            "Bản của Thường trực.",
        ),
    )
    replace_in(outline, "bình ổn giá, bảo vệ", "bình ổn giá cả, bảo vệ")
    assert build(outline, output, "--prefer", "document") == 0
    assert "Bản của Thường trực." in texts(output)
    assert not list(docx.Document(str(output)).comments)


def test_hand_added_paragraph_follows_its_section_when_the_outline_reorders(tmp_path):
    outline = small_outline(tmp_path, ALPHA, BETA)
    output = tmp_path / "small.docx"
    assert build(outline, output) == 0
    added = "Ý kiến bổ sung của đồng chí Bí thư về phần kinh tế."

    def review(document):
        paragraph_starting(document, "Đoạn hai của phần kinh tế").insert_paragraph_before(added)
        paragraph_starting(document, "Đoạn hai của phần xây dựng Đảng").runs[
            -1
        ].text = "Đoạn hai của phần xây dựng Đảng, đã sửa trong Word."

    edit_docx(output, review)
    outline.write_text(SMALL % (BETA + ALPHA), encoding="utf-8")  # the two parts swap
    assert build(outline, output) == 0
    body = texts(output)
    assert body.index("I. Phát triển kinh tế - xã hội") < body.index(added)
    assert body.index(added) < body.index("II. Công tác xây dựng Đảng")
    assert body[body.index(added) - 1] == "Đoạn một của phần kinh tế."
    assert body[body.index(added) + 1] == "Đoạn hai của phần kinh tế."
    # the part that moved keeps the edit made to it in Word
    assert body[body.index("II. Công tác xây dựng Đảng") + 2] == (
        "Đoạn hai của phần xây dựng Đảng, đã sửa trong Word."
    )


def test_paragraph_deleted_in_word_stays_deleted(tmp_path):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    gone = "Tăng cường công tác quản lý thị trường"

    def delete(document):
        element = paragraph_starting(document, gone)._p
        element.getparent().remove(element)

    edit_docx(output, delete)
    replace_in(outline, "hoàn thành chỉ tiêu giao quân", "hoàn thành 100% chỉ tiêu giao quân")
    assert build(outline, output) == 0
    body = texts(output)
    assert not any(t.startswith(gone) for t in body)
    assert any("100% chỉ tiêu" in t for t in body)
    assert build(outline, output) == 0  # and on the next round too
    assert not any(t.startswith(gone) for t in texts(output))


def test_hand_formatting_is_kept(tmp_path):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    unchanged = "Tiếp tục đổi mới nội dung, nâng cao chất lượng"
    changed = "Chủ động nắm bắt tình hình"

    def emphasise(document):
        paragraph_starting(document, unchanged).runs[-1].bold = True
        paragraph = paragraph_starting(document, changed)
        run = paragraph.runs[-1]
        head, tail = run.text.split("Ban Chỉ đạo 35", 1)
        run.text = head
        bold = paragraph.add_run("Ban Chỉ đạo 35")
        bold.bold = True
        paragraph.add_run(tail)

    edit_docx(output, emphasise)
    replace_in(outline, "tâm trạng cán bộ, đảng viên và nhân dân", "tâm trạng cán bộ, đảng viên")
    assert build(outline, output) == 0
    document = docx.Document(str(output))
    assert [r.bold for r in paragraph_starting(document, unchanged).runs] == [True]
    paragraph = paragraph_starting(document, changed)
    assert "tâm trạng cán bộ, đảng viên, các vấn đề" in paragraph.text
    assert [r.text for r in paragraph.runs if r.bold] == ["Ban Chỉ đạo 35"]


def test_labels_are_recomputed_after_the_merge(tmp_path):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    edit_docx(
        output,
        lambda d: paragraph_starting(d, "4. Quan tâm công tác an sinh").insert_paragraph_before(
            "4. Nhiệm vụ do Thường trực bổ sung."
        ),
    )
    replace_in(
        outline,
        "      - Tập trung công tác tuyên truyền",
        "      - Nhiệm vụ mới đặt lên đầu.\n      - Tập trung công tác tuyên truyền",
    )
    assert build(outline, output) == 0
    body = texts(output)
    start = body.index("I. Các nhiệm vụ trọng tâm") + 1
    end = body.index("II. Những nhiệm vụ và giải pháp")
    labels = [parse_label(t).text for t in body[start:end]]
    assert labels == [f"{n}." for n in range(1, 9)]
    assert body[start] == "1. Nhiệm vụ mới đặt lên đầu."
    assert body[start + 4] == "5. Nhiệm vụ do Thường trực bổ sung."


def test_a_foreign_word_file_is_refused(tmp_path, capsys):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    foreign = docx.Document()
    foreign.add_paragraph("Văn bản của phòng khác")
    foreign.save(str(output))
    assert build(outline, output) == 2
    assert "was not made by drafter" in capsys.readouterr().err
    assert texts(output) == ["Văn bản của phòng khác"]
    assert build(outline, output, "--force") == 0
    assert "Văn bản của phòng khác" not in texts(output)


def test_an_edited_file_without_its_snapshot_is_refused(tmp_path, capsys):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    edit_docx(output, lambda d: d.add_paragraph("Một đoạn thêm"))
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(output) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            if not item.filename.startswith("customXml/"):
                target.writestr(item, source.read(item))
    stripped.replace(output)
    capsys.readouterr()
    assert build(outline, output) == 2
    err = capsys.readouterr().err
    assert "no longer holds the record of what drafter generated" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "Một đoạn thêm" in texts(output)


def test_untouched_output_is_simply_rebuilt(tmp_path, capsys):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    replace_in(outline, "hoàn thành chỉ tiêu giao quân", "hoàn thành 100% chỉ tiêu giao quân")
    capsys.readouterr()
    assert build(outline, output) == 0
    assert "Merged" not in capsys.readouterr().out
    assert any("100% chỉ tiêu" in t for t in texts(output))


@pytest.mark.libreoffice
def test_a_file_saved_by_libreoffice_still_merges(tmp_path):
    from drafter.render.pdf import find_soffice

    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    edit_docx(output, lambda d: d.add_paragraph("Đoạn thêm trước khi mở bằng LibreOffice."))
    saved = tmp_path / "saved"
    subprocess.run(
        [find_soffice(), "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(saved), str(output)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    (saved / "ctr.docx").replace(output)
    replace_in(outline, "hoàn thành chỉ tiêu giao quân", "hoàn thành 100% chỉ tiêu giao quân")
    assert build(outline, output) == 0
    body = texts(output)
    assert any("100% chỉ tiêu" in t for t in body)
    assert "Đoạn thêm trước khi mở bằng LibreOffice." in body
    assert not list(docx.Document(str(output)).comments)


def test_header_and_signature_cells_merge_too(tmp_path):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0

    def review(document):
        paragraph_starting(document, "- Lưu Văn phòng Tỉnh ủy.").insert_paragraph_before(
            "- Ban Tuyên giáo Tỉnh ủy,"
        )
        paragraph_starting(document, "Hậu Giang, ngày").runs[
            -1
        ].text = "Hậu Giang, ngày 05 tháng 01 năm 2024"

    edit_docx(output, review)
    replace_in(outline, "  name:                       # họ tên", "  name: Nguyễn Văn A  # họ tên")
    replace_in(outline, "number:  ", "number: 12")
    assert build(outline, output) == 0
    body = texts(output)
    assert body[body.index("- Ban Tuyên giáo Tỉnh ủy,") + 1] == "- Lưu Văn phòng Tỉnh ủy."
    assert "Hậu Giang, ngày 05 tháng 01 năm 2024" in body
    assert "Số 12-CTr/TU" in body
    assert body[-1] == "Nguyễn Văn A"


def _text_paths(outline) -> list[tuple[str, ...]]:
    """Where the plain text paragraphs of an outline are (preamble, section texts, closing)."""
    found = [("preamble", i) for i in range(len(outline.preamble))]
    found += [("closing", i) for i in range(len(outline.closing))]

    def walk(sections, prefix):
        for index, section in enumerate(sections):
            first = 0 if section.heading is not None else 1  # an item's first line has a label
            found.extend((*prefix, index, "text", k) for k in range(first, len(section.text)))
            walk(section.sections, (*prefix, index, "sections"))

    walk(outline.sections, ("sections",))
    return found


def _get(outline, path):
    target = outline
    for key in path[:-1]:
        target = target[key] if isinstance(key, int) else getattr(target, key)
    return target, path[-1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), st.data())
def test_edits_on_both_sides_always_survive(tmp_path_factory, outline, data):
    import copy

    from drafter.loader import LoadedOutline
    from drafter.positions import PositionMap
    from drafter.regenerate import regenerate

    paths = _text_paths(outline)
    texts_now = [_get(outline, p)[0][p[-1]] for p in paths]
    assume(len(paths) >= 2 and len(set(texts_now)) == len(texts_now))
    ours_at, theirs_at = data.draw(st.permutations(range(len(paths))))[:2]
    target = tmp_path_factory.mktemp("merge") / "x.docx"
    target.write_bytes(build_bytes(outline, "x.yaml"))

    theirs_old = texts_now[theirs_at]
    assume(read_bytes_texts(target.read_bytes()).count(theirs_old) == 1)
    edit_docx(target, lambda d: _append_to(d, theirs_old, " (sửa trong Word)"))
    changed = copy.deepcopy(outline)
    container, index = _get(changed, paths[ours_at])
    container[index] += " (sửa trong dàn ý)"
    loaded = LoadedOutline(changed, PositionMap(), Path("x.yaml"), "", {})
    result = regenerate(target, loaded)
    assert result.merge is not None and result.merge.conflicts == []
    merged = read_bytes_texts(result.data)
    assert sum(t.endswith(texts_now[ours_at] + " (sửa trong dàn ý)") for t in merged) == 1
    assert sum(t.endswith(theirs_old + " (sửa trong Word)") for t in merged) == 1


def _append_to(document, text: str, extra: str) -> None:
    from regen_helpers import all_paragraphs

    found = [p for p in all_paragraphs(document) if p.text == text]
    assert found, text
    found[0].add_run(extra)


def read_bytes_texts(data: bytes) -> list[str]:
    from drafter.docx_io.reader import read_paragraphs

    return [p.text for p in read_paragraphs("merged.docx", data) if p.part == "word/document.xml"]


# --------------------------------------------------------------------------- the task table

PLAN = Path(__file__).resolve().parent.parent / "examples" / "ke-hoach-chuyen-doi-so-2024.yaml"
LAST_TASK = "        deadline: 15/11/2024\n"
NEW_TASK = (
    "      - text: Nâng cấp hạ tầng mạng nội bộ của các cơ quan đảng.\n"
    "        lead: Văn phòng Tỉnh ủy\n"
    "        deadline: Quý III/2024\n"
)


def copy_plan(folder: Path) -> Path:
    target = folder / "kh.yaml"
    target.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def task_rows(path: Path) -> list[list[str]]:
    """The rows of the appendix table (the last table), cell texts."""
    table = docx.Document(str(path)).tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


def reword_purpose(document) -> None:
    paragraph = paragraph_starting(document, "Nâng cao nhận thức")
    paragraph.runs[-1].text = paragraph.runs[-1].text.replace("Nâng cao", "Nâng cao hơn nữa", 1)


def add_row_by_hand(document, after: str, cells: list[str]) -> None:
    """Copy the task row whose content starts with ``after``, put it after that row
    and type ``cells`` into it (what a reviewer does with "Insert row below")."""
    import copy as copying

    from docx.table import _Row

    table = document.tables[-1]
    row = next(r for r in table.rows if r.cells[1].text.startswith(after))
    new = copying.deepcopy(row._tr)
    row._tr.addnext(new)
    for cell, text in zip(_Row(new, table).cells, cells, strict=True):
        paragraph = cell.paragraphs[0]
        for run in paragraph.runs[1:]:
            run._r.getparent().remove(run._r)
        if paragraph.runs:
            paragraph.runs[0].text = text
        else:
            paragraph.add_run(text)


def test_a_task_added_in_the_outline_reaches_the_table_of_an_edited_file(tmp_path, capsys):
    outline, output = copy_plan(tmp_path), tmp_path / "kh.docx"
    assert build(outline, output) == 0
    edit_docx(output, reword_purpose)
    replace_in(outline, LAST_TASK, LAST_TASK + NEW_TASK)
    fresh = tmp_path / "fresh.docx"
    assert build(outline, fresh) == 0
    capsys.readouterr()

    assert build(outline, output) == 0
    assert "0 conflict(s)" in capsys.readouterr().out
    assert task_rows(output) == task_rows(fresh)  # the new row, numbered, in deadline order
    assert ["3", "Nâng cấp hạ tầng mạng nội bộ của các cơ quan đảng.", "Văn phòng Tỉnh ủy",
            "", "Quý III/2024"] in task_rows(output)  # fmt: skip
    assert any(t.startswith("Nâng cao hơn nữa nhận thức") for t in texts(output))
    assert build(outline, output) == 0  # and it stays right on the next round
    assert task_rows(output) == task_rows(fresh)

    # a task taken out of the outline leaves the table too
    replace_in(outline, NEW_TASK, "")
    replace_in(
        outline,
        "      - text: Số hóa hồ sơ, tài liệu lưu trữ của Tỉnh ủy giai đoạn 2015 - 2020.\n"
        "        lead: Văn phòng Tỉnh ủy\n"
        "        support: [Kho lưu trữ Tỉnh ủy]\n"
        "        deadline: Quý IV/2024\n",
        "",
    )
    assert build(outline, fresh) == 0
    assert build(outline, output) == 0
    assert task_rows(output) == task_rows(fresh)
    assert len(task_rows(output)) == 5
    assert any(t.startswith("Nâng cao hơn nữa nhận thức") for t in texts(output))


def test_rows_added_by_hand_stay_beside_the_rows_the_outline_adds(tmp_path):
    outline, output = copy_plan(tmp_path), tmp_path / "kh.docx"
    assert build(outline, output) == 0
    by_hand = ["3", "Rà soát trang thiết bị tin học (Thường trực bổ sung).", "Văn phòng Tỉnh ủy",
               "", "Quý II/2024"]  # fmt: skip

    def review(document):
        reword_purpose(document)
        add_row_by_hand(document, "Tổ chức tập huấn", by_hand)
        cell = document.tables[-1].rows[1].cells[3].paragraphs[0]  # a cell edited by hand
        cell.runs[-1].text = cell.runs[-1].text.replace("Sở Thông tin", "Sở TT")

    edit_docx(output, review)
    replace_in(outline, LAST_TASK, LAST_TASK + NEW_TASK)
    assert build(outline, output) == 0
    rows = task_rows(output)
    contents = [row[1] for row in rows[1:]]
    assert contents == [
        "Ban hành quy chế quản lý, vận hành hệ thống thông tin điều hành tác nghiệp của "
        "Đảng bộ tỉnh.",
        "Tổ chức tập huấn kỹ năng sử dụng chữ ký số và phần mềm quản lý văn bản cho cán bộ, "
        "công chức các cơ quan đảng.",
        by_hand[1],
        "Nâng cấp hạ tầng mạng nội bộ của các cơ quan đảng.",
        "Kiểm tra, đánh giá mức độ an toàn thông tin của mạng diện rộng của Đảng tại các "
        "huyện ủy, thị ủy, thành ủy.",
        "Số hóa hồ sơ, tài liệu lưu trữ của Tỉnh ủy giai đoạn 2015 - 2020.",
        "Tuyên truyền về chuyển đổi số trên Cổng Thông tin điện tử Tỉnh ủy, Báo Hậu Giang "
        "và Đài Phát thanh và Truyền hình tỉnh.",
    ]
    assert [row[0] for row in rows] == ["TT", *map(str, range(1, 8))]  # numbered unbroken
    assert rows[1][3] == "Ban Tổ chức Tỉnh ủy, Sở TT và Truyền thông"  # the hand edit stays
    assert rows[4][2:] == ["Văn phòng Tỉnh ủy", "", "Quý III/2024"]
    assert build(outline, output) == 0  # stable on the next round
    assert task_rows(output) == rows


def test_a_row_edited_in_word_that_the_outline_dropped_is_a_conflict(tmp_path, capsys):
    outline, output = copy_plan(tmp_path), tmp_path / "kh.docx"
    assert build(outline, output) == 0
    dropped = (
        "      - text: Số hóa hồ sơ, tài liệu lưu trữ của Tỉnh ủy giai đoạn 2015 - 2020.\n"
        "        lead: Văn phòng Tỉnh ủy\n"
        "        support: [Kho lưu trữ Tỉnh ủy]\n"
        "        deadline: Quý IV/2024\n"
    )

    def review(document):
        row = next(r for r in document.tables[-1].rows if r.cells[1].text.startswith("Số hóa"))
        row.cells[4].paragraphs[0].runs[-1].text = "Quý III/2024"

    edit_docx(output, review)
    replace_in(outline, dropped, "")
    capsys.readouterr()
    assert build(outline, output) == 1
    err = capsys.readouterr().err
    assert "conflict: changed both" in err and "Quý III/2024" in err
    document = docx.Document(str(output))
    kept = next(r for r in document.tables[-1].rows if r.cells[1].text.startswith("Số hóa"))
    assert kept.cells[4].text == "Quý III/2024"
    comments = list(document.comments)
    assert [c.author for c in comments] == ["drafter"]
    assert "row" in comments[0].text
    assert any(p._p.xpath(".//w:commentRangeStart") for c in kept.cells for p in c.paragraphs)
    assert build(outline, output) == 1  # reported again, one comment
    assert len(list(docx.Document(str(output)).comments)) == 1

    assert build(outline, output, "--prefer", "outline") == 0
    assert not any(row[1].startswith("Số hóa") for row in task_rows(output))
    assert [row[0] for row in task_rows(output)] == ["TT", "1", "2", "3", "4"]
    assert not list(docx.Document(str(output)).comments)


# --------------------------------------------------------------------------- --prefer outline

ORGANISE = "      - Các cấp ủy, tổ chức đảng, Mặt trận"


def _retype_without_label(document) -> None:
    """The reviewer retypes item 1 of "TỔ CHỨC THỰC HIỆN" without its "1. " and
    comments on it."""
    paragraph = paragraph_starting(document, "1. Các cấp ủy, tổ chức đảng")
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = "Các cấp ủy, tổ chức đảng (bản sửa trong Word) xây dựng kế hoạch."
    document.add_comment(paragraph.runs, text="Ý kiến của Chánh Văn phòng", author="Nguyễn Văn B")


@pytest.mark.parametrize("prefer", ["outline", "document"])
def test_a_settled_conflict_keeps_the_numbering_and_loses_drafters_comment(tmp_path, prefer):
    outline, output = copy_plan(tmp_path), tmp_path / "kh.docx"
    assert build(outline, output) == 0
    edit_docx(output, _retype_without_label)
    replace_in(
        outline, ORGANISE, "      - Các cấp ủy, tổ chức đảng (bản sửa trong dàn ý), Mặt trận"
    )
    assert build(outline, output) == 1
    assert sorted(c.author for c in docx.Document(str(output)).comments) == [
        "Nguyễn Văn B",
        "drafter",
    ]

    assert build(outline, output, "--prefer", prefer) == 0
    body = texts(output)
    heading = body.index("III. TỔ CHỨC THỰC HIỆN")
    if prefer == "outline":
        assert body[heading + 1].startswith(
            "1. Các cấp ủy, tổ chức đảng (bản sửa trong dàn ý), Mặt trận Tổ quốc"
        )
        assert body[heading + 2].startswith("2. Giao Văn phòng Tỉnh ủy")
    else:
        assert body[heading + 1] == (
            "Các cấp ủy, tổ chức đảng (bản sửa trong Word) xây dựng kế hoạch."
        )
    document = docx.Document(str(output))
    comments = list(document.comments)
    assert [(c.author, c.text) for c in comments] == [
        ("Nguyễn Văn B", "Ý kiến của Chánh Văn phòng")
    ]
    paragraph = document.paragraphs[[p.text for p in document.paragraphs].index(body[heading + 1])]
    assert paragraph._p.xpath(".//w:commentRangeStart")  # the person's comment stays anchored
    assert build(outline, output) == 0  # settled for good
    assert len(list(docx.Document(str(output)).comments)) == 1


def test_drafters_comment_goes_when_the_conflict_is_settled_in_word(tmp_path):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    start = "Tăng cường công tác quản lý thị trường"
    edit_docx(
        output,
        lambda d: setattr(paragraph_starting(d, start).runs[-1], "text", "Bản của Thường trực."),
    )
    replace_in(outline, "bình ổn giá, bảo vệ", "bình ổn giá cả, bảo vệ")
    assert build(outline, output) == 1
    assert len(list(docx.Document(str(output)).comments)) == 1
    # the outline is brought in line with the Word file: nothing left to settle
    replace_in(
        outline,
        "Tăng cường công tác quản lý thị trường, điều hành, bình ổn giá cả, bảo vệ quyền lợi "
        "người tiêu dùng, nhất là dịp Tết Nguyên đán.",
        "Bản của Thường trực.",
    )
    assert build(outline, output) == 0
    assert not list(docx.Document(str(output)).comments)


def test_drafters_notice_on_a_paragraph_brought_back_stays_for_people(tmp_path):
    outline, output = copy_example(tmp_path), tmp_path / "ctr.docx"
    assert build(outline, output) == 0
    start = "Tăng cường công tác quản lý thị trường"

    def delete(document):
        element = paragraph_starting(document, start)._p
        element.getparent().remove(element)

    edit_docx(output, delete)
    replace_in(outline, "bình ổn giá, bảo vệ", "bình ổn giá cả, bảo vệ")
    assert build(outline, output) == 1
    assert build(outline, output) == 0  # reported once; the notice is for people to act on
    document = docx.Document(str(output))
    assert [c.author for c in document.comments] == ["drafter"]
    assert "deleted in the Word file" in next(iter(document.comments)).text
    assert paragraph_starting(document, start)._p.xpath(".//w:commentRangeStart")
