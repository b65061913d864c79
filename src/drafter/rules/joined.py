"""The texts of a document's paragraphs joined into one string.

Most of the time of ``drafter check`` goes into running patterns over text
(benchmarks/bench_check.py). Run over each paragraph in turn, a pattern costs a
Python call per paragraph; run once over the joined texts it costs one pass of
the regex engine, and a literal string found with ``str.find`` costs less
still. A rule then either looks closely only at the paragraphs that hold its
"needle" (``Joined.holding``), or maps the offsets of its matches back to
paragraphs (``Joined.locate``).

The texts are joined with a line break. A needle must match in every
paragraph in which its rule can report something, and the join must not hide
such a match: no ``^`` or ``$`` (the joined text has one start and one end),
and a lookbehind or lookahead at a paragraph's edge sees a line break, which is
neither a letter, a digit nor a mark. A match that runs on into the next
paragraph only adds a paragraph to read: the search goes on from the start of
the paragraph after the one a match starts in. tests/test_needles.py runs
every rule with and without its needle on generated documents.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import re
    from collections.abc import Iterator

    from drafter.sources.view import Paragraph

# A pattern, or strings and patterns any of which will do. A string is found
# with str.find, without the regex engine; a pattern that starts with a literal
# ("ngày (?:thành|quốc)") is found almost as fast, one that starts with a
# class of characters ten times slower.
Needle: TypeAlias = "re.Pattern[str] | tuple[str | re.Pattern[str], ...]"


class Joined:
    __slots__ = ("_lower", "paragraphs", "starts", "text")

    def __init__(
        self, paragraphs: list[Paragraph], text: str | None = None, starts: list[int] | None = None
    ) -> None:
        if text is None or starts is None:
            starts, offset = [], 0
            for paragraph in paragraphs:
                starts.append(offset)
                offset += len(paragraph.text) + 1
            text = "\n".join(p.text for p in paragraphs)
        self.paragraphs = paragraphs
        self.starts = starts  # offset in ``text`` where each paragraph begins
        self.text = text
        self._lower: tuple[str | None] | None = None  # worked out on first use

    @classmethod
    def split(cls, text: str, paragraphs: list[Paragraph]) -> Joined:
        """Some other text of each paragraph (its words, coded …), one line per
        paragraph in ``text``."""
        starts, offset = [], 0
        for _paragraph in paragraphs:
            starts.append(offset)
            offset = text.find("\n", offset) + 1
        return cls(paragraphs, text, starts)

    @property
    def lower(self) -> str | None:
        """``text`` in lower case, as ``re.IGNORECASE`` sees it (which also takes
        "ı" for "i" and "ſ" for "s"), so that a needle found there stands for
        a case-insensitive pattern; None where that changes its length ("İ")."""
        if self._lower is None:
            lower = self.text.lower().replace("ı", "i").replace("ſ", "s")
            self._lower = (lower,) if len(lower) == len(self.text) else (None,)
        return self._lower[0]

    def locate(self, offset: int) -> tuple[Paragraph, int]:
        """The paragraph holding ``offset`` of ``text``, and the offset in its text."""
        index = bisect_right(self.starts, offset) - 1
        return self.paragraphs[index], offset - self.starts[index]

    def holding(self, needle: Needle, *, lower: bool = False) -> list[Paragraph]:
        """The paragraphs in which ``needle`` is found, in order; ``lower``:
        in their lower-case text (every paragraph when that cannot be had)."""
        text = self.text
        if lower:
            text = self.lower  # type: ignore[assignment]
            if text is None:
                return self.paragraphs
        if isinstance(needle, tuple):
            found = {
                index
                for part in needle
                for index in (
                    self._finding(part, text)
                    if isinstance(part, str)
                    else self._matching(part, text)
                )
            }
            return [self.paragraphs[index] for index in sorted(found)]
        return [self.paragraphs[index] for index in self._matching(needle, text)]

    def holding_each(self, pattern: re.Pattern[str]) -> dict[str, list[Paragraph]]:
        """For a pattern of named groups, the paragraphs in which each group took
        part in a match (every match is visited): one pass serves several rules."""
        found: dict[str, set[int]] = {}
        for match in pattern.finditer(self.text):
            index = bisect_right(self.starts, match.start()) - 1
            for name, value in match.groupdict().items():
                if value is not None:
                    found.setdefault(name, set()).add(index)
        return {
            name: [self.paragraphs[index] for index in sorted(indexes)]
            for name, indexes in found.items()
        }

    def _matching(self, pattern: re.Pattern[str], text: str) -> Iterator[int]:
        starts, position = self.starts, 0
        while (match := pattern.search(text, position)) is not None:
            index = bisect_right(starts, match.start()) - 1
            yield index
            if index + 1 == len(starts):
                return
            position = starts[index + 1]  # one match is enough: on to the next paragraph

    def _finding(self, string: str, text: str) -> Iterator[int]:
        starts, position = self.starts, 0
        while (offset := text.find(string, position)) >= 0:
            index = bisect_right(starts, offset) - 1
            yield index
            if index + 1 == len(starts):
                return
            position = starts[index + 1]
