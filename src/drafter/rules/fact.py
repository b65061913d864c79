"""FACT — numbers a reader can verify: anniversaries, commemoration days, can-chi
year names, the length of terms, congress ordinals.

Commemorations (day, month, year and the source of each) come from
``data/commemorations.yaml``; entries whose year is unknown (``year: null``)
or uncertain are never used to check a count. Can-chi names are computed from
the year (``data/facts.yaml`` holds the ten stems and twelve branches).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from drafter import lazyre
from drafter.i18n import N_
from drafter.lazyre import lazy
from drafter.resources import load_data
from drafter.rules.base import ERROR, UNSAFE, WARNING, Hit, Rule
from drafter.sources import view
from drafter.vietnamese import OLD, find_word, name_key, to_style

if TYPE_CHECKING:
    from drafter.rules.context import CheckContext
    from drafter.rules.joined import Needle
    from drafter.sources.view import Paragraph

PROSE = frozenset({view.TITLE, view.HEADING, view.BODY})
ANNIVERSARY = lazy(r"k[ỷỉ]\s+niệm\s+(?:lần\s+thứ\s+)?(?P<count>\d{1,4})\s+năm\b", re.I)
YEAR_RANGE = lazy(
    r"\(\s*(?:(?P<ad>\d{1,2})/(?P<am>\d{1,2})/)?(?P<a>\d{4})\s*[-–]\s*"
    r"(?:\d{1,2}/\d{1,2}/)?(?P<b>\d{4})(?!\d)"
)
DAY_AFTER = lazy(
    r"\s*(?:\(\s*)?(?:ngày\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?(?![\d/])"
)
TERM = lazy(r"nhiệm\s+kỳ\s+(?P<a>\d{4})\s*[-–]\s*(?P<b>\d{4})(?!\d)", re.I)
CONGRESS = lazy(
    r"Đại\s+hội\s+(?P<body>[^,.;:()“”\d]{0,80}?)\s*lần\s+thứ\s+(?P<ordinal>[IVXLC]{1,7}|\d{1,2})\b"
    r"(?:\s*[,(]?\s*nhiệm\s+kỳ\s+(?P<a>\d{4})\s*[-–]\s*(?P<b>\d{4}))?"
)
PERIOD = lazy(
    r"(?<![\d/])(?P<count>\d{1,3})\s+năm(?P<gap>(?:\s+[^\s,.;:()\d]+){0,10}?)\s*"
    r"\(\s*(?P<a>\d{4})\s*[-–]\s*(?P<b>\d{4})\s*\)"
)
SENTENCE_END = lazy(r"[.;!?](?:\s|$)")
_DIGIT = lazy(r"\d")
_YEAR = lazy(r"\b(\d{4})\b")
_ANNIVERSARY_BEFORE = lazy(r"k[ỷỉ]\s+niệm\s*(?:lần\s+thứ\s*)?$")


def _prose(ctx: CheckContext, needle: Needle | None = None) -> Iterator[Paragraph]:
    """The prose paragraphs (that hold ``needle``, found in lower case)."""
    paragraphs = (
        ctx.paragraphs_in(PROSE) if needle is None else ctx.holding(PROSE, needle, lower=True)
    )
    for paragraph in paragraphs:
        if paragraph.field is None:
            yield paragraph


# Words a pattern cannot match without (lower case): each rule reads only the
# paragraphs that hold its word.
_ANNIVERSARY_WORD = ("niệm",)
_TERM_WORD = ("nhiệm",)
_CONGRESS_WORD = ("lần",)


def _facts() -> dict[str, Any]:
    return load_data("facts")


class Commemoration(NamedTuple):
    key: str
    name: str
    day: int
    month: int
    year: int | None
    lunar: bool
    count_checked: bool


@cache
def _commemorations() -> dict[str, tuple[tuple[str, Commemoration], ...]]:
    """(folded name, record) for every name and alias, longest first, grouped by
    the name's first two words (a cheap test before the searches)."""
    by_name: dict[str, Commemoration] = {}
    for entry in load_data("commemorations"):
        record = Commemoration(
            entry["key"],
            entry["name"],
            int(entry["day"]),
            int(entry["month"]),
            entry.get("year"),
            entry.get("calendar") == "lunar",
            entry.get("year") is not None and not entry.get("count_unchecked"),
        )
        for name in {entry["name"], *entry.get("aliases", [])}:
            key = name_key(name)
            by_name[key] = record
            by_name[to_style(key, OLD)] = record  # "cộng hoà" as well as "cộng hòa"
    groups: dict[str, list[tuple[str, Commemoration]]] = {}
    for name, record in sorted(by_name.items(), key=lambda item: -len(item[0])):
        groups.setdefault(" ".join(name.split()[:2]), []).append((name, record))
    return {prefix: tuple(names) for prefix, names in groups.items()}


class _Found(NamedTuple):
    start: int
    end: int


@cache
def _commemoration_prefixes() -> tuple[re.Pattern[str], ...]:
    """The first two words of every known day's name, as one pattern per first
    word ("ngày (?:thành|quốc|…)"): the paragraphs that hold none of them name
    no known day. A pattern that starts with a literal is found quickly."""
    following: dict[str, list[str]] = {}
    for prefix in _commemorations():
        first, _space, second = prefix.partition(" ")
        following.setdefault(first, []).append(second)
    return tuple(
        lazyre.compile(
            re.escape(first) + (f" (?:{'|'.join(map(re.escape, seconds))})" if all(seconds) else "")
        )
        for first, seconds in following.items()
    )


def _find_commemorations(text: str) -> list[tuple[_Found, Commemoration]]:
    """Known days named in ``text``, in order (a longer name wins over a shorter one)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    found: list[tuple[_Found, Commemoration]] = []
    for prefix, names in _commemorations().items():
        if prefix not in lowered:
            continue
        for name, record in names:
            if name not in lowered:
                continue
            for start in find_word(lowered, name):
                end = start + len(name)
                if not any(f.start < end and start < f.end for f, _ in found):
                    found.append((_Found(start, end), record))
    found.sort(key=lambda item: item[0].start)
    return found


class AnniversaryCount(Rule):
    code = "FACT001"
    name = "anniversary-count"
    severity = ERROR
    fixable = UNSAFE
    summary = N_("An anniversary's count does not match its years (kỷ niệm 94 năm … 1930 - 2024).")
    explanation = N_(
        "'kỷ niệm N năm … (A - B)' counts B − A years: the 94th anniversary of 3/2/1930 falls "
        "in 2024. The fix proposes the count the years give; check which of the two is wrong."
    )
    message = N_("'kỷ niệm {count} năm', but {first} - {last} is {years} years")
    wrong = "Kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)."
    right = "Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in _prose(ctx, _ANNIVERSARY_WORD):
            text = paragraph.text
            matches = list(ANNIVERSARY.finditer(text))
            for index, match in enumerate(matches):
                limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
                limit = min(limit, match.end() + 220)
                found = YEAR_RANGE.search(text, match.end(), limit)
                if not found:
                    continue
                count, years = int(match.group("count")), int(found["b"]) - int(found["a"])
                if count != years:
                    yield self.hit(
                        paragraph, match.start("count"), match.end("count"),
                        replacement=str(years), applicability=UNSAFE, count=count,
                        first=found["a"], last=found["b"], years=years,
                    )  # fmt: skip


class CommemorationDate(Rule):
    code = "FACT002"
    name = "commemoration-date"
    severity = ERROR
    summary = N_("A known commemoration day is given the wrong date.")
    explanation = N_(
        "The founding of the Party is 3/2/1930, the founding of the Youth Union 26/3/1931, "
        "National Day 2/9/1945 … (data/commemorations.yaml, each with its source). A date "
        "written right after the name of such a day, or at the start of its range "
        "'(03/02/1930 - 03/02/2024)', must be that date."
    )
    message = N_("{name} is {expected}, not {found}")
    wrong = "Kỷ niệm Ngày thành lập Đoàn TNCS Hồ Chí Minh 26/4."
    right = "Kỷ niệm Ngày thành lập Đoàn TNCS Hồ Chí Minh 26/3."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in _prose(ctx, _commemoration_prefixes()):
            text = paragraph.text
            if not _DIGIT.search(text):
                continue
            for match, record in _find_commemorations(text):
                if record.lunar:
                    continue
                after = DAY_AFTER.match(text, match.end)
                if not after:
                    continue
                day, month = int(after["d"]), int(after["m"])
                year = int(after["y"]) if after["y"] else None
                wrong_day = (day, month) != (record.day, record.month)
                wrong_year = year is not None and record.year is not None and year != record.year
                if not (wrong_day or wrong_year):
                    continue
                expected = f"{record.day}/{record.month}"
                if year is not None and record.year is not None:
                    expected += f"/{record.year}"
                found = text[after.start("d") : after.end()]
                yield self.hit(
                    paragraph, after.start("d"), after.end(), name=record.name,
                    expected=expected, found=found,
                )  # fmt: skip


class AnniversaryOfKnownDay(Rule):
    code = "FACT003"
    name = "anniversary-of-known-day"
    severity = WARNING
    fixable = UNSAFE
    summary = N_("An anniversary count that does not fit the year of a known event.")
    explanation = N_(
        "'kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam' without years is checked "
        "against the founding year (1930) and the document's year: the count must be the "
        "document's year, or the next year (a programme drafted ahead), minus the founding "
        "year. Days whose founding year is unknown or uncertain are not checked."
    )
    message = N_("'{count} năm' {name}: in {years} it is {expected}")
    wrong = (
        "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n-----\n"
        "Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam.\n"
    )
    right = (
        "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n-----\n"
        "Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam.\n"
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        years = _candidate_years(ctx)
        if not years:
            return
        for paragraph in _prose(ctx, _ANNIVERSARY_WORD):
            text = paragraph.text
            for match in ANNIVERSARY.finditer(text):
                window = text[match.end() : match.end() + 120]
                for found, record in _find_commemorations(window):
                    if found.start > 2:  # the day's name follows the count: "94 năm Ngày …"
                        break
                    after = match.end() + found.end
                    if not record.count_checked or YEAR_RANGE.match(text[after:].lstrip()):
                        break
                    count = int(match.group("count"))
                    assert record.year is not None
                    allowed = {year - record.year for year in years}
                    if count not in allowed:
                        expected = min(allowed, key=lambda a: abs(a - count))
                        yield self.hit(
                            paragraph, match.start("count"), match.end("count"),
                            replacement=str(expected), applicability=UNSAFE, count=count,
                            name=record.name, years=" / ".join(map(str, sorted(years))),
                            expected=" / ".join(map(str, sorted(allowed))),
                        )  # fmt: skip
                    break


def _candidate_years(ctx: CheckContext) -> set[int]:
    """Years an anniversary in the document may fall in."""
    header = ctx.header
    years: set[int] = set()
    if header.date is not None:
        years |= {header.date.year, header.date.year + 1}
    if header.title is not None:
        years |= {int(y) for y in _YEAR.findall(header.title.text)}
    return years


@cache
def _can_chi() -> tuple[re.Pattern[str], dict[str, str]]:
    facts = _facts()
    variants = facts["variants"]
    stems = [*facts["stems"], *(v for v, s in variants.items() if s in facts["stems"])]
    branches = [*facts["branches"], *(v for v, s in variants.items() if s in facts["branches"])]
    pattern = lazy(rf"(?P<stem>{'|'.join(stems)})\s+(?P<branch>{'|'.join(branches)})(?![^\W\d_])")
    return pattern, variants


def can_chi(year: int) -> str:
    """The can-chi name of ``year``: 2024 -> ``Giáp Thìn``."""
    facts = _facts()
    return f"{facts['stems'][(year - 4) % 10]} {facts['branches'][(year - 4) % 12]}"


YEAR_AFTER = lazy(r"\s*(?:,\s*)?(?:\(\s*)?(?:năm\s+)?(?P<year>\d{4})(?!\d)")
YEAR_BEFORE = lazy(r"(?P<year>\d{4})\s*(?:\(\s*|-\s*|,\s*)?(?:năm\s+)?$")


class CanChiYear(Rule):
    code = "FACT004"
    name = "can-chi-year"
    severity = ERROR
    fixable = UNSAFE
    summary = N_("A can-chi year name that does not match the year beside it (Xuân Quý Mão 2024).")
    explanation = N_(
        "The can-chi name of a year is computed from the year (2024 is Giáp Thìn, 2025 Ất Tỵ). "
        "A name written next to a year ('Xuân Giáp Thìn năm 2024', 'Tết Nguyên đán Giáp Thìn "
        "2024') must be that year's name. The fix proposes the computed name; the year itself "
        "may be the slip."
    )
    message = N_("{year} is the year {expected}, not {found}")
    wrong = "Tổ chức đón Tết Nguyên đán Quý Mão năm 2024 vui tươi, an toàn."
    right = "Tổ chức đón Tết Nguyên đán Giáp Thìn năm 2024 vui tươi, an toàn."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        pattern, variants = _can_chi()
        for paragraph in ctx.holding(PROSE, pattern):
            if paragraph.field is not None:
                continue
            text = paragraph.text
            for match in pattern.finditer(text):
                if match.start() and text[match.start() - 1].isalpha():
                    continue
                after = YEAR_AFTER.match(text, match.end())
                before = YEAR_BEFORE.search(text, max(0, match.start() - 16), match.start())
                year_match = after or before
                if year_match is None:
                    continue
                year = int(year_match.group("year"))
                stem = variants.get(match["stem"], match["stem"])
                branch = variants.get(match["branch"], match["branch"])
                expected = can_chi(year)
                if f"{stem} {branch}" != expected:
                    yield self.hit(
                        paragraph, match.start(), match.end(), replacement=expected,
                        applicability=UNSAFE, year=year, expected=expected, found=match.group(),
                    )  # fmt: skip


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = SENTENCE_END.search(text, end)
    return text[left : right_match.start() if right_match else len(text)]


class TermLength(Rule):
    code = "FACT005"
    name = "term-length"
    severity = WARNING
    summary = N_("A term (nhiệm kỳ) that is not five years long.")
    explanation = N_(
        "Congress terms of the Party, the Fatherland Front and the mass organisations, and "
        "the terms of people's councils and the National Assembly, are five years: 'nhiệm kỳ "
        "2020 - 2025'. A chi bộ holds its congress twice in five years, so shorter terms are "
        "accepted when the sentence speaks of a chi bộ (data/facts.yaml)."
    )
    message = N_("'nhiệm kỳ {first} - {last}' is {years} years; a term is {expected} years")
    wrong = "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020 - 2026."
    right = "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020 - 2025."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        facts = _facts()
        normal = set(facts["term_years"])
        short = set(facts["short_term_years"])
        words = [w.lower() for w in facts["short_term_words"]]
        for paragraph in _prose(ctx, _TERM_WORD):
            text = paragraph.text
            for match in TERM.finditer(text):
                years = int(match["b"]) - int(match["a"])
                allowed = normal
                sentence = _sentence_around(text, match.start(), match.end()).lower()
                if any(word in sentence for word in words):
                    allowed = normal | short
                if years not in allowed:
                    yield self.hit(
                        paragraph, match.start("a"), match.end("b"), first=match["a"],
                        last=match["b"], years=years,
                        expected=" / ".join(map(str, sorted(allowed))),
                    )  # fmt: skip


def _ordinal(text: str) -> int | None:
    from drafter.numbering import from_roman

    return int(text) if text.isdigit() else from_roman(text)


class CongressTerm(Rule):
    code = "FACT006"
    name = "congress-term"
    severity = ERROR
    summary = N_("One congress is given two terms, or two congresses one term.")
    explanation = N_(
        "Within a document 'Đại hội Đảng bộ tỉnh lần thứ XIV' always goes with the same term "
        "(2020 - 2025), and consecutive congresses of the same body are five years apart. The "
        "body is read from the words between 'Đại hội' and 'lần thứ'."
    )
    message = N_("{congress} is given the term {term} here, but {other} on line {line}")
    wrong = (
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020 - 2025.\n"
        "Tổng kết Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2015 - 2020.\n"
    )
    right = (
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020 - 2025.\n"
        "Tổng kết Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIII, nhiệm kỳ 2015 - 2020.\n"
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        seen: dict[str, list[tuple[int, int, Paragraph, re.Match[str]]]] = {}
        for paragraph in _prose(ctx, _CONGRESS_WORD):
            for match in CONGRESS.finditer(paragraph.text):
                ordinal = _ordinal(match["ordinal"])
                if ordinal is None or not match["a"]:
                    continue
                body = name_key(match["body"])
                start = int(match["a"])
                for other_ordinal, other_start, other_paragraph, other in seen.get(body, []):
                    apart = ordinal - other_ordinal
                    conflict = (apart == 0) != (other_start == start) or (
                        0 < abs(apart) <= 2 and abs((start - other_start) - 5 * apart) > 1
                    )
                    if conflict:
                        yield self.hit(
                            paragraph, match.start(), match.end(),
                            congress=f"Đại hội {match['body'].strip()} lần thứ {match['ordinal']}",
                            term=f"{match['a']} - {match['b']}",
                            other=f"lần thứ {other['ordinal']}, {other['a']} - {other['b']}",
                            line=other_paragraph.position(other.start())[0],
                        )  # fmt: skip
                        break
                seen.setdefault(body, []).append((ordinal, start, paragraph, match))


class PeriodCount(Rule):
    code = "FACT007"
    name = "period-count"
    severity = WARNING
    summary = N_(
        "A number of years that does not fit the years in brackets (05 năm (2021 - 2023))."
    )
    explanation = N_(
        "'N năm … (A - B)' covers the years A to B: N is B − A + 1 when both years are "
        "counted (15 năm thực hiện Điều lệ Đảng (2011 - 2025)) or B − A (10 năm (2013 - "
        "2023)); other counts are reported. Anniversaries are FACT001's business."
    )
    message = N_("'{count} năm' does not fit {first} - {last} ({expected} years)")
    wrong = "Tổng kết công tác xây dựng Đảng 05 năm (2021 - 2023)."
    right = "Tổng kết công tác xây dựng Đảng 05 năm (2021 - 2025)."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in _prose(ctx):
            text = paragraph.text
            if "(" not in text:
                continue
            for match in PERIOD.finditer(text):
                before = text[max(0, match.start() - 20) : match.start()].lower()
                if _ANNIVERSARY_BEFORE.search(before):
                    continue
                count = int(match["count"])
                a, b = int(match["a"]), int(match["b"])
                if count not in (b - a, b - a + 1):
                    yield self.hit(
                        paragraph, match.start("count"), match.end("count"), count=match["count"],
                        first=a, last=b, expected=f"{b - a} / {b - a + 1}",
                    )  # fmt: skip


RULES = (
    AnniversaryCount(), CommemorationDate(), AnniversaryOfKnownDay(), CanChiYear(),
    TermLength(), CongressTerm(), PeriodCount(),
)  # fmt: skip
