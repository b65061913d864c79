"""Helpers shared by the benchmark scripts: timing fresh processes, peak memory,
generated outlines, and one table format."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chuong-trinh-quy-1-2024.yaml"
SRC = ROOT / "src"


def prepare() -> None:
    """Import drafter from this checkout, byte-compiled as an installed package is."""
    sys.path.insert(0, str(SRC))
    compileall.compile_dir(SRC / "drafter", quiet=1)


def drafter_command() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafter"]


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "DRAFTER_LANG": "vi", **extra}


def run_measured(command: Sequence[str], env: dict[str, str] | None = None,
                 cwd: Path | None = None) -> tuple[float, int, int]:  # fmt: skip
    """Wall seconds, peak resident memory (KiB) and exit code of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=env or environment(), cwd=cwd,
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode


def timed(command: Sequence[str], runs: int, env: dict[str, str] | None = None,
          ok: Sequence[int] = (0,)) -> tuple[float, float]:  # fmt: skip
    """Best and median wall time of ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        elapsed, _, code = run_measured(command, env)
        if code not in ok:
            raise SystemExit(f"{' '.join(command)} exited with {code}")
        times.append(elapsed)
    return min(times), statistics.median(times)


def generated_outline(items: int, per_section: int = 100) -> str:
    """An outline of ``items`` numbered tasks in sections of ``per_section``."""
    lines = [
        "type: chuong-trinh", "issuer:", "  name: TỈNH ỦY HẬU GIANG", "symbol: CTr/TU",
        "place: Hậu Giang", "date: 2024-01-05", "title: Chương trình thử tải", "sections:",
    ]  # fmt: skip
    for part in range(max(items // per_section, 1)):
        lines.append(f"  - heading: Nhóm nhiệm vụ {part + 1}")
        lines.append("    sections:")
        for task in range(min(per_section, items)):
            lines.append(
                f"      - Nhiệm vụ {part + 1}.{task + 1} - tăng cường công tác lãnh đạo, "
                "chỉ đạo thực hiện Chỉ thị số 32-CT/TU ngày 19/12/2023 của Ban Thường vụ."
            )
    return "\n".join(lines) + "\n"


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(str(cell).ljust(width) if i == 0 else str(cell).rjust(width)
                  for i, (cell, width) in enumerate(zip(row, widths, strict=True)))
        for row in [header, *rows]
    ]  # fmt: skip
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
