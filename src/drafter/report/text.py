"""Findings for people: grouped by file, each with the offending line and a caret.

    examples/chuong-trinh-quy-1-2024.yaml
      46:514  cảnh báo  TXT001  'chuyên đề' bị viết lặp hai lần  [repeated-word] [*]
         |
      46 | … thực hiện có hiệu quả chuyên đề chuyên đề năm 2022 - 2023 của tỉnh …
         |                         ^^^^^^^^^^^^^^^^^^^

Long lines are cut to a window around the finding; tabs and control characters
are shown as visible marks so the caret stays under the right character. The
last line sums up. Colours only on a terminal, never with ``NO_COLOR``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from drafter.i18n import _, ngettext

if TYPE_CHECKING:
    from drafter.checker import FileReport
    from drafter.checking import CheckReport
    from drafter.rules.base import Finding

WINDOW = 100  # characters of a long line shown around the finding
_COLOURS = {"error": "31", "warning": "33", "info": "36", "path": "1", "fix": "32"}


def severity_word(severity: str) -> str:
    return {"error": _("error"), "warning": _("warning"), "info": _("info")}.get(severity, severity)


def _visible(char: str) -> str:
    if char == "\t":
        return "→"
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F or 0x80 <= code < 0xA0:
        return "␡" if code == 0x7F else "�"
    return char


def snippet(line_text: str, column: int, width: int) -> tuple[str, str]:
    """The shown part of ``line_text`` and the caret line under 1-based ``column``."""
    start = column - 1
    left = max(0, min(start - WINDOW // 3, len(line_text) - WINDOW))
    right = min(len(line_text), left + WINDOW)
    shown = "".join(_visible(c) for c in line_text[left:right])
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(line_text) else ""
    caret_at = len(prefix) + (start - left)
    caret = " " * max(caret_at, 0) + "^" * max(1, min(width, right - start))
    return prefix + shown.rstrip() + suffix, caret


class _Style:
    def __init__(self, stream: TextIO) -> None:
        self.on = hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")

    def __call__(self, kind: str, text: str) -> str:
        if not self.on:
            return text
        return f"\x1b[{_COLOURS[kind]}m{text}\x1b[0m"


def format_finding(finding: Finding, style: _Style | None = None) -> str:
    style = style or _Style(sys.stdout)
    severity = severity_word(finding.severity)
    fixable = finding.fix is not None and finding.fix.applicable
    mark = " " + style("fix", "[*]") if fixable else ""
    head = (
        f"  {finding.line}:{finding.column}  {style(finding.severity, severity)}  "
        f"{finding.code}  {finding.message}  [{finding.name}]{mark}"
    )
    if finding.source_line is None:
        return head
    width = finding.end_column - finding.column if finding.end_line == finding.line else 1
    shown, caret = snippet(finding.source_line, finding.column, width)
    gutter = str(finding.line)
    pad = " " * len(gutter)
    return f"{head}\n   {pad} |\n   {gutter} | {shown}\n   {pad} | {style(finding.severity, caret)}"


def summary_line(report: CheckReport) -> str:
    """The last line: what was found in the files that were read, and how many
    files could not be read (their reasons are on stderr) — never "no problems"
    about a file that was not checked."""
    findings = report.findings
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    unread = sum(1 for r in report.files if r.unread)
    empty = sum(1 for r in report.files if r.empty_folder)
    files = len(report.files) - unread - empty
    fixed = sum(r.fixed for r in report.files)
    parts = []
    if fixed:
        parts.append(ngettext("Fixed {count} finding.", "Fixed {count} findings.", fixed).format(
            count=fixed))  # fmt: skip
    if findings:
        parts.append(
            _(
                "Found {errors} error(s), {warnings} warning(s) and {infos} note(s) in {files} "
                "file(s)."
            ).format(
                errors=counts["error"],
                warnings=counts["warning"],
                infos=counts["info"],
                files=files,
            )
        )
    elif files:
        parts.append(
            ngettext(
                "No problems found in {files} file.", "No problems found in {files} files.", files
            ).format(files=files)
        )
    else:
        parts.append(_("No file was checked."))
    if unread:
        parts.append(
            ngettext(
                "{count} file could not be read.", "{count} files could not be read.", unread
            ).format(count=unread)
        )
    if empty:
        parts.append(
            ngettext("{count} folder has no file to check.",
                     "{count} folders have no file to check.", empty).format(count=empty)
        )  # fmt: skip
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.applicable)
    if fixable:
        parts.append(
            ngettext(
                "{count} can be fixed with 'drafter check --fix' (marked [*]).",
                "{count} can be fixed with 'drafter check --fix' (marked [*]).",
                fixable,
            ).format(count=fixable)
        )
    return " ".join(parts)


def render(report: CheckReport, stream: TextIO, errors: TextIO) -> None:
    style = _Style(stream)
    for file_report in report.files:
        if file_report.error:
            errors.write(_("error: {message}").format(message=file_report.error) + "\n")
            continue
        if not file_report.findings:
            continue
        stream.write(style("path", file_report.path) + "\n")
        for finding in file_report.findings:
            stream.write(format_finding(finding, style) + "\n")
        stream.write("\n")
    stream.write(summary_line(report) + "\n")


def render_findings(findings: Iterable[Finding], stream: TextIO) -> None:
    """Findings without the summary (``drafter build`` shows errors this way)."""
    style = _Style(stream)
    for finding in findings:
        stream.write(format_finding(finding, style) + "\n")


def build_summary(report: FileReport) -> str:
    """One line for ``drafter build``: what the checks found, and how to see it."""
    findings = report.findings
    if not findings:
        return _("Checks: no problems found.")
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    return _(
        "Checks: {errors} error(s), {warnings} warning(s), {infos} note(s); see them with "
        "'drafter check {path}'."
    ).format(
        errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
        path=_shell_word(report.path),
    )  # fmt: skip


def _shell_word(path: str) -> str:
    """``path`` as it can be pasted into a shell (quoted when it holds spaces)."""
    if not any(c.isspace() or c in "'\"$`\\" for c in path):
        return path
    import shlex

    return shlex.quote(path)
