"""Every document type: `drafter new TYPE` then `drafter build` gives a Word file
whose header block, type name or "V/v" line, numbering, signature and Nơi nhận
match HD 36 for the issuer level chosen in drafter.yaml."""

from __future__ import annotations

import docx
import pytest

from drafter import doctypes
from layout import Expected, check_document

SETTINGS = {
    "ban-thuong-vu-tinh-uy": "issuer:\n  level: ban-thuong-vu-tinh-uy\n  province: Hậu Giang\n",
    "ban-thuong-vu-huyen-uy": (
        "issuer:\n  level: ban-thuong-vu-huyen-uy\n  province: Hậu Giang\n  district: Châu Thành\n"
    ),
    "van-phong-tinh-uy": "issuer:\n  level: van-phong-tinh-uy\n  province: Hậu Giang\n",
    "ban-tinh-uy": "issuer:\n  level: ban-tinh-uy\n  unit: tuyen-giao\n  province: Hậu Giang\n",
    "chi-bo": (
        "issuer:\n  level: chi-bo\n  province: Hậu Giang\n  commune: Tân Hòa\n"
        "  unit: Chi bộ ấp Tân Lợi\n"
    ),
}

# Written out by hand from HD 36 (party-format.md §2, §5, §6), not computed.
LEVELS = {
    "ban-thuong-vu-tinh-uy": (None, ("TỈNH ỦY HẬU GIANG",), "TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
                              "Hậu Giang", "- Lưu Văn phòng Tỉnh ủy."),
    "ban-thuong-vu-huyen-uy": ("ĐẢNG BỘ TỈNH HẬU GIANG", ("HUYỆN ỦY CHÂU THÀNH",), "HU",
                               "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Châu Thành",
                               "- Lưu Văn phòng Huyện ủy."),
    "van-phong-tinh-uy": ("TỈNH ỦY HẬU GIANG", ("VĂN PHÒNG",), "VPTU", "", "CHÁNH VĂN PHÒNG",
                          "Hậu Giang", "- Lưu Văn phòng Tỉnh ủy."),
    "ban-tinh-uy": ("TỈNH ỦY HẬU GIANG", ("BAN TUYÊN GIÁO",), "BTGTU", "", "TRƯỞNG BAN",
                    "Hậu Giang", "- Lưu Ban Tuyên giáo."),
    "chi-bo": ("ĐẢNG BỘ XÃ TÂN HÒA", ("CHI BỘ ẤP TÂN LỢI",), "CB", "T/M CHI BỘ", "BÍ THƯ",
               "Tân Hòa", "- Lưu Chi bộ."),
}  # fmt: skip

# The level each type is drafted by here, the type code and the first numbering level.
TYPES = {
    "chuong-trinh": ("ban-thuong-vu-tinh-uy", "CTr", "CHƯƠNG TRÌNH", "roman"),
    "ke-hoach": ("ban-thuong-vu-tinh-uy", "KH", "KẾ HOẠCH", "roman"),
    "bao-cao": ("ban-thuong-vu-huyen-uy", "BC", "BÁO CÁO", "roman"),
    "nghi-quyet": ("chi-bo", "NQ", "NGHỊ QUYẾT", "roman"),
    "chi-thi": ("ban-thuong-vu-tinh-uy", "CT", "CHỈ THỊ", "arabic"),
    "ket-luan": ("ban-thuong-vu-tinh-uy", "KL", "KẾT LUẬN", "arabic"),
    "thong-bao": ("van-phong-tinh-uy", "TB", "THÔNG BÁO", "arabic"),
    "quyet-dinh": ("ban-thuong-vu-tinh-uy", "QĐ", "QUYẾT ĐỊNH", "dieu"),
    "quy-dinh": ("ban-thuong-vu-tinh-uy", "QĐ", "QUY ĐỊNH", "roman"),
    "huong-dan": ("ban-tinh-uy", "HD", "HƯỚNG DẪN", "roman"),
    "to-trinh": ("ban-tinh-uy", "TTr", "TỜ TRÌNH", "roman"),
    "cong-van": ("van-phong-tinh-uy", "CV", None, "arabic"),
}


def test_every_contract_type_is_covered():
    assert set(TYPES) == set(doctypes.type_keys())


@pytest.mark.parametrize("type_key", list(TYPES))
def test_new_then_build_matches_hd36(type_key, workdir, drafter_cli):
    level, abbr, type_name, first_level = TYPES[type_key]
    (workdir / "drafter.yaml").write_text(SETTINGS[level], encoding="utf-8")
    made = drafter_cli("new", type_key)
    assert made.code == 0, made.stderr
    outline = workdir / f"{type_key}.yaml"
    text = outline.read_text(encoding="utf-8")
    assert "# " in text and "Số văn bản" in text  # Vietnamese comments on the fields
    built = drafter_cli("build", outline, "-o", "out.docx")
    assert built.code == 0, built.stderr
    superior, issuer, code, authority, position, place, archive = LEVELS[level]
    excerpt = None
    if type_name is None:
        title = docx.Document(str(workdir / "out.docx")).tables[0].rows[0].cells[0].paragraphs
        excerpt = next(p.text for p in title if p.text.startswith("V/v "))
    expected = Expected(
        issuer=issuer,
        superior=superior,
        symbol=f"{abbr}/{code}",
        authority=authority,
        position=position,
        type_name=type_name,
        excerpt=excerpt,
        first_level=first_level,
        place=place,
        archive=archive,
    )
    check_document(workdir / "out.docx", expected)
    recipients = [
        p.text
        for p in docx.Document(str(workdir / "out.docx")).tables[1].rows[0].cells[0].paragraphs
    ]
    assert recipients[-1] == archive
    if type_key in ("cong-van", "to-trinh"):  # addressed documents start with "Như trên"
        assert recipients[1] == "- Như trên,"


def test_cong_van_has_no_type_name_and_v_v_under_the_number(workdir, drafter_cli):
    (workdir / "drafter.yaml").write_text(SETTINGS["van-phong-tinh-uy"], encoding="utf-8")
    (workdir / "cv.yaml").write_text(
        "type: cong-van\ndate: 2024\ntitle: đề nghị báo cáo\naddressees: [Các ban đảng]\n"
        "sections: [Một nội dung.]\n",
        encoding="utf-8",
    )
    assert drafter_cli("build", "cv.yaml", "-o", "cv.docx").code == 0
    document = docx.Document("cv.docx")
    left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert left[:4] == ["TỈNH ỦY HẬU GIANG", "VĂN PHÒNG", "*", left[3]]
    assert left[4] == "V/v đề nghị báo cáo"
    body = [p.text for p in document.paragraphs]
    assert "CÔNG VĂN" not in body
    assert "Kính gửi: Các ban đảng" in body
