"""Cold start of ``drafter build`` against a bare docxtpl script, in one run.

    python benchmarks/bench_build.py [--runs 15]

Each figure is the best and the median wall time of N fresh processes (cold
interpreter, warm disk cache). drafter's own modules are byte-compiled first,
as ``pip install`` does for an installed package (with PYTHONDONTWRITEBYTECODE
set, an editable checkout would otherwise recompile them at every start while
the baseline's libraries are already compiled). The baseline renders the same template with the
same context (dumped to JSON beforehand) in a five-line docxtpl script; the
ratio is drafter / baseline. Targets (issue 3): build <= 1.3x baseline,
``drafter --help`` <= 0.15 s.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chuong-trinh-quy-1-2024.yaml"
BARE_SCRIPT = """
import json, sys
from docxtpl import DocxTemplate
context = json.load(open(sys.argv[2], encoding="utf-8"))
template = DocxTemplate(sys.argv[1])
template.render(context, autoescape=True)
template.save(sys.argv[3])
"""


def drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def timed(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "src"))
    compileall.compile_dir(ROOT / "src" / "drafter", quiet=1)
    from drafter.builder import template_for
    from drafter.loader import load_outline
    from drafter.render.context import FormatSettings, build_context, load_format_pack

    loaded = load_outline(EXAMPLE)
    context = build_context(loaded.outline, FormatSettings.from_pack(load_format_pack()))
    template = template_for(loaded)
    env = {**os.environ, "DRAFTER_LANG": "vi"}

    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        (work_dir / "context.json").write_text(json.dumps(context, ensure_ascii=False), "utf-8")
        (work_dir / "bare.py").write_text(BARE_SCRIPT, "utf-8")
        bare = timed(
            [sys.executable, str(work_dir / "bare.py"), str(template),
             str(work_dir / "context.json"), str(work_dir / "bare.docx")],
            args.runs, env,
        )  # fmt: skip
        build = timed(
            [*drafter_command(), "build", str(EXAMPLE), "-o", str(work_dir / "out.docx"),
             "--force"],
            args.runs, env,
        )  # fmt: skip
        no_cache = timed(
            [*drafter_command(), "build", str(EXAMPLE), "-o", str(work_dir / "out.docx"),
             "--force"],
            args.runs, {**env, "DRAFTER_NO_CACHE": "1"},
        )  # fmt: skip
        rebuild = timed(
            [*drafter_command(), "build", str(EXAMPLE), "-o", str(work_dir / "out.docx")],
            args.runs, env,
        )  # fmt: skip
        help_ = timed([*drafter_command(), "--help"], args.runs, env)

    rows = [
        ("bare docxtpl script (baseline)", bare, None),
        ("drafter build (cold, --force)", build, build[0] / bare[0]),
        ("drafter build (cold, checks target)", rebuild, rebuild[0] / bare[0]),
        ("drafter build (cold, no template cache)", no_cache, no_cache[0] / bare[0]),
        ("drafter --help", help_, None),
    ]
    print(f"{'case':40} {'best s':>8} {'median s':>9} {'ratio':>7}")
    for name, (best, median), ratio in rows:
        ratio_text = f"{ratio:.2f}x" if ratio else ""
        print(f"{name:40} {best:8.3f} {median:9.3f} {ratio_text:>7}")
    print(
        f"targets: build <= 1.30x baseline ({build[0] / bare[0]:.2f}x), "
        f"--help <= 0.150 s ({help_[0]:.3f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
