"""The generated templates are current, one per type, from one generator."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from drafter import doctypes


def test_templates_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "templates" / "make_templates.py"),
                             "--check"], capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_one_template_per_type_differing_only_by_layout():
    import zipfile

    documents = {}
    for doctype in doctypes.all_types():
        with zipfile.ZipFile(ROOT / "templates" / doctype.template) as archive:
            documents[doctype.key] = archive.read("word/document.xml").decode("utf-8")
    standard = {key: xml for key, xml in documents.items() if key != "cong-van"}
    assert len(set(standard.values())) == 1  # the standard layout is one and the same
    assert "{{ type_name }}" not in documents["cong-van"]
    assert "{{ header.excerpt }}" in documents["cong-van"]
    assert "<w:tblHeader/>" in documents["ke-hoach"]
