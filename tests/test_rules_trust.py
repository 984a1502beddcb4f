"""Issue 14: false alarms seen on published reports lawlint had never seen, and the
faults it missed. Each test builds the real-looking Chinese text it judges."""

from __future__ import annotations

import pytest
from conftest import spots

TITLE = "青禾县2024年法治政府建设年度报告\n"
HEAD = TITLE + "一、主要举措和成效\n"


def uncovered(lint, body: str) -> list[str]:
    found = lint(HEAD + body + "\n", "topic-missing")
    assert len(found) <= 1  # never more than one topic-missing per report
    return found[0].data["topics"] if found else []


@pytest.mark.parametrize(
    ("topic", "sentence"),
    [
        ("legal-education", "广泛宣传宪法，开展宪法宣传周活动。"),
        ("legal-education", "深入开展法律“七进”宣传活动。"),
        ("legal-education", "坚持以案释法，发布典型案例6件。"),
        ("study-and-report-law", "区长带领班子成员集体学习《行政复议法》。"),
        ("study-and-report-law", "党组理论学习中心组带头学习《中华人民共和国行政处罚法》。"),
        ("study-and-report-law", "组织领导干部旁听庭审2次。"),
        ("enforcement-three-systems", "制定《行政执法全过程记录实施细则》。"),
        ("enforcement-three-systems", "重大执法决定全部经过合法性审查。"),
        ("legal-advisers", "聘请律师指导执法，设立驻点律师2名。"),
        ("digital-government", "政务服务事项全程网办比例达98%。"),
        ("digital-government", "推进“一网通办”，办件12万件。"),
        ("government-transparency", "权责清单在政府门户网站公示。"),
    ],
)
def test_a_topic_is_covered_by_its_usual_phrasings(lint, topic: str, sentence: str) -> None:
    assert topic not in uncovered(lint, sentence)
    # and the same report without that sentence does report it
    assert topic in uncovered(lint, "审核规范性文件12件。")


def test_topic_missing_is_one_finding_listing_every_uncovered_topic(lint) -> None:
    found = lint(HEAD + "审核规范性文件12件，办理行政复议案件2件。\n", "topic-missing")
    assert spots(found) == [("topic-missing", 2, 3)]
    (f,) = found
    assert f.severity == "info"
    assert "normative-documents" not in f.data["topics"]
    assert len(f.data["topics"]) == len(f.data["names"]) == 12
    assert f.message.startswith("报告未涉及以下12项工作：“重大行政决策”、")
    assert f.message.endswith("，请确认是否遗漏")
    assert f.data["level"] == "county"


def test_no_topic_missing_when_every_topic_is_covered(lint) -> None:
    body = (
        "审核规范性文件12件，完善重大行政决策程序，落实执法公示、全过程记录和法制审核制度，"
        "办理行政复议案件2件，出庭应诉3件，推进政务公开，完善突发事件应急预案，"
        "调解矛盾纠纷40起，加强执法监督，开展普法活动36场，聘请法律顾问1名，"
        "优化营商环境，推进数字政府建设，组织学法4次。"
    )
    assert uncovered(lint, body) == []
