"""Paragraphs of a Word file in the reading order of the CLI contract.

Body paragraphs and table-cell paragraphs top to bottom (nested tables and
content controls included); the paragraphs of a text box right after the
paragraph that anchors it (read once: the DrawingML copy, never the VML
fallback); then, section by section, the headers (first-page, default, even)
and then the footers in the same order, a part shared by several sections read
once. ``DocParagraph.index`` is the contract's 1-based ``line`` for .docx files.

One reader for ``check``, ``import``, ``merge`` and the build's provenance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from drafter.docx_io.package import MC_NS, R_NS, DocxPackage, w

_HEADER_TYPES = ("first", "default", "even")

_P, _TBL, _SDT, _SDT_CONTENT, _CUSTOM_XML = (
    w("p"), w("tbl"), w("sdt"), w("sdtContent"), w("customXml"),
)  # fmt: skip
_TR, _TC, _T, _TAB, _BR, _CR = w("tr"), w("tc"), w("t"), w("tab"), w("br"), w("cr")
_TXBX = w("txbxContent")
_SKIP_SUBTREES = frozenset(
    {w("pPr"), w("rPr"), w("delText"), w("instrText"), w("del"), w("moveFrom"),
     f"{{{MC_NS}}}Fallback", _TXBX, w("footnoteReference"), w("endnoteReference"),
     w("commentReference")}
)  # fmt: skip
_NO_BREAK_HYPHEN, _SOFT_HYPHEN, _SYM = w("noBreakHyphen"), w("softHyphen"), w("sym")
_R = w("r")


class RunFormat(NamedTuple):
    """Direct formatting of a stretch of text (what hand edits usually change)."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False


@dataclass
class DocParagraph:
    """One paragraph as the reader sees it."""

    index: int  # 1-based position in reading order (the contract's "line")
    text: str
    style: str | None  # paragraph style id, e.g. "Heading1", "BodyText"
    location: str  # body | table | textbox | header | footer
    part: str  # the package part, e.g. "word/document.xml"
    num_id: str | None = None  # Word auto-numbering (w:numPr, direct or from the style)
    num_level: int | None = None
    label: str | None = None  # the label Word draws for an auto-numbered paragraph
    runs: list[tuple[str, RunFormat]] = field(default_factory=list, repr=False)
    element: etree._Element | None = field(default=None, repr=False, compare=False)


def paragraph_text(p: etree._Element) -> str:
    """The visible text of ``<w:p>``: runs, tabs, breaks; not deleted text,
    field codes, or the paragraphs of text boxes anchored inside it."""
    return "".join(piece.text for piece in text_pieces(p))


def paragraph_runs(p: etree._Element) -> list[tuple[str, RunFormat]]:
    """Text with its direct run formatting, adjacent equal formats merged."""
    merged: list[tuple[str, RunFormat]] = []
    for text, fmt, _element in text_pieces(p):
        if merged and merged[-1][1] == fmt:
            merged[-1] = (merged[-1][0] + text, fmt)
        elif text:
            merged.append((text, fmt))
    return merged


class TextPiece(NamedTuple):
    """A stretch of visible text and the element that draws it (``w:t``,
    ``w:tab``, ``w:br`` …), so writers can edit a paragraph in place."""

    text: str
    fmt: RunFormat
    element: etree._Element


def text_pieces(p: etree._Element) -> Iterator[TextPiece]:
    """The visible text of ``p`` piece by piece, in order (see ``paragraph_text``)."""
    return _text_pieces(p, RunFormat())


def _on(element: etree._Element | None) -> bool:
    if element is None:
        return False
    value = element.get(w("val"))
    return value not in ("0", "false", "none", "off")


def _run_format(run: etree._Element) -> RunFormat:
    rpr = run.find(w("rPr"))
    if rpr is None:
        return RunFormat()
    return RunFormat(
        bold=_on(rpr.find(w("b"))),
        italic=_on(rpr.find(w("i"))),
        underline=_on(rpr.find(w("u"))),
        strike=_on(rpr.find(w("strike"))) or _on(rpr.find(w("dstrike"))),
    )


def _text_pieces(element: etree._Element, fmt: RunFormat) -> Iterator[TextPiece]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP_SUBTREES:
            continue
        if tag == _T:
            yield TextPiece(child.text or "", fmt, child)
        elif tag == _TAB:
            yield TextPiece("\t", fmt, child)
        elif tag in (_BR, _CR):
            yield TextPiece("\n", fmt, child)
        elif tag == _NO_BREAK_HYPHEN:
            yield TextPiece("-", fmt, child)
        elif tag == _SOFT_HYPHEN:
            continue
        elif tag == _SYM:
            char = child.get(w("char"))
            if char and all(c in "0123456789abcdefABCDEF" for c in char):
                yield TextPiece(chr(int(char, 16) % 0x110000), fmt, child)
        elif tag == _R:
            yield from _text_pieces(child, _run_format(child))
        else:
            yield from _text_pieces(child, fmt)


def _textbox_bodies(p: etree._Element) -> Iterator[etree._Element]:
    """``w:txbxContent`` anchored in ``p``, skipping VML fallbacks and nesting."""
    if next(p.iter(_TXBX), None) is None:  # the common case, found in C
        return
    stack = list(p)
    while stack:
        node = stack.pop(0)
        if not isinstance(node.tag, str) or node.tag == f"{{{MC_NS}}}Fallback":
            continue
        if node.tag == _TXBX:
            yield node
            continue
        stack[0:0] = list(node)


@dataclass
class DocTable:
    """A table in the block tree: its rows, each a list of cells, each a list of blocks."""

    element: etree._Element = field(repr=False)
    rows: list[list[list[Block]]]
    row_elements: list[etree._Element] = field(default_factory=list, repr=False, compare=False)


Block = DocParagraph | DocTable


class _Collector:
    def __init__(self, part: str, location: str, out: list[DocParagraph]) -> None:
        self.part = part
        self.location = location
        self.out = out

    def block(self, container: etree._Element, location: str) -> list[Block]:
        blocks: list[Block] = []
        for child in container:
            tag = child.tag
            if tag == _P:
                blocks.append(self.paragraph(child, location))
            elif tag == _TBL:
                blocks.append(self.table(child))
            elif tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
                content = child.find(_SDT_CONTENT) if tag == _SDT else child
                if content is not None:
                    blocks.extend(self.block(content, location))
        return blocks

    def table(self, table: etree._Element) -> DocTable:
        location = "table" if self.location == "body" else self.location
        row_elements = list(_children(table, _TR))
        rows = [[self.block(cell, location) for cell in row_cells(row)] for row in row_elements]
        return DocTable(table, rows, row_elements)

    def paragraph(self, p: etree._Element, location: str) -> DocParagraph:
        ppr = p.find(w("pPr"))
        style = num_id = level = None
        if ppr is not None:
            style_el = ppr.find(w("pStyle"))
            style = style_el.get(w("val")) if style_el is not None else None
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                num_el, lvl_el = numpr.find(w("numId")), numpr.find(w("ilvl"))
                num_id = num_el.get(w("val")) if num_el is not None else None
                level = int(lvl_el.get(w("val"), "0")) if lvl_el is not None else 0
        runs = paragraph_runs(p)
        text = "".join(piece for piece, _ in runs)
        paragraph = DocParagraph(
            index=len(self.out) + 1,
            text=text,
            style=style,
            location=location,
            part=self.part,
            num_id=num_id,
            num_level=level,
            runs=runs,
            element=p,
        )
        self.out.append(paragraph)
        for box in _textbox_bodies(p):
            self.block(box, "textbox")
        return paragraph


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children with ``tag``, looking through content controls."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                yield from _children(content, tag)


def row_cells(row: etree._Element) -> list[etree._Element]:
    """The cells (``w:tc``) of a table row, looking through content controls."""
    return list(_children(row, _TC))


def body_paragraphs(body: etree._Element, part: str = "word/document.xml") -> list[DocParagraph]:
    """Paragraphs of a ``w:body`` (or any block container) in reading order."""
    out: list[DocParagraph] = []
    _Collector(part, "body", out).block(body, "body")
    return out


def block_tree(
    container: etree._Element, part: str = "word/document.xml"
) -> tuple[list[Block], list[DocParagraph]]:
    """The blocks of a ``w:body`` (or a cell) as a tree of paragraphs and tables,
    and the same paragraphs flat in reading order (text-box paragraphs only in
    the flat list: they move with the paragraph that anchors them)."""
    out: list[DocParagraph] = []
    blocks = _Collector(part, "body", out).block(container, "body")
    return blocks, out


def _section_properties(body: etree._Element) -> list[etree._Element]:
    found = [ppr.find(w("sectPr")) for ppr in body.iter(w("pPr"))]
    sections = [s for s in found if s is not None]
    final = body.find(w("sectPr"))
    if final is not None:
        sections.append(final)
    return sections


def _part_of_type(package: DocxPackage, rels: dict[str, tuple[str, str]], kind: str
                  ) -> etree._Element | None:  # fmt: skip
    for rel_type, target in rels.values():
        if rel_type.endswith("/" + kind) and package.has(target):
            return package.xml(target)
    return None


def _number_paragraphs(
    paragraphs: list[DocParagraph], package: DocxPackage, rels: dict[str, tuple[str, str]]
) -> None:
    """Give auto-numbered body paragraphs the label Word draws for them."""
    from drafter.docx_io.autonumber import Counter, NumberingDefinitions

    numbering = _part_of_type(package, rels, "numbering")
    styles = _part_of_type(package, rels, "styles")
    if numbering is None:
        return
    counter = Counter(NumberingDefinitions(numbering, styles))
    for paragraph in paragraphs:
        num_id, level = counter.resolve(paragraph.style, paragraph.num_id, paragraph.num_level)
        if num_id is None:
            continue
        paragraph.num_id, paragraph.num_level = num_id, level
        paragraph.label = counter.label(num_id, level)


def read_paragraphs(path: Path | str, data: bytes | None = None) -> list[DocParagraph]:
    """Every paragraph of the Word file at ``path`` in reading order."""
    with DocxPackage(path, data) as package:
        main = package.main_part
        root = package.xml(main)
        body = root.find(w("body"))
        if body is None:
            return []
        out = body_paragraphs(body, main)
        rels = package.relationships(main)
        _number_paragraphs(out, package, rels)
        sections = _section_properties(body)
        seen: set[str] = set()
        for reference_kind, location in (
            ("headerReference", "header"),
            ("footerReference", "footer"),
        ):
            for sect in sections:
                refs = {
                    ref.get(w("type"), "default"): ref.get(f"{{{R_NS}}}id")
                    for ref in sect.findall(w(reference_kind))
                }
                for kind in _HEADER_TYPES:
                    rel = rels.get(refs.get(kind) or "")
                    if rel is None or rel[1] in seen or not package.has(rel[1]):
                        continue
                    seen.add(rel[1])
                    _Collector(rel[1], location, out).block(package.xml(rel[1]), location)
        return out
