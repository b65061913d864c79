"""An outline (``.yaml``) as a ``CheckDocument``.

The paragraphs are the ones ``drafter build`` writes, in the same order and
with the same text (the header block, type name and title, the numbered body
from ``render.context.body_blocks``, recipients, signature), so a rule finds
the same things in an outline and in the Word file built from it. Text the
user wrote points back into the YAML scalar it came from, character for
character (``drafter.scalars``); text drafter generates (labels, "Số", the
motto) points at the key it was generated from.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from drafter import dates, doctypes, numbering
from drafter.positions import NodePath, NodePosition
from drafter.scalars import line_starts, offset_of, scalar_map
from drafter.sources import view
from drafter.sources.view import FixedLocator, Paragraph, Piece, ScalarLocator

if TYPE_CHECKING:
    from drafter.loader import LoadedOutline
    from drafter.render.context import FormatSettings


class _Outline:
    """Builds the paragraphs of one loaded outline."""

    def __init__(self, loaded: LoadedOutline, settings: FormatSettings) -> None:
        self.loaded = loaded
        self.settings = settings
        self.text = loaded.text
        self.starts = line_starts(loaded.text)
        self.positions = loaded.positions
        self.paragraphs: list[Paragraph] = []

    # ------------------------------------------------------------------ locating

    def node(self, path: NodePath) -> tuple[NodePath, NodePosition]:
        return self.positions.nearest(path)

    def fixed(self, path: NodePath, at_key: bool = True) -> FixedLocator:
        _found, position = self.node(path)
        span = (position.key or position.value) if at_key else position.value
        return FixedLocator(span.line, span.column)

    def scalar(self, path: NodePath, base: int = 0) -> view.Locator:
        """Locator of ``value[base:]`` of the string scalar at ``path`` (worked out
        on first use: most paragraphs never need a position)."""
        return ScalarLocator(lambda: self.resolve(path), base, self.starts)

    def resolve(self, path: NodePath) -> tuple[Any, tuple[int, int]]:
        """The scalar map of the node at ``path`` (None when it cannot be read) and
        the position to fall back on."""
        position = self.positions.get(path)
        if position is None:
            locator = self.fixed(path)
            return None, (locator.line, locator.column)
        span = position.value
        value = _data_at(self.loaded.data, path)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return None, (span.line, span.column)
        start = offset_of(self.starts, span.line, span.column)
        end = offset_of(self.starts, span.end_line, span.end_column)
        parent = _parent_indent(self.text, self.starts, start, position)
        mapped = scalar_map(self.text, self.starts, start, end, position.style, str(value), parent)
        return mapped, (span.line, span.column)

    # ------------------------------------------------------------------ adding

    def add(self, text: str, role: str, pieces: list[Piece], **extra: Any) -> None:
        if not text.strip() and not extra.get("label"):
            return
        index = len(self.paragraphs)
        self.paragraphs.append(Paragraph(index, text, role, tuple(pieces), **extra))

    def add_scalar(self, path: NodePath, role: str, field: str | None = None) -> None:
        value = _data_at(self.loaded.data, path)
        if value is None or isinstance(value, bool):
            return
        text = str(value)
        self.add(text, role, [Piece(0, self.scalar(path))], field=field)

    def add_fixed(self, text: str, role: str, field: str, path: NodePath) -> None:
        self.add(text, role, [Piece(0, self.fixed(path))], field=field)

    # ------------------------------------------------------------------ parts

    def header(self) -> None:
        outline, settings = self.loaded.outline, self.settings
        self.add_scalar(("issuer", "superior"), view.HEADER, view.SUPERIOR)
        self.add_scalar(("issuer", "name"), view.HEADER, view.ISSUER)
        self.add_fixed(settings.star, view.HEADER, view.STAR, ("issuer",))
        self.number_line()
        if outline.draft_mark:
            self.add_fixed(outline.draft_mark, view.HEADER, view.DRAFT_MARK, ("draft",))
        self.add_fixed(settings.motto, view.HEADER, view.MOTTO, ("type",))
        self.place_date_line()
        if outline.type_name:
            self.add_scalar(("type_name",), view.TYPE_NAME)
        else:
            type_name = doctypes.get_type(outline.type).type_name
            self.add_fixed(type_name, view.TYPE_NAME, None, ("type",))  # type: ignore[arg-type]
        self.add_scalar(("title",), view.TITLE)

    def number_line(self) -> None:
        outline, settings = self.loaded.outline, self.settings
        prefix = f"{settings.number_prefix} "
        number_key = ("number",) if "number" in self.loaded.data else ("symbol",)
        pieces = [Piece(0, self.fixed(number_key))]
        if outline.number:
            raw = str(_data_at(self.loaded.data, ("number",)))
            base = max(raw.find(outline.number), 0)
            pieces.append(Piece(len(prefix), self.scalar(("number",), base)))
            number = outline.number
        else:
            pieces.append(Piece(len(prefix), self.fixed(number_key)))
            number = settings.number_blank
        dash = len(prefix) + len(number)
        pieces.append(Piece(dash, self.fixed(("symbol",))))
        pieces.append(Piece(dash + 1, self.scalar(("symbol",))))
        text = f"{prefix}{number}-{outline.symbol}"
        self.add(text, view.HEADER, pieces, field=view.NUMBER)

    def place_date_line(self) -> None:
        outline, settings = self.loaded.outline, self.settings
        text = dates.place_date_line(outline.place, outline.date, settings.padding, settings.blanks)
        pieces = [
            Piece(0, self.scalar(("place",))),
            Piece(len(outline.place), self.fixed(("date",), at_key=False)),
        ]
        self.add(text, view.HEADER, pieces, field=view.PLACE_DATE)

    def body(self) -> None:
        from drafter.render.context import body_blocks, numbering_style_for

        outline = self.loaded.outline
        for block in body_blocks(outline, numbering_style_for(outline)):
            path = _block_path(block.path)
            role = view.HEADING if block.style.startswith("Heading") else view.BODY
            node_path, base = self.block_source(path)
            locator = self.scalar(node_path, base) if node_path else self.fixed(path[:-1])
            parsed = _parse_label(block.label) if block.label else None
            section = _section_path(path)
            self.add(
                block.text,
                role,
                [Piece(0, locator)],
                label=block.label or None,
                parsed_label=parsed,
                level=block.level,
                label_locator=self.fixed(section, at_key=False) if block.label else None,
            )

    def block_source(self, path: NodePath) -> tuple[NodePath | None, int]:
        """The scalar a body block's text came from and the offset of the text in it."""
        last = path[-1]
        if last in ("heading",):
            return path, 0
        if last == "label":
            return None, 0
        *container, index = path
        container_path = tuple(container)
        data = self.loaded.data
        holder = _data_at(data, container_path, missing=_MISSING)
        if holder is _MISSING:
            # ``- Tập trung …``: a section written as one string (ItemShorthand)
            section = container_path[:-1]
            return (section, 0) if isinstance(_data_at(data, section), str) else (None, 0)
        if isinstance(holder, list):
            return (*container_path, index), 0
        if isinstance(holder, str):
            return container_path, _nth_line_offset(holder, int(index))
        return None, 0

    def end_block(self) -> None:
        outline, settings = self.loaded.outline, self.settings
        if outline.recipients:
            heading = settings.recipients_heading
            self.add_fixed(heading, view.RECIPIENT, view.RECIPIENTS_HEADING, ("recipients",))
            symbol = settings.recipient_prefix.strip() or None
            for index, _recipient in enumerate(outline.recipients):
                path: NodePath = ("recipients", index)
                value = _data_at(self.loaded.data, path)
                if value is None:
                    continue
                self.add(
                    str(value),
                    view.RECIPIENT,
                    [Piece(0, self.scalar(path))],
                    label=symbol,
                    parsed_label=numbering.parse_label(f"{symbol} ") if symbol else None,
                    label_locator=self.fixed(path, at_key=False),
                )
        self.add_scalar(("signature", "authority"), view.SIGNATURE, view.AUTHORITY)
        self.add_scalar(("signature", "position"), view.SIGNATURE, view.POSITION)
        self.add_scalar(("signature", "name"), view.SIGNATURE, view.SIGNER)


_MISSING = object()


def _data_at(data: Any, path: NodePath, missing: Any = None) -> Any:
    node = data
    for key in path:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return missing
    return node


@cache
def _parse_label(label: str) -> Any:
    return numbering.parse_label(label + " ")


def _block_path(path: str) -> NodePath:
    return tuple(int(part) if part.isdigit() else part for part in path.split("."))


def _section_path(path: NodePath) -> NodePath:
    """``("sections", 1, "sections", 0, "text", 2)`` -> ``("sections", 1, "sections", 0)``."""
    last_index = max((i for i, part in enumerate(path) if part == "sections"), default=-1)
    return path[: last_index + 2] if last_index >= 0 else path


def _nth_line_offset(value: str, index: int) -> int:
    """Offset in ``value`` of its ``index``-th non-blank line (the model's SplitLines)."""
    offset, seen = 0, 0
    for line in value.splitlines(keepends=True):
        if line.strip():
            if seen == index:
                return offset
            seen += 1
        offset += len(line)
    return 0


def _parent_indent(text: str, starts: list[int], start: int, position: NodePosition) -> int:
    """Column of the block holding a node: its key's column, or its ``-`` item mark."""
    if position.key is not None:
        return position.key.column - 1
    line_start = starts[max(0, _line_index(starts, start))]
    dash = text.rfind("-", line_start, start)
    return dash - line_start if dash >= 0 else -1


def _line_index(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset) - 1


def outline_document(loaded: LoadedOutline, settings: FormatSettings | None = None) -> Any:
    """The ``CheckDocument`` of a loaded outline."""
    from drafter.render.context import FormatSettings
    from drafter.sources.view import CheckDocument

    builder = _Outline(loaded, settings or FormatSettings())
    builder.header()
    builder.body()
    builder.end_block()
    text = loaded.text
    lines = split_lines(text)
    return CheckDocument(
        str(loaded.path),
        "outline",
        builder.paragraphs,
        text=text,
        line_starts=builder.starts,
        source_lines=lambda line: lines[line - 1] if 1 <= line <= len(lines) else None,
        outline=loaded,
    )


def split_lines(text: str) -> list[str]:
    import re

    return re.split("\r\n|[\r\n\x85\u2028\u2029]", text)
