"""Vietnamese alphabetical order (for sorting tasks by the body in charge).

Python sorts by code point, which puts "Đ" after "Z" and "Ban" after "Bà".
Vietnamese dictionaries order the letters a ă â b c d đ e ê g h i k l m n o ô
ơ p q r s t u ư v x y (``data/collation.yaml``), then the tones (none, huyền,
hỏi, ngã, sắc, nặng) only where the letters are equal. Pure.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from drafter.resources import load_data

# Combining marks that make a different letter (ă â ê ô ơ ư), kept with their base;
# the others (the five tones) are compared after the letters.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn


@cache
def _tables() -> tuple[dict[str, int], dict[str, int]]:
    data = load_data("collation")
    letters = {letter: index for index, letter in enumerate(data["letters"])}
    tones = {mark: index for index, mark in enumerate(data["tones"])}
    return letters, tones


def _split(char: str) -> tuple[str, str]:
    """A lower-case letter into (base letter with its letter marks, tone mark)."""
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    marks = decomposed[1:]
    letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
    tone = "".join(m for m in marks if m not in _LETTER_MARKS)
    return letter, tone


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key that orders ``text`` as a Vietnamese dictionary does (case-insensitive)."""
    letters, tones = _tables()
    primary: list[int] = []
    secondary: list[int] = []
    for char in unicodedata.normalize("NFC", text).casefold():
        letter, tone = _split(char)
        rank = letters.get(letter)
        if rank is None:
            # digits, spaces and punctuation before letters, in code-point order
            primary.append(-0x110000 + ord(char) if not char.isalpha() else 1000 + ord(char))
            secondary.append(0)
            continue
        primary.append(rank)
        secondary.append(tones.get(tone, 0))
    return tuple(primary), tuple(secondary), text
