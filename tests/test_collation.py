"""Vietnamese alphabetical order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafter.collation import sort_key


def test_dictionary_order_of_letters_and_tones():
    words = ["Ủy ban", "Đảng ủy", "Ban", "Bà", "ăn", "an", "ân", "Văn phòng", "dân", "Zô"]
    assert sorted(words, key=sort_key) == [
        "an", "ăn", "ân", "Bà", "Ban", "dân", "Đảng ủy", "Ủy ban", "Văn phòng", "Zô",
    ]  # fmt: skip
    tones = ["má", "mà", "mạ", "ma", "mả", "mã"]
    assert sorted(tones, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


@given(st.lists(st.text(max_size=12), max_size=8))
def test_a_total_order_that_never_crashes(words):
    once = sorted(words, key=sort_key)
    assert sorted(once, key=sort_key) == once
