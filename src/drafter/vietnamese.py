"""Pure helpers for Vietnamese text: words, tone-mark placement, name keys.

Tone-mark placement: in the open syllables *oa*, *oe* and *uy* (not after
*q*) the traditional spelling puts the mark on the second vowel (``hoà``,
``khoẻ``, ``thuỷ``), the spelling taught since the 1980s on the first
(``hòa``, ``khỏe``, ``thủy``). Both occur in Party documents
(../shared/spec/party-format.md §7.13), so only consistency is checked. The
character classes are computed from Unicode (base letter + combining tone),
not typed by hand.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
OLD, NEW = "old", "new"

WORD = re.compile(r"[^\W\d_]+")


def _toned(letters: str) -> str:
    return "".join(
        unicodedata.normalize("NFC", letter + mark) for letter in letters for mark in TONE_MARKS
    )


@cache
def _placement_pattern() -> re.Pattern[str]:
    """Open oa/oe/uy syllables with a tone mark: group ``old`` or ``new``."""
    o_toned, u_toned = _toned("oO"), _toned("uU")
    ae_toned, y_toned = _toned("aAeE"), _toned("yY")
    return re.compile(
        rf"(?<![^\W\d_])([^\W\d_]*?)"
        rf"(?:(?P<old>[oO][{ae_toned}]|(?<![qQ])[uU][{y_toned}])"
        rf"|(?P<new>[{o_toned}][aAeE]|(?<![qQ])[{u_toned}][yY]))"
        rf"(?![^\W\d_])"
    )


def tone_placements(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, style)`` of every syllable whose mark placement shows a style;
    ``start``/``end`` cover the two vowels."""
    found = []
    for match in _placement_pattern().finditer(text):
        style = OLD if match.group("old") else NEW
        group = "old" if style == OLD else "new"
        found.append((match.start(group), match.end(group), style))
    return found


def move_tone(pair: str, style: str) -> str:
    """The two vowels ``pair`` (``oà``/``òa`` …) written in ``style``."""
    decomposed = unicodedata.normalize("NFD", pair)
    mark = next((c for c in decomposed if c in TONE_MARKS), "")
    bases = "".join(c for c in decomposed if c not in TONE_MARKS)
    bases = unicodedata.normalize("NFC", bases)
    if not mark or len(bases) != 2:
        return pair
    first, second = bases
    if style == NEW:
        return unicodedata.normalize("NFC", first + mark + second)
    return unicodedata.normalize("NFC", first + second + mark)


def to_style(text: str, style: str = NEW) -> str:
    """``text`` with every oa/oe/uy mark moved to ``style``."""
    parts, last = [], 0
    for start, end, found in tone_placements(text):
        if found != style:
            parts.append(text[last:start])
            parts.append(move_tone(text[start:end], style))
            last = end
    parts.append(text[last:])
    return "".join(parts)


def name_key(text: str) -> str:
    """A key to compare names: NFC, one tone style, lower case, single spaces."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(to_style(text, NEW).lower().split())


def is_upper_text(text: str) -> bool:
    """Letters present and all upper case (``TỈNH ỦY HẬU GIANG``)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
