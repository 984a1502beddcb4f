"""``lawlint init``: a commented starter configuration that is valid as written and
with its examples switched on; never overwrites."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from lawlint.cli.main import main
from lawlint.config.loader import STARTER, load_config
from lawlint.lint.workspace import Workspace

PACK = """\
pack: my-province
rules:
  - id: ducha-name
    kind: substitution
    severity: error
    message: “{match}”应为“{replacement}”
    swap: {督查工作规定: 督察工作规定}
"""


def test_init_writes_a_valid_commented_starter(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    target = tmp_path / ".lawlint.yaml"
    assert target.read_text(encoding="utf-8") == STARTER
    config = load_config(target)
    assert config.extends == ("default",) and config.fail_on == "error"
    profile = Workspace(cwd=tmp_path).profile_for(str(tmp_path / "r.txt"))
    assert profile.config.path == ".lawlint.yaml"
    assert not profile.inactive  # as written, the starter changes nothing


def test_the_starters_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "my-province.yaml").write_text(PACK, encoding="utf-8")
    text = re.sub(r"(?m)^(\s*)# (\s*(?:[a-z-]+:|\"[^\"]*\":|- ).*)$", r"\1\2", STARTER)
    assert "\nlevel: county\n" in text and "\n  - rules/my-province.yaml\n" in text
    (tmp_path / ".lawlint.yaml").write_text(text, encoding="utf-8")
    profile = Workspace(cwd=tmp_path).profile(str(tmp_path / ".lawlint.yaml"))
    assert profile.config.level == "county" and profile.config.report_year == 2024
    assert profile.inactive["heading-marker"] == "off"
    assert profile.inactive["trailing-space"] == "ignore"
    assert profile.rule("cjk-space").severity == "info"
    assert "ducha-name" in profile.linter.known_ids


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / ".lawlint.yml").write_text("level: town\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert ".lawlint.yml: 配置已存在，未覆盖" in result.output
    assert "a configuration already exists here; not overwritten" in result.output
    assert (tmp_path / ".lawlint.yml").read_text(encoding="utf-8") == "level: town\n"
    assert not (tmp_path / ".lawlint.yaml").exists()
    assert CliRunner().invoke(main, ["init", str(tmp_path / "nowhere")]).exit_code == 2


def test_init_respects_a_tool_lawlint_table(tmp_path: Path) -> None:
    """A new .lawlint.yaml would silently take precedence over pyproject's table."""
    (tmp_path / "pyproject.toml").write_text('[tool.lawlint]\nfail-on = "warning"\n')
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2 and "pyproject.toml" in result.output
    assert not (tmp_path / ".lawlint.yaml").exists()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
