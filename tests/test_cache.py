"""The on-disk cache of template-only work changes nothing in the output."""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import EXAMPLE
from drafter.builder import render_outline
from drafter.loader import load_outline
from drafter.render import cache


def document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def render_with(monkeypatch: pytest.MonkeyPatch, **env: str) -> bytes:
    for key in ("DRAFTER_NO_CACHE", "DRAFTER_CACHE_DIR"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    cache.cache_dir.cache_clear()
    try:
        data, _ = render_outline(load_outline(EXAMPLE))
    finally:
        cache.cache_dir.cache_clear()
    return document_xml(data)


def test_same_output_with_cold_warm_and_no_cache(monkeypatch, tmp_path) -> None:
    folder = str(tmp_path / "cache")
    cold = render_with(monkeypatch, DRAFTER_CACHE_DIR=folder)
    assert any((tmp_path / "cache" / "jinja").iterdir())
    assert any((tmp_path / "cache" / "patch").iterdir())
    warm = render_with(monkeypatch, DRAFTER_CACHE_DIR=folder)
    uncached = render_with(monkeypatch, DRAFTER_NO_CACHE="1")
    assert cold == warm == uncached


def test_damaged_cache_entries_are_ignored(monkeypatch, tmp_path) -> None:
    folder = tmp_path / "cache"
    expected = render_with(monkeypatch, DRAFTER_CACHE_DIR=str(folder))
    for entry in (folder / "jinja").iterdir():
        entry.write_bytes(b"not marshal data")
    assert render_with(monkeypatch, DRAFTER_CACHE_DIR=str(folder)) == expected


def test_unwritable_cache_is_not_an_error(monkeypatch, tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert render_with(monkeypatch, DRAFTER_CACHE_DIR=str(blocker / "cache"))
