"""Outputs are written atomically: the old file or the new one, never half."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE, run_cli
from drafter.errors import InputError, RefusedOverwrite
from drafter.fileio import atomic_write


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.docx"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.docx"]


def test_full_disk_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:  # fmt: skip
    target = tmp_path / "a.docx"
    atomic_write(target, b"previous")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(InputError, match="không ghi được"):
        atomic_write(target, b"new" * 1000)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"], "no temporary file left"


def test_read_only_target_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"signed copy")
    target.chmod(0o444)
    with pytest.raises(RefusedOverwrite, match="chỉ đọc"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"signed copy"
    result = run_cli("build", str(EXAMPLE), "-o", str(target), "--force")
    assert result.code == 2 and "chỉ đọc" in result.stderr
    assert target.read_bytes() == b"signed copy"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_a_clean_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_cli("build", str(EXAMPLE), "-o", str(folder / "a.docx"))
        assert result.code == 2 and "không ghi được" in result.stderr
    finally:
        folder.chmod(0o755)


def test_two_builds_at_once_leave_a_complete_file(tmp_path: Path) -> None:
    from docx import Document

    target = tmp_path / "a.docx"
    command = [sys.executable, "-m", "drafter", "build", str(EXAMPLE), "-o", str(target),
               "--force"]  # fmt: skip
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for _ in range(4)]
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0, 0]
    assert Document(str(target)).paragraphs  # a complete, valid Word file
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_killed_build_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    from docx import Document

    target = tmp_path / "a.docx"
    assert run_cli("build", str(EXAMPLE), "-o", str(target)).code == 0
    previous = target.read_bytes()
    for delay in (0.05, 0.15, 0.3):
        process = subprocess.Popen(
            [sys.executable, "-m", "drafter", "build", str(EXAMPLE), "-o", str(target),
             "--force"], stdout=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert target.read_bytes() == previous or Document(str(target)).paragraphs
    assert run_cli("build", str(EXAMPLE), "-o", str(target), "--force").code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"], "leftovers of killed builds"


def test_a_running_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    mine = tmp_path / f".~a.docx.{os.getpid()}.abc.tmp"
    gone = tmp_path / ".~a.docx.999999999.abc.tmp"
    mine.write_bytes(b"in progress")
    gone.write_bytes(b"killed")
    atomic_write(target, b"x")
    assert mine.exists() and not gone.exists()
