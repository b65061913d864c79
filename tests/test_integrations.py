"""The pre-commit hook, the CI snippet and the editor schema stay usable."""

from __future__ import annotations

import json
import re

import yaml

from conftest import EXAMPLE, ROOT, run_cli


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "drafter-check" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["drafter", "check"]
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    assert files.search("outlines/ke-hoach.yaml") and files.search("ban-thao.docx")
    assert exclude.search(".pre-commit-config.yaml") and exclude.search("sub/drafter.yaml")
    assert exclude.search(".github/workflows/ci.yml")
    assert not exclude.search("outlines/ke-hoach.yaml")


def test_the_hook_command_runs_as_pre_commit_runs_it(tmp_path) -> None:
    outline = tmp_path / "ke-hoach.yaml"
    outline.write_text((ROOT / "examples" / "ke-hoach-chuyen-doi-so-2024.yaml")
                       .read_text(encoding="utf-8"), encoding="utf-8")  # fmt: skip
    assert run_cli("check", str(outline)).code == 0
    assert run_cli("check", str(EXAMPLE)).code == 1  # the reference draft's slips


def test_ci_snippet_commands_are_real() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text.split("```yaml\n", 1)[1].split("```", 1)[0])
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert any("--format sarif" in command for command in runs)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif")
               for step in steps)  # fmt: skip
    sarif = run_cli("check", str(EXAMPLE), "--format", "sarif")
    document = json.loads(sarif.stdout)
    assert document["version"] == "2.1.0" and document["runs"][0]["results"]
