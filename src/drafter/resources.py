"""Packaged data (``drafter/data/*.yaml``) and template lookup."""

from __future__ import annotations

import contextlib
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).parent
DATA_DIR = PACKAGE_DIR / "data"


@cache
def load_data(name: str) -> Any:
    """Parse ``drafter/data/<name>.yaml`` once per process (trusted, shipped data).

    The parsed data is also kept in drafter's disk cache (``render.cache``,
    like ``__pycache__``), keyed by the file's bytes: building Python objects
    from YAML costs a few milliseconds per file at every start, reading them
    back with ``marshal`` a few microseconds.
    """
    import marshal

    from drafter.render import cache as disk

    raw = (DATA_DIR / f"{name}.yaml").read_bytes()
    key = disk.cache_key("data", name, raw.decode("utf-8"), str(marshal.version))
    cached = disk.read("data", key)
    if cached is not None:
        try:
            return marshal.loads(cached)
        except (EOFError, ValueError, TypeError):
            pass
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(raw.decode("utf-8"), Loader=loader)
    with contextlib.suppress(ValueError):  # a value marshal cannot hold (a date): not cached
        disk.write("data", key, marshal.dumps(data))
    return data


def templates_dir() -> Path:
    """Where the Word templates are: inside the installed package, or the checkout."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent.parent / "templates"
