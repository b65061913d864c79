"""What drafter knows about Party (and, for contrast, state) document symbols.

Read from ``data/party_abbreviations.yaml`` (type and issuer codes, with their
confidence), ``data/state_abbreviations.yaml`` (NĐ 30 codes) and
``data/issuer_names.yaml`` (which names identify which issuer code, and how
that body signs). Pure lookups, loaded once per process.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from drafter.resources import load_data
from drafter.vietnamese import name_key


class IssuerKind(NamedTuple):
    codes: tuple[str, ...]
    kind: str  # committee | inspection | advisory
    name: str  # the name that matched


@cache
def party_type_codes() -> dict[str, frozenset[str]]:
    """Type name (``Quy định``) -> the codes a Party symbol may use (``QĐ``, ``QĐi``)."""
    out: dict[str, frozenset[str]] = {}
    for entry in load_data("party_abbreviations")["document_types"]:
        codes = {entry["abbr"], *entry.get("alt_abbr", [])}
        out[entry["name"]] = frozenset(codes)
    return out


@cache
def state_type_codes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for entry in load_data("state_abbreviations")["document_types"]:
        out.setdefault(entry["name"], set()).add(entry["abbr"])
    return {name: frozenset(codes) for name, codes in out.items()}


@cache
def party_issuer_codes() -> frozenset[str]:
    return frozenset(entry["abbr"] for entry in load_data("party_abbreviations")["issuers"])


@cache
def all_type_codes() -> frozenset[str]:
    codes: set[str] = set()
    for table in (party_type_codes(), state_type_codes()):
        for values in table.values():
            codes |= values
    return frozenset(codes)


@cache
def type_names() -> tuple[str, ...]:
    """Every document type name drafter knows, longest first (for matching)."""
    names = set(party_type_codes()) | set(state_type_codes())
    names |= set(load_data("party_abbreviations").get("types_without_confirmed_abbr", []))
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def _type_names_by_key() -> dict[str, str]:
    return {name_key(name): name for name in type_names()}


def canonical_type_name(text: str) -> str | None:
    """``CHƯƠNG TRÌNH`` / ``chương trình`` -> ``Chương trình``; None if unknown."""
    return _type_names_by_key().get(name_key(text))


def codes_for_type(type_name: str, style: str = "party") -> frozenset[str] | None:
    """The type codes a document of ``type_name`` may carry; None if unknown."""
    table = party_type_codes() if style == "party" else state_type_codes()
    return table.get(canonical_type_name(type_name) or type_name)


def types_for_code(code: str, style: str = "party") -> tuple[str, ...]:
    table = party_type_codes() if style == "party" else state_type_codes()
    return tuple(name for name, codes in table.items() if code in codes)


@cache
def _issuers() -> tuple[tuple[str, IssuerKind], ...]:
    entries = []
    for entry in load_data("issuer_names")["issuers"]:
        for name in entry["names"]:
            kind = IssuerKind(tuple(entry["codes"]), entry["kind"], name)
            entries.append((name_key(name), kind))
    entries.sort(key=lambda item: -len(item[0]))
    return tuple(entries)


@lru_cache(maxsize=4096)  # a document names the same few bodies again and again
def match_issuer(*names: str | None) -> IssuerKind | None:
    """The issuer whose name starts ``names`` joined (``VĂN PHÒNG`` + ``TỈNH ỦY X``),
    trying the longest combination first; None when no known name matches."""
    parts = [name for name in names if name]
    candidates = [" ".join(parts[:count]) for count in range(len(parts), 0, -1)]
    for candidate in candidates:
        key = name_key(candidate)
        for name, kind in _issuers():
            if key == name or key.startswith(name + " "):
                return kind
    return None


@cache
def signature_prefixes() -> dict[str, str]:
    """Party signing prefixes (``T/M`` …) -> meaning."""
    data = load_data("party_abbreviations")["signature_prefixes"]
    return {entry["abbr"]: entry["meaning"] for entry in data}


@cache
def state_signature_prefixes() -> dict[str, str | None]:
    return dict(load_data("state_abbreviations")["signature_prefixes"])
