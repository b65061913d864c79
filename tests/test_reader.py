"""The Word reader: the contract's reading order, visible text, auto-numbering."""

from __future__ import annotations

import pytest

from docx_factory import abstract_level, make_docx, p, table
from drafter.docx_io.reader import read_paragraphs
from drafter.errors import InputError


def texts(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in read_paragraphs("test.docx", data)]


def test_body_tables_nested_tables_and_content_controls() -> None:
    body = (
        p("một")
        + table([p("hai"), table([p("ba")], [p("bốn")]) + p("năm")], [p("sáu"), p("bảy")])
        + '<w:sdt><w:sdtPr/><w:sdtContent>' + p("tám") + "</w:sdtContent></w:sdt>"
        + p("chín")
    )  # fmt: skip
    paragraphs = read_paragraphs("test.docx", make_docx(body))
    assert [x.text for x in paragraphs] == ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy",
                                            "tám", "chín"]  # fmt: skip
    assert [x.index for x in paragraphs] == list(range(1, 10))
    assert paragraphs[1].location == "table" and paragraphs[0].location == "body"


def test_text_box_read_once_after_its_anchor() -> None:
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        + p("trong khung")
        + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        "<w:txbxContent>" + p("trong khung") + "</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = f"<w:p><w:r><w:t>neo</w:t></w:r>{box}</w:p>" + p("sau")
    paragraphs = read_paragraphs("test.docx", make_docx(body))
    assert [(x.text, x.location) for x in paragraphs] == [
        ("neo", "body"), ("trong khung", "textbox"), ("sau", "body"),
    ]  # fmt: skip


def test_visible_text_tabs_breaks_deleted_and_field_codes() -> None:
    body = (
        "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>"
        '<w:del w:id="1" w:author="x"><w:r><w:delText>xóa</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t>thêm</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        "<w:r><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>"
    )
    assert texts(make_docx(body)) == ["a\tb\ncthêm7-"]


def test_run_formatting_is_merged() -> None:
    body = (
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Đậm</w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t> tiếp</w:t></w:r>"
        '<w:r><w:rPr><w:b w:val="0"/><w:i/></w:rPr><w:t> nghiêng</w:t></w:r></w:p>'
    )
    (paragraph,) = read_paragraphs("test.docx", make_docx(body))
    assert [(text, fmt.bold, fmt.italic) for text, fmt in paragraph.runs] == [
        ("Đậm tiếp", True, False), (" nghiêng", False, True),
    ]  # fmt: skip


def test_headers_then_footers_section_by_section_shared_parts_once() -> None:
    refs = ('<w:headerReference w:type="default" r:id="rIdH1"/>'
            '<w:headerReference w:type="first" r:id="rIdH2"/>'
            '<w:footerReference w:type="default" r:id="rIdF1"/>')  # fmt: skip
    first_section = ('<w:p><w:pPr><w:sectPr><w:headerReference w:type="even" r:id="rIdH3"/>'
                     '<w:headerReference w:type="default" r:id="rIdH1"/></w:sectPr></w:pPr>'
                     "<w:r><w:t>phần 1</w:t></w:r></w:p>")  # fmt: skip
    data = make_docx(
        first_section + p("phần 2"),
        headers={"rIdH1": p("đầu trang"), "rIdH2": p("đầu trang đầu"),
                 "rIdH3": p("đầu trang chẵn")},
        footers={"rIdF1": p("chân trang")},
        sections=refs,
    )  # fmt: skip
    assert texts(data) == ["phần 1", "phần 2", "đầu trang", "đầu trang chẵn", "đầu trang đầu",
                           "chân trang"]  # fmt: skip


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    + abstract_level(0, "upperRoman", "%1.")
    + abstract_level(1, "decimal", "%2.")
    + abstract_level(2, "decimal", "%2.%3.")
    + abstract_level(3, "lowerLetter", "%4)")
    + abstract_level(4, "bullet", "\uf0b7")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="1">'
    + abstract_level(0, "decimal", "Điều %1.", 5)
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    + '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)


def test_word_auto_numbering_labels() -> None:
    body = "".join([
        p("MỤC ĐÍCH", num=("1", 0)), p("Mục một", num=("1", 1)), p("Ý", num=("1", 2)),
        p("Ý", num=("1", 2)), p("a", num=("1", 3)), p("b", num=("1", 3)),
        p("gạch", num=("1", 4)), p("Mục hai", num=("1", 1)), p("Ý", num=("1", 2)),
        p("NỘI DUNG", num=("1", 0)), p("Mục", num=("1", 1)), p("không số"),
        p("Điều", num=("2", 0)), p("Điều", num=("2", 0)), p("lại từ đầu", num=("3", 0)),
        p("bỏ số", num=("0", 0)),
    ])  # fmt: skip
    paragraphs = read_paragraphs("test.docx", make_docx(body, numbering=NUMBERING))
    assert [x.label for x in paragraphs] == [
        "I.", "1.", "1.1.", "1.2.", "a)", "b)", "•", "2.", "2.1.", "II.", "1.", None,
        "Điều 5.", "Điều 6.", "Điều 1.", None,
    ]  # fmt: skip


def test_numbering_through_paragraph_styles() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="MucCon"><w:basedOn w:val="Muc"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="KeThua"><w:basedOn w:val="Muc"/></w:style>'
    )
    body = p("A", style="Muc") + p("B", style="KeThua") + p("c", style="Muc", num=("1", 1))
    paragraphs = read_paragraphs("t.docx", make_docx(body, numbering=NUMBERING, styles=styles))
    assert [x.label for x in paragraphs] == ["I.", "II.", "1."]


def test_bad_packages_are_input_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="không phải tệp Word"):
        read_paragraphs("x.docx", b"not a zip at all")
    old_doc = tmp_path / "old.docx"
    old_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(InputError, match=r"\.doc cũ hoặc tài liệu có mật khẩu"):
        read_paragraphs(old_doc)
    broken = make_docx("<w:p><w:r>không đóng thẻ")
    with pytest.raises(InputError, match="tệp Word bị hỏng"):
        read_paragraphs("x.docx", broken)
