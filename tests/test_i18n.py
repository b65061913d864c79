"""Every message has a Vietnamese translation; the language is chosen predictably."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT
from drafter import i18n


def load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalog_is_complete_and_compiled() -> None:
    assert load_tool().problems() == []


def test_placeholders_survive_translation() -> None:
    """A translation keeps exactly the {placeholders} of its message id."""
    import re

    tool = load_tool()
    catalog = tool.read_catalog(tool.po_path("vi"), "vi")
    pattern = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")
    for message in catalog:
        if message.id and message.string:
            # plural messages (ngettext) hold tuples: every form keeps the singular's placeholders
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in (*ids, *strings):
                assert sorted(pattern.findall(ids[0])) == sorted(pattern.findall(text)), ids[0]


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        (None, {}, "vi"),
        ("en", {}, "en"),
        ("EN_us", {}, "en"),
        (None, {"DRAFTER_LANG": "en"}, "en"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "vi_VN.UTF-8"}, "vi"),
        (None, {"LANG": "C.UTF-8"}, "vi"),
        (None, {"LANGUAGE": "fr:en", "LANG": "vi_VN"}, "en"),
        (None, {"DRAFTER_LANG": "vi", "LANG": "en_US"}, "vi"),
    ],
)
def test_detect_language(explicit: str | None, environ: dict[str, str], expected: str) -> None:
    assert i18n.detect_language(explicit, environ) == expected


def test_unknown_explicit_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        i18n.detect_language("fr", {})


def test_switching_language() -> None:
    i18n.set_language("en")
    assert i18n._("missing required key '{key}'") == "missing required key '{key}'"
    i18n.set_language("vi")
    assert i18n._("missing required key '{key}'") == "thiếu khóa bắt buộc '{key}'"
