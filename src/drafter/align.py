"""Aligning two sequences of paragraphs, and two texts word by word (pure).

Shared by ``merge`` (base against each side), ``diff`` and the path
annotation of generated paragraphs. ``align`` first matches identical keys in
order (``difflib`` without its "junk" heuristic, which would ignore frequent
paragraphs such as empty lines), then pairs the paragraphs left between two
matches when they are similar enough to be the same paragraph edited, or
carry the same non-empty hint (their outline path), or are the only paragraph
on each side of the gap (one paragraph rewritten where it stood).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

SIMILAR = 0.5  # share of words two versions of one paragraph keep in common
OPAQUE = "\x00"  # keys starting with this (tables) pair only with identical keys
_MAX_GAP_PAIRS = 4000  # beyond this many comparisons in one gap, pair by position
_WORD = re.compile(r"\s+|\w+|[^\w\s]")


class Pair(NamedTuple):
    """One step of an alignment: matched (both), deleted (``b`` None) or inserted (``a`` None)."""

    a: int | None
    b: int | None
    same: bool = False  # the two keys are identical


def match_exact(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of identical items, in order (a longest-matching-blocks alignment)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [
        (block.a + k, block.b + k)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]


def words(text: str) -> list[str]:
    """Words, runs of spaces and single punctuation marks; they join back to ``text``."""
    return _WORD.findall(text)


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, words(a), words(b), autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _pair_gap(
    a_keys: Sequence[str],
    b_keys: Sequence[str],
    a_range: range,
    b_range: range,
    a_hints: Sequence[str] | None,
    b_hints: Sequence[str] | None,
) -> list[Pair]:
    """Pairs for the items between two exact matches (edits, deletions, insertions):
    first by similar text, then, among what is left, by the same hint."""
    matched: list[tuple[int, int]] = []
    j_start = b_range.start
    by_position = len(a_range) * len(b_range) > _MAX_GAP_PAIRS
    for i in a_range:
        stop = min(j_start + 1, b_range.stop) if by_position else b_range.stop
        for j in range(j_start, stop):
            if similarity(a_keys[i], b_keys[j]) >= SIMILAR:
                matched.append((i, j))
                j_start = j + 1
                break
    out: list[Pair] = []
    i_from, j_from = a_range.start, b_range.start
    for i, j in [*matched, (a_range.stop, b_range.stop)]:
        out.extend(
            _pair_hints(range(i_from, i), range(j_from, j), a_hints, b_hints, a_keys, b_keys)
        )
        if i < a_range.stop:
            out.append(Pair(i, j, a_keys[i] == b_keys[j]))
        i_from, j_from = i + 1, j + 1
    return out


def _pair_hints(
    a_range: range, b_range: range, a_hints: Sequence[str] | None, b_hints: Sequence[str] | None,
    a_keys: Sequence[str], b_keys: Sequence[str],
) -> list[Pair]:  # fmt: skip
    if len(a_range) == len(b_range) == 1:  # one paragraph rewritten where it stood
        i, j = a_range.start, b_range.start
        if not a_keys[i].startswith(OPAQUE) and not b_keys[j].startswith(OPAQUE):
            return [Pair(i, j, a_keys[i] == b_keys[j])]
    out: list[Pair] = []
    j_start = b_range.start
    for i in a_range:
        hint = a_hints[i] if a_hints else ""
        chosen = None
        if hint and b_hints:
            chosen = next((j for j in range(j_start, b_range.stop) if b_hints[j] == hint), None)
        if chosen is None:
            out.append(Pair(i, None))
            continue
        out.extend(Pair(None, j) for j in range(j_start, chosen))
        out.append(Pair(i, chosen))
        j_start = chosen + 1
    out.extend(Pair(None, j) for j in range(j_start, b_range.stop))
    return out


def align(
    a_keys: Sequence[str],
    b_keys: Sequence[str],
    a_hints: Sequence[str] | None = None,
    b_hints: Sequence[str] | None = None,
) -> list[Pair]:
    """Every index of ``a`` and of ``b`` exactly once, in order of both."""
    out: list[Pair] = []
    i = j = 0
    for ai, bj in [*match_exact(a_keys, b_keys), (len(a_keys), len(b_keys))]:
        if ai > i or bj > j:
            out.extend(_pair_gap(a_keys, b_keys, range(i, ai), range(j, bj), a_hints, b_hints))
        if ai < len(a_keys) and bj < len(b_keys):
            out.append(Pair(ai, bj, True))
        i, j = ai + 1, bj + 1
    return out


class WordOp(NamedTuple):
    """``equal``/``delete``/``insert``/``replace``: characters ``a[a0:a1]`` -> ``b[b0:b1]``."""

    tag: str
    a0: int
    a1: int
    b0: int
    b1: int


def word_ops(a: str, b: str) -> list[WordOp]:
    """Word-level edit script from ``a`` to ``b``, in character offsets.

    Changes separated only by spaces are joined ("Tập trung" -> "Đẩy mạnh" is one
    replacement, not two), which is how a person reads them.
    """
    a_words, b_words = words(a), words(b)
    a_offsets, b_offsets = _offsets(a_words), _offsets(b_words)
    matcher = SequenceMatcher(None, a_words, b_words, autojunk=False)
    ops = [
        WordOp(tag, a_offsets[i1], a_offsets[i2], b_offsets[j1], b_offsets[j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    joined: list[WordOp] = []
    for op in ops:
        if (
            len(joined) >= 2
            and op.tag != "equal"
            and joined[-2].tag != "equal"
            and joined[-1].tag == "equal"
            and not a[joined[-1].a0 : joined[-1].a1].strip()
        ):
            space, before = joined.pop(), joined.pop()
            del space
            joined.append(WordOp("replace", before.a0, op.a1, before.b0, op.b1))
        else:
            joined.append(op)
    return joined


def _offsets(tokens: list[str]) -> list[int]:
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets
