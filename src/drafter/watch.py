"""``drafter watch``: rebuild and re-check an outline every time it is saved.

One process stays up, so the libraries, the parsed Word template and the
compiled Jinja code stay loaded (``render.cache`` keeps them in memory as well
as on disk): a rebuild of the example takes a few milliseconds
(benchmarks/bench_regen.py). A save that leaves the outline half-written or
invalid never stops the loop: the problems are printed and the next save is
awaited. Ctrl-C ends it cleanly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from drafter.errors import DrafterError, OutlineError, Problem
from drafter.i18n import _

if TYPE_CHECKING:
    from drafter.document import LoadedDocument

DEBOUNCE_MS = 150  # editors write a file in several steps; wait for the last one


class Checked(NamedTuple):
    document: LoadedDocument | None  # None when the outline cannot be built
    problems: list[Problem]


def recheck(path: Path) -> Checked:
    """Load the outline with its drafter.yaml: the problems that stop a build
    (syntax, keys, types, dates …). The checks of ``drafter check`` run with
    the build itself and are summed up after it."""
    from drafter.document import load_document

    try:
        return Checked(load_document(path), [])
    except OutlineError as error:
        return Checked(None, list(error.problems))


class Round(NamedTuple):
    """What one rebuild did, for the summary line."""

    built: bool
    seconds: float
    lines: list[str]


def rebuild(
    outline: Path,
    output: Path | None = None,
    *,
    pdf: bool = False,
    prefer: str | None = None,
) -> Round:
    """Check and build once; never raises for a problem of the user's files."""
    from drafter.builder import build_loaded
    from drafter.cli import format_problem

    start = time.perf_counter()
    try:
        checked = recheck(outline)
        lines = [format_problem(problem) for problem in checked.problems]
        if checked.document is None:
            lines.append(
                _("{count} problem(s) found; waiting for the next save").format(
                    count=len(checked.problems)
                )
            )
            return Round(False, time.perf_counter() - start, lines)
        result = build_loaded(checked.document, output, pdf=pdf, prefer=prefer)
    except DrafterError as error:
        message = _("error: {message}").format(message=error.message)
        return Round(False, time.perf_counter() - start, [message, _("waiting for the next save")])
    seconds = time.perf_counter() - start
    lines.append(
        _("Built {path} ({count} paragraphs) in {ms} ms").format(
            path=result.docx, count=result.paragraphs, ms=round(seconds * 1000)
        )
    )
    if result.checks is not None:
        from drafter.report.text import build_summary

        lines.append(build_summary(result.checks))
    if result.merge is not None:
        conflicts = [c for c in result.merge.conflicts if not c.resolution]
        lines.append(
            _("Merged with the edits made in Word; {count} conflict(s) marked in the file").format(
                count=len(conflicts)
            )
        )
    return Round(True, seconds, lines)


def _changes(outline: Path, stop: threading.Event | None) -> Iterable[object]:
    import watchfiles

    target = outline.resolve()

    def is_outline(_change: object, changed: str) -> bool:
        return Path(changed).resolve() == target

    return watchfiles.watch(
        target.parent,
        watch_filter=is_outline,
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        recursive=False,
        raise_interrupt=True,
    )


def watch(
    outline: Path,
    output: Path | None = None,
    *,
    pdf: bool = False,
    prefer: str | None = None,
    echo: Callable[[str], None] = print,
    stop: threading.Event | None = None,
) -> None:
    """Build now, then again after every save of ``outline`` until Ctrl-C (or ``stop``)."""
    outline = Path(outline)
    if not outline.parent.is_dir():
        from drafter.errors import MissingFileError

        raise MissingFileError(_("{path}: file not found").format(path=outline), outline)

    def one_round() -> None:
        stamp = time.strftime("%H:%M:%S")
        for line in rebuild(outline, output, pdf=pdf, prefer=prefer).lines:
            echo(f"[{stamp}] {line}")

    try:
        one_round()
        echo(_("Watching {path} for changes (Ctrl-C to stop)").format(path=outline))
        for _batch in _changes(outline, stop):
            one_round()
    except KeyboardInterrupt:
        pass
    echo(_("Stopped watching {path}").format(path=outline))
