"""What every rule may read while checking one document, computed once.

The document view itself, the options from ``drafter.yaml`` (``check:``), and
analyses several rules share — the citations found in the text, the header
(number line, date, issuer, draft mark) — each computed on first use.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from drafter.citations.extract import Mention
    from drafter.citations.register import Register
    from drafter.rules.header import HeaderInfo
    from drafter.sources.view import CheckDocument, Paragraph


class RuleOptions(NamedTuple):
    """Settings rules read (``check:`` in drafter.yaml)."""

    tone_marks: str | None = None  # None: consistency only; "old" or "new": that style
    register: Register | None = None  # the reference register, if one was found


class CheckContext:
    def __init__(self, document: CheckDocument, options: RuleOptions | None = None) -> None:
        self.document = document
        self.options = options or RuleOptions()
        self.cache: dict[str, Any] = {}
        self._by_roles: dict[frozenset[str], list[Paragraph]] = {}

    def paragraphs_in(self, roles: frozenset[str]) -> list[Paragraph]:
        """The paragraphs with one of ``roles``, header form fields excepted
        (worked out once per set of roles, for every paragraph rule)."""
        from drafter.rules.base import FORM_FIELDS

        found = self._by_roles.get(roles)
        if found is None:
            found = self._by_roles[roles] = [
                p for p in self.document.paragraphs
                if p.role in roles and p.field not in FORM_FIELDS
            ]  # fmt: skip
        return found

    @cached_property
    def mentions(self) -> list[Mention]:
        """Every citation in the document's text, in reading order."""
        from drafter.citations.extract import find_mentions

        return find_mentions(self.document)

    @cached_property
    def header(self) -> HeaderInfo:
        from drafter.rules.header import read_header

        return read_header(self.document)
