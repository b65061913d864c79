"""The type registry agrees with the shared abbreviation data and the contract."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafter import doctypes, issuers, numbering
from drafter.resources import templates_dir

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "party_abbreviations.yaml"
CONTRACT_TYPES = (
    "chuong-trinh",
    "ke-hoach",
    "bao-cao",
    "nghi-quyet",
    "chi-thi",
    "ket-luan",
    "thong-bao",
    "quyet-dinh",
    "quy-dinh",
    "huong-dan",
    "to-trinh",
    "cong-van",
)


def test_contract_names_and_data():
    assert set(CONTRACT_TYPES) <= set(doctypes.type_keys())
    forms = set(issuers.signature_forms())
    for doctype in doctypes.all_types():
        assert (templates_dir() / doctype.template).is_file()
        assert doctype.numbering in numbering.style_names()
        assert set(doctype.signature_forms) <= forms
        assert doctype.type_name == doctype.name.upper()


def test_abbreviations_match_the_shared_data():
    if not SHARED.is_file():  # the shared folder sits next to the checkout
        return
    shared = {
        entry["name"]: entry
        for entry in yaml.safe_load(SHARED.read_text("utf-8"))["document_types"]
    }
    for doctype in doctypes.all_types():
        entry = shared[doctype.name]
        assert doctype.abbr == entry["abbr"]
        assert set(doctype.alt_abbr) == set(entry.get("alt_abbr", []))
        assert doctype.confidence == entry["confidence"]


def test_cong_van_is_the_only_letter_layout():
    assert [t.key for t in doctypes.all_types() if t.is_letter] == ["cong-van"]
    assert doctypes.get_type("quy-dinh").abbreviations == ("QĐ", "QĐi")
