"""Run one function in a forked child while the caller goes on with other work.

``drafter build`` both checks the outline and renders the Word file; the two
are independent, each about 15 ms for a seed-size document, and a machine has
at least two cores. On POSIX the checks run in a child process forked after
the outline is loaded, and the build collects their result before it writes
anything (a refused final document still writes nothing). Where fork is not
available, with one core, or with ``DRAFTER_NO_FORK=1``, the function simply
runs in the caller first. If the child fails in any way, the function is run
again in the caller, so the outcome never depends on the child.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_OK, _RAISED = "ok", "raised"


def can_fork() -> bool:
    """Fork only a single-threaded process (``drafter watch`` has a watcher thread;
    a child forked beside other threads can inherit their locks held)."""
    threading = sys.modules.get("threading")
    return (
        hasattr(os, "fork")
        and os.name == "posix"
        and (os.cpu_count() or 1) > 1
        and not os.environ.get("DRAFTER_NO_FORK")
        and (threading is None or threading.active_count() == 1)
    )


def start(function: Callable[[], T]) -> Callable[[], T]:
    """Start ``function``; the returned callable waits for it and returns its
    result (or raises what it raised)."""
    if not can_fork():
        return here(function)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return here(function)
    if pid == 0:  # the child: compute, send, leave without any cleanup of the parent's
        try:
            os.close(read_end)
            try:
                payload: tuple[Any, ...] = (_OK, function())
            except Exception as error:
                payload = (_RAISED, error)
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(0)
    os.close(write_end)

    def wait() -> T:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        try:
            kind, value = pickle.loads(data)
        except Exception:
            return function()
        if kind == _RAISED:
            raise value
        return value  # type: ignore[no-any-return]

    return wait


def here(function: Callable[[], T]) -> Callable[[], T]:
    """Run ``function`` now, in this process; collect it like a started one."""
    try:
        result = function()
    except Exception as error:
        captured = error

        def fail() -> T:
            raise captured

        return fail
    return lambda: result
