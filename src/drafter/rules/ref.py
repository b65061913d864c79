"""REF — citations checked against the office's reference register
(``references.yaml``; see ``drafter.citations.register``). Without a register
these rules find nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from drafter import party
from drafter.i18n import N_, _
from drafter.rules.base import ERROR, INFO, Hit, Rule
from drafter.vietnamese import name_key

if TYPE_CHECKING:
    from drafter.rules.context import CheckContext


class RegisterMismatch(Rule):
    code = "REF001"
    name = "register-mismatch"
    severity = ERROR
    example_source = "none"
    summary = N_("A citation disagrees with the reference register.")
    explanation = N_(
        "The register (references.yaml, named by 'check: references:' in drafter.yaml or "
        "placed next to the checked file) lists the documents the office cites, with their "
        "type, date and issuer. A citation whose number and symbol are in the register but "
        "whose type, date or issuer differ is reported at the part that differs."
    )
    message = N_("{reference}: the register gives {part} '{expected}', not '{found}'")
    wrong = "Thực hiện Chỉ thị số 32-CT/TU ngày 09/12/2023 (the register says 19/12/2023)."
    right = "Thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        register = ctx.options.register
        if register is None:
            return
        from drafter.citations.register import entry_date

        for mention in ctx.mentions:
            citation = mention.citation
            entry = register.lookup(citation)
            if entry is None:
                continue
            reference = citation.reference
            expected_date = entry_date(entry)
            if citation.date and expected_date and citation.date != expected_date:
                start, end = mention.span(citation.date_span)
                yield self.hit(
                    mention.paragraph, start, end, reference=reference, part=_("the date"),
                    expected=expected_date.strftime("%d/%m/%Y"), found=citation.date_text,
                )  # fmt: skip
            if (
                citation.type
                and entry.type
                and party.canonical_type_name(citation.type)
                != party.canonical_type_name(entry.type)
                and citation.outer_type is None
            ):
                start, end = mention.span(citation.type_span)
                yield self.hit(
                    mention.paragraph, start, end, reference=reference, part=_("the type"),
                    expected=entry.type, found=citation.type,
                )  # fmt: skip
            if (
                citation.issuer
                and entry.issuer
                and name_key(citation.issuer) != name_key(entry.issuer)
            ):
                start, end = mention.span(citation.issuer_span)
                yield self.hit(
                    mention.paragraph, start, end, reference=reference, part=_("the issuer"),
                    expected=entry.issuer, found=citation.issuer,
                )  # fmt: skip


class NotInRegister(Rule):
    code = "REF002"
    name = "not-in-register"
    severity = INFO
    example_source = "none"
    summary = N_("A cited document is not in the reference register.")
    explanation = N_(
        "When the office keeps a register, a citation of a document it does not list may be "
        "a wrong number, or a document to add to the register."
    )
    message = N_("{reference} is not in the register {register}")
    wrong = "Thực hiện Chỉ thị số 33-CT/TU (not in references.yaml)."
    right = "Thực hiện Chỉ thị số 32-CT/TU (listed in references.yaml)."

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        register = ctx.options.register
        if register is None:
            return
        for mention in ctx.mentions:
            citation = mention.citation
            if citation.reference is None or register.lookup(citation) is not None:
                continue
            start, end = mention.span(citation.symbol_span)
            yield self.hit(
                mention.paragraph, start, end, reference=citation.reference,
                register=register.path.name,
            )  # fmt: skip


RULES = (RegisterMismatch(), NotInRegister())
