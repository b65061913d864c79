"""drafter: draft, check and regenerate Vietnamese Party-format documents.

The public verbs are imported lazily so ``import drafter`` (and ``drafter
--help``) stay fast::

    from drafter import load_outline, build
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "build", "load_outline"]


def __getattr__(name: str) -> Any:
    if name == "load_outline":
        from drafter.loader import load_outline

        return load_outline
    if name == "build":
        from drafter.builder import build

        return build
    raise AttributeError(name)
