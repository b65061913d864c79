"""Deadlines as offices write them, and the order they sort in."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from drafter.deadlines import Period, deadline_key, parse_period
from drafter.numbering import to_roman

years = st.integers(min_value=2000, max_value=2100)


@given(years, st.integers(min_value=1, max_value=12), st.booleans())
def test_months(year, month, padded):
    text = f"Tháng {month:02d}/{year}" if padded else f"tháng {month} năm {year}"
    period = parse_period(text)
    assert period.start == dt.date(year, month, 1)
    assert period.end.month == month and (period.end + dt.timedelta(days=1)).day == 1


@given(years, st.integers(min_value=1, max_value=4), st.booleans())
def test_quarters(year, quarter, roman):
    numeral = to_roman(quarter) if roman else str(quarter)
    period = parse_period(f"Quý {numeral}/{year}")
    assert period.start == dt.date(year, 3 * quarter - 2, 1)
    assert period.end.month == 3 * quarter


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_days_and_their_order(day):
    assert parse_period(f"Trước ngày {day.day}/{day.month}/{day.year}") == Period(day, day)
    later = day + dt.timedelta(days=1)
    assert deadline_key(f"{day.day}/{day.month}/{day.year}") < deadline_key(
        f"{later.day:02d}/{later.month:02d}/{later.year}"
    )


def test_words_and_impossible_dates():
    assert parse_period("6 tháng đầu năm 2024") == Period(dt.date(2024, 1, 1),
                                                         dt.date(2024, 6, 30))  # fmt: skip
    assert parse_period("Năm 2025").end == dt.date(2025, 12, 31)
    assert parse_period("Từ tháng 3 đến tháng 5/2024") == Period(dt.date(2024, 3, 1),
                                                                dt.date(2024, 5, 31))  # fmt: skip
    for text in ("Thường xuyên", "31/02/2024", "Tháng 13/2024", "Quý V/2024", ""):
        assert parse_period(text) is None
    assert deadline_key("Thường xuyên") > deadline_key("Năm 2100")


@given(st.text(max_size=60))
def test_never_crashes(text):
    parse_period(text)
