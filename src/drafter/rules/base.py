"""What a rule is, what it returns, and the finding a user sees.

A rule is a small class (sqlfluff style): its code (``TXT002``), a kebab-case
name, a severity, a one-line summary and an explanation (English message ids,
translated where shown), a wrong and a right example (document text, used by
``drafter rules``, ``docs/rules.md`` and a test that runs every example), and
a ``check`` method that yields ``Hit`` records — plain data saying which
paragraph, which characters, which message and, where one is safe, the
replacement text. The checker turns hits into ``Finding``s with file
positions, applies selection and suppression, and the report modules print
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

if TYPE_CHECKING:
    from drafter.rules.context import CheckContext
    from drafter.rules.joined import Needle
    from drafter.sources.view import Paragraph

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SAFE, UNSAFE = "safe", "unsafe"


class Hit(NamedTuple):
    """One problem a rule found, in paragraph coordinates."""

    paragraph: Paragraph | None  # None: the whole document (position given by ``where``)
    start: int  # offsets into ``paragraph.text``
    end: int
    message: str  # English message id, ``{name}`` placeholders
    params: dict[str, Any]
    replacement: str | None = None  # the text that replaces text[start:end]
    applicability: str = SAFE
    at_label: bool = False  # the problem is the numbering label itself
    where: tuple[int, int] | None = None  # (line, column) when there is no paragraph


class Fix(NamedTuple):
    replacement: str
    applicability: str  # safe | unsafe
    start: int | None = None  # file offsets the replacement applies to (text files only)
    end: int | None = None
    region: tuple[int, int, int, int] | None = (
        None  # the same as line, column, end line, end column
    )

    @property
    def applicable(self) -> bool:
        """``--fix`` may apply it: safe, and located in a text file."""
        return self.applicability == SAFE and self.start is not None


class Finding(NamedTuple):
    """One located finding, as reported (``check --format json`` object)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str  # translated
    fix: Fix | None = None
    source_line: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class Rule:
    """Base of every rule; subclasses set the class attributes and ``check``."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = WARNING
    summary: ClassVar[str] = ""  # one line, English message id
    explanation: ClassVar[str] = ""  # a paragraph, English message id
    message: ClassVar[str] = ""  # default finding message
    wrong: ClassVar[str] = ""  # an example the rule reports (document text)
    right: ClassVar[str] = ""  # the same example, corrected
    example_source: ClassVar[str] = "txt"  # how examples are checked: txt | yaml | docx | none
    fixable: ClassVar[str | None] = None  # safe | unsafe | None
    sources: ClassVar[frozenset[str]] = frozenset({"outline", "docx", "text"})

    @property
    def family(self) -> str:
        return self.code[:-3]

    def check(self, ctx: CheckContext) -> Iterable[Hit]:
        return ()

    def hit(
        self,
        paragraph: Paragraph | None,
        start: int,
        end: int,
        message: str | None = None,
        *,
        replacement: str | None = None,
        applicability: str = SAFE,
        at_label: bool = False,
        where: tuple[int, int] | None = None,
        **params: Any,
    ) -> Hit:
        return Hit(
            paragraph,
            start,
            end,
            message or self.message,
            params,
            replacement,
            applicability,
            at_label,
            where,
        )


# Header fields whose text drafter generates or that hold a draft's blanks.
FORM_FIELDS = frozenset(
    {"superior", "issuer", "star", "number", "draft_mark", "motto", "state_motto",
     "place_date", "title_rule", "recipients_heading"}
)  # fmt: skip


class ParagraphRule(Rule):
    """A rule that looks at one paragraph at a time, in the given roles (never at
    the fields of the header form).

    ``needle``, when set, is found in every paragraph the rule reports something
    in: a pattern, or strings any of which will do (faster: no regex engine).
    One pass over the joined texts of the document then picks the paragraphs to
    look at (``rules/joined.py`` says what a needle must do); a rule may instead
    override ``candidates``.
    """

    roles: ClassVar[frozenset[str]] = frozenset({"title", "heading", "body"})
    needle: ClassVar[Needle | None] = None

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        for paragraph in self.candidates(ctx):
            yield from self.check_paragraph(paragraph, ctx)

    def candidates(self, ctx: CheckContext) -> list[Paragraph]:
        """The paragraphs ``check_paragraph`` has to see."""
        if self.needle is None:
            return ctx.paragraphs_in(self.roles)
        return ctx.holding(self.roles, self.needle)

    def check_paragraph(self, paragraph: Paragraph, ctx: CheckContext) -> Iterable[Hit]:
        return ()


class MetaRule(Rule):
    """A rule whose findings come from elsewhere (the outline loader, the
    suppression comments); it exists to be documented and selected."""

    def check(self, ctx: CheckContext) -> Iterable[Hit]:
        return ()
