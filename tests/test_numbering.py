"""Numbering labels: formatting per style, parsing back, and their round trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.numbering import (
    format_label,
    from_letter,
    from_roman,
    get_style,
    parse_label,
    style_names,
    to_letter,
    to_roman,
)

HD36 = get_style("hd36")


@pytest.mark.parametrize(
    ("counters", "label"),
    [
        ((1,), "I."),
        ((4,), "IV."),
        ((2, 1), "1."),
        ((2, 3), "3."),
        ((2, 1, 3), "1.3."),
        ((1, 2, 3, 1), "a)"),
        ((1, 2, 3, 5), "đ)"),
        ((1, 2, 3, 6), "e)"),
        ((1, 1, 1, 1, 1), "-"),
        ((1, 1, 1, 1, 1, 1), "+"),
        ((1, 1, 1, 1, 1, 1, 1), "+"),
    ],
)
def test_hd36_labels(counters: tuple[int, ...], label: str) -> None:
    assert format_label(counters, HD36) == label


def test_hyphen_style_and_arabic_style() -> None:
    assert format_label((3,), get_style("hd36-hyphen")) == "III-"
    assert format_label((3, 2), get_style("hyphen")) == "2-"
    assert format_label((3, 2, 4), get_style("hyphen")) == "2.4-"
    assert format_label((3,), get_style("arabic")) == "3."
    assert format_label((3, 2), get_style("arabic")) == "3.2."


def test_vietnamese_letter_order_has_d_stroke_and_no_f() -> None:
    letters = [to_letter(i) for i in range(1, 24)]
    assert letters[:7] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert "f" not in letters and "j" not in letters and "w" not in letters
    assert to_letter(24) == "aa"


def test_roman_numerals_are_canonical() -> None:
    assert [to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV",
    ]  # fmt: skip
    assert from_roman("IIII") is None
    assert from_roman("IC") is None
    assert from_roman("XIV") == 14


@pytest.mark.parametrize(
    ("text", "kind", "numbers", "suffix", "rest"),
    [
        ("I. Các nhiệm vụ trọng tâm", "roman", (1,), ".", "Các nhiệm vụ trọng tâm"),
        ("II- NỘI DUNG", "roman", (2,), "-", "NỘI DUNG"),
        ("1. Công tác xây dựng Đảng", "arabic", (1,), ".", "Công tác xây dựng Đảng"),
        ("1.1. Công tác chính trị", "decimal", (1, 1), ".", "Công tác chính trị"),
        ("2.3.4. Mục", "decimal", (2, 3, 4), ".", "Mục"),
        ("1.1 Công tác thiếu dấu chấm", "decimal", (1, 1), "", "Công tác thiếu dấu chấm"),
        ("đ) Thông tin", "letter", (5,), ")", "Thông tin"),
        ("- Ý gạch đầu dòng", "bullet", (), "-", "Ý gạch đầu dòng"),
        ("+ Ý cấp dưới", "bullet", (), "+", "Ý cấp dưới"),
    ],
)
def test_parse_label(text: str, kind: str, numbers: tuple[int, ...], suffix: str, rest: str
                     ) -> None:  # fmt: skip
    label = parse_label(text)
    assert label is not None
    assert (label.kind, label.numbers, label.suffix) == (kind, numbers, suffix)
    assert text[label.end :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "1.5 tỷ đồng được bố trí",  # a number, not a label
        "2023 - 2024 là giai đoạn",  # a year range
        "IIII. Không phải số La Mã",  # not canonical
        "Tập trung công tác",  # ordinary text
        "1.",  # a label needs text after it
        "f) không có trong bảng chữ cái tiếng Việt",
        "",
    ],
)
def test_not_a_label(text: str) -> None:
    assert parse_label(text) is None


def test_letter_parse_inverts_format() -> None:
    for value in range(1, 60):
        assert from_letter(to_letter(value)) == value


@given(
    style=st.sampled_from(style_names()),
    counters=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=6),
)
def test_format_then_parse_round_trips(style: str, counters: list[int]) -> None:
    """parse(format(x)) gives back the numbers of every style and depth."""
    numbering = get_style(style)
    label = format_label(tuple(counters), numbering)
    parsed = parse_label(label + " Nội dung")
    assert parsed is not None
    assert parsed.text == label
    kind = numbering.level(len(counters)).kind
    if kind == "bullet":
        assert parsed.kind == "bullet"
    elif kind == "decimal":
        assert parsed.numbers[-1] == counters[-1]
        assert len(parsed.numbers) >= 2
    else:
        assert parsed.numbers == (counters[-1],)


@given(st.text(max_size=40))
def test_parse_label_never_crashes(text: str) -> None:
    label = parse_label(text)
    if label is not None:
        assert 0 < label.end <= len(text)
        assert text.startswith(label.text)


@given(st.sampled_from(["hd36", "hd36-hyphen", "hyphen", "arabic"]), st.data())
def test_label_depth_finds_the_level_that_wrote_a_label(name, data) -> None:
    from drafter.numbering import label_depth, split_label

    style = get_style(name)
    numbered = [d for d in range(1, len(style.levels) + 1) if style.level(d).kind != "bullet"]
    depth = data.draw(st.sampled_from(numbered))
    counters = tuple(data.draw(st.integers(1, 30)) for _ in range(depth))
    label = format_label(counters, style)
    parsed = parse_label(f"{label} Công tác")
    assert parsed is not None and label_depth(parsed, style) == depth
    assert split_label(f"{label} Công tác") == (label, "Công tác")
