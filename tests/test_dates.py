"""Vietnamese dates: the place/date line, citation dates, parsers, Babel names."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.dates import (
    DateParseError,
    DocumentDate,
    PaddingRule,
    citation_date,
    month_name,
    parse_date,
    parse_document_date,
    parse_place_date_line,
    place_date_line,
    weekday_name,
)


@pytest.mark.parametrize(
    ("date", "line"),
    [
        (DocumentDate(2024, 1, 5), "Hậu Giang, ngày 05 tháng 01 năm 2024"),
        (DocumentDate(2018, 4, 3), "Hậu Giang, ngày 03 tháng 4 năm 2018"),
        (DocumentDate(2018, 2, 20), "Hậu Giang, ngày 20 tháng 02 năm 2018"),
        (DocumentDate(2023, 12, 19), "Hậu Giang, ngày 19 tháng 12 năm 2023"),
        (DocumentDate(2023), "Hậu Giang, ngày      tháng     năm 2023"),
    ],
)
def test_place_date_line(date: DocumentDate, line: str) -> None:
    assert place_date_line("Hậu Giang", date) == line


def test_padding_rule_is_configurable() -> None:
    every_month = PaddingRule.from_mapping({"padded_months": list(range(1, 13))})
    assert place_date_line("Hà Nội", DocumentDate(2004, 5, 28), every_month) == (
        "Hà Nội, ngày 28 tháng 05 năm 2004"
    )
    no_padding = PaddingRule(pad_day_below=0, padded_months=frozenset())
    assert citation_date(dt.date(2020, 3, 5), no_padding) == "5/3/2020"


def test_citation_date() -> None:
    assert citation_date(dt.date(2023, 12, 19)) == "19/12/2023"
    assert citation_date(dt.date(2020, 3, 5)) == "05/3/2020"
    assert citation_date(dt.date(2022, 2, 1)) == "01/02/2022"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-05", dt.date(2024, 1, 5)),
        ("05/01/2024", dt.date(2024, 1, 5)),
        ("5/1/2024", dt.date(2024, 1, 5)),
        ("5-1-2024", dt.date(2024, 1, 5)),
        ("05.01.2024", dt.date(2024, 1, 5)),
        ("ngày 13 tháng 5 năm 2022", dt.date(2022, 5, 13)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2023", "32/12/2023", "29/02/2023", "2023-13-01", "x"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text)


def test_leap_day_is_real() -> None:
    assert parse_date("29/02/2024") == dt.date(2024, 2, 29)


def test_document_date_year_only() -> None:
    assert parse_document_date("2023") == DocumentDate(2023)
    assert not DocumentDate(2023).is_complete
    assert parse_document_date("2024-01-05").to_date() == dt.date(2024, 1, 5)


def test_parse_place_date_line() -> None:
    line = parse_place_date_line("Hậu Giang, ngày 05 tháng 01 năm 2024")
    assert line is not None
    assert (line.place, line.date, line.day_text, line.month_text) == (
        "Hậu Giang", DocumentDate(2024, 1, 5), "05", "01",
    )  # fmt: skip
    draft = parse_place_date_line("Hậu Giang, ngày      tháng     năm 2023")
    assert draft is not None and draft.date == DocumentDate(2023)
    assert parse_place_date_line("Căn cứ Chương trình công tác năm 2024") is None
    with pytest.raises(DateParseError):
        parse_place_date_line("Hậu Giang, ngày 30 tháng 02 năm 2024")


def test_babel_names() -> None:
    assert weekday_name(dt.date(2024, 1, 5)) == "Thứ Sáu"
    assert weekday_name(dt.date(2024, 1, 7)) == "Chủ Nhật"
    assert month_name(1) == "tháng 1"
    assert weekday_name(dt.date(2024, 1, 5), "en") == "Friday"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_line_and_citation_round_trip(date: dt.date) -> None:
    document = DocumentDate(date.year, date.month, date.day)
    parsed = parse_place_date_line(place_date_line("Thừa Thiên Huế", document))
    assert parsed is not None
    assert parsed.date == document and parsed.place == "Thừa Thiên Huế"
    assert parse_date(citation_date(date)) == date
    assert parse_document_date(document.iso()) == document


@given(st.text(max_size=40))
def test_parsers_never_crash_unexpectedly(text: str) -> None:
    with contextlib.suppress(DateParseError):
        parse_date(text)
    with contextlib.suppress(DateParseError):
        parse_place_date_line(text)
