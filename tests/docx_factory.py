"""Build small .docx files from compact XML strings (python-docx's test style)."""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def p(text: str = "", style: str | None = None, num: tuple[str, int] | None = None) -> str:
    """A paragraph; ``num=(numId, ilvl)`` numbers it with Word auto-numbering."""
    ppr = ""
    if style or num:
        numpr = (f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
                 if num else "")  # fmt: skip
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        ppr = f"<w:pPr>{style_xml}{numpr}</w:pPr>"
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def table(*rows: list[str]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{content}</w:tc>" for content in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{cells}</w:tbl>"


def abstract_level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')  # fmt: skip


def make_docx(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    headers: dict[str, str] | None = None,
    footers: dict[str, str] | None = None,
    sections: str = "",
) -> bytes:
    """A package with ``body`` (block XML); ``headers``: {"default": xml} etc.

    ``sections`` holds extra header/footer references for the final sectPr,
    e.g. ``'<w:headerReference w:type="default" r:id="rIdH1"/>'``.
    """
    rels = []
    overrides = [("/word/document.xml", _TYPES + "document.main+xml")]
    files = {}
    if numbering is not None:
        rels.append(("rIdNum", "numbering", "numbering.xml"))
        overrides.append(("/word/numbering.xml", _TYPES + "numbering+xml"))
        files["word/numbering.xml"] = f"<w:numbering {NAMESPACES}>{numbering}</w:numbering>"
    if styles is not None:
        rels.append(("rIdStyles", "styles", "styles.xml"))
        overrides.append(("/word/styles.xml", _TYPES + "styles+xml"))
        files["word/styles.xml"] = f"<w:styles {NAMESPACES}>{styles}</w:styles>"
    for kind, parts in (("header", headers or {}), ("footer", footers or {})):
        for index, (name, xml) in enumerate(parts.items(), start=1):
            part = f"{kind}{index}.xml"
            rels.append((name, kind, part))
            overrides.append((f"/word/{part}", _TYPES + f"{kind}+xml"))
            tag = "hdr" if kind == "header" else "ftr"
            files[f"word/{part}"] = f"<w:{tag} {NAMESPACES}>{xml}</w:{tag}>"
    files["word/document.xml"] = (
        f"<w:document {NAMESPACES}><w:body>{body}<w:sectPr>{sections}</w:sectPr>"
        "</w:body></w:document>"
    )
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    files["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{base}{k}" Target="{t}"/>' for i, k, t in rels)
        + "</Relationships>"
    )
    files["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{base}officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    files["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides)
        + "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in files.items():
            archive.writestr(name, xml)
    return buffer.getvalue()
