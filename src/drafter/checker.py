"""The checker: one document view in, located findings out.

    file ─ sources/* ─▶ CheckDocument ─ rules/* ─▶ Hit[] ─ locate, suppress, re-rate ─▶ Finding[]

A ``Checker`` holds the rules to run and the settings that rate them (the
``check:`` section of the drafter.yaml that applies). A file that cannot be
read (missing, not a Word file, not UTF-8) or an outline with structural
problems (OUT001–OUT008 from the loader, or problems resolving it with its
drafter.yaml) is "not understood": its problems are reported, no other rule
runs on it and ``--fix`` leaves it alone. ``drafter.checking`` runs checkers
over paths; ``drafter build`` calls ``build_checks``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from drafter.errors import EXIT_FINDINGS, DrafterError, OutlineError, Problem
from drafter.gc_pause import gc_paused
from drafter.i18n import _
from drafter.rules.base import ERROR, INFO, WARNING, Finding, Fix, Hit, Rule

if TYPE_CHECKING:
    from drafter.document import LoadedDocument
    from drafter.rules.context import RuleOptions
    from drafter.settings import CheckSettings, LoadedSettings
    from drafter.sources.view import CheckDocument

OUTLINE_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = (".txt", ".md")
DOCX_SUFFIXES = (".docx",)
CHECKED_SUFFIXES = OUTLINE_SUFFIXES + TEXT_SUFFIXES + DOCX_SUFFIXES


class FileReport(NamedTuple):
    path: str
    findings: list[Finding]
    understood: bool = True  # False: unreadable or structurally broken (exit 2)
    error: str | None = None  # a one-line reason when the file could not be read at all
    fixed: int = 0  # findings removed by --fix
    empty_folder: bool = False  # a folder named on the command line with no file to check

    @property
    def unread(self) -> bool:
        """A file that could not be read at all (not a folder with nothing in it)."""
        return self.error is not None and not self.empty_folder


class Checker:
    """The rules to run and how to rate them, for the files one drafter.yaml covers."""

    def __init__(self, rules: Sequence[Rule], settings: LoadedSettings | None = None) -> None:
        from drafter.settings import CheckSettings

        self.rules = tuple(rules)
        self.loaded_settings = settings
        self.settings: CheckSettings = settings.settings.check if settings else CheckSettings()
        self.overrides = severity_overrides(self.settings)
        self.running = {rule.code for rule in self.rules}

    # ------------------------------------------------------------------ files

    def check_file(self, path: Path) -> FileReport:
        with gc_paused():
            return self._check_file(path)

    def _check_file(self, path: Path) -> FileReport:
        display = str(path)
        suffix = path.suffix.lower()
        try:
            if suffix in DOCX_SUFFIXES:
                from drafter.sources.docx import docx_document

                return self.report(docx_document(path, display))
            if suffix in OUTLINE_SUFFIXES + TEXT_SUFFIXES:
                from drafter.loader import read_text

                return self._check_text(path, read_text(path, display))
        except OutlineError as error:
            return FileReport(display, problem_findings(error), understood=False)
        except DrafterError as error:
            return FileReport(display, [], understood=False, error=error.message)
        if not path.exists():
            reason = _("{path}: file not found").format(path=display)
        else:
            reason = _("{path}: drafter checks .yaml, .yml, .docx, .txt and .md files").format(
                path=display
            )
        return FileReport(display, [], understood=False, error=reason)

    def check_text(self, path: Path, text: str) -> FileReport:
        """Check the text of an outline or a text file (the file itself is not read)."""
        with gc_paused():
            return self._check_text(path, text)

    def _check_text(self, path: Path, text: str) -> FileReport:
        display = str(path)
        suffix = path.suffix.lower()
        if suffix in OUTLINE_SUFFIXES:
            from drafter import check_cache
            from drafter.document import resolve_loaded
            from drafter.loader import load_outline_text

            rules = tuple(rule.code for rule in self.rules)
            cache_key = check_cache.key(display, text, self.loaded_settings, rules)
            findings = check_cache.read(cache_key)
            if findings is not None:
                return FileReport(display, findings)
            try:
                loaded = load_outline_text(text, display, path)
                document = resolve_loaded(loaded, settings=self.loaded_settings)
            except OutlineError as error:
                return FileReport(display, problem_findings(error), understood=False)
            report = self.report_outline(document)
            check_cache.write(cache_key, report.findings)
            return report
        from drafter.sources.text import text_document

        return self.report(text_document(text, display, markdown=suffix == ".md"))

    # ------------------------------------------------------------------ documents

    def report_outline(self, document: LoadedDocument) -> FileReport:
        from drafter.sources.outline import outline_document

        view = outline_document(document)
        findings = self.findings(view, self.options_for(view))
        findings = self._suppress(findings, view, document)
        findings.sort(key=Finding.sort_key)
        return FileReport(view.path, findings)

    def report(self, document: CheckDocument) -> FileReport:
        findings = self.findings(document, self.options_for(document))
        findings.sort(key=Finding.sort_key)
        return FileReport(document.path, findings)

    def options_for(self, document: CheckDocument) -> RuleOptions:
        from drafter.rules.context import RuleOptions

        register = None
        if any(rule.family == "REF" for rule in self.rules) and (
            self.settings.references or (Path(document.path).parent / "references.yaml").is_file()
        ):
            from drafter.citations.register import find_register

            settings_path = self.loaded_settings.path if self.loaded_settings else None
            register = find_register(Path(document.path), self.settings, settings_path)
        return RuleOptions(tone_marks=self.settings.tone_marks, register=register)

    def findings(self, document: CheckDocument, options: RuleOptions) -> list[Finding]:
        from drafter.rules.context import CheckContext

        ctx = CheckContext(document, options)
        found: list[Finding] = []
        seen: set[tuple[str, int, int, str]] = set()
        for rule in self.rules:
            if document.kind not in rule.sources:
                continue
            severity = self.severity_of(rule)
            for hit in rule.check(ctx):
                finding = locate_hit(document, rule, hit, severity)
                key = (finding.code, finding.line, finding.column, finding.message)
                if key not in seen:
                    seen.add(key)
                    found.append(finding)
        return found

    def severity_of(self, rule: Rule) -> str:
        return self.overrides.get(rule.code, rule.severity)

    def _suppress(
        self, findings: list[Finding], view: CheckDocument, document: LoadedDocument
    ) -> list[Finding]:
        from drafter.rules import rules_by_code
        from drafter.rules.suppression import apply_suppressions, find_suppressions
        from drafter.sources.outline import split_lines

        loaded = document.loaded
        if "drafter" not in loaded.text:
            return findings
        lines = view.lines if view.lines is not None else split_lines(loaded.text)
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
                    view.path, line, suppression.column, line, len(lines[line - 1]) + 1,
                    code, rule.name, self.severity_of(rule), message, None, lines[line - 1],
                )
            )  # fmt: skip
        return kept


def problem_findings(error: OutlineError) -> list[Finding]:
    """The loader's (and the resolver's) located problems as OUT findings."""
    from drafter.rules import rules_by_code

    codes = rules_by_code()
    findings = []
    for problem in error.problems:
        rule = codes.get(problem.code)
        findings.append(
            Finding(
                problem.path, problem.line, problem.column, problem.line, problem.column + 1,
                problem.code, rule.name if rule else "outline", ERROR, problem.message, None,
                problem.source_line,
            )
        )  # fmt: skip
    return findings


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
        document.path, line, column, end_line, end_column, rule.code, rule.name, severity,
        message, fix, document.source_line(line),
    )  # fmt: skip


def severity_overrides(settings: CheckSettings) -> dict[str, str]:
    """``check: severity:`` as rule code -> severity (the most severe wins)."""
    from drafter.rules import all_rules
    from drafter.rules.selection import matches, split_selectors

    overrides: dict[str, str] = {}
    table = settings.severity
    for severity, selectors in ((INFO, table.info), (WARNING, table.warning), (ERROR, table.error)):
        for selector in split_selectors(selectors):
            for rule in all_rules():
                if matches(rule, selector):
                    overrides[rule.code] = severity
    return overrides


# --------------------------------------------------------------------------- build


class ChecksFailed(OutlineError):
    """``drafter build`` of a final document (not a draft) whose checks found errors:
    the errors are reported like outline problems, and the exit code is 1."""

    exit_code = EXIT_FINDINGS

    @property
    def hint(self) -> str:
        return self.message


def start_build_checks(document: LoadedDocument) -> Callable[[], FileReport]:
    """Start the checks ``drafter build`` runs; the returned callable gives their
    report (or raises ``ChecksFailed``). Findings cached for this very outline
    are used at once; otherwise the checks run alongside the rendering
    (``drafter.overlap``)."""
    from drafter import check_cache, overlap

    loaded = document.loaded
    cache_key = check_cache.key(
        str(loaded.path), loaded.text, document.settings, (f"final={document.resolved.final}",)
    )
    findings = check_cache.read(cache_key)
    if findings is not None:
        report = FileReport(str(loaded.path), findings)
        return overlap.here(lambda: _refuse_failed_final(document, report))

    def run() -> FileReport:
        from drafter.checking import checker_for

        report = checker_for(document.settings).report_outline(document)
        check_cache.write(cache_key, report.findings)
        return _refuse_failed_final(document, report)

    return overlap.start(run)


def build_checks(document: LoadedDocument) -> FileReport:
    """The checks ``drafter build`` runs, with the outline's drafter.yaml: a final
    document with errors is refused (``ChecksFailed``); a draft is built anyway."""
    return start_build_checks(document)()


def _refuse_failed_final(document: LoadedDocument, report: FileReport) -> FileReport:
    problems = [
        Problem(f.path, f.line, f.column, f"{f.code} {f.message}", f.source_line, f.code)
        for f in report.findings
        if f.severity == ERROR
    ]
    if problems and not document.resolved.outline.is_draft:
        raise ChecksFailed(
            _("the final document has {count} error(s); fix them, or keep 'draft: true'").format(
                count=len(problems)
            ),
            problems,
        )
    return report
