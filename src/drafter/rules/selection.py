"""Choosing rules by code (``TXT002``), family (``TXT``) or name (``double-space``).

``--select`` replaces the ``select`` of drafter.yaml; ``--ignore`` adds to its
``ignore``; an ignored rule never runs, whatever selects it (as in ruff). An
unknown selector is a usage error, reported with the list of families.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.errors import InputError
from drafter.i18n import _
from drafter.lazyre import lazy
from drafter.rules import FAMILIES, all_rules
from drafter.rules.base import Rule

ALL = "ALL"
_SPLIT = lazy(r"[\s,]+")


def split_selectors(values: Iterable[str]) -> list[str]:
    """``["TXT001,CIT", "double-space"]`` -> ``["TXT001", "CIT", "double-space"]``."""
    out: list[str] = []
    for value in values:
        out.extend(part for part in _SPLIT.split(value) if part)
    return out


def matches(rule: Rule, selector: str) -> bool:
    upper = selector.upper()
    return (
        upper == ALL or upper == rule.code or upper == rule.family or selector.lower() == rule.name
    )


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    rules = all_rules()
    return [s for s in selectors if not any(matches(rule, s) for rule in rules)]


def check_selectors(selectors: Iterable[str], where: str) -> None:
    """Raise ``InputError`` naming ``where`` if a selector matches no rule."""
    unknown = unknown_selectors(selectors)
    if unknown:
        raise InputError(
            _("{where}: unknown rule '{value}' (use a code such as TXT002, a family — {families} "
              "— or a rule name; see drafter rules)").format(
                where=where, value=unknown[0], families=", ".join(FAMILIES)
            )
        )  # fmt: skip


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> tuple[Rule, ...]:
    """The rules to run: those ``select`` names (all when empty) minus ``ignore``."""
    select, ignore = list(select), list(ignore)
    chosen = [
        rule
        for rule in all_rules()
        if (not select or any(matches(rule, s) for s in select))
        and not any(matches(rule, s) for s in ignore)
    ]
    return tuple(chosen)
