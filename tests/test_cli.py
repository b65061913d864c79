"""The command line as a user meets it: exit codes, messages, never a traceback."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from conftest import EXAMPLE, copy_example, run_cli

BROKEN = """\
type: chuong-trinh
issuer:
  name: TỈNH ỦY HẬU GIANG
symbol: CTr/TU
place: Hậu Giang
date: 2023
draft: true
issuer: trùng
titel: Công tác quý I năm 2024
sections: "không phải danh sách"
"""


def assert_clean_failure(result, code: int = 2) -> None:
    assert result.code == code, result
    assert "Traceback" not in result.stderr + result.stdout


def test_build_default_output_in_drafts(tmp_path: Path) -> None:
    outline = copy_example(tmp_path, "chuong-trinh-quy-1-2024.yaml")
    result = run_cli("build", str(outline), cwd=tmp_path)
    assert result.code == 0, result.stderr
    target = tmp_path / "drafts" / "chuong-trinh-quy-1-2024.docx"
    assert target.is_file()
    assert result.stdout.startswith("Đã tạo drafts/chuong-trinh-quy-1-2024.docx")
    assert not list((tmp_path / "drafts").glob(".~*")), "no temporary file left behind"


def test_english_on_request(tmp_path: Path) -> None:
    result = run_cli("build", str(EXAMPLE), "-o", str(tmp_path / "a.docx"), "--lang", "en")
    assert result.code == 0 and result.stdout.startswith("Built ")
    result = run_cli("--lang=en", "build", str(EXAMPLE), "-o", str(tmp_path / "b.docx"))
    assert result.stdout.startswith("Built ")
    result = run_cli("build", str(EXAMPLE), "-o", str(tmp_path / "c.docx"),
                     env={"DRAFTER_LANG": "", "LANG": "en_US.UTF-8"})  # fmt: skip
    assert result.stdout.startswith("Built ")


def test_malformed_outline_lists_every_problem(tmp_path: Path) -> None:
    outline = tmp_path / "sai.yaml"
    outline.write_text(BROKEN, encoding="utf-8")
    result = run_cli("build", str(outline), cwd=tmp_path)
    assert_clean_failure(result)
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(outline))]
    assert [line.split(": ", 1)[0].removeprefix(str(outline)) for line in lines] == [
        ":1:1", ":8:1", ":9:1", ":10:11",
    ]  # fmt: skip
    assert "thiếu khóa bắt buộc 'title'" in lines[0]
    assert "khóa 'issuer' bị lặp (đã có ở dòng 2)" in lines[1]
    assert "khóa không hợp lệ 'titel' — có phải là 'title'?" in lines[2]
    assert "'sections' phải là một danh sách" in lines[3]
    assert " 9 | titel: Công tác quý I năm 2024" in result.stderr
    assert result.stderr.rstrip().endswith("phát hiện 4 lỗi; chưa dựng văn bản")
    assert not (tmp_path / "drafts").exists()

    english = run_cli("build", str(outline), "--lang", "en", cwd=tmp_path)
    assert_clean_failure(english)
    assert "missing required key 'title'" in english.stderr
    assert "duplicate key 'issuer' (first given on line 2)" in english.stderr
    assert "unknown key 'titel' — did you mean 'title'?" in english.stderr
    assert "'sections' must be a list" in english.stderr


def test_syntax_error_in_both_languages(tmp_path: Path) -> None:
    outline = tmp_path / "cu-phap.yaml"
    outline.write_text("title: Công tác: quý I\n", encoding="utf-8")
    result = run_cli("build", str(outline))
    assert_clean_failure(result)
    assert result.stderr.startswith(f"{outline}:1:16: không được có dấu hai chấm ở đây")
    english = run_cli("build", str(outline), "--lang", "en")
    assert english.stderr.startswith(f"{outline}:1:16: a colon is not allowed here")


def test_missing_file_folder_and_bad_output(tmp_path: Path) -> None:
    missing = run_cli("build", str(tmp_path / "khong-co.yaml"))
    assert_clean_failure(missing)
    assert "không tìm thấy tệp" in missing.stderr
    folder = run_cli("build", str(tmp_path))
    assert_clean_failure(folder)
    wrong_suffix = run_cli("build", str(EXAMPLE), "-o", str(tmp_path / "x.pdf"))
    assert_clean_failure(wrong_suffix)
    assert "đuôi .docx" in wrong_suffix.stderr


def test_never_overwrites_the_outline(tmp_path: Path) -> None:
    outline = copy_example(tmp_path, "x.docx")  # an outline with a .docx name
    before = outline.read_bytes()
    result = run_cli("build", str(outline), "-o", str(outline))
    assert_clean_failure(result)
    assert outline.read_bytes() == before


def test_refuses_foreign_files_and_merges_edited_ones(tmp_path: Path) -> None:
    target = tmp_path / "ban-du-thao.docx"
    foreign = Document()
    foreign.add_paragraph("Văn bản của người khác")
    foreign.save(str(target))
    before = target.read_bytes()
    result = run_cli("build", str(EXAMPLE), "-o", str(target))
    assert_clean_failure(result)
    assert "không do drafter tạo ra" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == before

    assert run_cli("build", str(EXAMPLE), "-o", str(target), "--force").code == 0
    assert run_cli("build", str(EXAMPLE), "-o", str(target)).code == 0  # unchanged: fine

    edited = Document(str(target))
    edited.paragraphs[-1].add_run(" (ý kiến của lãnh đạo)")
    edited.save(str(target))
    result = run_cli("build", str(EXAMPLE), "-o", str(target))  # edited: merged, not lost
    assert result.code == 0, result
    assert "(ý kiến của lãnh đạo)" in Document(str(target)).paragraphs[-1].text


def test_format_only_edit_is_an_edit(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    assert run_cli("build", str(EXAMPLE), "-o", str(target)).code == 0
    edited = Document(str(target))
    body = next(p for p in edited.paragraphs if p.text.startswith("Căn cứ"))
    body.runs[0].font.bold = True
    edited.save(str(target))
    assert run_cli("build", str(EXAMPLE), "-o", str(target)).code == 0  # merged
    body = next(p for p in Document(str(target)).paragraphs if p.text.startswith("Căn cứ"))
    assert body.runs[0].font.bold  # the hand formatting survives the rebuild


def test_corrupt_target_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "hong.docx"
    target.write_bytes(b"PK\x03\x04 not really a zip")
    result = run_cli("build", str(EXAMPLE), "-o", str(target))
    assert_clean_failure(result)
    assert target.read_bytes() == b"PK\x03\x04 not really a zip"


def test_version_help_and_usage_errors() -> None:
    version = run_cli("--version")
    assert version.code == 0 and version.stdout.startswith("drafter ")
    help_vi = run_cli("--help")
    assert help_vi.code == 0 and "Dựng văn bản Word" in help_vi.stdout
    help_en = run_cli("--help", "--lang", "en")
    assert "Build the official-format Word file" in help_en.stdout
    assert_clean_failure(run_cli("build"))
    assert_clean_failure(run_cli("build", str(EXAMPLE), "--no-such-option"))
    bad_language = run_cli("--lang", "fr", "build", str(EXAMPLE))
    assert_clean_failure(bad_language)
    assert "không có ngôn ngữ 'fr'" in bad_language.stderr


def test_pdf_without_libreoffice_explains_how_to_install(tmp_path: Path) -> None:
    result = run_cli("build", str(EXAMPLE), "-o", str(tmp_path / "a.docx"), "--pdf",
                     env={"DRAFTER_SOFFICE": str(tmp_path / "khong-co-soffice")})  # fmt: skip
    assert_clean_failure(result)
    assert "Cần LibreOffice để tạo PDF" in result.stderr and "apt-get install" in result.stderr
    assert (tmp_path / "a.docx").exists() and not (tmp_path / "a.pdf").exists()


def test_usage_errors_are_translated() -> None:
    missing = run_cli("build")
    assert_clean_failure(missing)
    assert "lỗi: thiếu tham số 'outline'" in missing.stderr
    assert "Xem hướng dẫn: drafter build -h" in missing.stderr
    typo = run_cli("build", str(EXAMPLE), "--forc")
    assert "không có tùy chọn --forc (có phải là: --force)" in typo.stderr
    assert "không có lệnh 'buidl'" in run_cli("buidl").stderr
    assert "tùy chọn -o cần một giá trị" in run_cli("build", str(EXAMPLE), "-o").stderr
    english = run_cli("build", "--lang", "en")
    assert "error: missing argument 'outline'" in english.stderr


def test_a_word_file_given_as_outline_points_to_import() -> None:
    from conftest import ROOT

    template = ROOT / "templates" / "chuong-trinh.docx"
    result = run_cli("build", str(template))
    assert_clean_failure(result)
    assert "đây là tệp Word, không phải dàn ý" in result.stderr
    assert f"drafter import {template}" in result.stderr


def test_an_untouched_output_is_recognised_from_its_bytes(tmp_path: Path) -> None:
    """The fast path: word/document.xml's hash is recorded and matches on rebuild."""
    import hashlib

    from drafter.docx_io.package import DocxPackage
    from drafter.docx_io.properties import read_custom_properties
    from drafter.provenance import TargetState, inspect_target

    target = tmp_path / "a.docx"
    assert run_cli("build", str(EXAMPLE), "-o", str(target)).code == 0
    with DocxPackage(target) as package:
        stored = read_custom_properties(package)["drafter.document_xml_sha256"]
        assert stored == hashlib.sha256(package.read("word/document.xml")).hexdigest()
    assert inspect_target(target).state is TargetState.UNCHANGED
