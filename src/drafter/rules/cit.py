"""CIT — citations of other documents ("Chỉ thị số 32-CT/TU ngày 19/12/2023 của
Ban Thường vụ Tỉnh ủy"): the symbol agrees with the type, is written in the
Party form, and every citation of one document says the same thing.

Type and issuer codes: ``data/party_abbreviations.yaml`` (with their
confidence) and ``data/state_abbreviations.yaml``; which names go with which
issuer code: ``data/issuer_names.yaml``. The grammar is in
``drafter.citations``; ``drafter citations`` lists what it reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from drafter import party
from drafter.citations.models import PARTY, SLASH, STATE, WORDS
from drafter.i18n import N_, _
from drafter.lazyre import lazy
from drafter.rules.base import ERROR, INFO, SAFE, WARNING, Hit, Rule
from drafter.vietnamese import name_key

if TYPE_CHECKING:
    from drafter.citations.extract import Mention
    from drafter.rules.context import CheckContext

_NUMERIC_DATE = lazy(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_WORDS_DATE = lazy(r"^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$")
WELL_FORMED_CODE = lazy(r"^[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-ZĐ0-9]*)*$")


class TypeCodeMismatch(Rule):
    code = "CIT001"
    name = "type-code-mismatch"
    severity = ERROR
    summary = N_("The type of a cited document and the type code in its symbol disagree.")
    explanation = N_(
        "The symbol of a document carries the code of its type: Chỉ thị CT, Nghị quyết NQ, "
        "Quy định QĐ (QĐi in 2018), Chương trình CTr, Kết luận KL, Thông báo TB … A Chỉ thị "
        "cited with NQ means the type or the number is wrong. Codes are those of "
        "party_abbreviations.yaml for Party documents and of Nghị định 30/2020/NĐ-CP for "
        "state documents."
    )
    message = N_("{type} cited with the code {code}: the code of a {type} is {expected}")
    wrong = "Thực hiện Chỉ thị số 32-NQ/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy."
    right = "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for mention in ctx.mentions:
            citation = mention.citation
            if citation.style not in (PARTY, STATE) or not citation.type_code:
                continue
            kinds = [k for k in (citation.type, citation.outer_type) if k]
            known = [party.codes_for_type(k, citation.style) for k in kinds]
            tables = [codes for codes in known if codes]
            if not tables or citation.type_code not in party.all_type_codes():
                continue
            if any(citation.type_code in codes for codes in tables):
                continue
            start, end = mention.span(citation.symbol_span)
            yield self.hit(
                mention.paragraph,
                start,
                end,
                type=citation.type or citation.outer_type,
                code=citation.type_code,
                expected=_(" or ").join(sorted(tables[0])),
            )


class PartySymbolInStateStyle(Rule):
    code = "CIT002"
    name = "party-symbol-in-state-style"
    severity = ERROR
    fixable = SAFE
    summary = N_("A Party document's symbol is written the state way (22/CT-TW).")
    explanation = N_(
        "Party documents write the number, a hyphen, the type code, a slash and the issuer "
        "code: 22-CT/TW. The state form (number/TYPE-ISSUER, as in 117/NQ-CP) is wrong for a "
        "document issued by a Party body (TW, TU, HU, ĐU …). The fix rewrites it."
    )
    message = N_("'{found}' is a Party document written in the state form; write '{expected}'")
    wrong = "Thực hiện Chỉ thị số 22/CT-TW của Ban Bí thư."
    right = "Thực hiện Chỉ thị số 22-CT/TW của Ban Bí thư."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        issuers = party.party_issuer_codes()
        for mention in ctx.mentions:
            citation = mention.citation
            if citation.style != STATE or citation.year or not citation.type_code:
                continue
            if citation.issuer_code not in issuers:
                continue
            if not party.types_for_code(citation.type_code, PARTY):
                continue
            yield _party_symbol(self, mention)


def _party_symbol(rule: Rule, mention: Mention) -> Hit:
    """A hit on a citation's symbol whose fix writes it the Party way (32-CT/TU)."""
    citation = mention.citation
    start, end = mention.span(citation.symbol_span)
    expected = f"{citation.number}-{citation.type_code}/{citation.issuer_code}"
    return rule.hit(
        mention.paragraph, start, end, replacement=expected,
        found=mention.paragraph.text[start:end], expected=expected,
    )  # fmt: skip


class SpacedSymbol(Rule):
    code = "CIT003"
    name = "spaced-symbol"
    severity = WARNING
    fixable = SAFE
    summary = N_("Spaces around the hyphen or the slash of a symbol (100 - KL/TW).")
    explanation = N_(
        "A document's number and symbol are written without spaces: 100-KL/TW. With spaces "
        "the symbol can be broken across lines and is not found by searching."
    )
    message = N_("'{found}': write '{expected}' without spaces")
    wrong = "Theo Kết luận số 100 - KL/TW của Bộ Chính trị."
    right = "Theo Kết luận số 100-KL/TW của Bộ Chính trị."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for mention in ctx.mentions:
            citation = mention.citation
            if citation.style != PARTY or not citation.spaced:
                continue
            yield _party_symbol(self, mention)


class MalformedIssuerCode(Rule):
    code = "CIT004"
    name = "malformed-issuer-code"
    severity = WARNING
    fixable = SAFE
    summary = N_("The issuer code of a Party symbol is not written in capitals (32-CT/Tu).")
    explanation = N_(
        "Issuer codes are capital letters, sometimes followed by digits: TW, TU, VPTU, "
        "UBKTTW. A code with small letters is a typing slip; when its capitals form a known "
        "code the fix writes them."
    )
    message = N_("'{code}' is not a well-formed issuer code")
    wrong = "Thực hiện Chỉ thị số 32-CT/Tu ngày 19/12/2023."
    right = "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for mention in ctx.mentions:
            citation = mention.citation
            code = citation.issuer_code or ""
            if citation.style != PARTY or WELL_FORMED_CODE.match(code):
                continue
            start, end = mention.span(citation.symbol_span)
            at = mention.paragraph.text.rfind(code, start, end)
            upper = code.upper()
            replacement = upper if upper in party.party_issuer_codes() else None
            yield self.hit(
                mention.paragraph, at, at + len(code), replacement=replacement, code=code
            )


def _by_reference(mentions: list[Mention]) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        reference = mention.citation.reference
        if reference:
            groups.setdefault(reference, []).append(mention)
    return groups


class IncompleteFirstMention(Rule):
    code = "CIT005"
    name = "incomplete-first-mention"
    severity = WARNING
    summary = N_(
        "A document is first cited without its date or issuer, which a later citation gives."
    )
    explanation = N_(
        "The first time a document is cited it is cited in full — type, number and symbol, "
        "date, issuer — and later citations may be short. When the full citation comes later, "
        "the reader meets the short one first: move the date and the issuer to the first one."
    )
    message = N_(
        "the first citation of {reference} lacks {missing}; a later one (line {line}) gives it"
    )
    wrong = (
        "Quán triệt Chỉ thị số 32-CT/TU.\n"
        "Thực hiện tốt Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy."
    )
    right = (
        "Quán triệt Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy.\n"
        "Thực hiện tốt Chỉ thị số 32-CT/TU."
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for reference, mentions in _by_reference(ctx.mentions).items():
            first = mentions[0].citation
            later_date = next((m for m in mentions[1:] if m.citation.date_text), None)
            later_issuer = next((m for m in mentions[1:] if m.citation.issuer), None)
            missing_date = not first.date_text and later_date is not None
            missing_issuer = not first.issuer and later_issuer is not None
            if not (missing_date or missing_issuer):
                continue
            if missing_date and missing_issuer:
                missing, later = _("its date and issuer"), later_date
            elif missing_date:
                missing, later = _("its date"), later_date
            else:
                missing, later = _("its issuer"), later_issuer
            assert later is not None
            line = later.paragraph.position(later.start)[0]
            yield self.hit(
                mentions[0].paragraph,
                mentions[0].start,
                mentions[0].end,
                reference=reference,
                missing=missing,
                line=line,
            )


class ConflictingCitations(Rule):
    code = "CIT006"
    name = "conflicting-citations"
    severity = ERROR
    summary = N_("One document is cited with two different dates or two different issuers.")
    explanation = N_(
        "Two citations with the same number and symbol but different dates in the same year, "
        "or issuers that are different bodies, cannot both be right. (The same number in "
        "different years may be two documents, so that is not reported.)"
    )
    message = N_("{reference} is cited here with {value}, but with {other} on line {line}")
    wrong = (
        "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023.\n"
        "Sơ kết Chỉ thị số 32-CT/TU ngày 09/12/2023."
    )
    right = (
        "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023.\n"
        "Sơ kết Chỉ thị số 32-CT/TU ngày 19/12/2023."
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for reference, mentions in _by_reference(ctx.mentions).items():
            dated = [m for m in mentions if m.citation.date]
            for mention in dated[1:]:
                first = dated[0]
                a, b = first.citation.date, mention.citation.date
                assert a is not None and b is not None
                if a != b and a.year == b.year:
                    yield self._conflict(reference, mention, first, "date")
            named = [m for m in mentions if m.citation.issuer]
            for mention in named[1:]:
                first = named[0]
                if _different_bodies(first.citation.issuer, mention.citation.issuer):
                    yield self._conflict(reference, mention, first, "issuer")

    def _conflict(self, reference: str, mention: Mention, first: Mention, part: str) -> Hit:
        citation, other = mention.citation, first.citation
        span = citation.date_span if part == "date" else citation.issuer_span
        start, end = mention.span(span)
        value = citation.date_text if part == "date" else citation.issuer
        other_value = other.date_text if part == "date" else other.issuer
        return self.hit(
            mention.paragraph,
            start,
            end,
            reference=reference,
            value=f"'{value}'",
            other=f"'{other_value}'",
            line=first.paragraph.position(first.start)[0],
        )


def _different_bodies(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b or name_key(a) == name_key(b):
        return False
    first, second = party.match_issuer(a), party.match_issuer(b)
    if first is None or second is None:
        return False
    return not set(first.codes) & set(second.codes)


def restyle_date(citation_date: str, style: str) -> str | None:
    """``19/12/2023`` in ``style`` (digits kept as written)."""
    match = _NUMERIC_DATE.match(citation_date) or _WORDS_DATE.match(citation_date)
    if not match:
        return None
    day, month, year = match.groups()
    if style == WORDS:
        return f"{day} tháng {month} năm {year}"
    separator = {"slash": "/", "hyphen": "-", "dot": "."}[style]
    return f"{day}{separator}{month}{separator}{year}"


class MixedDateStyles(Rule):
    code = "CIT007"
    name = "mixed-date-styles"
    severity = WARNING
    fixable = SAFE
    summary = N_("Citations in one document write their dates in different ways.")
    explanation = N_(
        "Dates of cited documents are written one way throughout a document — usually "
        "19/12/2023. Dates written otherwise (19-12-2023, 19.12.2023, 19 tháng 12 năm 2023) "
        "than most of them are reported and rewritten in the common way."
    )
    message = N_("'{found}' is written differently from the other citation dates ('{expected}')")
    wrong = (
        "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023 và Đề án số 08-ĐA/TU ngày 16/10/2023, "
        "Kết luận số 05-KL/TU ngày 02-11-2023."
    )
    right = (
        "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023 và Đề án số 08-ĐA/TU ngày 16/10/2023, "
        "Kết luận số 05-KL/TU ngày 02/11/2023."
    )

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        dated = [m for m in ctx.mentions if m.citation.date_style and m.citation.date_text]
        styles = Counter(m.citation.date_style for m in dated)
        if len(styles) < 2:
            return
        most = max(styles.values())
        common = SLASH if styles.get(SLASH) == most else styles.most_common(1)[0][0]
        for mention in dated:
            citation = mention.citation
            if citation.date_style == common:
                continue
            assert citation.date_text is not None and common is not None
            expected = restyle_date(citation.date_text, common)
            start, end = mention.span(citation.date_span)
            yield self.hit(
                mention.paragraph, start, end, replacement=expected, found=citation.date_text,
                expected=expected,
            )  # fmt: skip


class IssuerMismatch(Rule):
    code = "CIT008"
    name = "issuer-mismatch"
    severity = WARNING
    summary = N_("The body named as issuer does not match the issuer code of the symbol.")
    explanation = N_(
        "'32-CT/TU … của Ban Thường vụ Tỉnh ủy' agree: TU is the code of the provincial "
        "committee. '532-TB/UBKTTW … của Văn phòng Tỉnh ủy' do not. Which names go with which "
        "code is listed in data/issuer_names.yaml; names not listed are not checked."
    )
    message = N_("'{issuer}' issues documents with the code {expected}, not {code}")
    wrong = "Theo Thông báo số 772-TB/VPTU ngày 24/10/2023 của Ủy ban Kiểm tra Tỉnh ủy."
    right = "Theo Thông báo số 772-TB/VPTU ngày 24/10/2023 của Văn phòng Tỉnh ủy."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for mention in ctx.mentions:
            citation = mention.citation
            if citation.style != PARTY or not citation.issuer or not citation.issuer_code:
                continue
            match = party.match_issuer(citation.issuer)
            if match is None or citation.issuer_code in match.codes:
                continue
            start, end = mention.span(citation.issuer_span)
            yield self.hit(
                mention.paragraph,
                start,
                end,
                issuer=citation.issuer,
                expected=_(" or ").join(match.codes),
                code=citation.issuer_code,
            )


class UnknownIssuerCode(Rule):
    code = "CIT009"
    name = "unknown-issuer-code"
    severity = INFO
    summary = N_("An issuer code drafter does not know.")
    explanation = N_(
        "The issuer code is well formed but not in data/party_abbreviations.yaml. It may be "
        "right (that list is not complete) or a slip; check it against the cited document."
    )
    message = N_("issuer code '{code}' is not in drafter's list; check it")
    wrong = "Theo Hướng dẫn số 12-HD/BTGTUU."
    right = "Theo Hướng dẫn số 12-HD/BTGTU."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        known = party.party_issuer_codes()
        for mention in ctx.mentions:
            citation = mention.citation
            code = citation.issuer_code or ""
            if citation.style != PARTY or code in known or not WELL_FORMED_CODE.match(code):
                continue
            start, end = mention.span(citation.symbol_span)
            at = mention.paragraph.text.rfind(code, start, end)
            yield self.hit(mention.paragraph, at, at + len(code), code=code)


class UnknownTypeCode(Rule):
    code = "CIT010"
    name = "unknown-type-code"
    severity = INFO
    summary = N_("A type code drafter does not know.")
    explanation = N_(
        "The type code in a Party symbol (CT, NQ, KL …) is not in "
        "data/party_abbreviations.yaml. It may be a rarely used type, or a slip."
    )
    message = N_("type code '{code}' is not in drafter's list; check it")
    wrong = "Theo Chỉ thị số 32-CX/TU."
    right = "Theo Chỉ thị số 32-CT/TU."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        codes: set[str] = set()
        for values in party.party_type_codes().values():
            codes |= values
        for mention in ctx.mentions:
            citation = mention.citation
            if citation.style != PARTY or citation.type_code in codes:
                continue
            start, _end = mention.span(citation.symbol_span)
            text = mention.paragraph.text
            at = text.find(citation.type_code or "", start)
            yield self.hit(
                mention.paragraph, at, at + len(citation.type_code or ""), code=citation.type_code
            )


RULES = (
    TypeCodeMismatch(), PartySymbolInStateStyle(), SpacedSymbol(), MalformedIssuerCode(),
    IncompleteFirstMention(), ConflictingCitations(), MixedDateStyles(), IssuerMismatch(),
    UnknownIssuerCode(), UnknownTypeCode(),
)  # fmt: skip
