"""Every rule's cases (tests/rules/*.yaml, sqlfluff style) and documented examples.

A case file is a list of cases::

    - rule: TXT001            # the rule under test; only it runs
      name: a repeated group of words
      source: txt             # txt (default), md or yaml (an outline)
      fail: |                 # text the rule must report …
        Tổ chức tổng kết chuyên đề chuyên đề năm 2023.
      findings: [[1, 18]]     # … at these lines and columns (optional)
      fixed: |                # … and what --fix makes of it (optional)
        Tổ chức tổng kết chuyên đề năm 2023.
    - rule: TXT001
      name: reduplication is not a slip
      pass: |                 # text the rule must not report
        Người người thi đua, nhà nhà thi đua.

Every rule's documented example (``wrong``/``right``, shown by ``drafter rules``
and docs/rules.md) is checked the same way, so the documentation cannot lie.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from drafter.checker import Checker
from drafter.fixer import fix_file
from drafter.rules import all_rules, rules_by_code

CASES_DIR = Path(__file__).parent / "rules"
SUFFIXES = {"txt": ".txt", "md": ".md", "yaml": ".yaml"}


def load_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for index, case in enumerate(yaml.safe_load(path.read_text("utf-8"))):
            label = f"{path.stem}:{case['rule']}:{index}:{case.get('name', '')}"
            cases.append(pytest.param(case, id=label))
    return cases


def run_rule(
    code: str,
    text: str,
    source: str,
    folder: Path,
    register: str | None = None,
    everything: bool = False,
) -> list[Any]:
    target = folder / f"case{SUFFIXES[source]}"
    target.write_text(text, encoding="utf-8")
    if register is not None:
        (folder / "references.yaml").write_text(register, encoding="utf-8")
    rules = all_rules() if everything else [rules_by_code()[code]]
    report = Checker(rules).check_file(target)
    assert report.understood, [f.message for f in report.findings]
    return [finding for finding in report.findings if finding.code == code]


@pytest.mark.parametrize("case", load_cases())
def test_rule_case(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_NO_CHECK_CACHE", "1")
    monkeypatch.chdir(tmp_path)  # no drafter.yaml of the checkout applies
    code, source, register = case["rule"], case.get("source", "txt"), case.get("register")
    if "pass" in case:
        found = run_rule(code, case["pass"], source, tmp_path, register)
        assert found == [], [f.message for f in found]
        return
    found = run_rule(code, case["fail"], source, tmp_path, register)
    assert found, f"{code} found nothing"
    if "findings" in case:
        assert [[f.line, f.column] for f in found] == case["findings"]
    if "message" in case:
        assert case["message"] in found[0].message
    if "fixed" in case:
        target = tmp_path / f"case{SUFFIXES[source]}"
        fix_file(Checker([rules_by_code()[code]]), target)
        assert target.read_text(encoding="utf-8") == case["fixed"]


def _examples() -> list[Any]:
    return [
        pytest.param(rule, id=rule.code)
        for rule in all_rules()
        if rule.example_source in ("txt", "yaml")
    ]


@pytest.mark.parametrize("rule", _examples())
def test_documented_examples(rule: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``wrong`` is reported by the rule and ``right`` is not."""
    monkeypatch.setenv("DRAFTER_NO_CHECK_CACHE", "1")
    monkeypatch.chdir(tmp_path)
    if rule.family == "OUT":  # the loader's problems: the example must not load, then load
        from drafter.errors import OutlineError
        from drafter.loader import load_outline_text

        if rule.code in ("OUT009", "OUT010"):  # about suppressions: every rule runs
            assert run_rule(rule.code, rule.wrong, "yaml", tmp_path, everything=True)
            assert not run_rule(rule.code, rule.right, "yaml", tmp_path, everything=True)
            return
        with pytest.raises(OutlineError) as raised:
            load_outline_text(rule.wrong, "wrong.yaml")
        assert rule.code in {problem.code for problem in raised.value.problems}
        right = rule.right if "title:" in rule.right else rule.right + "title: Công tác\n"
        load_outline_text(right, "right.yaml")
        return
    assert run_rule(rule.code, rule.wrong, rule.example_source, tmp_path), rule.wrong
    assert not run_rule(rule.code, rule.right, rule.example_source, tmp_path), rule.right


def test_every_rule_is_documented_and_tested() -> None:
    """Each rule has a summary, an explanation, examples, and cases of its own."""
    covered = {case.values[0]["rule"] for case in load_cases()}
    for rule in all_rules():
        assert rule.summary and rule.explanation and rule.name, rule.code
        assert rule.name == rule.name.lower() and " " not in rule.name
        if rule.family not in ("OUT", "FMT"):  # OUT: test_loader; FMT: test_check_docx
            assert rule.code in covered, f"{rule.code} has no case in tests/rules"
    codes = [rule.code for rule in all_rules()]
    names = [rule.name for rule in all_rules()]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
