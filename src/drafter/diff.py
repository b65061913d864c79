"""What changed between two drafts: outlines or Word files, in any combination.

Each side becomes the paragraphs a reader of the Word file sees, in reading
order (an outline is rendered in memory first), each with the section it sits
in and, where known, its outline path. The two lists are aligned (``align``);
paragraphs whose text differs only by their numbering label count as
renumbered, not changed. Changes carry word-level edit scripts, which the
reports show and the redline (``redline.py``) turns into tracked changes.

The JSON shape (``to_json``) is a contract; see docs/architecture.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from drafter.align import align, word_ops
from drafter.docx_io.reader import DocParagraph
from drafter.errors import InputError
from drafter.i18n import _
from drafter.numbering import split_label

OUTLINE_SUFFIXES = (".yaml", ".yml")
SECTION_SEPARATOR = " › "


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


def _with_sections(
    items: list[tuple[DocParagraph, str, str, int | None]],
) -> list[Paragraph]:
    """Number the paragraphs and give each the heading chain above it."""
    chain: list[str] = []
    out = []
    for number, (paragraph, text, path, line) in enumerate(items, start=1):
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


def compare(old: Side, new: Side) -> DiffResult:
    """The changes from ``old`` to ``new`` (empty paragraphs are not compared)."""
    old_items = [p for p in old.paragraphs if p.text.strip()]
    new_items = [p for p in new.paragraphs if p.text.strip()]
    pairs = align(
        [split_label(p.text)[1] for p in old_items],
        [split_label(p.text)[1] for p in new_items],
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
                kind = "renumbered" if pair.same else "changed"
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
