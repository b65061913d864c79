"""What drafter generated, stored inside the Word file it generated.

Each build records the block tree of the body it wrote (paragraphs with their
outline path, numbering label, style and text; tables with their cells) as a
custom XML data part, ``customXml/itemN.xml``, related from the main document
part. Word keeps custom XML data parts when it saves a file, and so does
LibreOffice (checked by round-tripping a built file through
``soffice --convert-to docx``: the item, its properties part and the
relationship survive, byte for byte, while unknown package parts are dropped).
Programs that drop it too leave a file without a base: ``drafter build`` then
refuses to merge and says why.

The next build reads this snapshot back as the *base* of a three-way merge.
"""

from __future__ import annotations

import uuid
from typing import Any, NamedTuple

from lxml import etree

from drafter.docx_io.package import DocxPackage, parse_xml

NS = "urn:drafter:snapshot:1"
VERSION = "1"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
PROPS_REL_TYPE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
)
PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
ITEM_CONTENT_TYPE = "application/xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


class SnapParagraph(NamedTuple):
    """One generated paragraph: full text as a reader sees it, and where it came from."""

    text: str
    path: str = ""  # outline path ("sections.1.heading"); "" for template text
    label: str = ""  # numbering label at the start of ``text`` ("1.1.")
    style: str = ""  # paragraph style id
    level: int = 0  # depth in the section tree (0 outside it)

    @property
    def body(self) -> str:
        """The text after the label and its space."""
        if self.label and self.text.startswith(self.label):
            return self.text[len(self.label) :].lstrip(" ")
        return self.text


class SnapTable(NamedTuple):
    """A generated table: rows of cells of units."""

    rows: tuple[tuple[tuple[Any, ...], ...], ...]  # units: SnapParagraph | SnapTable


Unit = SnapParagraph | SnapTable


def flatten(units: list[Unit] | tuple[Unit, ...]) -> list[SnapParagraph]:
    """The paragraphs of ``units`` in reading order (table cells row by row)."""
    out: list[SnapParagraph] = []
    for unit in units:
        if isinstance(unit, SnapTable):
            for row in unit.rows:
                for cell in row:
                    out.extend(flatten(cell))
        else:
            out.append(unit)
    return out


class Snapshot(NamedTuple):
    units: list[Unit]
    info: dict[str, str]  # outline values the document does not show (type, numbering)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _write_units(parent: etree._Element, units: tuple[Unit, ...] | list[Unit]) -> None:
    for unit in units:
        if isinstance(unit, SnapTable):
            table = etree.SubElement(parent, _q("tbl"))
            for row in unit.rows:
                row_el = etree.SubElement(table, _q("tr"))
                for cell in row:
                    _write_units(etree.SubElement(row_el, _q("tc")), cell)
            continue
        para = etree.SubElement(parent, _q("p"))
        for name in ("path", "label", "style"):
            value = getattr(unit, name)
            if value:
                para.set(name, value)
        if unit.level:
            para.set("level", str(unit.level))
        para.text = unit.text


def snapshot_xml(units: list[Unit], info: dict[str, str] | None = None) -> bytes:
    root = etree.Element(_q("snapshot"), nsmap={None: NS})
    root.set("version", VERSION)
    for key, value in sorted((info or {}).items()):
        root.set(key, value)
    _write_units(root, units)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _read_units(parent: etree._Element) -> list[Unit]:
    units: list[Unit] = []
    for child in parent:
        if child.tag == _q("p"):
            units.append(
                SnapParagraph(
                    child.text or "",
                    child.get("path", ""),
                    child.get("label", ""),
                    child.get("style", ""),
                    int(child.get("level", "0") or 0),
                )
            )
        elif child.tag == _q("tbl"):
            rows = tuple(
                tuple(tuple(_read_units(cell)) for cell in row if cell.tag == _q("tc"))
                for row in child
                if row.tag == _q("tr")
            )
            units.append(SnapTable(rows))
    return units


def parse_snapshot(root: etree._Element) -> Snapshot | None:
    """The snapshot in ``root``; None if it is not a snapshot drafter can read."""
    if root.tag != _q("snapshot") or root.get("version") != VERSION:
        return None
    info = {key: value for key, value in root.attrib.items() if key != "version"}
    return Snapshot(_read_units(root), info)


def read_snapshot(package: DocxPackage) -> Snapshot | None:
    """The snapshot stored in an open package, or None when there is none."""
    for name, (kind, target) in package.relationships(package.main_part).items():
        del name
        if kind != REL_TYPE or not package.has(target):
            continue
        data = package.read(target)
        if NS.encode() not in data:
            continue
        snapshot = parse_snapshot(parse_xml(data, package.display, target))
        if snapshot is not None:
            return snapshot
    return None


def attach_snapshot(document: Any, units: list[Unit], info: dict[str, str] | None = None) -> None:
    """Store ``units`` in a python-docx ``Document``, replacing an older snapshot."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    blob = snapshot_xml(units, info)
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == REL_TYPE and not rel.is_external and NS.encode() in rel.target_part.blob:
            rel.target_part._blob = blob
            return
    package = main.package
    item_name = package.next_partname("/customXml/item%d.xml")
    number = str(item_name)[len("/customXml/item") : -len(".xml")]
    item = Part(item_name, ITEM_CONTENT_TYPE, blob, package)
    props_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{{{str(uuid.uuid4()).upper()}}}" xmlns:ds="{_DS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    props = Part(
        PackURI(f"/customXml/itemProps{number}.xml"), PROPS_CONTENT_TYPE, props_xml, package
    )
    item.relate_to(props, PROPS_REL_TYPE)
    main.relate_to(item, REL_TYPE)
