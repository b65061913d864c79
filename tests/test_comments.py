"""Word comments drafter writes and takes away (``docx_io.comments``), on real files
with the parts Word keeps beside the comments (commentsExtended, commentsIds,
commentsExtensible)."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from drafter.docx_io.comments import add_comment_once, remove_comments

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
PARTS = {  # relationship type, content type, root, entry
    "commentsExtended": (
        "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
        f'<w15:commentsEx xmlns:w15="{W15}">{{}}</w15:commentsEx>',
    ),
    "commentsIds": (
        "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml",
        f'<w16cid:commentsIds xmlns:w16cid="{CID}">{{}}</w16cid:commentsIds>',
    ),
    "commentsExtensible": (
        "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml",
        f'<w16cex:commentsExtensible xmlns:w16cex="{CEX}">{{}}</w16cex:commentsExtensible>',
    ),
}


def _word_file() -> tuple[docx.document.Document, list]:
    """Two paragraphs: drafter's comment and a person's reply to it on the first, a
    person's comment and drafter's on the second; paraIds as Word writes them."""
    document = docx.Document()
    first = document.add_paragraph("Đoạn thứ nhất.")
    second = document.add_paragraph("Đoạn thứ hai.")
    made = [
        document.add_comment(first.runs, text="drafter: cũ", author="drafter", initials="DRF"),
        document.add_comment(first.runs, text="Trả lời", author="Nguyễn Văn B", initials="B"),
        document.add_comment(second.runs, text="Ý kiến", author="Nguyễn Văn B", initials="B"),
        document.add_comment(second.runs, text="drafter: còn", author="drafter", initials="DRF"),
    ]
    for number, comment in enumerate(made):
        comment._comment_elm.p_lst[0].set(f"{{{W14}}}paraId", f"0000000{number}")
    entries = {
        "commentsExtended": "".join(
            f'<w15:commentEx w15:paraId="0000000{n}" w15:done="0"'
            + (' w15:paraIdParent="00000000"' if n == 1 else "")
            + "/>"
            for n in range(4)
        ),
        "commentsIds": "".join(
            f'<w16cid:commentId w16cid:paraId="0000000{n}" w16cid:durableId="1000000{n}"/>'
            for n in range(4)
        ),
        "commentsExtensible": "".join(
            f'<w16cex:commentExtensible w16cex:durableId="1000000{n}"/>' for n in range(4)
        ),
    }
    for name, (reltype, content_type, root) in PARTS.items():
        part = Part(
            PackURI(f"/word/{name}.xml"),
            content_type,
            root.format(entries[name]).encode(),
            document.part.package,
        )
        document.part.relate_to(part, reltype)
    return document, [first, second]


def _saved(document) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    document.save(buffer)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _attributes(package: zipfile.ZipFile, name: str, attribute: str) -> list[str]:
    root = etree.fromstring(package.read(f"word/{name}.xml"))
    return [entry.get(attribute) for entry in root]


def test_only_drafters_unwanted_comments_go_with_their_anchors_and_word_entries():
    document, (_first, second) = _word_file()
    keep = {(id(second._p), "drafter: còn")}
    assert remove_comments(document, "drafter", "DRF", keep) == 1

    package = _saved(document)
    reopened = docx.Document(io.BytesIO(package.fp.getvalue()))
    assert [(c.author, c.text) for c in reopened.comments] == [
        ("Nguyễn Văn B", "Trả lời"),
        ("Nguyễn Văn B", "Ý kiến"),
        ("drafter", "drafter: còn"),
    ]
    body = etree.fromstring(package.read("word/document.xml"))
    ids = {
        tag: sorted(e.get(qn("w:id")) for e in body.iter(qn(f"w:{tag}")))
        for tag in ("commentRangeStart", "commentRangeEnd", "commentReference")
    }
    wanted = sorted(str(c.comment_id) for c in reopened.comments)
    assert ids == dict.fromkeys(ids, wanted)
    assert _attributes(package, "commentsExtended", f"{{{W15}}}paraId") == [
        "00000001", "00000002", "00000003"
    ]  # fmt: skip
    # the reply to drafter's comment is a comment of its own now
    assert _attributes(package, "commentsExtended", f"{{{W15}}}paraIdParent") == [None] * 3
    assert _attributes(package, "commentsIds", f"{{{CID}}}paraId") == [
        "00000001", "00000002", "00000003"
    ]  # fmt: skip
    assert _attributes(package, "commentsExtensible", f"{{{CEX}}}durableId") == [
        "10000001", "10000002", "10000003"
    ]  # fmt: skip


def test_notices_stay_while_anchored_and_a_file_without_comments_is_left_alone():
    document, _paragraphs = _word_file()
    assert remove_comments(document, "drafter", "DRF", set(), {"drafter: còn"}) == 1
    assert [c.text for c in document.comments if c.author == "drafter"] == ["drafter: còn"]

    plain = docx.Document()
    plain.add_paragraph("Không có ghi chú.")
    assert remove_comments(plain, "drafter", "DRF", set()) == 0
    assert "word/comments.xml" not in _saved(plain).namelist()


def test_a_comment_is_added_once():
    document = docx.Document()
    paragraph = document.add_paragraph("Một đoạn.")
    for _round in range(2):
        add_comment_once(document, paragraph._p, "drafter: một lần", "drafter", "DRF")
    assert [c.text for c in document.comments] == ["drafter: một lần"]
