"""The citation grammar: what it reads, that it never fails, and round trips."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import party
from drafter.citations.extract import find_citations
from drafter.citations.models import NAME, PARTY, STATE, Citation


def one(text: str) -> Citation:
    found = find_citations(text)
    assert len(found) == 1, found
    return found[0].citation


def test_party_citation_in_full() -> None:
    text = "tinh thần Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy về lãnh đạo"
    found = find_citations(text)[0]
    assert text[found.start : found.end] == (
        "Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy"
    )
    assert found.citation.as_json() == {
        "text": "Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy",
        "type": "Chỉ thị",
        "number": "32",
        "symbol": "CT/TU",
        "type_code": "CT",
        "issuer_code": "TU",
        "date": "2023-12-19",
        "issuer": "Ban Thường vụ Tỉnh ủy",
        "style": "party",
    }


def test_forms_of_the_date_and_the_comma() -> None:
    words = one("Kết luận số 445-KL/TU, ngày 13 tháng 5 năm 2022 của Tỉnh ủy.")
    assert (words.date, words.date_style, words.issuer) == (
        dt.date(2022, 5, 13),
        "words",
        "Tỉnh ủy",
    )
    hyphen = one("Chỉ thị 05-CT/TW ngày 5-3-2016")
    assert (hyphen.number, hyphen.date, hyphen.date_style) == ("05", dt.date(2016, 3, 5), "hyphen")
    assert one("Thông báo số 772-TB/VPTU").date is None


def test_state_citations() -> None:
    assert one("Nghị quyết số 117/NQ-CP của Chính phủ").as_json()["symbol"] == "NQ-CP"
    law = one("Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023")
    assert (law.style, law.number, law.year, law.symbol, law.type_code) == (
        STATE, "35", 2023, "UBTVQH15", None)  # fmt: skip
    assert one("Kế hoạch số 74/KH-UBND").reference == "74/KH-UBND"


def test_citations_by_name_and_date() -> None:
    found = one("theo Luật Tổ chức chính quyền địa phương ngày 19/6/2015 và các văn bản")
    assert (found.style, found.type, found.name, found.number) == (
        NAME, "Luật", "Tổ chức chính quyền địa phương", None)  # fmt: skip


def test_what_is_not_a_citation() -> None:
    text = "ngày 8/3, (01/01/2004 - 01/01/2024), 1/2 số xã, 24/7, tỷ lệ 3/4, năm 2021 - 2030"
    assert find_citations(text) == []


def test_an_impossible_date_is_kept_as_written() -> None:
    found = one("Kế hoạch số 15-KH/TU ngày 31/02/2023")
    assert (found.date, found.date_text, found.date_valid) == (None, "31/02/2023", False)


# --------------------------------------------------------------------------- properties


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_never_fails_on_any_text(text: str) -> None:
    for found in find_citations(text):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.citation.text


CODES = sorted({code for codes in party.party_type_codes().values() for code in codes})
ISSUERS = sorted(party.party_issuer_codes())
NAMES = ["Ban Thường vụ Tỉnh ủy", "Ban Bí thư", "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Trung ương"]


def format_citation(citation: Citation) -> str:
    """How an office writes a Party citation (the inverse of the grammar)."""
    text = f"{citation.type} số {citation.number}-{citation.type_code}/{citation.issuer_code}"
    if citation.date is not None:
        date = citation.date
        if citation.date_style == "words":
            text += f" ngày {date.day} tháng {date.month} năm {date.year}"
        else:
            separator = {"slash": "/", "hyphen": "-", "dot": "."}[citation.date_style or "slash"]
            text += f" ngày {date.day:02d}{separator}{date.month:02d}{separator}{date.year}"
    if citation.issuer:
        text += f" của {citation.issuer}"
    return text


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    type_name = draw(st.sampled_from(sorted(party.party_type_codes())))
    code = draw(st.sampled_from(sorted(party.party_type_codes()[type_name])))
    date = draw(
        st.none() | st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2099, 12, 31))
    )
    return Citation(
        text="",
        style=PARTY,
        type=type_name,
        number=str(draw(st.integers(1, 99999))),
        type_code=code,
        issuer_code=draw(st.sampled_from(ISSUERS)),
        date=date,
        date_style=draw(st.sampled_from(["slash", "hyphen", "dot", "words"])) if date else None,
        issuer=draw(st.none() | st.sampled_from(NAMES)),
    )


@settings(max_examples=300, deadline=None)
@given(citation=citations(), before=st.sampled_from(["", "Thực hiện ", "theo tinh thần "]),
       after=st.sampled_from(["", ".", " về công tác cán bộ.", "; "]))  # fmt: skip
def test_round_trip(citation: Citation, before: str, after: str) -> None:
    written = format_citation(citation)
    found = one(before + written + after)
    assert found.text == written
    for field in ("type", "number", "type_code", "issuer_code", "date", "issuer", "style"):
        assert getattr(found, field) == getattr(citation, field), field
    assert found.reference == f"{citation.number}-{citation.type_code}/{citation.issuer_code}"
