"""Outlines as the checks see them: every character traced to the YAML file,
and outlines of any size checked in one pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from drafter.checking import check_paths

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_character_points_at_itself_in_the_outline(example: Path) -> None:
    """For each character of each paragraph the outline's view holds: where it is
    written as is (file_range), the file has that very character there, and its
    line:column is that character too; typed labels ("- Căn cứ …") included."""
    from drafter.document import load_document
    from drafter.sources.outline import outline_document

    source = example.read_text("utf-8")
    lines = source.split("\n")
    document = outline_document(load_document(example))
    traced = 0
    for paragraph in document.paragraphs:
        for offset, character in enumerate(paragraph.text):
            stretch = paragraph.file_range(offset, offset + 1)
            if stretch is None:
                continue
            traced += 1
            assert source[stretch[0] : stretch[1]] == character, (paragraph, offset)
            line, column = paragraph.position(offset)
            assert lines[line - 1][column - 1] == character, (paragraph, offset)
    assert traced > 0.8 * sum(len(p.text) for p in document.paragraphs if p.role == "body")


def test_text_printed_in_capitals_is_located_but_never_fixed(tmp_path: Path) -> None:
    outline = tmp_path / "o.yaml"
    outline.write_text(
        "issuer: {level: ban-thuong-vu-tinh-uy, province: Hậu Giang}\ndate: 2023\n"
        "urgency: Khẩn\ntitle: Công tác năm 2024\n",
        encoding="utf-8",
    )
    from drafter.document import load_document
    from drafter.sources.outline import outline_document

    (mark,) = [p for p in outline_document(load_document(outline)).paragraphs if p.text == "KHẨN"]
    assert mark.position(1) == (3, 11)  # the "h" of "Khẩn", printed as "H"
    assert mark.file_range(0, 4) is None


def big_outline(items: int) -> str:
    """An outline of ``items`` numbered items in parts of 100 with one slip at the end."""
    parts = []
    for part in range(items // 100):
        parts.append(f"  - heading: PHẦN {part + 1}\n    sections:\n")
        parts.extend(
            f"      - Nhiệm vụ số {part * 100 + n + 1} của chương trình công tác.\n"
            for n in range(100)
        )
    text = "".join(parts).rstrip("\n")
    text = text[: -len("công tác.")] + "công tác công tác.\n"
    return (
        "issuer: {level: ban-thuong-vu-tinh-uy, province: Hậu Giang}\ndate: 2023\n"
        "type: chuong-trinh\ntitle: công tác năm 2024\nsections:\n" + text
    )


def test_a_ten_thousand_item_outline_is_checked(tmp_path: Path, monkeypatch) -> None:
    """Scaling is measured in benchmarks/bench_check.py; here: it completes and the
    one slip on the last line is found where it is."""
    monkeypatch.setenv("DRAFTER_NO_CHECK_CACHE", "1")
    outline = tmp_path / "big.yaml"
    outline.write_text(big_outline(10_000), encoding="utf-8")
    (report,) = check_paths([outline]).files
    lines = outline.read_text("utf-8").splitlines()
    assert len(lines) == 5 + 10_000 + 2 * 100  # the head, the items, two lines per part
    serious = [(f.code, f.line, f.column) for f in report.findings if f.severity != "info"]
    assert serious == [("TXT001", len(lines), lines[-1].index("công tác công") + 1)]


TASKS = """\
type: ke-hoach
issuer: {level: ban-thuong-vu-tinh-uy, province: Hậu Giang}
number: 12
date: 2024-03-05
title: tổ chức các hoạt động
sections:
  - heading: NỘI DUNG
    sections:
      - text: Tuyên truyền kỷ niệm ngày thành lập tỉnh.
        lead: Ban Tuyên giáo  Tỉnh ủy
        support:
          - Ban Dân vận Tỉnh ủy
          - Ban Tổ chức  Tỉnh ủy
        deadline: 31/4/2024
      - text: Rà soát quy chế làm việc.
        lead: Văn phòng Tỉnh ủy
        support: |
          Ban Nội chính Tỉnh ủy
          Ủy ban Kiểm tra  Tỉnh ủy
        deadline: "30/02/2024"
task_table: {table}
"""


def _column(outline: str, line: int, text: str) -> int:
    return outline.splitlines()[line - 1].index(text) + 1


@pytest.mark.parametrize("table", ["true", "false"])
def test_findings_in_a_task_point_at_the_field_they_are_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str
) -> None:
    """A task's owner, partners and deadline are printed after the task (and in the
    appendix table): a finding in one of them points into that very field, not at
    the task's text."""
    monkeypatch.setenv("DRAFTER_NO_CHECK_CACHE", "1")
    text = TASKS.replace("{table}", table)
    outline = tmp_path / "a.yaml"
    outline.write_text(text, encoding="utf-8")
    (report,) = check_paths([outline]).files
    found = sorted((f.line, f.column, f.code) for f in report.findings if f.code != "HDR005")
    assert found == [
        (10, _column(text, 10, "  Tỉnh ủy"), "TXT002"),  # lead
        (13, _column(text, 13, "  Tỉnh ủy"), "TXT002"),  # second support item, in a list
        (14, _column(text, 14, "31/4/2024"), "DATE001"),  # deadline
        (19, _column(text, 19, "  Tỉnh ủy"), "TXT002"),  # second support line, in a | block
        (20, _column(text, 20, "30/02/2024"), "DATE001"),  # a quoted deadline
    ]
    fixable = [f for f in report.findings if f.code == "TXT002"]
    assert all(f.fix is not None and f.fix.start is not None for f in fixable)


def test_every_character_of_a_task_note_points_at_itself(tmp_path: Path) -> None:
    """In the note after a task and in the task table, each owner's and the deadline's
    characters are traced to the outline; the words drafter writes point at the
    key they introduce."""
    from drafter.document import load_document
    from drafter.sources.outline import outline_document

    text = TASKS.replace("{table}", "true")
    outline = tmp_path / "a.yaml"
    outline.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    document = outline_document(load_document(outline))
    (note, _second) = [p for p in document.paragraphs if p.text.startswith("Cơ quan chủ trì:")]
    assert note.position(0) == (10, 9)  # "Cơ quan chủ trì: " -> lead:
    assert note.position(note.text.index("; cơ quan phối hợp")) == (11, 9)  # -> support:
    values = ["Ban Tuyên giáo  Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Tổ chức  Tỉnh ủy",
              "31/4/2024"]  # fmt: skip
    cells = [p for p in document.paragraphs if p.role == "appendix" and p.text in (
        values[0], ", ".join(values[1:3]), values[3])]  # fmt: skip
    assert len(cells) == 3
    for paragraph in (note, *cells):
        for value in values:
            start = paragraph.text.find(value)
            if start < 0:
                continue
            for offset in range(start, start + len(value)):
                line, column = paragraph.position(offset)
                assert lines[line - 1][column - 1] == paragraph.text[offset], (paragraph, offset)
                assert paragraph.file_range(offset, offset + 1) is not None
