"""Word comments on paragraphs (python-docx >= 1.2 writes the comments part)."""

from __future__ import annotations

from typing import Any

from lxml import etree

from drafter.docx_io.package import w

_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_W16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
_W16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
# parts Word adds beside comments.xml, each keyed by the paraId of a comment's paragraphs
_EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
_IDS_REL = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
_EXTENSIBLE_REL = "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"


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


def remove_comments(
    document: Any,
    author: str,
    initials: str,
    keep: set[tuple[int, str]],
    notices: set[str] | frozenset[str] = frozenset(),
) -> int:
    """Remove the comments of the body signed ``author``/``initials``, except one
    per (``id()`` of the paragraph it is anchored in, text) listed in ``keep``,
    and those whose text is one of ``notices`` while they are anchored in the
    body; comments by anyone else stay. Their anchors go too, and their entries in the
    parts Word keeps beside the comments (replies to them become plain
    comments). Returns how many were removed."""
    from docx.comments import Comment

    try:
        part = document.part.part_related_by(_COMMENTS_REL)
    except KeyError:
        return 0
    body = document.element.body
    anchored: dict[str, list[etree._Element]] = {}
    for start in body.iter(w("commentRangeStart")):
        paragraph = next(start.iterancestors(w("p")), None)
        if paragraph is not None:
            anchored.setdefault(start.get(w("id"), ""), []).append(paragraph)
    kept: set[tuple[int, str]] = set()
    removed_ids: set[str] = set()
    removed_paras: set[str] = set()
    for element in list(part.element.iterchildren(w("comment"))):
        if element.get(w("author")) != author or (element.get(w("initials")) or "") != initials:
            continue
        comment_id = element.get(w("id"), "")
        text = Comment(element, part).text
        mine = next(
            ((id(p), text) for p in anchored.get(comment_id, []) if (id(p), text) in keep), None
        )
        if mine is not None and mine not in kept:
            kept.add(mine)
            continue
        if text in notices and anchored.get(comment_id):
            continue
        removed_ids.add(comment_id)
        removed_paras.update(p.get(f"{{{_W14}}}paraId", "") for p in element.iter(w("p")))
        element.getparent().remove(element)
    if removed_ids:
        _remove_anchors(body, removed_ids)
        removed_paras.discard("")
        _remove_extended(document.part, removed_paras)
    return len(removed_ids)


def _remove_anchors(body: etree._Element, ids: set[str]) -> None:
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for marker in list(body.iter(w(tag))):
            if marker.get(w("id")) in ids:
                marker.getparent().remove(marker)
    for reference in list(body.iter(w("commentReference"))):
        if reference.get(w("id")) not in ids:
            continue
        run = reference.getparent()
        if run.tag == w("r") and all(c is reference or c.tag == w("rPr") for c in run):
            run.getparent().remove(run)
        else:
            run.remove(reference)


def _remove_extended(main: Any, para_ids: set[str]) -> None:
    """Drop the entries of removed comments from commentsExtended, commentsIds and
    commentsExtensible (keyed by paraId, and durableId for the last)."""
    if not para_ids:
        return
    parts = {rel.reltype: rel.target_part for rel in main.rels.values() if not rel.is_external}
    durable: set[str] = set()

    def edit(reltype: str, change: Any) -> None:
        from drafter.docx_io.package import parse_xml

        target = parts.get(reltype)
        if target is None:
            return
        root = getattr(target, "element", None)
        if root is None:
            root = parse_xml(target.blob, "", str(target.partname))
            change(root)
            target._blob = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        else:
            change(root)

    def ids(root: etree._Element) -> None:
        for entry in list(root.iterchildren(f"{{{_W16CID}}}commentId")):
            if entry.get(f"{{{_W16CID}}}paraId") in para_ids:
                durable.add(entry.get(f"{{{_W16CID}}}durableId", ""))
                root.remove(entry)

    def extended(root: etree._Element) -> None:
        for entry in list(root.iterchildren(f"{{{_W15}}}commentEx")):
            if entry.get(f"{{{_W15}}}paraId") in para_ids:
                root.remove(entry)
            elif entry.get(f"{{{_W15}}}paraIdParent") in para_ids:
                del entry.attrib[f"{{{_W15}}}paraIdParent"]

    def extensible(root: etree._Element) -> None:
        for entry in list(root.iterchildren(f"{{{_W16CEX}}}commentExtensible")):
            if entry.get(f"{{{_W16CEX}}}durableId") in durable:
                root.remove(entry)

    edit(_IDS_REL, ids)
    edit(_EXTENDED_REL, extended)
    edit(_EXTENSIBLE_REL, extensible)
