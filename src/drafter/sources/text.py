"""A plain text (``.txt``) or Markdown (``.md``) file as a ``CheckDocument``.

In a ``.txt`` file each line is a paragraph (as Word's "Plain Text" export
writes them). In a ``.md`` file consecutive lines form one paragraph (joined
with a space, each line keeping its own position), ``#`` headings and list
items start new ones, and HTML comments (``<!-- … -->``) are skipped. Lines
are separated by ``\\n``, ``\\r\\n`` or ``\\r``; columns count characters.
"""

from __future__ import annotations

import re

from drafter.lazyre import lazy
from drafter.sources.labels import assign_levels, read_label
from drafter.sources.layout import RawParagraph, assign_roles
from drafter.sources.view import CheckDocument, LinearLocator, Paragraph, Piece

LINE_BREAK = lazy(r"\r\n|\r|\n")
_MD_HEADING = lazy(r"^(#{1,6})[ \t]+")
_MD_BLOCK_START = lazy(r"^\s*(?:[-+*]\s|\d{1,3}[.)]\s|#{1,6}\s|>)")
_MD_COMMENT = lazy(r"<!--.*?-->", re.DOTALL)


class _Line:
    __slots__ = ("column", "number", "offset", "text")

    def __init__(self, number: int, text: str, offset: int, column: int = 1) -> None:
        self.number = number  # 1-based line number
        self.text = text
        self.offset = offset  # absolute offset of ``text`` in the file
        self.column = column  # 1-based column of ``text``


def split_lines(text: str) -> list[_Line]:
    lines, start, number = [], 0, 1
    for match in LINE_BREAK.finditer(text):
        lines.append(_Line(number, text[start : match.start()], start))
        start, number = match.end(), number + 1
    lines.append(_Line(number, text[start:], start))
    return lines


def line_starts(text: str) -> list[int]:
    return [line.offset for line in split_lines(text)]


def _txt_blocks(lines: list[_Line]) -> list[list[_Line]]:
    return [[line] for line in lines if line.text.strip()]


def _md_blocks(text: str, lines: list[_Line]) -> tuple[list[list[_Line]], set[int]]:
    """Paragraphs of a Markdown file (lists of lines) and the heading lines."""
    hidden = [False] * len(lines)
    starts = [line.offset for line in lines]
    for match in _MD_COMMENT.finditer(text):
        for index, line_start in enumerate(starts):
            line_end = line_start + len(lines[index].text)
            if match.start() <= line_start and line_end <= match.end():
                hidden[index] = True
    blocks: list[list[_Line]] = []
    headings: set[int] = set()
    current: list[_Line] = []
    for index, line in enumerate(lines):
        if hidden[index] or not line.text.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        heading = _MD_HEADING.match(line.text)
        if heading:
            if current:
                blocks.append(current)
            cut = heading.end()
            blocks.append([_Line(line.number, line.text[cut:], line.offset + cut, 1 + cut)])
            headings.add(len(blocks) - 1)
            current = []
            continue
        if current and _MD_BLOCK_START.match(line.text):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks, headings


def text_document(text: str, display: str, markdown: bool = False) -> CheckDocument:
    """The ``CheckDocument`` of a text file's content."""
    lines = split_lines(text)
    if markdown:
        blocks, headings = _md_blocks(text, lines)
    else:
        blocks, headings = _txt_blocks(lines), set()
    raws, parsed_labels, built = [], [], []
    for number, block in enumerate(blocks):
        first = block[0]
        parsed = read_label(first.text)
        cut = parsed.end if parsed else 0
        pieces, parts, length = [], [], 0
        for index, line in enumerate(block):
            piece_text = line.text[cut:] if index == 0 else line.text.strip()
            skip = cut if index == 0 else len(line.text) - len(line.text.lstrip())
            if index:
                parts.append(" ")
                length += 1
            pieces.append(
                Piece(length, LinearLocator(line.number, line.column + skip, line.offset + skip))
            )
            parts.append(piece_text)
            length += len(piece_text)
        content = "".join(parts)
        label_locator = LinearLocator(first.number, first.column + _indent(first.text))
        built.append((content, tuple(pieces), parsed, label_locator))
        parsed_labels.append(parsed)
        style = "Heading1" if number in headings else None
        raws.append(
            RawParagraph(
                content, "text", style, parsed is not None, parsed.kind if parsed else None
            )
        )
    roles = assign_roles(raws)
    levels = assign_levels(parsed_labels)
    paragraphs = [
        Paragraph(
            index,
            content,
            roles[index][0],
            pieces,
            field=roles[index][1],
            label=parsed.text if parsed else None,
            parsed_label=parsed,
            level=levels[index],
            label_locator=label_locator if parsed else None,
        )
        for index, (content, pieces, parsed, label_locator) in enumerate(built)
    ]
    texts = [line.text for line in lines]
    return CheckDocument(
        display,
        "text",
        paragraphs,
        text=text,
        line_starts=[line.offset for line in lines],
        source_lines=lambda line: texts[line - 1] if 1 <= line <= len(texts) else None,
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())
