"""Vocabularies shared by name and messages as data (issue 18): the figure pattern, the
measure words and the totals are declared once (rules/dict/vocabularies.yaml) and named
by rules as @{name}; the texts of the problems a kind emits are the rule's `messages`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lawlint.config.loader import ConfigError
from lawlint.errors import PackError
from lawlint.lint.engine import Linter
from lawlint.lint.workspace import CommandLine, Workspace
from lawlint.packs.loader import builtin_packs, builtin_vocabularies, load_pack, parse_pack
from lawlint.packs.vocabularies import regex, resolve
from lawlint.resources import rules_dir

RULE = "pack: mine\n{vocabularies}rules:\n  - id: r\n    kind: {kind}\n    severity: warning\n"


def pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def rules_by_id() -> dict[str, object]:
    return {r.id: r for p in builtin_packs() for r in p.rules}


def test_the_built_in_vocabularies() -> None:
    found = builtin_vocabularies()
    assert sorted(found) == ["figure", "measure-words", "totals"]
    assert found["totals"].words == ("共", "共计", "累计", "合计", "总计")
    assert "件" in found["measure-words"].words and found["figure"].pattern is not None
    figure = re.compile(regex("figure", found))
    assert [bool(figure.search(t)) for t in ("三次", "十二件", "300人", "一项", "两个维护")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert not figure.search("2024年11月15日")


def test_each_rule_names_the_shared_vocabularies_not_a_copy() -> None:
    """The figure pattern is written once: every figure option of the packs names it,
    and the kinds' defaults do too."""
    content = (rules_dir() / "fazhi-content.yaml").read_text(encoding="utf-8")
    assert content.count('figure: "@{figure}"') == 4
    assert "[余多]?(?:" not in content  # no copy of the pattern itself
    rules = rules_by_id()
    figure = regex("figure", builtin_vocabularies())
    for rid in ("vague-quantity", "unsupported-claim", "unquantified-section", "partial-period"):
        assert rules[rid].options["figure"].pattern == figure  # type: ignore[attr-defined]
        assert rules[rid].raw_options["figure"] == "@{figure}"  # type: ignore[attr-defined]
    sums = rules["sum-mismatch"].options  # type: ignore[attr-defined]
    assert sums["total_words"] == ("共", "共计", "累计", "合计", "总计")
    assert {"人次", "件", "个", "宗"} <= set(sums["units"])
    vague = rules["vague-quantity"].options  # type: ignore[attr-defined]
    assert vague["totals"].pattern == "(?:共计|累计|合计|总计|共)"


def test_a_pack_declares_and_names_its_own(tmp_path: Path) -> None:
    text = (
        RULE.format(
            vocabularies="vocabularies:\n  shouted:\n    words: [督查整改, 整改]\n"
            "  numbered:\n    pattern: '@{shouted}\\d+次'\n",
            kind="phrase",
        )
        + '    message: 用了“{match}”\n    words: ["@{shouted}", 约谈]\n'
        + '    patterns: ["@{numbered}"]\n'
    )
    rule = load_pack(pack(tmp_path, text)).rules[0]
    assert rule.options["words"] == ("督查整改", "整改", "约谈")
    assert rule.options["patterns"][0].pattern == "(?:(?:督查整改|整改)\\d+次)"
    found = Linter([load_pack(pack(tmp_path, text))]).lint_text("开展整改3次，约谈2人。")
    assert [(f.column, f.message) for f in found] == [(3, "用了“整改3次”"), (8, "用了“约谈”")]


def test_a_pack_vocabulary_hides_a_built_in_one(tmp_path: Path) -> None:
    text = (
        RULE.format(vocabularies="vocabularies:\n  totals:\n    words: [总共]\n", kind="phrase")
        + '    message: m\n    words: ["@{totals}"]\n'
    )
    assert load_pack(pack(tmp_path, text)).rules[0].options["words"] == ("总共",)


@pytest.mark.parametrize(
    "vocabularies, value, line, key, zh",
    [
        ("", '["@{no-such}"]', 7, "rules.0.words", "选项值无效：未知的词表 @{no-such}（可用："),
        ("", '["@{figure}"]', 7, "rules.0.words", "选项值无效：词表 @{figure} 是正则表达式"),
        (
            "vocabularies:\n  a:\n    pattern: '@{b}'\n  b:\n    pattern: '@{a}'\n",
            '["@{a}"]',
            12,
            "rules.0.patterns",
            "选项值无效：词表 @{a} 的引用层数过多",
        ),
        ("vocabularies:\n  x:\n    words: []\n", "[w]", 4, "vocabularies.x.words", "words 应为"),
        ("vocabularies:\n  x:\n    word: [w]\n", "[w]", 3, "vocabularies.x", "词表应为"),
    ],
)
def test_vocabulary_mistakes_are_pack_errors(
    tmp_path: Path, vocabularies: str, value: str, line: int, key: str, zh: str
) -> None:
    option = "patterns" if "pattern:" in vocabularies else "words"
    text = RULE.format(vocabularies=vocabularies, kind="phrase") + "    message: m\n"
    text += f"    {option}: {value}\n"
    with pytest.raises(PackError) as exc:
        load_pack(pack(tmp_path, text))
    error = exc.value
    assert (error.line, error.key) == (line, key)
    assert error.zh.startswith(zh), error.zh


def test_a_sections_patterns_name_vocabularies(tmp_path: Path) -> None:
    """The first-responsible part names its leader once (@{principal-leader}); a
    misspelt name in a section is a pack error like one in a rule."""
    sections = (
        "vocabularies:\n  chief:\n    words: [县长, 镇长]\n"
        "sections:\n  - key: duty\n    content_anywhere: ['@{chief}主持']\n"
    )
    text = RULE.format(vocabularies=sections, kind="sections") + "    message: m\n"
    (spec,) = load_pack(pack(tmp_path, text)).sections
    assert [p.pattern for p in spec.content_anywhere] == ["(?:县长|镇长)主持"]
    with pytest.raises(PackError) as exc:
        load_pack(pack(tmp_path, text.replace("@{chief}", "@{chef}")))
    assert (exc.value.line, exc.value.key) == (7, "sections.0.content_anywhere")
    assert "未知的词表 @{chef}" in exc.value.zh
    first = next(p for p in builtin_packs() if p.name == "fazhi-annual-report").sections[0]
    assert first.key == "first-responsible"
    assert sum("@{" in p.pattern for p in first.content_anywhere) == 0
    assert sum("主要负责(人|同志)|主要领导" in p.pattern for p in first.content_anywhere) == 10


def test_resolve_by_option_type() -> None:
    scope = builtin_vocabularies()
    assert resolve("@{totals}", "str", scope) == "共共计累计合计总计"
    assert resolve(["@{totals}", "其"], "str-list", scope)[-1] == "其"
    assert resolve("^@{totals}", "regex", scope) == "^(?:共计|累计|合计|总计|共)"
    assert resolve(3, "regex", scope) == 3  # the option's own check reports the type


def test_the_measure_words_are_one_list_for_four_kinds() -> None:
    measure = builtin_vocabularies()["measure-words"].words
    rules = rules_by_id()
    spacing = rules["cjk-space"].options["units"]  # type: ignore[attr-defined]
    vague = rules["vague-quantity"].options["measures"]  # type: ignore[attr-defined]
    assert all(w in spacing and w in vague for w in measure)
    assert set(measure) <= set(rules["sum-mismatch"].options["units"])  # type: ignore[attr-defined]
    assert "个" not in regex("figure", builtin_vocabularies())  # 两个维护 is no figure


# -- messages -------------------------------------------------------------------------


def test_built_in_messages_are_the_texts_the_checks_show() -> None:
    linter = (
        Workspace(CommandLine(select=("title-format", "heading-numbering"))).profile(None).linter
    )
    found = linter.lint_text("云溪县石桥镇法治政府建设工作总结\n一、工作\n三、计划\n")
    assert [f.message for f in found] == [
        "标题不规范：标题中没有报告年度（如“2024年”）",
        "标题不规范：年度报告不应称为“总结”，应为“报告”",
        "标题序号不连续：此处应为“二、”，实为“三、”",
    ]


def test_a_pack_changes_a_message(tmp_path: Path) -> None:
    text = (
        RULE.format(vocabularies="", kind="title")
        + "    message: 标题：{problem}\n    messages:\n"
        + "      missing: 没有标题\n      missing-line-config: 按配置标题“{title}”\n"
        + "      missing-line-file-name: 按文件名“{title}”\n      no-year: 缺年份\n"
        + "      forbidden-word: 不用“{word}”\n"
    )
    found = Linter([load_pack(pack(tmp_path, text))]).lint_text("某县法治政府建设工作总结\n")
    assert [f.message for f in found] == ["标题：缺年份", "标题：不用“总结”"]


@pytest.mark.parametrize(
    "messages, zh",
    [
        (None, "messages 应为 {问题代码: 提示文字} 的映射（代码：missing, "),
        (
            {"missing": "a", "no-year": "b"},
            "messages 的问题代码应为：missing, missing-line-config, missing-line-file-name, "
            "no-year, forbidden-word；缺少：missing-line-config, missing-line-file-name, "
            "forbidden-word",
        ),
        (
            {
                "missing": "a",
                "missing-line-config": "b",
                "missing-line-file-name": "c",
                "no-year": "d",
                "forbidden-word": "不用“{match}”",
            },
            "messages 中的 {match} 不是此类型可用的字段（可用：{word}）",
        ),
    ],
)
def test_messages_are_checked_at_load(tmp_path: Path, messages: dict | None, zh: str) -> None:
    import yaml

    text = RULE.format(vocabularies="", kind="title") + "    message: '{problem}'\n"
    if messages is not None:
        text += (
            yaml.safe_dump({"messages": messages}, allow_unicode=True, indent=2)
            .replace("\n", "\n    ")
            .join(["    ", "\n"])
        )
    with pytest.raises(PackError) as exc:
        parse_pack(text, "mine.yaml")
    assert (exc.value.key or "").startswith("rules.0.messages")
    assert exc.value.zh.startswith(zh), exc.value.zh


def test_a_kind_without_problems_takes_no_messages(tmp_path: Path) -> None:
    text = RULE.format(vocabularies="", kind="phrase") + "    message: m\n    messages: {a: b}\n"
    with pytest.raises(PackError) as exc:
        parse_pack(text, "mine.yaml")
    assert exc.value.zh == "检查类型 phrase 没有 messages（其提示只用 message）"


def test_word_lists_moved_out_of_the_code_are_required(tmp_path: Path) -> None:
    text = RULE.format(vocabularies="", kind="sum-mismatch") + "    message: m\n"
    with pytest.raises(PackError) as exc:
        parse_pack(text, "mine.yaml")
    assert [e.zh.split("（")[0] for e in exc.value.all()] == [
        "检查类型 sum-mismatch 须设置选项“units”",
        "检查类型 sum-mismatch 须设置选项“same_units”",
        "检查类型 sum-mismatch 须设置选项“compare”",
        "检查类型 sum-mismatch 须设置选项“approximate_before”",
        "检查类型 sum-mismatch 须设置选项“approximate_after”",
    ]


def test_a_configuration_may_name_the_built_in_vocabularies(tmp_path: Path) -> None:
    config = tmp_path / ".lawlint.yaml"
    config.write_text('rules:\n  sum-mismatch: {total_words: ["@{totals}", 总数]}\n')
    workspace = Workspace(CommandLine(config=str(config)), cwd=tmp_path)
    rule = workspace.profile(str(config)).rule("sum-mismatch")
    assert rule is not None and rule.options["total_words"][-1] == "总数"
    config.write_text('rules:\n  sum-mismatch: {total_words: ["@{nothing}"]}\n')
    workspace = Workspace(CommandLine(config=str(config)), cwd=tmp_path)
    with pytest.raises(ConfigError) as exc:
        workspace.profile(str(config)).linter  # noqa: B018 - building is the point
    assert exc.value.zh.startswith("选项值无效：未知的词表 @{nothing}")
