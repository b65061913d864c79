"""Formatting facts of a Word file that the FMT rules check.

Page margins of every section, and for each paragraph the fonts and sizes its
text is set in, resolved the way Word does for direct formatting, character
and paragraph styles (with ``basedOn``) and the document defaults. A value
Word would take from the theme (``w:asciiTheme``) is reported as unknown,
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


class _Style(NamedTuple):
    based_on: str | None
    font: str | None
    theme: bool
    size: float | None


def _font(rpr: Any, w: Any) -> tuple[str | None, bool]:
    if rpr is None:
        return None, False
    fonts = rpr.find(w("rFonts"))
    if fonts is None:
        return None, False
    name = fonts.get(w("ascii")) or fonts.get(w("hAnsi"))
    theme = fonts.get(w("asciiTheme")) is not None or fonts.get(w("hAnsiTheme")) is not None
    return name, theme and not name


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


def _styles(package: Any, w: Any) -> tuple[dict[str, _Style], _Style, str | None]:
    part = "word/styles.xml"
    empty = _Style(None, None, False, None)
    if not package.has(part):
        return {}, empty, None
    root = package.xml(part)
    defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    font, theme = _font(defaults, w)
    base = _Style(None, font, theme, _size(defaults, w))
    styles, default_paragraph = {}, None
    for style in root.iter(w("style")):
        style_id = style.get(w("styleId"))
        if not style_id:
            continue
        if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
            default_paragraph = style_id
        based = style.find(w("basedOn"))
        rpr = style.find(w("rPr"))
        font, theme = _font(rpr, w)
        styles[style_id] = _Style(
            based.get(w("val")) if based is not None else None, font, theme, _size(rpr, w)
        )
    return styles, base, default_paragraph


def _resolve(
    styles: dict[str, _Style], style_id: str | None
) -> tuple[str | None, bool, float | None]:
    font, theme, size, seen = None, False, None, set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        if font is None and not theme:
            font, theme = style.font, style.theme
        if size is None:
            size = style.size
        style_id = style.based_on
    return font, theme, size


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
        styles, base, default_paragraph = _styles(package, w)
        margins = _margins(package, w)
    faces: dict[int, list[RunFace]] = {}
    for paragraph in paragraphs:
        element = paragraph.element
        if element is None or not paragraph.text.strip():
            continue
        style_id = paragraph.style or default_paragraph
        p_font, p_theme, p_size = _resolve(styles, style_id)
        found = []
        for run in element.iter(w("r")):
            text = "".join(t.text or "" for t in run.iter(w("t")))
            if not text.strip():
                continue
            rpr = run.find(w("rPr"))
            r_font, r_theme = _font(rpr, w)
            r_size = _size(rpr, w)
            c_font = c_theme = c_size = None
            if rpr is not None and rpr.find(w("rStyle")) is not None:
                c_font, c_theme, c_size = _resolve(styles, rpr.find(w("rStyle")).get(w("val")))
            font, theme = next(
                ((f, t) for f, t in ((r_font, r_theme), (c_font, c_theme), (p_font, p_theme),
                                     (base.font, base.theme)) if f or t),
                (None, False),
            )  # fmt: skip
            size = next((s for s in (r_size, c_size, p_size, base.size) if s), None)
            found.append(RunFace(None if theme else font, size))
        if found:
            faces[paragraph.index] = found
    styles = {paragraph.index: paragraph.style for paragraph in paragraphs}
    return Formatting(margins, faces, styles)
