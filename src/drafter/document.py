"""An outline together with the settings that apply to it, fully resolved.

``load_document`` reads the outline and the nearest drafter.yaml, layers them
(``drafter.resolve``) and reports every problem of both files at once, each
at its own file:line:col — the outline's and drafter.yaml's alike.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from drafter.errors import OutlineError, Problem
from drafter.loader import LoadedOutline, issue_problems, load_outline
from drafter.resolve import OUTLINE, Found, ResolvedDocument, resolve
from drafter.settings import LoadedSettings, settings_for


class LoadedDocument(NamedTuple):
    loaded: LoadedOutline
    settings: LoadedSettings
    resolved: ResolvedDocument


def located(found: list[Found], loaded: LoadedOutline, settings: LoadedSettings) -> list[Problem]:
    """Each problem at its line and column in the outline or in drafter.yaml."""
    problems: list[Problem] = []
    for layer in (OUTLINE, "settings"):
        issues = [item.issue for item in found if item.layer == layer]
        if not issues:
            continue
        if layer == OUTLINE or settings.positions is None or settings.path is None:
            source = (loaded.positions, loaded.text, str(loaded.path))
        else:
            source = (settings.positions, settings.text, str(settings.path))
        problems.extend(issue_problems(issues, *source))
    return problems


def resolve_loaded(
    loaded: LoadedOutline,
    *,
    final: bool = False,
    settings: LoadedSettings | None = None,
    today: dt.date | None = None,
) -> LoadedDocument:
    """An outline already loaded, layered over its settings and resolved."""
    settings = settings or settings_for(loaded.path)
    resolved, found = resolve(loaded.outline, settings.settings, final=final, today=today)
    problems = located(found, loaded, settings)
    if problems:
        problems.sort(key=lambda p: (p.path != str(loaded.path), p.path, p.line, p.column))
        raise OutlineError(problems[0].message, problems)
    return LoadedDocument(loaded, settings, resolved)


def load_document(
    path: Path | str,
    *,
    final: bool = False,
    settings: LoadedSettings | None = None,
    today: dt.date | None = None,
) -> LoadedDocument:
    """Read, layer and resolve the outline at ``path``; all problems at once."""
    path = Path(path)
    problems: list[Problem] = []
    loaded: LoadedOutline | None = None
    try:
        loaded = load_outline(path)
    except OutlineError as error:
        problems.extend(error.problems)
    if settings is None:
        try:
            settings = settings_for(path)
        except OutlineError as error:
            problems.extend(error.problems)
    if problems or loaded is None or settings is None:
        problems.sort(key=lambda p: (p.path != str(path), p.path, p.line, p.column))
        raise OutlineError(problems[0].message, problems)
    return resolve_loaded(loaded, final=final, settings=settings, today=today)
