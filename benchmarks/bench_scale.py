"""How build (and check) grow with the outline: 1k, 10k and 100k items.

    python benchmarks/bench_scale.py [--sizes 1000 10000 100000]

Each size is a generated outline (sections of 100 numbered tasks, each citing a
Chỉ thị). For every size: wall time and peak memory of a cold ``drafter
build`` (and ``drafter check`` when available) in a fresh process, and the
cost per item. "growth" is the time per item divided by that of the smallest
size: 1.0 means linear. Targets (issue 7): a 10,000-item outline built < 3 s
and checked < 1 s; growth linear.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import drafter_command, generated_outline, prepare, run_measured, table


def commands_available() -> set[str]:
    from drafter.commands import COMMANDS

    return set(COMMANDS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    prepare()
    available = commands_available()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        per_item: dict[str, float] = {}
        for size in args.sizes:
            outline = folder / f"o{size}.yaml"
            outline.write_text(generated_outline(size), encoding="utf-8")
            cases = [("build", ["build", str(outline), "-o", str(folder / "o.docx"), "--force"])]
            if "check" in available:
                cases.append(("check", ["check", str(outline), "--format", "json"]))
            for name, arguments in cases:
                seconds, peak_kib, code = run_measured([*drafter_command(), *arguments])
                if code not in (0, 1):
                    raise SystemExit(f"drafter {name} failed on {size} items ({code})")
                cost = seconds / size
                per_item.setdefault(name, cost)
                rows.append((
                    f"{name} {size:,} items", f"{seconds:.2f}", f"{peak_kib / 1024:.0f}",
                    f"{cost * 1e6:.0f}", f"{cost / per_item[name]:.2f}",
                ))  # fmt: skip
    print(table(rows, ("case", "seconds", "peak MB", "µs/item", "growth")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
