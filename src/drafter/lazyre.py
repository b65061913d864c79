"""Regular expressions compiled on first use, and their compiled form cached.

Compiling a pattern costs 0.05–0.7 ms in CPython (the parser and compiler of
``re`` are Python code; a class with a Vietnamese letter costs ~0.1 ms alone),
and ``drafter build`` imports every rule module to show the checks' summary.
Two measures keep that off the start-up time (benchmarks/bench_check.py):

* ``lazy(pattern)`` behaves like the compiled pattern (``search``,
  ``finditer`` …) and compiles it the first time one of those is used, so a
  pattern a document never needs costs nothing;
* ``compile(pattern)`` keeps what ``re`` computes — the program of the regex
  engine — in drafter's disk cache (``render.cache``, like ``__pycache__``),
  keyed by the Python version and ``_sre.MAGIC``, so the next process builds
  the pattern object directly. Anything unexpected falls back to ``re.compile``.
"""

from __future__ import annotations

import contextlib
import re
import sys
from typing import Any

_table: dict[tuple[str, int], tuple[Any, ...]] | None = None
_used: set[tuple[str, int]] = set()  # the patterns this process compiled
# drafter compiles about 150 patterns; more means entries of older versions of it
MAX_PATTERNS = 300
_key: str | None = None


def _cache_key() -> str:
    global _key
    if _key is None:
        import _sre

        from drafter.render import cache as disk

        _key = disk.cache_key("regex", sys.version, str(_sre.MAGIC))
    return _key


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _table
    if _table is None:
        import marshal

        from drafter.render import cache as disk

        raw = disk.read("regex", _cache_key())
        _table = {}
        if raw is not None:
            try:
                loaded = marshal.loads(raw)
                if isinstance(loaded, dict):
                    _table = loaded
            except (EOFError, ValueError, TypeError):
                pass
    return _table


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re`` hands to the engine for ``pattern`` (CPython 3.11+ internals)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # the opcodes are int subclasses, which marshal cannot store: plain ints
    return (int(flags | parsed.state.flags), [int(op) for op in code],
            int(parsed.state.groups - 1), groupindex, tuple(indexgroup))  # fmt: skip


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, built from the disk cache when it can be."""
    import _sre

    flags = int(flags)
    table = _load()
    key = (pattern, flags)
    _used.add(key)
    entry = table.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)  # type: ignore[no-any-return]
        except Exception:
            table.pop(key, None)
    try:
        entry = _program(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:
        return re.compile(pattern, flags)
    table[key] = entry
    if len(table) > MAX_PATTERNS:  # patterns of older versions: keep this process's only
        for stale in [k for k in table if k not in _used]:
            del table[stale]
    _save(table)
    return compiled  # type: ignore[no-any-return]


def _save(table: dict[tuple[str, int], tuple[Any, ...]]) -> None:
    import marshal

    from drafter.render import cache as disk

    with contextlib.suppress(ValueError):
        disk.write("regex", _cache_key(), marshal.dumps(table))


class LazyPattern:
    """Acts as the compiled pattern; once compiled, its methods are the pattern's
    own bound methods (no indirection left in the loops that call them)."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")
    __slots__ = ("_compiled", "findall", "finditer", "flags", "fullmatch", "match", "pattern",
                 "search", "split", "sub")  # fmt: skip

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = self._compiled = compile(self.pattern, self.flags)
            for name in self._METHODS:
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)


def lazy(pattern: str, flags: int = 0) -> Any:
    """A pattern compiled on first use (typed ``Any``: it acts as ``re.Pattern``)."""
    return LazyPattern(pattern, flags)
