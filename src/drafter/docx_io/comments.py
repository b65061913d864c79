"""Word comments on paragraphs (python-docx >= 1.2 writes the comments part)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from drafter.docx_io.package import w


def comments_on(document: Any, element: etree._Element) -> list[Any]:
    """The comments anchored in paragraph ``element``."""
    ids = {ref.get(w("id")) for ref in element.iter(w("commentRangeStart"))}
    if not ids:
        return []
    try:
        comments = list(document.comments)
    except (KeyError, AttributeError):
        return []
    return [c for c in comments if str(c.comment_id) in ids]


def add_comment_once(
    document: Any, element: etree._Element, text: str, author: str, initials: str
) -> None:
    """Comment on the whole paragraph ``element``, unless ``author`` already said ``text`` there."""
    from docx.text.paragraph import Paragraph

    for existing in comments_on(document, element):
        if existing.author == author and existing.text == text:
            return
    paragraph = Paragraph(element, document._body)
    runs = paragraph.runs or [paragraph.add_run("")]
    document.add_comment(runs, text=text, author=author, initials=initials)
