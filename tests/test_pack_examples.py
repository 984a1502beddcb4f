"""Every built-in rule documents and tests itself: its ``bad`` examples must each give
at least one finding of that rule, its ``good`` examples none."""

from __future__ import annotations

import pytest

from lawlint.packs.loader import builtin_packs

RULES = [rule for pack in builtin_packs() for rule in pack.rules]
CASES = [
    pytest.param(rule.id, kind, text, id=f"{rule.id}-{kind}{i}")
    for rule in RULES
    for kind in ("bad", "good")
    for i, text in enumerate(rule.examples.get(kind, []))
]


@pytest.mark.parametrize("rule_id, kind, text", CASES)
def test_example(lint, rule_id: str, kind: str, text: str) -> None:
    found = lint(text, rule_id)
    if kind == "bad":
        assert found, f"{rule_id}: bad example gave no finding: {text!r}"
    else:
        assert not found, f"{rule_id}: good example gave {[f.message for f in found]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule) -> None:
    assert rule.source, "every built-in rule cites the standard or regulation it enforces"
    assert rule.description
    assert rule.examples.get("good") and rule.examples.get("bad")
