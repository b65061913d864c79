"""``drafter build`` over many outlines and folders: all cores, keep going, one summary.

The outlines are found like ``drafter check`` finds files (folders searched,
``drafter.yaml`` and ``references.yaml`` skipped), each built exactly as a
single ``drafter build`` would build it, in a pool of worker processes (one per
core; forked on POSIX so the libraries are loaded once). A failing outline is
recorded and the others go on. The exit code is the worst of all: 0 built,
1 refused because of errors in the input (or merge conflicts), 2 unreadable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from drafter.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, DrafterError, InputError
from drafter.i18n import _

OUTLINE_SUFFIXES = (".yaml", ".yml")


class Job(NamedTuple):
    outline: Path
    output: Path


class Options(NamedTuple):
    pdf: bool = False
    force: bool = False
    final: bool = False
    prefer: str | None = None
    template: Path | None = None


class Outcome(NamedTuple):
    """What happened to one outline (plain data: it crosses process boundaries)."""

    outline: str
    output: str
    code: int  # 0 built, 1 refused for input errors / conflicts, 2 unreadable
    paragraphs: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    conflicts: int = 0
    message: str | None = None  # why it failed (first line)


def find_outlines(paths: Iterable[Path]) -> list[Path]:
    """The outlines among ``paths`` (folders searched; named files taken as given)."""
    from drafter.checking import expand_paths

    named = set(paths)
    return [p for p in expand_paths(paths) if p in named or p.suffix.lower() in OUTLINE_SUFFIXES]


def plan(paths: Sequence[Path], output: Path | None) -> list[Job]:
    """One job per outline; ``output`` (when given) is the folder to write into.
    Two outlines that would write the same file are refused before anything runs."""
    from drafter.builder import DRAFTS_DIR

    outlines = find_outlines(paths)
    if not outlines:
        raise InputError(
            _("no outline (.yaml) found in: {paths}").format(paths=", ".join(map(str, paths)))
        )
    if output is not None and (
        (output.exists() and not output.is_dir()) or output.suffix.lower() == ".docx"
    ):
        raise InputError(
            _("{path}: with several outlines, -o names a folder to write into").format(path=output)
        )
    folder = output if output is not None else DRAFTS_DIR
    jobs = [Job(outline, folder / f"{outline.stem}.docx") for outline in outlines]
    seen: dict[Path, Path] = {}
    for job in jobs:
        key = job.output.resolve()
        if key in seen:
            raise InputError(
                _(
                    "{first} and {second} would both be written to {path}; build them "
                    "separately with -o"
                ).format(first=seen[key], second=job.outline, path=job.output)
            )
        seen[key] = job.outline
    return jobs


def build_one(job: Job, options: Options) -> Outcome:
    """Build one outline; every failure becomes an ``Outcome``, never an exception."""
    from drafter.builder import build
    from drafter.errors import OutlineError

    outline, output = str(job.outline), str(job.output)
    try:
        result = build(
            job.outline, job.output, pdf=options.pdf, force=options.force,
            template=options.template, final=options.final, prefer=options.prefer,
        )  # fmt: skip
    except OutlineError as error:
        count = len(error.problems)
        first = error.problems[0] if error.problems else None
        where = f"{first.line}:{first.column}: " if first else ""
        return Outcome(outline, output, error.exit_code, errors=count,
                       message=f"{where}{error.message}")  # fmt: skip
    except DrafterError as error:
        return Outcome(outline, output, error.exit_code, message=error.message)
    except Exception as error:
        return Outcome(outline, output, EXIT_USAGE,
                       message=_("internal error ({kind}: {detail})").format(
                           kind=type(error).__name__, detail=str(error)[:200]))  # fmt: skip
    findings = result.checks.findings if result.checks else []
    conflicts = len(result.merge.conflicts) if result.merge else 0
    return Outcome(
        outline, str(result.docx), EXIT_FINDINGS if conflicts else EXIT_OK, result.paragraphs,
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        infos=sum(1 for f in findings if f.severity == "info"),
        conflicts=conflicts,
    )  # fmt: skip


def _worker_setup(language: str) -> None:
    from drafter.i18n import set_language

    os.environ["DRAFTER_NO_FORK"] = "1"  # the pool already uses every core
    set_language(language)


def run(
    jobs: Sequence[Job],
    options: Options,
    workers: int | None = None,
    progress: Callable[[Outcome], Any] | None = None,
) -> list[Outcome]:
    """Build every job (in parallel when there are several cores and jobs);
    outcomes in the order of ``jobs``."""
    from drafter.i18n import current_language

    workers = workers or os.cpu_count() or 1
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        outcomes = []
        forking = os.environ.get("DRAFTER_NO_FORK")
        os.environ["DRAFTER_NO_FORK"] = "1"  # one process per document would cost more
        try:
            for job in jobs:
                outcomes.append(build_one(job, options))
                if progress:
                    progress(outcomes[-1])
        finally:
            if forking is None:
                os.environ.pop("DRAFTER_NO_FORK", None)
        return outcomes
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    import drafter.builder
    import drafter.render.docx  # noqa: F401

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    by_job: dict[int, Outcome] = {}
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method),
        initializer=_worker_setup, initargs=(current_language(),),
    ) as pool:  # fmt: skip
        futures = {pool.submit(build_one, job, options): index for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                outcome = future.result()
            except Exception as error:
                job = jobs[index]
                outcome = Outcome(str(job.outline), str(job.output), EXIT_USAGE,
                                  message=type(error).__name__)  # fmt: skip
            by_job[index] = outcome
            if progress:
                progress(outcome)
    return [by_job[index] for index in range(len(jobs))]


def exit_code(outcomes: Iterable[Outcome]) -> int:
    return max((outcome.code for outcome in outcomes), default=EXIT_OK)
