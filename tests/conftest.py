"""Shared fixtures: paths, a built example, a CLI runner, the LibreOffice gate."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "chuong-trinh-quy-1-2024.yaml"
DATA = Path(__file__).resolve().parent / "data"
REFERENCE = DATA / "du-thao-chuong-trinh-cong-tac-quy-1-2024.txt"  # copy of ../shared/reference
SHARED_REFERENCE = ROOT.parent / "shared" / "reference" / REFERENCE.name


@pytest.fixture(autouse=True)
def _vietnamese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in Vietnamese with a private template cache."""
    from drafter import i18n

    monkeypatch.setenv("DRAFTER_LANG", "vi")
    monkeypatch.delenv("DRAFTER_SETTINGS", raising=False)
    i18n.set_language("vi")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    os.environ["DRAFTER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


class CliResult(NamedTuple):
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            stdin: str | None = None) -> CliResult:  # fmt: skip
    """Run the real console entry point in a fresh process."""
    environment = {**os.environ, "DRAFTER_LANG": "vi", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def cli():
    return run_cli


def soffice_available() -> bool:
    from drafter.render.pdf import find_soffice

    return find_soffice() is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if soffice_available():
        return
    if os.environ.get("DRAFTER_REQUIRE_LIBREOFFICE"):
        return  # CI: let the tests fail loudly instead of skipping
    skip = pytest.mark.skip(reason="LibreOffice (soffice) is not installed")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example outline built once for the whole session."""
    from drafter.builder import build

    out = tmp_path_factory.mktemp("example") / "chuong-trinh-quy-1-2024.docx"
    build(EXAMPLE, out)
    return out


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder that is also the current directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy_example(folder: Path, name: str = "outline.yaml") -> Path:
    target = folder / name
    shutil.copyfile(EXAMPLE, target)
    return target


def run_inprocess(*args: str | Path) -> CliResult:
    """``drafter ARGS`` in this process (fast; for the many builds of the type tests)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from drafter import cli

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            cli.main([str(arg) for arg in args])
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 0
        else:  # pragma: no cover - main always raises SystemExit
            code = 0
    return CliResult(code, out.getvalue(), err.getvalue())


@pytest.fixture
def drafter_cli():
    """``run_inprocess``: the command line without starting a process."""
    return run_inprocess
