"""Every hostile input × every command: a clean answer, bounded, nothing harmed.

The cases and their expected outcomes are in ``cases.py`` and README.md.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from hostile.cases import CASES, GOOD_OUTLINE, Case

TIME_LIMIT = 120  # seconds per command
MEMORY_LIMIT = 3 * 1024**3  # bytes of address space per command


def registered_commands() -> set[str]:
    from drafter.commands import COMMANDS

    names = set(COMMANDS)
    if "import_docx" in names:
        names.add("import")
    return names


def arguments(command: str, path: Path, out: Path, good: Path) -> list[str]:
    return {
        "build": ["build", str(path), "-o", str(out / "out.docx")],
        "check": ["check", str(path)],
        "citations": ["citations", str(path)],
        "import": ["import", str(path), "-o", str(out / "out.yaml")],
        "diff": ["diff", str(path), str(good)],
    }[command]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for case in CASES:
        path = folder / f"{case.name}{case.suffix}"
        case.write(path)
        files[case.name] = path
    good = folder / "good.yaml"
    good.write_text(GOOD_OUTLINE, encoding="utf-8")
    files["good"] = good
    return files


PAIRS = [(case, command) for case in CASES for command in case.outcomes]


@pytest.mark.parametrize(("case", "command"), PAIRS,
                         ids=[f"{c.name}-{cmd}" for c, cmd in PAIRS])  # fmt: skip
def test_hostile_input(case: Case, command: str, hostile_files: dict[str, Path],
                       tmp_path: Path) -> None:  # fmt: skip
    if command not in registered_commands():
        pytest.skip(f"drafter {command} is not available")
    path = hostile_files[case.name]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "out"
    out.mkdir()
    completed = subprocess.run(
        [sys.executable, "-m", "drafter", *arguments(command, path, out, hostile_files["good"])],
        capture_output=True, text=True, timeout=TIME_LIMIT, cwd=tmp_path,
        env={**os.environ, "DRAFTER_LANG": "vi"}, preexec_fn=_limit_memory,
    )  # fmt: skip
    output = completed.stdout + completed.stderr
    assert "Traceback" not in output, output
    assert "lỗi nội bộ" not in output, output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "the input was changed"
    if case.outcomes[command] == "error":
        assert completed.returncode == 2, output
        first = completed.stderr.strip().splitlines()[0]
        assert path.name in first, first
        assert list(out.iterdir()) == [], "an output was left behind"
    else:
        assert completed.returncode in (0, 1), output
    if case.name == "docx-xxe":
        assert "root:" not in output, "an external entity was resolved"


def test_readme_lists_every_case() -> None:
    readme = (ROOT / "tests" / "hostile" / "README.md").read_text(encoding="utf-8")
    for case in CASES:
        assert f"`{case.name}`" in readme, case.name
