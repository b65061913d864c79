"""The reference draft's five slips, found where they are — and nothing else.

../shared/reference holds the real draft (copied to tests/data), and
examples/chuong-trinh-quy-1-2024.yaml is the same draft as an outline. Both,
and the Word file built from the outline, must report exactly the five slips
the issue names (at error or warning severity; notes are allowed), each at the
line and column of the offending character. A corrected copy of the draft
(tests/data/reference-corrected.txt: the five slips fixed, nothing else)
must give no error and no warning.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, EXAMPLE, REFERENCE
from drafter.checking import check_paths

CORRECTED = DATA / "reference-corrected.txt"

# (code, the text the finding starts with) for each of the five slips
SLIPS = [
    ("TXT005", "(01/01/2004 - 01/01/2024, kỷ niệm"),  # the bracket left open
    ("TXT001", "chuyên đề chuyên đề"),
    ("TXT003", "\tn đối"),  # the tab inside "câ	n đối"
    ("TXT002", "  - xã hội"),  # the two spaces after "kinh tế"
    ("TXT012", "cơ cở"),
]


def serious(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


def locate_in_lines(lines: list[str], needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in a file's lines (it occurs once outside
    YAML comments: the example's header comment names the slips, and is not checked)."""
    found = [
        (n, line.index(needle))
        for n, line in enumerate(lines, 1)
        if needle in line and not line.lstrip().startswith("#")
    ]
    assert len(found) == 1, needle
    line, offset = found[0]
    return line, offset + 1


def assert_five_slips(findings, lines: list[str]) -> None:
    got = sorted((f.code, f.line, f.column) for f in serious(findings))
    expected = sorted((code, *locate_in_lines(lines, needle)) for code, needle in SLIPS)
    assert got == expected


def test_outline_reports_the_five_slips_at_their_yaml_positions() -> None:
    report = check_paths([EXAMPLE])
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert_five_slips(report.findings, lines)
    assert report.exit_code == 1  # the open bracket is an error


def test_reference_text_reports_the_five_slips() -> None:
    report = check_paths([REFERENCE])
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    assert_five_slips(report.findings, lines)


@pytest.fixture(scope="module")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from drafter.builder import build

    target = tmp_path_factory.mktemp("built") / "example.docx"
    build(EXAMPLE, target)
    return target


def test_word_file_built_from_the_outline_reports_the_five_slips(built_example: Path) -> None:
    from drafter.docx_io.reader import read_paragraphs

    report = check_paths([built_example])
    # line = the paragraph's number in reading order, column = offset in its text + 1
    texts = {p.index: p.text for p in read_paragraphs(built_example)}
    lines = [texts.get(n, "") for n in range(1, max(texts) + 1)]
    assert_five_slips(report.findings, lines)


def test_outline_and_word_file_find_the_same_things(built_example: Path) -> None:
    outline, word = check_paths([EXAMPLE, built_example]).files
    assert sorted((f.code, f.message) for f in outline.findings) == sorted(
        (f.code, f.message) for f in word.findings
    )


def test_corrected_reference_has_no_error_or_warning() -> None:
    report = check_paths([CORRECTED])
    assert serious(report.findings) == []
    assert report.exit_code == 0
    # the corrected copy differs from the draft only by the five slips
    original, corrected = REFERENCE.read_text("utf-8"), CORRECTED.read_text("utf-8")
    assert len(original) - len(corrected) == 11  # +1 ")", -10 " chuyên đề", -1 tab, -1 space


def test_positions_point_at_the_offending_characters() -> None:
    """The caret is under the slip itself: check the characters at each position."""
    report = check_paths([EXAMPLE])
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    shown = {f.code: lines[f.line - 1][f.column - 1 : f.end_column - 1] for f in serious(
        report.findings)}  # fmt: skip
    assert shown == {
        "TXT005": "(",
        "TXT001": "chuyên đề chuyên đề",
        "TXT003": "\t",
        "TXT002": "  ",
        "TXT012": "cơ cở",
    }
