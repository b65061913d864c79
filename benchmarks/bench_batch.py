"""``drafter build`` over a folder of 500 outlines: documents per second.

    python benchmarks/bench_batch.py [--count 500]

The folder holds copies of the examples (every type), each with its own title
so no two are the same file; the cache of check findings is off (a quarter's
new outlines). Figures: one cold ``drafter build FOLDER`` with one worker per
core, and with ``-j 1`` (one after another) as the baseline, in the same run.
Target (issue 7): >= 50 documents per second on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from common import ROOT, drafter_command, environment, prepare, run_measured, table


def make_folder(folder: Path, count: int) -> None:
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    for index in range(count):
        source = examples[index % len(examples)]
        text = source.read_text(encoding="utf-8")
        text = text.replace("\ntitle: ", f"\ntitle: (bản {index + 1}) ", 1)
        (folder / f"{index + 1:03d}-{source.name}").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    args = parser.parse_args()
    prepare()
    env = environment(DRAFTER_NO_CHECK_CACHE="1")
    rows = []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "outlines"
        folder.mkdir()
        make_folder(folder, args.count)
        for name, extra in (("one after another (-j 1, baseline)", ["-j", "1"]),
                            (f"all cores (-j {os.cpu_count()})", [])):  # fmt: skip
            out = Path(work) / ("out" + extra[-1] if extra else "out")
            seconds, peak, code = run_measured(
                [*drafter_command(), "build", str(folder), "-o", str(out), "--force", *extra],
                env,
            )
            built = len(list(out.glob("*.docx")))
            if built != args.count:
                raise SystemExit(f"{name}: built {built} of {args.count} (exit {code})")
            rows.append((name, f"{seconds:.2f}", f"{args.count / seconds:.1f}",
                         f"{peak / 1024:.0f}"))  # fmt: skip
    print(table(rows, ("batch of " + str(args.count), "seconds", "docs/s", "peak MB")))
    print(f"target: >= 50 documents per second on 2 cores ({rows[-1][2]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
