"""The outline loader: safe YAML, positions, every problem reported at once."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from drafter import i18n
from drafter.dates import DocumentDate
from drafter.errors import OutlineError
from drafter.loader import load_outline, load_outline_text

MINIMAL = """\
type: chuong-trinh
issuer:
  name: TỈNH ỦY HẬU GIANG
symbol: CTr/TU
place: Hậu Giang
date: 2023
title: Công tác quý I năm 2024
"""


def problems_of(text: str) -> list[tuple[int, int, str, str]]:
    with pytest.raises(OutlineError) as caught:
        load_outline_text(textwrap.dedent(text), "dan-y.yaml")
    return [(p.line, p.column, p.code, p.message) for p in caught.value.problems]


def test_minimal_outline_loads_with_defaults() -> None:
    loaded = load_outline_text(MINIMAL, "dan-y.yaml")
    outline = loaded.outline
    assert outline.issuer.name == "TỈNH ỦY HẬU GIANG"
    assert outline.date == DocumentDate(2023)
    assert outline.draft is True and outline.draft_mark == "Dự thảo"
    assert outline.sections == [] and outline.recipients == []
    assert outline.number is None


def test_values_stay_as_typed() -> None:
    """No implicit YAML 1.1 typing: 05, dates and yes stay text."""
    text = MINIMAL.replace("date: 2023", "date: 2024-01-05") + "number: 05\ndraft: 2\n"
    text += "closing: yes\n"
    outline = load_outline_text(text, "x.yaml").outline
    assert outline.number == "05"
    assert outline.date == DocumentDate(2024, 1, 5)
    assert outline.draft_mark == "Dự thảo lần 2"
    assert outline.closing == ["yes"]


def test_shorthands_items_and_line_paragraphs() -> None:
    text = MINIMAL + textwrap.dedent("""\
        sections:
          - heading: Nhiệm vụ
            text: |
              Đoạn một.

              Đoạn hai.
            sections:
              - Một ý được đánh số
              - text: [Ý thứ hai]
        """)
    outline = load_outline_text(text, "x.yaml").outline
    section = outline.sections[0]
    assert section.text == ["Đoạn một.", "Đoạn hai."]
    assert [s.text for s in section.sections] == [["Một ý được đánh số"], ["Ý thứ hai"]]
    assert section.sections[0].heading is None


def test_every_problem_at_once_with_positions() -> None:
    found = problems_of("""\
        type: chuong-trinh
        issuer:
          name: TỈNH ỦY HẬU GIANG
        symbol: CTr/TU
        place: Hậu Giang
        date: 2023
        draft: có
        titel: Công tác quý I
        sections:
          - heading: [Không, phải, chữ]
        symbol: CTr/TU
        """)
    assert [(line, column, code) for line, column, code, _ in found] == [
        (1, 1, "OUT005"),  # missing title (reported at the document)
        (7, 8, "OUT006"),  # not a valid draft value
        (8, 1, "OUT003"),  # unknown key titel
        (10, 14, "OUT004"),  # heading is a list
        (11, 1, "OUT002"),  # duplicate key
    ]
    messages = [message for *_, message in found]
    assert messages[0] == "thiếu khóa bắt buộc 'title'"
    assert "có phải là 'title'?" in messages[2]
    assert "dòng 4" in messages[4]


def test_messages_in_english() -> None:
    i18n.set_language("en")
    found = problems_of(MINIMAL.replace("title:", "titel:"))
    messages = [message for *_, message in found]
    assert "missing required key 'title'" in messages
    assert "unknown key 'titel' — did you mean 'title'?" in messages


def test_columns_count_characters_not_bytes() -> None:
    found = problems_of(MINIMAL + "closing: 'Đồng chí: Bí thư'\nnơi-nhận: Thừa Thiên Huế\n")
    assert [(a, b, c) for a, b, c, _ in found] == [(9, 1, "OUT003")]
    found = problems_of(MINIMAL + "draft: Đúng vậy\n")
    assert [(a, b, c) for a, b, c, _ in found] == [(8, 8, "OUT006")]
    syntax = problems_of("title: Công tác quý I: năm: 2024\n")
    assert syntax[0][:3] == (1, 22, "OUT001")


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("title: a\n  b: c\n", 2, 4, "dấu hai chấm"),
        ("title:\n\t- x\n", 2, 1, "tab"),
        ("title: [a, b\n", 1, 8, "'[' này chưa được đóng"),
        ("title: 'chưa đóng\nplace: X\n", 1, 8, "dấu nháy này chưa được đóng"),
        ("a: 1\n---\nb: 2\n", 2, 1, "---"),
        ("title: \x07\n", 1, 8, "U+0007"),
    ],
)
def test_syntax_errors_are_located_and_translated(text: str, line: int, column: int,
                                                  fragment: str) -> None:  # fmt: skip
    found = problems_of(text)
    assert len(found) == 1
    assert found[0][:3] == (line, column, "OUT001")
    assert fragment in found[0][3]


def test_aliases_and_billion_laughs_are_refused() -> None:
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        laughs += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    found = problems_of(laughs)
    assert found and all(code in {"OUT007", "OUT003", "OUT005"} for _, _, code, _ in found)
    assert any("neo và bí danh" in message for *_, message in found)


def test_recursive_alias_is_refused() -> None:
    found = problems_of("title: &t [*t]\n")
    assert any(code == "OUT007" for _, _, code, _ in found)


def test_tags_are_refused() -> None:
    found = problems_of(MINIMAL + "closing: !!python/object:os.system echo\n")
    assert any("thẻ YAML" in message for *_, message in found)


def test_empty_and_non_mapping_outlines() -> None:
    assert problems_of("")[0][3] == "dàn ý đang trống"
    assert problems_of("- a\n- b\n")[0][2] == "OUT004"


def test_unknown_type_and_numbering_style() -> None:
    found = problems_of(MINIMAL.replace("chuong-trinh", "thu-tinh") + "numbering: la-ma\n")
    assert [(line, code) for line, _, code, _ in found] == [(1, "OUT006"), (8, "OUT006")]


def test_impossible_date_and_bad_number() -> None:
    found = problems_of(MINIMAL.replace("date: 2023", "date: 31/02/2023") + "number: 12a\n")
    assert [(line, code) for line, _, code, _ in found] == [(6, "OUT006"), (8, "OUT006")]
    assert "31/02/2023" in found[0][3]


def test_empty_section_is_reported_where_it_is() -> None:
    found = problems_of(MINIMAL + "sections:\n  - heading: A\n  - {}\n")
    assert found == [(10, 5, "OUT006", "mục này đang trống: hãy ghi tên mục hoặc nội dung")]


def test_encodings(tmp_path: Path) -> None:
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_outline(bom).outline.title == "Công tác quý I năm 2024"
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes(MINIMAL.encode("utf-16"))
    assert load_outline(utf16).outline.place == "Hậu Giang"
    legacy = tmp_path / "cp1258.yaml"
    legacy.write_bytes(MINIMAL.encode("cp1258", errors="replace"))
    with pytest.raises(OutlineError) as caught:
        load_outline(legacy)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column, problem.code) == (7, 9, "OUT008")  # the "ô" of Công
    assert "UTF-8" in problem.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    from drafter.errors import InputError, MissingFileError

    with pytest.raises(MissingFileError):
        load_outline(tmp_path / "khong-co.yaml")
    with pytest.raises(InputError):
        load_outline(tmp_path)


def test_example_outline_loads_with_positions() -> None:
    from conftest import EXAMPLE

    loaded = load_outline(EXAMPLE)
    outline = loaded.outline
    assert outline.issuer.name == "TỈNH ỦY HẬU GIANG"
    assert outline.signature.authority == "T/M BAN THƯỜNG VỤ"
    assert [s.heading for s in outline.sections] == [
        "Các nhiệm vụ trọng tâm", "Những nhiệm vụ và giải pháp",
    ]  # fmt: skip
    position = loaded.positions.get(("title",))
    assert position is not None
    assert loaded.text.splitlines()[position.value.line - 1].startswith("title:")


def test_text_with_colon_read_as_key_gets_a_quoting_hint() -> None:
    found = problems_of(MINIMAL + "sections:\n  - Nhiệm vụ 1: tăng cường công tác\n")
    assert found == [(9, 5, "OUT003", "'Nhiệm vụ 1' bị hiểu là một khóa vì có dấu ': ' phía "
                      "sau; hãy đặt cả đoạn chữ trong dấu ngoặc kép (\"…\")")]  # fmt: skip


def test_a_number_where_paragraphs_are_expected_is_one_paragraph() -> None:
    outline = load_outline_text(MINIMAL + "preamble: 12345\nclosing: 2024\n", "x.yaml").outline
    assert outline.preamble == ["12345"] and outline.closing == ["2024"]
