"""The one view of a document that every rule reads: located paragraphs.

A ``CheckDocument`` is the list of paragraphs of an outline, a Word file or a
text file, in reading order, each with its text, numbering label, level and
role (header field, type name, title, heading, body, signature, recipient,
appendix, page header/footer) and a way back to the file: ``Paragraph.position(offset)``
gives the 1-based ``(line, column)`` of a character of the paragraph's text in
the file the user wrote, ``Paragraph.file_range(start, end)`` the stretch of
that file a safe fix may rewrite (None where there is none: Word files,
generated text, YAML escapes and folds).

Positions follow the CLI contract: YAML and text files give their own line and
column in characters; a Word file gives the paragraph's number in reading order
as the line and, as the column, 1 + the number of characters before the
offending one in the paragraph's text as Word stores it (typed numbering
included; numbering that Word draws itself is not part of the text, and a
finding about such a label points at column 1).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from drafter.numbering import ParsedLabel
    from drafter.scalars import ScalarMap

# Roles of a paragraph.
HEADER, TYPE_NAME, TITLE, HEADING, BODY, SIGNATURE, RECIPIENT, PAGE = (
    "header", "type_name", "title", "heading", "body", "signature", "recipient", "page",
)  # fmt: skip
APPENDIX = "appendix"  # what follows the signature in a Word or text file (a task table …)
CONTENT_ROLES = frozenset({HEADING, BODY})
PROSE_ROLES = frozenset({TITLE, HEADING, BODY})

# Header fields (``Paragraph.field``) of the HD 36 header block and the end block.
SUPERIOR, ISSUER, STAR, NUMBER, DRAFT_MARK, MOTTO, PLACE_DATE = (
    "superior", "issuer", "star", "number", "draft_mark", "motto", "place_date",
)  # fmt: skip
STATE_MOTTO, TITLE_RULE, RECIPIENTS_HEADING = "state_motto", "title_rule", "recipients_heading"
AUTHORITY, POSITION, SIGNER = "authority", "position", "signer"


class Locator:
    """Maps an offset inside one piece of a paragraph to the file."""

    __slots__ = ()

    def position(self, offset: int) -> tuple[int, int]:
        raise NotImplementedError

    def file_range(self, start: int, end: int) -> tuple[int, int] | None:
        return None


class LinearLocator(Locator):
    """Text that sits in the file character for character from ``line``:``column``
    (a line of a text file, a paragraph of a Word file)."""

    __slots__ = ("column", "line", "offset")

    def __init__(self, line: int, column: int, offset: int | None = None) -> None:
        self.line = line
        self.column = column
        self.offset = offset  # absolute file offset of column, when the file is text

    def position(self, offset: int) -> tuple[int, int]:
        return self.line, self.column + offset

    def file_range(self, start: int, end: int) -> tuple[int, int] | None:
        if self.offset is None:
            return None
        return self.offset + start, self.offset + end


class FixedLocator(Locator):
    """Generated text (a computed label, "Số", the motto): every character points
    at one place, usually the key it was generated from."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column

    def position(self, offset: int) -> tuple[int, int]:
        return self.line, self.column


class ScalarLocator(Locator):
    """A stretch of a YAML scalar's value starting at ``base`` in the value. The
    scalar's map (``drafter.scalars``) and the position to fall back on when it
    cannot be read come from ``resolve``, called on first use."""

    __slots__ = ("_resolve", "_resolved", "base", "starts")

    def __init__(
        self,
        resolve: Callable[[], tuple[ScalarMap | None, tuple[int, int]]],
        base: int,
        starts: list[int],
    ) -> None:
        self._resolve = resolve
        self._resolved: tuple[ScalarMap | None, tuple[int, int]] | None = None
        self.base = base
        self.starts = starts

    def _scalar(self) -> tuple[ScalarMap | None, tuple[int, int]]:
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._resolved

    def position(self, offset: int) -> tuple[int, int]:
        scalar, fallback = self._scalar()
        if scalar is None:
            return fallback
        absolute = scalar.source_offset(self.base + offset)
        index = bisect_right(self.starts, absolute) - 1
        return index + 1, absolute - self.starts[index] + 1

    def file_range(self, start: int, end: int) -> tuple[int, int] | None:
        scalar, _fallback = self._scalar()
        if scalar is None:
            return None
        return scalar.source_range(self.base + start, self.base + end)


class Piece(NamedTuple):
    start: int  # offset in the paragraph's text where the piece begins
    locator: Locator


class Paragraph:
    """One paragraph of the document as the rules see it.

    ``text`` is the paragraph without its numbering label; offsets given to
    ``position``/``file_range`` are offsets into ``text``.
    """

    __slots__ = (
        "auto_label", "field", "index", "label", "label_locator", "level", "parsed_label",
        "pieces", "role", "text",
    )  # fmt: skip

    def __init__(
        self,
        index: int,
        text: str,
        role: str,
        pieces: tuple[Piece, ...],
        *,
        field: str | None = None,
        label: str | None = None,
        parsed_label: ParsedLabel | None = None,
        level: int = 0,
        label_locator: Locator | None = None,
        auto_label: bool = False,
    ) -> None:
        self.index = index  # 0-based position in the document
        self.text = text
        self.role = role
        self.pieces = pieces
        self.field = field
        self.label = label
        self.parsed_label = parsed_label
        self.level = level
        self.label_locator = label_locator
        self.auto_label = auto_label  # drawn by Word's auto-numbering, not in the text

    def __repr__(self) -> str:
        label = f"{self.label} " if self.label else ""
        return f"<Paragraph {self.index} {self.role} {label}{self.text[:40]!r}>"

    def _piece(self, offset: int) -> Piece:
        pieces = self.pieces
        if len(pieces) == 1:
            return pieces[0]
        index = 0
        for number, piece in enumerate(pieces):
            if piece.start <= offset:
                index = number
            else:
                break
        return pieces[index]

    def position(self, offset: int) -> tuple[int, int]:
        piece = self._piece(offset)
        return piece.locator.position(offset - piece.start)

    def end_position(self, end: int) -> tuple[int, int]:
        """Position just after the character before ``end`` (exclusive end)."""
        if end <= 0:
            return self.position(0)
        line, column = self.position(end - 1)
        return line, column + 1

    def label_position(self) -> tuple[int, int]:
        if self.label_locator is not None:
            return self.label_locator.position(0)
        return self.position(0)

    def file_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The file stretch holding ``text[start:end]`` exactly, if one does."""
        piece = self._piece(start)
        next_start = next((p.start for p in self.pieces if p.start > piece.start), None)
        if next_start is not None and end > next_start:
            return None
        return piece.locator.file_range(start - piece.start, end - piece.start)

    @property
    def full_text(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


class CheckDocument:
    """Every paragraph of one input, in reading order, and what is known about it."""

    def __init__(
        self,
        path: str,
        kind: str,
        paragraphs: list[Paragraph],
        *,
        text: str | None = None,
        line_starts: list[int] | None = None,
        source_lines: Callable[[int], str | None] | None = None,
        outline: Any = None,
        formatting: Any = None,
    ) -> None:
        self.path = path  # as shown to the user
        self.kind = kind  # outline | docx | text
        self.paragraphs = paragraphs
        self.text = text  # the file's text (outlines and text files), for fixes
        self.line_starts = line_starts
        self._source_lines = source_lines
        self.lines: list[str] | None = None  # the file's lines, where it has some
        self.outline = outline  # the loaded outline, for outline sources
        self.formatting = formatting  # Word formatting facts, for docx sources

    def source_line(self, line: int) -> str | None:
        """Line ``line`` of the file as the user sees it (a paragraph for Word)."""
        if self._source_lines is None:
            return None
        return self._source_lines(line)

    def by_role(self, *roles: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role in roles]

    def field(self, name: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.field == name), None)
