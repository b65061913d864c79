"""Layering (built-in < drafter.yaml < outline) and what is derived from it."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.model import Issuer, JointIssuer, Outline, Signature
from drafter.resolve import OUTLINE, SETTINGS, merge_issuer, merge_signature, resolve
from drafter.settings import Settings, TypeSettings

HG = Issuer(level="ban-thuong-vu-tinh-uy", province="Hậu Giang")
TODAY = dt.date(2024, 6, 1)


def run(outline: Outline, settings: Settings | None = None, **options):
    return resolve(outline, settings, today=TODAY, **options)


def messages(found) -> list[tuple[str, tuple, str]]:
    return [(item.layer, item.issue.path, item.issue.message) for item in found]


def test_outline_wins_over_settings_and_settings_over_defaults():
    settings = Settings(
        issuer=HG,
        place="Vị Thanh",
        numbering="hd36-hyphen",
        recipients=["Các ban đảng,"],
        archive="Lưu VT.",
    )
    resolved, found = run(Outline(type="ke-hoach", title="x"), settings)
    assert not found
    assert resolved.outline.place == "Vị Thanh"
    assert resolved.outline.numbering == "hd36-hyphen"
    assert resolved.outline.recipients == ["Các ban đảng,", "Lưu VT."]
    outline = Outline(
        type="ke-hoach",
        title="x",
        place="Hậu Giang",
        numbering="arabic",
        recipients=["Sở Nội vụ,"],
        archive="Lưu Văn phòng.",
    )
    resolved, found = run(outline, settings)
    assert (resolved.outline.place, resolved.outline.numbering) == ("Hậu Giang", "arabic")
    assert resolved.outline.recipients == ["Sở Nội vụ,", "Lưu Văn phòng."]
    resolved, _ = run(Outline(type="ke-hoach", title="x", issuer=HG))
    assert (resolved.outline.place, resolved.outline.numbering) == ("Hậu Giang", "hd36")


def test_type_settings_sit_between_settings_and_outline():
    settings = Settings(
        issuer=HG, numbering="arabic", types={"ke-hoach": TypeSettings(numbering="hd36-hyphen")}
    )
    assert run(Outline(type="ke-hoach", title="x"), settings)[0].outline.numbering == "hd36-hyphen"
    assert run(Outline(type="bao-cao", title="x"), settings)[0].outline.numbering == "arabic"


def test_level_in_outline_replaces_written_out_lines_but_keeps_names():
    lower = Issuer(name="TỈNH ỦY X", superior="TRÊN", code="XX", province="Hậu Giang")
    merged = merge_issuer(lower, Issuer(level="van-phong-tinh-uy"))
    assert merged.level == "van-phong-tinh-uy" and merged.province == "Hậu Giang"
    assert (merged.name, merged.superior, merged.code) == (None, None, None)
    merged = merge_issuer(HG, Issuer(code="TU-ĐB"))  # a single line overlays
    assert (merged.level, merged.code) == ("ban-thuong-vu-tinh-uy", "TU-ĐB")
    merged = merge_issuer(HG, Issuer(name="BAN CHỈ ĐẠO"))  # a name keeps the lower level
    assert (merged.level, merged.name, merged.superior) == (
        "ban-thuong-vu-tinh-uy",
        "BAN CHỈ ĐẠO",
        None,
    )


def test_form_in_a_higher_layer_drops_written_out_lines_below():
    merged, origin = merge_signature(
        [
            (
                Signature(authority="T/M BAN THƯỜNG VỤ", position="BÍ THƯ", name="A"),
                SETTINGS,
                ("signature",),
            ),
            (Signature(deputy=True), OUTLINE, ("signature",)),
        ]
    )
    assert (merged.authority, merged.position, merged.deputy, merged.name) == (
        None,
        None,
        True,
        "A",
    )
    assert origin["deputy"] == (OUTLINE, ("signature", "deputy"))
    assert origin["name"] == (SETTINGS, ("signature", "name"))


@pytest.mark.parametrize(
    ("level", "form", "deputy", "lines"),
    [
        ("ban-thuong-vu-tinh-uy", None, None, ("T/M BAN THƯỜNG VỤ", "BÍ THƯ")),
        ("ban-thuong-vu-tinh-uy", None, True, ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")),
        ("van-phong-tinh-uy", None, None, ("", "CHÁNH VĂN PHÒNG")),
        ("van-phong-tinh-uy", "K/T", None, ("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG")),
        ("van-phong-tinh-uy", "T/L", None, ("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG")),
        ("van-phong-tinh-uy", "T.L", True, ("T.L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG")),
        ("van-phong-tinh-uy", "Q.", None, ("Q. CHÁNH VĂN PHÒNG", "")),
        ("uy-ban-kiem-tra-tinh-uy", None, True, ("T/M ỦY BAN KIỂM TRA", "PHÓ CHỦ NHIỆM")),
    ],
)
def test_signature_forms_follow_hd36(level, form, deputy, lines):
    outline = Outline(
        type="cong-van",
        title="x",
        issuer=Issuer(level=level, province="Hậu Giang"),
        signature=Signature(form=form, deputy=deputy),
    )
    resolved, found = run(outline)
    assert not found
    assert (resolved.signers[0].authority, resolved.signers[0].position) == lines


def test_a_collective_cannot_sign_k_t():
    """HD 36 §1.7.1: a deputy secretary signs T/M, never K/T, for a cấp ủy."""
    outline = Outline(type="ke-hoach", title="x", issuer=HG, signature=Signature(form="K/T"))
    _, found = run(outline)
    assert [(layer, path) for layer, path, _ in messages(found)] == [
        (OUTLINE, ("signature", "form"))
    ]
    assert found[0].issue.params["known"] == "T/M"


def test_symbol_derived_checked_and_qdi_accepted():
    resolved, _ = run(Outline(type="quy-dinh", title="x", issuer=HG))
    assert resolved.outline.symbol == "QĐ/TU"
    for symbol in ("QĐ/TU", "QĐi/TU"):
        _, found = run(Outline(type="quy-dinh", title="x", issuer=HG, symbol=symbol))
        assert not found
    _, found = run(Outline(type="quy-dinh", title="x", issuer=HG, symbol="QyĐ/TU"))
    assert messages(found)[0][1] == ("symbol",)
    _, found = run(Outline(type="ke-hoach", title="x", issuer=HG, symbol="KH-TU"))
    assert messages(found)[0][1] == ("symbol",)


def test_joint_issuers_join_codes_and_sign_each():
    outline = Outline(
        type="huong-dan",
        title="x",
        issuer=Issuer(level="ban-tinh-uy", unit="to-chuc", province="Hậu Giang"),
        joint=[JointIssuer(level="ban-tinh-uy", unit="dan-van")],
    )
    resolved, found = run(outline)
    assert not found
    assert resolved.outline.symbol == "HD/BTCTU-BDVTU"
    assert resolved.issuer_names == ("BAN TỔ CHỨC", "BAN DÂN VẬN")
    assert [s.position for s in resolved.signers] == ["TRƯỞNG BAN", "TRƯỞNG BAN"]


def test_missing_names_and_unknown_values_are_located():
    outline = Outline(
        type="ke-hoach",
        title="x",
        issuer=Issuer(level="huyen-uy"),
        secrecy="Bí mật",
        task_order="random",
    )
    _, found = run(outline)
    paths = {path for _, path, _ in messages(found)}
    assert {("issuer", "level"), ("secrecy",), ("task_order",)} <= paths
    level_problem = next(f for f in found if f.issue.path == ("issuer", "level"))
    assert level_problem.issue.params["keys"] == "district, province"


def test_no_issuer_anywhere_says_how_to_give_one():
    _, found = run(Outline(type="ke-hoach", title="x"))
    assert found[0].issue.path == ("issuer",)
    assert "drafter new --settings" in found[0].issue.message


def test_marks_are_normalised_to_the_pack_spelling():
    resolved, found = run(
        Outline(type="cong-van", title="x", issuer=HG, secrecy="mật", urgency="HỎA TỐC")
    )
    assert not found
    assert (resolved.outline.secrecy, resolved.outline.urgency) == ("Mật", "Hỏa tốc")


def test_archive_added_once():
    resolved, _ = run(Outline(type="ke-hoach", title="x", issuer=HG, recipients=["A,"]))
    assert resolved.outline.recipients == ["A,", "Lưu Văn phòng Tỉnh ủy."]
    resolved, _ = run(
        Outline(type="ke-hoach", title="x", issuer=HG, recipients=["A,", "Lưu VT, VP."])
    )
    assert resolved.outline.recipients == ["A,", "Lưu VT, VP."]


def test_enacting_line_of_a_decision():
    resolved, _ = run(Outline(type="quyet-dinh", title="x", issuer=HG))
    assert resolved.enacting == "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH"
    resolved, _ = run(Outline(type="quyet-dinh", title="x", issuer=HG, enacting="BAN BÍ THƯ"))
    assert resolved.enacting == "BAN BÍ THƯ"
    resolved, _ = run(Outline(type="ke-hoach", title="x", issuer=HG))
    assert resolved.enacting is None


def test_draft_date_defaults_to_this_year_and_final_requires_a_full_one():
    resolved, found = run(Outline(type="ke-hoach", title="x", issuer=HG))
    assert not found and resolved.outline.date.year == 2024 and resolved.outline.is_draft
    resolved, found = run(Outline(type="ke-hoach", title="x", issuer=HG), final=True)
    assert [path for _, path, _ in messages(found)] == [
        ("number",),
        ("date",),
        ("signature", "name"),
    ]
    assert resolved.outline.draft is False


def test_a_written_out_issuer_without_level_is_not_guessed_at():
    outline = Outline(
        type="ke-hoach", title="x", issuer=Issuer(name="BAN CHỈ ĐẠO 35"), place="Hậu Giang"
    )
    _, found = run(outline)
    assert {path for _, path, _ in messages(found)} == {("issuer",)}  # its code: not guessed
    outline = Outline(
        type="ke-hoach",
        title="x",
        place="Hậu Giang",
        issuer=Issuer(name="BAN CHỈ ĐẠO 35", code="BCĐ"),
        signature=Signature(authority="T/M BAN CHỈ ĐẠO", position="TRƯỞNG BAN"),
    )
    resolved, found = run(outline)
    assert not found
    assert resolved.outline.symbol == "KH/BCĐ" and resolved.outline.recipients == []


def test_signers_by_position_name_only_the_office_own_signer():
    settings = Settings(
        issuer=Issuer(level="ban-tinh-uy", unit="to-chuc", province="Hậu Giang"),
        signers={"trưởng  ban": "Nguyễn Văn An"},
    )
    outline = Outline(
        type="huong-dan", title="x", joint=[JointIssuer(level="ban-tinh-uy", unit="dan-van")]
    )
    resolved, found = run(outline, settings)
    assert not found
    assert [s.name for s in resolved.signers] == ["Nguyễn Văn An", ""]
