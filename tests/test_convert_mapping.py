"""``dict[str, X]`` fields (signers, per-type settings) convert with located problems."""

from __future__ import annotations

from drafter.convert import convert
from drafter.settings import Settings


def test_mapping_values_are_converted_and_checked():
    settings, issues = convert(
        Settings,
        {"signers": {"BÍ THƯ": "Nguyễn Văn An"}, "types": {"ke-hoach": {"numbering": "arabic"}}},
    )
    assert not issues
    assert settings.signers == {"BÍ THƯ": "Nguyễn Văn An"}
    assert settings.types["ke-hoach"].numbering == "arabic"
    _, issues = convert(Settings, {"signers": ["a"], "types": {"ke-hoach": {"numberin": 1}}})
    assert [(issue.path, issue.kind) for issue in issues] == [
        (("signers",), "wrong_type"),
        (("types", "ke-hoach", "numberin"), "unknown_key"),
    ]
