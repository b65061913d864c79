"""Outline -> the plain data a template needs (pure; no Word, no I/O).

The body becomes a flat list of ``Block`` records in reading order, each with
its paragraph style, its computed numbering label and the path of the outline
node it came from (``sections.1.sections.0.text.2``), so later steps (the
provenance snapshot, merging, checking) can map a paragraph back to the outline.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from drafter import dates, doctypes, numbering
from drafter.model import Outline, Section

BODY_STYLE = "BodyText"
HEADING_STYLES = ("Heading1", "Heading2", "Heading3", "Heading4")


class Block(NamedTuple):
    """One body paragraph: style, label ("1.1." or ""), text, outline path."""

    style: str
    label: str
    text: str
    path: str
    level: int = 0  # 0 for preamble/closing, else the depth of its section

    @property
    def full_text(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


class FormatSettings(NamedTuple):
    """The parts of a format rule pack that change the text (not the layout)."""

    padding: dates.PaddingRule = dates.HD36_PADDING
    blanks: dates.DraftBlanks = dates.DraftBlanks()
    number_prefix: str = "Số"
    number_blank: str = " " * 6
    motto: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    star: str = "*"
    title_rule: str = "-----"
    recipients_heading: str = "Nơi nhận:"
    recipient_prefix: str = "- "

    @classmethod
    def from_pack(cls, pack: dict[str, Any]) -> FormatSettings:
        date = pack.get("date", {})
        header = pack.get("header", {})
        return cls(
            padding=dates.PaddingRule.from_mapping(date),
            blanks=dates.DraftBlanks(
                day=date.get("draft_day_blank", " " * 6),
                month=date.get("draft_month_blank", " " * 5),
            ),
            number_prefix=header.get("number_prefix", "Số"),
            number_blank=header.get("number_blank", " " * 6),
            motto=header.get("motto", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            star=header.get("star", "*"),
            title_rule=pack.get("title", {}).get("rule", "-----"),
            recipients_heading=pack.get("recipients", {}).get("heading", "Nơi nhận:"),
            recipient_prefix=pack.get("recipients", {}).get("item_prefix", "- "),
        )


def load_format_pack(name: str = "hd36_2018") -> dict[str, Any]:
    from drafter.resources import load_data

    return load_data(f"formats/{name}")


def number_line(outline: Outline, settings: FormatSettings) -> str:
    """``Số 05-CTr/TU``; ``Số      -CTr/TU`` while the number is blank."""
    if outline.number:
        return f"{settings.number_prefix} {outline.number}-{outline.symbol}"
    return f"{settings.number_prefix}{settings.number_blank}-{outline.symbol}"


def body_blocks(outline: Outline, style: numbering.NumberingStyle) -> list[Block]:
    """Preamble, the numbered section tree and the closing, in reading order."""
    blocks = [
        Block(BODY_STYLE, "", text, f"preamble.{i}") for i, text in enumerate(outline.preamble)
    ]
    _sections(outline.sections, (), "sections", style, blocks)
    blocks.extend(
        Block(BODY_STYLE, "", text, f"closing.{i}") for i, text in enumerate(outline.closing)
    )
    return blocks


def _sections(
    sections: list[Section],
    counters: tuple[int, ...],
    path: str,
    style: numbering.NumberingStyle,
    out: list[Block],
) -> None:
    for index, section in enumerate(sections):
        own = (*counters, index + 1)
        depth = len(own)
        label = numbering.format_label(own, style)
        here = f"{path}.{index}"
        paragraphs = list(enumerate(section.text))
        if section.heading is not None:
            heading_style = HEADING_STYLES[min(depth, len(HEADING_STYLES)) - 1]
            out.append(Block(heading_style, label, section.heading, f"{here}.heading", depth))
        elif paragraphs:
            first_index, first = paragraphs.pop(0)
            out.append(Block(BODY_STYLE, label, first, f"{here}.text.{first_index}", depth))
        else:
            # a section with bullets or sub-sections only: the label stands alone
            out.append(Block(BODY_STYLE, label, "", f"{here}.label", depth))
        out.extend(Block(BODY_STYLE, "", text, f"{here}.text.{i}", depth) for i, text in paragraphs)
        bullet = _bullet_symbol(style, depth + 1)
        out.extend(
            Block(BODY_STYLE, bullet, text, f"{here}.bullets.{i}", depth + 1)
            for i, text in enumerate(section.bullets)
        )
        _sections(section.sections, own, f"{here}.sections", style, out)


def _bullet_symbol(style: numbering.NumberingStyle, depth: int) -> str:
    fmt = style.level(depth)
    if fmt.kind == "bullet":
        return fmt.symbol
    return next((lv.symbol for lv in style.levels if lv.kind == "bullet"), "-")


def numbering_style_for(outline: Outline) -> numbering.NumberingStyle:
    name = outline.numbering or doctypes.get_type(outline.type).numbering
    return numbering.get_style(name)


def build_context(outline: Outline, settings: FormatSettings | None = None) -> dict[str, Any]:
    """Everything the template shows, as plain strings and lists.

    HD 36 sets the issuer lines, the type name and the signature's authority and
    position in capitals, so they are upper-cased whatever the outline says.
    """
    settings = settings or FormatSettings()
    doctype = doctypes.get_type(outline.type)
    style = numbering_style_for(outline)
    signature = outline.signature
    return {
        "header": {
            "superior": (outline.issuer.superior or "").upper(),
            "issuer": outline.issuer.name.upper(),
            "star": settings.star,
            "number_line": number_line(outline, settings),
            "draft_mark": outline.draft_mark or "",
            "motto": settings.motto,
            "place_date": dates.place_date_line(
                outline.place, outline.date, settings.padding, settings.blanks
            ),
        },
        "type_name": (outline.type_name or doctype.type_name).upper(),
        "title": outline.title,
        "title_rule": settings.title_rule,
        "blocks": [block._asdict() for block in body_blocks(outline, style)],
        "signature": {
            "authority": (signature.authority or "").upper(),
            "position": (signature.position or "").upper(),
            "name": signature.name or "",
        },
        "recipients_heading": settings.recipients_heading,
        "recipients": [settings.recipient_prefix + r for r in outline.recipients],
    }
