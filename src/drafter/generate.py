"""What a build generates, paragraph by paragraph, with the outline path of each.

``generate`` renders an outline with the Word template (in memory) and reads
the body back as a block tree whose paragraphs carry the outline path they
came from: body blocks get theirs from ``render.context``; header, title,
signature and recipient paragraphs get the path of the outline key that fills
them (``issuer.name``, ``date``, ``signature.position``, ``recipients.2`` …);
template text (``*``, the motto, "Nơi nhận:") gets none. The paths are found by
aligning the paragraphs the template produced with the texts the context holds,
so a custom template that moves things around is still annotated correctly.

Used by ``build`` (stored as the snapshot), ``merge`` (the "ours" side),
``diff`` and ``watch``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from drafter.docx_io.reader import Block, DocParagraph, DocTable, block_tree
from drafter.docx_io.snapshot import SnapParagraph, SnapTable, Unit
from drafter.loader import LoadedOutline

if TYPE_CHECKING:
    from drafter.document import LoadedDocument
from drafter.numbering import NumberingStyle
from drafter.render.docx import visible_text


class Expected(NamedTuple):
    """A paragraph the context asks for: its outline path and visible text."""

    path: str
    text: str
    label: str = ""
    level: int = 0


class Generated(NamedTuple):
    document: Any  # the docxtpl document (``.docx`` is the python-docx Document)
    context: dict[str, Any]
    blocks: list[Block]
    paragraphs: list[DocParagraph]
    units: list[Unit]
    style: NumberingStyle


def expected_paragraphs(context: dict[str, Any]) -> list[Expected]:
    """Every paragraph the context fills, in the template's reading order."""
    header, signature = context["header"], context["signature"]
    out = [
        Expected("issuer.superior", header["superior"]),
        Expected("issuer.name", header["issuer"]),
        Expected("", header["star"]),
        Expected("number", header["number_line"]),
        Expected("excerpt", header.get("excerpt", "")),
        Expected("secrecy", header.get("secrecy", "")),
        Expected("urgency", header.get("urgency", "")),
        Expected("draft", header["draft_mark"]),
        Expected("", header["motto"]),
        Expected("date", header["place_date"]),
        Expected("type_name", context["type_name"]),
        Expected("title", context["title"]),
        Expected("", context["title_rule"]),
    ]
    out.extend(
        Expected(f"addressees.{i}", line) for i, line in enumerate(context.get("addressees", []))
    )
    for block in context["blocks"]:
        label, text = block["label"], block["text"]
        full = f"{label} {text}" if label else text
        out.append(Expected(block["path"], full, label, block["level"]))
    if context["recipients"]:
        out.append(Expected("", context["recipients_heading"]))
        out.extend(Expected(f"recipients.{i}", r) for i, r in enumerate(context["recipients"]))
    out.extend(
        Expected(f"signature.{key}", signature[key]) for key in ("authority", "position", "name")
    )
    return [item._replace(text=visible_text(item.text)) for item in out if item.text.strip() != ""]


def outline_line(loaded: LoadedOutline, path: str) -> int | None:
    """The line of the outline file that holds the paragraph at outline ``path``
    (inside a ``|`` block: the paragraph's own line)."""
    if not path:
        return None
    keys = tuple(int(k) if k.isdigit() else k for k in path.split("."))
    found, position = loaded.positions.nearest(keys)
    if not found and len(loaded.positions) == 0:
        return None
    line = position.value.line
    rest = keys[len(found) :]
    if position.style in ("|", ">") and len(rest) == 1 and isinstance(rest[0], int):
        line += 1 + rest[0]
    return line


def annotate(
    blocks: list[Block], paragraphs: list[DocParagraph], expected: list[Expected]
) -> list[Unit]:
    """The block tree as snapshot units, each paragraph with its path if found."""
    from drafter.align import match_exact

    found: dict[int, Expected] = {}
    for i, j in match_exact([p.text for p in paragraphs], [e.text for e in expected]):
        found[id(paragraphs[i])] = expected[j]
    return _units(blocks, found)


def _units(blocks: list[Block], found: dict[int, Expected]) -> list[Unit]:
    units: list[Unit] = []
    for block in blocks:
        if isinstance(block, DocTable):
            rows = tuple(tuple(tuple(_units(cell, found)) for cell in row) for row in block.rows)
            units.append(SnapTable(rows))
            continue
        hit = found.get(id(block))
        units.append(
            SnapParagraph(
                block.text,
                hit.path if hit else "",
                hit.label if hit else "",
                block.style or "",
                hit.level if hit else 0,
            )
        )
    return units


def generate(document: LoadedDocument | LoadedOutline, template: Path | None = None) -> Generated:
    """Render the outline (resolved with its settings) in memory and annotate what
    was generated."""
    from drafter import numbering
    from drafter.builder import as_document, template_for
    from drafter.render.context import FormatSettings, build_context, load_format_pack
    from drafter.render.docx import render_template

    document = as_document(document)
    resolved = document.resolved
    settings = FormatSettings.from_pack(load_format_pack(resolved.format_name))
    context = build_context(resolved, settings)
    rendered = render_template(template_for(document, template), context)
    blocks, paragraphs = block_tree(rendered.docx.element.body)
    units = annotate(blocks, paragraphs, expected_paragraphs(context))
    style = numbering.get_style(resolved.outline.numbering or resolved.doctype.numbering)
    return Generated(rendered, context, blocks, paragraphs, units, style)
