"""Formatting facts of a Word file that the FMT rules check.

Page margins of every section, and for each paragraph the fonts and sizes its
text is set in, resolved the way Word does for direct formatting, character
and paragraph styles (with ``basedOn``) and the document defaults. Fonts are
resolved slot by slot (``w:ascii`` for the ASCII letters of a run, ``w:hAnsi``
for the others: Vietnamese letters with their marks), and a theme font
(``w:asciiTheme="minorHAnsi"``, which overrides ``w:ascii`` on the same
element: how a new Word document sets its body in Calibri or Cambria) is
looked up in the package's theme part (``a:minorFont/a:latin``,
``a:majorFont/a:latin``). A theme font the package does not name is unknown,
never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

TWIPS_PER_MM = 1440 / 25.4


class Margins(NamedTuple):
    section: int  # 1-based section number
    top: float  # millimetres
    bottom: float
    left: float
    right: float


class RunFace(NamedTuple):
    font: str | None  # None: unknown (theme font, or nothing set anywhere)
    size: float | None  # points


class Formatting(NamedTuple):
    margins: list[Margins]
    faces: dict[int, list[RunFace]]  # paragraph number (reader index) -> faces of its text
    styles: dict[int, str | None]  # paragraph number -> its style id


A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
THEME_TYPE = "/relationships/theme"
SLOTS = ("ascii", "hAnsi")  # the font slots of Latin text (Vietnamese included)
UNKNOWN = ""  # a theme font the package does not name: known to be set, not known to what
Fonts = tuple[str | None, ...]  # per slot: a font name, UNKNOWN, or None (not set here)
_UNSET: Fonts = (None, None)


class _Style(NamedTuple):
    based_on: str | None
    fonts: Fonts
    size: float | None


def _font(rpr: Any, w: Any, theme: dict[str, str]) -> Fonts:
    """The fonts ``rpr`` sets, slot by slot; a theme font (``w:asciiTheme``) wins
    over a name on the same element (ECMA-376 §17.3.2.26) and is looked up in
    ``theme``."""
    if rpr is None:
        return _UNSET
    fonts = rpr.find(w("rFonts"))
    if fonts is None:
        return _UNSET
    found = []
    for slot in SLOTS:
        themed = fonts.get(w(f"{slot}Theme"))
        if themed is not None:
            found.append(theme.get(themed) or UNKNOWN)
        else:
            found.append(fonts.get(w(slot)) or None)
    return tuple(found)


def _theme_fonts(package: Any) -> dict[str, str]:
    """``minorHAnsi`` -> ``Cambria`` …: the theme's font scheme (its Latin fonts
    for the ASCII and hAnsi slots, its East Asian and complex-script fonts for
    the others), from the theme part the main document relates to."""
    part = next(
        (target for kind, target in package.relationships(package.main_part).values()
         if kind.endswith(THEME_TYPE) and package.has(target)),
        "word/theme/theme1.xml",
    )  # fmt: skip
    if not package.has(part):
        return {}
    from drafter.errors import InputError

    try:
        root = package.xml(part)
    except InputError:  # a damaged theme: its fonts are unknown, the text is still read
        return {}
    fonts = {}
    for kind in ("major", "minor"):
        scheme = root.find(f".//{{{A_NS}}}{kind}Font")
        if scheme is None:
            continue
        for child, names in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)),
                             ("cs", ("Bidi",))):  # fmt: skip
            element = scheme.find(f"{{{A_NS}}}{child}")
            typeface = element.get("typeface") if element is not None else None
            if typeface:
                fonts.update((kind + name, typeface) for name in names)
    return fonts


def _merge(first: Fonts, then: Fonts) -> Fonts:
    """Slot by slot, ``first`` where it sets a font, else ``then``."""
    return tuple(a if a is not None else b for a, b in zip(first, then, strict=True))


def _size(rpr: Any, w: Any) -> float | None:
    if rpr is None:
        return None
    size = rpr.find(w("sz"))
    if size is None:
        return None
    try:
        return int(size.get(w("val"), "")) / 2
    except ValueError:
        return None


def _styles(package: Any, w: Any) -> tuple[dict[str, _Style], _Style, str | None, dict[str, str]]:
    part = "word/styles.xml"
    empty = _Style(None, _UNSET, None)
    theme = _theme_fonts(package)
    if not package.has(part):
        return {}, empty, None, theme
    root = package.xml(part)
    defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    base = _Style(None, _font(defaults, w, theme), _size(defaults, w))
    styles, default_paragraph = {}, None
    for style in root.iter(w("style")):
        style_id = style.get(w("styleId"))
        if not style_id:
            continue
        if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
            default_paragraph = style_id
        based = style.find(w("basedOn"))
        rpr = style.find(w("rPr"))
        styles[style_id] = _Style(
            based.get(w("val")) if based is not None else None,
            _font(rpr, w, theme),
            _size(rpr, w),
        )
    return styles, base, default_paragraph, theme


def _resolve(styles: dict[str, _Style], style_id: str | None) -> tuple[Fonts, float | None]:
    fonts, size, seen = _UNSET, None, set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        fonts = _merge(fonts, style.fonts)
        if size is None:
            size = style.size
        style_id = style.based_on
    return fonts, size


def _slots_used(text: str) -> list[int]:
    """The font slots (indexes into ``SLOTS``) the visible letters of ``text`` are
    drawn with: ``ascii`` for ASCII, ``hAnsi`` for the rest (ă, ơ, ế …)."""
    letters = [char for char in text if not char.isspace()]
    used = []
    if any(ord(char) < 0x80 for char in letters):
        used.append(0)
    if any(ord(char) >= 0x80 for char in letters):
        used.append(1)
    return used


def _margins(package: Any, w: Any) -> list[Margins]:
    root = package.xml(package.main_part)
    body = root.find(w("body"))
    if body is None:
        return []
    sections = [p.find(w("sectPr")) for p in body.iter(w("pPr"))]
    found = [s for s in sections if s is not None]
    final = body.find(w("sectPr"))
    if final is not None:
        found.append(final)
    margins = []
    for number, sect in enumerate(found, start=1):
        mar = sect.find(w("pgMar"))
        if mar is None:
            continue
        try:
            values = [abs(int(mar.get(w(side), "0"))) / TWIPS_PER_MM
                      for side in ("top", "bottom", "left", "right")]  # fmt: skip
        except ValueError:
            continue
        margins.append(Margins(number, *values))
    return margins


def read_formatting(path: Path, data: bytes | None, paragraphs: Sequence[Any]) -> Formatting:
    from drafter.docx_io.package import DocxPackage, w

    with DocxPackage(path, data) as package:
        styles, base, default_paragraph, theme = _styles(package, w)
        margins = _margins(package, w)
    faces: dict[int, list[RunFace]] = {}
    for paragraph in paragraphs:
        element = paragraph.element
        if element is None or not paragraph.text.strip():
            continue
        style_id = paragraph.style or default_paragraph
        p_fonts, p_size = _resolve(styles, style_id)
        found = []
        for run in element.iter(w("r")):
            text = "".join(t.text or "" for t in run.iter(w("t")))
            if not text.strip():
                continue
            rpr = run.find(w("rPr"))
            r_fonts = _font(rpr, w, theme)
            r_size = _size(rpr, w)
            c_fonts, c_size = _UNSET, None
            if rpr is not None and rpr.find(w("rStyle")) is not None:
                c_fonts, c_size = _resolve(styles, rpr.find(w("rStyle")).get(w("val")))
            fonts = _merge(_merge(_merge(r_fonts, c_fonts), p_fonts), base.fonts)
            size = next((s for s in (r_size, c_size, p_size, base.size) if s), None)
            for slot in _slots_used(text):
                face = RunFace(fonts[slot] or None, size)
                if face not in found:
                    found.append(face)
        if found:
            faces[paragraph.index] = found
    styles = {paragraph.index: paragraph.style for paragraph in paragraphs}
    return Formatting(margins, faces, styles)
