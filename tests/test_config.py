"""Configuration: discovery order, precedence (command line over configuration, nearest
configuration wins), every key, per-file globs, exclude, and errors naming the file
and the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from htmltree import parse

from lawlint.cli.main import main
from lawlint.config.loader import ConfigError, glob_regex, load_config
from lawlint.lint.workspace import CommandLine, Workspace

TITLE = "云溪县2024年法治政府建设年度报告\n"
# cjk-space (warning) at 2:5, halfwidth-punct (warning) at 2:8, and the four
# section-missing errors at 1:1 under the default configuration.
REPORT = TITLE + "坚持依法 行政,推进建设。\n"
TYPO = "select: [gb-typography]\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it has .git, so discovery stops here) as the cwd."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["check", "--format", "json", *args], input=input)


def found(*args: str, input: str | None = None) -> list[tuple[str, str, int, int, str]]:
    result = run(*args, input=input)
    assert result.exit_code in (0, 1), result.output
    return [
        (Path(i["path"]).as_posix(), i["rule"], i["line"], i["column"], i["severity"])
        for i in json.loads(result.stdout)
    ]


def rules_of(*args: str, input: str | None = None) -> list[tuple[str, str]]:
    return [(path, rule) for path, rule, *_ in found(*args, input=input)]


# -- discovery -----------------------------------------------------------------------------
def test_no_configuration_means_the_defaults(repo: Path) -> None:
    write(repo, {"r.txt": REPORT})
    rules = {r for _, r in rules_of("r.txt")}
    assert {"section-missing", "cjk-space", "halfwidth-punct", "topic-missing"} <= rules


def test_nearest_configuration_wins_per_folder(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": TYPO + "ignore: [cjk-space]\n",
            "county/r.txt": REPORT,
            "towns/qinghe/.lawlint.yaml": TYPO + "ignore: [halfwidth-punct]\n",
            "towns/qinghe/r.txt": REPORT,
            "towns/qinghe/sub/r.txt": REPORT,
        },
    )
    assert rules_of(".") == [
        ("county/r.txt", "halfwidth-punct"),
        ("towns/qinghe/r.txt", "cjk-space"),
        ("towns/qinghe/sub/r.txt", "cjk-space"),
    ]


def test_one_linter_per_distinct_configuration(repo: Path) -> None:
    write(repo, {".lawlint.yaml": TYPO, "a/r.txt": REPORT, "b/r.txt": REPORT, "c/.lawlint.yml": ""})
    ws = Workspace()
    jobs = ws.jobs(["a/r.txt", "b/r.txt", "c/r.txt"])
    assert jobs[0][1] is jobs[1][1] and jobs[2][1] is not jobs[0][1]
    assert jobs[2][1].config.path == "c/.lawlint.yml"


def test_file_order_in_one_folder(repo: Path) -> None:
    """.lawlint.yaml, then .lawlint.yml, then pyproject.toml's [tool.lawlint]."""
    write(
        repo,
        {
            ".lawlint.yaml": "ignore: [cjk-space]\n" + TYPO,
            ".lawlint.yml": "ignore: [halfwidth-punct]\n" + TYPO,
            "pyproject.toml": '[tool.lawlint]\nselect = ["trailing-space"]\n',
            "r.txt": REPORT,
        },
    )
    assert rules_of("r.txt") == [("r.txt", "halfwidth-punct")]
    (repo / ".lawlint.yaml").unlink()
    assert rules_of("r.txt") == [("r.txt", "cjk-space")]
    (repo / ".lawlint.yml").unlink()
    assert rules_of("r.txt") == []  # only trailing-space runs


def test_pyproject_without_a_lawlint_table_is_passed_over(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": TYPO + "ignore: [cjk-space]\n",
            "sub/pyproject.toml": "[tool.ruff]\nline-length = 100\n# not about lawlint: [[\n",
            "sub/r.txt": REPORT,
        },
    )
    assert rules_of("sub/r.txt") == [("sub/r.txt", "halfwidth-punct")]


def test_pyproject_tool_lawlint(repo: Path) -> None:
    write(
        repo,
        {
            "pyproject.toml": (
                '[project]\nname = "reports"\n\n[tool.lawlint]\nselect = ["gb-typography"]\n'
                '[tool.lawlint.rules]\ncjk-space = "off"\nhalfwidth-punct = "error"\n'
            ),
            "r.txt": REPORT,
        },
    )
    assert found("r.txt") == [("r.txt", "halfwidth-punct", 2, 8, "error")]


def test_discovery_stops_at_the_repository_root(repo: Path) -> None:
    write(repo.parent, {".lawlint.yaml": "select: [nosuch]\n"})  # above the root: unused
    write(repo, {"r.txt": REPORT})
    assert ("r.txt", "section-missing") in rules_of("r.txt")


def test_config_option_beats_discovery(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": TYPO + "ignore: [cjk-space]\n",
            "other/ci.yaml": TYPO + "ignore: [halfwidth-punct]\n",
            "r.txt": REPORT,
        },
    )
    assert rules_of("r.txt", "--config", "other/ci.yaml") == [("r.txt", "cjk-space")]


def test_stdin_uses_the_configuration_of_its_filename(repo: Path) -> None:
    write(repo, {"towns/.lawlint.yaml": TYPO + "ignore: [cjk-space]\n"})
    assert found("-", input=REPORT) != found("-", "--stdin-filename", "towns/r.txt", input=REPORT)
    assert rules_of("-", "--stdin-filename", "towns/r.txt", input=REPORT) == [
        ("towns/r.txt", "halfwidth-punct")
    ]


# -- precedence ----------------------------------------------------------------------------
def test_cli_select_replaces_config_select_and_ignore_adds(repo: Path) -> None:
    write(repo, {".lawlint.yaml": "select: [title-format]\nignore: [cjk-space]\n", "r.txt": REPORT})
    assert rules_of("r.txt") == []
    assert rules_of("r.txt", "--select", "gb-typography") == [("r.txt", "halfwidth-punct")]
    assert rules_of("r.txt", "--select", "gb-typography", "--ignore", "halfwidth-punct") == []


def test_a_rule_named_on_the_command_line_runs_whatever_the_config_says(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": (
                "ignore: [cjk-space]\nrules: {halfwidth-punct: off}\n"
                "per-file: {'*.txt': {ignore: [trailing-space]}}\n"
            ),
            "r.txt": REPORT.replace("。\n", "。 \n"),
        },
    )
    assert rules_of("r.txt", "--select", "gb-typography") == []
    assert rules_of("r.txt", "--select", "cjk-space,halfwidth-punct,trailing-space") == [
        ("r.txt", "cjk-space"),
        ("r.txt", "halfwidth-punct"),
        ("r.txt", "trailing-space"),
    ]


def test_fail_on_config_and_cli(repo: Path) -> None:
    write(repo, {"warn/.lawlint.yaml": TYPO + "fail-on: warning\n", "warn/r.txt": REPORT})
    write(repo, {"ok/.lawlint.yaml": TYPO, "ok/r.txt": REPORT})
    assert run("ok/r.txt").exit_code == 0  # warnings only, default fail-on error
    assert run("warn/r.txt").exit_code == 1  # the configuration's fail-on: warning
    assert run("warn/r.txt", "--fail-on", "error").exit_code == 0  # the flag wins
    assert run("ok/r.txt", "--fail-on", "warning").exit_code == 1
    assert run("ok/r.txt", "warn/r.txt").exit_code == 1  # each file by its own configuration


def test_fail_on_info(repo: Path) -> None:
    write(repo, {".lawlint.yaml": "select: [trailing-space]\nfail-on: info\n"})
    write(repo, {"r.txt": TITLE + "坚持依法行政。 \n"})
    assert found("r.txt") == [("r.txt", "trailing-space", 2, 8, "info")]
    assert run("r.txt").exit_code == 1
    assert run("r.txt", "--fail-on", "warning").exit_code == 0


# -- rules ---------------------------------------------------------------------------------
def test_rule_off_severity_and_options(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": (
                "select: [gb-typography, title-format]\n"
                "rules:\n"
                "  cjk-space: info\n"
                "  halfwidth-punct: {severity: error, marks: ';'}\n"
                "  heading-marker: off\n"
                "  title-format: {forbidden: [总结, 情况]}\n"
            ),
            "r.txt": (
                "云溪县2024年法治政府建设情况报告\n坚持依法 行政,推进建设;加强监督。\n1、加强领导\n"
            ),
        },
    )
    assert found("r.txt") == [
        ("r.txt", "title-format", 1, 15, "error"),
        ("r.txt", "cjk-space", 2, 5, "info"),
        ("r.txt", "halfwidth-punct", 2, 13, "error"),
    ]


def test_section_missing_required_can_be_narrowed(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": "rules: {section-missing: {required: [measures, plans]}}\n",
            "r.txt": TITLE + "一、主要举措和成效\n审核文件12件。\n",
        },
    )
    result = run("r.txt", "--select", "section-missing")
    items = json.loads(result.stdout)
    assert [(i["rule"], i["data"]) for i in items] == [("section-missing", {"section": "plans"})]


def test_level_and_report_year_reach_the_checks(repo: Path, monkeypatch) -> None:
    write(repo, {".lawlint.yaml": "level: county\nreport-year: 2023\n", "r.txt": REPORT})
    profile = Workspace().profile_for("r.txt")
    seen = []
    check = profile.linter.checks[0]
    monkeypatch.setattr(check, "check", lambda ctx: seen.append(ctx) or iter(()))
    profile.linter.lint_path("r.txt")
    assert (seen[0].level, seen[0].report_year, seen[0].doc.report_year) == ("county", 2023, 2024)


def test_report_year_reaches_the_batch_overview(repo: Path) -> None:
    """No year in the title: the configured year makes "2024年重点工作" the plans, in
    the HTML overview's parts and figures as in section-missing."""
    report = (
        "云溪县法治政府建设年度报告\n一、坚持依法行政\n审核12件。\n二、2024年重点工作\n培训3次。\n"
    )
    write(repo, {".lawlint.yaml": "report-year: 2023\n", "r.txt": report})
    result = CliRunner().invoke(main, ["check", "--format", "html", "-o", "r.html", "r.txt"])
    assert result.exit_code == 1, result.output
    row = parse((repo / "r.html").read_text(encoding="utf-8")).by_id("overview-table")
    cells = row.find("tbody").find("tr").find_all("td")
    assert cells[6].text.startswith("2/4缺：") and "下一年度" not in cells[6].text
    assert cells[7].text == "100% (1/1)"


def test_extends_chooses_packs(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": "extends: [gb-typography, packs/extra.yaml]\n",
            "packs/extra.yaml": (
                "pack: extra\nrules:\n  - id: avoid-jiben\n    kind: phrase\n"
                "    severity: info\n    message: 避免“{match}”\n    words: [推进]\n"
            ),
            "r.txt": REPORT,
        },
    )
    assert found("r.txt") == [
        ("r.txt", "cjk-space", 2, 5, "warning"),
        ("r.txt", "halfwidth-punct", 2, 8, "warning"),
        ("r.txt", "avoid-jiben", 2, 9, "info"),
    ]


# -- per-file and exclude ------------------------------------------------------------------
@pytest.mark.parametrize(
    "pattern, path, matches",
    [
        ("*.txt", "r.txt", True),
        ("*.txt", "towns/a/r.txt", True),
        ("towns/*.txt", "towns/r.txt", True),
        ("towns/*.txt", "towns/a/r.txt", False),
        ("towns/*.txt", "x/towns/r.txt", False),
        ("towns/**/*.txt", "towns/a/b/r.txt", True),
        ("towns/**/*.txt", "towns/r.txt", True),
        ("archive", "x/archive/2019/r.txt", True),
        ("archive/", "archive/r.md", True),
        ("/archive", "x/archive/r.md", False),
        ("r?.md", "r1.md", True),
        ("r[0-9].md", "ra.md", False),
        ("*2023*", "towns/青禾镇2023年报告.txt", True),
    ],
)
def test_glob(pattern: str, path: str, matches: bool) -> None:
    assert bool(glob_regex(pattern).fullmatch(path)) is matches


def test_per_file_ignore_and_severity(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": (
                TYPO + "per-file:\n"
                "  'towns/*.txt': {ignore: [cjk-space], severity: {halfwidth-punct: info}}\n"
                "  drafts: {severity: info}\n"
                "  '*.md': {ignore: [gb-typography]}\n"
            ),
            "county.txt": REPORT,
            "towns/r.txt": REPORT,
            "towns/r.md": REPORT,
            "drafts/r.txt": REPORT,
        },
    )
    assert found(".") == [
        ("county.txt", "cjk-space", 2, 5, "warning"),
        ("county.txt", "halfwidth-punct", 2, 8, "warning"),
        ("drafts/r.txt", "cjk-space", 2, 5, "info"),
        ("drafts/r.txt", "halfwidth-punct", 2, 8, "info"),
        ("towns/r.txt", "halfwidth-punct", 2, 8, "info"),
    ]


def test_per_file_globs_are_relative_to_the_configuration(repo: Path) -> None:
    write(
        repo,
        {
            "ci/lawlint.yaml": TYPO + "per-file: {'towns/*': {ignore: [cjk-space]}}\n",
            "towns/r.txt": REPORT,
            "ci/towns/r.txt": REPORT,
        },
    )
    assert rules_of("towns/r.txt", "ci/towns/r.txt", "--config", "ci/lawlint.yaml") == [
        ("towns/r.txt", "cjk-space"),
        ("towns/r.txt", "halfwidth-punct"),
        ("ci/towns/r.txt", "halfwidth-punct"),
    ]


def test_exclude_applies_to_found_and_named_files(repo: Path) -> None:
    write(
        repo,
        {
            ".lawlint.yaml": TYPO + "exclude: [archive/, '*.bak.txt']\n",
            "r.txt": REPORT,
            "r.bak.txt": REPORT,
            "archive/2019/r.txt": REPORT,
        },
    )
    assert {p for p, _ in rules_of(".")} == {"r.txt"}
    result = run("archive/2019/r.txt", "r.bak.txt")  # nothing left to check: an error
    assert result.exit_code == 2 and "没有要检查的文件" in result.stderr
    result = run("archive/2019/r.txt", "r.bak.txt", "--allow-empty")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    text = CliRunner().invoke(main, ["check", "--allow-empty", "r.bak.txt"]).output
    assert "检查了 0 个文件" in text


# -- errors --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, key, line, words",
    [
        ("select: [gb-typography]\nselcet: [x]\n", "selcet", 2, "unknown configuration key"),
        ("select: gb-typography\n", "select", 1, "list"),
        ("ignore: [nosuch]\n", "ignore.0", 1, "nosuch"),
        ("select:\n  - cjk-space\n  - nosuch\n", "select.1", 3, "nosuch"),
        ("rules:\n  nosuch: off\n", "rules.nosuch", 2, "unknown rule id"),
        ("rules:\n  cjk-space: fatal\n", "rules.cjk-space", 2, "severity"),
        ("rules:\n  cjk-space: 3\n", "rules.cjk-space", 2, "off, a severity"),
        ("rules:\n  cjk-space: {severity: high}\n", "rules.cjk-space.severity", 2, "severity"),
        ("rules:\n  halfwidth-punct:\n    markz: ','\n", "rules.halfwidth-punct.markz", 3, "markz"),
        ("rules:\n  halfwidth-punct: {marks: 3}\n", "rules.halfwidth-punct.marks", 2, "string"),
        (
            "rules:\n  section-missing: {required: [nowhere]}\n",
            "rules.section-missing.required",
            2,
            "nowhere",
        ),
        (
            "rules:\n  unsupported-claim: {skip: [plans, nowhere]}\n",
            "rules.unsupported-claim.skip",
            2,
            "nowhere",
        ),
        ("per-file: [a]\n", "per-file", 1, "per-file"),
        ("per-file:\n  '*.txt': {ignor: [x]}\n", "per-file.*.txt.ignor", 2, "ignor"),
        ("per-file:\n  '*.txt': {ignore: [nosuch]}\n", "per-file.*.txt.ignore.0", 2, "nosuch"),
        (
            "per-file:\n  '*.txt':\n    severity: {nosuch: info}\n",
            "per-file.*.txt.severity.nosuch",
            3,
            "nosuch",
        ),
        ("per-file:\n  '*.txt': {severity: loud}\n", "per-file.*.txt.severity", 2, "severity"),
        ("exclude: archive\n", "exclude", 1, "list"),
        ("level: village\n", "level", 1, "town, county"),
        ("report-year: '2024'\n", "report-year", 1, "four-digit"),
        ("fail-on: fatal\n", "fail-on", 1, "error, warning, info"),
        ("extends: [gb-typografy]\n", "extends.0", 1, "unknown pack"),
        ("extends: [nowhere/pack.yaml]\n", "extends.0", 1, "not found"),
        ("- a\n- b\n", None, None, "mapping"),
    ],
)
def test_invalid_configuration_is_exit_2_naming_file_and_key(
    repo: Path, text: str, key: str | None, line: int | None, words: str
) -> None:
    write(repo, {".lawlint.yaml": text, "r.txt": REPORT})
    with pytest.raises(ConfigError) as exc:
        workspace = Workspace()
        workspace.prepare(profile for _, profile in workspace.jobs(["r.txt"]))
    assert (exc.value.key, exc.value.line) == (key, line)
    where = ".lawlint.yaml" + (f":{line}" if line else "")
    assert str(exc.value).startswith(where)
    assert words in str(exc.value) and " / " in str(exc.value)  # 中文 / English
    result = CliRunner().invoke(main, ["check", "r.txt"])
    assert result.exit_code == 2
    assert result.output.startswith(f"lawlint: {where}") and "Traceback" not in result.output


def test_yaml_and_toml_syntax_errors(repo: Path) -> None:
    write(repo, {".lawlint.yaml": "select: [a\n", "r.txt": REPORT})
    with pytest.raises(ConfigError, match="YAML") as exc:
        Workspace().jobs(["r.txt"])
    assert exc.value.line == 2
    (repo / ".lawlint.yaml").unlink()
    write(repo, {"pyproject.toml": "[tool.lawlint]\nselect = [\n"})
    with pytest.raises(ConfigError, match="TOML"):
        Workspace().jobs(["r.txt"])
    write(repo, {"pyproject.toml": "[tool.lawlint]\nlevel = 'village'\n"})
    with pytest.raises(ConfigError) as exc:
        Workspace().jobs(["r.txt"])
    assert exc.value.key == "tool.lawlint.level"


def test_missing_config_file_and_unknown_cli_id(repo: Path) -> None:
    write(repo, {"r.txt": REPORT})
    result = CliRunner().invoke(main, ["check", "r.txt", "--config", "nope.yaml"])
    assert result.exit_code == 2 and "nope.yaml: 配置文件不存在 / configuration file not found" in (
        result.output
    )
    workspace = Workspace(CommandLine(select=("nosuch",)))
    with pytest.raises(Exception, match="--select"):
        workspace.prepare(profile for _, profile in workspace.jobs(["r.txt"]))
    result = CliRunner().invoke(main, ["check", "r.txt", "--select", "nosuch"])
    assert result.exit_code == 2 and "--select" in result.output


def test_empty_configuration_is_the_defaults(repo: Path) -> None:
    write(repo, {".lawlint.yaml": "# nothing yet\n"})
    config = load_config(repo / ".lawlint.yaml")
    assert config.extends == ("default",) and config.rules == {} and config.fail_on is None


# -- --fix with configurations ---------------------------------------------------------------
def test_fix_uses_each_files_configuration_and_directives(repo: Path) -> None:
    draft = (
        TITLE
        + "坚持依法 行政,推进建设。\n<!-- lawlint-disable-next-line -->\n坚持依法行政,推进。\n"
    )
    write(
        repo,
        {
            ".lawlint.yaml": TYPO + "rules: {cjk-space: off}\nfail-on: warning\n",
            "towns/.lawlint.yaml": TYPO + "per-file: {'*.txt': {ignore: [halfwidth-punct]}}\n",
            "r.txt": draft,
            "towns/r.txt": draft,
        },
    )
    result = CliRunner().invoke(main, ["check", "--fix", "r.txt", "towns/r.txt"])
    assert (repo / "r.txt").read_text(encoding="utf-8") == draft.replace(",推进建设", "，推进建设")
    assert (repo / "towns/r.txt").read_text(encoding="utf-8") == draft.replace(
        "依法 行政", "依法行政"
    )
    assert "Fixed 2 problems in 2 files." in result.output
    # left: only the comma the directive suppresses (neither fixed nor reported)
    assert result.exit_code == 0


def test_fix_exit_code_follows_fail_on(repo: Path) -> None:
    write(repo, {".lawlint.yaml": TYPO + "rules: {unpaired-mark: warning}\nfail-on: warning\n"})
    draft = TITLE + "坚持“依法行政,推进。\n"  # a comma to fix; an unpaired “ that stays
    write(repo, {"r.txt": draft})
    assert CliRunner().invoke(main, ["check", "--fix", "r.txt"]).exit_code == 1
    write(repo, {"r.txt": draft})
    assert (
        CliRunner().invoke(main, ["check", "--fix", "r.txt", "--fail-on", "error"]).exit_code == 0
    )
    assert (repo / "r.txt").read_text(encoding="utf-8") == draft.replace(",", "，")
