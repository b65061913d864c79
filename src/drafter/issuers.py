"""Issuer levels (``data/issuers.yaml``): header lines, issuer code, signature.

Pure functions over the registry. ``describe`` turns an ``Issuer`` from an
outline or from drafter.yaml into the lines of the header block, the code of
the symbol and what the signature needs; ``signature_lines`` gives the
authority and position lines for a signature form (HD 36 §1.7.1: a cấp ủy
signs "T/M" + the collective, an advisory body's head signs directly and a
deputy "K/T" + the head's title). Problems are returned as ``Issue`` records
whose path is relative to the issuer, so the caller can locate them.
"""

from __future__ import annotations

import string
from functools import cache
from typing import Any, NamedTuple

from drafter.convert import Issue
from drafter.i18n import N_
from drafter.model import Issuer
from drafter.positions import NodePath
from drafter.resources import load_data

BAD_VALUE = "bad_value"
DIRECT_FORM = "trực tiếp"


class IssuerLevel(NamedTuple):
    """One entry of ``levels`` in data/issuers.yaml (text templates unfilled)."""

    key: str
    label: str
    body: str
    name: tuple[str, ...]
    superior: tuple[str, ...]
    code: tuple[str, ...]
    signing: str  # collective | advisory
    collective: str
    head: str
    deputy: str
    on_behalf_of: str
    archive: str
    place: tuple[str, ...]


class IssuerInfo(NamedTuple):
    """An issuer with every template filled: what the document shows."""

    level: IssuerLevel | None
    name: str | None  # the issuing body, as printed (capitals)
    superior: str | None  # the line above it, or None
    code: str | None  # in the symbol: TU, VPTU …
    body: str | None  # in running text: "Ban Thường vụ Tỉnh ủy"
    archive: str | None  # the "Lưu …" line of Nơi nhận
    place: str | None  # the usual place name of the date line
    names: dict[str, str]  # placeholder values, for the signature


@cache
def _data() -> dict[str, Any]:
    return load_data("issuers")


def _templates(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (str(value),)


@cache
def levels() -> dict[str, IssuerLevel]:
    found = {}
    for key, entry in _data()["levels"].items():
        found[key] = IssuerLevel(
            key=key,
            label=entry["label"],
            body=entry.get("body", ""),
            name=_templates(entry.get("name")),
            superior=_templates(entry.get("superior")),
            code=_templates(entry.get("code")),
            signing=entry["signing"],
            collective=entry.get("collective", ""),
            head=entry.get("head", ""),
            deputy=entry.get("deputy", ""),
            on_behalf_of=entry.get("on_behalf_of", ""),
            archive=entry.get("archive", ""),
            place=_templates(entry.get("place")),
        )
    return found


def level_keys() -> tuple[str, ...]:
    return tuple(levels())


def signature_forms() -> dict[str, dict[str, str]]:
    return dict(_data()["signature_forms"])


def forms_for(level: IssuerLevel | None, allowed_by_type: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Forms an issuer of ``level`` may sign a document type with (default first)."""
    if level is None:
        forms = tuple(signature_forms())
    else:
        forms = tuple(_data()["signing_kinds"][level.signing])
    if allowed_by_type:
        forms = tuple(form for form in forms if form in allowed_by_type)
    return forms


def kind_names(group: str) -> tuple[str, ...]:
    """The kinds of ``province`` / ``district`` / ``commune`` (tỉnh, thành phố …)."""
    return tuple(_data()[f"{group}_kinds"])


def unit_keys() -> tuple[str, ...]:
    return tuple(_data()["units"])


# --------------------------------------------------------------------------- names


_GROUPS = (("province", "tỉnh"), ("district", "huyện"), ("commune", "xã"))


def placeholder_values(issuer: Issuer) -> tuple[dict[str, str], list[Issue]]:
    """``{province}``, ``{province_committee}`` … for ``issuer``'s names."""
    values: dict[str, str] = {}
    issues: list[Issue] = []
    for group, default_kind in _GROUPS:
        kinds = _data()[f"{group}_kinds"]
        kind = getattr(issuer, f"{group}_kind") or default_kind
        if kind not in kinds:
            issues.append(
                Issue(
                    (f"{group}_kind",),
                    BAD_VALUE,
                    N_("unknown kind '{value}'; use one of: {known}"),
                    {"value": kind, "known": ", ".join(kinds)},
                )
            )
            kind = default_kind
        words = kinds[kind]
        values[f"{group}_committee"] = words["committee"]
        values[f"{group}_party"] = words["party"]
        if "code" in words:
            values[f"{group}_code"] = words["code"]
        name = getattr(issuer, group)
        if name:
            values[group] = name
    if issuer.unit:
        known = _data()["units"].get(issuer.unit)
        if known:
            values["unit"] = known["name"]
            values["unit_code"] = known["code"]
        else:
            values["unit"] = issuer.unit
    return values, issues


def _fields(template: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(template) if field]


def fill(templates: tuple[str, ...], values: dict[str, str]) -> tuple[str | None, list[str]]:
    """The first template whose placeholders are all known, filled; else the
    names missing from the first one."""
    for template in templates:
        if all(field in values for field in _fields(template)):
            return template.format(**values), []
    if not templates:
        return None, []
    return None, [field for field in _fields(templates[0]) if field not in values]


# Which outline key gives each placeholder (for "level … needs 'district'").
_PLACEHOLDER_KEYS = {"province": "province", "district": "district", "commune": "commune",
                     "unit": "unit", "unit_code": "code", "district_code": "code"}  # fmt: skip


def describe(issuer: Issuer, level_required: bool = True) -> tuple[IssuerInfo, list[Issue]]:
    """Header lines, code and running-text name of ``issuer``; problems found.

    Explicit ``name``/``superior``/``code`` win over what the level gives.
    """
    values, issues = placeholder_values(issuer)
    level = levels().get(issuer.level or "")
    if issuer.level and level is None:
        import difflib

        close = difflib.get_close_matches(issuer.level, level_keys(), n=1)
        issues.append(
            Issue(
                ("level",),
                BAD_VALUE,
                N_("unknown issuer level '{value}'; known levels: {known}"),
                {"value": issuer.level, "known": ", ".join(level_keys()),
                 "suggestion": close[0] if close else None},
            )
        )  # fmt: skip
    needs_unit_code = level is not None and "{unit_code}" in "".join(level.code)
    if issuer.unit and "unit_code" not in values and not issuer.code and needs_unit_code:
        issues.append(
            Issue(
                ("unit",),
                BAD_VALUE,
                N_(
                    "'{value}' is not a known unit ({known}); give its code in the "
                    "symbol with 'code:'"
                ),
                {"value": issuer.unit, "known": ", ".join(unit_keys())},
            )
        )
    missing: list[str] = []

    def derived(explicit: str | None, templates: tuple[str, ...]) -> str | None:
        if explicit is not None:
            return explicit
        value, lacking = fill(templates, values)
        missing.extend(field for field in lacking if field not in missing)
        return value

    if level is None:
        place = values.get("commune") or values.get("district") or values.get("province")
        info = IssuerInfo(
            None, issuer.name, issuer.superior, issuer.code, None, None, place, values
        )
        return info, issues
    name = derived(issuer.name, level.name)
    superior = issuer.superior if issuer.name is not None else derived(None, level.superior)
    code = derived(issuer.code, level.code)
    body, _ = fill((level.body,), values) if level.body else (None, [])
    archive, _ = fill((level.archive,), values) if level.archive else (None, [])
    place, _ = fill(level.place, values)
    if missing and level_required:
        keys = dict.fromkeys(_PLACEHOLDER_KEYS.get(field, field) for field in missing)
        issues.append(
            Issue(
                ("level",),
                BAD_VALUE,
                N_("the issuer level '{level}' needs: {keys} (in the outline or in drafter.yaml)"),
                {"level": level.key, "keys": ", ".join(keys)},
            )
        )
    info = IssuerInfo(
        level,
        name.upper() if name and issuer.name is None else name,
        superior.upper() if superior and issuer.superior is None else superior,
        code,
        body,
        archive,
        place,
        values,
    )
    return info, issues


def signature_lines(
    info: IssuerInfo, form: str, deputy: bool
) -> tuple[tuple[str, str] | None, list[str]]:
    """(authority, position) for ``form``, in capitals; or the names missing."""
    level = info.level
    if level is None:
        return None, []
    spec = signature_forms()[form]
    values = dict(info.names)
    for key in ("collective", "head", "deputy", "on_behalf_of"):
        template = getattr(level, key)
        if template:
            filled, _ = fill((template,), values)
            if filled:
                values[key] = filled
    position_template = spec["position"]
    if deputy and "{head}" in position_template:
        position_template = position_template.replace("{head}", "{deputy}")
    authority, missing_a = fill((spec["authority"],), values)
    position, missing_p = fill((position_template,), values)
    if authority is None or position is None:
        return None, missing_a + missing_p
    return (authority.upper(), position.upper()), []


def path_under(prefix: NodePath, issues: list[Issue]) -> list[Issue]:
    """``issues`` with ``prefix`` put before their paths."""
    return [issue._replace(path=(*prefix, *issue.path)) for issue in issues]
