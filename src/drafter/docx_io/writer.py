"""Editing WordprocessingML paragraphs in place, keeping what a person formatted.

* ``set_text`` changes a paragraph's text word by word: unchanged words keep
  their runs (bold, italic, colour, fonts …); new words take the formatting of
  the words they replace, or of the word before them.
* ``mark_changes`` / ``mark_inserted`` / ``deleted_paragraph`` write tracked
  changes (``w:ins``/``w:del`` with author and date) that Word's Review tab
  accepts or rejects.

Text positions are those of ``reader.paragraph_text`` (tabs and line breaks
count as one character each).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from typing import NamedTuple

from lxml import etree

from drafter.align import word_ops
from drafter.docx_io.package import w
from drafter.docx_io.reader import paragraph_text, text_pieces

_T, _R, _P, _PPR, _RPR = w("t"), w("r"), w("p"), w("pPr"), w("rPr")
_SPECIAL = re.compile(r"(\t|\n)")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_revision_ids = itertools.count(9000)


class _Span(NamedTuple):
    start: int
    end: int
    text: str
    element: etree._Element


def _spans(p: etree._Element) -> list[_Span]:
    spans, position = [], 0
    for piece in text_pieces(p):
        spans.append(_Span(position, position + len(piece.text), piece.text, piece.element))
        position += len(piece.text)
    return spans


def _set_t(element: etree._Element, text: str) -> None:
    element.text = text
    if text != text.strip(" ") or "  " in text:
        element.set(_XML_SPACE, "preserve")


def _content(text: str, tag: str = "t") -> list[etree._Element]:
    """``w:t`` (or ``w:delText``), ``w:tab`` and ``w:br`` elements for ``text``."""
    out = []
    for part in _SPECIAL.split(text):
        if part == "\t":
            out.append(etree.Element(w("tab")))
        elif part == "\n":
            out.append(etree.Element(w("br")))
        elif part:
            element = etree.Element(w(tag))
            _set_t(element, part)
            element.set(_XML_SPACE, "preserve")
            out.append(element)
    return out


def new_run(text: str, rpr: etree._Element | None = None, tag: str = "t") -> etree._Element:
    run = etree.Element(_R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    run.extend(_content(text, tag))
    return run


def _insert_at(p: etree._Element, spans: list[_Span], at: int, text: str, replacing: bool) -> None:
    live = [s for s in spans if s.element.getparent() is not None]
    if replacing:
        chosen = next((s for s in live if s.start <= at < s.end), None)
    else:
        chosen = next((s for s in live if s.start < at <= s.end), None)
    chosen = chosen or next((s for s in live if s.start >= at), None)
    chosen = chosen or (live[-1] if live else None)
    if chosen is None:
        p.append(new_run(text))
        return
    element = chosen.element
    pieces = _content(text)
    if element.tag == _T:
        offset = max(0, min(at - chosen.start, len(element.text or "")))
        before, after = (element.text or "")[:offset], (element.text or "")[offset:]
        if pieces and pieces[0].tag == _T:
            _set_t(pieces[0], before + (pieces[0].text or ""))
        else:
            head = etree.Element(_T)
            _set_t(head, before)
            pieces.insert(0, head)
        if pieces[-1].tag == _T:
            _set_t(pieces[-1], (pieces[-1].text or "") + after)
        elif after:
            tail = etree.Element(_T)
            _set_t(tail, after)
            pieces.append(tail)
        for piece in pieces:
            element.addprevious(piece)
        element.getparent().remove(element)
    elif at <= chosen.start:
        for piece in pieces:
            element.addprevious(piece)
    else:
        for piece in reversed(pieces):
            element.addnext(piece)


def replace_range(p: etree._Element, start: int, end: int, text: str) -> None:
    """Replace characters ``start:end`` of ``p``'s text with ``text``, in place."""
    spans = _spans(p)
    for span in spans:
        if span.end <= start or span.start >= end:
            continue
        if span.element.tag == _T:
            cut_from, cut_to = max(start, span.start) - span.start, min(end, span.end) - span.start
            _set_t(span.element, span.text[:cut_from] + span.text[cut_to:])
        else:
            span.element.getparent().remove(span.element)
    if text:
        _insert_at(p, spans, start, text, replacing=end > start)


def set_text(p: etree._Element, text: str) -> None:
    """Make ``p`` read ``text``, touching only the words that differ."""
    old = paragraph_text(p)
    if old == text:
        return
    for op in reversed(word_ops(old, text)):
        if op.tag != "equal":
            replace_range(p, op.a0, op.a1, text[op.b0 : op.b1])


# --------------------------------------------------------------------------- tracked changes


class Revision(NamedTuple):
    author: str
    date: str  # ISO 8601, e.g. 2024-01-05T09:00:00Z

    @classmethod
    def now(cls, author: str) -> Revision:
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        return cls(author, stamp)

    def element(self, tag: str) -> etree._Element:
        element = etree.Element(w(tag))
        element.set(w("id"), str(next(_revision_ids)))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        return element


def _split_run_at(p: etree._Element, at: int) -> None:
    """Make ``at`` fall on a run boundary (splitting the run, and its ``w:t``, there)."""
    for span in _spans(p):
        inside = span.start < at < span.end and span.element.tag == _T
        if not inside and not (span.start == at and span.end > span.start):
            continue
        element = span.element
        run = element.getparent()
        children = list(run)
        index = children.index(element)
        if inside:
            head = copy.deepcopy(run)
            head_children = list(head)
            for child in head_children[index + 1 :]:
                head.remove(child)
            _set_t(head_children[index], span.text[: at - span.start])
            _set_t(element, span.text[at - span.start :])
        elif any(child.tag != _RPR for child in children[:index]):
            head = copy.deepcopy(run)
            for child in list(head)[index:]:
                head.remove(child)
        else:
            return  # already the first thing in its run
        for child in children[:index]:
            if child.tag != _RPR:
                run.remove(child)
        run.addprevious(head)
        return


def _runs_between(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    runs: list[etree._Element] = []
    for span in _spans(p):
        run = span.element.getparent()
        if span.start >= start and span.end <= end and span.end > span.start and run not in runs:
            runs.append(run)
    return runs


def _rpr_near(p: etree._Element, at: int) -> etree._Element | None:
    spans = [s for s in _spans(p) if s.element.getparent() is not None]
    near = next((s for s in spans if s.start <= at < s.end), None) or (spans[-1] if spans else None)
    return near.element.getparent().find(_RPR) if near is not None else None


def _wrap(run: etree._Element, wrapper: etree._Element) -> None:
    run.addprevious(wrapper)
    wrapper.append(run)


def mark_changes(p: etree._Element, old_text: str, revision: Revision) -> int:
    """Show how ``p`` (holding the new text) differs from ``old_text`` as tracked
    changes; returns the number of changed stretches."""
    new_text = paragraph_text(p)
    ops = [op for op in word_ops(old_text, new_text) if op.tag != "equal"]
    for op in ops:
        _split_run_at(p, op.b0)
        _split_run_at(p, op.b1)
    for op in reversed(ops):
        if op.b1 > op.b0:
            for run in _runs_between(p, op.b0, op.b1):
                _wrap(run, revision.element("ins"))
        if op.a1 > op.a0:
            deleted = revision.element("del")
            deleted.append(new_run(old_text[op.a0 : op.a1], _rpr_near(p, op.b0), "delText"))
            anchor = next((r for r in _runs_between(p, op.b0, len(new_text) + 1)), None)
            if anchor is not None:
                while anchor.getparent() is not p and anchor.getparent() is not None:
                    anchor = anchor.getparent()
                anchor.addprevious(deleted)
            else:
                p.append(deleted)
    return len(ops)


def _mark_paragraph(p: etree._Element, revision: Revision, tag: str) -> None:
    ppr = p.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        p.insert(0, ppr)
    rpr = ppr.find(_RPR)
    if rpr is None:
        rpr = etree.SubElement(ppr, _RPR)
    rpr.insert(0, revision.element(tag))


def mark_inserted(p: etree._Element, revision: Revision) -> None:
    """The whole paragraph (its text and its paragraph mark) as an insertion."""
    wrapper = None
    for run in list(p.iter(_R)):
        parent = run.getparent()
        if parent is None or parent.tag in (w("ins"), w("del")):
            continue
        if wrapper is not None and run.getprevious() is wrapper:
            wrapper.append(run)
        else:
            wrapper = revision.element("ins")
            _wrap(run, wrapper)
    _mark_paragraph(p, revision, "ins")


def deleted_paragraph(source: etree._Element, revision: Revision) -> etree._Element:
    """A copy of paragraph ``source`` shown as deleted (text and paragraph mark)."""
    p = copy.deepcopy(source)
    for element in list(p.iter(_T)):
        element.tag = w("delText")
    for run in list(p.iter(_R)):
        if run.getparent() is not None and run.getparent().tag != w("del"):
            _wrap(run, revision.element("del"))
    _mark_paragraph(p, revision, "del")
    return p


def plain_paragraph(text: str, style: str | None = None) -> etree._Element:
    """A new paragraph with ``text`` in one run and an optional style."""
    p = etree.Element(_P)
    if style:
        ppr = etree.SubElement(p, _PPR)
        etree.SubElement(ppr, w("pStyle")).set(w("val"), style)
    if text:
        p.append(new_run(text))
    return p
