"""The reference register: documents an office knows, to check citations against.

``references.yaml`` (named by ``check: references:`` in drafter.yaml, relative
to that file, or found next to the checked file)::

    documents:
      - symbol: 32-CT/TU
        type: Chỉ thị
        date: 2023-12-19            # or 19/12/2023
        issuer: Ban Thường vụ Tỉnh ủy
        title: về lãnh đạo, chỉ đạo tổ chức đón Tết Nguyên đán Giáp Thìn năm 2024

Read with the outline loader, so its mistakes are reported with file:line:col
and stop the check (exit 2). A citation that disagrees with its entry is an
error (REF001); one the register does not list is noted (REF002).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

from drafter.dates import DocumentDate
from drafter.i18n import N_
from drafter.model import DateValue, Doc, ValueProblem

if TYPE_CHECKING:
    from drafter.citations.models import Citation
    from drafter.settings import CheckSettings

REGISTER_NAME = "references.yaml"
# the outline's date parser, for a value that may be left out
OptionalDate = Annotated[DocumentDate | None, DateValue.__metadata__[0]]


def _symbol(value: object) -> str:
    from drafter.citations.extract import find_citations

    text = str(value).strip()
    found = find_citations(text)
    if len(found) != 1 or found[0].citation.reference is None:
        raise ValueProblem(
            "symbol", N_("'{key}' must be a number and symbol such as 32-CT/TU or 117/NQ-CP")
        )
    return found[0].citation.reference


@dataclass(kw_only=True, slots=True)
class RegisterEntry:
    symbol: Annotated[str, Doc("Số và ký hiệu, ví dụ 32-CT/TU")]
    type: Annotated[str | None, Doc("Tên loại, ví dụ Chỉ thị")] = None
    date: Annotated[OptionalDate, Doc("Ngày ban hành")] = None
    issuer: Annotated[str | None, Doc("Cơ quan ban hành")] = None
    title: Annotated[str | None, Doc("Trích yếu")] = None

    def problems(self) -> list[tuple[str | None, str, str]]:
        try:
            self.symbol = _symbol(self.symbol)
        except ValueProblem as problem:
            return [("symbol", problem.code, problem.message)]
        return []


@dataclass(kw_only=True, slots=True)
class RegisterFile:
    documents: Annotated[list[RegisterEntry], Doc("Danh mục văn bản")] = field(default_factory=list)


class Register(NamedTuple):
    path: Path
    entries: dict[str, RegisterEntry]  # by normalised reference (32-CT/TU)

    def lookup(self, citation: Citation) -> RegisterEntry | None:
        reference = citation.reference
        return self.entries.get(reference) if reference else None


def entry_date(entry: RegisterEntry) -> dt.date | None:
    date = entry.date
    return date.to_date() if date is not None and date.is_complete else None


@cache
def load_register(path: Path) -> Register:
    """Read and validate a register; ``OutlineError`` with every problem located."""
    from drafter.convert import convert
    from drafter.errors import OutlineError
    from drafter.loader import issue_problems, parse_yaml, read_text

    display = str(path)
    text = read_text(path, display)
    parsed = parse_yaml(text, display)
    data = parsed.data if parsed.data is not None else {}
    register, issues = convert(
        RegisterFile, data if isinstance(data, dict) else {"documents": data}
    )
    problems = parsed.problems + issue_problems(issues, parsed.positions, text, display)
    if problems:
        raise OutlineError(problems[0].message, problems)
    entries = {entry.symbol: entry for entry in register.documents}
    return Register(path, entries)


def find_register(
    checked: Path, settings: CheckSettings, settings_path: Path | None
) -> Register | None:
    """The register for a checked file: the one drafter.yaml names, else a
    ``references.yaml`` in the file's folder, else none."""
    if settings.references:
        base = settings_path.parent if settings_path else Path.cwd()
        return load_register((base / settings.references).resolve())
    candidate = checked.parent / REGISTER_NAME
    if candidate.is_file():
        return load_register(candidate.resolve())
    return None
