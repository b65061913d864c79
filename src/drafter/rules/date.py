"""DATE — dates that cannot be, the place/date line, and dates against each other.

The place/date line follows HD 36 (../shared/spec/party-format.md §2, §7.4):
"<Địa danh>, ngày DD tháng M năm YYYY", days below 10 and the months January
and February written with a leading zero (``dates.PaddingRule``); a draft may
leave the day and month blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from drafter import dates
from drafter.citations import grammar
from drafter.citations.extract import read_date
from drafter.citations.models import DOT, HYPHEN
from drafter.i18n import N_
from drafter.lazyre import lazy
from drafter.rules.base import ERROR, INFO, SAFE, WARNING, Hit, Rule
from drafter.sources import view

if TYPE_CHECKING:
    from drafter.rules.context import CheckContext
    from drafter.sources.view import Paragraph

WRITTEN = frozenset({view.TITLE, view.HEADING, view.BODY, view.RECIPIENT})
PLACE_DATE_FORM = lazy(
    r"^\s*(?P<place>[^,\d]+?)\s*(?P<comma>,?)\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*"
    r"(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)
PERIOD_YEAR = lazy(r"(?<![\d\-–])năm\s+(?P<year>\d{4})(?!\s*[-–]\s*\d{4})")


def _dates_in(paragraph: Paragraph, ctx: CheckContext) -> list[re.Match[str]]:
    """Full dates in a paragraph (found once per document, shared by the rules;
    one pass over the document picks the paragraphs that may hold one)."""
    cache = ctx.cache.get("date.matches")
    if cache is None:
        cache = ctx.cache["date.matches"] = {
            p.index: None for p in ctx.holding(None, grammar.DATE_NEEDLE)
        }
    if paragraph.index not in cache:
        return []
    found = cache[paragraph.index]
    if found is None:
        found = cache[paragraph.index] = grammar.date_matches(paragraph.text)
    return found


class ImpossibleDate(Rule):
    code = "DATE001"
    name = "impossible-date"
    severity = ERROR
    summary = N_("A date that does not exist (31/02/2023, 32/12/2023).")
    explanation = N_(
        "Every full date — in the text, in citations, in the place/date line — must be a real "
        "calendar date: no 30 or 31 February, no 29 February outside leap years, no month 13."
    )
    message = N_("'{date}' is not a real date")
    wrong = "Thực hiện Kế hoạch số 15-KH/TU ngày 31/02/2023 của Ban Thường vụ Tỉnh ủy."
    right = "Thực hiện Kế hoạch số 15-KH/TU ngày 28/02/2023 của Ban Thường vụ Tỉnh ủy."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in ctx.document.paragraphs:
            if paragraph.role not in WRITTEN and paragraph.field != view.PLACE_DATE:
                continue
            for match in _dates_in(paragraph, ctx):
                _date, text, _style, valid = read_date(match)
                if not valid:
                    yield self.hit(paragraph, match.start(), match.end(), date=text)


class PlaceDateLine(Rule):
    code = "DATE002"
    name = "place-date-line"
    severity = WARNING
    fixable = SAFE
    sources = frozenset({"docx", "text"})
    summary = N_("The place/date line is not written in the Party form.")
    explanation = N_(
        "HD 36 writes the place and date as 'Hậu Giang, ngày 05 tháng 01 năm 2024': the place, "
        "a comma, then 'ngày … tháng … năm …' in words; days below 10 and the months 1 and 2 "
        "take a leading zero (ngày 05, tháng 01, tháng 02), other months do not (tháng 4). A "
        "draft may leave the day and the month blank. Outlines are always written this way."
    )
    message = N_("write '{expected}' in the place/date line")
    wrong = (
        "TỈNH ỦY HẬU GIANG\n*\nSố 05-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hậu Giang, ngày 5 tháng 1 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n"
    )
    right = (
        "TỈNH ỦY HẬU GIANG\n*\nSố 05-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n"
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        paragraph = ctx.header.place_date
        if paragraph is None:
            return
        text = paragraph.text
        match = PLACE_DATE_FORM.match(text)
        if match is None:
            yield self.hit(
                paragraph, 0, len(text.rstrip()), N_("the place/date line should read "
                                                     "'<place>, ngày … tháng … năm …'"),
            )  # fmt: skip
            return
        if not match.group("comma"):
            end = match.end("place")
            yield self.hit(
                paragraph, end, end, replacement=",", expected=f"{match.group('place')}, ngày"
            )
        rule = dates.HD36_PADDING
        for part, width_rule in (("day", rule.day), ("month", rule.month)):
            written = match.group(part)
            if written is None:
                continue
            expected = width_rule(int(written))
            if written != expected:
                start, end = match.start(part), match.end(part)
                word = "ngày" if part == "day" else "tháng"
                yield self.hit(
                    paragraph, start, end, replacement=expected, expected=f"{word} {expected}"
                )


class CitedAfterDocument(Rule):
    code = "DATE003"
    name = "cited-after-document"
    severity = ERROR
    summary = N_("A cited document is dated after the document that cites it.")
    explanation = N_(
        "A document can only cite documents issued before it (or the same day). A cited date "
        "later than the document's own date (its place/date line, or 'date' in the outline) is "
        "a wrong date or a wrong year. A draft dated by its year only is compared by year."
    )
    message = N_("cited with the date {cited}, after this document's date ({own})")
    wrong = (
        "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n"
        "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2024 của Ban Thường vụ Tỉnh ủy.\n"
    )
    right = (
        "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n"
        "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy.\n"
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        own = ctx.header.date
        if own is None:
            return
        complete = own.to_date()
        for mention in ctx.mentions:
            cited = mention.citation.date
            if cited is None:
                continue
            late = cited > complete if complete else cited.year > own.year
            if late:
                start, end = mention.span(mention.citation.date_span)
                shown = complete.strftime("%d/%m/%Y") if complete else str(own.year)
                yield self.hit(
                    mention.paragraph, start, end, cited=mention.citation.date_text, own=shown
                )


class PeriodYear(Rule):
    code = "DATE004"
    name = "period-year"
    severity = WARNING
    summary = N_("The document's year and the year its title is about are far apart.")
    explanation = N_(
        "A programme, plan or report for 'năm 2024' is dated 2023 (drafted ahead), 2024 or "
        "2025 (a report after the year). A document dated two or more years away from the "
        "year in its title usually carries a year left over from an older draft."
    )
    message = N_("the title is about {period}, but the document is dated {year}")
    wrong = (
        "Hậu Giang, ngày 05 tháng 01 năm 2022\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n-----\n"
        "Nội dung.\n"
    )
    right = (
        "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n-----\n"
        "Nội dung.\n"
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        header = ctx.header
        if header.date is None or header.title is None:
            return
        years = list(PERIOD_YEAR.finditer(header.title.text))
        if len(years) != 1:
            return
        match = years[0]
        period = int(match.group("year"))
        if abs(header.date.year - period) > 1:
            yield self.hit(
                header.title,
                match.start("year"),
                match.end("year"),
                period=period,
                year=header.date.year,
            )


class NonSlashDate(Rule):
    code = "DATE005"
    name = "non-slash-date"
    severity = INFO
    fixable = SAFE
    summary = N_("A date written with hyphens or dots (19-12-2023) instead of slashes.")
    explanation = N_(
        "Party documents write short dates with slashes: 19/12/2023. Dates in citations are "
        "left to CIT007 (mixed date styles)."
    )
    message = N_("'{found}': Party documents write '{expected}'")
    wrong = "Hội nghị diễn ra ngày 19-12-2023."
    right = "Hội nghị diễn ra ngày 19/12/2023."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        cited: dict[int, list[tuple[int, int]]] = {}
        for mention in ctx.mentions:
            cited.setdefault(mention.paragraph.index, []).append((mention.start, mention.end))
        for paragraph in ctx.document.paragraphs:
            if paragraph.role not in WRITTEN:
                continue
            spans = cited.get(paragraph.index, [])
            for match in _dates_in(paragraph, ctx):
                _date, text, style, _valid = read_date(match)
                if style not in (HYPHEN, DOT):
                    continue
                if any(start <= match.start() < end for start, end in spans):
                    continue
                expected = text.replace("-", "/").replace(".", "/")
                yield self.hit(
                    paragraph, match.start(), match.end(), replacement=expected, found=text,
                    expected=expected,
                )  # fmt: skip


RULES = (ImpossibleDate(), PlaceDateLine(), CitedAfterDocument(), PeriodYear(), NonSlashDate())
