"""Packaged data (``drafter/data/*.yaml``) and template lookup."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).parent
DATA_DIR = PACKAGE_DIR / "data"


@cache
def load_data(name: str) -> Any:
    """Parse ``drafter/data/<name>.yaml`` once per process (trusted, shipped data)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def templates_dir() -> Path:
    """Where the Word templates are: inside the installed package, or the checkout."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent.parent / "templates"
