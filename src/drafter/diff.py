"""What changed between two drafts: outlines or Word files, in any combination.

Each side becomes the paragraphs a reader of the Word file sees, in reading
order (an outline is rendered in memory first), each with the section it sits
in and, where known, its outline path (an appendix after the signature is a
group of its own, named by its heading, "PHỤ LỤC"). The two lists are aligned
(``align``); paragraphs whose text differs only by their numbering label count
as renumbered, not changed, and so does a label standing alone (the TT cell of
a task table, paired by its row). Changes carry word-level edit scripts, which
the reports show and the redline (``redline.py``) turns into tracked changes.

The JSON shape (``to_json``) is a contract; see docs/architecture.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from drafter.align import OPAQUE, align, word_ops
from drafter.docx_io.reader import DocParagraph
from drafter.errors import InputError
from drafter.i18n import _
from drafter.numbering import parse_label, split_label

OUTLINE_SUFFIXES = (".yaml", ".yml")
SECTION_SEPARATOR = " › "
_ORDINAL = re.compile(r"\d{1,3}")  # a bare number: the TT (ordinal) cell of a table row
_APPENDIX_HEADING = re.compile(r"^PHỤ\s+LỤC\b")  # "PHỤ LỤC", "PHỤ LỤC 2" start an appendix


class Paragraph(NamedTuple):
    """One paragraph of a side."""

    number: int  # 1-based, reading order (the contract's "line" for .docx)
    text: str
    path: str  # outline path, "" if unknown
    section: str  # headings it sits under, "II. … › 1. …"
    heading: int  # its own heading level (0: not a heading)
    element: Any = None  # the w:p element in the side's document
    line: int | None = None  # for outlines: the line of the YAML file


class Side(NamedTuple):
    path: Path
    paragraphs: list[Paragraph]
    document: Any  # python-docx Document (the built one for an outline)
    is_outline: bool


class WordChange(NamedTuple):
    op: str  # equal | delete | insert
    text: str


class Change(NamedTuple):
    kind: str  # added | removed | changed | renumbered
    section: str
    old: Paragraph | None
    new: Paragraph | None
    words: list[WordChange]
    after: Paragraph | None = None  # the new side's paragraph just before this change


class DiffResult(NamedTuple):
    old: Side
    new: Side
    changes: list[Change]
    unchanged: int

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind)


# --------------------------------------------------------------------------- sides


def _heading_level(paragraph: DocParagraph, path: str) -> int:
    if path.endswith(".heading"):
        return path.count("sections")
    style = (paragraph.style or "").lower()
    if style.startswith("heading") and style[-1:].isdigit():
        return int(style[-1])
    return 0


def _appendix_start(items: list[tuple[DocParagraph, str, str, int | None]]) -> int:
    """Index of the first paragraph of the appendices (what follows Nơi nhận and
    the signature: a task table, a copy), as ``drafter check`` sees the parts
    of a document (``sources.layout``); ``len(items)`` when there is none."""
    from drafter.sources import view
    from drafter.sources.labels import read_label
    from drafter.sources.layout import RawParagraph, assign_roles

    kept, raws = [], []
    for index, (paragraph, text, _path, _line) in enumerate(items):
        if not text.strip():
            continue
        parsed = read_label(text)
        kept.append(index)
        raws.append(
            RawParagraph(
                text[parsed.end :] if parsed else text,
                paragraph.location,
                paragraph.style,
                parsed is not None,
                parsed.kind if parsed else None,
            )
        )
    roles = assign_roles(raws)
    return next(
        (kept[n] for n, (role, _field) in enumerate(roles) if role == view.APPENDIX), len(items)
    )


def _with_sections(
    items: list[tuple[DocParagraph, str, str, int | None]],
) -> list[Paragraph]:
    """Number the paragraphs and give each the heading chain above it; the
    paragraphs of an appendix are grouped under the appendix's own heading
    ("PHỤ LỤC"), not under the last heading of the body."""
    chain: list[str] = []
    out = []
    appendix, appendix_heading = _appendix_start(items), ""
    for number, (paragraph, text, path, line) in enumerate(items, start=1):
        if number > appendix:
            stripped = text.strip()
            if stripped and (not appendix_heading or _APPENDIX_HEADING.match(stripped)):
                appendix_heading = stripped
            out.append(Paragraph(number, text, path, appendix_heading, 0, paragraph.element, line))
            continue
        level = _heading_level(paragraph, path)
        if level:
            chain = [*chain[: level - 1], text.strip()]
            section = SECTION_SEPARATOR.join(chain[:-1])
        else:
            section = SECTION_SEPARATOR.join(chain)
        out.append(Paragraph(number, text, path, section, level, paragraph.element, line))
    return out


def load_side(path: Path | str) -> Side:
    """One side of a diff: an outline (rendered in memory) or a Word file."""
    path = Path(path)
    if path.suffix.lower() in OUTLINE_SUFFIXES:
        from drafter.document import load_document
        from drafter.docx_io.snapshot import flatten
        from drafter.generate import generate, outline_line

        document = load_document(path)
        loaded = document.loaded
        generated = generate(document)
        units = flatten(generated.units)
        items = [
            (p, p.text, unit.path, outline_line(loaded, unit.path))
            for p, unit in zip(generated.paragraphs, units, strict=False)
            if p.location != "textbox"
        ]
        return Side(path, _with_sections(items), generated.document.docx, True)
    if path.suffix.lower() != ".docx":
        raise InputError(
            _("{path}: diff compares outlines (.yaml) and Word files (.docx)").format(path=path)
        )
    from drafter.docx_io.package import DocxPackage
    from drafter.docx_io.reader import block_tree, read_paragraphs
    from drafter.docx_io.snapshot import read_snapshot
    from drafter.importer import generated_origins
    from drafter.regenerate import open_document

    with DocxPackage(path) as package:
        snapshot = read_snapshot(package)
        main = package.main_part
    read = [p for p in read_paragraphs(path) if p.part == main]
    document = open_document(path)
    _blocks, flat = block_tree(document.element.body)  # type: ignore[attr-defined]
    origins = generated_origins(read, snapshot.units) if snapshot else {}
    items = []
    for index, (paragraph, live) in enumerate(zip(read, flat, strict=False)):
        text = f"{paragraph.label} {paragraph.text}" if paragraph.label else paragraph.text
        origin = origins.get(index)
        items.append((live, text, origin.path if origin else "", None))
    return Side(path, _with_sections(items), document, False)


# --------------------------------------------------------------------------- comparing


def word_changes(old: str, new: str) -> list[WordChange]:
    out: list[WordChange] = []
    for op in word_ops(old, new):
        if op.tag == "equal":
            out.append(WordChange("equal", old[op.a0 : op.a1]))
            continue
        if op.a1 > op.a0:
            out.append(WordChange("delete", old[op.a0 : op.a1]))
        if op.b1 > op.b0:
            out.append(WordChange("insert", new[op.b0 : op.b1]))
    return out


def _row_of(element: Any) -> tuple[Any, Any] | None:
    """``(cell, row)`` of the table row holding the paragraph ``element``, if any."""
    from drafter.docx_io.package import w

    cell, row = element, element.getparent() if element is not None else None
    while row is not None and row.tag != w("tr"):
        cell, row = row, row.getparent()
    return (cell, row) if row is not None else None


def _label_only(paragraph: Paragraph) -> bool:
    """A paragraph that is nothing but a numbering label: "1." standing alone over
    its sub-items, or the bare number in the first cell of a table row (the TT,
    ordinal, column of a task table)."""
    from drafter.docx_io.package import w

    stripped = paragraph.text.strip()
    parsed = parse_label(stripped + " ")
    if parsed is not None and parsed.kind != "bullet" and parsed.end >= len(stripped):
        return True
    if not _ORDINAL.fullmatch(stripped):
        return False
    found = _row_of(paragraph.element)
    return found is not None and found[0] is next(found[1].iterchildren(w("tc")), None)


def _key(paragraph: Paragraph) -> str:
    """What identifies a paragraph across drafts: its text without its label. A
    label standing alone is identified by the other cells of its table row, so a
    TT cell pairs with the TT cell of its own task (outside tables, with any
    other lone label), never with a paragraph of text."""
    if not _label_only(paragraph):
        return split_label(paragraph.text)[1]
    from drafter.docx_io.package import w
    from drafter.docx_io.reader import paragraph_text

    found = _row_of(paragraph.element)
    if found is None:
        return f"{OPAQUE}label"
    cell, row = found
    others = [
        paragraph_text(p) for p in row.iter(w("p"))
        if not any(ancestor is cell for ancestor in p.iterancestors())
    ]  # fmt: skip
    return f"{OPAQUE}label:" + " | ".join(others)


def compare(old: Side, new: Side) -> DiffResult:
    """The changes from ``old`` to ``new`` (empty paragraphs are not compared)."""
    old_items = [p for p in old.paragraphs if p.text.strip()]
    new_items = [p for p in new.paragraphs if p.text.strip()]
    pairs = align(
        [_key(p) for p in old_items],
        [_key(p) for p in new_items],
        [p.path for p in old_items],
        [p.path for p in new_items],
    )
    changes: list[Change] = []
    unchanged, last = 0, None
    for pair in pairs:
        a = old_items[pair.a] if pair.a is not None else None
        b = new_items[pair.b] if pair.b is not None else None
        if a is not None and b is not None:
            if a.text == b.text:
                unchanged += 1
            else:
                only_labels = _label_only(a) and _label_only(b)
                kind = "renumbered" if pair.same or only_labels else "changed"
                changes.append(Change(kind, b.section, a, b, word_changes(a.text, b.text), last))
        elif b is not None:
            changes.append(
                Change("added", b.section, None, b, [WordChange("insert", b.text)], last)
            )
        elif a is not None:
            section = last.section if last is not None else a.section
            changes.append(
                Change("removed", section, a, None, [WordChange("delete", a.text)], last)
            )
        last = b or last
    return DiffResult(old, new, changes, unchanged)


def diff(old: Path | str, new: Path | str) -> DiffResult:
    """Compare two drafts (outlines or Word files)."""
    return compare(load_side(old), load_side(new))


def to_json(result: DiffResult) -> dict[str, Any]:
    """The machine-readable diff (a contract: keys may be added, never removed)."""

    def side(paragraph: Paragraph | None) -> dict[str, Any] | None:
        if paragraph is None:
            return None
        return {"paragraph": paragraph.number, "line": paragraph.line, "text": paragraph.text}

    return {
        "old": str(result.old.path),
        "new": str(result.new.path),
        "summary": {
            "changed": result.count("changed"),
            "added": result.count("added"),
            "removed": result.count("removed"),
            "renumbered": result.count("renumbered"),
            "unchanged": result.unchanged,
        },
        "changes": [
            {
                "kind": change.kind,
                "section": change.section,
                "path": (change.new or change.old).path or None,  # type: ignore[union-attr]
                "old": side(change.old),
                "new": side(change.new),
                "words": [{"op": w.op, "text": w.text} for w in change.words],
            }
            for change in result.changes
        ],
    }
