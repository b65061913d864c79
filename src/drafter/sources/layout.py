"""Which paragraph of a Word or text file is which part of a Party document.

An outline says what each paragraph is; a Word file or a text file only has
paragraphs in order. This module recognises the parts the way a clerk does:
the header block (issuer, "*", "Số …", "Dự thảo", the motto, the place/date
line) runs down to the type name ("CHƯƠNG TRÌNH"); the title (trích yếu)
follows it, down to the short rule ("-----"); the signature block (``T/M …``,
the position, the name) and "Nơi nhận" close the document; page headers and
footers are set aside; what is left is the body, where a label (typed or drawn
by Word) and a heading style or a short line make a heading.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from drafter import party
from drafter.lazyre import lazy
from drafter.sources import view
from drafter.vietnamese import is_upper_text, name_key

NUMBER_LINE = lazy(r"^\s*Số\b", re.IGNORECASE)
DRAFT_MARK = lazy(r"^\s*Dự\s+thảo(?:\s+lần\s+\d+)?\s*$", re.IGNORECASE)
PLACE_DATE = lazy(
    r"^\s*[^\d\s,][^,\d]{0,60}?,?\s*(?:ngày\b.*\bnăm\s+\d{4}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\s*$",
    re.IGNORECASE,
)
RULE_LINE = lazy(r"^\s*[-–—_]{3,}\s*$")
RECIPIENTS = lazy(r"^\s*Nơi\s+nhận\b", re.IGNORECASE)
AUTHORITY = lazy(r"^\s*(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*\S", re.IGNORECASE)
LIST_ITEM = lazy(r"^\s*[-+•–]\s")
PARTY_MOTTO = "đảng cộng sản việt nam"
STATE_MOTTOS = ("cộng hòa xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc")
HEADER_SEARCH = 30  # paragraphs searched for the type name
HEADING_WORDS = 25  # a numbered line longer than this is a numbered paragraph


class RawParagraph(NamedTuple):
    text: str  # the paragraph's text without its numbering label
    location: str  # body | table | textbox | header | footer | text
    style: str | None = None
    labelled: bool = False
    label_kind: str | None = None


def is_type_name(text: str) -> bool:
    stripped = text.strip()
    if not stripped or not is_upper_text(stripped) or len(stripped.split()) > 10:
        return False
    key = name_key(stripped)
    return any(
        key == name_key(name) or key.startswith(name_key(name) + " ") for name in party.type_names()
    )


def header_field(text: str) -> str | None:
    key = name_key(text)
    if key == PARTY_MOTTO:
        return view.MOTTO
    if key in STATE_MOTTOS:
        return view.STATE_MOTTO
    if text.strip() == "*":
        return view.STAR
    if NUMBER_LINE.match(text):
        return view.NUMBER
    if DRAFT_MARK.match(text):
        return view.DRAFT_MARK
    if PLACE_DATE.match(text):
        return view.PLACE_DATE
    return None


def _is_header_like(text: str) -> bool:
    return header_field(text) is not None or (is_upper_text(text) and len(text.split()) <= 12)


def assign_roles(items: list[RawParagraph]) -> list[tuple[str, str | None]]:
    """``(role, field)`` for each paragraph."""
    roles: list[tuple[str, str | None]] = [(view.BODY, None)] * len(items)
    content = [i for i, item in enumerate(items) if item.location not in ("header", "footer")]
    for i, item in enumerate(items):
        if item.location in ("header", "footer"):
            roles[i] = (view.PAGE, None)
    if not content:
        return roles
    body_start = _header_block(items, content, roles)
    body_end = _end_block(items, content, body_start, roles)
    for i in content:
        if body_start <= i < body_end and roles[i] == (view.BODY, None):
            roles[i] = (_body_role(items[i]), None)
    return roles


def _header_block(
    items: list[RawParagraph], content: list[int], roles: list[tuple[str, str | None]]
) -> int:
    """Mark the header block and the title; return the index where the body starts."""
    type_at = next((i for i in content[:HEADER_SEARCH] if is_type_name(items[i].text)), None)
    if type_at is None:
        header = []
        in_table = items[content[0]].location == "table"
        for i in content:
            if in_table and items[i].location != "table":
                break  # a Word header table (issuer, number, V/v … | motto, date) ends here
            if not in_table and not _is_header_like(items[i].text):
                break
            header.append(i)
        end = header[-1] + 1 if header else content[0]
    else:
        header = [i for i in content if i < type_at]
        roles[type_at] = (view.TYPE_NAME, None)
        end = type_at + 1
    _header_fields(items, header, roles)
    if type_at is None:
        return end
    following = [i for i in content if i > type_at][:4]
    rule_at = next((i for i in following if RULE_LINE.match(items[i].text)), None)
    titles = [i for i in following if rule_at is None or i < rule_at]
    if rule_at is None:
        titles = titles[:1]
    for i in titles:
        roles[i] = (view.TITLE, None)
    if rule_at is not None:
        roles[rule_at] = (view.TITLE, view.TITLE_RULE)
        return rule_at + 1
    return (titles[-1] + 1) if titles else end


def _header_fields(
    items: list[RawParagraph], header: list[int], roles: list[tuple[str, str | None]]
) -> None:
    names: list[int] = []
    for i in header:
        text = items[i].text
        field = header_field(text)
        if field is None and is_upper_text(text):
            names.append(i)
            continue
        if field is None and text.lstrip().lower().startswith(("v/v", "về việc")):
            roles[i] = (view.TITLE, None)  # trích yếu of a công văn
            continue
        roles[i] = (view.HEADER, field)
    star = next((i for i in header if roles[i][1] == view.STAR), None)
    number = next((i for i in header if roles[i][1] == view.NUMBER), None)
    limit = star if star is not None else number
    issuers = [i for i in names if limit is None or i < limit]
    for i in names:
        roles[i] = (view.HEADER, None)
    if issuers:
        roles[issuers[-1]] = (view.HEADER, view.ISSUER)
        for i in issuers[:-1]:
            roles[i] = (view.HEADER, view.SUPERIOR)


def _end_block(
    items: list[RawParagraph],
    content: list[int],
    body_start: int,
    roles: list[tuple[str, str | None]],
) -> int:
    """Mark recipients and the signatures; return the index where the body ends.

    A signature is an authority line (T/M …, K/T …) with the position and the
    name under it, or — when the head signs directly — a capitalised position
    line standing next to "Nơi nhận" or before another signature (joint
    documents sign side by side).
    """
    tail = [i for i in content if i >= body_start]
    ends: list[int] = []
    recipients_at = next((i for i in tail if RECIPIENTS.match(items[i].text)), None)
    authorities = [i for i in tail if AUTHORITY.match(items[i].text)]
    if recipients_at is not None:
        ends.append(recipients_at)
        roles[recipients_at] = (view.RECIPIENT, view.RECIPIENTS_HEADING)
        for i in (j for j in tail if j > recipients_at):
            if i in authorities or (
                not LIST_ITEM.match(items[i].text)
                and not (items[i].labelled and items[i].label_kind == "bullet")
            ):
                break
            roles[i] = (view.RECIPIENT, None)
    positions: list[int] = []
    for authority in authorities:
        ends.append(authority)
        roles[authority] = (view.SIGNATURE, view.AUTHORITY)
        after = [i for i in tail if i > authority and roles[i][0] != view.RECIPIENT][:3]
        position = next((i for i in after if is_upper_text(items[i].text)
                         and i not in authorities), None)  # fmt: skip
        if position is not None:
            positions.append(position)
        before = [i for i in tail if i < authority][-1:]
        if before and _lone_position(items, before[0], roles):
            positions.append(before[0])
    if recipients_at is not None and not authorities:
        listed = [i for i in tail if roles[i][0] == view.RECIPIENT]
        after = [i for i in tail if i > max(listed)][:4]
        before = [i for i in tail if i < recipients_at][-3:][::-1]
        position = next((i for i in after + before if _lone_position(items, i, roles)), None)
        if position is not None:
            positions.append(position)
    for position in positions:
        ends.append(position)
        roles[position] = (view.SIGNATURE, view.POSITION)
        signer = next(
            (i for i in tail if position < i <= position + 8 and roles[i] == (view.BODY, None)
             and _looks_like_name(items[i].text)),
            None,
        )  # fmt: skip
        if signer is not None:
            roles[signer] = (view.SIGNATURE, view.SIGNER)
    _appendices(tail, roles)
    return min(ends) if ends else (content[-1] + 1)


def _appendices(tail: list[int], roles: list[tuple[str, str | None]]) -> None:
    """What follows the first run of Nơi nhận and signature lines — a task
    table, the copy (bản sao) of the document — is an appendix."""
    closing = (view.RECIPIENT, view.SIGNATURE)
    first = next((n for n, i in enumerate(tail) if roles[i][0] in closing), None)
    if first is None:
        return
    last = first
    while last + 1 < len(tail) and roles[tail[last + 1]][0] in closing:
        last += 1
    for i in tail[last + 1 :]:
        roles[i] = (view.APPENDIX, None)


def _lone_position(items: list[RawParagraph], i: int, roles: list[tuple[str, str | None]]) -> bool:
    """A position line signed without a prefix ("TRƯỞNG BAN", "CHÁNH VĂN PHÒNG")."""
    return (
        roles[i] == (view.BODY, None)
        and not items[i].labelled
        and _looks_like_position(items[i].text)
    )


def _looks_like_position(text: str) -> bool:
    stripped = text.strip()
    return (
        is_upper_text(stripped) and 1 <= len(stripped.split()) <= 6 and not is_type_name(stripped)
    )


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        1 < len(words) <= 6
        and all(word[:1].isupper() for word in words)
        and not is_upper_text(text)
        and not any(c in text for c in ".,;:()")
    )


def _body_role(item: RawParagraph) -> str:
    style = (item.style or "").lower()
    if style.startswith(("heading", "title")):
        return view.HEADING
    if style not in ("", "normal"):
        return view.BODY  # a body style chosen on purpose (drafter's BodyText …)
    if not item.labelled or item.label_kind == "bullet":
        return view.BODY
    if item.label_kind == "roman":
        return view.HEADING
    text = item.text.strip()
    if len(text.split()) <= HEADING_WORDS and not text.endswith((".", ";", ":", ",")):
        return view.HEADING
    return view.BODY
