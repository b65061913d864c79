"""The header block of a document, read once for the HDR, DATE and FACT rules.

Works on the one document view, so an outline (whose header paragraphs are the
ones ``build`` writes) and a Word or text file are read the same way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from drafter import dates
from drafter.lazyre import lazy
from drafter.sources import view

if TYPE_CHECKING:
    from drafter.sources.view import CheckDocument, Paragraph

# "Số 05-CTr/TU", "Số: 05-CTr/TU", "Số      -CTr/TU", "Số 05/CTr-TU" (state style)
NUMBER_LINE = lazy(
    r"^\s*Số(?P<colon>\s*:)?\s*(?P<number>\d*)\s*(?P<rest>[-/].*?)?\s*$", re.IGNORECASE
)
PARTY_SYMBOL = lazy(
    r"^-(?P<type>[A-ZĐ][A-ZĐa-zđ]{0,6})/(?P<issuer>[A-ZĐ][A-ZĐ0-9]{0,11}(?:-[A-ZĐ][A-ZĐ0-9]*)*)$"
)


class NumberLine(NamedTuple):
    paragraph: Paragraph
    colon: tuple[int, int] | None  # offsets of ":" after "Số"
    number: str  # "" in a draft
    symbol: str | None  # "-CTr/TU" as written
    symbol_start: int
    type_code: str | None  # None when the symbol is not in Party form
    issuer_code: str | None


class HeaderInfo(NamedTuple):
    issuer: Paragraph | None
    superior: Paragraph | None
    number: NumberLine | None
    draft_mark: Paragraph | None
    motto: Paragraph | None
    state_motto: Paragraph | None
    place_date: Paragraph | None
    date: dates.DocumentDate | None  # from the place/date line
    date_problem: bool  # the place/date line holds an impossible date
    type_name: Paragraph | None
    title: Paragraph | None
    authority: Paragraph | None
    position: Paragraph | None
    signer: Paragraph | None

    @property
    def is_draft(self) -> bool:
        return self.draft_mark is not None

    @property
    def issuer_names(self) -> tuple[str | None, str | None]:
        return (
            self.issuer.text.strip() if self.issuer else None,
            self.superior.text.strip() if self.superior else None,
        )


def read_number_line(paragraph: Paragraph) -> NumberLine | None:
    match = NUMBER_LINE.match(paragraph.text)
    if not match:
        return None
    colon = (match.start("colon"), match.end("colon")) if match.group("colon") else None
    rest = match.group("rest")
    symbol = rest.strip() if rest else None
    party = PARTY_SYMBOL.match(symbol) if symbol else None
    return NumberLine(
        paragraph,
        colon,
        match.group("number"),
        symbol,
        match.start("rest") if rest else len(paragraph.text),
        party.group("type") if party else None,
        party.group("issuer") if party else None,
    )


def read_header(document: CheckDocument) -> HeaderInfo:
    def field(name: str) -> Paragraph | None:
        return document.field(name)

    number_paragraph = field(view.NUMBER)
    place_date = field(view.PLACE_DATE)
    date, date_problem = None, False
    if place_date is not None:
        try:
            parsed = dates.parse_place_date_line(place_date.text)
        except dates.DateParseError:
            parsed, date_problem = None, True
        date = parsed.date if parsed else None
    if document.outline is not None:  # a resolved outline knows its date exactly
        date = document.outline.resolved.outline.date
    titles = document.by_role(view.TITLE)
    return HeaderInfo(
        issuer=field(view.ISSUER),
        superior=field(view.SUPERIOR),
        number=read_number_line(number_paragraph) if number_paragraph else None,
        draft_mark=field(view.DRAFT_MARK),
        motto=field(view.MOTTO),
        state_motto=field(view.STATE_MOTTO),
        place_date=place_date,
        date=date,
        date_problem=date_problem,
        type_name=next(iter(document.by_role(view.TYPE_NAME)), None),
        title=next((p for p in titles if p.field is None), None),
        authority=field(view.AUTHORITY),
        position=field(view.POSITION),
        signer=field(view.SIGNER),
    )
