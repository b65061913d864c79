"""The labels Word draws for auto-numbered paragraphs (``word/numbering.xml``).

A paragraph numbered by Word stores no label text, only a reference
(``w:numPr``: a list ``numId`` and a level ``ilvl``), directly or through its
paragraph style. This module replays Word's counters in document order and
formats each label from the level's ``numFmt`` and ``lvlText`` ("%1.%2."), so
check and import see "1.1." exactly where Word shows it.

Covered: decimal (and zero-padded), upper/lower Roman, upper/lower letter,
bullets (common Symbol/Wingdings glyphs mapped to Unicode), ``none``; start
values, ``startOverride`` restarts, ``lvlRestart``, legal numbering
(``isLgl``), numbering inherited from styles (``basedOn`` chains). Exotic
formats (ordinal text, East-Asian counting) fall back to decimal.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from drafter.docx_io.package import w

_MAX_LEVELS = 9
# Private-use glyphs of the Symbol / Wingdings fonts Word uses for bullets.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓",
            "\uf02d": "-", "\uf0a8": "□", "\uf06e": "■", "\uf0e0": "➔"}  # fmt: skip


class Level(NamedTuple):
    start: int
    fmt: str  # decimal | upperRoman | lowerLetter | bullet | none | …
    text: str  # lvlText, e.g. "%1." or "%1.%2."
    restart: int | None  # lvlRestart: restart after this (1-based) level, None = previous
    legal: bool


class NumberingDefinitions:
    """Parsed ``numbering.xml`` plus paragraph-style numbering from ``styles.xml``."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstract: dict[str, list[Level]] = {}
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}
        if numbering is not None:
            for abstract in numbering.iter(w("abstractNum")):
                self.abstract[abstract.get(w("abstractNumId"), "")] = _levels(abstract)
            for num in numbering.iter(w("num")):
                abstract_id = _val(num.find(w("abstractNumId")))
                overrides = {}
                for override in num.findall(w("lvlOverride")):
                    start = override.find(w("startOverride"))
                    if start is not None:
                        overrides[_int(override.get(w("ilvl")), 0)] = _int(_val(start), 1)
                self.instances[num.get(w("numId"), "")] = (abstract_id or "", overrides)
        self.style_numbering = _style_numbering(styles)

    def levels(self, num_id: str) -> list[Level] | None:
        instance = self.instances.get(num_id)
        return self.abstract.get(instance[0]) if instance else None


def _val(element: etree._Element | None) -> str | None:
    return element.get(w("val")) if element is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _levels(abstract: etree._Element) -> list[Level]:
    levels = [Level(1, "decimal", f"%{i + 1}.", None, False) for i in range(_MAX_LEVELS)]
    for lvl in abstract.findall(w("lvl")):
        index = _int(lvl.get(w("ilvl")), 0)
        if not 0 <= index < _MAX_LEVELS:
            continue
        restart = _val(lvl.find(w("lvlRestart")))
        levels[index] = Level(
            start=_int(_val(lvl.find(w("start"))), 1),
            fmt=_val(lvl.find(w("numFmt"))) or "decimal",
            text=_val(lvl.find(w("lvlText"))) or "",
            restart=_int(restart, 0) if restart is not None else None,
            legal=lvl.find(w("isLgl")) is not None,
        )
    return levels


def _style_numbering(styles: etree._Element | None) -> dict[str, tuple[str | None, int | None]]:
    """style id -> (numId, ilvl) after following ``basedOn``."""
    if styles is None:
        return {}
    direct: dict[str, tuple[str | None, int | None]] = {}
    parent: dict[str, str] = {}
    for style in styles.iter(w("style")):
        style_id = style.get(w("styleId"), "")
        based = _val(style.find(w("basedOn")))
        if based:
            parent[style_id] = based
        numpr = style.find(f"{w('pPr')}/{w('numPr')}")
        if numpr is not None:
            level = _val(numpr.find(w("ilvl")))
            direct[style_id] = (_val(numpr.find(w("numId"))), _int(level, 0) if level else None)
    resolved = {}
    for style_id in set(direct) | set(parent):
        seen, current = set(), style_id
        while current and current not in direct and current not in seen:
            seen.add(current)
            current = parent.get(current, "")
        if current in direct:
            resolved[style_id] = direct[current]
    return resolved


def _roman(value: int) -> str:
    from drafter.numbering import to_roman

    return to_roman(value) if value > 0 else str(value)


def _letter(value: int) -> str:
    if value < 1:
        return str(value)
    index = value - 1
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(value)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letter(value)
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


class Counter:
    """Replays Word's list counters over paragraphs in document order."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self.definitions = definitions
        self.counts: dict[str, list[int | None]] = {}
        self.started: set[str] = set()

    def resolve(
        self, style: str | None, num_id: str | None, level: int | None
    ) -> tuple[str | None, int]:
        """The effective (numId, ilvl): paragraph properties over style numbering."""
        style_num = self.definitions.style_numbering.get(style or "")
        if num_id is None and style_num is not None:
            num_id = style_num[0]
            if level is None:
                level = style_num[1]
        return num_id, level or 0

    def label(self, num_id: str | None, level: int) -> str | None:
        """Advance the counter of ``num_id`` at ``level``; the label Word draws."""
        if not num_id or num_id == "0":
            return None
        levels = self.definitions.levels(num_id)
        if levels is None:
            return None
        level = max(0, min(level, _MAX_LEVELS - 1))
        abstract_id, overrides = self.definitions.instances[num_id]
        key = f"num:{num_id}" if overrides else f"abstract:{abstract_id}"
        counts = self.counts.setdefault(key, [None] * _MAX_LEVELS)
        if overrides and key not in self.started:
            self.started.add(key)
            for override_level, start in overrides.items():
                if 0 <= override_level < _MAX_LEVELS:
                    counts[override_level] = start - 1
        current = counts[level]
        counts[level] = levels[level].start if current is None else current + 1
        for deeper in range(level + 1, _MAX_LEVELS):
            restart = levels[deeper].restart
            if restart is None or (restart != 0 and level < restart):
                counts[deeper] = None
        spec = levels[level]
        if spec.fmt == "bullet":
            return "".join(_BULLETS.get(ch, ch) for ch in spec.text) or "•"
        label = spec.text
        for index in range(_MAX_LEVELS - 1, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder not in label:
                continue
            value = counts[index]
            if value is None:
                value = levels[index].start
            fmt = "decimal" if spec.legal and index < level else levels[index].fmt
            label = label.replace(placeholder, format_number(value, fmt))
        return label
