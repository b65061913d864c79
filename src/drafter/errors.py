"""One exception tree for every error a user can cause.

Each error carries the exit code of the command-line contract
(``../shared/spec/cli-contract.md``) and, where it has one, a source position.
The CLI turns them into messages at a single boundary (``drafter.cli``); library
callers catch ``DrafterError``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Problem(NamedTuple):
    """One located problem in a user's file: ``path:line:col: message``.

    ``line`` and ``column`` are 1-based; ``source_line`` is the offending line
    as the user wrote it (shown under the message with a caret).
    """

    path: str
    line: int
    column: int
    message: str
    source_line: str | None = None
    code: str = "OUT000"

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class DrafterError(Exception):
    """Root of every error drafter raises on purpose."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(DrafterError, ValueError):
    """A file the user gave cannot be read or understood (exit 2)."""


class MissingFileError(InputError, FileNotFoundError):
    """A file the user named does not exist."""

    def __init__(self, message: str, path: Path | str) -> None:
        super().__init__(message)
        self.path = str(path)


class OutlineError(InputError):
    """An outline with one or more located problems; all are reported at once."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


class RefusedOverwrite(DrafterError, FileExistsError):
    """The target exists and holds work drafter must not destroy (exit 2)."""


class ConversionError(DrafterError, RuntimeError):
    """An external converter (LibreOffice) is missing or failed (exit 2)."""
