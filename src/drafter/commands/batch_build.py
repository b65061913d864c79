"""The many-outline side of ``drafter build``: run the batch, print the summary."""

from __future__ import annotations

import time
from pathlib import Path

from drafter.batch import Options, exit_code, plan, run


def build_many(paths: list[Path], output: Path | None, options: Options,
               workers: int | None) -> int:  # fmt: skip
    """Build every outline found in ``paths``; returns the exit code."""
    from drafter.report.batch import progress_bar, table, totals

    jobs = plan(paths, output)
    start = time.perf_counter()
    advance, close = progress_bar(len(jobs))
    try:
        outcomes = run(jobs, options, workers, advance)
    finally:
        close()
    print(table(outcomes))
    print(totals(outcomes, time.perf_counter() - start))
    return exit_code(outcomes)
