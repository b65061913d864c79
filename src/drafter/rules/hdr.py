"""HDR — the header block and the signature (HD 36; ../shared/spec/party-format.md
§2, §6 and the checklist of §7): the "Số" line, the symbol against the issuer
and the type, the draft mark, the motto, the signing prefix."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from drafter import party
from drafter.i18n import N_, _
from drafter.lazyre import lazy
from drafter.rules.base import ERROR, INFO, SAFE, WARNING, Hit, Rule
from drafter.sources import view

if TYPE_CHECKING:
    from drafter.rules.context import CheckContext
    from drafter.rules.header import HeaderInfo

STATE_PREFIX = lazy(r"^\s*(TM\.|KT\.|TL\.|TUQ\.|Q\.)", re.IGNORECASE)
DEPUTY = lazy(r"^\s*K/T\b", re.IGNORECASE)
DISTRICT_END = dt.date(2025, 7, 1)  # district level ended (party-format.md §5, reported)

_HEADER = (
    "TỈNH ỦY HẬU GIANG\n*\nSố 05-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Hậu Giang, ngày 05 tháng 01 năm 2024\nCHƯƠNG TRÌNH\nCông tác quý I năm 2024\n-----\n"
    "Nội dung chương trình.\n"
)


def _header(number_line: str = "Số 05-CTr/TU", **lines: str) -> str:
    text = _HEADER.replace("Số 05-CTr/TU", number_line)
    for old, new in lines.items():
        text = text.replace(old.replace("_", " "), new)
    return text


class NumberColon(Rule):
    code = "HDR001"
    name = "number-colon"
    severity = WARNING
    fixable = SAFE
    sources = frozenset({"docx", "text"})
    summary = N_("'Số:' with a colon in the number line.")
    explanation = N_(
        "Party documents write 'Số 05-CTr/TU' without a colon after 'Số'; 'Số:' is the state "
        "form (Nghị định 30/2020/NĐ-CP)."
    )
    message = N_("no colon after 'Số' in a Party document")
    wrong = _header("Số: 05-CTr/TU")
    right = _header()

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        number = ctx.header.number
        if number is None or number.colon is None:
            return
        start, end = number.colon
        following = number.paragraph.text[end : end + 1]
        replacement = "" if following.isspace() or not following else " "
        yield self.hit(number.paragraph, start, end, replacement=replacement)


class NumberForm(Rule):
    code = "HDR002"
    name = "number-form"
    severity = ERROR
    sources = frozenset({"docx", "text"})
    summary = N_("The number line is not 'Số <number>-<TYPE>/<ISSUER>'.")
    explanation = N_(
        "The number and symbol of a Party document are written 'Số 05-CTr/TU': the number, "
        "a hyphen, the type code, a slash, the issuer code. The state form 'Số: 05/CTr-TU' "
        "and a missing symbol are reported. A draft leaves the number blank: 'Số      -CTr/TU'."
    )
    message = N_("the number line should read 'Số <number>-<type code>/<issuer code>'")
    wrong = _header("Số 05/CTr-TU")
    right = _header()

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        number = ctx.header.number
        if number is None or number.type_code is not None:
            return
        text = number.paragraph.text
        start = number.symbol_start if number.symbol else 0
        yield self.hit(number.paragraph, start, len(text.rstrip()))


def _issuer_kind(header: HeaderInfo) -> party.IssuerKind | None:
    issuer, superior = header.issuer_names
    if issuer is None:
        return None
    return party.match_issuer(issuer, superior)


class SymbolIssuer(Rule):
    code = "HDR003"
    name = "symbol-issuer"
    severity = ERROR
    summary = N_("The issuer code of the symbol does not match the issuing body.")
    explanation = N_(
        "The code after the slash names the issuer: TU for a provincial committee (Tỉnh ủy), "
        "VPTU for its office, HU for a district committee, ĐU for a Party committee, TW for "
        "the Central Committee … Names and codes are listed in data/issuer_names.yaml; a body "
        "not listed there is not checked."
    )
    message = N_("the issuer '{issuer}' uses the code {expected} in its symbol, not {code}")
    wrong = _header("Số 05-CTr/HU")
    right = _header()

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        header = ctx.header
        number = header.number
        if number is None or not number.issuer_code or header.issuer is None:
            return
        kind = _issuer_kind(header)
        if kind is None or number.issuer_code in kind.codes:
            return
        text = number.paragraph.text
        at = text.rfind(number.issuer_code)
        yield self.hit(
            number.paragraph,
            at,
            at + len(number.issuer_code),
            issuer=header.issuer.text.strip(),
            expected=_(" or ").join(kind.codes),
            code=number.issuer_code,
        )


class SymbolType(Rule):
    code = "HDR004"
    name = "symbol-type"
    severity = ERROR
    summary = N_("The type code of the symbol does not match the type name.")
    explanation = N_(
        "A CHƯƠNG TRÌNH is numbered …-CTr/…, a KẾ HOẠCH …-KH/…, a NGHỊ QUYẾT …-NQ/… "
        "(data/party_abbreviations.yaml)."
    )
    message = N_("a {type} carries the code {expected} in its symbol, not {code}")
    wrong = _header("Số 05-KH/TU")
    right = _header()

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        header = ctx.header
        number = header.number
        if number is None or not number.type_code or header.type_name is None:
            return
        name = _type_of(header.type_name.text)
        if name is None:
            return
        codes = party.codes_for_type(name)
        if not codes or number.type_code in codes:
            return
        text = number.paragraph.text
        at = text.find(number.type_code, number.symbol_start)
        yield self.hit(
            number.paragraph,
            at,
            at + len(number.type_code),
            type=name,
            expected=_(" or ").join(sorted(codes)),
            code=number.type_code,
        )


def _type_of(type_name: str) -> str | None:
    words = type_name.split()
    for count in range(len(words), 0, -1):
        name = party.canonical_type_name(" ".join(words[:count]))
        if name:
            return name
    return None


def _complete(header: HeaderInfo) -> bool:
    number = header.number
    return bool(number and number.number) and bool(header.date and header.date.is_complete)


class DraftMarkInFinal(Rule):
    code = "HDR005"
    name = "draft-mark-in-final"
    severity = WARNING
    summary = N_("A 'Dự thảo' mark left in a document that has its number and date.")
    explanation = N_(
        "A draft carries 'Dự thảo' and leaves its number and date blank; once the document "
        "has a number and a full date it is final and the mark must go (party-format.md "
        "§7.12). In an outline: set 'draft: false'."
    )
    message = N_("the document has a number and a date but is still marked '{mark}'")
    wrong = _header().replace("Số 05-CTr/TU\n", "Số 05-CTr/TU\nDự thảo\n")
    right = _header()

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        header = ctx.header
        if header.draft_mark is None or not _complete(header):
            return
        mark = header.draft_mark
        yield self.hit(mark, 0, len(mark.text.rstrip()), mark=mark.text.strip())


class FinalWithoutNumber(Rule):
    code = "HDR006"
    name = "final-without-number"
    severity = ERROR
    summary = N_("A document not marked as a draft has no number or no full date.")
    explanation = N_(
        "Only drafts leave the number and the day and month blank. A document without the "
        "'Dự thảo' mark is final and needs both. In an outline: fill in 'number' and a full "
        "'date', or keep 'draft: true'."
    )
    message = N_("a final document needs its number and full date (or mark it as a draft)")
    wrong = _header("Số      -CTr/TU")
    right = _header()

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        header = ctx.header
        number = header.number
        if header.draft_mark is not None or number is None or header.place_date is None:
            return
        if _complete(header) or header.date_problem:
            return
        paragraph = number.paragraph if not number.number else header.place_date
        yield self.hit(paragraph, 0, len(paragraph.text.rstrip()))


class StateSignaturePrefix(Rule):
    code = "HDR007"
    name = "state-signature-prefix"
    severity = ERROR
    fixable = SAFE
    summary = N_("The signature uses a state prefix (TM., KT., TL.) instead of T/M, K/T, T/L.")
    explanation = N_(
        "Party documents write the signing authority with a slash: T/M (on behalf of), K/T "
        "(signing for the head), T/L; TM., KT., TL., TUQ. and Q. are the state forms (HD 36 "
        "§1.7.1 as quoted in party-format.md §6)."
    )
    message = N_("'{found}' is the state form; Party documents write '{expected}'")
    wrong = _HEADER + "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n".replace("T/M", "TM.")
    right = _HEADER + "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        authority = ctx.header.authority
        if authority is None:
            return
        match = STATE_PREFIX.match(authority.text)
        if match is None:
            return
        found = match.group(1)
        mapping = party.state_signature_prefixes()
        expected = next((v for k, v in mapping.items() if k.lower() == found.lower()), None)
        replacement = f"{expected} " if expected else None
        end = match.end(1)
        while end < len(authority.text) and authority.text[end] == " ":
            end += 1
        yield self.hit(
            authority, match.start(1), end, replacement=replacement, found=found,
            expected=expected or "T/M, K/T, T/L",
        )  # fmt: skip


class DeputyPrefixForCommittee(Rule):
    code = "HDR008"
    name = "deputy-prefix-for-committee"
    severity = ERROR
    summary = N_("A Party committee's document is signed 'K/T'.")
    explanation = N_(
        "Documents of a Party committee (cấp ủy, ban thường vụ), an inspection committee and "
        "the like are signed on behalf of the collective, 'T/M …', even when a deputy signs "
        "(T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ). 'K/T' is for advisory bodies, where a deputy signs "
        "for the head (HD 36 §1.7.1, party-format.md §6)."
    )
    message = N_("{issuer} signs 'T/M …' (a deputy too), not 'K/T'")
    wrong = _HEADER + "K/T BÍ THƯ\nPHÓ BÍ THƯ\n"
    right = _HEADER + "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        header = ctx.header
        authority = header.authority
        if authority is None or not DEPUTY.match(authority.text):
            return
        kind = _issuer_kind(header)
        if kind is None or kind.kind not in ("committee", "inspection"):
            return
        assert header.issuer is not None
        yield self.hit(authority, 0, 3, issuer=header.issuer.text.strip())


class StateMotto(Rule):
    code = "HDR009"
    name = "state-motto"
    severity = ERROR
    summary = N_("The state national title in a Party document's header.")
    explanation = N_(
        "A Party document is headed 'ĐẢNG CỘNG SẢN VIỆT NAM'; 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAM / Độc lập - Tự do - Hạnh phúc' belongs to state documents (party-format.md §7.1)."
    )
    message = N_(
        "'{text}' belongs to state documents; a Party document is headed 'ĐẢNG CỘNG SẢN VIỆT NAM'"
    )
    wrong = _header().replace("ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    right = _header()

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in ctx.document.paragraphs:
            if paragraph.field == view.STATE_MOTTO:
                text = paragraph.text.strip()
                start = paragraph.text.find(text)
                yield self.hit(paragraph, start, start + len(text), text=text)


_EXCERPT = N_("no header, signature or recipients were found; the text is checked as an excerpt")


class MissingComponent(Rule):
    code = "HDR010"
    name = "missing-component"
    severity = INFO
    summary = N_("A mandatory component of a Party document was not found.")
    explanation = N_(
        "Every Party document has: the motto 'ĐẢNG CỘNG SẢN VIỆT NAM', the issuing body, the "
        "number and symbol, the place and date, the type name and title, the signature and "
        "the recipients (QĐ 66 Điều 15, party-format.md §6). A text file copied from Word may "
        "lose the header table, so this is only a note; a text with none of them is an "
        "excerpt and gets a single note."
    )
    message = N_("no {component} was found")
    wrong = "CHƯƠNG TRÌNH\nCông tác quý I năm 2024\n-----\nNội dung.\n"
    right = _HEADER + "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\n"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        document = ctx.document
        header = ctx.header
        if not document.by_role(view.BODY, view.HEADING):
            return
        checks = (
            (header.motto or header.state_motto, N_("motto 'ĐẢNG CỘNG SẢN VIỆT NAM'")),
            (header.issuer, N_("issuing body")),
            (header.number, N_("number line ('Số …')")),
            (header.place_date, N_("place/date line")),
            (header.type_name or header.title, N_("type name")),
            (header.authority or header.position, N_("signature")),
            (document.field(view.RECIPIENTS_HEADING), N_("'Nơi nhận' (recipients)")),
        )
        where = document.paragraphs[0].position(0)
        missing = [component for present, component in checks if present is None]
        if len(missing) == len(checks):  # an excerpt, not a whole document: one note
            yield self.hit(None, 0, 0, _EXCERPT, where=where)
            return
        for component in missing:
            yield self.hit(None, 0, 0, component=_(component), where=where)


class RetiredIssuerCode(Rule):
    code = "HDR011"
    name = "retired-issuer-code"
    severity = INFO
    summary = N_("A district-level code (HU) on a document dated after 1 July 2025.")
    explanation = N_(
        "Third-party sources report that district-level Party committees ended on 1 July 2025 "
        "with the two-level local government (party-format.md §5, unverified); a new document "
        "numbered …/HU is worth a second look."
    )
    message = N_(
        "the code {code} belongs to district committees, reported abolished from 01/7/2025"
    )
    wrong = _header("Số 05-CTr/HU", **{"TỈNH ỦY HẬU GIANG": "HUYỆN ỦY CHÂU THÀNH"}).replace(
        "năm 2024", "năm 2026"
    )
    right = _header().replace("năm 2024", "năm 2026")

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        header = ctx.header
        number = header.number
        if number is None or number.issuer_code != "HU" or header.date is None:
            return
        date = header.date.to_date() or dt.date(header.date.year, 12, 31)
        if date < DISTRICT_END:
            return
        at = number.paragraph.text.rfind("HU")
        yield self.hit(number.paragraph, at, at + 2, code="HU")


RULES = (
    NumberColon(), NumberForm(), SymbolIssuer(), SymbolType(), DraftMarkInFinal(),
    FinalWithoutNumber(), StateSignaturePrefix(), DeputyPrefixForCommittee(), StateMotto(),
    MissingComponent(), RetiredIssuerCode(),
)  # fmt: skip
