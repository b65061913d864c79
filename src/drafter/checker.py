"""``drafter check``: read each input into one view, run the rules, locate findings.

    paths ─ expand ─▶ file ─ sources/* ─▶ CheckDocument ─ rules/* ─▶ Hit[]
                                                     └─ locate, suppress, re-rate ─▶ Finding[]

A file that cannot be read (missing, not a Word file, not UTF-8) or an outline
with structural problems (OUT001–OUT008, from the loader) is "not understood":
its problems are reported, no other rule runs on it, ``--fix`` leaves it alone
and the exit code is 2. Otherwise the exit code is 1 when an ``error`` was
found (any finding with ``--strict``), else 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from drafter.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, DrafterError, OutlineError
from drafter.i18n import _
from drafter.rules.base import ERROR, INFO, SEVERITIES, WARNING, Finding, Fix, Hit, Rule

if TYPE_CHECKING:
    from drafter.loader import LoadedOutline
    from drafter.rules.context import RuleOptions
    from drafter.settings import CheckSettings
    from drafter.sources.view import CheckDocument

OUTLINE_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".txt", ".md")
DOCX_SUFFIXES = (".docx",)
CHECKED_SUFFIXES = OUTLINE_SUFFIXES + TEXT_SUFFIXES + DOCX_SUFFIXES
NOT_OUTLINES = frozenset({"drafter.yaml", "references.yaml"})
SKIPPED_FOLDERS = frozenset({".git", ".venv", "venv", "node_modules", "__pycache__"})


class FileReport(NamedTuple):
    path: str
    findings: list[Finding]
    understood: bool = True  # False: unreadable or structurally broken (exit 2)
    error: str | None = None  # a one-line reason when the file could not be read at all
    fixed: int = 0  # findings removed by --fix


class CheckReport(NamedTuple):
    files: list[FileReport]
    strict: bool = False

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


class Checker:
    """The rules to run and how to rate them, fixed for one ``drafter check`` run."""

    def __init__(
        self,
        rules: Sequence[Rule],
        settings: CheckSettings | None = None,
        settings_path: Path | None = None,
    ) -> None:
        from drafter.settings import CheckSettings

        self.rules = tuple(rules)
        self.settings = settings or CheckSettings()
        self.settings_path = settings_path
        self.overrides = _severity_overrides(self.settings)
        self.running = {rule.code for rule in self.rules}

    # ------------------------------------------------------------------ files

    def check_file(self, path: Path) -> FileReport:
        display = str(path)
        suffix = path.suffix.lower()
        try:
            if suffix in DOCX_SUFFIXES:
                from drafter.sources.docx import docx_document

                return self.report(docx_document(path, display))
            if suffix in OUTLINE_SUFFIXES + TEXT_SUFFIXES:
                from drafter.loader import read_text

                return self.check_text(path, read_text(path, display))
        except OutlineError as error:
            return FileReport(display, self._problem_findings(error), understood=False)
        except DrafterError as error:
            return FileReport(display, [], understood=False, error=error.message)
        return FileReport(
            display,
            [],
            understood=False,
            error=_("{path}: drafter checks .yaml, .yml, .docx, .txt and .md files").format(
                path=display
            ),
        )

    def check_text(self, path: Path, text: str) -> FileReport:
        """Check the text of an outline or a text file (the file itself is not read)."""
        display = str(path)
        suffix = path.suffix.lower()
        if suffix in OUTLINE_SUFFIXES:
            from drafter.loader import load_outline_text

            try:
                loaded = load_outline_text(text, display, path)
            except OutlineError as error:
                return FileReport(display, self._problem_findings(error), understood=False)
            return self.report_outline(loaded)
        from drafter.sources.text import text_document

        return self.report(text_document(text, display, markdown=suffix == ".md"))

    def _problem_findings(self, error: OutlineError) -> list[Finding]:
        from drafter.rules import rules_by_code

        findings = []
        for problem in error.problems:
            rule = rules_by_code().get(problem.code)
            findings.append(
                Finding(
                    problem.path,
                    problem.line,
                    problem.column,
                    problem.line,
                    problem.column + 1,
                    problem.code,
                    rule.name if rule else "outline",
                    ERROR,
                    problem.message,
                    None,
                    problem.source_line,
                )
            )
        return findings

    # ------------------------------------------------------------------ documents

    def report_outline(self, loaded: LoadedOutline) -> FileReport:
        from drafter.sources.outline import outline_document

        return self.report(outline_document(loaded), loaded)

    def report(self, document: CheckDocument, loaded: LoadedOutline | None = None) -> FileReport:
        findings = self.findings(document, self.options_for(document))
        if loaded is not None:
            findings = self._suppress(findings, document, loaded)
        findings.sort(key=Finding.sort_key)
        return FileReport(document.path, findings)

    def options_for(self, document: CheckDocument) -> RuleOptions:
        from drafter.citations.register import find_register
        from drafter.rules.context import RuleOptions

        register = None
        if any(rule.family == "REF" for rule in self.rules):
            register = find_register(Path(document.path), self.settings, self.settings_path)
        return RuleOptions(tone_marks=self.settings.tone_marks, register=register)

    def findings(self, document: CheckDocument, options: RuleOptions) -> list[Finding]:
        from drafter.rules.context import CheckContext

        ctx = CheckContext(document, options)
        found: list[Finding] = []
        seen: set[tuple[str, int, int, str]] = set()
        for rule in self.rules:
            if document.kind not in rule.sources:
                continue
            for hit in rule.check(ctx):
                finding = self.locate(document, rule, hit)
                key = (finding.code, finding.line, finding.column, finding.message)
                if key not in seen:
                    seen.add(key)
                    found.append(finding)
        return found

    def severity_of(self, rule: Rule) -> str:
        return self.overrides.get(rule.code, rule.severity)

    def locate(self, document: CheckDocument, rule: Rule, hit: Hit) -> Finding:
        return locate_hit(document, rule, hit, self.severity_of(rule))

    def _suppress(
        self, findings: list[Finding], document: CheckDocument, loaded: LoadedOutline
    ) -> list[Finding]:
        from drafter.rules import rules_by_code
        from drafter.rules.suppression import apply_suppressions, find_suppressions
        from drafter.sources.outline import split_lines

        lines = split_lines(loaded.text)
        suppressions = find_suppressions(lines, loaded.positions)
        if not suppressions:
            return findings
        codes = rules_by_code()
        unused = codes["OUT009"] if "OUT009" in self.running else None
        unknown = codes["OUT010"] if "OUT010" in self.running else None
        kept, problems = apply_suppressions(findings, suppressions, self.rules, unused, unknown)
        for suppression, code, value in problems:
            rule = codes[code]
            message = _(rule.message).format(codes=value, code=value)
            line = suppression.line
            kept.append(
                Finding(
                    document.path, line, suppression.column, line, len(lines[line - 1]) + 1,
                    code, rule.name, self.severity_of(rule), message, None, lines[line - 1],
                )
            )  # fmt: skip
        return kept


def locate_hit(document: CheckDocument, rule: Rule, hit: Hit, severity: str) -> Finding:
    """A rule's hit as a finding with file positions (and a fix where one applies)."""
    paragraph = hit.paragraph
    fix = None
    if paragraph is None:
        line, column = hit.where or (1, 1)
        end_line, end_column = line, column + 1
    elif hit.at_label:
        line, column = paragraph.label_position()
        width = len(paragraph.label or "") if not paragraph.auto_label else 1
        end_line, end_column = line, column + max(width, 1)
    else:
        line, column = paragraph.position(hit.start)
        if hit.end > hit.start:
            end_line, end_column = paragraph.end_position(hit.end)
        else:
            end_line, end_column = line, column
    if hit.replacement is not None and paragraph is not None and not hit.at_label:
        span = paragraph.file_range(hit.start, hit.end) if document.text is not None else None
        region = None
        if span is not None and document.line_starts is not None:
            from drafter.scalars import position_of

            region = (*position_of(document.line_starts, span[0]),
                      *position_of(document.line_starts, span[1]))  # fmt: skip
        fix = Fix(
            hit.replacement,
            hit.applicability,
            span[0] if span else None,
            span[1] if span else None,
            region,
        )
    message = _(hit.message).format(**hit.params) if hit.params else _(hit.message)
    return Finding(
        document.path,
        line,
        column,
        end_line,
        end_column,
        rule.code,
        rule.name,
        severity,
        message,
        fix,
        document.source_line(line),
    )


def _severity_overrides(settings: CheckSettings) -> dict[str, str]:
    from drafter.rules import all_rules
    from drafter.rules.selection import matches, split_selectors

    overrides: dict[str, str] = {}
    table = settings.severity
    for severity, selectors in ((INFO, table.info), (WARNING, table.warning), (ERROR, table.error)):
        for selector in split_selectors(selectors):
            for rule in all_rules():
                if matches(rule, selector):
                    overrides[rule.code] = severity
    assert set(overrides.values()) <= set(SEVERITIES)
    return overrides


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


def check_paths(
    paths: Sequence[Path],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    strict: bool = False,
    fix: bool = False,
    settings_path: Path | None = None,
) -> CheckReport:
    """Check every file under ``paths``; the library verb behind ``drafter check``."""
    from drafter.rules.selection import check_selectors, select_rules, split_selectors
    from drafter.settings import load_settings

    loaded_settings = load_settings(settings_path)
    settings = loaded_settings.settings.check
    where = str(loaded_settings.path) if loaded_settings.path else "drafter.yaml"
    for selectors in (settings.select, settings.ignore, settings.severity.error,
                      settings.severity.warning, settings.severity.info):  # fmt: skip
        check_selectors(split_selectors(selectors), where)
    cli_select, cli_ignore = split_selectors(select), split_selectors(ignore)
    check_selectors(cli_select, "--select")
    check_selectors(cli_ignore, "--ignore")
    chosen = select_rules(
        cli_select or split_selectors(settings.select),
        [*split_selectors(settings.ignore), *cli_ignore],
    )
    checker = Checker(chosen, settings, loaded_settings.path)
    reports = []
    for path in expand_paths(paths):
        if fix:
            from drafter.fixer import fix_file

            reports.append(fix_file(checker, path))
        else:
            reports.append(checker.check_file(path))
    return CheckReport(reports, strict)


def check_loaded(loaded: LoadedOutline) -> FileReport:
    """Check an outline already loaded (``drafter build`` runs this)."""
    from drafter.rules.selection import select_rules, split_selectors
    from drafter.settings import load_settings

    loaded_settings = load_settings()
    settings = loaded_settings.settings.check
    try:
        chosen = select_rules(split_selectors(settings.select), split_selectors(settings.ignore))
        checker = Checker(chosen, settings, loaded_settings.path)
    except DrafterError:
        raise
    return checker.report_outline(loaded)


FORMATS = ("text", "json", "sarif")


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
    import sys

    from drafter.errors import InputError

    if output_format not in FORMATS:
        raise InputError(
            _("unknown format '{value}'; use one of: {known}").format(
                value=output_format, known=", ".join(FORMATS)
            )
        )
    stream = stream or sys.stdout
    errors = errors or sys.stderr
    report = check_paths(paths, select=select, ignore=ignore, strict=strict, fix=fix)
    if output_format == "json":
        from drafter.report import json as json_report

        json_report.render(report, stream, errors)
    elif output_format == "sarif":
        from drafter.report import sarif

        sarif.render(report, stream, errors, report_rules(select, ignore))
    else:
        from drafter.report import text

        text.render(report, stream, errors)
    return report.exit_code


def report_rules(select: Sequence[str], ignore: Sequence[str]) -> tuple[Rule, ...]:
    from drafter.rules.selection import select_rules, split_selectors
    from drafter.settings import load_settings

    settings = load_settings().settings.check
    return select_rules(
        split_selectors(select) or split_selectors(settings.select),
        [*split_selectors(settings.ignore), *split_selectors(ignore)],
    )


class ChecksFailed(OutlineError):
    """``drafter build`` of a final document (not a draft) whose checks found errors:
    the errors are reported like outline problems, and the exit code is 1."""

    exit_code = EXIT_FINDINGS

    @property
    def hint(self) -> str:
        return self.message


def errors_as_problems(report: FileReport) -> list:
    """The error findings of a report as located ``Problem``s (for the CLI boundary)."""
    from drafter.errors import Problem

    return [
        Problem(f.path, f.line, f.column, f"{f.code} {f.message}", f.source_line, f.code)
        for f in report.findings
        if f.severity == ERROR
    ]


def build_checks(loaded: LoadedOutline) -> FileReport:
    """The checks ``drafter build`` runs: a final document with errors is refused
    (``ChecksFailed``); a draft is built whatever was found."""
    report = check_loaded(loaded)
    problems = errors_as_problems(report)
    if problems and not loaded.outline.is_draft:
        raise ChecksFailed(
            _("the final document has {count} error(s); fix them, or keep 'draft: true'").format(
                count=len(problems)
            ),
            problems,
        )
    return report
