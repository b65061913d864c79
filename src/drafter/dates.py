"""Vietnamese dates: the place/date line, citation dates, parsers, names.

The one module that knows how Party documents write dates. Locale data
(weekday and month names) comes from Babel; the zero-padding rule of the
place/date line ("ngày 05 tháng 01 năm 2024", "ngày 03 tháng 4 năm 2018":
days 1–9 and months 1–2 padded) is a ``PaddingRule`` so a rule pack or an
office can change it (../shared/spec/party-format.md §4).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple


class PaddingRule(NamedTuple):
    """Which day and month numbers get a leading zero."""

    pad_day_below: int = 10  # days < 10 are written 01 … 09
    padded_months: frozenset[int] = frozenset({1, 2})

    @classmethod
    def from_mapping(cls, data: dict | None) -> PaddingRule:
        if not data:
            return cls()
        return cls(
            pad_day_below=int(data.get("pad_day_below", 10)),
            padded_months=frozenset(int(m) for m in data.get("padded_months", (1, 2))),
        )

    def day(self, day: int) -> str:
        return f"{day:02d}" if day < self.pad_day_below else str(day)

    def month(self, month: int) -> str:
        return f"{month:02d}" if month in self.padded_months else str(month)


HD36_PADDING = PaddingRule()


class DocumentDate(NamedTuple):
    """The date of a document; a draft knows only its year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def is_complete(self) -> bool:
        return self.month is not None and self.day is not None

    def to_date(self) -> dt.date | None:
        if not self.is_complete:
            return None
        assert self.month is not None and self.day is not None
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str:
        if self.is_complete:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}"


class DraftBlanks(NamedTuple):
    """The spaces left for the day and month of a draft's date line."""

    day: str = " " * 6
    month: str = " " * 5


def place_date_line(
    place: str,
    date: DocumentDate,
    rule: PaddingRule = HD36_PADDING,
    blanks: DraftBlanks = DraftBlanks(),  # noqa: B008 - frozen value
) -> str:
    """``Hậu Giang, ngày 05 tháng 01 năm 2024``; blanks where the date is unknown.

    >>> place_date_line("Hậu Giang", DocumentDate(2023))
    'Hậu Giang, ngày      tháng     năm 2023'
    """
    day = rule.day(date.day) if date.day is not None else blanks.day
    month = rule.month(date.month) if date.month is not None else blanks.month
    day_part = f"ngày {day} " if date.day is not None else f"ngày{day}"
    month_part = f"tháng {month} " if date.month is not None else f"tháng{month}"
    return f"{place}, {day_part}{month_part}năm {date.year}"


def citation_date(date: dt.date, rule: PaddingRule = HD36_PADDING) -> str:
    """The slash form used inside citations: ``19/12/2023``, ``05/3/2020``."""
    return f"{rule.day(date.day)}/{rule.month(date.month)}/{date.year}"


def weekday_name(date: dt.date, language: str = "vi") -> str:
    """``Thứ Sáu`` for 2024-01-05 (Babel's locale data)."""
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=language)[date.weekday()])


def month_name(month: int, language: str = "vi") -> str:
    """``tháng 1`` … ``tháng 12`` (Babel's locale data)."""
    from babel.dates import get_month_names

    return str(get_month_names("wide", locale=language)[month])


class DateParseError(ValueError):
    """Text that looks like a date but is not a real one (31/02/2023)."""


_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_WORDS = re.compile(
    r"^\s*(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$", re.IGNORECASE
)
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def make_date(year: int, month: int, day: int) -> dt.date:
    """A real calendar date or ``DateParseError`` saying what is impossible."""
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DateParseError(f"{day}/{month}/{year}: {error}") from None


def parse_date(text: str) -> dt.date:
    """Parse ``2024-01-05``, ``05/01/2024``, ``5-1-2024``, ``5.1.2024`` or
    ``ngày 05 tháng 01 năm 2024``; raise ``DateParseError`` on anything else."""
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return make_date(year, month, day)
    if match := _NUMERIC.match(text):
        day, _, month, year = match.groups()
        return make_date(int(year), int(month), int(day))
    if match := _WORDS.match(text):
        day, month, year = (int(g) for g in match.groups())
        return make_date(year, month, day)
    raise DateParseError(text)


def parse_document_date(text: str) -> DocumentDate:
    """A document date as written in an outline: a full date or a bare year."""
    if match := _YEAR.match(text):
        return DocumentDate(int(match.group(1)))
    parsed = parse_date(text)
    return DocumentDate(parsed.year, parsed.month, parsed.day)


_PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^,]+?)\s*,\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?"
    r"\s*năm\s*(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)


class PlaceDateLine(NamedTuple):
    place: str
    date: DocumentDate
    day_text: str | None  # the day exactly as written ("05"), None when blank
    month_text: str | None


def parse_place_date_line(text: str) -> PlaceDateLine | None:
    """Read ``Hậu Giang, ngày 05 tháng 01 năm 2024`` (blanks allowed); None if the
    text is not a place/date line. Raises ``DateParseError`` for 30/02."""
    match = _PLACE_DATE.match(text)
    if not match:
        return None
    day_text, month_text = match.group("day"), match.group("month")
    year = int(match.group("year"))
    day = int(day_text) if day_text else None
    month = int(month_text) if month_text else None
    if day is not None and month is not None:
        make_date(year, month, day)
    elif month is not None and not 1 <= month <= 12:
        raise DateParseError(f"tháng {month}")
    return PlaceDateLine(match.group("place"), DocumentDate(year, month, day), day_text, month_text)
