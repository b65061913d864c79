"""Custom document properties (docProps/custom.xml): drafter's provenance.

Word shows them under File › Info › Properties › Advanced › Custom; drafter
reads them back to know which outline made a file and whether it was edited.
"""

from __future__ import annotations

from typing import Any

from drafter.docx_io.package import DocxPackage

PART_NAME = "/docProps/custom.xml"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _escape(text: str) -> str:
    from drafter.render.docx import visible_text

    text = visible_text(text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))  # fmt: skip


def custom_properties_xml(properties: dict[str, str]) -> bytes:
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{_escape(name)}">'
        f"<vt:lpwstr>{_escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(properties.items()), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_NS}" xmlns:vt="{_VT}">{items}</Properties>'
    ).encode()


def attach_custom_properties(document: Any, properties: dict[str, str]) -> None:
    """Add or replace docProps/custom.xml in a python-docx ``Document``."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    blob = custom_properties_xml(properties)
    for rel in package.rels.values():
        if rel.reltype == REL_TYPE and not rel.is_external:
            rel.target_part._blob = blob
            return
    part = Part(PackURI(PART_NAME), CONTENT_TYPE, blob, package)
    package.relate_to(part, REL_TYPE)


def read_custom_properties(package: DocxPackage) -> dict[str, str]:
    """All custom properties of an open package (empty when there are none)."""
    name = PART_NAME.lstrip("/")
    if not package.has(name):
        return {}
    root = package.xml(name)
    result = {}
    for prop in root.iter(f"{{{_NS}}}property"):
        value = "".join(prop.itertext())
        result[prop.get("name", "")] = value
    return result
