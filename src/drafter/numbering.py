"""Numbering labels (I. / 1. / 1.1. / a) / -): pure functions, styles from data.

``format_label`` turns a position in the outline tree into the literal label
written in the document; ``parse_label`` reads a label back from the start of a
paragraph (for import and checking). ``parse_label(format_label(x))`` gives
``x`` back for every style (property-tested).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from drafter.resources import load_data

_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


class LevelFormat(NamedTuple):
    kind: str  # roman | arabic | decimal | letter | bullet
    suffix: str = ""
    symbol: str = ""
    prefix: str = ""  # a word before the number: "Điều " -> "Điều 1."
    continuous: bool = False  # counts on across parents (articles of a Quy định)
    strong: bool = False  # the label is bold even in a body paragraph


class NumberingStyle(NamedTuple):
    name: str
    levels: tuple[LevelFormat, ...]

    def level(self, depth: int) -> LevelFormat:
        """Format of 1-based ``depth``; deeper levels repeat the last one."""
        return self.levels[min(depth, len(self.levels)) - 1]


@cache
def letters() -> tuple[str, ...]:
    return tuple(load_data("numbering")["letters"])


@cache
def style_names() -> tuple[str, ...]:
    return tuple(load_data("numbering")["styles"])


def default_style_name() -> str:
    return str(load_data("numbering")["default"])


@cache
def get_style(name: str | None = None) -> NumberingStyle:
    """The named style from ``data/numbering.yaml`` (KeyError if unknown)."""
    data = load_data("numbering")
    name = name or data["default"]
    levels = tuple(LevelFormat(**entry) for entry in data["styles"][name])
    return NumberingStyle(name, levels)


def to_roman(value: int) -> str:
    if value < 1:
        raise ValueError(value)
    out = []
    for amount, numeral in _ROMAN_VALUES:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def from_roman(text: str) -> int | None:
    """Value of a canonical Roman numeral (``IIII`` or ``IC`` give None)."""
    total, rest = 0, text
    for amount, numeral in _ROMAN_VALUES:
        while rest.startswith(numeral):
            total += amount
            rest = rest[len(numeral) :]
    if rest or total == 0 or to_roman(total) != text:
        return None
    return total


def to_letter(value: int) -> str:
    """1 -> a, 5 -> đ; past ``y`` the letters double (aa, bb …)."""
    alphabet = letters()
    index = value - 1
    return alphabet[index % len(alphabet)] * (index // len(alphabet) + 1)


def from_letter(text: str) -> int | None:
    alphabet = letters()
    if not text or text != text[0] * len(text) or text[0] not in alphabet:
        return None
    return alphabet.index(text[0]) + 1 + len(alphabet) * (len(text) - 1)


def format_label(counters: tuple[int, ...], style: NumberingStyle) -> str:
    """The label of the item whose 1-based counters per level are ``counters``.

    >>> format_label((2, 1, 3), get_style("hd36"))
    '1.3.'
    """
    depth = len(counters)
    fmt = style.level(depth)
    own = counters[-1]
    if fmt.kind == "bullet":
        return fmt.symbol
    if fmt.kind == "roman":
        return fmt.prefix + to_roman(own) + fmt.suffix
    if fmt.kind == "arabic":
        return fmt.prefix + str(own) + fmt.suffix
    if fmt.kind == "letter":
        return to_letter(own) + fmt.suffix
    if fmt.kind == "decimal":
        numbers = [own]
        for level in range(depth - 1, 0, -1):
            if style.level(level).kind not in ("arabic", "decimal"):
                break
            numbers.append(counters[level - 1])
        return ".".join(str(n) for n in reversed(numbers)) + fmt.suffix
    raise ValueError(f"unknown numbering kind {fmt.kind!r}")


class ParsedLabel(NamedTuple):
    """A label read from the start of a paragraph."""

    kind: str  # roman | arabic | decimal | letter | bullet
    numbers: tuple[int, ...]  # (4,) for "IV.", (1, 2) for "1.2.", () for bullets
    suffix: str  # ".", "-", ")" or the bullet symbol
    text: str  # the label exactly as written, e.g. "1.2."
    end: int  # offset of the first character after the label and its spaces
    prefix: str = ""  # the word before the number with its space, e.g. "Điều "

    @property
    def value(self) -> int | None:
        return self.numbers[-1] if self.numbers else None


_LABEL_BODY = r"""
        (?P<roman>[IVXLCDM]+)(?P<roman_suffix>[.\-])
      | (?P<decimal>\d{1,3}(?:\.\d{1,3})+)(?P<decimal_suffix>[.\-]?)
      | (?P<arabic>\d{1,3})(?P<arabic_suffix>[.\-])
      | (?P<letter>[a-zđ]+)(?P<letter_suffix>\))
      | (?P<bullet>[-+•–*])
"""


@cache
def _label_pattern() -> re.Pattern[str]:
    """The label grammar; the words of ``label_words`` ("Điều 1.") come from data."""
    words = "|".join(re.escape(word) for word in load_data("numbering").get("label_words", ()))
    worded = (
        rf"(?P<word>(?:{words})\s+)(?P<word_number>[IVXLCDM]+|\d{{1,3}})"
        rf"(?P<word_suffix>[.\-:]?)(?=\s|$)"
        if words
        else r"(?!)"
    )
    from drafter import lazyre

    return lazyre.compile(rf"^(?:{worded}|(?:{_LABEL_BODY})(?=\s))\s*", re.VERBOSE)


def parse_label(text: str) -> ParsedLabel | None:
    """Read a numbering label at the start of ``text``; None if there is none.

    A label must be followed by white space: ``"1.5 tỷ"`` has no label,
    ``"1.5. Công tác"`` has ``1.5.`` and ``"1.5 Công tác"`` has ``1.5`` (a
    label without its final dot, which the checker reports).
    """
    match = _label_pattern().match(text)
    if not match:
        return None
    groups = match.groupdict()
    end = match.end()
    if groups["word"]:
        number, suffix = groups["word_number"], groups["word_suffix"]
        raw = groups["word"] + number + suffix
        if number.isdigit():
            return ParsedLabel("arabic", (int(number),), suffix, raw, end, groups["word"])
        value = from_roman(number)
        if value is None:
            return None
        return ParsedLabel("roman", (value,), suffix, raw, end, groups["word"])
    if groups["roman"]:
        value = from_roman(groups["roman"])
        if value is None:
            return None
        raw = groups["roman"] + groups["roman_suffix"]
        return ParsedLabel("roman", (value,), groups["roman_suffix"], raw, end)
    if groups["decimal"]:
        numbers = tuple(int(n) for n in groups["decimal"].split("."))
        suffix = groups["decimal_suffix"]
        if not suffix and not text[end : end + 1].isupper():
            return None  # "1.5 tỷ đồng" is a number; "1.1 Công tác" a label missing its dot
        return ParsedLabel("decimal", numbers, suffix, groups["decimal"] + suffix, end)
    if groups["arabic"]:
        raw = groups["arabic"] + groups["arabic_suffix"]
        return ParsedLabel("arabic", (int(groups["arabic"]),), groups["arabic_suffix"], raw, end)
    if groups["letter"]:
        value = from_letter(groups["letter"])
        if value is None:
            return None
        return ParsedLabel("letter", (value,), ")", groups["letter"] + ")", end)
    symbol = groups["bullet"]
    return ParsedLabel("bullet", (), symbol, symbol, end)


def split_label(text: str) -> tuple[str, str]:
    """``("1.1.", "Công tác …")`` for ``"1.1. Công tác …"``; ``("", text)`` without a label."""
    parsed = parse_label(text)
    if parsed is None:
        return "", text
    return parsed.text, text[parsed.end :]


def label_depth(parsed: ParsedLabel, style: NumberingStyle) -> int:
    """The depth at which ``style`` writes a label shaped like ``parsed`` (0: none)."""
    for depth in range(1, len(style.levels) + 3):
        fmt = style.level(depth)
        if fmt.kind != parsed.kind or fmt.suffix != parsed.suffix:
            continue
        if fmt.kind == "decimal":
            sample = format_label((1,) * depth, style)
            if sample.count(".") - (1 if fmt.suffix == "." else 0) + 1 != len(parsed.numbers):
                continue
        return depth
    return 0
