"""``--format sarif``: a SARIF 2.1.0 log that GitHub code scanning accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import ROOT, SHARED

from lawlint import __version__
from lawlint.cli.main import main
from lawlint.output.sarif_format import artifact_uri

SCHEMA = SHARED / "data" / "sarif-schema-2.1.0.json"
FLAWED = "examples/flawed-draft.txt"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # artifact URIs are relative to the working directory


def sarif(*args: str, code: int = 1) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "sarif"])
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def result_at(log: dict[str, Any], rule: str, line: int, column: int) -> dict[str, Any]:
    (found,) = [
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"] == rule
        and r["locations"][0]["physicalLocation"]["region"]["startLine"] == line
        and r["locations"][0]["physicalLocation"]["region"]["startColumn"] == column
    ]
    return found


def test_validates_against_the_official_schema() -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    for log in (sarif(FLAWED), sarif("examples/clean-report.txt", code=0)):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
        assert errors == []


def test_run_structure() -> None:
    log = sarif(FLAWED)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("lawlint", __version__)
    ids = [r["id"] for r in driver["rules"]]
    assert ids[:2] == ["section-missing", "title-format"]  # the rules that ran, pack order
    assert len(ids) == len(set(ids))
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    # one result per finding, in the JSON format's order
    items = json.loads(CliRunner().invoke(main, ["check", FLAWED, "--format", "json"]).stdout)
    assert [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in run["results"]
    ] == [(i["rule"], i["line"], i["column"]) for i in items]
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"]


def test_rule_descriptor() -> None:
    rules = sarif(FLAWED)["runs"][0]["tool"]["driver"]["rules"]
    punct = next(r for r in rules if r["id"] == "halfwidth-punct")
    assert punct == {
        "id": "halfwidth-punct",
        "name": "HalfwidthPunct",
        "shortDescription": {"text": '中文文本中使用半角标点 , ; : ? ! ( ) " 或以半角句点结束句子'},
        "fullDescription": {
            "text": '中文文本中使用半角标点 , ; : ? ! ( ) " 或以半角句点结束句子'
            "（依据：GB/T 15834-2011《标点符号用法》：中文文本使用全角标点）"
        },
        "help": {"text": "GB/T 15834-2011《标点符号用法》：中文文本使用全角标点"},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["gb-typography"]},
    }
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["section-missing"] == "error"
    assert levels["trailing-space"] == "note"  # info → note


def test_result_with_fix() -> None:
    log = sarif(FLAWED)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    region = {"startLine": 3, "startColumn": 63, "endLine": 3, "endColumn": 64}
    assert result_at(log, "halfwidth-punct", 3, 63) == {
        "ruleId": "halfwidth-punct",
        "ruleIndex": ids.index("halfwidth-punct"),
        "level": "warning",
        "message": {"text": "中文文本中使用了半角“:”，应改为全角“：”"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "examples/flawed-draft.txt"},
                    "region": region,
                }
            }
        ],
        "fixes": [
            {
                "description": {"text": "替换为“：” / replace with '：'"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "examples/flawed-draft.txt"},
                        "replacements": [
                            {"deletedRegion": region, "insertedContent": {"text": "："}}
                        ],
                    }
                ],
            }
        ],
    }


def test_result_without_fix_carries_data_and_levels() -> None:
    log = sarif(FLAWED)
    missing = result_at(log, "section-missing", 1, 1)
    assert missing["level"] == "error" and "fixes" not in missing
    assert missing["properties"] == {"section": "shortcomings"}
    assert missing["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": 22,
    }
    trailing = result_at(log, "trailing-space", 85, 24)
    assert trailing["level"] == "note"
    assert trailing["fixes"][0]["description"] == {"text": "删除 / delete"}
    assert trailing["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": ""
    }


def test_clean_report_has_no_results_and_exit_0() -> None:
    log = sarif("examples/clean-report.txt", code=0)
    assert log["runs"][0]["results"] == []


def test_unreadable_file_is_a_notification_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "不存在.txt"
    log = sarif(str(missing), FLAWED, code=2)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == f"{missing}: 文件不存在 / no such file"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (missing.as_uri())
    assert log["runs"][0]["results"]  # the readable file is still reported


def test_artifact_uris_are_percent_encoded_relative_references(tmp_path: Path) -> None:
    assert artifact_uri("examples/flawed-draft.txt") == "examples/flawed-draft.txt"
    assert artifact_uri(str(ROOT / "examples" / "x.txt")) == "examples/x.txt"
    assert artifact_uri("报告/青禾镇 2024.txt") == (
        "%E6%8A%A5%E5%91%8A/%E9%9D%92%E7%A6%BE%E9%95%87%202024.txt"
    )
    assert artifact_uri("a:b.txt") == "a%3Ab.txt"  # never read as a URI scheme
    outside = tmp_path / "报告.txt"
    assert artifact_uri(str(outside)) == outside.as_uri()
    assert artifact_uri("<stdin>") == "%3Cstdin%3E"


def test_results_one_per_line_in_an_indented_log() -> None:
    """The log is indented JSON with its results one per line (encoded fast, read
    easily), then the invocation; the directive rules are described after the pack rules."""
    result = CliRunner().invoke(main, ["check", FLAWED, "--format", "sarif"])
    text, log = result.stdout, json.loads(result.stdout)
    lines = text.splitlines()
    start = lines.index('      "results": [')
    results = log["runs"][0]["results"]
    shown = lines[start + 1 : start + 1 + len(results)]
    assert [json.loads(line.strip().rstrip(",")) for line in shown] == results
    assert lines[start + 1 + len(results) : start + 3 + len(results)] == [
        "      ],",
        '      "invocations": [',
    ]
    assert lines[:3] == ["{", f'  "$schema": "{log["$schema"]}",', '  "version": "2.1.0",']
    assert text.endswith("\n  ]\n}\n")
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ids[-2:] == ["unknown-directive", "unused-directive"]


def test_no_results_is_an_empty_array() -> None:
    log_text = (
        CliRunner().invoke(main, ["check", "examples/clean-report.txt", "--format", "sarif"]).stdout
    )
    assert '      "results": [],\n      "invocations": [' in log_text
    assert json.loads(log_text)["runs"][0]["results"] == []


def test_directive_findings_point_at_the_directive_rules(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    text = (ROOT / FLAWED).read_text(encoding="utf-8")
    draft.write_text("<!-- lawlint-disable-next-line no-such-rule -->\n" + text, encoding="utf-8")
    log = sarif(str(draft))
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    (found,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "unknown-directive"]
    assert ids[found["ruleIndex"]] == "unknown-directive"
    assert found["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
