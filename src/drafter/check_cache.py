"""Findings of outlines checked before, kept in drafter's disk cache (like ruff).

Checking an outline again that has not changed since — ``drafter build`` run
twice, ``drafter watch`` saving other files, ``drafter check`` on a folder —
gives the same findings. They are kept in the disk cache (``render.cache``;
``DRAFTER_NO_CACHE=1`` turns every cache off, ``DRAFTER_NO_CHECK_CACHE=1``
this one) under a key made of everything they depend on: the outline's text
and path, the text of the drafter.yaml that applies and of the reference
register, the rules chosen on the command line, the language of the
messages, today's date (a draft's year defaults to it), and drafter itself —
its version, the Python version, and the size and time of every module and
data file of the installed package, so a changed rule never serves stale
findings.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.rules.base import Finding
    from drafter.settings import LoadedSettings

KIND = "check"
_PACKAGE = Path(__file__).parent


@cache
def code_fingerprint() -> str:
    """drafter's version, Python's, and the size and time of every file of the package."""
    import sys

    from drafter import __version__

    parts = [__version__, sys.version]
    for folder, subfolders, files in os.walk(_PACKAGE):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".mo", ".json")):
                stat = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def _register_text(document: Path, settings: LoadedSettings | None) -> str:
    check = settings.settings.check if settings else None
    if check is not None and check.references:
        base = settings.path.parent if settings and settings.path else Path.cwd()
        candidate = base / check.references
    else:
        candidate = document.parent / "references.yaml"
    try:
        return candidate.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def key(
    display: str,
    text: str,
    settings: LoadedSettings | None,
    selectors: Sequence[str] = (),
) -> str | None:
    """The cache key of an outline's findings; None when caching is off."""
    import datetime as dt

    from drafter.i18n import current_language
    from drafter.render import cache as disk

    if disk.cache_dir() is None or os.environ.get("DRAFTER_NO_CHECK_CACHE"):
        return None
    return disk.cache_key(
        KIND,
        code_fingerprint(),
        current_language(),
        dt.date.today().isoformat(),
        display,
        text,
        str(settings.path) if settings and settings.path else "",
        settings.text if settings else "",
        _register_text(Path(display), settings),
        "\0".join(selectors),
    )


def read(cache_key: str | None) -> list[Finding] | None:
    if cache_key is None:
        return None
    import marshal

    from drafter.render import cache as disk
    from drafter.rules.base import Finding, Fix

    raw = disk.read(KIND, cache_key)
    if raw is None:
        return None
    try:
        rows = marshal.loads(raw)
        return [
            Finding(*row[:9], Fix(*row[9]) if row[9] is not None else None, row[10]) for row in rows
        ]
    except (EOFError, ValueError, TypeError, IndexError):
        return None


def write(cache_key: str | None, findings: list[Finding]) -> None:
    if cache_key is None:
        return
    import marshal

    from drafter.render import cache as disk

    rows: list[Any] = [
        (*finding[:9], tuple(finding.fix) if finding.fix is not None else None, finding[10])
        for finding in findings
    ]
    with contextlib.suppress(ValueError):
        disk.write(KIND, cache_key, marshal.dumps(rows))
