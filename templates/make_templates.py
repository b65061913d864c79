"""Generate the Word templates in this folder from the format rule pack.

    python templates/make_templates.py            # rewrite templates/*.docx
    python templates/make_templates.py --check    # exit 1 if a template is stale

The templates are written as plain WordprocessingML so that every layout
decision is reviewable here, as code: page size and margins, fonts, the header
block, the paragraph styles, the signature block and the page numbers all come
from ``src/drafter/data/formats/<pack>.yaml`` (HD 36 values and their sources).
The output is byte-for-byte reproducible (fixed zip timestamps and order).

Jinja tags (filled by docxtpl with autoescaping on):

* ``header.*``    superior, issuer, star, number_line, draft_mark, motto, place_date
* ``type_name``, ``title``, ``title_rule``
* ``blocks``      body paragraphs: ``style``, ``label``, ``text``
* ``signature.*`` authority, position, name
* ``recipients_heading``, ``recipients``
"""

from __future__ import annotations

import argparse
import io
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

# template file -> format rule pack (more types arrive with the type registry)
TEMPLATES = {"chuong-trinh.docx": "hd36_2018"}


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def half_points(pt: float) -> int:
    return round(pt * 2)


# --------------------------------------------------------------------------- XML pieces


def run_props(style: dict | None = None, **extra: object) -> str:
    """``<w:rPr>`` for a style mapping {size_pt, bold, italic, underline}."""
    merged = {**(style or {}), **extra}
    parts = []
    if merged.get("bold"):
        parts.append("<w:b/><w:bCs/>")
    if merged.get("italic"):
        parts.append("<w:i/><w:iCs/>")
    if merged.get("underline"):
        parts.append('<w:u w:val="single"/>')
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
    run_style: dict | None = None,
) -> str:
    ppr = []
    if style_id:
        ppr.append(f'<w:pStyle w:val="{style_id}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
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


def cell(width: int, content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def borderless_table(widths: list[int], cells: list[str]) -> str:
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
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr></w:tbl>"
    )


# --------------------------------------------------------------------------- parts


def document_xml(pack: dict) -> str:
    page, header, title = pack["page"], pack["header"], pack["title"]
    margins = page["margins_mm"]
    text_width = twips(page["size_mm"][0] - margins["left"] - margins["right"])
    left = twips(header["left_width_mm"])
    right = text_width - left
    cell_margin = 2 * 57
    rule = twips(header["motto_rule_mm"])
    motto_indent = max((right - cell_margin - rule) // 2, 0)

    left_cell = "".join([
        tag_paragraph("if header.superior"),
        paragraph(run("{{ header.superior }}", header["superior"]), align="center"),
        tag_paragraph("endif"),
        paragraph(run("{{ header.issuer }}", header["issuer"]), align="center"),
        paragraph(run("{{ header.star }}", header["number"]), align="center"),
        paragraph(run("{{ header.number_line }}", header["number"]), align="center"),
        tag_paragraph("if header.draft_mark"),
        paragraph(run("{{ header.draft_mark }}", header["draft_mark"]), align="center",
                  space_before=120),
        tag_paragraph("endif"),
    ])  # fmt: skip
    right_cell = "".join([
        paragraph(run("{{ header.motto }}", header["motto_style"]), align="center",
                  border_bottom=True, indent=(motto_indent, motto_indent)),
        paragraph(run("{{ header.place_date }}", header["place_date"]), align="center",
                  space_before=120),
    ])  # fmt: skip
    header_table = borderless_table([left, right], [cell(left, left_cell), cell(right, right_cell)])

    titles = "".join([
        paragraph(run("{{ type_name }}", title["type_name"]), align="center", space_before=360,
                  keep_next=True),
        paragraph(run("{{ title }}", title["excerpt"]), align="center", keep_next=True),
        paragraph(run("{{ title_rule }}", title["excerpt"]), align="center", space_after=240),
    ])  # fmt: skip

    # The body: one paragraph per block, its style chosen by the block.
    blocks = "".join([
        tag_paragraph("for block in blocks"),
        '<w:p><w:pPr><w:pStyle w:val="{{ block.style }}"/></w:pPr>'
        '{% if block.label %}<w:r><w:t xml:space="preserve">{{ block.label }} </w:t></w:r>'
        '{% endif %}<w:r><w:t xml:space="preserve">{{ block.text }}</w:t></w:r></w:p>',
        tag_paragraph("endfor"),
    ])  # fmt: skip

    signature_pack, recipients = pack["signature"], pack["recipients"]
    sig_left = twips(80)
    sig_right = text_width - sig_left
    recipients_cell = "".join([
        tag_paragraph("if recipients"),
        paragraph(run("{{ recipients_heading }}", recipients["heading_style"]), space_before=240),
        tag_paragraph("for recipient in recipients"),
        paragraph(run("{{ recipient }}", recipients["item_style"])),
        tag_paragraph("endfor"),
        tag_paragraph("endif"),
    ])  # fmt: skip
    signature_cell = "".join(
        [
            paragraph(run("{{ signature.authority }}", signature_pack["authority"]),
                      align="center", space_before=240),
            paragraph(run("{{ signature.position }}", signature_pack["position"]),
                      align="center"),
        ]
        + [paragraph() for _ in range(int(signature_pack["space_for_signature_lines"]))]
        + [paragraph(run("{{ signature.name }}", signature_pack["name"]), align="center")]
    )  # fmt: skip
    signature_table = borderless_table(
        [sig_left, sig_right], [cell(sig_left, recipients_cell), cell(sig_right, signature_cell)]
    )

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
        f"{header_table}{titles}{blocks}{signature_table}{sect}"
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
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{header_size}"/><w:szCs w:val="{header_size}"/></w:rPr></w:style>'
        "</w:styles>"
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


def build_template(pack: dict) -> bytes:
    """The template .docx for ``pack`` as reproducible bytes."""
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES_XML),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", core_xml("drafter template")),
        ("docProps/app.xml", APP_XML),
        ("word/document.xml", document_xml(pack)),
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


def load_pack(name: str) -> dict:
    with (DATA / "formats" / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale templates")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into")
    args = parser.parse_args(argv)
    stale = []
    for file_name, pack_name in TEMPLATES.items():
        data = build_template(load_pack(pack_name))
        target = args.out / file_name
        if target.exists() and target.read_bytes() == data:
            continue
        stale.append(file_name)
        if not args.check:
            target.write_bytes(data)
            print(f"wrote {target}")
    if args.check and stale:
        print("stale templates: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
