"""Year-over-year core (issue 16): reused text and plan tracing on a written town pair."""

from __future__ import annotations

from pathlib import Path

import yaml

from lawlint.yoy.plans import THRESHOLD, plan_items, trace_plans, untraced
from lawlint.yoy.reuse import find_reused, normalise
from lawlint.yoy.sentences import split_sentences

DATA = Path(__file__).parent / "data" / "yoy"
BOILERPLATE = ("以习近平新时代中国特色社会主义思想为指导", "全面贯彻党的二十大精神")


def _pair() -> tuple[str, str]:
    return (DATA / "town-2024.txt").read_text("utf-8"), (DATA / "town-2023.txt").read_text("utf-8")


def test_normalise_maps_digits_and_drops_punctuation() -> None:
    assert normalise("2024年，共15场。") == normalise("2023年,共12场")
    assert normalise("以习近平新时代中国特色社会主义思想为指导，做好", BOILERPLATE) == "做好"


def test_split_sentences_keeps_exact_positions() -> None:
    sents = split_sentences("标题\n  甲乙。丙丁；\n")
    assert [(s.text, s.line, s.column) for s in sents] == [
        ("标题", 1, 1),
        ("甲乙。", 2, 3),
        ("丙丁；", 2, 6),
    ]


def test_reused_sentences_match_answer_key() -> None:
    current, previous = _pair()
    key = yaml.safe_load((DATA / "key.yaml").read_text("utf-8"))["town"]
    found = find_reused(current, previous, BOILERPLATE, skip_lines=frozenset({1, 2, 9}))
    assert [(r.sentence.line, r.sentence.column, r.previous.line) for r in found] == [(4, 1, 4)]
    assert [r.sentence.line for r in found] == [k["line"] for k in key["reused"]]
    assert found[0].coverage == 1.0


def test_paraphrase_and_boilerplate_are_not_reused() -> None:
    current, previous = _pair()
    lines = {r.sentence.line for r in find_reused(current, previous, BOILERPLATE)}
    assert 3 not in lines and 5 not in lines


def test_plan_items_numbered_with_positions() -> None:
    previous = (DATA / "town-2023.txt").read_text("utf-8").splitlines()
    items = plan_items(previous[6], first_line=7)
    assert [(i.line, i.column, i.text[:4]) for i in items] == [
        (7, 1, "一是加强"),
        (7, 29, "二是推进"),
        (7, 53, "三是完善"),
        (7, 71, "四是开展"),
    ]


def test_plan_items_unnumbered_fall_back_to_plan_sentences() -> None:
    items = plan_items("明年我们将继续推进依法行政。成绩来之不易。要加强队伍建设。", 10)
    assert [(i.text, i.line, i.column) for i in items] == [
        ("明年我们将继续推进依法行政。", 10, 1),
        ("要加强队伍建设。", 10, 22),
    ]


def test_plan_tracing_matches_answer_key() -> None:
    current, previous = _pair()
    key = yaml.safe_load((DATA / "key.yaml").read_text("utf-8"))["town"]["plans"]
    items = plan_items(previous.splitlines()[6], first_line=7)
    measures = [s for s in split_sentences(current) if 3 <= s.line <= 8]
    traces = trace_plans(items, measures)
    traced = [t.score >= THRESHOLD for t in traces]
    assert traced == [k["traced"] for k in key]
    assert [t.item.text[:4] for t in untraced(traces)] == ["三是完善"]
    assert [t.best.line for t in traces if t.best and t.score >= THRESHOLD] == [6, 7, 8]


def test_county_pair_unnumbered_plans_and_verbatim_copy() -> None:
    current = (DATA / "county-2024.txt").read_text("utf-8")
    previous = (DATA / "county-2023.txt").read_text("utf-8")
    key = yaml.safe_load((DATA / "key.yaml").read_text("utf-8"))["county"]
    found = find_reused(current, previous, BOILERPLATE, skip_lines=frozenset({1, 2, 7}))
    assert [(r.sentence.line, r.sentence.column, r.previous.line) for r in found] == [(3, 1, 4)]
    assert [r.sentence.line for r in found] == [k["line"] for k in key["reused"]]
    items = plan_items(previous.splitlines()[5], first_line=6)
    assert [(i.line, i.column) for i in items] == [(6, 1), (6, 26), (6, 48)]
    measures = [s for s in split_sentences(current) if 3 <= s.line <= 6]
    traces = trace_plans(items, measures)
    assert [t.score >= THRESHOLD for t in traces] == [k["traced"] for k in key["plans"]]
