"""``drafter check``, ``drafter rules`` and ``drafter citations`` as users run them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLE, ROOT, run_cli
from drafter.checking import check_and_report

CLEAN = "Hội nghị đã thống nhất các nội dung.\n"
SLIPS = "Tổ chức tổng kết chuyên đề chuyên đề năm 2023 (nội dung.\n"
OUTLINE_HEAD = "issuer: {level: ban-thuong-vu-tinh-uy, province: Hậu Giang}\ndate: 2023\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRAFTER_NO_CHECK_CACHE", "1")


def check(*paths: Path | str, **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = check_and_report([Path(p) for p in paths], stream=out, errors=err, **options)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str) -> Path:
    """Write ``text`` and return the path as a user in that folder types it."""
    path.write_text(text, encoding="utf-8")
    return Path(path.name)


# --------------------------------------------------------------------------- exit codes


def test_exit_codes(tmp_path: Path) -> None:
    clean, slips = write(tmp_path / "a.txt", CLEAN), write(tmp_path / "b.txt", SLIPS)
    assert check(clean)[0] == 0
    assert check(slips)[0] == 1  # the open bracket is an error
    assert check(slips, ignore=["TXT005"])[0] == 0  # warnings alone: 0 …
    assert check(slips, ignore=["TXT005"], strict=True)[0] == 1  # … but 1 with --strict
    code, _out, err = check(tmp_path / "missing.txt", clean)
    assert code == 2 and "missing.txt" in err and err.count("\n") == 1


def test_broken_inputs_are_reported_with_exit_2(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.yaml", "title: [không đóng\n")
    corrupt = Path("corrupt.docx")
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = check(broken, corrupt, output_format="json")
    assert code == 2
    findings = json.loads(out)
    # reported where the "[" was opened (line 1), not where the file ran out
    assert [(f["path"], f["code"], f["line"]) for f in findings] == [("broken.yaml", "OUT001", 1)]
    assert "corrupt.docx" in err and "Traceback" not in err


def test_a_file_that_could_not_be_read_is_never_called_clean(tmp_path: Path) -> None:
    """The summary counts the files it could not read: "no problems" is said only
    about files that were read."""
    Path("bad.docx").write_bytes(b"not a zip at all")
    code, out, err = check("bad.docx")
    assert code == 2 and "bad.docx" in err and err.count("\n") == 1
    assert "Không phát hiện vấn đề nào" not in out
    assert out.splitlines()[-1] == "Không kiểm tra được tệp nào. 1 tệp không đọc được."
    clean = write(tmp_path / "a.txt", CLEAN)
    code, out, _err = check("bad.docx", clean, "missing.txt", ignore=["HDR010"])
    assert code == 2
    assert out.splitlines()[-1] == "Không phát hiện vấn đề nào trong 1 tệp. 2 tệp không đọc được."
    code, out, _err = check("bad.docx", write(tmp_path / "b.txt", SLIPS))
    assert code == 2
    assert out.splitlines()[-1].startswith("Phát hiện 1 lỗi, 1 cảnh báo và 1 lưu ý trong 1 tệp. "
                                           "1 tệp không đọc được.")  # fmt: skip


def test_a_folder_with_nothing_to_check_is_a_wrong_path(tmp_path: Path) -> None:
    """``drafter check emptydir/`` in CI must not pass: exit 2 and a one-line reason,
    even next to a folder that has files."""
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "emptydir" / "notes.odt").write_bytes(b"not checked")
    (tmp_path / "drafts").mkdir()
    write(tmp_path / "drafts" / "a.txt", CLEAN)
    code, out, err = check("emptydir")
    assert code == 2
    assert err == (
        "lỗi: không tìm thấy tệp nào để kiểm tra trong emptydir "
        "(drafter chỉ kiểm tra tệp .yaml, .yml, .docx, .txt và .md)\n"
    )
    assert out == "Không kiểm tra được tệp nào. 1 thư mục không có tệp nào để kiểm tra.\n"
    code, out, err = check("emptydir", "drafts", ignore=["HDR010"])
    assert code == 2 and err.count("\n") == 1
    assert out == (
        "Không phát hiện vấn đề nào trong 1 tệp. 1 thư mục không có tệp nào để kiểm tra.\n"
    )
    assert check("drafts")[0] == 0
    for output_format in ("json", "sarif"):
        code, out, err = check("emptydir", output_format=output_format)
        assert code == 2 and "emptydir" in err
        json.loads(out)  # still the machine-readable document on stdout
    result = run_cli("check", "emptydir/", cwd=tmp_path)
    assert result.code == 2 and "emptydir" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("--lang", "en", "check", "no-such-folder/", cwd=tmp_path)
    assert result.code == 2 and "no-such-folder: file not found" in result.stderr


def test_cli_one_line_reason_and_no_traceback(tmp_path: Path) -> None:
    result = run_cli("check", "nothing-here.yaml", cwd=tmp_path)
    assert result.code == 2 and "nothing-here.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("check", "--select", "XYZ999", str(EXAMPLE), cwd=tmp_path).code == 2


# --------------------------------------------------------------------------- outputs


def test_text_output_groups_by_file_with_a_caret(tmp_path: Path) -> None:
    _code, out, _ = check(write(tmp_path / "b.txt", SLIPS))
    lines = out.splitlines()
    assert lines[0] == "b.txt"
    assert "1:18  cảnh báo  TXT001  'chuyên đề' bị viết lặp hai lần  [repeated-word] [*]" in out
    at = lines.index(next(line for line in lines if "TXT001" in line))
    source, caret = lines[at + 2], lines[at + 3]
    assert (
        caret.index("^") == source.index("chuyên") and caret.count("^") == len("chuyên đề ") * 2 - 1
    )
    assert lines[-1].startswith("Phát hiện 1 lỗi, 1 cảnh báo")


def test_json_follows_the_contract(tmp_path: Path) -> None:
    _code, out, _ = check(EXAMPLE, output_format="json")
    findings = json.loads(out)
    assert {"path", "line", "column", "end_line", "end_column", "code", "severity", "message",
            "fix"} <= set(findings[0])  # fmt: skip
    repeated = next(f for f in findings if f["code"] == "TXT001")
    assert repeated["fix"] == {"replacement": "chuyên đề", "applicability": "safe"}
    assert next(f for f in findings if f["code"] == "TXT005")["fix"] is None
    clean = json.loads(check(write(tmp_path / "a.txt", CLEAN), output_format="json")[1])
    assert [(f["code"], f["severity"]) for f in clean] == [("HDR010", "info")]  # an excerpt


def test_sarif_is_valid_sarif_2_1_0(tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))
    broken = write(tmp_path / "broken.yaml", "title: [\n")
    _code, out, _ = check(EXAMPLE, write(tmp_path / "b.txt", SLIPS), broken, output_format="sarif")
    log = json.loads(out)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert {"TXT001", "TXT005", "OUT001"} <= {r["ruleId"] for r in results}
    fixed = next(r for r in results if r["ruleId"] == "TXT001")
    region = fixed["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert region["startLine"] == fixed["locations"][0]["physicalLocation"]["region"]["startLine"]


def test_english_messages() -> None:
    from drafter import i18n

    i18n.set_language("en")
    _code, out, _ = check(EXAMPLE)
    assert "'chuyên đề' is written twice" in out and "Found 1 error(s)" in out


# --------------------------------------------------------------------------- choosing rules


def test_select_and_ignore_by_code_family_and_name(tmp_path: Path) -> None:
    slips = write(tmp_path / "b.txt", SLIPS)

    def codes(**options) -> set[str]:
        return {f["code"] for f in json.loads(check(slips, output_format="json", **options)[1])}

    assert codes() == {"TXT001", "TXT005", "HDR010"}
    assert codes(select=["TXT001"]) == {"TXT001"}
    assert codes(select=["TXT"]) == {"TXT001", "TXT005"}
    assert codes(select=["repeated-word,unbalanced-brackets"]) == {"TXT001", "TXT005"}
    assert codes(ignore=["HDR", "repeated-word"]) == {"TXT005"}


def test_settings_select_ignore_and_severity(tmp_path: Path) -> None:
    slips = write(tmp_path / "b.txt", SLIPS)
    write(tmp_path / "drafter.yaml",
          "check:\n  ignore: [HDR]\n  severity:\n    warning: [unbalanced-brackets]\n")  # fmt: skip
    code, out, _ = check(slips, output_format="json")
    found = {f["code"]: f["severity"] for f in json.loads(out)}
    assert found == {"TXT001": "warning", "TXT005": "warning"} and code == 0
    code, out, _ = check(slips, output_format="json", select=["TXT005"])  # replaces select
    assert [f["code"] for f in json.loads(out)] == ["TXT005"]


def test_unknown_rule_in_settings_is_located(tmp_path: Path) -> None:
    write(tmp_path / "drafter.yaml", "check:\n  ignore:\n    - TXT001\n    - TXT999\n")
    code, out, _ = check(write(tmp_path / "a.txt", CLEAN))
    assert code == 2 and "drafter.yaml" in out and "4:7" in out and "TXT999" in out


# --------------------------------------------------------------------------- suppression


def test_suppression_on_the_line_and_above_a_block(tmp_path: Path) -> None:
    outline = write(tmp_path / "o.yaml", OUTLINE_HEAD + (
        "title: Công tác của của năm  # drafter: ignore[TXT001]\n"
        "preamble: Một hai  ba.\n"
        "# drafter: ignore[double-space]\n"
        "closing: |\n"
        "  Trên đây  là chương trình.\n"
        "  Các cấp  tổ chức thực hiện.\n"
    ))  # fmt: skip
    _code, out, _ = check(outline, output_format="json")
    found = [(f["code"], f["line"]) for f in json.loads(out)]
    assert ("TXT002", 4) in found  # the preamble is not covered
    assert not any(code == "TXT001" or line in (7, 8) for code, line in found)


def test_unused_and_unknown_suppressions_are_reported(tmp_path: Path) -> None:
    outline = write(tmp_path / "o.yaml", OUTLINE_HEAD + (
        "title: Công tác năm 2024  # drafter: ignore[TXT001, TXT999]\n"
    ))  # fmt: skip
    found = {(f["code"], f["line"]) for f in json.loads(check(outline, output_format="json")[1])}
    assert {("OUT009", 3), ("OUT010", 3)} <= found


def test_a_comment_inside_a_block_is_text_not_a_suppression(tmp_path: Path) -> None:
    outline = write(tmp_path / "o.yaml", OUTLINE_HEAD + (
        "title: Công tác\npreamble: |\n  # drafter: ignore\n  Một  hai.\n"
    ))  # fmt: skip
    assert "TXT002" in {f["code"] for f in json.loads(check(outline, output_format="json")[1])}


# --------------------------------------------------------------------------- --fix


def test_fix_keeps_comments_layout_and_line_endings(tmp_path: Path) -> None:
    target = tmp_path / "example.yaml"
    shutil.copy(EXAMPLE, target)
    original = target.read_text("utf-8")
    code, out, _ = check(target, fix=True)
    fixed = target.read_text("utf-8")
    assert out.splitlines()[-1].startswith("Đã sửa 4 vấn đề.")
    assert fixed.count("\n") == original.count("\n")
    assert [line for line in fixed.splitlines() if line.lstrip().startswith("#")] == [
        line for line in original.splitlines() if line.lstrip().startswith("#")
    ]
    for slip, right in (("chuyên đề chuyên đề", "chuyên đề"), ("kinh tế  -", "kinh tế -"),
                        ("cơ cở.", "cơ sở."), ("(2021 -2025)", "(2021 - 2025)")):  # fmt: skip
        assert original.count(slip) - fixed.count(slip) == 1 and right in fixed
    assert "câ\tn đối" in fixed and "(01/01/2004 - 01/01/2024, kỷ" in fixed  # no safe fix
    assert code == 1  # the bracket is still open


def test_fix_after_a_typed_label_edits_the_right_characters(tmp_path: Path) -> None:
    outline = write(tmp_path / "o.yaml", OUTLINE_HEAD + (
        "type: quy-dinh\ntitle: chế độ họp\npreamble: |\n"
        "  - Căn cứ  Điều lệ Đảng;\n  - Xét đề nghị của của Văn phòng,\n"
    ))  # fmt: skip
    assert check(outline, fix=True)[0] == 0
    assert (
        (tmp_path / "o.yaml")
        .read_text("utf-8")
        .endswith("  - Căn cứ Điều lệ Đảng;\n  - Xét đề nghị của Văn phòng,\n")
    )


def test_fix_keeps_crlf_and_the_byte_order_mark(tmp_path: Path) -> None:
    target = tmp_path / "note.txt"
    target.write_bytes(b"\xef\xbb\xbf" + SLIPS.replace("\n", "\r\n").encode("utf-8") * 2)
    check(target, fix=True)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 2
    assert "chuyên đề chuyên đề" not in data.decode("utf-8-sig")


def test_fix_never_touches_word_files_or_broken_outlines(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.yaml", "title: Một  hai\nnumbr: 5\n")
    before = broken.read_bytes()
    assert check(broken, fix=True)[0] == 2
    assert broken.read_bytes() == before


# --------------------------------------------------------------------------- rules, citations


def test_rules_lists_every_rule_and_the_docs_are_current() -> None:
    from drafter.rules import all_rules

    result = run_cli("rules", "--format", "json")
    rules = json.loads(result.stdout)
    assert [r["code"] for r in rules] == [r.code for r in all_rules()]
    assert all(r["summary"] and r["explanation"] for r in rules)
    for language, name in (("vi", "rules.md"), ("en", "rules.en.md")):
        generated = run_cli("--lang", language, "rules", "--format", "markdown").stdout
        assert (ROOT / "docs" / name).read_text("utf-8") == generated, (
            f"docs/{name} is stale: drafter --lang {language} rules --format markdown"
        )


def test_citations_in_three_formats() -> None:
    text = run_cli("citations", str(EXAMPLE))
    assert text.code == 0 and "32-CT/TU" in text.stdout and "4 trích dẫn" in text.stdout
    rows = json.loads(run_cli("citations", "--format", "json", str(EXAMPLE)).stdout)
    assert rows[0] == {
        "path": str(EXAMPLE), "line": 46, "column": 131,
        "text": "Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ Tỉnh ủy",
        "type": "Chỉ thị", "number": "32", "symbol": "CT/TU", "type_code": "CT",
        "issuer_code": "TU", "date": "2023-12-19", "issuer": "Ban Thường vụ Tỉnh ủy",
        "style": "party",
    }  # fmt: skip
    table = list(csv.DictReader(io.StringIO(run_cli("citations", "--format", "csv",
                                                     str(EXAMPLE)).stdout)))  # fmt: skip
    assert [row["symbol"] for row in table] == ["CT/TU", "ĐA/TU", "TB/VPTU", "TB/UBKTTW"]


# --------------------------------------------------------------------------- build


def test_build_shows_the_summary_and_refuses_a_final_with_errors(tmp_path: Path) -> None:
    draft = run_cli("build", str(EXAMPLE), "-o", str(tmp_path / "d.docx"), cwd=tmp_path)
    assert draft.code == 0
    assert "Kiểm tra: 1 lỗi, 4 cảnh báo, 1 lưu ý" in draft.stdout
    text = EXAMPLE.read_text("utf-8")
    for blank, filled in (("draft: true ", "draft: false"), ("number:     ", "number: 05  "),
                          ("date: 2023  ", "date: 2024-01-05"),
                          ("  name:        ", "  name: Nguyễn Văn A")):  # fmt: skip
        assert blank in text
        text = text.replace(blank, filled)
    final = write(tmp_path / "final.yaml", text)
    refused = run_cli("build", str(final), "-o", str(tmp_path / "f.docx"), cwd=tmp_path)
    assert refused.code == 1, refused.stderr
    assert "TXT005" in refused.stderr and not (tmp_path / "f.docx").exists()


# --------------------------------------------------------------------------- start-up


HEAVY = ("docx", "lxml", "docxtpl", "babel", "jinja2")
PROBE = """
import sys
from drafter.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    print(done.code, file=sys.stderr)
print("\\n".join(sorted(sys.modules)))
"""


@pytest.mark.parametrize("name", ["example.yaml", "note.txt"])
def test_checking_outlines_and_text_imports_no_word_libraries(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    if name.endswith(".yaml"):
        shutil.copy(EXAMPLE, target)
    else:
        write(target, SLIPS)
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, "check", str(target)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert completed.stderr.strip().splitlines()[-1] == "1", completed.stderr[-500:]
    loaded = set(completed.stdout.split())
    assert "drafter.rules.txt" in loaded  # the probe really ran the checks
    for heavy in HEAVY:
        assert not any(m == heavy or m.startswith(heavy + ".") for m in loaded), heavy


def test_citations_of_a_folder_with_nothing_to_read_is_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    result = run_cli("citations", str(empty))
    assert result.code == 2 and "trong" in result.stderr.splitlines()[0]
