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

import itertools
import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from drafter import lazyre
from drafter.lazyre import lazy

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
OLD, NEW = "old", "new"

WORD = lazy(r"[^\W\d_]+")
# Marks and digits that stick to words; stripping them leaves a word or nothing.
_STUCK = "\"'()[]{}<>,.;:!?/\\-–—…“”‘’«»*%&#+=0123456789"


def words_of(text: str) -> list[str]:
    """``WORD.findall(text)``, several times faster: most words are whole
    whitespace-separated tokens, and only the others go through the regex."""
    words: list[str] = []
    for token in text.split():
        if token.isalpha():  # every letter is [^\W\d_]
            words.append(token)
        else:
            words.extend(_token_words(token))
    return words


def _token_words(token: str) -> list[str]:
    """The words of a whitespace-separated token that is not all letters."""
    stripped = token.strip(_STUCK)
    if stripped.isalpha():
        return [stripped]
    return WORD.findall(stripped) if stripped else []


class CodedWords(NamedTuple):
    """Texts as sequences of words, each word written as one character."""

    codes: dict[str, str]  # word -> its character (the texts' vocabulary)
    lines: list[str]  # each text's words, coded
    complete: bool = True  # False: more distinct words than characters (nothing coded)
    letters_only: bool = True  # every word is letters only (str.isalpha): no "lý¹"


_FIRST_CODE, _CODES = 0x100, 0x10FFFF - 0x100  # the characters words are written with


def coded_words(texts: list[str]) -> CodedWords:
    """The words of each of ``texts`` (``words_of``), each written as one
    character (U+0100 on), so that a regex can compare sequences of words. The
    work is done once per distinct token, not once per token."""
    token_lists = [text.split() for text in texts]
    tokens: dict[str, str] = dict.fromkeys(itertools.chain.from_iterable(token_lists), "")
    codes: dict[str, str] = {}
    letters_only = True
    for token in tokens:
        word = token if token.isalpha() else token.strip(_STUCK)  # "tỉnh," -> "tỉnh"
        if word.isalpha():
            code = codes.get(word)
            if code is None:
                if len(codes) >= _CODES:
                    return CodedWords({}, [], complete=False, letters_only=False)
                code = codes[word] = chr(_FIRST_CODE + len(codes))
            tokens[token] = code
        elif word:  # "32-ct/tu": several words
            coded = []
            for part in WORD.findall(word):
                code = codes.get(part)
                if code is None:
                    if len(codes) >= _CODES:
                        return CodedWords({}, [], complete=False, letters_only=False)
                    code = codes[part] = chr(_FIRST_CODE + len(codes))
                    letters_only = letters_only and part.isalpha()  # "lý¹": \w, not letters
                coded.append(code)
            tokens[token] = "".join(coded)
    code_of = tokens.__getitem__
    lines = ["".join(map(code_of, token_list)) for token_list in token_lists]
    return CodedWords(codes, lines, letters_only=letters_only)


def _toned(letters: str) -> str:
    return "".join(
        unicodedata.normalize("NFC", letter + mark) for letter in letters for mark in TONE_MARKS
    )


@cache
def _pair_pattern() -> re.Pattern[str]:
    """Two vowels that may form an open oa/oe/uy syllable at the end of a word.
    One character class first, so the regex engine skips ahead quickly; which
    vowel carries the mark is decided in ``tone_placements``."""
    first = "oOuU" + _toned("oOuU")
    second = "aAeEyY" + _toned("aAeEyY")
    return lazyre.compile(rf"[{first}][{second}](?![^\W\d_])")


@cache
def _pair_styles() -> dict[str, str]:
    """Every toned oa/oe/uy pair -> ``old`` or ``new``."""
    styles: dict[str, str] = {}
    for first, seconds in (("oO", "aAeE"), ("uU", "yY")):
        for a in first:
            for b in seconds:
                for mark in TONE_MARKS:
                    styles[a + unicodedata.normalize("NFC", b + mark)] = OLD
                    styles[unicodedata.normalize("NFC", a + mark) + b] = NEW
    return styles


def tone_placements(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, style)`` of every syllable whose mark placement shows a style;
    ``start``/``end`` cover the two vowels (never after q: "quý" is not "uy")."""
    found = []
    styles = _pair_styles()
    for match in _pair_pattern().finditer(text):
        style = styles.get(match.group())
        if style is None:
            continue
        start = match.start()
        if text[start] in "uUùúủũụÙÚỦŨỤ" and start and text[start - 1] in "qQ":
            continue
        found.append((start, start + 2, style))
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


@lru_cache(maxsize=4096)  # names recur: issuers, types, commemorations
def name_key(text: str) -> str:
    """A key to compare names: NFC, one tone style, lower case, single spaces."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(to_style(text, NEW).lower().split())


def is_upper_text(text: str) -> bool:
    """Letters present and all upper case (``TỈNH ỦY HẬU GIANG``)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def find_word(text: str, needle: str, start: int = 0) -> list[int]:
    """Offsets where ``needle`` occurs in ``text`` as whole words (no letter on
    either side): a plain ``str.find`` loop, cheaper than a regex to build."""
    found = []
    size, length = len(needle), len(text)
    index = text.find(needle, start)
    while index >= 0:
        end = index + size
        if (index == 0 or not text[index - 1].isalpha()) and (
            end == length or not text[end].isalpha()
        ):
            found.append(index)
        index = text.find(needle, index + 1)
    return found
