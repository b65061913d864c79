"""``drafter check PATH…``: run the checker over files and folders, report, exit.

Each file is checked with the rules and severities of the drafter.yaml that
applies to it (the nearest one from its folder upwards, as for build); the
command line's ``--select`` replaces that file's ``select`` and ``--ignore``
adds to its ``ignore``. The exit code follows the CLI contract: 2 when a file
could not be read or understood, or a folder named holds no file to check (a
wrong path must not pass in CI), else 1 when an ``error`` was found (any
finding with ``--strict``), else 0.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from drafter.checker import CHECKED_SUFFIXES, OUTLINE_SUFFIXES, Checker, FileReport
from drafter.errors import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    InputError,
    OutlineError,
    Problem,
)  # fmt: skip
from drafter.i18n import _
from drafter.rules.base import ERROR, Finding, Rule

if TYPE_CHECKING:
    from drafter.settings import LoadedSettings

NOT_OUTLINES = frozenset({"drafter.yaml", "references.yaml"})
SKIPPED_FOLDERS = frozenset({".git", ".venv", "venv", "node_modules", "__pycache__"})
FORMATS = ("text", "json", "sarif")


class CheckReport(NamedTuple):
    files: list[FileReport]
    strict: bool = False
    rules: tuple[Rule, ...] = ()  # the rules that ran (for SARIF)

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.files for finding in report.findings]

    @property
    def exit_code(self) -> int:
        if any(not report.understood for report in self.files):
            return EXIT_USAGE
        findings = self.findings
        if any(f.severity == ERROR for f in findings) or (self.strict and findings):
            return EXIT_FINDINGS
        return EXIT_OK


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to check: named files as given; folders searched for outlines, Word
    and text files (hidden folders, virtual environments and Word's ``~$`` lock
    files skipped; ``drafter.yaml`` and ``references.yaml`` are not outlines)."""
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path).parts
            if any(part.startswith(".") or part in SKIPPED_FOLDERS for part in relative[:-1]):
                continue
            name = found.name
            if (
                found.is_file()
                and found.suffix.lower() in CHECKED_SUFFIXES
                and not name.startswith(("~$", "."))
                and name not in NOT_OUTLINES
                and (found.suffix.lower() not in OUTLINE_SUFFIXES or _looks_like_outline(found))
            ):
                out.append(found)
    return out


def _looks_like_outline(path: Path) -> bool:
    """A YAML file found in a folder is an outline when it has outline keys."""
    try:
        head = path.read_bytes()[:65536].decode("utf-8", errors="replace")
    except OSError:
        return True
    return any(line.startswith(("title:", "sections:", "issuer:")) for line in head.splitlines())


def _located_selectors(settings: LoadedSettings) -> list[tuple[str, tuple[str | int, ...]]]:
    """Every selector in the ``check:`` section with its path in drafter.yaml."""
    check = settings.settings.check
    found: list[tuple[str, tuple[str | int, ...]]] = []
    for key, values in (("select", check.select), ("ignore", check.ignore)):
        found.extend((value, ("check", key, i)) for i, value in enumerate(values))
    for key in ("error", "warning", "info"):
        values = getattr(check.severity, key)
        found.extend((value, ("check", "severity", key, i)) for i, value in enumerate(values))
    return found


def validate_settings(settings: LoadedSettings) -> None:
    """Unknown rules named in drafter.yaml: located problems (exit 2)."""
    from drafter.loader import BAD_VALUE
    from drafter.positions import source_line
    from drafter.rules.selection import split_selectors, unknown_selectors

    if settings.path is None:
        return
    problems = []
    for value, path in _located_selectors(settings):
        for selector in unknown_selectors(split_selectors([value])):
            position = settings.positions.get(path) if settings.positions else None
            line, column = (position.value.line, position.value.column) if position else (1, 1)
            problems.append(
                Problem(
                    str(settings.path), line, column,
                    _("unknown rule '{value}' (see drafter rules)").format(value=selector),
                    source_line(settings.text, line), BAD_VALUE,
                )
            )  # fmt: skip
    if problems:
        raise OutlineError(problems[0].message, problems)


def checker_for(
    settings: LoadedSettings, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> Checker:
    """The checker for files under ``settings`` with the command line's options."""
    from drafter.rules.selection import select_rules, split_selectors

    validate_settings(settings)
    check = settings.settings.check
    rules = select_rules(
        split_selectors(select) or split_selectors(check.select),
        [*split_selectors(check.ignore), *split_selectors(ignore)],
    )
    return Checker(rules, settings)


def check_paths(
    paths: Sequence[Path],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    strict: bool = False,
    fix: bool = False,
) -> CheckReport:
    """Check every file under ``paths``; the library verb behind ``drafter check``."""
    from drafter.checker import problem_findings
    from drafter.rules import all_rules
    from drafter.rules.selection import check_selectors, split_selectors
    from drafter.settings import settings_for

    cli_select, cli_ignore = split_selectors(select), split_selectors(ignore)
    check_selectors(cli_select, "--select")
    check_selectors(cli_ignore, "--ignore")
    reports, checkers, broken = [], {}, set()
    files: list[Path] = []
    for given in paths:
        found = expand_paths([given])
        if not found:  # a folder with nothing drafter checks: a wrong path, never "no problems"
            reports.append(empty_folder_report(given))
        files.extend(found)
    for path in files:
        try:
            settings = settings_for(path)
            key = (settings.path, settings.text)
            if key not in checkers:
                checkers[key] = checker_for(settings, cli_select, cli_ignore)
            checker = checkers[key]
        except OutlineError as error:  # drafter.yaml itself is wrong: reported once, as itself
            shown = _shown_path(Path(error.problems[0].path))
            if shown in broken:
                continue
            broken.add(shown)
            findings = [f._replace(path=shown) for f in problem_findings(error)]
            reports.append(FileReport(shown, findings, understood=False))
            continue
        if fix:
            from drafter.fixer import fix_file

            reports.append(fix_file(checker, path))
        else:
            reports.append(checker.check_file(path))
    ran = {rule.code for checker in checkers.values() for rule in checker.rules}
    rules = tuple(rule for rule in all_rules() if rule.code in ran)
    return CheckReport(reports, strict, rules)


def empty_folder_report(folder: Path) -> FileReport:
    """A folder named on the command line in which no file is to be checked (exit 2)."""
    reason = _(
        "no file to check in {path} (drafter checks .yaml, .yml, .docx, .txt and .md files)"
    ).format(path=folder)
    return FileReport(str(folder), [], understood=False, error=reason, empty_folder=True)


def _shown_path(path: Path) -> str:
    """``path`` relative to the working folder when it lies below it, as users type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def require_format(value: str, known: Sequence[str]) -> None:
    """A usage error (exit 2) unless ``value`` is one of the ``known`` output formats."""
    if value not in known:
        raise InputError(
            _("unknown format '{value}'; use one of: {known}").format(
                value=value, known=", ".join(known)
            )
        )


def check_and_report(
    paths: Sequence[Path],
    *,
    output_format: str = "text",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    strict: bool = False,
    fix: bool = False,
    stream: TextIO | None = None,
    errors: TextIO | None = None,
) -> int:
    """Check ``paths``, print the report in ``output_format``; the exit code."""
    require_format(output_format, FORMATS)
    stream = stream or sys.stdout
    errors = errors or sys.stderr
    report = check_paths(paths, select=select, ignore=ignore, strict=strict, fix=fix)
    if output_format == "json":
        from drafter.report import json as json_report

        json_report.render(report, stream, errors)
    elif output_format == "sarif":
        from drafter.report import sarif

        sarif.render(report, stream, errors, report.rules)
    else:
        from drafter.report import text

        text.render(report, stream, errors)
    for file_report in report.files:  # the contract's one-line reason for exit code 2
        if not file_report.understood and not file_report.error and file_report.findings:
            first = file_report.findings[0]
            errors.write(
                _("error: {path}:{line}:{column}: {message} (no other rule ran on it)").format(
                    path=first.path, line=first.line, column=first.column, message=first.message
                )
                + "\n"
            )
    return report.exit_code
