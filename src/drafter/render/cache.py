"""A small on-disk cache for work that depends only on the template.

docxtpl re-derives the Jinja source of a template with ~40 regular expressions
and Jinja compiles it to Python code at every build; both depend only on the
template, never on the outline, so drafter keeps the results (like Python's
``__pycache__``): keyed by a hash of the input and of the library versions,
written atomically, ignored when unreadable. ``DRAFTER_CACHE_DIR`` moves it,
``DRAFTER_NO_CACHE=1`` turns it off. Measured in benchmarks/bench_build.py.
A long-running process (``drafter watch``) also keeps what it read or wrote
in memory, so a rebuild does not go back to the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from functools import cache
from pathlib import Path


@cache
def cache_dir() -> Path | None:
    if os.environ.get("DRAFTER_NO_CACHE"):
        return None
    configured = os.environ.get("DRAFTER_CACHE_DIR")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "drafter"


def cache_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:40]


_memory: dict[tuple[Path, str, str], bytes] = {}
_MEMORY_ITEMS = 64


def _remember(folder: Path, kind: str, key: str, data: bytes) -> None:
    if len(_memory) >= _MEMORY_ITEMS:
        _memory.pop(next(iter(_memory)))
    _memory[folder, kind, key] = data


def read(kind: str, key: str) -> bytes | None:
    folder = cache_dir()
    if folder is None:
        return None
    if (folder, kind, key) in _memory:
        return _memory[folder, kind, key]
    try:
        data = (folder / kind / key).read_bytes()
    except OSError:
        return None
    _remember(folder, kind, key, data)
    return data


def write(kind: str, key: str, data: bytes) -> None:
    folder = cache_dir()
    if folder is None:
        return
    _remember(folder, kind, key, data)
    import tempfile  # on first write only: it costs ~3 ms of start-up (random, shutil)

    with contextlib.suppress(OSError):
        target = folder / kind
        target.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=target, delete=False, prefix=".tmp-")  # noqa: SIM115
        with handle:
            handle.write(data)
        os.replace(handle.name, target / key)
