"""``lawlint explain`` (a rule as the configuration runs it) and ``lawlint test-pack``
(a pack's examples, for people writing their own packs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from lawlint.cli.main import main

DATA = Path(__file__).parent / "data"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- explain -------------------------------------------------------------------------------
def test_explain_shows_message_source_options_and_examples(here: Path) -> None:
    result = run("explain", "halfwidth-punct")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "halfwidth-punct"
    assert "规则包 pack        gb-typography（" in result.output
    assert "严重程度 severity  警告 warning" in lines
    assert "状态 status        启用 / on" in lines
    assert "  中文文本中使用了半角“{match}”，应改为全角“{replacement}”" in lines
    assert "  GB/T 15834-2011《标点符号用法》：中文文本使用全角标点" in lines
    assert '  marks: ",;:?!()\\"."' in lines
    assert "      str; Which ASCII marks to check." in lines
    bad = lines.index("  ✗ 错误 bad")
    assert lines[bad + 1] == "    我镇坚持依法行政,全面推进法治政府建设。"
    assert "    我镇坚持依法行政，全面推进法治政府建设。" in lines[lines.index("  ✓ 正确 good") :]


def test_explain_shows_the_values_the_configuration_sets(here: Path) -> None:
    (here / ".lawlint.yaml").write_text(
        "rules:\n  halfwidth-punct: {severity: error, marks: ',;'}\n  cjk-space: off\n",
        encoding="utf-8",
    )
    lines = run("explain", "halfwidth-punct").output.splitlines()
    assert (
        "严重程度 severity  错误 error（规则包中为 警告 warning，配置修改 / warning in the pack)"
        in lines
    )
    assert '  marks: ",;"  ← 配置 / config' in lines
    assert "配置 config        .lawlint.yaml" in lines
    off = run("explain", "cjk-space").output
    assert (
        "状态 status        已在配置中关闭（rules: off） / turned off in the configuration" in off
    )
    other = here / "ci.yaml"
    other.write_text("ignore: [gb-typography]\n", encoding="utf-8")
    assert "已被 ignore 排除" in run("explain", "cjk-space", "--config", str(other)).output


def test_explain_a_user_pack_rule_and_a_directive_rule(here: Path) -> None:
    result = run("explain", "avoid-jiben", "--pack", str(DATA / "extra-pack.yaml"))
    assert result.exit_code == 0 and "避免使用“{match}”，请写明具体情况" in result.output
    meta = run("explain", "unknown-directive")
    assert meta.exit_code == 0 and "严重程度 severity  警告 warning" in meta.output


def test_explain_unknown_id_is_exit_2_with_a_suggestion(here: Path) -> None:
    result = run("explain", "halfwidht-punct")
    assert result.exit_code == 2
    assert "未知的规则 id：halfwidht-punct（是否想找：halfwidth-punct" in result.output
    assert "did you mean halfwidth-punct" in result.output


# -- test-pack -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path", [*sorted((ROOT / "rules").glob("*.yaml")), DATA / "extra-pack.yaml"], ids=str
)
def test_test_pack_passes_good_packs(path: Path) -> None:
    result = run("test-pack", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.endswith(" 0 failed.\n")


BROKEN = """\
pack: broken
rules:
  - id: avoid-mubiao
    kind: phrase
    severity: warning
    message: 避免“{match}”
    words: [目标]
    examples:
      bad: [完成年度目标。, 完成年度任务。]
      good: [完成年度任务。, "目标是：\\n完成目标。"]
  - id: no-examples
    kind: phrase
    severity: info
    message: “{match}”
    words: [基本]
"""


def test_test_pack_reports_each_failing_example(tmp_path: Path) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text(BROKEN, encoding="utf-8")
    result = run("test-pack", str(pack))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "FAIL avoid-mubiao bad[1]: 没有发现问题，应至少有一个 / expected at least one finding, "
        "got none",
        "    │ 完成年度任务。",
        "FAIL avoid-mubiao good[1]: 发现了 2 个问题，应为零 / expected no finding, got 2",
        "    │ 目标是：",
        "    │ 完成目标。",
        "    1:1  避免“目标”",
        "    2:3  避免“目标”",
        "提示 note: no-examples 没有示例 / has no examples",
        f"{pack}：2 条规则，4 个示例，2 个不符合预期。",
        f"{pack}: 2 rules, 4 examples, 2 failed.",
    ]


def test_test_pack_on_an_invalid_pack_is_exit_2(tmp_path: Path) -> None:
    pack = tmp_path / "invalid.yaml"
    pack.write_text(BROKEN.replace("kind: phrase", "kind: phrasee", 1), encoding="utf-8")
    result = run("test-pack", str(pack))
    assert result.exit_code == 2
    assert f"{pack}:4 [rule avoid-mubiao, key rules.0.kind]" in result.output
    clash = tmp_path / "clash.yaml"
    clash.write_text(BROKEN.replace("avoid-mubiao", "cjk-space"), encoding="utf-8")
    assert run("test-pack", str(clash)).exit_code == 2
    assert run("test-pack", str(tmp_path / "nope.yaml")).exit_code == 2
