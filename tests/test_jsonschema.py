"""`drafter schema`: generated from the model, shipped in the package, and it
accepts exactly the outlines the loader accepts."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import EXAMPLE, EXAMPLES, ROOT, run_cli
from drafter.jsonschema import outline_schema

SHIPPED = ROOT / "src" / "drafter" / "data" / "outline.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = outline_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_shipped_schema_is_current() -> None:
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == outline_schema(), (
        "run: drafter schema > src/drafter/data/outline.schema.json"
    )


def test_command_prints_the_schema() -> None:
    result = run_cli("schema")
    assert result.code == 0
    assert json.loads(result.stdout) == outline_schema()


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_validates(validator: Draft202012Validator, path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)) == []


@pytest.mark.parametrize(
    "change",
    [
        {"titel": "sai khóa"},
        {"sections": "không phải danh sách"},
        {"draft": "có"},
        {"number": "12a"},
        {"issuer": {"nme": "x"}},
        {"sections": [{"heading": ["danh", "sách"]}]},
    ],
)
def test_broken_outlines_are_rejected(validator: Draft202012Validator, change: dict) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(change)
    assert list(validator.iter_errors(data))


def test_missing_title_is_rejected(validator: Draft202012Validator) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    del data["title"]
    assert any("title" in error.message for error in validator.iter_errors(data))


def test_shorthands_are_accepted(validator: Draft202012Validator) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["sections"] = ["một ý", {"heading": "Mục", "text": "đoạn\nđoạn", "bullets": ["a"]}]
    data["draft"] = 2
    data["number"] = 5
    assert list(validator.iter_errors(data)) == []
