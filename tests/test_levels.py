"""Changing the issuer level in drafter.yaml changes the header, the symbol's
issuer code and the signature together — every level, a few document types,
the same starter outline (which names no issuer itself)."""

from __future__ import annotations

import docx
import pytest

from drafter import issuers
from layout import Expected, check_header, check_signature

NAMES = "  province: Hậu Giang\n  district: Châu Thành\n  commune: Tân Hòa\n"

# level -> (extra settings, superior, issuer, code, authority, position, place, archive),
# written out by hand from HD 36 (party-format.md §2, §5, §6).
LEVELS = {
    "trung-uong": ("", None, "BAN CHẤP HÀNH TRUNG ƯƠNG", "TW", "T/M BỘ CHÍNH TRỊ",
                   "TỔNG BÍ THƯ", "Hà Nội", "- Lưu Văn phòng Trung ương Đảng."),
    "van-phong-trung-uong": ("", "BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", "VPTW", "",
                             "CHÁNH VĂN PHÒNG", "Hà Nội", "- Lưu Văn phòng Trung ương Đảng."),
    "ban-trung-uong": ("  unit: tuyen-giao\n", "BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TUYÊN GIÁO",
                       "BTGTW", "", "TRƯỞNG BAN", "Hà Nội", "- Lưu Ban Tuyên giáo."),
    "tinh-uy": ("", None, "TỈNH ỦY HẬU GIANG", "TU", "T/M TỈNH ỦY", "BÍ THƯ", "Hậu Giang",
                "- Lưu Văn phòng Tỉnh ủy."),
    "ban-thuong-vu-tinh-uy": ("", None, "TỈNH ỦY HẬU GIANG", "TU", "T/M BAN THƯỜNG VỤ",
                              "BÍ THƯ", "Hậu Giang", "- Lưu Văn phòng Tỉnh ủy."),
    "van-phong-tinh-uy": ("", "TỈNH ỦY HẬU GIANG", "VĂN PHÒNG", "VPTU", "", "CHÁNH VĂN PHÒNG",
                          "Hậu Giang", "- Lưu Văn phòng Tỉnh ủy."),
    "ban-tinh-uy": ("  unit: dan-van\n", "TỈNH ỦY HẬU GIANG", "BAN DÂN VẬN", "BDVTU", "",
                    "TRƯỞNG BAN", "Hậu Giang", "- Lưu Ban Dân vận."),
    "uy-ban-kiem-tra-tinh-uy": ("", "TỈNH ỦY HẬU GIANG", "ỦY BAN KIỂM TRA", "UBKTTU",
                                "T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM", "Hậu Giang",
                                "- Lưu Ủy ban Kiểm tra."),
    "huyen-uy": ("", "ĐẢNG BỘ TỈNH HẬU GIANG", "HUYỆN ỦY CHÂU THÀNH", "HU", "T/M HUYỆN ỦY",
                 "BÍ THƯ", "Châu Thành", "- Lưu Văn phòng Huyện ủy."),
    "ban-thuong-vu-huyen-uy": ("", "ĐẢNG BỘ TỈNH HẬU GIANG", "HUYỆN ỦY CHÂU THÀNH", "HU",
                               "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Châu Thành",
                               "- Lưu Văn phòng Huyện ủy."),
    "dang-uy": ("", "ĐẢNG BỘ HUYỆN CHÂU THÀNH", "ĐẢNG ỦY XÃ TÂN HÒA", "ĐU", "T/M ĐẢNG ỦY",
                "BÍ THƯ", "Tân Hòa", "- Lưu Đảng ủy."),
    "ban-thuong-vu-dang-uy": ("", "ĐẢNG BỘ HUYỆN CHÂU THÀNH", "ĐẢNG ỦY XÃ TÂN HÒA", "ĐU",
                              "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Tân Hòa", "- Lưu Đảng ủy."),
    "chi-bo": ("  unit: Chi bộ ấp Tân Lợi\n", "ĐẢNG BỘ XÃ TÂN HÒA", "CHI BỘ ẤP TÂN LỢI", "CB",
               "T/M CHI BỘ", "BÍ THƯ", "Tân Hòa", "- Lưu Chi bộ."),
}  # fmt: skip

TYPES = {"ke-hoach": ("KH", "KẾ HOẠCH"), "bao-cao": ("BC", "BÁO CÁO"), "cong-van": ("CV", None)}


def test_every_level_is_covered():
    assert set(LEVELS) == set(issuers.level_keys())


@pytest.fixture(scope="module")
def starters(tmp_path_factory):
    """One starter outline per type, made once without any drafter.yaml."""
    from conftest import run_inprocess as run_cli

    folder = tmp_path_factory.mktemp("starters")
    for type_key in TYPES:
        result = run_cli("new", type_key, "-o", folder / f"{type_key}.yaml", "--level",
                         "ban-thuong-vu-tinh-uy")  # fmt: skip
        assert result.code == 0, result.stderr
        text = (folder / f"{type_key}.yaml").read_text(encoding="utf-8")
        # keep the body, let drafter.yaml decide the issuer: drop the issuer block
        kept = [line for line in text.splitlines()
                if not line.startswith(("issuer:", "  level:", "  province:"))]  # fmt: skip
        (folder / f"{type_key}.yaml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("type_key", list(TYPES))
@pytest.mark.parametrize("level", list(LEVELS))
def test_level_in_settings_drives_header_code_and_signature(level, type_key, starters, workdir,
                                                             drafter_cli):  # fmt: skip
    extra, superior, issuer, code, authority, position, place, archive = LEVELS[level]
    (workdir / "drafter.yaml").write_text(
        f"issuer:\n  level: {level}\n{NAMES}{extra}", encoding="utf-8"
    )
    outline = workdir / "outline.yaml"
    outline.write_text((starters / f"{type_key}.yaml").read_text(encoding="utf-8"), "utf-8")
    result = drafter_cli("build", outline, "-o", "out.docx")
    assert result.code == 0, result.stderr
    abbr, type_name = TYPES[type_key]
    expected = Expected(
        issuer=(issuer,),
        superior=superior,
        symbol=f"{abbr}/{code}",
        authority=authority,
        position=position,
        type_name=type_name,
        place=place,
        archive=archive,
    )
    document = docx.Document(str(workdir / "out.docx"))
    check_header(document, expected)
    check_signature(document, expected)


def test_a_resolution_cannot_be_signed_by_an_advisory_body(workdir, drafter_cli):
    """HD 36 §1.7.1: a Nghị quyết is signed T/M a collective; the Office cannot."""
    settings = workdir / "drafter.yaml"
    settings.write_text("issuer:\n  level: van-phong-tinh-uy\n  province: Hậu Giang\n", "utf-8")
    (workdir / "nq.yaml").write_text("type: nghi-quyet\ndate: 2024\ntitle: về …\n", "utf-8")
    result = drafter_cli("--lang", "en", "build", "nq.yaml")
    assert result.code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{settings}:2:10: ")  # at the level in drafter.yaml
    assert "HD 36" in first and "Nghị quyết" in first


def test_outline_level_overrides_settings_but_keeps_the_names(workdir, drafter_cli):
    (workdir / "drafter.yaml").write_text(
        "issuer:\n  level: ban-thuong-vu-tinh-uy\n  province: Hậu Giang\n", "utf-8"
    )
    (workdir / "kh.yaml").write_text(
        "type: ke-hoach\ndate: 2024\ntitle: về …\nissuer:\n  level: van-phong-tinh-uy\n", "utf-8"
    )
    assert drafter_cli("build", "kh.yaml", "-o", "kh.docx").code == 0
    left = docx.Document("kh.docx").tables[0].rows[0].cells[0].paragraphs
    assert [p.text for p in left if p.text][:3] == ["TỈNH ỦY HẬU GIANG", "VĂN PHÒNG", "*"]
