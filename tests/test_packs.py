"""Rule-pack validation: every mistake is one clear message naming the file, the rule,
the key and the YAML line — before anything is linted."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawlint.errors import PackError
from lawlint.lint.engine import Linter
from lawlint.packs.loader import load_pack, load_packs

GOOD = """\
pack: my-province
title: 本省补充要求
rules:
  - id: dc-followup
    kind: phrase
    severity: warning
    message: 使用了“{match}”
    words: [督查整改]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error(tmp_path: Path, text: str) -> PackError:
    with pytest.raises(PackError) as exc:
        load_packs([write(tmp_path, text)])
    return exc.value


def test_good_pack_loads_and_runs(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, GOOD))
    assert [r.id for r in pack.rules] == ["dc-followup"]
    found = Linter([pack]).lint_text("我镇完成督查整改3项。")
    assert [(f.rule, f.line, f.column, f.message) for f in found] == [
        ("dc-followup", 1, 5, "使用了“督查整改”")
    ]


@pytest.mark.parametrize(
    "change, rule, key, line, words",
    [
        (("kind: phrase", "kind: nosuch"), "dc-followup", "rules.0.kind", 5, "nosuch"),
        (("words: [督查整改]", "wordz: [督查整改]"), "dc-followup", "rules.0.wordz", 8, "wordz"),
        (("words: [督查整改]", "words: 督查整改"), "dc-followup", "rules.0.words", 8, "list"),
        (
            ("words: [督查整改]", "patterns: ['督查(']"),
            "dc-followup",
            "rules.0.patterns",
            8,
            "regex",
        ),
        (
            ("severity: warning", "severity: fatal"),
            "dc-followup",
            "rules.0.severity",
            6,
            "severity",
        ),
        (
            ("message: 使用了“{match}”", "message: 使用了{nosuch}"),
            "dc-followup",
            "rules.0.message",
            7,
            "nosuch",
        ),
    ],
    ids=[
        "unknown-kind",
        "unknown-option",
        "mistyped-option",
        "bad-regex",
        "bad-severity",
        "unknown-field",
    ],
)
def test_invalid_rule(tmp_path: Path, change, rule, key, line, words) -> None:
    exc = error(tmp_path, GOOD.replace(*change))
    assert (exc.rule, exc.key, exc.line) == (rule, key, line)
    message = str(exc)
    assert message.startswith(f"{tmp_path / 'pack.yaml'}:{line} [rule {rule}, key {key}]: ")
    assert words in message
    assert " / " in message  # Chinese / English


def test_duplicate_id_in_one_pack(tmp_path: Path) -> None:
    rules = GOOD.split("rules:\n")[1]
    exc = error(tmp_path, GOOD + rules)
    assert (exc.rule, exc.key, exc.line) == ("dc-followup", "rules.1.id", 9)
    assert "duplicate" in str(exc)


def test_duplicate_id_across_packs(tmp_path: Path) -> None:
    exc = error(tmp_path, GOOD.replace("dc-followup", "halfwidth-punct"))
    assert exc.rule == "halfwidth-punct" and "gb-typography.yaml" in str(exc)


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    exc = error(tmp_path, GOOD.replace("    words: [督查整改]", "    words: [督查整改"))
    assert exc.line == 9 and "YAML" in str(exc)


def test_unknown_top_level_key(tmp_path: Path) -> None:
    exc = error(tmp_path, GOOD + "extra: 1\n")
    assert exc.key == "extra" and exc.line == 9


def test_scope_must_name_a_known_part(tmp_path: Path) -> None:
    text = GOOD.replace("words: [督查整改]", "words: [督查整改]\n    scope: [nowhere]")
    with pytest.raises(PackError) as exc:
        Linter(load_packs([write(tmp_path, text)]))
    assert exc.value.rule == "dc-followup" and "nowhere" in str(exc.value)


def test_scope_limits_a_phrase_to_a_part(tmp_path: Path) -> None:
    text = GOOD.replace("words: [督查整改]", "words: [督查整改]\n    scope: [plans]")
    packs = load_packs([write(tmp_path, text)])
    linter = Linter(packs, [r for p in packs for r in p.rules if r.id == "dc-followup"])
    report = "一、主要举措和成效\n督查整改1项。\n二、下一步工作打算\n完成督查整改。\n"
    assert [(f.line, f.column) for f in linter.lint_text(report)] == [(4, 3)]


def test_substitution_and_required_kinds(tmp_path: Path) -> None:
    text = """\
pack: words
rules:
  - id: use-ducha
    kind: substitution
    severity: error
    message: “{match}”应为“{replacement}”
    swap: {督查工作规定: 督察工作规定}
  - id: shortcomings-cause
    kind: required
    severity: warning
    message: “{section}”部分未说明原因
    words: [原因]
    scope: [shortcomings]
"""
    packs = load_packs([write(tmp_path, text)])
    ids = {"use-ducha", "shortcomings-cause"}
    linter = Linter(packs, [r for p in packs for r in p.rules if r.id in ids])
    report = "依据督查工作规定。\n三、存在的不足和原因\n执法力量不足。\n"
    found = linter.lint_text(report)
    assert [(f.rule, f.line, f.column) for f in found] == [
        ("use-ducha", 1, 3),
        ("shortcomings-cause", 2, 3),
    ]
    assert found[0].fix is not None and found[0].fix.replacement == "督察工作规定"
    assert found[1].message == "“存在的不足和原因”部分未说明原因"
