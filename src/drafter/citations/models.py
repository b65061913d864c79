"""Citation records: typed, frozen, built once per citation found."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

PARTY, STATE, NAME = "party", "state", "name"
SLASH, HYPHEN, DOT, WORDS = "slash", "hyphen", "dot", "words"


class Span(NamedTuple):
    start: int  # offsets into the citation's ``text``
    end: int


class Citation(NamedTuple):
    """One cited document as written (``style`` party, state or name)."""

    text: str
    style: str
    type: str | None = None  # "Chỉ thị", as the document names it
    number: str | None = None  # "32"
    type_code: str | None = None  # "CT"
    issuer_code: str | None = None  # "TU"
    year: int | None = None  # the year inside a state legal symbol (30/2020/NĐ-CP)
    date: dt.date | None = None
    date_text: str | None = None  # as written: "19/12/2023"
    date_style: str | None = None  # slash | hyphen | dot | words
    date_valid: bool = True  # False for 31/02/2023 (date is then None)
    issuer: str | None = None  # "Ban Thường vụ Tỉnh ủy"
    name: str | None = None  # for citations by name: "Tổ chức chính quyền địa phương"
    outer_type: str | None = None  # "Thông báo" in "Thông báo Kết luận số 05-TB/TU"
    spaced: bool = False  # "100 - KL/TW": spaces around the hyphen or slash
    type_span: Span | None = None
    symbol_span: Span | None = None  # "32-CT/TU" (number and symbol)
    date_span: Span | None = None  # the date itself
    issuer_span: Span | None = None

    @property
    def symbol(self) -> str | None:
        """``CT/TU`` (party), ``NQ-CP`` or ``UBTVQH15`` (state); None by name."""
        if self.style == PARTY:
            return f"{self.type_code}/{self.issuer_code}"
        if self.style == STATE:
            return f"{self.type_code}-{self.issuer_code}" if self.type_code else self.issuer_code
        return None

    @property
    def reference(self) -> str | None:
        """The document's number and symbol, normalised: ``32-CT/TU``, ``117/NQ-CP``,
        ``30/2020/NĐ-CP``; the identity used to compare citations."""
        if self.style == PARTY:
            return f"{self.number}-{self.symbol}"
        if self.style == STATE:
            year = f"{self.year}/" if self.year else ""
            return f"{self.number}/{year}{self.symbol}"
        return None

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "type": self.type,
            "number": self.number,
            "symbol": self.symbol,
            "type_code": self.type_code,
            "issuer_code": self.issuer_code,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "style": self.style,
        }
