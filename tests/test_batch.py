"""`drafter build` over many outlines and folders: every core, keeps going, one summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli
from drafter.batch import Job, Options, build_one, exit_code, plan, run
from drafter.docx_io.reader import read_paragraphs
from drafter.errors import InputError


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    outlines = tmp_path / "dan-y"
    shutil.copytree(EXAMPLES, outlines)
    (outlines / "sai.yaml").write_text("title: Thiếu gần hết\nsections: chữ\n", "utf-8")
    (outlines / "drafter.yaml").write_text("format: hd36_2018\n", "utf-8")  # not an outline
    (outlines / "ghi-chu.txt").write_text("không phải dàn ý", "utf-8")
    return outlines


def test_plan_finds_the_outlines_of_a_folder(folder: Path, tmp_path: Path) -> None:
    jobs = plan([folder], tmp_path / "ra")
    names = [job.outline.name for job in jobs]
    assert "sai.yaml" in names and "drafter.yaml" not in names and "ghi-chu.txt" not in names
    assert len(jobs) == len(list(EXAMPLES.glob("*.yaml"))) + 1
    assert all(job.output.parent == tmp_path / "ra" for job in jobs)


def test_two_outlines_writing_the_same_file_are_refused(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(EXAMPLES / "chuong-trinh-quy-1-2024.yaml", tmp_path / sub / "x.yaml")
    with pytest.raises(InputError, match="cùng được ghi vào"):
        plan([tmp_path / "a", tmp_path / "b"], tmp_path / "ra")


def test_parallel_builds_match_one_by_one(folder: Path, tmp_path: Path) -> None:
    jobs = plan([folder], tmp_path / "song-song")
    parallel = run(jobs, Options(), workers=2)
    serial = run(plan([folder], tmp_path / "lan-luot"), Options(), workers=1)
    assert [o.code for o in parallel] == [o.code for o in serial]
    assert [o.paragraphs for o in parallel] == [o.paragraphs for o in serial]
    assert [(o.errors, o.warnings, o.infos) for o in parallel] == [
        (o.errors, o.warnings, o.infos) for o in serial
    ]
    for outcome in parallel:
        if outcome.code == 0:
            twin = tmp_path / "lan-luot" / Path(outcome.output).name
            assert [p.text for p in read_paragraphs(outcome.output)] == [
                p.text for p in read_paragraphs(twin)
            ]
    failed = [o for o in parallel if o.code]
    assert [Path(o.outline).name for o in failed] == ["sai.yaml"]
    assert failed[0].code == 2 and failed[0].message and failed[0].errors >= 1
    assert exit_code(parallel) == 2


def test_a_failing_outline_never_stops_the_others(tmp_path: Path) -> None:
    broken = tmp_path / "hong.yaml"
    broken.write_bytes(b"\xff\xfe\x00garbage")
    good = tmp_path / "tot.yaml"
    shutil.copy(EXAMPLES / "ke-hoach-chuyen-doi-so-2024.yaml", good)
    outcomes = [build_one(Job(p, tmp_path / f"{p.stem}.docx"), Options()) for p in (broken, good)]
    assert [o.code for o in outcomes] == [2, 0]
    assert (tmp_path / "tot.docx").is_file() and not (tmp_path / "hong.docx").exists()


def test_cli_summary_and_exit_code(folder: Path, tmp_path: Path) -> None:
    result = run_cli("build", str(folder), "-o", str(tmp_path / "ra"), "-j", "2")
    assert result.code == 2, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["Dàn", "ý"]
    assert any("sai.yaml" in line and "lỗi" in line for line in lines)
    assert lines[-1].startswith(f"Đã tạo {len(list(EXAMPLES.glob('*.yaml')))}/")
    assert "Traceback" not in result.stdout + result.stderr
    clean = run_cli(
        "build",
        str(EXAMPLES / "ke-hoach-chuyen-doi-so-2024.yaml"),
        str(EXAMPLES / "bao-cao-so-ket-6-thang-2024.yaml"),
        "-o",
        str(tmp_path / "hai"),
    )
    assert clean.code == 0 and sorted(p.name for p in (tmp_path / "hai").iterdir()) == [
        "bao-cao-so-ket-6-thang-2024.docx", "ke-hoach-chuyen-doi-so-2024.docx",
    ]  # fmt: skip


def test_output_must_be_a_folder_for_several(tmp_path: Path) -> None:
    target = tmp_path / "mot.docx"
    target.write_bytes(b"")
    result = run_cli("build", str(EXAMPLES), "-o", str(target))
    assert result.code == 2 and "phải là một thư mục" in result.stderr
    missing = tmp_path / "chua-co.docx"  # found by a new-user trial: became a folder
    result = run_cli("build", str(EXAMPLES), "-o", str(missing))
    assert result.code == 2 and "phải là một thư mục" in result.stderr
    assert not missing.exists()
