"""The citation grammar: patterns composed from named fragments.

    TYPE      a document type name (data: party and state abbreviations; ``type_names``)
    NUMBER    1–5 digits
    CODE      a type code (CT, CTr, QĐi, NQ …)
    ISSUER    an issuer code (TU, VPTW, UBKTTW, CP, UBTVQH15 …)
    PARTY     NUMBER - CODE / ISSUER          32-CT/TU   (spaces tolerated, reported)
    STATE     NUMBER / [YEAR /] [CODE -] ISSUER   117/NQ-CP, 30/2020/NĐ-CP, 35/2023/UBTVQH15
    DATE      d/m/yyyy, d-m-yyyy, d.m.yyyy or "d tháng m năm yyyy"
    CITATION  [TYPE [TYPE]] [số] (PARTY | STATE) [[,] ngày DATE] [của ISSUER-NAME]
    NAMED     NAMED_TYPE <name> [,] ngày DATE   (Luật … ngày 19/6/2015)

``extract`` finds the symbol first (the distinctive part), then reads what
stands before it (a type name and "số", by ``str.endswith``: no regex to
build for ~100 names) and after it (the date, the issuer). The issuer's name
("của Ban Thường vụ Tỉnh ủy") is read with a word list, because where a name
ends is a matter of words, not of characters.
``might_cite`` is the cheap literal pre-filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from drafter import lazyre, party
from drafter.lazyre import lazy
from drafter.resources import load_data

NUMBER = r"\d{1,5}"
CODE = r"[A-ZĐ][A-ZĐa-zđ]{0,6}"
ISSUER = r"[A-ZĐa-zđ][A-ZĐa-zđ0-9]{0,11}(?:-[A-ZĐ][A-ZĐ0-9]{0,11})*"
STATE_ISSUER = r"[A-ZĐ][A-ZĐ0-9]{0,11}(?:-[A-ZĐ][A-ZĐ0-9]{0,11})*"
NUMERIC_DATE = r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
WORDS_DATE = r"(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s+năm\s+(?P<wy>\d{4})"
DATE = rf"(?:{NUMERIC_DATE}|{WORDS_DATE})"
_DIGIT = lazy(r"\d")
_END = r"(?![\w/])"
_START = r"(?<![\w/\-.])"


def _names(names: list[str]) -> str:
    """An alternation of names, each also with a lower-case first letter."""
    variants: set[str] = set()
    for name in names:
        variants.add(name)
        variants.add(name[:1].lower() + name[1:])
    return "|".join(re.escape(v) for v in sorted(variants, key=lambda v: (-len(v), v)))


@cache
def symbol_pattern() -> re.Pattern[str]:
    """A document's number and symbol, party or state style."""
    party_symbol = (
        rf"(?P<p_number>{NUMBER})(?P<p_h1>[ \t]*)-(?P<p_h2>[ \t]*)(?P<p_type>{CODE})"
        rf"(?P<p_s1>[ \t]*)/(?P<p_s2>[ \t]*)(?P<p_issuer>{ISSUER}){_END}"
    )
    state_symbol = (
        rf"(?P<s_number>{NUMBER})/(?:(?P<s_year>\d{{4}})/)?(?:(?P<s_type>{CODE})-)?"
        rf"(?P<s_issuer>{STATE_ISSUER}){_END}"
    )
    return lazyre.compile(rf"{_START}(?:{party_symbol}|{state_symbol})")


@cache
def type_names() -> tuple[str, ...]:
    """Type names as they may stand before a symbol (also with a small first
    letter), longest first."""
    variants: set[str] = set()
    for name in party.type_names():
        variants.add(name)
        variants.add(name[:1].lower() + name[1:])
    return tuple(sorted(variants, key=lambda v: (-len(v), v)))


DATE_PART = lazy(rf"(?:[ \t]*,)?[ \t]+ngày[ \t]+(?P<date>{DATE}){_END}")
ISSUER_INTRO = lazy(r"[ \t]*,?[ \t]+(?:của|do)[ \t]+")


@cache
def named_pattern() -> re.Pattern[str]:
    named = _names(load_data("citations")["named_types"])
    return lazyre.compile(
        rf"(?<![\w])(?P<type>{named})(?P<name>(?:\s+[^\s,.;:()“”\"]+){{1,16}}?)"
        rf"(?P<date_part>\s*,?\s+ngày\s+(?P<date>{DATE}){_END})"
    )


@cache
def date_pattern() -> re.Pattern[str]:
    """Any full date in running text (for the DATE rules)."""
    return lazyre.compile(rf"(?:{NUMERIC_DATE}|{WORDS_DATE})(?![\d/\-]|\.\d)")


# What every full date holds: cheap to look for before ``date_pattern``.
DATE_NEEDLE = lazy(r"\d[/.\-]\d|\d\s+tháng")


def date_matches(text: str) -> list[re.Match[str]]:
    """Full dates in ``text`` that are not part of a longer number (12/12/2023/1)."""
    out = []
    for match in matches_near(date_pattern(), DATE_NEEDLE, 1, text):
        start = match.start()
        if start and text[start - 1] in "0123456789/.-":
            continue
        out.append(match)
    return out


# What every number and symbol holds ("05-CT/TU", "117/NQ-CP", "35/2023/QH15"):
# the last digit of the number then the hyphen or slash before a code.
SYMBOL_NEEDLE = lazy(r"\d[ \t]*-[ \t]*[A-ZĐ]|\d/(?:\d{4}/)?[A-ZĐ]")


def symbol_matches(text: str) -> Iterator[re.Match[str]]:
    """``symbol_pattern().finditer(text)`` (a number has at most five digits)."""
    return matches_near(symbol_pattern(), SYMBOL_NEEDLE, 4, text)


def matches_near(
    pattern: re.Pattern[str], needle: re.Pattern[str], back: int, text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern each match of which holds a match
    of ``needle`` starting at most ``back`` characters after its own start: the
    pattern is tried only there. The date and symbol patterns cost ~24 ns a
    character to run over text (they start with a group, which the regex
    engine cannot skip ahead to); their needles start with a digit, which it
    can: three times faster on text with few dates and symbols."""
    done = tried = 0  # like finditer, no match starts before the end of the last one
    search = 0
    while search <= len(text) and (found := needle.search(text, search)) is not None:
        at = found.start()
        for start in range(max(done, tried, at - back), at + 1):
            match = pattern.match(text, start)
            if match is not None:
                yield match
                done = match.end()
                break
        tried = max(tried, at + 1)
        search = max(at + 1, done)


def might_cite(text: str) -> bool:
    """Cheap test before the patterns: a symbol needs a slash and a digit; a named
    citation needs "ngày"."""
    return ("/" in text and _DIGIT.search(text) is not None) or "ngày" in text
