"""Finalising: `drafter build --final` (or `draft: false`) drops the draft mark
and requires a number, a full date and a signer name — and, when any is
missing, exits 2 listing each one at its file:line:col."""

from __future__ import annotations

import re

import docx

DRAFT = """\
type: ke-hoach
issuer:
  level: ban-thuong-vu-tinh-uy
  province: Hậu Giang
number:
date: 2024
title: về một việc
sections:
  - Một nhiệm vụ.
signature:
  name:
"""


def _locations(stderr: str) -> list[str]:
    return re.findall(r"^(\S+:\d+:\d+): ", stderr, flags=re.MULTILINE)


def test_final_with_blanks_lists_each_missing_field_at_its_place(workdir, drafter_cli):
    (workdir / "kh.yaml").write_text(DRAFT, encoding="utf-8")
    result = drafter_cli("--lang", "en", "build", "kh.yaml", "--final")
    assert result.code == 2
    assert _locations(result.stderr) == ["kh.yaml:5:1", "kh.yaml:6:7", "kh.yaml:11:3"]
    lines = result.stderr.splitlines()
    assert "number" in lines[0]
    assert any("full date" in line for line in lines)
    assert any("signer" in line for line in lines)
    assert lines[-1] == "3 problem(s) found; nothing was built"
    assert not (workdir / "drafts").exists()  # nothing written


def test_final_messages_are_vietnamese_by_default(workdir, drafter_cli):
    (workdir / "kh.yaml").write_text(DRAFT, encoding="utf-8")
    result = drafter_cli("build", "kh.yaml", "--final")
    assert result.code == 2
    assert "bản ban hành" in result.stderr and "Traceback" not in result.stderr


def test_final_with_absent_keys_points_at_the_nearest_place(workdir, drafter_cli):
    (workdir / "kh.yaml").write_text(
        "type: ke-hoach\nissuer:\n  level: ban-thuong-vu-tinh-uy\n  province: Hậu Giang\n"
        "title: về một việc\nsignature:\n  deputy: true\n",
        encoding="utf-8",
    )
    result = drafter_cli("--lang", "en", "build", "kh.yaml", "--final")
    assert result.code == 2
    # number and date absent: the top of the file; the name: the signature block
    assert _locations(result.stderr) == ["kh.yaml:1:1", "kh.yaml:1:1", "kh.yaml:6:1"]


def test_draft_false_in_the_outline_is_the_same_as_final(workdir, drafter_cli):
    (workdir / "kh.yaml").write_text(DRAFT.replace("date: 2024", "date: 2024\ndraft: false"),
                                     encoding="utf-8")  # fmt: skip
    result = drafter_cli("build", "kh.yaml")
    assert result.code == 2
    assert len(_locations(result.stderr)) == 3


def test_final_with_everything_drops_the_draft_mark(workdir, drafter_cli):
    filled = (
        DRAFT.replace("number:", 'number: "07"')
        .replace("date: 2024", "date: 2024-03-05")
        .replace("  name:", "  name: Nguyễn Văn An")
    )
    (workdir / "kh.yaml").write_text(filled, encoding="utf-8")
    result = drafter_cli("build", "kh.yaml", "--final", "-o", "kh.docx")
    assert result.code == 0, result.stderr
    document = docx.Document("kh.docx")
    left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs if p.text]
    right = [p.text for p in document.tables[0].rows[0].cells[1].paragraphs if p.text]
    assert left == ["TỈNH ỦY HẬU GIANG", "*", "Số 07-KH/TU"]  # no "Dự thảo"
    assert right[1] == "Hậu Giang, ngày 05 tháng 3 năm 2024"
    signature = [p.text for p in document.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An"]


def test_signer_name_may_come_from_the_settings(workdir, drafter_cli):
    (workdir / "drafter.yaml").write_text("signers:\n  BÍ THƯ: Nguyễn Văn An\n", "utf-8")
    filled = DRAFT.replace("number:", "number: 7").replace("date: 2024", "date: 05/03/2024")
    (workdir / "kh.yaml").write_text(filled, encoding="utf-8")
    result = drafter_cli("build", "kh.yaml", "--final", "-o", "kh.docx")
    assert result.code == 0, result.stderr
    signature = docx.Document("kh.docx").tables[1].rows[0].cells[1].paragraphs
    assert [p.text for p in signature if p.text][-1] == "Nguyễn Văn An"
