"""What every rule may read while checking one document, computed once.

The document view itself, the options from ``drafter.yaml`` (``check:``), and
analyses several rules share — the paragraphs of some roles and their joined
text (``rules.joined``), their words, the citations found in the text, the
header (number line, date, issuer, draft mark) — each computed on first use.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from drafter.rules.joined import Joined

if TYPE_CHECKING:
    from drafter.citations.extract import Mention
    from drafter.citations.register import Register
    from drafter.rules.header import HeaderInfo
    from drafter.rules.joined import Needle
    from drafter.sources.view import CheckDocument, Paragraph
    from drafter.vietnamese import CodedWords


class RuleOptions(NamedTuple):
    """Settings rules read (``check:`` in drafter.yaml)."""

    tone_marks: str | None = None  # None: consistency only; "old" or "new": that style
    register: Register | None = None  # the reference register, if one was found


_EVERY: frozenset[str] = frozenset({"*"})  # the key of every paragraph's joined text


class CheckContext:
    def __init__(self, document: CheckDocument, options: RuleOptions | None = None) -> None:
        self.document = document
        self.options = options or RuleOptions()
        self.cache: dict[str, Any] = {}
        self._by_roles: dict[frozenset[str], list[Paragraph]] = {}
        self._joined: dict[frozenset[str], Joined] = {}
        self._holding: dict[tuple[frozenset[str], Needle, bool], list[Paragraph]] = {}
        self._coded: dict[frozenset[str], CodedWords] = {}

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

    def joined(self, roles: frozenset[str] | None = None) -> Joined:
        """``paragraphs_in(roles)`` with their texts joined (once per set of
        roles); every paragraph of the document when ``roles`` is None."""
        key = _EVERY if roles is None else roles
        joined = self._joined.get(key)
        if joined is None:
            paragraphs = self.document.paragraphs if roles is None else self.paragraphs_in(roles)
            joined = self._joined[key] = Joined(paragraphs)
        return joined

    def holding(
        self, roles: frozenset[str] | None, needle: Needle, *, lower: bool = False
    ) -> list[Paragraph]:
        """The paragraphs of ``joined(roles)`` that hold ``needle``
        (``Joined.holding``), worked out once per document for rules that share
        a needle."""
        key = (_EVERY if roles is None else roles, needle, lower)
        found = self._holding.get(key)
        if found is None:
            found = self._holding[key] = self.joined(roles).holding(needle, lower=lower)
        return found

    def coded(self, roles: frozenset[str]) -> CodedWords:
        """The lower-case words of ``paragraphs_in(roles)``, each written as one
        character (``vietnamese.coded_words``), worked out once per set of roles."""
        coded = self._coded.get(roles)
        if coded is None:
            from drafter.vietnamese import coded_words

            texts = [paragraph.text.lower() for paragraph in self.paragraphs_in(roles)]
            coded = self._coded[roles] = coded_words(texts)
        return coded

    @cached_property
    def mentions(self) -> list[Mention]:
        """Every citation in the document's text, in reading order."""
        from drafter.citations.extract import find_mentions

        return find_mentions(self.document)

    @cached_property
    def header(self) -> HeaderInfo:
        from drafter.rules.header import read_header

        return read_header(self.document)
