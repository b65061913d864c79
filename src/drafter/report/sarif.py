"""``drafter check --format sarif``: SARIF 2.1.0 with the same findings.

One run; the tool's rules are every rule that ran (``ruleId`` = code, with the
rule's name, summary, explanation and default level); each result carries its
region (columns are Unicode code points: ``columnKind``), and a fix where a
safe one can be applied to the file. Files that could not be read become
error notifications of the invocation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from drafter import __version__
from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.checking import CheckReport
    from drafter.rules.base import Finding, Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> dict[str, str]:
    candidate = Path(path)
    if candidate.is_absolute():
        return {"uri": candidate.as_uri()}
    return {"uri": candidate.as_posix(), "uriBaseId": "%SRCROOT%"}


def _rule_object(rule: Rule) -> dict[str, Any]:
    summary, explanation = _(rule.summary), _(rule.explanation)
    t_wrong, t_right = _("Wrong"), _("Right")
    markdown = explanation
    if rule.wrong:
        markdown += f"\n\n{t_wrong}:\n\n    {rule.wrong.rstrip()}\n\n{t_right}:\n\n    "
        markdown += rule.right.rstrip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": max(end_line, line),
        "endColumn": max(end_column, column + 1) if end_line <= line else end_column,
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    location = {
        "physicalLocation": {
            "artifactLocation": _uri(finding.path),
            "region": _region(finding.line, finding.column, finding.end_line, finding.end_column),
        }
    }
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
    }
    fix = finding.fix
    if fix is not None and fix.applicable and fix.region is not None:
        start_line, start_column, end_line, end_column = fix.region
        result["fixes"] = [
            {
                "description": {"text": finding.message},
                "artifactChanges": [
                    {
                        "artifactLocation": _uri(finding.path),
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": start_line,
                                    "startColumn": start_column,
                                    "endLine": end_line,
                                    "endColumn": end_column,
                                },
                                "insertedContent": {"text": fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def sarif_log(report: CheckReport, rules: tuple[Rule, ...]) -> dict[str, Any]:
    from drafter.rules import rules_by_code

    known = rules_by_code()
    codes = [rule.code for rule in rules]
    for finding in report.findings:
        if finding.code not in codes:
            codes.append(finding.code)
    indexes = {code: index for index, code in enumerate(codes)}
    results = [_result(finding, indexes[finding.code]) for finding in report.findings]
    notifications = [
        {
            "level": "error",
            "message": {"text": file_report.error},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(file_report.path)}}],
        }
        for file_report in report.files
        if file_report.error
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "drafter",
                        "version": __version__,
                        "informationUri": "https://github.com/drafter/drafter",
                        "rules": [_rule_object(known[code]) for code in codes if code in known],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": all(r.understood for r in report.files),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


def render(
    report: CheckReport, stream: TextIO, errors: TextIO, rules: tuple[Rule, ...] = ()
) -> None:
    for file_report in report.files:
        if file_report.error:
            errors.write(_("error: {message}").format(message=file_report.error) + "\n")
    stream.write(json.dumps(sarif_log(report, rules), ensure_ascii=False, indent=2) + "\n")
