"""Deadlines and periods as offices write them, read into date ranges.

"Tháng 3/2024", "tháng 03 năm 2024", "Quý I/2024", "Quý I năm 2024",
"6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "Năm 2024", "15/3/2024",
"Trước ngày 15/3/2024", "Trong tháng 3/2024", "Từ tháng 3 đến tháng 5/2024" —
each becomes the first and last day of the period (``Period``), so a task
table can be sorted by deadline. Text that names no period ("Thường xuyên",
"Hằng tháng") gives None and sorts last, in its original order. Pure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from typing import NamedTuple

from drafter.numbering import from_roman


class Period(NamedTuple):
    start: dt.date
    end: dt.date


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(month: int, year: int) -> Period | None:
    if not 1 <= month <= 12:
        return None
    return Period(dt.date(year, month, 1), _month_end(year, month))


def _quarter(numeral: str, year: int) -> Period | None:
    quarter = int(numeral) if numeral.isdigit() else from_roman(numeral.upper())
    if quarter is None or not 1 <= quarter <= 4:
        return None
    first = 3 * quarter - 2
    return Period(dt.date(year, first, 1), _month_end(year, first + 2))


_YEAR = r"(?:/|\s*năm\s*|\s+)(?P<year>\d{4})"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})\s*[/.\-]\s*(?P<year>\d{4})", "day"),
        (r"ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})", "day"),
        (r"tháng\s+(?P<from>\d{1,2})\s*(?:-|–|đến)\s*(?:tháng\s*)?(?P<month>\d{1,2})" + _YEAR,
         "months"),
        (r"tháng\s+(?P<month>\d{1,2})" + _YEAR, "month"),
        (r"quý\s+(?P<quarter>[IV]+|[1-4])" + _YEAR, "quarter"),
        (r"6\s+tháng\s+đầu\s+năm\s*(?P<year>\d{4})", "first_half"),
        (r"6\s+tháng\s+cuối\s+năm\s*(?P<year>\d{4})", "second_half"),
        (r"(?:cả\s+)?năm\s+(?P<year>\d{4})", "year"),
        (r"^\s*(?P<year>\d{4})\s*$", "year"),
    )
)  # fmt: skip


def parse_period(text: str) -> Period | None:
    """The period ``text`` names, or None ("Thường xuyên")."""
    text = unicodedata.normalize("NFC", text)
    for pattern, kind in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        found: Period | None = None
        if kind == "day":
            day = _date(int(groups["day"]), int(groups["month"]), year)
            found = Period(day, day) if day else None
        elif kind == "month":
            found = _month(int(groups["month"]), year)
        elif kind == "months":
            first, last = _month(int(groups["from"]), year), _month(int(groups["month"]), year)
            found = Period(first.start, last.end) if first and last and first <= last else None
        elif kind == "quarter":
            found = _quarter(groups["quarter"], year)
        elif kind == "first_half":
            found = Period(dt.date(year, 1, 1), dt.date(year, 6, 30))
        elif kind == "second_half":
            found = Period(dt.date(year, 7, 1), dt.date(year, 12, 31))
        elif kind == "year":
            found = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
        if found is not None:
            return found
    return None


def deadline_key(text: str | None) -> tuple[int, dt.date, dt.date]:
    """Sort key: dated periods by their end, then start; undated ones last."""
    period = parse_period(text) if text else None
    if period is None:
        return (1, dt.date.max, dt.date.max)
    return (0, period.end, period.start)
