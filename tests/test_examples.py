"""The shipped examples: the clean reports give nothing, the flawed draft shows every
rule but two (unquantified-section: its measures are quantified; shortcomings-without-
causes: it has no 不足 part, which section-missing reports) at the places
examples/README.md lists."""

from __future__ import annotations

from conftest import EXAMPLES, spots


def test_clean_examples_have_no_findings(linter) -> None:
    for name in ("clean-report.txt", "clean-report.md"):
        result = linter.lint_path(str(EXAMPLES / name))
        assert result.error is None
        assert spots(result.findings) == [], name


def test_flawed_draft_structure_and_typography(linter) -> None:
    found = linter.lint_path(str(EXAMPLES / "flawed-draft.txt")).findings
    rules = (
        "section-missing",
        "title-format",
        "heading-marker",
        "heading-numbering",
        "nested-title-mark",
        "unpaired-mark",
        "cjk-space",
        "trailing-space",
    )
    assert [s for s in spots(found) if s[0] in rules] == [
        ("section-missing", 1, 1),
        ("title-format", 1, 20),
        ("heading-marker", 5, 1),
        ("nested-title-mark", 13, 11),
        ("nested-title-mark", 13, 22),
        ("heading-marker", 15, 1),
        ("trailing-space", 25, 14),
        ("heading-marker", 27, 1),
        ("cjk-space", 33, 5),
        ("heading-numbering", 35, 1),
        ("unpaired-mark", 49, 11),
        ("cjk-space", 63, 5),
        ("heading-numbering", 75, 1),
        ("cjk-space", 77, 49),
        ("trailing-space", 85, 24),
    ]
    halfwidth = spots(found, "halfwidth-punct")
    # line 11's brackets are inside the misquoted 纲要 name: official-title supersedes them
    assert not [h for h in halfwidth if h[1] == 11]
    # line 15's "(二)、": heading-marker rewrites the whole marker, its brackets included
    assert not [h for h in halfwidth if h[1] == 15]
    for where in [
        (3, 63),
        (7, 1),
        (7, 3),
        (17, 20),
        (29, 47),
        (41, 24),
        (43, 3),
        (43, 6),
    ]:
        assert ("halfwidth-punct", *where) in halfwidth


def test_flawed_draft_content(linter) -> None:
    found = linter.lint_path(str(EXAMPLES / "flawed-draft.txt")).findings
    content = (
        "vague-quantity",
        "unsupported-claim",
        "relative-time",
        "partial-period",
        "year-mismatch",
        "sum-mismatch",
        "official-title",
    )
    assert [s for s in spots(found) if s[0] in content] == [
        ("official-title", 11, 5),
        ("relative-time", 21, 39),
        ("vague-quantity", 23, 62),
        ("partial-period", 39, 1),
        ("sum-mismatch", 47, 29),
        ("vague-quantity", 53, 17),
        ("relative-time", 57, 1),
        ("vague-quantity", 59, 3),
        ("unsupported-claim", 61, 26),
        ("official-title", 69, 13),
        ("vague-quantity", 73, 29),
        ("year-mismatch", 83, 1),
    ]
    # the traps on line 37 (多措并举, 多元化解, 多方参与) are not vague quantities
    assert not [f for f in found if f.rule == "vague-quantity" and f.line == 37]


def test_flawed_draft_typography_faults_of_the_fix_rules(linter) -> None:
    """F06, F11, F17, F25, F35 and F40 of examples/README.md (F07's range lies inside a
    misquoted title, which official-title reports instead)."""
    found = linter.lint_path(str(EXAMPLES / "flawed-draft.txt")).findings
    rules = (
        "fullwidth-alnum",
        "range-dash",
        "doc-number-bracket",
        "heading-punct",
        "serial-comma",
        "repeated-punct",
    )
    assert [s for s in spots(found) if s[0] in rules] == [
        ("fullwidth-alnum", 9, 1),
        ("doc-number-bracket", 19, 39),
        ("heading-punct", 31, 9),
        ("range-dash", 43, 50),
        ("serial-comma", 51, 23),
        ("repeated-punct", 79, 23),
    ]


def test_flawed_draft_faults_of_the_issue_14_rules(linter) -> None:
    """F38–F56 of examples/README.md: the rules added for faults seen in real reports."""
    found = linter.lint_path(str(EXAMPLES / "flawed-draft.txt")).findings
    rules = (
        "cutoff-wording",
        "rate-over-100",
        "range-dash",
        "mixed-number",
        "ascii-ellipsis-dash",
        "percent-format",
        "dotted-date",
        "abbreviated-year",
        "interpunct-date",
        "comma-before-conjunction",
        "doubled-word",
        "approx-number",
        "nested-quote",
        "title-mark-missing",
        "run-on-item",
        "zuochu-wording",
        "outdated-goal",
        "outdated-term",
        "name-slip",
    )
    picked = [f for f in found if f.rule in rules]
    assert spots(picked) == [
        ("name-slip", 9, 69),
        ("outdated-goal", 11, 83),
        ("outdated-term", 11, 113),
        ("cutoff-wording", 17, 49),
        ("comma-before-conjunction", 37, 19),
        ("rate-over-100", 39, 31),
        ("range-dash", 43, 50),
        ("mixed-number", 49, 32),
        ("ascii-ellipsis-dash", 51, 60),
        ("percent-format", 57, 35),
        ("approx-number", 59, 33),
        ("dotted-date", 63, 38),
        ("title-mark-missing", 63, 65),
        ("zuochu-wording", 69, 71),
        ("abbreviated-year", 73, 39),
        ("interpunct-date", 77, 52),
        ("nested-quote", 87, 15),
        ("nested-quote", 87, 18),
        ("doubled-word", 89, 11),
        ("run-on-item", 89, 27),
    ]
    assert [f.fix.replacement if f.fix else None for f in picked] == [
        "二十届三中全会",  # shown, not applied: it changes the wording
        None,
        None,
        "截至",
        "及",
        None,
        "～",
        None,
        "……",
        "%，1",
        None,
        None,
        None,
        "作出",  # shown, not applied: it changes the wording
        None,
        "“12·4”",
        "‘",
        "’",
        "推动",  # shown, not applied: it changes the wording
        None,
    ]


def test_flawed_draft_exercises_every_rule_but_two(linter) -> None:
    """What README.md says of the draft: every rule of the built-in packs fires on it
    but unquantified-section (22 of its 26 measures sentences give a figure) and
    shortcomings-without-causes (it has no 不足 part: section-missing's fault) and
    text-truncated (it ends with its signature and date, as a finished draft does:
    tests/test_truncated.py cuts texts off). The year-over-year pack's rules run only
    beside last year's report (--previous), which a single draft does not have:
    tests/test_yoy_check.py exercises them."""
    found = linter.lint_path(str(EXAMPLES / "flawed-draft.txt")).findings
    rules = {rule.id for rule in linter.rules if rule.pack != "fazhi-yoy"}
    assert rules - {f.rule for f in found} == {
        "unquantified-section",
        "shortcomings-without-causes",
        "text-truncated",
    }
    assert len(found) == 61
