"""Pack and configuration errors come all at once (issue 17, item 7): one run shows
every mistake, each with file:line, rule, key, Chinese and English; exit code 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawlint.checks.options import Option, OptionError, compile_regex
from lawlint.cli.main import main
from lawlint.config.loader import ConfigError, load_config
from lawlint.errors import PackError
from lawlint.packs.loader import load_pack, load_packs

THREE_ERRORS = """\
pack: my-province
rules:
  - id: bad-regex
    kind: phrase
    severity: warning
    message: 使用了“{match}”
    patterns: ['督查(']
  - id: twice
    kind: phrase
    severity: urgent
    message: 使用了“{match}”
    words: [督查整改]
  - id: twice
    kind: phrase
    severity: warning
    message: 使用了“{match}”
    words: [督查整改]
"""

TWO_ERRORS = """\
level: village
fail-on: warning
report-year: 24
"""


def check(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    """``lawlint check`` on a clean draft in ``tmp_path``: exit code, stderr lines."""
    draft = tmp_path / "draft.txt"
    draft.write_text("青禾镇2024年法治政府建设年度报告\n", encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)  # files are named relative to the working folder
    try:
        result = CliRunner().invoke(main, ["check", "--no-cache", *args, "draft.txt"])
    finally:
        os.chdir(old)
    assert result.stdout == ""
    return result.exit_code, result.stderr.splitlines()


def test_a_pack_with_three_errors_shows_all_three(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(THREE_ERRORS, encoding="utf-8")
    code, lines = check(tmp_path, "--pack", "pack.yaml")
    assert code == 2
    assert lines == [
        "lawlint: pack.yaml:7 [rule bad-regex, key rules.0.patterns]: 选项值无效："
        "正则表达式无效：'督查('（missing ), unterminated subpattern at position 2） / "
        "invalid option value: invalid regex '督查(' "
        "(missing ), unterminated subpattern at position 2)",
        "lawlint: pack.yaml:10 [rule twice, key rules.1.severity]: "
        "severity 应为 error、warning 或 info / 'severity' must be error, warning or info",
        "lawlint: pack.yaml:13 [rule twice, key rules.2.id]: 规则 id 重复：twice（第 8 行已定义）"
        " / duplicate rule id 'twice' (already defined on line 8)",
        "lawlint: 共 3 处错误，请全部改正 / 3 errors: correct them all",
    ]


def test_a_configuration_with_two_errors_shows_both(tmp_path: Path) -> None:
    (tmp_path / "lawlint.yaml").write_text(TWO_ERRORS, encoding="utf-8")
    code, lines = check(tmp_path, "--config", "lawlint.yaml")
    assert code == 2
    assert lines == [
        "lawlint: lawlint.yaml:1 [key level]: level 应为 town, county, city, province, "
        "department 之一 / 'level' must be one of town, county, city, province, department",
        "lawlint: lawlint.yaml:3 [key report-year]: report-year 应为四位数年份，如 2024 / "
        "'report-year' must be a four-digit year such as 2024",
        "lawlint: 共 2 处错误，请全部改正 / 2 errors: correct them all",
    ]


def test_configuration_errors_against_the_packs_come_together(tmp_path: Path) -> None:
    """Unknown rule ids and invalid option values are found once the packs are
    loaded; all of them are reported in the same run."""
    (tmp_path / "lawlint.yaml").write_text(
        "ignore: [no-such-rule]\nrules:\n  cjk-space: {units: 3}\n  ghost: off\n",
        encoding="utf-8",
    )
    code, lines = check(tmp_path, "--config", "lawlint.yaml")
    assert code == 2
    assert lines == [
        "lawlint: lawlint.yaml:1 [key ignore.0]: 未知的规则 id 或规则包名：no-such-rule / "
        "unknown rule id or pack name: no-such-rule",
        "lawlint: lawlint.yaml:3 [rule cjk-space, key rules.cjk-space.units]: "
        "选项值无效：应为字符串 / invalid option value: expected a string",
        "lawlint: lawlint.yaml:4 [rule ghost, key rules.ghost]: 未知的规则 id：ghost / "
        "unknown rule id: ghost",
        "lawlint: 共 3 处错误，请全部改正 / 3 errors: correct them all",
    ]


def test_one_error_is_one_line_as_before(tmp_path: Path) -> None:
    (tmp_path / "lawlint.yaml").write_text("level: village\n", encoding="utf-8")
    code, lines = check(tmp_path, "--config", "lawlint.yaml")
    assert (code, len(lines)) == (2, 1)
    assert lines[0].startswith("lawlint: lawlint.yaml:1 [key level]: level 应为 ")


def test_errors_of_two_packs_come_together(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "pack: a\nrules:\n  - {id: x, kind: phrase, severity: loud, message: m, words: [w]}\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        "pack: b\nrules:\n  - {id: y, kind: nosuch, severity: info, message: m}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as exc:
        load_packs([tmp_path / "a.yaml", tmp_path / "b.yaml"], builtin=False)
    assert [(Path(e.path or "").name, e.line, e.key) for e in exc.value.all()] == [
        ("a.yaml", 3, "rules.0.severity"),
        ("b.yaml", 3, "rules.0.kind"),
    ]


def test_a_duplicate_id_across_packs_names_both_lines(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\nrules:\n  - id: ok-rule\n    kind: phrase\n    severity: info\n"
        "    message: m\n    words: [w]\n  - id: halfwidth-punct\n    kind: phrase\n"
        "    severity: info\n    message: m\n    words: [w]\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as exc:
        load_packs([pack])
    error = exc.value
    assert (error.path, error.line, error.rule, error.key) == (
        str(pack),
        8,
        "halfwidth-punct",
        "id",
    )
    assert "gb-typography.yaml:" in error.zh and error.en.endswith(
        error.zh.split("与 ")[1].split(" 中的")[0]
    )


def test_a_rule_with_several_wrong_keys_reports_each(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n  - id: r\n    kind: phrase\n    severity: loud\n"
        "    message: 用了{nosuch}\n    words: 督查\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError) as exc:
        load_pack(pack)
    assert [(e.line, e.key) for e in exc.value.all()] == [
        (5, "rules.0.severity"),
        (6, "rules.0.message"),
        (7, "rules.0.words"),
    ]


def test_an_invalid_regex_reads_as_two_sentences() -> None:
    with pytest.raises(OptionError) as exc:
        compile_regex("督查(")
    assert (
        exc.value.zh
        == "正则表达式无效：'督查('（missing ), unterminated subpattern at position 2）"
    )
    assert (
        exc.value.en == "invalid regex '督查(' (missing ), unterminated subpattern at position 2)"
    )
    assert str(exc.value) == f"{exc.value.zh} / {exc.value.en}"
    # a regex holding " / " does not split the message in the wrong place
    with pytest.raises(OptionError) as exc:
        Option("regex", None, "").convert("a / (")
    assert exc.value.en.startswith("invalid regex 'a / ('")


def test_a_file_that_is_no_configuration_gets_one_error(tmp_path: Path) -> None:
    other = tmp_path / "notes.yaml"
    other.write_text("alpha: 1\nbeta: 2\ngamma: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(other)
    assert len(exc.value.all()) == 1 and len(exc.value.lines()) == 1
