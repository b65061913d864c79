"""``drafter check --format json``: one object per finding (the CLI contract).

Keys may be added, never removed or renamed. ``line``/``column`` are 1-based
(characters, or paragraph number and character offset for Word files); the end
is exclusive; ``fix`` is null when no automatic fix exists.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from drafter.checking import CheckReport
    from drafter.rules.base import Finding


def finding_object(finding: Finding) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {"replacement": finding.fix.replacement, "applicability": finding.fix.applicability}
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "fix": fix,
        "name": finding.name,
    }


def render(report: CheckReport, stream: TextIO, errors: TextIO) -> None:
    from drafter.i18n import _

    for file_report in report.files:
        if file_report.error:
            errors.write(_("error: {message}").format(message=file_report.error) + "\n")
    objects = [finding_object(finding) for finding in report.findings]
    stream.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
