"""Every example outline builds and passes the same layout checks as the
Chương trình (whose paragraphs test_build_example.py compares with the
reference draft)."""

from __future__ import annotations

import docx
import pytest

from conftest import EXAMPLES
from drafter import doctypes
from layout import Expected, check_document, check_header, check_page

TU = ("TỈNH ỦY HẬU GIANG",)
HG = "TỈNH ỦY HẬU GIANG"

# example -> what its first page and signature must show (written out by hand)
EXAMPLES_EXPECTED = {
    "chuong-trinh-quy-1-2024": Expected(
        TU, None, "CTr/TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "CHƯƠNG TRÌNH", place="Hậu Giang"
    ),
    "ke-hoach-chuyen-doi-so-2024": Expected(
        TU, None, "KH/TU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "KẾ HOẠCH",
        draft_mark="Dự thảo lần 2",
    ),
    "bao-cao-so-ket-6-thang-2024": Expected(
        ("HUYỆN ỦY CHÂU THÀNH",), "ĐẢNG BỘ TỈNH HẬU GIANG", "BC/HU", "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ", "BÁO CÁO", place="Châu Thành",
    ),
    "nghi-quyet-chi-bo-thang-3-2024": Expected(
        ("CHI BỘ ẤP TÂN LỢI",), "ĐẢNG BỘ XÃ TÂN HÒA", "NQ/CB", "T/M CHI BỘ", "BÍ THƯ",
        "NGHỊ QUYẾT", place="Tân Hòa",
    ),
    "chi-thi-phong-chong-thien-tai-2024": Expected(
        TU, None, "CT/TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "CHỈ THỊ", first_level="arabic"
    ),
    "ket-luan-cai-cach-hanh-chinh-2024": Expected(
        TU, None, "KL/TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "KẾT LUẬN", number="45",
        first_level="arabic", draft_mark=None,
    ),
    "thong-bao-ket-luan-lam-viec-2024": Expected(
        ("VĂN PHÒNG",), HG, "TB/VPTU", "T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG", "THÔNG BÁO",
        first_level="arabic",
    ),
    "quyet-dinh-thanh-lap-to-giup-viec-2024": Expected(
        TU, None, "QĐ/TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "QUYẾT ĐỊNH", number="1254",
        first_level="dieu", draft_mark=None,
    ),
    "quy-dinh-che-do-hop-2024": Expected(
        TU, None, "QĐ/TU", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "QUY ĐỊNH"
    ),
    "huong-dan-tuyen-truyen-2024": Expected(
        ("BAN TUYÊN GIÁO", "BAN DÂN VẬN"), HG, "HD/BTGTU-BDVTU", "", "", "HƯỚNG DẪN"
    ),
    "to-trinh-quy-hoach-can-bo-2024": Expected(
        ("BAN TỔ CHỨC",), HG, "TTr/BTCTU", "", "TRƯỞNG BAN", "TỜ TRÌNH"
    ),
    "cong-van-bao-cao-chuyen-doi-so-2024": Expected(
        ("VĂN PHÒNG",), HG, "CV/VPTU", "", "CHÁNH VĂN PHÒNG", None,
        excerpt="V/v báo cáo kết quả chuyển đổi số 9 tháng đầu năm 2024", first_level="arabic",
    ),
}  # fmt: skip


def test_one_example_per_type():
    import yaml

    types = {yaml.safe_load(path.read_text("utf-8"))["type"] for path in EXAMPLES.glob("*.yaml")}
    assert types == set(doctypes.type_keys())
    assert {path.stem for path in EXAMPLES.glob("*.yaml")} == set(EXAMPLES_EXPECTED)


@pytest.mark.parametrize("name", list(EXAMPLES_EXPECTED))
def test_example_builds_and_passes_the_layout_checks(name, workdir, drafter_cli):
    result = drafter_cli("build", EXAMPLES / f"{name}.yaml", "-o", "out.docx")
    assert result.code == 0, result.stderr
    check_document(workdir / "out.docx", EXAMPLES_EXPECTED[name])


def test_joint_example_signs_side_by_side_and_lists_recipients_after(workdir, drafter_cli):
    assert (
        drafter_cli("build", EXAMPLES / "huong-dan-tuyen-truyen-2024.yaml", "-o", "hd.docx").code
        == 0
    )
    document = docx.Document("hd.docx")
    signatures = document.tables[1].rows[0].cells
    left = [p.text for p in signatures[0].paragraphs if p.text]
    right = [p.text for p in signatures[1].paragraphs if p.text]
    assert left == ["TRƯỞNG BAN"]  # Ban Dân vận, head signing directly
    assert right == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]  # the lead issuer, on the right
    texts = [p.text for p in document.paragraphs]
    recipients = texts[texts.index("Nơi nhận:") + 1 :]
    assert recipients[-1] == "- Lưu Ban Tuyên giáo."


def test_copy_components_follow_the_original(workdir, drafter_cli):
    example = EXAMPLES / "ket-luan-cai-cach-hanh-chinh-2024.yaml"
    assert drafter_cli("build", example, "-o", "kl.docx").code == 0
    document = docx.Document("kl.docx")
    check_page(document)
    copy_header = document.tables[2].rows[0].cells
    assert [p.text for p in copy_header[0].paragraphs if p.text] == [
        "TỈNH ỦY HẬU GIANG", "VĂN PHÒNG", "*", "Số 12-BS/VPTU",
    ]  # fmt: skip
    assert [p.text for p in copy_header[1].paragraphs if p.text] == [
        "SAO Y BẢN CHÍNH", "Hậu Giang, ngày 22 tháng 5 năm 2024",
    ]  # fmt: skip
    signature = [p.text for p in document.tables[3].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG", "Trần Thị Thu Hà"]
    check_header(document, EXAMPLES_EXPECTED["ket-luan-cai-cach-hanh-chinh-2024"])
