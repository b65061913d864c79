"""Numbering labels typed at the start of a paragraph, and their levels.

``numbering.parse_label`` reads the label; this module adds what a document
needs around it: text that only looks like a label ("C. Mác", "V. I. Lênin")
is not one, and the level of each label follows the order in which the kinds
appear in the document (Roman parts, then 1., 1.1., 1.1.1., then a), then
bullets), so "1." is level 1 in a short document and level 2 under "I.".
"""

from __future__ import annotations

from functools import cache

from drafter.lazyre import lazy
from drafter.numbering import ParsedLabel, parse_label
from drafter.resources import load_data

MAX_ROMAN = 39  # a "C." or "L." at the start of a line is a name, not part 100
_INITIAL = lazy(r"^[A-ZĐ]\.\s")

# rank of each kind of label in the hierarchy of a Party document; worded labels
# ("Chương II", "Điều 3.") rank by their word (data/check_numbering.yaml)
_KIND_RANK = {"roman": 0, "arabic": 10, "decimal": 10, "letter": 20, "bullet": 30}


@cache
def word_ranks() -> dict[str, int]:
    """``Phần`` -> 0, ``Chương`` -> 1 … (plain Roman parts rank with ``Phần``)."""
    words = load_data("check_numbering")["word_ranks"]
    return {word: index for index, word in enumerate(words)}


@cache
def continuous_words() -> frozenset[str]:
    return frozenset(load_data("check_numbering")["continuous"])


def read_label(text: str) -> ParsedLabel | None:
    """The numbering label at the start of ``text`` (after leading blanks), if any."""
    stripped = text.lstrip()
    if not stripped:
        return None
    parsed = parse_label(stripped)
    if parsed is None:
        return None
    if (
        parsed.kind == "roman"
        and not parsed.prefix
        and (parsed.numbers[0] > MAX_ROMAN or _INITIAL.match(stripped[parsed.end :]))
    ):
        return None
    if parsed.kind == "bullet" and parsed.suffix == "*":
        return None
    indent = len(text) - len(stripped)
    return parsed._replace(end=parsed.end + indent)


def level_key(parsed: ParsedLabel) -> int:
    """A sortable key of the label's place in the hierarchy."""
    word = parsed.prefix.strip()
    if word:
        return word_ranks().get(word, len(word_ranks()))
    rank = _KIND_RANK[parsed.kind]
    if parsed.kind in ("arabic", "decimal"):
        return rank + len(parsed.numbers) - 1
    return rank


def assign_levels(labels: list[ParsedLabel | None]) -> list[int]:
    """1-based level of each label (0 where there is none)."""
    keys = sorted({level_key(label) for label in labels if label is not None})
    rank = {key: index + 1 for index, key in enumerate(keys)}
    return [rank[level_key(label)] if label is not None else 0 for label in labels]
