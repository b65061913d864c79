"""Pausing the cyclic garbage collector around one document's work.

Building or checking a document creates many short-lived, acyclic objects
(YAML nodes, paragraphs, regex matches, XML elements). The collector's passes
over them find nothing to free, and they grow with the heap: they cost ~5% of
checking the reference outline and made the time of checking or building a long
document grow faster than the document (benchmarks/bench_check.py,
bench_scale.py). Reference counting still frees everything as it goes; cycles,
if any, are collected once the collector runs again. The switch is the
process's: a program that checks in several threads at once may see the
collector come back on in the middle of one of them, which costs time, never
a result.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No collection inside the block (nested blocks leave it to the outermost)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
