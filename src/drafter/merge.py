"""Three-way merge of a regenerated document into the Word file people edited.

* base   = what drafter generated last time (the snapshot stored in the file);
* theirs = the Word file as it is now (edited by reviewers);
* ours   = what the outline generates now.

The merge works on the edited file's XML: paragraphs nobody changed stay the
very same elements (hand formatting kept); a paragraph the outline changed is
rewritten word by word (``docx_io.writer.set_text``), so formatting of the words
it keeps survives too. Per paragraph:

* changed on one side only -> that change;
* changed on both sides the same way -> that change;
* changed differently on both sides -> a conflict: reported, and (unless a side
  is preferred) the Word file's text stays with a Word comment holding the
  outline's version; the base of that paragraph is kept so the next build
  reports it again until it is resolved;
* added by hand -> stays after the paragraph it followed, wherever the outline
  moves that paragraph; deleted by hand -> stays deleted unless the outline
  changed it (a conflict);
* moved in the outline -> moved, with any hand edits.

Tables (the header block, the signature block) are merged cell by cell.
Numbering labels of the body are recomputed at the end so they stay unbroken.
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any, NamedTuple

from lxml import etree

from drafter.align import OPAQUE, Pair, align
from drafter.docx_io.reader import Block, DocParagraph, DocTable, block_tree, paragraph_text
from drafter.docx_io.snapshot import SnapParagraph, SnapTable, Unit
from drafter.docx_io.writer import replace_range, set_text
from drafter.i18n import _
from drafter.numbering import NumberingStyle, format_label, label_depth, parse_label, split_label

PREFER_OUTLINE, PREFER_DOCUMENT = "outline", "document"
TABLE_KEY = OPAQUE + "table"
COMMENT_AUTHOR = "drafter"
COMMENT_INITIALS = "DRF"


class Conflict(NamedTuple):
    """One paragraph both sides changed differently."""

    path: str  # outline path of the paragraph ("" if none)
    document: str  # its text in the Word file ("" when deleted there)
    outline: str  # its text as the outline generates it now ("" when deleted there)
    resolution: str = ""  # "outline", "document" or "" (left for a person)
    paragraph: int = 0  # 1-based number of the paragraph in the merged file
    line: int | None = None  # the line of the outline file that holds it


class MergeResult(NamedTuple):
    conflicts: list[Conflict]
    counts: Counter[str]  # outline, document, both, added, deleted, moved
    units: list[Unit]  # the new base (snapshot) for the next round


def _key(unit: Unit | Block) -> str:
    if isinstance(unit, SnapTable | DocTable):
        return TABLE_KEY
    return split_label(unit.text)[1]


def _path(unit: Unit) -> str:
    return unit.path if isinstance(unit, SnapParagraph) else ""


class _Slot(NamedTuple):
    """A merged body paragraph and what the renumbering needs to know about it."""

    element: etree._Element
    level: int  # depth in the section tree (0: not numbered)


class _Merger:
    def __init__(self, prefer: str | None, style: NumberingStyle) -> None:
        self.prefer = prefer
        self.style = style
        self.conflicts: list[tuple[Conflict, etree._Element | None]] = []
        self.counts: Counter[str] = Counter()

    # ------------------------------------------------------------------ containers

    def container(
        self,
        base: list[Unit],
        theirs: list[Block],
        ours: list[Block],
        ours_units: list[Unit],
        parent: etree._Element,
        before: etree._Element | None = None,
    ) -> tuple[list[_Slot], list[Unit]]:
        """Merge one container (the body or a table cell) in place; returns the
        merged paragraphs in order and the new base units of this container."""
        base_keys = [_key(u) for u in base]
        theirs_pairs = align(base_keys, [_key(b) for b in theirs])
        to_theirs, inserted_theirs = _index(theirs_pairs), _anchored(theirs_pairs)
        to_ours = _index(
            align(base_keys, [_key(u) for u in ours_units], [_path(u) for u in base],
                  [_path(u) for u in ours_units])
        )  # fmt: skip
        ours_base = {k: b for b, (k, _same) in to_ours.items() if k is not None}
        self._detect_moves(base, ours_units, to_ours, ours_base)

        final: list[_Slot] = []
        new_units: list[Unit] = []
        used_theirs: set[int] = set()

        def emit_insertions(anchor: int) -> None:
            for j in inserted_theirs.get(anchor, []):
                if j in used_theirs:
                    continue
                used_theirs.add(j)
                self.counts["added"] += 1
                final.append(_Slot(theirs[j].element, self._inferred_level(theirs[j])))

        emit_insertions(-1)
        for kind, index in _events(base, ours_units, to_ours, ours_base):
            if kind == "ours":
                b = ours_base.get(index)
                if b is None:
                    element = self._new_from_ours(ours[index], theirs, inserted_theirs, used_theirs)
                    self.counts["outline"] += 1
                    final.append(_Slot(element, _level(ours_units[index])))
                    new_units.append(ours_units[index])
                    continue
                slot, unit = self._matched(
                    base[b], to_theirs.get(b), theirs, ours[index], ours_units[index]
                )
                if slot is not None:
                    final.append(slot)
                new_units.append(unit)
                emit_insertions(b)
            else:  # a base paragraph the outline no longer generates
                slot, unit = self._deleted_in_ours(base[index], to_theirs.get(index), theirs)
                if slot is not None:
                    final.append(slot)
                if unit is not None:
                    new_units.append(unit)
                emit_insertions(index)
        matched = {j for j, _same in to_theirs.values() if j is not None}
        for j in range(len(theirs)):  # a safety net: every paragraph of theirs is placed
            if j not in used_theirs and j not in matched:
                final.append(_Slot(theirs[j].element, self._inferred_level(theirs[j])))
        _place(parent, [b.element for b in theirs], [s.element for s in final], before)
        return final, new_units

    @staticmethod
    def _detect_moves(
        base: list[Unit], ours_units: list[Unit], to_ours: dict, ours_base: dict
    ) -> None:
        """A base paragraph deleted from ours and an identical one inserted is a move."""
        deleted: dict[str, list[int]] = {}
        for b, (k, _same) in to_ours.items():
            if k is None and isinstance(base[b], SnapParagraph) and _key(base[b]).strip():
                deleted.setdefault(_key(base[b]), []).append(b)
        for k, unit in enumerate(ours_units):
            if k in ours_base or not isinstance(unit, SnapParagraph):
                continue
            candidates = deleted.get(_key(unit))
            if candidates:
                b = candidates.pop(0)
                to_ours[b] = (k, True)
                ours_base[k] = b

    def _new_from_ours(
        self,
        block: Block,
        theirs: list[Block],
        inserted: dict[int, list[int]],
        used: set[int],
    ) -> etree._Element:
        """A paragraph new in the outline; if someone typed the same one by hand, theirs."""
        key = _key(block)
        for js in inserted.values():
            for j in js:
                if j not in used and key.strip() and _key(theirs[j]) == key:
                    used.add(j)
                    return theirs[j].element
        return copy.deepcopy(block.element)

    # ------------------------------------------------------------------ one unit

    def _matched(
        self,
        base: Unit,
        theirs_at: tuple[int | None, bool] | None,
        theirs: list[Block],
        ours_block: Block,
        ours_unit: Unit,
    ) -> tuple[_Slot | None, Unit]:
        j = theirs_at[0] if theirs_at else None
        if isinstance(base, SnapTable) or isinstance(ours_unit, SnapTable):
            return self._table(base, None if j is None else theirs[j], ours_block, ours_unit)
        assert isinstance(base, SnapParagraph) and isinstance(ours_unit, SnapParagraph)
        level = _level(ours_unit)
        ours_changed = split_label(ours_unit.text)[1] != split_label(base.text)[1]
        theirs_block = theirs[j] if j is not None else None
        if not isinstance(theirs_block, DocParagraph) or theirs_block.element is None:
            if not ours_changed:
                self.counts["deleted"] += 1
                return None, ours_unit
            return self._conflict_deleted_in_theirs(base, ours_block, ours_unit)
        element = theirs_block.element
        theirs_text = split_label(theirs_block.text)[1]
        theirs_changed = theirs_text != split_label(base.text)[1]
        ours_text = split_label(ours_unit.text)[1]
        if ours_changed and theirs_changed and theirs_text != ours_text:
            return self._conflict_both(base, theirs_block, ours_unit)
        if ours_changed and not theirs_changed:
            self.counts["outline"] += 1
            _set_body(element, ours_text)
            _restyle(element, base.style, ours_unit.style, theirs_block.style)
        elif theirs_changed:
            self.counts["both" if ours_changed else "document"] += 1
        if bool(base.label) != bool(ours_unit.label):  # an item became a heading, or back
            _set_label(element, bool(base.label), ours_unit.label)
            _restyle(element, base.style, ours_unit.style, theirs_block.style)
        return _Slot(element, level), ours_unit

    def _conflict_both(
        self, base: SnapParagraph, theirs_block: DocParagraph, ours_unit: SnapParagraph
    ) -> tuple[_Slot, Unit]:
        element = theirs_block.element
        assert element is not None
        conflict = Conflict(ours_unit.path or base.path, theirs_block.text, ours_unit.text)
        if self.prefer == PREFER_OUTLINE:
            _set_body(element, split_label(ours_unit.text)[1])
            self.conflicts.append((conflict._replace(resolution=PREFER_OUTLINE), element))
            return _Slot(element, _level(ours_unit)), ours_unit
        if self.prefer == PREFER_DOCUMENT:
            self.conflicts.append((conflict._replace(resolution=PREFER_DOCUMENT), element))
            return _Slot(element, _level(ours_unit)), ours_unit
        self.conflicts.append((conflict, element))
        # keep the old base so the next build reports this paragraph again
        return _Slot(element, _level(ours_unit)), base._replace(path=ours_unit.path)

    def _conflict_deleted_in_theirs(
        self, base: SnapParagraph, ours_block: Block, ours_unit: SnapParagraph
    ) -> tuple[_Slot | None, Unit]:
        conflict = Conflict(ours_unit.path or base.path, "", ours_unit.text)
        if self.prefer == PREFER_DOCUMENT:
            self.conflicts.append((conflict._replace(resolution=PREFER_DOCUMENT), None))
            return None, ours_unit
        element = copy.deepcopy(ours_block.element)
        resolution = PREFER_OUTLINE if self.prefer == PREFER_OUTLINE else ""
        self.conflicts.append((conflict._replace(resolution=resolution), element))
        return _Slot(element, _level(ours_unit)), ours_unit

    def _deleted_in_ours(
        self, base: Unit, theirs_at: tuple[int | None, bool] | None, theirs: list[Block]
    ) -> tuple[_Slot | None, Unit | None]:
        j = theirs_at[0] if theirs_at else None
        if j is None or theirs_at is None:
            return None, None
        block = theirs[j]
        if isinstance(block, DocTable) or isinstance(base, SnapTable) or theirs_at[1]:
            self.counts["outline"] += 1
            return None, None  # unchanged in Word: the outline's deletion wins
        conflict = Conflict(base.path, block.text, "")
        if self.prefer == PREFER_OUTLINE:
            self.conflicts.append((conflict._replace(resolution=PREFER_OUTLINE), None))
            return None, None
        if self.prefer == PREFER_DOCUMENT:
            self.conflicts.append((conflict._replace(resolution=PREFER_DOCUMENT), block.element))
            return _Slot(block.element, _level(base)), None
        self.conflicts.append((conflict, block.element))
        return _Slot(block.element, _level(base)), base

    def _table(
        self, base: Unit, theirs: Block | None, ours_block: Block, ours_unit: Unit
    ) -> tuple[_Slot | None, Unit]:
        if theirs is None:
            self.counts["deleted"] += 1
            return None, ours_unit
        if not (
            isinstance(base, SnapTable)
            and isinstance(theirs, DocTable)
            and isinstance(ours_block, DocTable)
            and isinstance(ours_unit, SnapTable)
            and _shape(base.rows) == _shape(theirs.rows) == _shape(ours_unit.rows)
        ):
            return _Slot(theirs.element, 0), ours_unit  # reshaped by hand: the table stays
        new_rows = []
        for r, row in enumerate(ours_unit.rows):
            new_cells = []
            for c, ours_cell_units in enumerate(row):
                theirs_cell = theirs.rows[r][c]
                if not theirs_cell or theirs_cell[0].element is None:
                    new_cells.append(ours_cell_units)
                    continue
                parent = theirs_cell[0].element.getparent()
                _slots, units = self.container(
                    list(base.rows[r][c]),
                    theirs_cell,
                    ours_block.rows[r][c],
                    list(ours_cell_units),
                    parent,
                )
                if not any(child.tag == theirs_cell[0].element.tag for child in parent):
                    parent.append(etree.Element(theirs_cell[0].element.tag))
                new_cells.append(tuple(units))
            new_rows.append(tuple(new_cells))
        return _Slot(theirs.element, 0), SnapTable(tuple(new_rows))

    def _inferred_level(self, block: Block) -> int:
        if not isinstance(block, DocParagraph):
            return 0
        parsed = parse_label(block.text)
        if parsed is None or parsed.kind == "bullet":
            return 0
        return label_depth(parsed, self.style)


def _level(unit: Unit) -> int:
    return unit.level if isinstance(unit, SnapParagraph) and unit.label else 0


def _shape(rows: Any) -> tuple[int, ...]:
    return tuple(len(row) for row in rows)


def _index(pairs: list[Pair]) -> dict[int, tuple[int | None, bool]]:
    """base index -> (other index or None, identical)."""
    return {pair.a: (pair.b, pair.same) for pair in pairs if pair.a is not None}


def _anchored(pairs: list[Pair]) -> dict[int, list[int]]:
    """Insertions on the other side, keyed by the base index they follow (-1: the start)."""
    out: dict[int, list[int]] = {}
    anchor = -1
    for pair in pairs:
        if pair.a is not None:
            anchor = pair.a
        elif pair.b is not None:
            out.setdefault(anchor, []).append(pair.b)
    return out


def _events(
    base: list[Unit], ours_units: list[Unit], to_ours: dict, ours_base: dict
) -> list[tuple[str, int]]:
    """Ours in order, with base units ours dropped placed after their base predecessor."""
    keyed: list[tuple[tuple[int, int, int], str, int]] = [
        ((k, 0, 0), "ours", k) for k in range(len(ours_units))
    ]
    previous = -1
    for b in range(len(base)):
        k = to_ours.get(b, (None, False))[0]
        if k is None:
            keyed.append(((previous, 1, b), "base", b))
        else:
            previous = k
    keyed.sort(key=lambda item: item[0])
    return [(kind, index) for _key_, kind, index in keyed]


def _place(
    parent: etree._Element,
    original: list[etree._Element | None],
    final: list[etree._Element],
    before: etree._Element | None,
) -> None:
    """Rearrange ``parent``'s blocks into ``final`` order, removing the others."""
    present = [e for e in original if e is not None]
    marker = etree.Element("{urn:drafter}marker")
    if present:
        present[0].addprevious(marker)
    elif before is not None:
        before.addprevious(marker)
    else:
        parent.append(marker)
    keep = {id(e) for e in final}
    for element in present:
        if id(element) not in keep and element.getparent() is not None:
            element.getparent().remove(element)
    previous = marker
    for element in final:
        if element.getprevious() is not previous:
            previous.addnext(element)
        previous = element
    marker.getparent().remove(marker)


def _set_body(element: etree._Element, body: str) -> None:
    """Rewrite the text after the label (the label is renumbered later)."""
    current = paragraph_text(element)
    _label, old_body = split_label(current)
    set_text(element, current[: len(current) - len(old_body)] + body)


def _set_label(element: etree._Element, had_label: bool, label: str) -> None:
    """Put ``label`` in front of the paragraph's text, or take its label away."""
    current = paragraph_text(element)
    body = split_label(current)[1] if had_label else current
    set_text(element, f"{label} {body}" if label else body)


def _restyle(element: etree._Element, base: str, ours: str, theirs: str | None) -> None:
    from drafter.docx_io.package import w

    if ours == base or (theirs or "") != base or not ours:
        return
    ppr = element.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        element.insert(0, ppr)
    style = ppr.find(w("pStyle"))
    if style is None:
        style = etree.Element(w("pStyle"))
        ppr.insert(0, style)
    style.set(w("val"), ours)


def renumber(slots: list[_Slot], style: NumberingStyle) -> int:
    """Recompute the labels of the body's numbered paragraphs; returns how many changed."""
    counters: list[int] = []
    changed = 0
    for slot in slots:
        if slot.level <= 0:
            continue
        text = paragraph_text(slot.element)
        parsed = parse_label(text)
        if parsed is None or parsed.kind == "bullet":
            continue
        counters = counters[: slot.level] + [0] * (slot.level - len(counters))
        counters[slot.level - 1] += 1
        label = format_label(tuple(max(c, 1) for c in counters), style)
        if label != parsed.text:
            replace_range(slot.element, 0, len(parsed.text), label)
            changed += 1
    return changed


def merge_document(
    document: Any,
    base: list[Unit],
    ours_blocks: list[Block],
    ours_units: list[Unit],
    style: NumberingStyle,
    prefer: str | None = None,
) -> MergeResult:
    """Merge ``ours`` into the python-docx ``document`` (theirs) in place."""
    from drafter.docx_io.package import w

    body = document.element.body
    theirs_blocks, _flat = block_tree(body)
    merger = _Merger(prefer, style)
    final, units = merger.container(
        base, theirs_blocks, ours_blocks, ours_units, body, body.find(w("sectPr"))
    )
    merger.counts["renumbered"] = renumber(final, style)
    _blocks, flat = block_tree(body)
    numbers = {id(p.element): p.index for p in flat}
    conflicts = []
    for conflict, element in merger.conflicts:
        number = numbers.get(id(element), 0) if element is not None else 0
        conflict = conflict._replace(paragraph=number)
        conflicts.append(conflict)
        if element is not None and not conflict.resolution and number:
            add_conflict_comment(document, element, conflict)
    return MergeResult(conflicts, merger.counts, units)


def comment_text(conflict: Conflict) -> str:
    if not conflict.outline:
        return _(
            "drafter: this paragraph was changed in the Word file, but the outline no longer "
            "has it. Keep it or delete it, then build again."
        )
    if not conflict.document:
        return _(
            "drafter: this paragraph was deleted in the Word file, but the outline changed it; "
            "it is back as the outline now has it. Delete it again or keep it."
        )
    return _(
        "drafter: this paragraph was changed both in the Word file and in the outline. "
        "The Word file's version is kept here; the outline's version is: {text}"
    ).format(text=conflict.outline)


def add_conflict_comment(document: Any, element: etree._Element, conflict: Conflict) -> None:
    """A Word comment on the paragraph, unless drafter already left the same one."""
    from drafter.docx_io.comments import add_comment_once

    add_comment_once(document, element, comment_text(conflict), COMMENT_AUTHOR, COMMENT_INITIALS)
