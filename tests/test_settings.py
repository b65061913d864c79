"""drafter.yaml: found from the outline's folder upwards (else the working
folder's), layered under the outline, its errors reported like an outline's."""

from __future__ import annotations

import re

import docx

from drafter.settings import find_settings, settings_for

OUTLINE = "type: ke-hoach\ndate: 2024\ntitle: về một việc\n"


def test_found_upwards_from_the_outline_folder(workdir):
    (workdir / "drafter.yaml").write_text("issuer:\n  level: tinh-uy\n", "utf-8")
    deep = workdir / "2024" / "quy-1"
    deep.mkdir(parents=True)
    assert find_settings(deep) == (workdir / "drafter.yaml").resolve()
    loaded = settings_for(deep / "kh.yaml")
    assert loaded.settings.issuer.level == "tinh-uy"


def test_the_outline_folder_wins_over_the_working_folder(workdir, monkeypatch):
    office = workdir / "office"
    office.mkdir()
    (office / "drafter.yaml").write_text("place: Vị Thanh\n", "utf-8")
    (workdir / "drafter.yaml").write_text("place: Ngã Bảy\n", "utf-8")
    assert settings_for(office / "kh.yaml").settings.place == "Vị Thanh"
    elsewhere = workdir.parent / f"{workdir.name}-other"
    elsewhere.mkdir()
    assert settings_for(elsewhere / "kh.yaml").settings.place == "Ngã Bảy"  # from cwd


def test_settings_apply_to_a_build(workdir, drafter_cli):
    (workdir / "drafter.yaml").write_text(
        "issuer:\n  level: ban-thuong-vu-tinh-uy\n  province: Hậu Giang\n"
        "signers:\n  BÍ THƯ: Nguyễn Văn An\nrecipients:\n  - Các ban đảng,\n",
        "utf-8",
    )
    (workdir / "kh.yaml").write_text(OUTLINE, "utf-8")
    assert drafter_cli("build", "kh.yaml", "-o", "kh.docx").code == 0
    cells = docx.Document("kh.docx").tables[1].rows[0].cells
    assert [p.text for p in cells[0].paragraphs if p.text] == [
        "Nơi nhận:",
        "- Các ban đảng,",
        "- Lưu Văn phòng Tỉnh ủy.",
    ]
    assert [p.text for p in cells[1].paragraphs if p.text][-1] == "Nguyễn Văn An"


def test_errors_in_settings_are_all_located_in_drafter_yaml(workdir, drafter_cli):
    settings = workdir / "drafter.yaml"
    settings.write_text(
        "issuer:\n  level: tinh-uyy\n  provinse: Hậu Giang\nnumbering: roman\n"
        "signers: [a, b]\ntypes:\n  ke-hoach:\n    task_order: random\n  ke-hoach-x: {}\n",
        "utf-8",
    )
    (workdir / "kh.yaml").write_text(OUTLINE, "utf-8")
    result = drafter_cli("--lang", "en", "build", "kh.yaml")
    assert result.code == 2
    located = re.findall(r"^(\S+?):(\d+):(\d+): (.*)$", result.stderr, flags=re.MULTILINE)
    assert [(line, message.split(" ")[0]) for _, line, _, message in located] == [
        ("3", "unknown"),
        ("5", "'signers'"),
    ]  # structural problems first: the unknown key and the wrong type, nothing built
    assert all(path == str(settings) for path, *_ in located)
    assert "Traceback" not in result.stderr


def test_semantic_errors_in_settings_are_located_too(workdir, drafter_cli):
    settings = workdir / "drafter.yaml"
    settings.write_text("issuer:\n  level: tinh-uyy\nnumbering: roman\nformat: hd99\n", "utf-8")
    (workdir / "kh.yaml").write_text(OUTLINE + "issuer:\n  province: Hậu Giang\n", "utf-8")
    result = drafter_cli("--lang", "en", "build", "kh.yaml")
    assert result.code == 2
    located = re.findall(r"^(\S+?):(\d+):(\d+): ", result.stderr, flags=re.MULTILINE)
    assert [(path, line, col) for path, line, col in located] == [
        (str(settings), "2", "10"), (str(settings), "3", "12"), (str(settings), "4", "9"),
    ]  # fmt: skip


def test_outline_and_settings_problems_are_reported_together(workdir, drafter_cli):
    (workdir / "drafter.yaml").write_text("plaec: Vị Thanh\n", "utf-8")
    (workdir / "kh.yaml").write_text(OUTLINE + "titel: x\n", "utf-8")
    result = drafter_cli("--lang", "en", "build", "kh.yaml")
    assert result.code == 2
    assert result.stderr.count("unknown key") == 2
    assert result.stderr.index("kh.yaml:4:1") < result.stderr.index("drafter.yaml:1:1")


def test_unknown_type_in_settings_types_is_located(workdir, drafter_cli):
    settings = workdir / "drafter.yaml"
    settings.write_text("types:\n  ke-hoach:\n    numbering: arabic\n  ke-hoachh: {}\n", "utf-8")
    (workdir / "kh.yaml").write_text(OUTLINE + "issuer:\n  province: Hậu Giang\n", "utf-8")
    result = drafter_cli("--lang", "en", "build", "kh.yaml")
    assert result.code == 2
    assert result.stderr.startswith(f"{settings}:4:3: unknown document type 'ke-hoachh'")
