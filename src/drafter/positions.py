"""Source positions of YAML nodes, nearest-ancestor lookup, snippets with a caret."""

from __future__ import annotations

from typing import NamedTuple

PathKey = str | int
NodePath = tuple[PathKey, ...]


class Span(NamedTuple):
    """1-based start and end (exclusive) of a node in its file, in characters."""

    line: int
    column: int
    end_line: int
    end_column: int


class NodePosition(NamedTuple):
    value: Span  # where the value is
    key: Span | None = None  # where its key is, for mapping entries
    style: str | None = None  # scalar style: None (plain), "'", '"', "|", ">"


class PositionMap:
    """Maps a path in the loaded data (``("sections", 0, "heading")``) to its span."""

    def __init__(self) -> None:
        self._positions: dict[NodePath, NodePosition] = {}

    def add(self, path: NodePath, position: NodePosition) -> None:
        self._positions[path] = position

    def get(self, path: NodePath) -> NodePosition | None:
        return self._positions.get(tuple(path))

    def nearest(self, path: NodePath) -> tuple[NodePath, NodePosition]:
        """The position of ``path`` or of its closest ancestor that exists."""
        path = tuple(path)
        while path:
            found = self._positions.get(path)
            if found is not None:
                return path, found
            path = path[:-1]
        return (), self._positions.get((), NodePosition(Span(1, 1, 1, 1)))

    def __len__(self) -> int:
        return len(self._positions)

    def items(self):
        return self._positions.items()


def source_line(text: str, line: int) -> str | None:
    """Line ``line`` (1-based) of ``text`` without its line break."""
    lines = text.splitlines()
    if 1 <= line <= len(lines):
        return lines[line - 1]
    return None
