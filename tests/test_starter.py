"""`drafter new`: commented starters that build as they are, never overwriting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter import doctypes
from drafter.loader import load_outline_text
from drafter.starter import listing, scalar, starter_text

ALL_TYPES = doctypes.type_keys()


@pytest.mark.parametrize("type_key", ALL_TYPES)
def test_every_starter_builds_without_settings(type_key, workdir, drafter_cli):
    assert drafter_cli("new", type_key).code == 0
    text = (workdir / f"{type_key}.yaml").read_text("utf-8")
    assert "level: ban-thuong-vu-tinh-uy" in text and '"[Tên tỉnh]"' in text
    result = drafter_cli("build", f"{type_key}.yaml", "-o", "out.docx")
    assert result.code == 0, result.stderr


def test_every_field_line_carries_a_vietnamese_comment():
    text = starter_text("ke-hoach")
    for key in ("number:", "date:", "draft:", "title:", "preamble:", "sections:", "signature:"):
        line = next(line for line in text.splitlines() if line.startswith(key))
        assert " # " in line, line
    assert "Số văn bản; để trống trong dự thảo" in text
    assert "Cơ quan chủ trì thực hiện nhiệm vụ" in text  # tasks explained


def test_starter_shows_what_settings_provide_without_pinning_it(workdir, drafter_cli):
    (workdir / "drafter.yaml").write_text(
        "issuer:\n  level: van-phong-tinh-uy\n  province: Hậu Giang\n", "utf-8"
    )
    assert drafter_cli("new", "cong-van").code == 0
    text = (workdir / "cong-van.yaml").read_text("utf-8")
    assert "VĂN PHÒNG" in text and "CV/VPTU" in text and "CHÁNH VĂN PHÒNG" in text
    assert not any(line.startswith("issuer:") for line in text.splitlines())  # only comments
    assert drafter_cli("build", "cong-van.yaml", "-o", "cv.docx").code == 0


def test_level_option_writes_the_issuer_and_the_names_it_needs(workdir, drafter_cli):
    assert drafter_cli("new", "bao-cao", "--level", "huyen-uy", "-o", "bc.yaml").code == 0
    text = (workdir / "bc.yaml").read_text("utf-8")
    assert "  level: huyen-uy" in text and '  district: "[Tên huyện]"' in text
    assert drafter_cli("build", "bc.yaml", "-o", "bc.docx").code == 0
    assert drafter_cli("new", "bao-cao", "--level", "huyen-uyy").code == 2


def test_never_overwrites_without_force(workdir, drafter_cli):
    (workdir / "ke-hoach.yaml").write_text("my work\n", "utf-8")
    result = drafter_cli("--lang", "en", "new", "ke-hoach")
    assert result.code == 2 and "already exists" in result.stderr
    assert (workdir / "ke-hoach.yaml").read_text("utf-8") == "my work\n"
    assert drafter_cli("new", "ke-hoach", "--force").code == 0
    assert (workdir / "ke-hoach.yaml").read_text("utf-8").startswith("# Kế hoạch")


def test_dash_writes_to_the_screen_and_unknown_type_is_refused(workdir, drafter_cli):
    result = drafter_cli("new", "to-trinh", "-o", "-")
    assert result.code == 0 and result.stdout.startswith("# Tờ trình")
    assert list(workdir.iterdir()) == []
    result = drafter_cli("--lang", "en", "new", "ke-hoachh")
    assert result.code == 2 and "unknown document type 'ke-hoachh'" in result.stderr
    assert drafter_cli("new").code == 2


def test_list_shows_every_type_and_level(drafter_cli):
    result = drafter_cli("new", "--list")
    assert result.code == 0
    for doctype in doctypes.all_types():
        assert f"  {doctype.key} " in result.stdout and doctype.abbr in result.stdout
    assert "ban-thuong-vu-tinh-uy" in result.stdout and "chi-bo" in result.stdout
    assert listing() == result.stdout


def test_settings_starter_builds_every_type(workdir, drafter_cli):
    assert drafter_cli("new", "--settings").code == 0
    text = (workdir / "drafter.yaml").read_text("utf-8")
    (workdir / "drafter.yaml").write_text(text.replace('"[Tên tỉnh]"', "Hậu Giang"), "utf-8")
    for type_key in ("ke-hoach", "quyet-dinh"):
        assert drafter_cli("new", type_key).code == 0
        assert drafter_cli("build", f"{type_key}.yaml", "-o", f"{type_key}.docx").code == 0
    assert drafter_cli("new", "--settings").code == 2  # drafter.yaml exists: not overwritten


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_scalar_reads_back_as_the_same_text(value):
    rendered = scalar(value) or '""'
    outline = load_outline_text(f"type: ke-hoach\ntitle: {rendered}\n", "x.yaml")
    assert outline.data["title"] == value


def test_a_level_that_cannot_sign_the_type_is_refused_at_once(workdir, drafter_cli):
    result = drafter_cli("--lang", "en", "new", "nghi-quyet", "--level", "van-phong-tinh-uy")
    assert result.code == 2 and "HD 36" in result.stderr
    assert list(workdir.iterdir()) == []
