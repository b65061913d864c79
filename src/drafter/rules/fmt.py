"""FMT — Word formatting against HD 36 (../shared/spec/party-format.md §1, §7):
margins, font and body size. The spec could not confirm the HD 36 margins, so
these are warnings, with the ranges every reading accepts."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from drafter.i18n import N_
from drafter.render.context import TASK_STYLE
from drafter.resources import load_data
from drafter.rules.base import WARNING, Hit, Rule
from drafter.sources import view

if TYPE_CHECKING:
    from drafter.rules.context import CheckContext


class _Format(NamedTuple):
    margins: dict[str, tuple[float, float]]
    tolerance: float
    font: str
    body_sizes: tuple[float, float]


@cache
def _format() -> _Format:
    """The ranges in data/check_format.yaml (party-format.md §1, §3)."""
    data = load_data("check_format")
    return _Format(
        {side: (float(low), float(high)) for side, (low, high) in data["margins_mm"].items()},
        float(data["margin_tolerance_mm"]),
        data["font"],
        (float(data["body_size_pt"][0]), float(data["body_size_pt"][1])),
    )


DOCX_ONLY = frozenset({"docx"})
# drafter's own paragraph styles with a size of their own (render.context): the
# owners and deadline line after a task
OWN_STYLES = frozenset({TASK_STYLE})


class PageMargins(Rule):
    code = "FMT001"
    name = "page-margins"
    severity = WARNING
    sources = DOCX_ONLY
    example_source = "none"
    summary = N_("A page margin outside the ranges of Party documents.")
    explanation = N_(
        "Margins are top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm (every "
        "reading of HD 36 and NĐ 30 agrees with these ranges; party-format.md §1). Only Word "
        "files are checked."
    )
    message = N_(
        "the {side} margin of section {section} is {value} mm; it should be {low}–{high} mm"
    )
    wrong = "Lề trái 20 mm (Word file)"
    right = "Lề trái 30 mm (Word file)"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        formatting = ctx.document.formatting
        if formatting is None:
            return
        sides = {"top": N_("top"), "bottom": N_("bottom"), "left": N_("left"), "right": N_("right")}
        from drafter.i18n import _

        wanted = _format()
        for margins in formatting.margins:
            for side, (low, high) in wanted.margins.items():
                value = getattr(margins, side)
                if low - wanted.tolerance <= value <= high + wanted.tolerance:
                    continue
                yield self.hit(
                    None, 0, 0, where=(1, 1), side=_(sides[side]), section=margins.section,
                    value=f"{value:.0f}", low=f"{low:g}", high=f"{high:g}",
                )  # fmt: skip


class FontFamily(Rule):
    code = "FMT002"
    name = "font-family"
    severity = WARNING
    sources = DOCX_ONLY
    example_source = "none"
    summary = N_("Text set in another font than Times New Roman.")
    explanation = N_(
        "Party documents use the Vietnamese character set of TCVN 6909:2001 in Times New "
        "Roman (party-format.md §1). Each paragraph set in another font is reported once, "
        "wherever the font comes from: the text itself, its style, the document defaults or "
        "the theme (a new Word document sets its text in the theme's Calibri or Cambria; the "
        "theme's fonts are read from the file)."
    )
    message = N_("this paragraph is set in {font}, not Times New Roman")
    wrong = "Đoạn văn đặt phông Arial (Word file)"
    right = "Đoạn văn đặt phông Times New Roman (Word file)"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        formatting = ctx.document.formatting
        if formatting is None:
            return
        for paragraph in ctx.document.paragraphs:
            if paragraph.role == view.PAGE:
                continue
            line = paragraph.position(0)[0]
            fonts = {face.font for face in formatting.faces.get(line, []) if face.font}
            others = sorted(font for font in fonts if font.lower() != _format().font.lower())
            if others:
                yield self.hit(paragraph, 0, len(paragraph.text), font=", ".join(others))


class BodySize(Rule):
    code = "FMT003"
    name = "body-font-size"
    severity = WARNING
    sources = DOCX_ONLY
    example_source = "none"
    summary = N_("Body text in a size other than 14–15 pt.")
    explanation = N_(
        "The body of a Party document is set in 14 or 15 point type (HD 36 Phụ lục 3, "
        "party-format.md §3). Headings and body paragraphs are checked; the header block, "
        "signature, recipients, appendices and drafter's own task lines have sizes of their "
        "own."
    )
    message = N_("this paragraph is set in {size} pt; body text is 14–15 pt")
    wrong = "Đoạn văn cỡ chữ 12 (Word file)"
    right = "Đoạn văn cỡ chữ 14 (Word file)"

    def check(self, ctx: CheckContext) -> Iterator[Hit]:
        formatting = ctx.document.formatting
        if formatting is None:
            return
        low, high = _format().body_sizes
        styles = _paragraph_styles(ctx)
        for paragraph in ctx.document.paragraphs:
            if paragraph.role not in (view.BODY, view.HEADING):
                continue
            if styles.get(paragraph.position(0)[0]) in OWN_STYLES:
                continue
            line = paragraph.position(0)[0]
            sizes = {face.size for face in formatting.faces.get(line, []) if face.size}
            wrong = sorted(size for size in sizes if not low <= size <= high)
            if wrong:
                shown = ", ".join(f"{size:g}" for size in wrong)
                yield self.hit(paragraph, 0, len(paragraph.text), size=shown)


def _paragraph_styles(ctx: CheckContext) -> dict[int, str | None]:
    formatting = ctx.document.formatting
    return getattr(formatting, "styles", {}) if formatting is not None else {}


RULES = (PageMargins(), FontFamily(), BodySize())
