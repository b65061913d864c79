"""Patterns compiled on first use, their compiled programs kept on disk."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid

import pytest

from drafter import lazyre

PATTERNS = [
    (r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})", 0),
    (r"(?<![^\W\d_])của\s+của(?![^\W\d_])", re.IGNORECASE),
    (r"^(?:I|II|III)\.\s*", re.MULTILINE),
    (r"[\x00-\x08\u200b\u00ad]", 0),
]
TEXTS = ["ngày 19/12/2023 và 1.2.2024", "Của của Tỉnh ủy", "I. MỤC ĐÍCH\nII. NỘI DUNG", "a\u200bb"]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has not read the disk cache yet."""
    monkeypatch.setattr(lazyre, "_table", None)
    monkeypatch.setattr(lazyre, "_used", set())


def same_matches(first: re.Pattern[str], second: re.Pattern[str]) -> bool:
    return all(
        [(m.span(), m.groupdict()) for m in first.finditer(text)]
        == [(m.span(), m.groupdict()) for m in second.finditer(text)]
        for text in TEXTS
    )


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_compiled_and_cached_patterns_match_like_re(fresh, pattern: str, flags: int) -> None:
    built = lazyre.compile(pattern, flags)
    assert same_matches(built, re.compile(pattern, flags))
    assert built.groupindex == re.compile(pattern, flags).groupindex
    lazyre._table, lazyre._used = None, set()  # the next process reads the disk cache
    assert (pattern, flags) in lazyre._load()
    assert same_matches(lazyre.compile(pattern, flags), re.compile(pattern, flags))


def test_lazy_patterns_compile_on_first_use(fresh) -> None:
    pattern = lazyre.lazy(r"chuyên đề(?= chuyên đề)")
    assert pattern._compiled is None
    assert pattern.search("tổng kết chuyên đề chuyên đề").start() == 9
    assert pattern._compiled is not None and pattern.flags == 0


def test_a_table_grown_past_its_bound_keeps_only_what_is_used(fresh) -> None:
    table = lazyre._load()
    for number in range(lazyre.MAX_PATTERNS + 5):
        table[(f"old{number}", 0)] = ()  # entries an older drafter left behind
    unique = uuid.uuid4().hex  # patterns no earlier test compiled (a miss prunes the table)
    kept = lazyre.compile(rf"\d+x{unique}")
    lazyre.compile(rf"\d+y{unique}")
    assert set(lazyre._table) == {(rf"\d+x{unique}", 0), (rf"\d+y{unique}", 0)}
    assert kept.match(f"12x{unique}")


def test_a_broken_cache_entry_falls_back_to_re(fresh) -> None:
    lazyre._load()[(r"a+b", 0)] = (0, [1, 2, 3], 0, {}, ())  # not a program of a+b
    assert lazyre.compile(r"a+b").match("aab")


def test_patterns_built_from_data_are_the_same_in_every_process() -> None:
    """A pattern made from a set must not depend on hash order, or every process
    would miss the cache and add another copy of it."""
    probe = (
        "import hashlib; from drafter.rules import txt; "
        "print(hashlib.sha256((txt._capitalisation()[0].pattern"
        " + txt._misspellings()[0].pattern).encode()).hexdigest())"
    )
    seen = {
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(seen) == 1
