"""Checking a document leaves no reference cycles behind.

A view whose objects refer to each other in a circle is freed only by the
garbage collector, whose passes then cost more than a tenth of checking the
reference outline (benchmarks/bench_check.py). Every object of a check must
be freed by reference counting as soon as the report is returned.
"""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path

import pytest

from docx_factory import make_docx, p
from drafter.checking import checker_for
from drafter.settings import settings_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chuong-trinh-quy-1-2024.yaml"
REFERENCE = ROOT / "tests" / "data" / "du-thao-chuong-trinh-cong-tac-quy-1-2024.txt"


def _cycles_left(path: Path) -> Counter[str]:
    checker = checker_for(settings_for(path))
    checker.check_file(path)  # caches and compiled patterns are made once, before counting
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        report = checker.check_file(path)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = Counter(type(item).__name__ for item in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert report.understood and report.findings
    return left


@pytest.mark.parametrize("name", ["outline", "text", "docx"])
def test_a_check_leaves_no_cycles(name: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DRAFTER_NO_CHECK_CACHE", "1")
    if name == "outline":
        path = EXAMPLE
    elif name == "text":
        path = REFERENCE
    else:
        path = tmp_path / "draft.docx"
        path.write_bytes(make_docx(p("Tổ chức tổng kết chuyên đề chuyên đề năm 2023.")))
    assert _cycles_left(path) == Counter()
