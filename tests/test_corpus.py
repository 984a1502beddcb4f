"""Real published reports (../shared/corpus, read in place; skipped when absent)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import spots


def test_every_corpus_file_lints_without_error(linter, corpus: Path) -> None:
    files = sorted(corpus.glob("*.txt"))
    assert len(files) >= 10
    for path in files:
        result = linter.lint_path(str(path))
        assert result.error is None, result.error
        assert result.findings, f"{path.name}: real drafts always have something to report"


def test_seed_report_acceptance(linter, corpus: Path) -> None:
    result = linter.lint_path(str(corpus / "haicheng-town-2023.txt"))
    found = result.findings
    assert result.document is not None and result.document.report_year == 2023
    # not the page chrome's "分享到:", "来源:", "发布机构:", "【字体:" (lines 5, 8-10, issue 17)
    assert len(spots(found, "halfwidth-punct")) == 270
    assert not [s for s in spots(found, "halfwidth-punct") if s[1] < 11]
    assert ("cjk-space", 24, 149) in spots(found, "cjk-space")
    # line 10 ("  • 【字体:    ") is the page's font-size widget: chrome, not the report
    assert spots(found, "trailing-space") == [("trailing-space", 26, 25)]
    assert spots(found, "unpaired-mark") == []
    assert spots(found, "section-missing") == []
    assert spots(found, "heading-numbering") == []


def test_seed_report_content_acceptance(linter, corpus: Path) -> None:
    path = corpus / "haicheng-town-2023.txt"
    found = linter.lint_path(str(path)).findings
    lines = path.read_text(encoding="utf-8").split("\n")
    vague = spots(found, "vague-quantity")
    assert vague == [("vague-quantity", 20, lines[19].index("多次") + 1)]
    for line, word in [(20, "多措并举"), (30, "多元"), (38, "多方参与"), (64, "多头")]:
        assert word in lines[line - 1]
    assert spots(found, "relative-time") == [
        ("relative-time", 36, lines[35].index("今年以来") + 1),
        ("relative-time", 40, lines[39].index("今年以来") + 1),
    ]
    assert [f.line for f in found if f.rule == "partial-period"] == [28]
    topics = {t for f in found if f.rule == "topic-missing" for t in f.data["topics"]}
    assert "enforcement-three-systems" in topics
    assert spots(found, "sum-mismatch") == []


# Where lawlint knowingly reads a part that INDEX.tsv marks absent (reporting an error
# on complete real reports of these shapes would cry wolf):
# - 004 and 005 are organised by theme ("一、健全法治政府建设制度保障", "一、强化组织
#   领导,夯实法治基础"): such top-level sections ARE the 主要举措和成效
#   (`unclaimed: true` in the pack);
# - 004 ("二是持续夯实“第一责任人”职责") and 031 ("省长……带头履行推进法治建设第一责任人
#   职责") report the principal leader's duty inside the measures, as many published
#   reports do (`content_anywhere` in the pack);
# - 005 ("成立镇法治政府建设工作领导小组,明确党委书记为组长", INDEX's note: "leadership duty
#   described but not as a section") and 016 ("成立由局长任组长……的法治政府建设工作领导小组,
#   定期研究部署法治政府建设重点工作") do the same: blind judges (sets Z26, Z34) took the
#   leader chairing the body that runs 法治 work as the duty reported.
KNOWN_DEVIATIONS = {
    ("004.txt", "measures"),
    ("005.txt", "measures"),
    ("004.txt", "first-responsible"),
    ("005.txt", "first-responsible"),
    ("016.txt", "first-responsible"),
    ("031.txt", "first-responsible"),
}


def test_section_missing_agrees_with_the_corpus_index(linter, corpus: Path) -> None:
    """INDEX.tsv records, for each excerpt, which required parts its stored text has."""
    columns = {
        "s1_举措成效": "measures",
        "s2_第一责任人": "first-responsible",
        "s3_不足原因": "shortcomings",
        "s4_下一年度安排": "plans",
    }
    with open(corpus / "INDEX.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows
    for row in rows:
        result = linter.lint_path(str(corpus / row["file"]))
        missing = {f.data["section"] for f in result.findings if f.rule == "section-missing"}
        expected = {key for column, key in columns.items() if row[column] == "n"}
        expected -= {key for name, key in KNOWN_DEVIATIONS if name == row["file"]}
        assert missing == expected, row["file"]


@pytest.mark.parametrize(
    "name, title, year",
    [
        ("001.txt", "静海区2023年度法治政府建设情况报告", 2023),
        ("004.txt", "中共汉中市委汉中市人民政府关于2023年度法治政府建设工作情况的报告", 2023),
        ("034.txt", "2024年度交通运输法治政府建设工作总结", 2024),
        ("007.txt", None, None),
    ],
)
def test_titles_under_chrome(linter, corpus: Path, name: str, title, year) -> None:
    doc = linter.lint_path(str(corpus / name)).document
    assert doc is not None
    assert (doc.title.text if doc.title else None, doc.report_year) == (title, year)
