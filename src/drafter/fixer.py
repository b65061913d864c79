"""``drafter check --fix``: apply safe fixes to outlines and text files.

Only files drafter understood are touched (never a Word file, never an outline
with structural problems). Each round applies every safe fix that does not
overlap another, editing the file's text in place — comments, indentation and
line endings stay as they were — and re-checks; an outline that would no longer
load is left as it was. The file is written once, atomically, in its original
encoding (UTF-8, with or without a byte order mark, or UTF-16).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import DrafterError, OutlineError

if TYPE_CHECKING:
    from drafter.checker import Checker, FileReport
    from drafter.rules.base import Fix

MAX_ROUNDS = 10
_UTF8_BOM = b"\xef\xbb\xbf"


def choose_fixes(fixes: list[Fix]) -> list[Fix]:
    """Applicable fixes that do not overlap, in file order (the first one wins)."""
    chosen: list[Fix] = []
    end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        assert fix.start is not None and fix.end is not None
        if fix.start < end or (chosen and fix.start == end == chosen[-1].start):
            continue
        chosen.append(fix)
        end = max(end, fix.end)
    return chosen


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    parts, position = [], 0
    for fix in fixes:
        assert fix.start is not None and fix.end is not None
        parts.append(text[position : fix.start])
        parts.append(fix.replacement)
        position = fix.end
    parts.append(text[position:])
    return "".join(parts)


def _encode(text: str, raw: bytes) -> bytes:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return text.encode("utf-16")
    prefix = _UTF8_BOM if raw.startswith(_UTF8_BOM) else b""
    return prefix + text.encode("utf-8")


def _still_loads(path: Path, text: str) -> bool:
    if path.suffix.lower() not in (".yaml", ".yml"):
        return True
    from drafter.loader import load_outline_text

    try:
        load_outline_text(text, str(path), path)
    except OutlineError:
        return False
    return True


def fix_file(checker: Checker, path: Path) -> FileReport:
    """Fix ``path`` in place where it is safe; the report of what is left."""
    from drafter.checker import DOCX_SUFFIXES, FileReport, problem_findings
    from drafter.fileio import atomic_write
    from drafter.loader import decode_text, read_text

    if path.suffix.lower() in DOCX_SUFFIXES or not path.is_file():
        return checker.check_file(path)
    display = str(path)
    try:
        text = read_text(path, display)
        raw = path.read_bytes()
    except OutlineError as error:
        return FileReport(display, problem_findings(error), understood=False)
    except (DrafterError, OSError):
        return checker.check_file(path)
    original, fixed = text, 0
    report = checker.check_text(path, text)
    for _round in range(MAX_ROUNDS):
        if not report.understood:
            break
        fixes = choose_fixes([f.fix for f in report.findings if f.fix and f.fix.applicable])
        if not fixes:
            break
        candidate = apply_fixes(text, fixes)
        if candidate == text or not _still_loads(path, candidate):
            break
        text, fixed = candidate, fixed + len(fixes)
        report = checker.check_text(path, text)
    if text != original:
        atomic_write(path, _encode(text, raw))
        assert decode_text(_encode(text, raw), display) == text
    return report._replace(fixed=fixed)
