"""Where each character of a YAML scalar's value came from in the file.

The loader records where a scalar node starts and ends; a checker needs more:
the line and column of one character *inside* the value — after YAML folded
the lines of a plain or quoted scalar, removed a block scalar's indentation,
or replaced ``\\t`` by a tab. ``scalar_map`` re-reads the scalar's source the
way libyaml does (``yaml_parser_scan_plain_scalar``, ``…_flow_scalar``,
``…_block_scalar``) and records, for every stretch of the value, the file
offset it came from. The rebuilt value is compared with the value the loader
produced; when they differ (a case this reader does not know), ``scalar_map``
returns ``None`` and callers fall back to the start of the node.

Line breaks are YAML's (``\\r\\n``, ``\\r``, ``\\n``, NEL, LS, PS); offsets and
columns count characters, like libyaml's marks.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple

from drafter.lazyre import lazy

YAML_BREAKS = "\r\n\x85\u2028\u2029"
_BREAK_RE = lazy("\r\n|[\r\n\x85\u2028\u2029]")
_NEXT_BREAK = lazy("[\r\n\x85\u2028\u2029]")
_SPACES = lazy(" *")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def only_newlines(text: str) -> bool:
    """Whether ``\n`` is the only kind of line break in ``text`` (four ``str``
    searches: cheaper than one pass of a regex over a whole file)."""
    return not any(char in text for char in "\r\x85\u2028\u2029")


def line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts, YAML's line breaks."""
    if only_newlines(text):  # lengths summed in C
        lengths = map(len, text.split("\n"))
        starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
        starts.pop()
        return starts
    return [0, *(match.end() for match in _BREAK_RE.finditer(text))]


def offset_of(starts: list[int], line: int, column: int) -> int:
    """Absolute offset of 1-based ``line``:``column``."""
    return starts[min(max(line, 1), len(starts)) - 1] + column - 1


def position_of(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of absolute ``offset``."""
    index = bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


class Segment(NamedTuple):
    """``value[start:end]`` came from the file at ``source``; ``literal`` when
    the value's characters are the file's characters one for one."""

    start: int
    end: int
    source: int
    literal: bool


class ScalarMap:
    """The value of one scalar and where each stretch of it came from."""

    __slots__ = ("_starts", "segments", "value")

    def __init__(self, value: str, segments: list[Segment]) -> None:
        self.value = value
        self.segments = segments
        self._starts = [segment.start for segment in segments]

    def source_offset(self, offset: int) -> int:
        """File offset of value character ``offset`` (``len(value)``: just after the end)."""
        if not self.segments:
            return 0
        index = max(bisect_right(self._starts, offset) - 1, 0)
        segment = self.segments[index]
        if offset >= segment.end and index + 1 == len(self.segments):
            if segment.literal:
                return segment.source + (segment.end - segment.start)
            return segment.source + 1
        if segment.literal:
            return segment.source + (offset - segment.start)
        return segment.source

    def source_range(self, start: int, end: int) -> tuple[int, int] | None:
        """File range holding ``value[start:end]`` character for character (an empty
        range: where to insert), or None when the stretch crosses a fold, an escape
        or a segment boundary."""
        if start > end:
            return None
        for segment in self.segments:
            inside = segment.start <= start < segment.end or (start == end == segment.end)
            if inside and end <= segment.end:
                if not segment.literal:
                    return None
                shift = segment.source - segment.start
                return start + shift, end + shift
        return None


class _Builder:
    """Accumulates the value and its segments as the source is read."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def literal(self, text: str, source: int) -> None:
        if not text:
            return
        last = self.segments[-1] if self.segments else None
        if (
            last is not None
            and last.literal
            and last.end == self.length
            and last.source + (last.end - last.start) == source
        ):
            self.segments[-1] = last._replace(end=self.length + len(text))
        else:
            self.segments.append(Segment(self.length, self.length + len(text), source, True))
        self.parts.append(text)
        self.length += len(text)

    def synthetic(self, text: str, source: int) -> None:
        if not text:
            return
        self.segments.append(Segment(self.length, self.length + len(text), source, False))
        self.parts.append(text)
        self.length += len(text)

    def result(self) -> ScalarMap:
        return ScalarMap("".join(self.parts), self.segments)


class _Reader:
    """A cursor over the file text with YAML's notion of blanks and breaks."""

    def __init__(self, text: str, starts: list[int], position: int) -> None:
        self.text = text
        self.starts = starts
        self.pos = position

    def char(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.text[index] if index < len(self.text) else ""

    def is_blank(self, ahead: int = 0) -> bool:
        return self.char(ahead) in (" ", "\t")

    def is_break(self, ahead: int = 0) -> bool:
        char = self.char(ahead)
        return char != "" and char in YAML_BREAKS

    def is_blankz(self, ahead: int = 0) -> bool:
        char = self.char(ahead)
        return char == "" or char in " \t" or char in YAML_BREAKS

    def read_break(self) -> str:
        """Consume one line break; ``\\n`` for CR/LF/CRLF/NEL, LS and PS as they are."""
        char = self.char()
        if char == "\r" and self.char(1) == "\n":
            self.pos += 2
            return "\n"
        self.pos += 1
        return char if char in "\u2028\u2029" else "\n"

    def column(self) -> int:
        """0-based column of the cursor."""
        return self.pos - self.starts[bisect_right(self.starts, self.pos) - 1]


def _fold(out: _Builder, leading_break: str, trailing_breaks: str, source: int) -> None:
    if leading_break == "\n":
        out.synthetic(trailing_breaks or " ", source)
    else:
        out.synthetic(leading_break + trailing_breaks, source)


class _Gap:
    """The blanks and line breaks between two runs of a flow scalar, and what
    they stand for in the value: the blanks themselves, or a fold after a line
    break (libyaml's ``whitespaces``/``leading_break``/``trailing_breaks``)."""

    def __init__(self) -> None:
        self.whitespaces, self.whitespace_at = "", 0
        self.leading_break, self.trailing_breaks, self.fold_at = "", "", 0
        self.leading_blanks = False

    def read(self, reader: _Reader, end: int) -> None:
        """Consume blanks and breaks up to ``end``."""
        while reader.pos < end and (reader.is_blank() or reader.is_break()):
            if reader.is_blank():
                if not self.leading_blanks:
                    if not self.whitespaces:
                        self.whitespace_at = reader.pos
                    self.whitespaces += reader.char()
                reader.pos += 1
            elif not self.leading_blanks:
                self.whitespaces = ""
                self.fold_at = reader.pos
                self.leading_break = reader.read_break()
                self.leading_blanks = True
            else:
                self.trailing_breaks += reader.read_break()

    def emit(self, out: _Builder) -> None:
        """Write the gap into the value and start a new one."""
        if self.leading_blanks:
            _fold(out, self.leading_break, self.trailing_breaks, self.fold_at)
            self.leading_break, self.trailing_breaks = "", ""
        else:
            out.literal(self.whitespaces, self.whitespace_at)
            self.whitespaces = ""
        self.leading_blanks = False


def _plain(reader: _Reader, end: int) -> ScalarMap:
    """libyaml's plain scalar; ``end`` is the node's end offset (its end mark)."""
    out = _Builder()
    text = reader.text
    gap = _Gap()
    while reader.pos < end:
        gap.emit(out)
        start = reader.pos
        # the rest of the line is the value as written, but for its trailing blanks
        found = _NEXT_BREAK.search(text, start, end)
        stop = found.start() if found else end
        reader.pos = start + len(text[start:stop].rstrip(" \t"))
        out.literal(text[start : reader.pos], start)
        gap.read(reader, end)
    return out.result()


def _quoted(reader: _Reader, double: bool) -> ScalarMap:
    """libyaml's single- and double-quoted scalars."""
    out = _Builder()
    text = reader.text
    quote = '"' if double else "'"
    stops = (quote, "\\") if double else (quote,)
    reader.pos += 1  # the opening quote
    gap = _Gap()
    while True:
        if reader.char() == "":
            raise ValueError("unterminated quoted scalar")
        while not reader.is_blankz():
            char = reader.char()
            if not double and char == "'" and reader.char(1) == "'":
                out.synthetic("'", reader.pos)
                reader.pos += 2
            elif char == quote:
                break
            elif double and char == "\\" and reader.is_break(1):
                reader.pos += 1
                reader.read_break()
                gap.leading_blanks = True
                break
            elif double and char == "\\":
                at = reader.pos
                code = reader.char(1)
                if code in _ESCAPES:
                    out.synthetic(_ESCAPES[code], at)
                    reader.pos += 2
                elif code in _HEX_ESCAPES:
                    width = _HEX_ESCAPES[code]
                    digits = text[reader.pos + 2 : reader.pos + 2 + width]
                    out.synthetic(chr(int(digits, 16)), at)
                    reader.pos += 2 + width
                else:
                    raise ValueError("unknown escape")
            else:
                start = reader.pos
                reader.pos += 1
                while not reader.is_blankz() and reader.char() not in stops:
                    reader.pos += 1
                out.literal(text[start : reader.pos], start)
        if reader.char() == quote:
            break
        gap.read(reader, len(text))
        gap.emit(out)
    return out.result()


def _block(reader: _Reader, parent_indent: int) -> ScalarMap:
    """libyaml's literal (``|``) and folded (``>``) block scalars."""
    out = _Builder()
    text = reader.text
    literal = reader.char() == "|"
    reader.pos += 1
    chomping, increment = 0, 0
    for _ in range(2):
        char = reader.char()
        if char in "+-" and chomping == 0:
            chomping = 1 if char == "+" else -1
            reader.pos += 1
        elif char.isdigit() and char != "0" and increment == 0:
            increment = int(char)
            reader.pos += 1
    while reader.is_blank():
        reader.pos += 1
    if reader.char() == "#":
        while not reader.is_break() and reader.char() != "":
            reader.pos += 1
    if reader.is_break():
        reader.read_break()
    indent = parent_indent + increment if increment else 0
    leading_break, trailing_breaks = "", ""
    break_at = reader.pos

    def breaks(indent: int) -> tuple[int, str]:
        found, max_indent = "", 0
        line_start = reader.pos - reader.column()
        while True:
            limit = line_start + indent if indent else len(text)
            reader.pos = _SPACES.match(text, reader.pos, max(limit, reader.pos)).end()
            max_indent = max(max_indent, reader.pos - line_start)
            if not reader.is_break():
                break
            found += reader.read_break()
            line_start = reader.pos
        if not indent:
            indent = max(max_indent, parent_indent + 1, 1)
        return indent, found

    indent, trailing_breaks = breaks(indent)
    leading_blank = False
    while reader.column() == indent and reader.char() != "":
        trailing_blank = reader.is_blank()
        if not literal and leading_break == "\n" and not leading_blank and not trailing_blank:
            if not trailing_breaks:
                out.synthetic(" ", break_at)
            leading_break = ""
        else:
            out.synthetic(leading_break, break_at)
            leading_break = ""
        out.synthetic(trailing_breaks, break_at)
        trailing_breaks = ""
        leading_blank = reader.is_blank()
        start = reader.pos
        found = _NEXT_BREAK.search(text, start)
        reader.pos = found.start() if found else len(text)
        out.literal(text[start : reader.pos], start)
        break_at = reader.pos
        if reader.char() == "":
            break
        leading_break = reader.read_break()
        indent, trailing_breaks = breaks(indent)
    if chomping != -1:
        out.synthetic(leading_break, break_at)
    if chomping == 1:
        out.synthetic(trailing_breaks, break_at)
    return out.result()


def scalar_map(
    text: str,
    starts: list[int],
    start: int,
    end: int,
    style: str | None,
    value: str,
    parent_indent: int = -1,
) -> ScalarMap | None:
    """The value of the scalar between file offsets ``start`` and ``end`` (the
    loader's marks) with the source of each stretch.

    ``starts`` are the file's ``line_starts``; ``style`` is the loader's
    (``None`` or ``""`` plain, ``'``, ``"``, ``|``, ``>``);
    ``value`` is what the loader produced, used to verify the reading;
    ``parent_indent`` is the 0-based column of the block holding the node (only
    needed for block scalars with an explicit indentation indicator).
    Returns None when the reading does not reproduce ``value``.
    """
    if not style and text[start:end] == value:
        # a plain scalar on one line (the common case): the value is the source
        return ScalarMap(value, [Segment(0, len(value), start, True)] if value else [])
    reader = _Reader(text, starts, start)
    try:
        if style in ("|", ">"):
            result = _block(reader, max(parent_indent, 0))
        elif style in ("'", '"'):
            result = _quoted(reader, style == '"')
        else:
            result = _plain(reader, end)
    except (ValueError, IndexError):
        return None
    return result if result.value == value else None
