"""Find citations in text (``find_citations``) and in a document (``find_mentions``).

The symbol is found first (it is what makes a citation), then the type name and
"số" before it, the date and the issuer after it. Citations by name
("Luật … ngày 19/6/2015") are found from their date backwards.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from drafter.citations import grammar
from drafter.citations.models import (
    DOT,
    HYPHEN,
    NAME,
    PARTY,
    SLASH,
    STATE,
    WORDS,
    Citation,
    Span,
)  # fmt: skip
from drafter.lazyre import lazy
from drafter.resources import load_data

if TYPE_CHECKING:
    from drafter.sources.view import CheckDocument, Paragraph

LEAD_WINDOW = 60  # characters read back from a symbol for its type name
MAX_ISSUER_WORDS = 12


class Found(NamedTuple):
    start: int  # offsets of the citation in the searched text
    end: int
    citation: Citation


class Mention(NamedTuple):
    """A citation found in one paragraph of a document."""

    paragraph: Paragraph
    start: int
    end: int
    citation: Citation

    def span(self, part: Span | None) -> tuple[int, int]:
        """Paragraph offsets of a part of the citation (the whole when None)."""
        if part is None:
            return self.start, self.end
        return self.start + part.start, self.start + part.end


def read_date(match: re.Match[str]) -> tuple[dt.date | None, str, str, bool]:
    """``(date or None, text, style, valid)`` from a ``grammar.DATE`` match."""
    if match.group("d"):
        day, month, year = int(match.group("d")), int(match.group("m")), int(match.group("y"))
        style = {"/": SLASH, "-": HYPHEN, ".": DOT}[match.group("sep")]
        text = f"{match.group('d')}{match.group('sep')}{match.group('m')}"
        text += f"{match.group('sep')}{match.group('y')}"
    else:
        day, month, year = int(match.group("wd")), int(match.group("wm")), int(match.group("wy"))
        style = WORDS
        text = match.group(0)
    try:
        return dt.date(year, month, day), text, style, True
    except ValueError:
        return None, text, style, False


@cache
def _issuer_words() -> frozenset[str]:
    return frozenset(load_data("citations")["issuer_name_words"])


_GAP = lazy(r"[ \t]+")
_WORD = lazy(r"[^\s,.;:()“”\"'!?]+")


def read_issuer(text: str, start: int) -> tuple[int, int] | None:
    """The name of an issuing body starting at ``start``: capitalised words and the
    lower-case words bodies' names are made of, up to punctuation."""
    words = _issuer_words()
    end, position, count = start, start, 0
    while count < MAX_ISSUER_WORDS:
        match = _WORD.match(text, position)
        if not match:
            break
        word = match.group()
        is_name = word[:1].isupper() or word.lower() in words or (word.isupper() and len(word) > 1)
        if not is_name or (count == 0 and not word[:1].isupper()):
            break
        end, count = match.end(), count + 1
        gap = _GAP.match(text, end)
        if not gap:
            break
        position = gap.end()
    return (start, end) if count else None


@lru_cache(maxsize=1024)
def _names_ending(tail: str) -> tuple[str, ...]:
    """The type names (longest first) that end with ``tail``, two characters."""
    return tuple(
        name for name in grammar.type_names() if name.endswith(tail) or tail.endswith(name)
    )


def _type_before(text: str, end: int) -> tuple[int, str] | None:
    """The type name ending at ``end`` (a whole word), as ``(start, name)``."""
    head = text[max(0, end - LEAD_WINDOW) : end]
    if not head.endswith(grammar.type_names()):
        return None
    for name in _names_ending(head[-2:]):
        if head.endswith(name):
            start = end - len(name)
            if start == 0 or not text[start - 1].isalpha():
                return start, name
    return None


def _lead(text: str, start: int) -> tuple[int, str | None, str | None, Span | None]:
    """Where a citation starts before its symbol: [TYPE [TYPE]] [số]."""
    begin = start
    position = len(text[:start].rstrip())
    if (
        position < start
        and text[max(0, position - 2) : position] in ("số", "Số")
        and (position == 2 or not text[position - 3].isalpha())
    ):
        begin = position - 2
        position = len(text[:begin].rstrip())
    if position == begin:
        return begin, None, None, None
    found = _type_before(text, position)
    if found is None:
        return begin, None, None, None
    type_start, kind = found
    outer = None
    outer_end = len(text[:type_start].rstrip())
    if outer_end < type_start:
        outer_found = _type_before(text, outer_end)
        if outer_found is not None:
            outer = outer_found[1]
            first = outer_found[0]
        else:
            first = type_start
    else:
        first = type_start
    span = Span(type_start - first, type_start - first + len(kind))
    return first, _capital(kind), _capital(outer) if outer else None, span


def _capital(name: str) -> str:
    return name[:1].upper() + name[1:]


def _tail(text: str, position: int) -> tuple[int, re.Match[str] | None, tuple[int, int] | None]:
    """The date and the issuer after a citation's symbol (or name)."""
    end = position
    date_match = grammar.DATE_PART.match(text, position)
    if date_match:
        end = date_match.end()
    issuer = None
    intro = grammar.ISSUER_INTRO.match(text, end)
    if intro:
        issuer = read_issuer(text, intro.end())
        if issuer:
            end = issuer[1]
    return end, date_match, issuer


def _symbol_citations(text: str) -> Iterator[Found]:
    for symbol in grammar.symbol_matches(text):
        begin, kind, outer, type_span = _lead(text, symbol.start())
        end, date_match, issuer = _tail(text, symbol.end())
        party = symbol.group("p_number") is not None
        fields: dict[str, object] = {}
        if party:
            fields.update(
                style=PARTY,
                number=symbol.group("p_number"),
                type_code=symbol.group("p_type"),
                issuer_code=symbol.group("p_issuer"),
                spaced=any(symbol.group(g) for g in ("p_h1", "p_h2", "p_s1", "p_s2")),
            )
        else:
            fields.update(
                style=STATE,
                number=symbol.group("s_number"),
                type_code=symbol.group("s_type"),
                issuer_code=symbol.group("s_issuer"),
                year=int(symbol.group("s_year")) if symbol.group("s_year") else None,
            )
        fields.update(_date_fields(date_match, begin))
        if issuer:
            fields.update(issuer=text[issuer[0] : issuer[1]],
                          issuer_span=Span(issuer[0] - begin, issuer[1] - begin))  # fmt: skip
        citation = Citation(
            text=text[begin:end],
            type=kind,
            outer_type=outer,
            type_span=type_span,
            symbol_span=Span(symbol.start() - begin, symbol.end() - begin),
            **fields,  # type: ignore[arg-type]
        )
        yield Found(begin, end, citation)


def _date_fields(date_match: re.Match[str] | None, begin: int) -> dict[str, object]:
    if not date_match:
        return {}
    date, date_text, style, valid = read_date(date_match)
    return {
        "date": date,
        "date_text": date_text,
        "date_style": style,
        "date_valid": valid,
        "date_span": Span(date_match.start("date") - begin, date_match.end("date") - begin),
    }


@cache
def _named_types() -> tuple[str, ...]:
    """The names of documents cited by name (Luật, Hiến pháp …), in lower case."""
    return tuple(name.lower() for name in load_data("citations")["named_types"])


def _named_citations(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    lowered = text.lower()
    if not any(name in lowered for name in _named_types()):
        return
    for match in grammar.named_pattern().finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        begin = match.start()
        name = match.group("name").strip()
        end, _date, issuer = _tail(text, match.end("name"))
        fields: dict[str, object] = {}
        date_match = grammar.DATE_PART.match(text, match.end("name"))
        fields.update(_date_fields(date_match, begin))
        if issuer:
            fields.update(issuer=text[issuer[0] : issuer[1]],
                          issuer_span=Span(issuer[0] - begin, issuer[1] - begin))  # fmt: skip
        yield Found(
            begin,
            end,
            Citation(
                text=text[begin:end],
                style=NAME,
                type=_capital(match.group("type")),
                name=name,
                type_span=Span(0, match.end("type") - begin),
                **fields,  # type: ignore[arg-type]
            ),
        )


def find_citations(text: str) -> list[Found]:
    """Every citation in ``text``, in order of appearance."""
    if not grammar.might_cite(text):
        return []
    found = list(_symbol_citations(text))
    found.extend(_named_citations(text, [(f.start, f.end) for f in found]))
    found.sort(key=lambda f: f.start)
    return found


def find_mentions(document: CheckDocument) -> list[Mention]:
    """Citations in the written paragraphs of a document (not its header form)."""
    from drafter.rules.base import FORM_FIELDS
    from drafter.sources import view

    mentions = []
    for paragraph in document.paragraphs:
        if paragraph.role == view.PAGE or paragraph.field in FORM_FIELDS:
            continue
        for found in find_citations(paragraph.text):
            mentions.append(Mention(paragraph, found.start, found.end, found.citation))
    return mentions
