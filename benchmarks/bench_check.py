"""``drafter check``: cold start, documents per second, and scaling, in one run.

    python benchmarks/bench_check.py [--runs 15]

Cold figures are the best and the median wall time of N fresh processes (cold
interpreter, warm disk cache), taken with the ``drafter`` console script
against baselines measured in the same run: ``python -c pass`` and a bare
``yaml.safe_load`` of the same outline. drafter's modules are byte-compiled
first, as ``pip install`` does (see bench_build.py). The check cache is off
(``DRAFTER_NO_CHECK_CACHE=1``) for the cold runs so that every rule runs; a
second row shows an unchanged outline served from the cache.

In-process figures use one ``Checker`` (what ``drafter check`` on a folder and
``drafter watch`` use) on the reference outline — the real 71-paragraph draft
of examples/chuong-trinh-quy-1-2024.yaml — and on every example in turn: the
median of five windows of half a second, with the slowest and the fastest
window beside it (a shared machine varies by ±10% from one second to the next).
Scaling checks generated outlines of 1,000 and 10,000 items.

Targets (issue 4): cold check of the example outline <= 0.12 s, with no Word
or template library imported; >= 200 seed-size documents per second
in-process; a 10,000-item outline in < 1 s, time growing linearly.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import (
    EXAMPLE,
    ROOT,
    drafter_command,
    environment,
    generated_outline,
    prepare,
    table,
    timed,
)  # fmt: skip

REFERENCE = ROOT / "tests" / "data" / "du-thao-chuong-trinh-cong-tac-quy-1-2024.txt"
HEAVY = ("docx", "lxml", "docxtpl", "babel", "jinja2")
PROBE = """
import sys
from drafter.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""
FINDINGS = (0, 1)  # check's exit codes when it ran


def heavy_imports(path: Path, env: dict[str, str]) -> list[str]:
    """Word/template libraries imported while checking ``path`` (should be none)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", str(path)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    loaded = done.stderr.split()
    assert "drafter.rules.txt" in loaded, done.stderr[-400:]
    return sorted({m.split(".")[0] for m in loaded if m.split(".")[0] in HEAVY})


def per_document(checker, paths: list[Path], windows: int = 5, seconds: float = 0.5) -> list[float]:
    """Seconds per document in each of ``windows`` stretches of about ``seconds``,
    checking ``paths`` in turn: the median is the figure, the spread shows the
    noise of a shared machine."""
    for path in paths:
        checker.check_file(path)
    figures = []
    for _ in range(windows):
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            for path in paths:
                checker.check_file(path)
            done += len(paths)
        figures.append((time.perf_counter() - start) / done)
    return sorted(figures)


def _spread(seconds: tuple[float, float]) -> str:
    """Documents per second in the slowest and the fastest window."""
    return f"{1 / seconds[1]:.0f}–{1 / seconds[0]:.0f}"


def best_of(checker, path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        checker.check_file(path)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    prepare()
    env = environment()
    uncached = environment(DRAFTER_NO_CHECK_CACHE="1")
    bare_yaml = f"import yaml; yaml.safe_load(open({str(EXAMPLE)!r}, encoding='utf-8'))"

    # ------------------------------------------------------------------ cold
    python = timed([sys.executable, "-c", "pass"], args.runs, env)
    yaml_load = timed([sys.executable, "-c", bare_yaml], args.runs, env)
    check = timed([*drafter_command(), "check", str(EXAMPLE)], args.runs, uncached, FINDINGS)
    cached = timed([*drafter_command(), "check", str(EXAMPLE)], args.runs, env, FINDINGS)
    text = timed([*drafter_command(), "check", str(REFERENCE)], args.runs, uncached, FINDINGS)
    heavy = {path.name: heavy_imports(path, uncached) for path in (EXAMPLE, REFERENCE)}

    # ------------------------------------------------------------------ in-process
    os.environ["DRAFTER_NO_CHECK_CACHE"] = "1"
    from drafter.checking import checker_for
    from drafter.settings import settings_for

    checker = checker_for(settings_for(EXAMPLE))
    reference = per_document(checker, [EXAMPLE])
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    mixed = per_document(checker, examples)
    sizes, without_gc = {}, {}
    with tempfile.TemporaryDirectory() as work:
        for items in (1_000, 10_000):
            path = Path(work) / f"items-{items}.yaml"
            path.write_text(generated_outline(items), encoding="utf-8")
            report = checker.check_file(path)
            assert report.understood, report
            sizes[items] = best_of(checker, path, 3 if items > 1_000 else 10)
            gc.disable()  # the collector's passes grow with the heap: shown apart
            without_gc[items] = best_of(checker, path, 3 if items > 1_000 else 10)
            gc.enable()

    rows = [
        ("python -c pass (baseline)", python, None),
        ("bare yaml.safe_load of the outline", yaml_load, None),
        ("drafter check outline", check, check[0] / yaml_load[0]),
        ("drafter check outline (check cache)", cached, cached[0] / yaml_load[0]),
        ("drafter check reference .txt", text, text[0] / yaml_load[0]),
    ]
    print(table([(name, f"{best:.3f}", f"{median:.3f}", f"{ratio:.2f}x" if ratio else "")
                 for name, (best, median), ratio in rows],
                ("cold start", "best s", "median s", "vs yaml")))  # fmt: skip
    for name, found in heavy.items():
        print(f"heavy modules imported checking {name}: {', '.join(found) or 'none'}")
    print()
    ratio, ratio_no_gc = sizes[10_000] / sizes[1_000], without_gc[10_000] / without_gc[1_000]
    reference, reference_range = statistics.median(reference), (reference[0], reference[-1])
    mixed, mixed_range = statistics.median(mixed), (mixed[0], mixed[-1])
    print(table([
        ("reference outline (71 paragraphs)", f"{reference * 1000:.2f} ms",
         f"{1 / reference:.0f}", _spread(reference_range)),
        (f"the {len(examples)} examples in turn", f"{mixed * 1000:.2f} ms", f"{1 / mixed:.0f}",
         _spread(mixed_range)),
        ("1,000-item outline", f"{sizes[1_000]:.3f} s", "", ""),
        ("10,000-item outline", f"{sizes[10_000]:.3f} s", "", ""),
        ("ratio 10k / 1k (linear: 10)", f"{ratio:.2f}", "", ""),
        ("ratio 10k / 1k, garbage collector off", f"{ratio_no_gc:.2f}", "", ""),
    ], ("in-process, one Checker, check cache off", "time", "docs/s",
        "docs/s in 5 windows")))  # fmt: skip
    print()
    print(
        f"targets: cold check <= 0.120 s ({check[0]:.3f} s), no heavy imports "
        f"({'ok' if not any(heavy.values()) else 'FAILED'}), >= 200 docs/s "
        f"(reference {1 / reference:.0f}, examples {1 / mixed:.0f}), 10k items < 1 s "
        f"({sizes[10_000]:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
