"""The README's two commands stay true: CI runs the test command verbatim."""

from __future__ import annotations

import re

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)[:2]


def test_readme_starts_with_the_two_commands() -> None:
    build, tests = readme_commands()
    assert "drafter build examples/chuong-trinh-quy-1-2024.yaml" in build
    assert "pip install" in build and "pip install" in tests
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    _, tests = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()
    assert "libreoffice" in ci and "fonts-liberation2" in ci
    assert "DRAFTER_REQUIRE_LIBREOFFICE=1" in ci


def test_example_named_in_readme_exists() -> None:
    assert (ROOT / "examples" / "chuong-trinh-quy-1-2024.yaml").is_file()


def test_the_cli_contract_copy_is_verbatim() -> None:
    """docs/cli-contract.md is the shared contract, shipped with the code."""
    import pytest

    shared = ROOT.parent / "shared" / "spec" / "cli-contract.md"
    if not shared.exists():
        pytest.skip("../shared is not next to this checkout")
    assert (ROOT / "docs" / "cli-contract.md").read_bytes() == shared.read_bytes()
