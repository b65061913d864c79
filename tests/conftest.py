"""Shared fixtures: the command line run in-process, and LibreOffice tests.

Tests marked ``libreoffice`` are skipped when ``soffice`` is absent, unless
``DRAFTER_REQUIRE_LIBREOFFICE=1`` (as in CI), where its absence is a failure.
"""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


class CliResult(NamedTuple):
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path) -> CliResult:
    """``drafter ARGS`` in this process; its exit code and output."""
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
def cli():
    return run_cli


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """No drafter.yaml from the developer's folders; a private template cache."""
    monkeypatch.delenv("DRAFTER_SETTINGS", raising=False)
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty working folder (no drafter.yaml above it) as the current directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_collection_modifyitems(config, items):
    from drafter.render.pdf import find_soffice

    if find_soffice() is not None:
        return
    if os.environ.get("DRAFTER_REQUIRE_LIBREOFFICE") == "1":
        raise pytest.UsageError("DRAFTER_REQUIRE_LIBREOFFICE=1 but LibreOffice was not found")
    skip = pytest.mark.skip(reason="LibreOffice (soffice) not found")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)
