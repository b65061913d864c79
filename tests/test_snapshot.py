"""The record of what drafter generated, kept inside the Word file."""

from __future__ import annotations

import json
import subprocess
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from drafter.docx_io.package import DocxPackage
from drafter.docx_io.snapshot import (
    SnapParagraph,
    SnapTable,
    flatten,
    parse_snapshot,
    read_snapshot,
    snapshot_xml,
)
from drafter.loader import load_outline
from drafter.model import Outline
from drafter.outline_writer import plain
from regen_helpers import EXAMPLE, build_bytes

xml_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\ufffe\uffff")
).filter(lambda s: all(c in "\t\n" or ord(c) >= 0x20 for c in s))
paragraphs = st.builds(
    SnapParagraph, xml_text, st.sampled_from(["", "title", "sections.0.heading"]),
    st.sampled_from(["", "I.", "1.1."]), st.sampled_from(["", "BodyText"]), st.integers(0, 5),
)  # fmt: skip
units = st.lists(
    paragraphs | st.builds(lambda p: SnapTable(((tuple(p),),)), st.lists(paragraphs, max_size=3)),
    max_size=6,
)


@given(units, st.dictionaries(st.sampled_from(["type", "numbering"]), st.text("abc-", max_size=8)))
def test_the_record_reads_back_exactly(items, info):
    snapshot = parse_snapshot(etree.fromstring(snapshot_xml(items, info)))
    assert snapshot is not None
    assert snapshot.units == items and snapshot.info == info


def test_every_generated_paragraph_is_recorded_with_its_path():
    loaded = load_outline(EXAMPLE)
    data = build_bytes(loaded.outline)
    with DocxPackage("x.docx", data) as package:
        snapshot = read_snapshot(package)
        assert package.has("customXml/item1.xml") and package.has("customXml/itemProps1.xml")
    assert snapshot is not None
    recorded = flatten(snapshot.units)
    paths = {p.path for p in recorded}
    for path in ("issuer.name", "number", "draft", "date", "type_name", "title", "preamble.0",
                 "sections.0.heading", "sections.0.sections.0.text.0", "closing.0",
                 "signature.authority", "signature.position", "recipients.4"):  # fmt: skip
        assert path in paths, path
    assert snapshot.info["type"] == "chuong-trinh" and snapshot.info["numbering"] == ""
    assert json.loads(snapshot.info["outline"]) == plain(loaded.outline, Outline)
    heading = next(p for p in recorded if p.path == "sections.1.sections.0.sections.0.heading")
    assert (heading.label, heading.level, heading.style) == ("1.1.", 3, "Heading3")


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_record(tmp_path):
    from drafter.render.pdf import find_soffice

    source = tmp_path / "ctr.docx"
    source.write_bytes(build_bytes(load_outline(EXAMPLE).outline))
    with DocxPackage(source) as package:
        before = read_snapshot(package)
    subprocess.run(
        [find_soffice(), "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = tmp_path / "out" / "ctr.docx"
    with DocxPackage(saved) as package:
        assert read_snapshot(package) == before
    with zipfile.ZipFile(saved) as archive:
        assert any(name.startswith("customXml/item") for name in archive.namelist())
