"""Writing outputs atomically: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from pathlib import Path

from drafter.errors import InputError, RefusedOverwrite
from drafter.i18n import _


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    A reader sees the old file or the new one, never half of one: the data is
    written and fsynced under a temporary name, then renamed over the target.
    A target marked read-only is refused (renaming would replace it anyway).
    """
    path = Path(path)
    if is_read_only(path):
        raise RefusedOverwrite(
            _("{path} is read-only; not overwriting (make it writable, or use -o)").format(
                path=path
            )
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
            dir=path.parent,
            prefix=f"{_temp_prefix(path)}{os.getpid()}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as error:
        raise InputError(
            _("{path}: cannot write: {reason}").format(path=path, reason=error.strerror)
        ) from None
    temp = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, path.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
        remove_stale_temporaries(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise InputError(
            _("{path}: cannot write: {reason}").format(path=path, reason=error.strerror)
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _temp_prefix(path: Path) -> str:
    return f".~{path.name}."


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files of ``path`` left by writers that were killed.

    A temporary name carries its writer's process id; files of processes that
    no longer run are removed (on systems without that test: after an hour).
    """
    prefix = _temp_prefix(path)
    for leftover in path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
        pid_text = leftover.name[len(prefix) :].split(".", 1)[0]
        if _writer_is_gone(pid_text, leftover):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _writer_is_gone(pid_text: str, leftover: Path) -> bool:
    if os.name == "posix" and pid_text.isdigit():
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    try:
        return time.time() - leftover.stat().st_mtime > 3600
    except OSError:
        return False


def is_read_only(path: Path) -> bool:
    """True for an existing file without any write permission bit (even for root)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
