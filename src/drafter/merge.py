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

Tables (the header block, the signature block, the task appendix) are merged
row by row the same way (a row added or deleted in the outline or by hand, a
row both sides changed differently is a conflict), and rows matched on all
three sides cell by cell. Numbering labels of the body, and the ordinal column
of a table ("TT"), are recomputed at the end so they stay unbroken. Drafter's
own conflict comments that no longer apply (the conflict was settled) are
removed; comments people wrote stay.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

from lxml import etree

from drafter.align import OPAQUE, Pair, align
from drafter.docx_io.reader import (
    Block,
    DocParagraph,
    DocTable,
    block_tree,
    paragraph_text,
    row_cells,
)
from drafter.docx_io.snapshot import SnapParagraph, SnapTable, Unit
from drafter.docx_io.writer import replace_range, set_text
from drafter.i18n import N_, _
from drafter.numbering import NumberingStyle, format_label, label_depth, parse_label, split_label

PREFER_OUTLINE, PREFER_DOCUMENT = "outline", "document"
TABLE_KEY = OPAQUE + "table"
COMMENT_AUTHOR = "drafter"
COMMENT_INITIALS = "DRF"
ROW = "row"  # Conflict.kind of a table row
# notices on what a merge brought back (not conflicts left open: they stay until people act)
_PARAGRAPH_RESTORED = N_(
    "drafter: this paragraph was deleted in the Word file, but the outline changed it; "
    "it is back as the outline now has it. Delete it again or keep it."
)
_ROW_RESTORED = N_(
    "drafter: this table row was deleted in the Word file, but the outline changed it; "
    "it is back as the outline now has it. Delete it again or keep it."
)


class Conflict(NamedTuple):
    """One paragraph both sides changed differently."""

    path: str  # outline path of the paragraph ("" if none)
    document: str  # its text in the Word file ("" when deleted there)
    outline: str  # its text as the outline generates it now ("" when deleted there)
    resolution: str = ""  # "outline", "document" or "" (left for a person)
    paragraph: int = 0  # 1-based number of the paragraph in the merged file
    line: int | None = None  # the line of the outline file that holds it
    kind: str = "paragraph"  # or ROW: a row of a table (texts are its cells joined by " | ")


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
        _detect_moves(
            [_key(u) if isinstance(u, SnapParagraph) else "" for u in base],
            [_key(u) if isinstance(u, SnapParagraph) else "" for u in ours_units],
            to_ours,
            ours_base,
        )

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
            _take_outline(element, ours_unit)
            _restyle(element, base.style, ours_unit.style, theirs_block.style)
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
        ):
            return _Slot(theirs.element, 0), ours_unit
        return _Slot(theirs.element, 0), self._rows(base, theirs, ours_block, ours_unit)

    # ------------------------------------------------------------------ table rows

    def _rows(
        self, base: SnapTable, theirs: DocTable, ours_block: DocTable, ours: SnapTable
    ) -> SnapTable:
        """Merge the rows of a table in place (like the paragraphs of a container:
        rows added or deleted on either side, moved in the outline, changed on both
        sides), rows on all three sides cell by cell; returns the new base."""
        ordinal = _ordinal_column(ours.rows)
        base_keys = [_row_key(row, ordinal) for row in base.rows]
        theirs_keys = [_row_key(row, ordinal) for row in theirs.rows]
        ours_keys = [_row_key(row, ordinal) for row in ours.rows]
        theirs_pairs = align(base_keys, theirs_keys)
        to_theirs, inserted = _index(theirs_pairs), _anchored(theirs_pairs)
        to_ours = _index(align(base_keys, ours_keys))
        ours_base = {k: b for b, (k, _same) in to_ours.items() if k is not None}
        _detect_moves(base_keys, ours_keys, to_ours, ours_base)

        final: list[etree._Element] = []
        new_rows: list[tuple[tuple[Unit, ...], ...]] = []
        used: set[int] = set()

        def emit_insertions(anchor: int) -> None:
            for j in inserted.get(anchor, []):
                if j not in used:
                    used.add(j)
                    self.counts["added"] += 1
                    final.append(theirs.row_elements[j])

        emit_insertions(-1)
        for kind, index in _events(base.rows, ours.rows, to_ours, ours_base):
            if kind == "ours":
                b = ours_base.get(index)
                if b is None:  # a row new in the outline (or typed the same by hand)
                    same = next(
                        (j for js in inserted.values() for j in js
                         if j not in used and ours_keys[index].strip()
                         and theirs_keys[j] == ours_keys[index]),
                        None,
                    )  # fmt: skip
                    if same is not None:
                        used.add(same)
                        final.append(theirs.row_elements[same])
                    else:
                        final.append(copy.deepcopy(ours_block.row_elements[index]))
                    self.counts["outline"] += 1
                    new_rows.append(ours.rows[index])
                    continue
                theirs_at = to_theirs.get(b)
                element, row = self._matched_row(
                    base.rows[b], base_keys[b],
                    None if theirs_at is None else theirs_at[0], theirs, theirs_keys,
                    index, ours_block, ours, ours_keys[index], ordinal,
                )  # fmt: skip
                if element is not None:
                    final.append(element)
                new_rows.append(row)
                emit_insertions(b)
            else:  # a base row the outline no longer generates
                element, kept = self._row_dropped_in_ours(
                    base.rows[index], to_theirs.get(index), theirs
                )
                if element is not None:
                    final.append(element)
                if kept is not None:
                    new_rows.append(kept)
                emit_insertions(index)
        matched = {j for j, _same in to_theirs.values() if j is not None}
        for j in range(len(theirs.rows)):  # a safety net: every row of theirs is placed
            if j not in used and j not in matched:
                final.append(theirs.row_elements[j])
        _place(theirs.element, list(theirs.row_elements), final, None)
        if ordinal:
            self.counts["renumbered"] += _renumber_rows(final)
        return SnapTable(tuple(new_rows))

    def _matched_row(
        self,
        base_row: tuple[tuple[Unit, ...], ...],
        base_key: str,
        j: int | None,
        theirs: DocTable,
        theirs_keys: list[str],
        k: int,
        ours_block: DocTable,
        ours: SnapTable,
        ours_key: str,
        ordinal: bool,
    ) -> tuple[etree._Element | None, tuple[tuple[Unit, ...], ...]]:
        """A base row the outline still generates (as row ``k``); ``j``: its row in Word."""
        ours_row, ours_element = ours.rows[k], ours_block.row_elements[k]
        ours_changed = ours_key != base_key or len(ours_row) != len(base_row)
        if j is None:  # deleted by hand
            if not ours_changed:
                self.counts["deleted"] += 1
                return None, ours_row
            conflict = Conflict("", "", _row_text(ours_row), kind=ROW)
            if self.prefer == PREFER_DOCUMENT:
                self.conflicts.append((conflict._replace(resolution=PREFER_DOCUMENT), None))
                return None, ours_row
            element = copy.deepcopy(ours_element)
            resolution = PREFER_OUTLINE if self.prefer == PREFER_OUTLINE else ""
            self.conflicts.append((conflict._replace(resolution=resolution), _row_anchor(element)))
            return element, ours_row
        theirs_row, theirs_element = theirs.rows[j], theirs.row_elements[j]
        if len(base_row) == len(theirs_row) == len(ours_row):
            return theirs_element, self._cells(base_row, theirs_row, k, ours_block, ours, ordinal)
        # the row was reshaped (cells merged or split) on one side: a whole-row merge
        theirs_changed = theirs_keys[j] != base_key or len(theirs_row) != len(base_row)
        if not ours_changed:
            self.counts["document"] += 1
            return theirs_element, ours_row
        if not theirs_changed:
            self.counts["outline"] += 1
            return copy.deepcopy(ours_element), ours_row
        if theirs_keys[j] == ours_key and len(theirs_row) == len(ours_row):
            self.counts["both"] += 1
            return theirs_element, ours_row
        conflict = Conflict("", _row_text(theirs_row), _row_text(ours_row), kind=ROW)
        if self.prefer == PREFER_OUTLINE:
            element = copy.deepcopy(ours_element)
            self.conflicts.append(
                (conflict._replace(resolution=PREFER_OUTLINE), _row_anchor(element))
            )
            return element, ours_row
        if self.prefer == PREFER_DOCUMENT:
            anchor = _row_anchor(theirs_element)
            self.conflicts.append((conflict._replace(resolution=PREFER_DOCUMENT), anchor))
            return theirs_element, ours_row
        self.conflicts.append((conflict, _row_anchor(theirs_element)))
        return theirs_element, base_row  # the old base: reported again until settled

    def _cells(
        self,
        base_row: tuple[tuple[Unit, ...], ...],
        theirs_row: list[list[Block]],
        k: int,
        ours_block: DocTable,
        ours: SnapTable,
        ordinal: bool,
    ) -> tuple[tuple[Unit, ...], ...]:
        """Merge a row present on all three sides with the same cells, cell by cell."""
        new_cells = []
        for c, ours_cell_units in enumerate(ours.rows[k]):
            theirs_cell = theirs_row[c]
            if not theirs_cell or theirs_cell[0].element is None:
                new_cells.append(ours_cell_units)
                continue
            if ordinal and c == 0 and _is_ordinal(_cell_text(ours_cell_units)):
                new_cells.append(ours_cell_units)  # the row's number: recomputed afterwards
                continue
            parent = theirs_cell[0].element.getparent()
            _slots, units = self.container(
                list(base_row[c]),
                theirs_cell,
                ours_block.rows[k][c],
                list(ours_cell_units),
                parent,
            )
            if not any(child.tag == theirs_cell[0].element.tag for child in parent):
                parent.append(etree.Element(theirs_cell[0].element.tag))
            new_cells.append(tuple(units))
        return tuple(new_cells)

    def _row_dropped_in_ours(
        self,
        base_row: tuple[tuple[Unit, ...], ...],
        theirs_at: tuple[int | None, bool] | None,
        theirs: DocTable,
    ) -> tuple[etree._Element | None, tuple[tuple[Unit, ...], ...] | None]:
        j = theirs_at[0] if theirs_at else None
        if j is None or theirs_at is None:
            return None, None  # deleted on both sides
        element = theirs.row_elements[j]
        if theirs_at[1]:
            self.counts["outline"] += 1
            return None, None  # unchanged in Word: the outline's deletion wins
        conflict = Conflict("", _row_text(theirs.rows[j]), "", kind=ROW)
        if self.prefer == PREFER_OUTLINE:
            self.conflicts.append((conflict._replace(resolution=PREFER_OUTLINE), None))
            return None, None
        if self.prefer == PREFER_DOCUMENT:
            anchor = _row_anchor(element)
            self.conflicts.append((conflict._replace(resolution=PREFER_DOCUMENT), anchor))
            return element, None
        self.conflicts.append((conflict, _row_anchor(element)))
        return element, base_row

    def _inferred_level(self, block: Block) -> int:
        if not isinstance(block, DocParagraph):
            return 0
        parsed = parse_label(block.text)
        if parsed is None or parsed.kind == "bullet":
            return 0
        return label_depth(parsed, self.style)


def _level(unit: Unit) -> int:
    return unit.level if isinstance(unit, SnapParagraph) and unit.label else 0


def _detect_moves(
    base_keys: list[str], ours_keys: list[str], to_ours: dict, ours_base: dict
) -> None:
    """A base unit deleted from ours and an identical one inserted is a move
    (empty keys, tables included, never move)."""
    deleted: dict[str, list[int]] = {}
    for b, (k, _same) in to_ours.items():
        key = base_keys[b]
        if k is None and key.strip() and not key.startswith(OPAQUE):
            deleted.setdefault(key, []).append(b)
    for k, key in enumerate(ours_keys):
        if k in ours_base:
            continue
        candidates = deleted.get(key)
        if candidates:
            b = candidates.pop(0)
            to_ours[b] = (k, True)
            ours_base[k] = b


def _cell_text(cell: Sequence[Any]) -> str:
    """The text of a cell's units or blocks (nested tables cell by cell), one line each."""
    parts: list[str] = []
    for unit in cell:
        if isinstance(unit, SnapTable | DocTable):
            parts.extend(_cell_text(inner) for row in unit.rows for inner in row)
        else:
            parts.append(unit.text)
    return "\n".join(parts)


def _is_ordinal(text: str) -> bool:
    """A row number: ASCII digits only (spaces around them allowed)."""
    text = text.strip()
    return text.isascii() and text.isdigit()


def _ordinal_column(rows: Sequence[Sequence[Any]]) -> bool:
    """Is the first column a row number ("TT": 1, 2, 3 … down the rows that have one)?"""
    numbers = [
        _cell_text(row[0]).strip() for row in rows if row and _is_ordinal(_cell_text(row[0]))
    ]
    return bool(numbers) and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _row_key(row: Sequence[Any], ordinal: bool) -> str:
    """What identifies a row when rows are aligned: its cells' texts, without the
    row number (like a paragraph without its label)."""
    texts = [_cell_text(cell) for cell in row]
    if ordinal and texts and _is_ordinal(texts[0]):
        texts[0] = "#"
    return "\x1f".join(texts)


def _row_text(row: Sequence[Any]) -> str:
    """A row for people: its cells joined by " | "."""
    return " | ".join(_cell_text(cell).replace("\n", " ") for cell in row)


def _row_anchor(row: etree._Element) -> etree._Element | None:
    """The paragraph of a row a conflict comment goes on: the first with text that
    is not the row number."""
    from drafter.docx_io.package import w

    paragraphs = list(row.iter(w("p")))
    for paragraph in paragraphs:
        text = paragraph_text(paragraph)
        if text.strip() and not _is_ordinal(text):
            return paragraph
    return paragraphs[0] if paragraphs else None


def _renumber_rows(rows: list[etree._Element]) -> int:
    """Number the rows whose first cell holds a number 1, 2, 3 … in order; returns
    how many changed."""
    from drafter.docx_io.package import w

    number = changed = 0
    for row in rows:
        cells = row_cells(row)
        if not cells:
            continue
        paragraph = next((p for p in cells[0].iter(w("p")) if paragraph_text(p).strip()), None)
        if paragraph is None or not _is_ordinal(paragraph_text(paragraph)):
            continue
        number += 1
        if paragraph_text(paragraph).strip() != str(number):
            set_text(paragraph, str(number))
            changed += 1
    return changed


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
    base: Sequence[Any], ours_units: Sequence[Any], to_ours: dict, ours_base: dict
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


def _take_outline(element: etree._Element, ours: SnapParagraph) -> None:
    """Make the paragraph read as the outline has it, its label included, word by
    word (the Word side may have lost the label, retyped without it; the label's
    number is recomputed afterwards)."""
    set_text(element, ours.text)


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
    merger.counts["renumbered"] += renumber(final, style)
    _blocks, flat = block_tree(body)
    numbers = {id(p.element): p.index for p in flat}
    conflicts = []
    comments: list[tuple[etree._Element, Conflict]] = []
    for conflict, element in merger.conflicts:
        number = numbers.get(id(element), 0) if element is not None else 0
        conflict = conflict._replace(paragraph=number)
        conflicts.append(conflict)
        if element is not None and not conflict.resolution and number:
            comments.append((element, conflict))
    remove_settled_comments(document, comments)
    for element, conflict in comments:
        add_conflict_comment(document, element, conflict)
    return MergeResult(conflicts, merger.counts, units)


def remove_settled_comments(document: Any, comments: list[tuple[etree._Element, Conflict]]) -> None:
    """Remove the conflict comments drafter left in earlier rounds that this merge
    does not leave again (the conflict was settled, or the outline's version is
    different now); comments written by people stay, and so do drafter's notices
    that a deleted paragraph or row is back (for people to act on) while that
    paragraph is there."""
    from drafter.docx_io.comments import remove_comments
    from drafter.i18n import in_every_language

    wanted = {(id(element), comment_text(conflict)) for element, conflict in comments}
    notices = in_every_language(_PARAGRAPH_RESTORED) | in_every_language(_ROW_RESTORED)
    remove_comments(document, COMMENT_AUTHOR, COMMENT_INITIALS, wanted, notices)


def comment_text(conflict: Conflict) -> str:
    if conflict.kind == ROW:
        return _row_comment_text(conflict)
    if not conflict.outline:
        return _(
            "drafter: this paragraph was changed in the Word file, but the outline no longer "
            "has it. Keep it or delete it, then build again."
        )
    if not conflict.document:
        return _(_PARAGRAPH_RESTORED)
    return _(
        "drafter: this paragraph was changed both in the Word file and in the outline. "
        "The Word file's version is kept here; the outline's version is: {text}"
    ).format(text=conflict.outline)


def _row_comment_text(conflict: Conflict) -> str:
    if not conflict.outline:
        return _(
            "drafter: this table row was changed in the Word file, but the outline no longer "
            "has it. Keep it or delete it, then build again."
        )
    if not conflict.document:
        return _(_ROW_RESTORED)
    return _(
        "drafter: this table row was changed both in the Word file and in the outline. "
        "The Word file's version is kept here; the outline's version is: {text}"
    ).format(text=conflict.outline)


def add_conflict_comment(document: Any, element: etree._Element, conflict: Conflict) -> None:
    """A Word comment on the paragraph, unless drafter already left the same one."""
    from drafter.docx_io.comments import add_comment_once

    add_comment_once(document, element, comment_text(conflict), COMMENT_AUTHOR, COMMENT_INITIALS)
