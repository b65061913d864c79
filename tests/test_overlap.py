"""Checks run alongside the rendering; the outcome never depends on the child."""

from __future__ import annotations

import os

import pytest

from drafter import overlap

pytestmark = pytest.mark.skipif(not overlap.can_fork(), reason="needs fork and two cores")


def test_result_comes_back_from_the_child() -> None:
    parent = os.getpid()
    collect = overlap.start(lambda: ("từ tiến trình con", os.getpid() != parent))
    assert collect() == ("từ tiến trình con", True)


def test_exceptions_are_raised_when_collected() -> None:
    def fails() -> None:
        raise ValueError("lỗi trong tiến trình con")

    collect = overlap.start(fails)
    with pytest.raises(ValueError, match="lỗi trong tiến trình con"):
        collect()


def test_a_child_that_dies_is_replaced_by_running_here() -> None:
    parent = os.getpid()

    def dies_in_the_child() -> str:
        if os.getpid() != parent:
            os._exit(3)  # killed before it could answer
        return "chạy lại ở tiến trình cha"

    assert overlap.start(dies_in_the_child)() == "chạy lại ở tiến trình cha"


def test_no_fork_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_NO_FORK", "1")
    parent = os.getpid()
    assert overlap.start(lambda: os.getpid() == parent)() is True


def test_build_gives_the_same_summary_with_and_without_fork(monkeypatch, tmp_path) -> None:
    from conftest import EXAMPLE
    from drafter.builder import build

    monkeypatch.setenv("DRAFTER_NO_CHECK_CACHE", "1")
    forked = build(EXAMPLE, tmp_path / "a.docx").checks
    monkeypatch.setenv("DRAFTER_NO_FORK", "1")
    here = build(EXAMPLE, tmp_path / "b.docx").checks
    assert forked is not None and here is not None
    assert forked.findings == here.findings and forked.findings


def test_no_fork_beside_other_threads() -> None:
    import threading

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not overlap.can_fork()
    finally:
        stop.set()
        worker.join()
    assert overlap.can_fork()
