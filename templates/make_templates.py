"""Generate the Word templates in this folder from the format rule packs.

    python templates/make_templates.py            # rewrite templates/*.docx
    python templates/make_templates.py --check    # exit 1 if a template is stale

One template per document type (``src/drafter/data/document_types.yaml``) and
format rule pack (``src/drafter/data/formats/<pack>.yaml``): the default pack's
templates sit in this folder, another pack's in a folder named after it. One
generator for all of them; the type only chooses its layout (``standard``: type
name and trích yếu centred; ``letter``: a công văn's "V/v …" under the number).

The templates are written as plain WordprocessingML so that every layout
decision is reviewable here, as code: page size and margins, fonts, the header
block, the paragraph styles, the signature block, the task table and the page
numbers all come from the pack (HD 36 values and their sources). The output is
byte-for-byte reproducible (fixed zip timestamps and order).

Jinja tags (filled by docxtpl with autoescaping on; see render/context.py):

* ``header.*``    superior, issuer, star, number_line, excerpt, secrecy, urgency,
                  draft_mark, motto, place_date
* ``type_name``, ``title``, ``title_rule``, ``addressees``
* ``blocks``      body paragraphs: ``style``, ``label``, ``text``, ``strong``
* ``signature.*`` authority, position, name; ``joint_signatures`` (pairs)
* ``recipients_heading``, ``recipients``
* ``tasks``       the appendix: heading, title, subtitle, columns, rows
* ``copy``        a copy's components (bản sao): header, signature, recipients
"""

from __future__ import annotations

import argparse
import io
import itertools
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "drafter" / "data"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

DEFAULT_PACK = "hd36_2018"  # its templates sit in this folder; other packs' in <pack>/


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def half_points(pt: float) -> int:
    return round(pt * 2)


# --------------------------------------------------------------------------- XML pieces


def run_props(style: dict | None = None, **extra: object) -> str:
    """``<w:rPr>`` for a style mapping {size_pt, bold, italic, underline, border}."""
    merged = {**(style or {}), **extra}
    parts = []
    if merged.get("bold"):
        parts.append("<w:b/><w:bCs/>")
    if merged.get("italic"):
        parts.append("<w:i/><w:iCs/>")
    if merged.get("underline"):
        parts.append('<w:u w:val="single"/>')
    if merged.get("border"):
        parts.append('<w:bdr w:val="single" w:sz="8" w:space="1" w:color="auto"/>')
    if "size_pt" in merged:
        size = half_points(float(merged["size_pt"]))  # type: ignore[arg-type]
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, style: dict | None = None) -> str:
    return f'<w:r>{run_props(style)}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(
    content: str = "",
    *,
    align: str | None = None,
    style_id: str | None = None,
    space_before: int | None = None,
    space_after: int | None = None,
    indent: tuple[int, int] | None = None,
    border_bottom: bool = False,
    keep_next: bool = False,
    page_break_before: bool = False,
    run_style: dict | None = None,
) -> str:
    ppr = []
    if style_id:
        ppr.append(f'<w:pStyle w:val="{style_id}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if border_bottom:
        ppr.append(
            '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
        )
    if space_before is not None or space_after is not None:
        ppr.append(f'<w:spacing w:before="{space_before or 0}" w:after="{space_after or 0}"/>')
    if indent:
        ppr.append(f'<w:ind w:left="{indent[0]}" w:right="{indent[1]}"/>')
    if align:
        ppr.append(f'<w:jc w:val="{align}"/>')
    rpr = run_props(run_style)
    if rpr:
        ppr.append(rpr)
    ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr_xml}{content}</w:p>"


def tag_paragraph(tag: str) -> str:
    """A paragraph holding only a ``{%p … %}`` tag (docxtpl removes it)."""
    return f'<w:p><w:r><w:t xml:space="preserve">{{%p {tag} %}}</w:t></w:r></w:p>'


def row_tag(tag: str) -> str:
    """A cell paragraph holding a ``{%tr … %}`` tag: docxtpl replaces its whole row."""
    return f'<w:p><w:r><w:t xml:space="preserve">{{%tr {tag} %}}</w:t></w:r></w:p>'


def when(condition: str, *content: str) -> str:
    """``content`` only when ``condition`` holds (the tag paragraphs vanish)."""
    return tag_paragraph(f"if {condition}") + "".join(content) + tag_paragraph("endif")


def cell(width: int, content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def borderless_grid(widths: list[int], rows: str) -> str:
    """A table without borders (the header and signature blocks) holding ``rows``."""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    none = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{none}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )


def table_row(cells: list[str], header: bool = False) -> str:
    """``<w:tr>`` that never splits across pages; ``header`` repeats it on each page."""
    props = "<w:tblHeader/><w:cantSplit/>" if header else "<w:cantSplit/>"
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def borderless_table(widths: list[int], cells: list[str]) -> str:
    return borderless_grid(widths, table_row(cells))


# --------------------------------------------------------------------------- blocks


class Layout:
    """Widths (twips) and styles shared by the parts of one template."""

    def __init__(self, pack: dict) -> None:
        page = pack["page"]
        margins = page["margins_mm"]
        self.pack = pack
        self.text_width = twips(page["size_mm"][0] - margins["left"] - margins["right"])
        self.left = twips(pack["header"]["left_width_mm"])
        self.right = self.text_width - self.left
        self.sig_left = twips(80)
        self.sig_right = self.text_width - self.sig_left


def header_table(layout: Layout, var: str, letter: bool = False, marks: bool = False) -> str:
    """The header block: issuer, "*" and number on the left; motto (or the kind
    of copy) and the place/date line on the right. ``var`` is the context key."""
    header = layout.pack["header"]
    cell_margin = 2 * 57
    rule = twips(header["motto_rule_mm"])
    motto_indent = max((layout.right - cell_margin - rule) // 2, 0)
    left_cell = "".join([
        when(f"{var}.superior",
             paragraph(run(f"{{{{ {var}.superior }}}}", header["superior"]), align="center")),
        paragraph(run(f"{{{{ {var}.issuer }}}}", header["issuer"]), align="center"),
        paragraph(run(f"{{{{ {var}.star }}}}", header["number"]), align="center"),
        paragraph(run(f"{{{{ {var}.number_line }}}}", header["number"]), align="center"),
    ])  # fmt: skip
    if letter:  # box 5b: the trích yếu of a công văn under its number
        left_cell += paragraph(
            run(f"{{{{ {var}.excerpt }}}}", header["letter_excerpt"]), align="center"
        )
    if marks:  # boxes 10a/10b and 11b
        left_cell += "".join([
            when(f"{var}.secrecy", paragraph(run(f"{{{{ {var}.secrecy }}}}", header["secrecy"]),
                                             align="center", space_before=120)),
            when(f"{var}.urgency", paragraph(run(f"{{{{ {var}.urgency }}}}", header["urgency"]),
                                             align="center", space_before=120)),
            when(f"{var}.draft_mark",
                 paragraph(run(f"{{{{ {var}.draft_mark }}}}", header["draft_mark"]),
                           align="center", space_before=120)),
        ])  # fmt: skip
    if var == "header":
        top_right = paragraph(
            run("{{ header.motto }}", header["motto_style"]),
            align="center",
            border_bottom=True,
            indent=(motto_indent, motto_indent),
        )
    else:  # a copy: the kind of copy stands where the motto stands
        top_right = paragraph(
            run(f"{{{{ {var}.kind }}}}", layout.pack["copy"]["kind_style"]), align="center"
        )
    right_cell = top_right + paragraph(
        run(f"{{{{ {var}.place_date }}}}", header["place_date"]), align="center", space_before=120
    )
    return borderless_table(
        [layout.left, layout.right], [cell(layout.left, left_cell), cell(layout.right, right_cell)]
    )


def signature_cell(layout: Layout, var: str, first_space: int = 240) -> str:
    signature = layout.pack["signature"]
    position = run(f"{{{{ {var}.position }}}}", signature["position"])
    return "".join(
        [
            # a head who signs directly has no authority line: the title takes its place
            tag_paragraph(f"if {var}.authority"),
            paragraph(run(f"{{{{ {var}.authority }}}}", signature["authority"]),
                      align="center", space_before=first_space),
            paragraph(position, align="center"),
            tag_paragraph("else"),
            paragraph(position, align="center", space_before=first_space),
            tag_paragraph("endif"),
        ]
        + [paragraph() for _ in range(int(signature["space_for_signature_lines"]))]
        + [paragraph(run(f"{{{{ {var}.name }}}}", signature["name"]), align="center")]
    )  # fmt: skip


def recipients_block(layout: Layout, heading: str, items: str) -> str:
    recipients = layout.pack["recipients"]
    return when(
        items,
        paragraph(run(heading, recipients["heading_style"]), space_before=240),
        tag_paragraph(f"for recipient in {items}"),
        paragraph(run("{{ recipient }}", recipients["item_style"])),
        tag_paragraph("endfor"),
    )


def signature_table(layout: Layout, var: str, recipients: str, heading: str) -> str:
    """Nơi nhận on the left, the signature on the right."""
    return borderless_table(
        [layout.sig_left, layout.sig_right],
        [
            cell(layout.sig_left, recipients_block(layout, heading, recipients)),
            cell(layout.sig_right, signature_cell(layout, var)),
        ],
    )


def joint_signatures(layout: Layout) -> str:
    """Signatures of a joint document two by two, then Nơi nhận below them."""
    widths = [layout.text_width // 2, layout.text_width - layout.text_width // 2]

    def loop(tag: str) -> str:
        return table_row([cell(widths[0], row_tag(tag)), cell(widths[1], paragraph())])

    rows = (
        loop("for pair in joint_signatures")
        + table_row([cell(widths[0], signature_cell(layout, "pair.left")),
                     cell(widths[1], signature_cell(layout, "pair.right"))])
        + loop("endfor")
    )  # fmt: skip
    return borderless_grid(widths, rows) + recipients_block(
        layout, "{{ recipients_heading }}", "recipients"
    )


def column_widths(millimetres: list[float], total: int) -> list[int]:
    """Column widths in twips scaled to fill ``total`` exactly (cumulative rounding,
    so the table is never a twip wider than the text area)."""
    scale = total / sum(millimetres)
    edges, running = [0], 0.0
    for width in millimetres:
        running += width * scale
        edges.append(round(running))
    return [right - left for left, right in itertools.pairwise(edges)]


def task_table(layout: Layout) -> str:
    """The appendix: heading, title, "(Kèm theo …)" and the task table whose
    header row repeats on every page and whose rows never split."""
    table = layout.pack["tasks"]["table"]
    title = layout.pack["title"]
    columns = table["columns"]
    widths = column_widths([column["width_mm"] for column in columns], layout.text_width)
    size = {"size_pt": table["size_pt"]}
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )

    def row(cells: list[str], header: bool = False) -> str:
        return table_row(
            [cell(width, content) for width, content in zip(widths, cells, strict=True)], header
        )

    def text(value: str, align: str | None = None, style: dict | None = None) -> str:
        return paragraph(run(value, {**size, **(style or {})}), style_id="TableText", align=align)

    header_cells = [
        text(f"{{{{ tasks.columns[{i}] }}}}", "center", table["header"])
        for i in range(len(columns))
    ]
    aligns = {"index": "center", "deadline": "center"}
    data_cells = [
        text(f"{{{{ row.{column['key']} }}}}", aligns.get(column["key"])) for column in columns
    ]
    loop_cells = [row_tag("for row in tasks.rows")] + [paragraph()] * (len(columns) - 1)
    end_cells = [row_tag("endfor")] + [paragraph()] * (len(columns) - 1)
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    xml_table = (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        + row(header_cells, header=True)
        + row(loop_cells)
        + row(data_cells)
        + row(end_cells)
        + "</w:tbl>"
    )
    return when(
        "tasks",
        paragraph(run("{{ tasks.heading }}", title["type_name"]), align="center",
                  page_break_before=True, keep_next=True),
        when("tasks.title", paragraph(run("{{ tasks.title }}", title["excerpt"]),
                                      align="center", keep_next=True)),
        paragraph(run("{{ tasks.subtitle }}", {"size_pt": table["size_pt"], "italic": True}),
                  align="center", space_after=240, keep_next=True),
        xml_table,
    )  # fmt: skip


def copy_block(layout: Layout) -> str:
    """The components of a copy (bản sao) after the original's last line."""
    rule = paragraph(border_bottom=True, space_before=240, space_after=120)
    return when(
        "copy",
        rule if layout.pack["copy"].get("separator_rule", True) else "",
        header_table(layout, "copy"),
        signature_table(layout, "copy.signature", "copy.recipients",
                        "{{ recipients_heading }}"),
    )  # fmt: skip


# --------------------------------------------------------------------------- parts


def document_xml(pack: dict, doctype: dict | None = None) -> str:
    """The template body for one document type (``doctype`` from document_types.yaml)."""
    doctype = doctype or {}
    layout = Layout(pack)
    page, title, addressees = pack["page"], pack["title"], pack["addressees"]
    margins = page["margins_mm"]
    letter = doctype.get("layout") == "letter"

    titles = "" if letter else "".join([
        paragraph(run("{{ type_name }}", title["type_name"]), align="center", space_before=360,
                  keep_next=True),
        paragraph(run("{{ title }}", title["excerpt"]), align="center", keep_next=True),
        paragraph(run("{{ title_rule }}", title["excerpt"]), align="center", space_after=240),
    ])  # fmt: skip
    indent = twips(addressees.get("indent_mm", 35))
    addressed = when(
        "addressees",
        tag_paragraph("if addressees|length == 1"),
        paragraph(run("{{ addressees[0] }}", addressees["style"]), align="center",
                  space_before=240, space_after=240),
        tag_paragraph("else"),
        paragraph(space_before=0, space_after=0),  # a line between the marks and "Kính gửi"
        tag_paragraph("for line in addressees"),
        paragraph(run("{{ line }}", addressees["style"]), indent=(indent, 0),
                  space_before=0, space_after=0),
        tag_paragraph("endfor"),
        paragraph(space_after=120),
        tag_paragraph("endif"),
    )  # fmt: skip

    # The body: one paragraph per block, its style chosen by the block.
    blocks = "".join([
        tag_paragraph("for block in blocks"),
        '<w:p><w:pPr><w:pStyle w:val="{{ block.style }}"/></w:pPr>'
        '{% if block.label %}<w:r>{% if block.strong %}<w:rPr><w:b/><w:bCs/></w:rPr>{% endif %}'
        '<w:t xml:space="preserve">{{ block.label }} </w:t></w:r>'
        '{% endif %}<w:r><w:t xml:space="preserve">{{ block.text }}</w:t></w:r></w:p>',
        tag_paragraph("endfor"),
    ])  # fmt: skip

    signatures = "".join([
        tag_paragraph("if joint_signatures"),
        joint_signatures(layout),
        tag_paragraph("else"),
        signature_table(layout, "signature", "recipients", "{{ recipients_heading }}"),
        tag_paragraph("endif"),
    ])  # fmt: skip

    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/>'
        '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
        f'<w:pgSz w:w="{twips(page["size_mm"][0])}" w:h="{twips(page["size_mm"][1])}"/>'
        f'<w:pgMar w:top="{twips(margins["top"])}" w:right="{twips(margins["right"])}" '
        f'w:bottom="{twips(margins["bottom"])}" w:left="{twips(margins["left"])}" '
        f'w:header="{twips(page["header_distance_mm"])}" w:footer="{twips(10)}" w:gutter="0"/>'
        '<w:cols w:space="720"/>'
        f"{'' if page['page_number'].get('first_page') else '<w:titlePg/>'}"
        "</w:sectPr>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        f"{header_table(layout, 'header', letter=letter, marks=True)}{titles}{addressed}"
        f"{blocks}{signatures}{task_table(layout)}{copy_block(layout)}{sect}"
        "</w:body></w:document>"
    )


def styles_xml(pack: dict) -> str:
    font = escape(pack["font"]["name"])
    lang = pack["font"]["language"]
    body = pack["body"]
    size = half_points(body["size_pt"])
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>'
    body_ppr = (
        f'<w:spacing w:before="{round(body["space_before_pt"] * 20)}" '
        f'w:after="{round(body["space_after_pt"] * 20)}" '
        f'w:line="{round(body["line_spacing_pt"] * 20)}" w:lineRule="exact"/>'
        f'<w:ind w:firstLine="{twips(body["first_line_indent_mm"])}"/><w:jc w:val="both"/>'
    )
    headings = []
    for level, heading in enumerate(body["headings"], start=1):
        headings.append(
            f'<w:style w:type="paragraph" w:styleId="Heading{level}">'
            f'<w:name w:val="heading {level}"/><w:basedOn w:val="BodyText"/>'
            '<w:next w:val="BodyText"/><w:uiPriority w:val="9"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            f"{run_props(heading)}</w:style>"
        )
    header_size = half_points(pack["page"]["page_number"]["size_pt"])
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}">'
        f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
        f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{body_ppr}</w:pPr></w:style>'
        f"{''.join(headings)}"
        f"{extra_styles(pack)}"
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{header_size}"/><w:szCs w:val="{header_size}"/></w:rPr></w:style>'
        "</w:styles>"
    )


def extra_styles(pack: dict) -> str:
    """Styles of the enacting line, the task notes and the task table's text."""
    tasks = pack["tasks"]
    table_size = half_points(tasks["table"]["size_pt"])
    return (
        '<w:style w:type="paragraph" w:styleId="Enacting"><w:name w:val="Enacting"/>'
        '<w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>'
        '<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/>'
        '<w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
        f"{run_props(pack['enacting'])}</w:style>"
        '<w:style w:type="paragraph" w:styleId="TaskNote"><w:name w:val="Task Note"/>'
        '<w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>'
        f"{run_props(tasks['style'])}</w:style>"
        '<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/>'
        '<w:basedOn w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="40" w:after="40"/><w:jc w:val="left"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{table_size}"/><w:szCs w:val="{table_size}"/></w:rPr></w:style>'
    )


def header_xml(with_page_number: bool) -> str:
    content = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>2</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if with_page_number
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{content}</w:p></w:hdr>'
    )


SETTINGS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="vi-VN"/></w:settings>'
)


def font_table_xml(font: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:fonts xmlns:w="{W_NS}"><w:font w:name="{escape(font)}">'
        '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    )


CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>'
        for name, kind in [
            (
                "/word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            ),
            (
                "/word/styles.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
            ),
            (
                "/word/settings.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
            ),
            (
                "/word/fontTable.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
            ),
            (
                "/word/header1.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
            ),
            (
                "/word/header2.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
            ),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            (
                "/docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            ),
        ]
    )
    + "</Types>"
)


def relationships(items: list[tuple[str, str, str]]) -> str:
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{kind if kind.startswith("http") else base + kind}" '
        f'Target="{target}"/>'
        for rid, kind, target in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>"
    )


PACKAGE_RELS = relationships([
    ("rId1", "officeDocument", "word/document.xml"),
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
             "core-properties", "docProps/core.xml"),
    ("rId3", "extended-properties", "docProps/app.xml"),
])  # fmt: skip
DOCUMENT_RELS = relationships([
    ("rIdStyles", "styles", "styles.xml"),
    ("rIdSettings", "settings", "settings.xml"),
    ("rIdFontTable", "fontTable", "fontTable.xml"),
    ("rIdHeaderDefault", "header", "header1.xml"),
    ("rIdHeaderFirst", "header", "header2.xml"),
])  # fmt: skip


def core_xml(title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>drafter</dc:creator>"
        "<cp:lastModifiedBy>drafter</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>drafter</Application></Properties>"
)


def build_template(pack: dict, doctype: dict | None = None) -> bytes:
    """The template .docx for ``pack`` and one document type, as reproducible bytes."""
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES_XML),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", core_xml("drafter template")),
        ("docProps/app.xml", APP_XML),
        ("word/document.xml", document_xml(pack, doctype)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles_xml(pack)),
        ("word/settings.xml", SETTINGS_XML),
        ("word/fontTable.xml", font_table_xml(pack["font"]["name"])),
        ("word/header1.xml", header_xml(with_page_number=True)),
        ("word/header2.xml", header_xml(with_page_number=False)),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, xml.encode("utf-8"))
    return buffer.getvalue()


def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_pack(name: str) -> dict:
    return load_yaml(DATA / "formats" / f"{name}.yaml")


def template_targets() -> list[tuple[Path, str, dict]]:
    """(file, pack, type) for every template: one per document type and pack;
    the default pack's in this folder, another pack's in a folder of its name."""
    types = load_yaml(DATA / "document_types.yaml")
    packs = sorted(path.stem for path in (DATA / "formats").glob("*.yaml"))
    targets = []
    for pack in packs:
        folder = Path() if pack == DEFAULT_PACK else Path(pack)
        for doctype in types.values():
            targets.append((folder / doctype["template"], pack, doctype))
    return targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale templates")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into")
    args = parser.parse_args(argv)
    stale = []
    packs: dict[str, dict] = {}
    for relative, pack_name, doctype in template_targets():
        pack = packs.setdefault(pack_name, load_pack(pack_name))
        data = build_template(pack, doctype)
        target = args.out / relative
        if target.exists() and target.read_bytes() == data:
            continue
        stale.append(str(relative))
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(f"wrote {target}")
    if args.check and stale:
        print("stale templates: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
