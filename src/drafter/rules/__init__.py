"""The rules of ``drafter check``: one module per family, each with ``RULES``.

Families (``../shared/spec/cli-contract.md``): OUT outline structure, NUM
numbering, CIT citations, DATE dates, HDR header block and signature, FMT Word
formatting, TXT text hygiene, FACT anniversaries, terms and can-chi years, REF
the reference register.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.rules.base import Rule

FAMILIES = ("OUT", "NUM", "CIT", "DATE", "HDR", "FMT", "TXT", "FACT", "REF")


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, ordered by family (as above) and code."""
    rules: list[Rule] = []
    for family in FAMILIES:
        rules.extend(import_module(f"drafter.rules.{family.lower()}").RULES)
    return tuple(rules)


@cache
def rules_by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}
