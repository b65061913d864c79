"""``drafter rules``: choose the rules asked for and print their documentation."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from drafter.errors import InputError
from drafter.i18n import _


def list_rules(selectors: Sequence[str], output_format: str, stream: TextIO | None = None) -> None:
    from drafter.report import rules as report
    from drafter.rules import all_rules
    from drafter.rules.selection import check_selectors, select_rules, split_selectors

    if output_format not in report.FORMATS:
        raise InputError(
            _("unknown format '{value}'; use one of: {known}").format(
                value=output_format, known=", ".join(report.FORMATS)
            )
        )
    chosen = split_selectors(selectors)
    check_selectors(chosen, "drafter rules")
    rules = select_rules(chosen, ()) if chosen else all_rules()
    report.render(rules, output_format, stream or sys.stdout)
