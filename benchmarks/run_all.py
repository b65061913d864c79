"""Run every benchmark and write the results to docs/benchmarks.md.

    python benchmarks/run_all.py            # all of them (about 3 minutes)
    python benchmarks/run_all.py --quick    # fewer runs, smaller sizes (CI smoke test)

Each script prints its own table with the baseline measured in the same run;
this collects them under the machine and the date they were measured on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs" / "benchmarks.md"

SUITE = [
    ("Cold build and `--help`", "bench_build.py", ["--runs", "15"], ["--runs", "3"]),
    ("Checking", "bench_check.py", ["--runs", "15"], ["--runs", "3"]),
    ("Growth with the outline (time and peak memory)", "bench_scale.py", [],
     ["--sizes", "100", "1000"]),
    ("A folder of 500 outlines", "bench_batch.py", [], ["--count", "40"]),
    ("Watch mode, merge and import", "bench_regen.py", ["--runs", "20"],
     ["--runs", "3", "--paragraphs", "200"]),
]  # fmt: skip


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 1024**3:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--output", type=Path, default=DOCS)
    args = parser.parse_args()
    sections = []
    failed = False
    for title, script, full, quick in SUITE:
        arguments = quick if args.quick else full
        print(f"== {script} {' '.join(arguments)}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *arguments],
                              capture_output=True, text=True, cwd=HERE)  # fmt: skip
        output = (done.stdout + (done.stderr if done.returncode else "")).rstrip()
        print(output, flush=True)
        failed |= done.returncode != 0
        sections.append(f"## {title}\n\n`python benchmarks/{script} {' '.join(arguments)}`"
                        f"\n\n```\n{output}\n```\n")  # fmt: skip
    header = args.output.read_text(encoding="utf-8").split("<!-- results -->")[0]
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    body = (f"<!-- results -->\n\nMeasured {stamp} on {machine()}"
            f"{' (quick run)' if args.quick else ''}.\n\n" + "\n".join(sections))  # fmt: skip
    args.output.write_text(header + body, encoding="utf-8")
    print(f"wrote {args.output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
