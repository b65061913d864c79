"""The shortcuts of the checker find exactly what reading every paragraph finds.

Rules look closely only at the paragraphs that hold their "needle", found in
one pass over the joined text (``rules/joined.py``), and TXT001 looks for
repeats on coded words first. These tests run every rule twice on invented
documents — once as shipped, once with every needle reporting every paragraph
— and require the same findings.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import vietnamese
from drafter.citations import grammar
from drafter.rules import all_rules, txt
from drafter.rules.context import CheckContext
from drafter.rules.joined import Joined
from drafter.sources.text import text_document
from drafter.vietnamese import WORD, coded_words, tone_placements, words_of

HEADER = (
    "TỈNH ỦY HẬU GIANG\n*\nSố 05-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n-----\n"
)
FRAGMENTS = [
    "chuyên đề", "chuyên đề chuyên đề", "của của", "người người", "Chuyên đề chuyên đề",
    "kinh tế  - xã hội", "câ\tn đối", "cơ cở", "sử lý", "Tỉnh Ủy", "Ban Thường Vụ Tỉnh ủy",
    "(01/01/2004 - 01/01/2024,", "(2021 -2025)", "2021- 2025", "2021 - 2025", "31/02/2023",
    "ngày 19/12/2023", "ngày 13 tháng 5 năm 2022", "19.12.2023", "19-12-2023",
    "Chỉ thị số 32-CT/TU", "Nghị quyết số 117/NQ-CP", "35/2023/UBTVQH15", "100 - KL/TW",
    "Luật Đất đai ngày 18/01/2024", "của Ban Thường vụ Tỉnh ủy",
    "kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)",
    "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam", "Ngày Quốc khánh 2/8",
    "Xuân Giáp Thìn năm 2024", "Tết Nguyên đán Quý Mão 2024", "nhiệm kỳ 2020 - 2026",
    "Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020 - 2025", "05 năm (2021 - 2023)",
    "hoà", "hòa", "thuỷ", "quý", "xã hội;chăm lo", "chính sách , người", "công,.", "v.v.",
    "“Dân vận khéo", "khéo”", "\u200b", "\u00a0", ",", ".", " ", "  ", "-", "–", "(", ")",
    "a)", "1.", "Tập trung", "tập trung", "năm 2024", "số", "/", "0", "9", "İ",
    # letters that re.IGNORECASE and str.lower() read differently, word characters
    # that are not letters (a footnote mark stuck to a word)
    "Kỷ nıệm 95 năm", "nhıệm kỳ 2020 - 2027", "sử lý¹", "²cơ cở", "½sử lý", "ſ",
]  # fmt: skip
LINES = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8).map(" ".join)
DOCUMENTS = st.lists(LINES, min_size=1, max_size=12).map(lambda lines: HEADER + "\n".join(lines))


def _hits(document_text: str) -> list[tuple[str, int, int, int, str, str]]:
    document = text_document(document_text, "x.txt")
    ctx = CheckContext(document)
    found = []
    for rule in all_rules():
        if document.kind not in rule.sources:
            continue
        for hit in rule.check(ctx):
            where = hit.paragraph.index if hit.paragraph is not None else -1
            found.append((rule.code, where, hit.start, hit.end, hit.message, repr(hit.params)))
    return sorted(found)


@pytest.fixture
def exhaustive(monkeypatch: pytest.MonkeyPatch):
    """Every needle found in every paragraph: the rules read the whole document."""

    def every(self: Joined, needle: object, *, lower: bool = False) -> list:
        return self.paragraphs

    class EveryGroup(dict):
        def __init__(self, paragraphs: list) -> None:
            super().__init__()
            self.paragraphs = paragraphs

        def get(self, key: object, default: object = None) -> list:
            return self.paragraphs

    def run(text: str) -> list[tuple[str, int, int, int, str, str]]:
        with monkeypatch.context() as patch:
            patch.setattr(Joined, "holding", every)
            patch.setattr(Joined, "holding_each", lambda self, pattern: EveryGroup(self.paragraphs))
            patch.setattr(grammar, "SYMBOL_NEEDLE", re.compile(""))
            patch.setattr(txt, "_misspelt_words", lambda: None)  # every misspelling looked for
            return _hits(text)

    return run


SLOW = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW)
@given(text=DOCUMENTS)
def test_needles_miss_nothing(text: str, exhaustive) -> None:
    shipped = _hits(text)
    assert shipped == exhaustive(text)


def test_the_cases_the_shortcuts_once_missed(exhaustive) -> None:
    """A misspelling next to a footnote mark; a dotless ı in a case-insensitive word."""
    text = (
        HEADER
        + "Không để xảy ra tình trạng sử lý¹ chậm trễ.\n"
        + (
            "Kỷ nıệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024).\n"
            "Đại hội Đảng bộ tỉnh lần thứ XIV, nhıệm kỳ 2020 - 2027.\n"
        )
    )
    codes = [hit[0] for hit in _hits(text)]
    assert {"TXT012", "FACT001", "FACT005"} <= set(codes)
    assert _hits(text) == exhaustive(text)


def test_too_many_words_to_code(monkeypatch: pytest.MonkeyPatch, exhaustive) -> None:
    """Past the last character a word can be written with, the rules read everything."""
    text = HEADER + "Tổ chức tổng kết chuyên đề chuyên đề năm 2023, xử lý sử lý.\n"
    expected = exhaustive(text)
    monkeypatch.setattr(vietnamese, "_CODES", 3)
    assert not vietnamese.coded_words(["một hai ba bốn"]).complete
    assert _hits(text) == expected
    assert {"TXT001", "TXT012"} <= {hit[0] for hit in expected}


def test_the_invented_documents_trigger_the_rules(exhaustive) -> None:
    """The comparison above means something: its material trips the rules."""
    text = HEADER + "\n".join(FRAGMENTS[i] + " " + FRAGMENTS[i + 1] for i in range(0, 60, 2))
    codes = {hit[0] for hit in _hits(text)}
    assert {"TXT001", "TXT002", "TXT003", "TXT005", "TXT007", "TXT009", "TXT011", "TXT012",
            "TXT013", "TXT014", "TXT015", "DATE001", "FACT002", "FACT003", "FACT004", "FACT005",
            "FACT007", "CIT003"} <= codes  # fmt: skip
    assert _hits(text) == exhaustive(text)


@given(st.text(alphabet=st.sampled_from(list("aăđếỏ Ê²_9,.-–“\t\n\u00a0\u200bİ")), max_size=60))
def test_words_of_is_the_word_pattern(text: str) -> None:
    assert words_of(text) == WORD.findall(text)


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab đ,.2-“\t\0")), max_size=20), max_size=6))
def test_coded_words_are_the_words_of_each_text(texts: list[str]) -> None:
    coded = coded_words(texts)
    words = {code: word for word, code in coded.codes.items()}
    assert len(words) == len(coded.codes)  # one character per word
    assert [[words[code] for code in line] for line in coded.lines] == list(map(words_of, texts))
    assert "\n" not in "".join(coded.lines)


@given(st.lists(st.sampled_from(["hoà", "hòa", "thuỷ", "quý", "Quy", "oe", "x", " ", "\n"]),
                max_size=12).map("".join))  # fmt: skip
def test_tone_marks_over_the_joined_text_match_each_paragraph(text: str) -> None:
    paragraphs = text_document(HEADER + text, "x.txt").paragraphs
    joined = Joined(paragraphs)
    together = [(*joined.locate(start)[::-1], style) for start, _end, style in
                tone_placements(joined.text)]  # fmt: skip
    one_by_one = [(offset, p, style) for p in paragraphs
                  for offset, _end, style in tone_placements(p.text)]  # fmt: skip
    assert sorted(together, key=repr) == sorted(one_by_one, key=repr)


SYMBOLISH = st.lists(
    st.sampled_from(["05", "123456", "3", "-", " - ", "/", "CT", "NQ", "TU", "CP", "KH-UBND",
                     "2023", "QH15", "Đ", "x", " ", ".", "số ", "Chỉ thị ", "\t", "٣",
                     "05-CT/TU", "12345-NQ/TW", "100 - KL/TW", "117/NQ-CP", "35/2023/QH15"]),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=400)
@given(SYMBOLISH)
def test_symbols_found_from_the_needle_are_those_of_the_pattern(text: str) -> None:
    expected = [m.span() for m in grammar.symbol_pattern().finditer(text)]
    assert [m.span() for m in grammar.symbol_matches(text)] == expected


DATISH = st.lists(
    st.sampled_from(["1", "19", "123", "/", ".", "-", "12", "2023", " tháng ", " năm ", "ngày ",
                     " ", "x", "\n", "5/", "19/12/2023", "5.3.2024", "31-02-2023",
                     "13 tháng 5 năm 2022"]),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=400)
@given(DATISH)
def test_dates_found_from_the_needle_are_those_of_the_pattern(text: str) -> None:
    expected = [
        m.span() for m in grammar.date_pattern().finditer(text)
        if not (m.start() and text[m.start() - 1] in "0123456789/.-")
    ]  # fmt: skip
    assert [m.span() for m in grammar.date_matches(text)] == expected
