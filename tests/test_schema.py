"""The JSON Schemas accept what lawlint accepts — the built-in packs, the example pack
and configurations, the starter — and reject what it rejects."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT
from jsonschema import Draft7Validator

from lawlint.cli.main import main
from lawlint.config import loader as config
from lawlint.config.schema import config_schema, pack_schema
from lawlint.packs import loader as packs

PACK = Draft7Validator(pack_schema())
CONFIG = Draft7Validator(config_schema())
PACK_FILES = [
    *sorted((ROOT / "rules").glob("*.yaml")),
    *sorted(EXAMPLES.glob("*pack*.yaml")),
    ROOT / "tests" / "data" / "extra-pack.yaml",
]
CONFIG_FILES = sorted(EXAMPLES.glob("*config*.yaml"))


def errors(validator: Draft7Validator, data: Any) -> list[str]:
    return [e.message for e in validator.iter_errors(data)]


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_schemas_are_valid_draft7() -> None:
    Draft7Validator.check_schema(pack_schema())
    Draft7Validator.check_schema(config_schema())


def test_schemas_name_the_keys_the_code_reads() -> None:
    rule = pack_schema()["properties"]["rules"]["items"]
    assert set(pack_schema()["properties"]) == set(packs.PACK_KEYS)
    assert set(rule["properties"]) == set(packs.RULE_KEYS)
    section = pack_schema()["properties"]["sections"]["items"]
    assert set(section["properties"]) == set(packs.SECTION_KEYS)
    assert list(config_schema()["properties"]) == list(config.KEYS)
    per_file = config_schema()["properties"]["per-file"]["additionalProperties"]
    assert set(per_file["properties"]) == set(config.PER_FILE_KEYS)


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_packs_validate(path: Path) -> None:
    assert errors(PACK, load(path)) == []


@pytest.mark.parametrize("path", CONFIG_FILES, ids=lambda p: p.name)
def test_example_configurations_validate(path: Path) -> None:
    assert errors(CONFIG, load(path)) == []


def test_starter_configuration_validates_as_written_and_uncommented() -> None:
    assert errors(CONFIG, yaml.safe_load(config.STARTER)) == []
    text = re.sub(r"(?m)^(\s*)# (\s*(?:[a-z-]+:|\"[^\"]*\":|- ).*)$", r"\1\2", config.STARTER)
    assert errors(CONFIG, yaml.safe_load(text)) == []


def test_pack_schema_rejects_what_lawlint_rejects() -> None:
    good = load(ROOT / "tests" / "data" / "extra-pack.yaml")
    assert errors(PACK, good) == []
    rule = good["rules"][0]
    for change in (
        {"kind": "nosuch"},
        {"severity": "fatal"},
        {"wordz": ["基本"]},  # not an option of 'phrase'
        {"words": "基本"},  # mistyped option
        {"marks": ","},  # an option of another kind
    ):
        assert errors(PACK, {**good, "rules": [{**rule, **change}]}), change
    assert errors(PACK, {**good, "extra": 1})


def test_config_schema_accepts_the_rule_forms_and_rejects_mistakes() -> None:
    ok = {
        "rules": {
            "cjk-space": False,
            "trailing-space": "off",
            "heading-marker": "info",
            "halfwidth-punct": {"severity": "error", "marks": ",;"},
            "my-own-rule": {"severity": "info", "words": ["x"]},  # from a user pack
        },
        "per-file": {"towns/*.txt": {"ignore": ["section-missing"], "severity": "info"}},
        "level": "county",
        "report-year": 2024,
        "fail-on": "warning",
    }
    assert errors(CONFIG, ok) == []
    for bad in (
        {"selcet": ["x"]},
        {"select": "gb-typography"},
        {"rules": {"halfwidth-punct": {"markz": ","}}},
        {"rules": {"halfwidth-punct": {"marks": 3}}},
        {"rules": {"cjk-space": "fatal"}},
        {"per-file": {"*.txt": {"ignor": []}}},
        {"level": "village"},
        {"report-year": "2024"},
        {"fail-on": "fatal"},
    ):
        assert errors(CONFIG, bad), bad


@pytest.mark.parametrize("what", ["pack", "config"])
def test_schema_command_prints_the_schema(what: str) -> None:
    result = CliRunner().invoke(main, ["schema", what])
    assert result.exit_code == 0
    assert json.loads(result.output) == (pack_schema() if what == "pack" else config_schema())
    assert CliRunner().invoke(main, ["schema", "nope"]).exit_code == 2
