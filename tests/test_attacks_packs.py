"""Attacks on rule packs and configurations (issues 13, 19, 20): every one is a clear
error naming the file (exit code 2) or a warning, in bounded time and memory, and no
error prints the content of a file that is not a pack.

Inputs that used to hang or exhaust memory run in a subprocess with a timeout, so a
regression fails the test instead of stalling the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawlint.checks import kinds
from lawlint.checks.backtrack import backtracking_problem
from lawlint.cli.main import main
from lawlint.config.loader import glob_regex
from lawlint.errors import PackError
from lawlint.packs import yamlio
from lawlint.packs.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent
REPORT = "云溪县2024年法治政府建设年度报告\n坚持依法 行政,推进建设。\n"
SECRET = "SECRETHASH"
SHADOW = f"root:{SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
PACK = """\
pack: my-province
rules:
  - id: my-rule
    kind: phrase
    severity: warning
    message: 使用了“{match}”
    words: [督查整改]
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (discovery stops at its .git) holding one report, as the cwd."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "r.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def check(*args: str) -> tuple[int, str, str]:
    """``lawlint check --format json ARGS`` in this process: exit code, stdout, stderr."""
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    return result.exit_code, result.stdout, result.stderr


def check_process(cwd: Path, *args: str, timeout: float = 60) -> tuple[int, str, str]:
    """The same in a fresh process, killed after ``timeout`` seconds."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lawlint", "check", "--format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
    )
    return done.returncode, done.stdout, done.stderr


def one_error(code: int, out: str, err: str) -> str:
    """The single error line of a run that must have failed with exit code 2."""
    assert code == 2, (code, out, err)
    assert out == "" and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lawlint: "), err
    return lines[0]


# -- issue 19 #1: extends names files only inside the configuration's folder ----------------
@pytest.mark.parametrize("how", ["absolute", "dotdot", "link"])
def test_extends_outside_the_configuration_folder_is_refused_unread(
    repo: Path, tmp_path: Path, how: str
) -> None:
    shadow = tmp_path / "outside" / "shadow"
    shadow.parent.mkdir()
    shadow.write_text(SHADOW, encoding="utf-8")
    name = {"absolute": str(shadow), "dotdot": "../outside/shadow", "link": "packs/p.yaml"}[how]
    if how == "link":
        (repo / "packs").mkdir()
        (repo / "packs" / "p.yaml").symlink_to(shadow)
    (repo / ".lawlint.yaml").write_text(f"extends: [default, {name}]\n", encoding="utf-8")
    line = one_error(*check("r.txt"))
    assert line.startswith("lawlint: .lawlint.yaml:1 [key extends.1]: extends 只能指定本配置所在")
    assert f"'extends' may only name packs in this configuration's folder or below ({name}" in line
    assert "--pack" in line and SECRET not in line


def test_a_file_that_is_no_pack_is_never_quoted(repo: Path, tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    shadow.write_text(SHADOW, encoding="utf-8")
    # named on the command line, lawlint reads it, but says only that it is no pack
    line = one_error(*check("r.txt", "--pack", str(shadow)))
    assert line == (
        f"lawlint: {shadow}:1 [key pack]: 缺少或无效的 pack 名称（小写字母、数字和连字符）"
        " / missing or invalid 'pack' name (lowercase letters, digits, hyphens)"
    )
    # inside the configuration's folder (allowed) it is the same
    (repo / "shadow").write_text(SHADOW, encoding="utf-8")
    (repo / ".lawlint.yaml").write_text("extends: [default, ./shadow]\n", encoding="utf-8")
    assert SECRET not in one_error(*check("r.txt"))
    # as a configuration: the unknown 'key' (the line) is not quoted either
    line = one_error(*check("r.txt", "--config", str(shadow)))
    assert line.startswith(f"lawlint: {shadow}:1 [key (…)]: 未知的配置键 (…)")
    assert SECRET not in line


def test_yaml_errors_never_echo_the_file(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "token.txt"
    secret.write_text(f"token = '{SECRET}'\n\tindented: {SECRET}\n", encoding="utf-8")
    line = one_error(*check("r.txt", "--pack", str(secret)))
    assert line.startswith(f"lawlint: {secret}:2: YAML 语法错误：") and SECRET not in line
    # the pure-Python loader quotes what it found ('found undefined alias ...'): left out
    monkeypatch.setattr(yamlio, "safe_loader", lambda: __import__("yaml").SafeLoader)
    yamlio._checked_loader.cache_clear()
    try:
        with pytest.raises(PackError) as exc:
            yamlio._parse(f"a: *{SECRET}\n", "x.yaml", PackError)
    finally:
        yamlio._checked_loader.cache_clear()
    assert str(exc.value) == (
        "x.yaml:1: YAML 语法错误：found undefined alias … / "
        "YAML syntax error: found undefined alias …"
    )


def test_a_pack_inside_the_folder_still_works(repo: Path) -> None:
    (repo / "packs").mkdir()
    (repo / "packs" / "p.yaml").write_text(PACK, encoding="utf-8")
    (repo / "r.txt").write_text(REPORT + "完成督查整改3项。\n", encoding="utf-8")
    (repo / ".lawlint.yaml").write_text("extends: [packs/p.yaml]\n", encoding="utf-8")
    code, out, _ = check("r.txt")
    assert code == 0 and '"rule": "my-rule"' in out and '"line": 3' in out  # a warning


# -- issue 13: extends cycles, URLs, missing files, folders ---------------------------------
@pytest.mark.parametrize(
    "extends, files, message",
    [
        (
            "[.lawlint.yaml]",
            {},
            "'extends' names this configuration itself: it names rule packs only",
        ),
        (
            "[sub/.lawlint.yaml]",
            {"sub/.lawlint.yaml": "extends: [default]\nselect: [gb-typography]\n"},
            None,  # loaded as a pack: it says it is a configuration
        ),
        (
            "[http://example.com/pack.yaml]",
            {},
            "'extends' cannot name a URL: lawlint never downloads anything",
        ),
        ("[packs/none.yaml]", {}, "rule pack file not found"),
        ("[packs/]", {"packs/p.yaml": PACK}, "'extends' names a folder, not a pack file"),
    ],
    ids=["itself", "another-configuration", "url", "missing", "folder"],
)
def test_extends_errors(
    repo: Path, extends: str, files: dict[str, str], message: str | None
) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    (repo / ".lawlint.yaml").write_text(f"extends: {extends}\n", encoding="utf-8")
    line = one_error(*check("r.txt"))
    if message is None:
        assert line == (
            f"lawlint: {repo}/sub/.lawlint.yaml:1: 这是 lawlint 配置文件，不是规则包："
            "extends 只能指定规则包（配置之间不能继承） / "
            "this is a lawlint configuration, not a rule pack: 'extends' names rule packs "
            "only (configurations do not extend each other)"
        )
    else:
        assert line.startswith("lawlint: .lawlint.yaml:1 [key extends.0]: ") and message in line


@pytest.mark.parametrize(
    "option, zh, en",
    [("--pack", "规则包", "the rule pack"), ("--config", "配置", "the configuration")],
)
def test_command_line_url_and_folder(repo: Path, option: str, zh: str, en: str) -> None:
    line = one_error(*check("r.txt", option, "https://example.com/p.yaml"))
    assert line.endswith(f"{en} must be a local file: lawlint never downloads anything")
    (repo / "packs").mkdir()
    line = one_error(*check("r.txt", option, "packs"))
    assert line == f"lawlint: packs: {zh}是文件夹，不是文件 / {en} is a folder, not a file"


# -- issue 20: size limits; devices and pipes never read -----------------------------------
@pytest.mark.parametrize("option", ["--pack", "--config"])
def test_dev_zero_a_pipe_and_a_huge_file(repo: Path, tmp_path: Path, option: str) -> None:
    what = "rule pack" if option == "--pack" else "configuration"
    code, out, err = check_process(repo, "r.txt", option, "/dev/zero", timeout=30)
    assert one_error(code, out, err).endswith(
        f"/dev/zero: {'规则包' if option == '--pack' else '配置'}不是普通文件（设备、管道或套接字）"
        f" / the {what} is not a regular file (a device, pipe or socket)"
    )
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)  # nobody writes: opening it for reading must not wait
    code, out, err = check_process(repo, "r.txt", option, str(fifo), timeout=30)
    assert f"the {what} is not a regular file" in one_error(code, out, err)
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(200 << 20)  # 200 MB, sparse: only 1 MB + 1 byte of it is ever read
    line = one_error(*check("r.txt", option, str(big)))
    assert line.endswith(f"the {what} file is larger than the 1 MB limit")


# -- issue 19 #2, issue 13: alias bombs, huge anchors, tags ---------------------------------
def laughs(depth: int = 9) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, depth + 1):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]")
    return "\n".join(lines)


def test_billion_laughs_section_name_is_refused_at_once(repo: Path) -> None:
    pack = (
        "pack: bomb\n"
        "description:\n"
        + "".join(f"  {line}\n" for line in laughs().splitlines())
        + "sections:\n  - key: measures\n    name: *l9\n"
        + PACK.split("\n", 1)[1]
    )
    (repo / "bomb.yaml").write_text(pack, encoding="utf-8")
    code, out, err = check_process(repo, "r.txt", "--pack", "bomb.yaml", timeout=30)
    assert one_error(code, out, err) == (
        "lawlint: bomb.yaml:3: YAML 别名（*名称）只能重复字符串或数字，不能重复列表或映射"
        "（防止“十亿笑声”式的无限展开） / a YAML alias (*name) may repeat a string or a "
        "number, not a list or a mapping (no 'billion laughs' expansion)"
    )


@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "a: &a [*a]\n",
            1,
            "a YAML alias (*name) may repeat a string or a number, not a list or a mapping",
        ),
        (
            "a: &a '" + "x" * 600_000 + "'\nb: [*a]\n",
            1,  # the anchor's line
            "more than 1048576 characters of text once aliases are expanded",
        ),
        ("a: !!python/object:os.system x\n", 1, "YAML tag !!python/object is not allowed"),
        ("a: !!python/name:os.system\n", 1, "YAML tag !!python/name is not allowed"),
        ("a: !!python/object/apply:os.system [ls]\n", 1, "YAML tag !!python/object/apply is"),
        ("a: !custom x\n", 1, "YAML tag !custom is not allowed"),
        ("a: 1\nreport-year: 2024-13-45\n", 2, "invalid YAML value"),
        ("a: !!int abc\n", 1, "invalid YAML value"),
    ],
    ids=["recursive", "huge-anchor", "object", "name", "apply", "local-tag", "date", "int"],
)
@pytest.mark.parametrize("as_", ["--pack", "--config"])
def test_yaml_that_is_not_plain_data(
    repo: Path, text: str, line: int, message: str, as_: str
) -> None:
    (repo / "x.yaml").write_text(text, encoding="utf-8")
    out = one_error(*check("r.txt", as_, "x.yaml"))
    assert out.startswith(f"lawlint: x.yaml:{line}: ") and message in out


@pytest.mark.parametrize("field", ["description", "title"])
def test_string_fields_are_type_checked(repo: Path, field: str) -> None:
    (repo / "p.yaml").write_text(PACK + f"{field}: [1, 2]\n", encoding="utf-8")
    line = one_error(*check("r.txt", "--pack", "p.yaml"))
    assert (
        line == f"lawlint: p.yaml:8 [key {field}]: {field} 应为字符串 / '{field}' must be a string"
    )
    text = PACK.replace("rules:", "sections:\n  - key: extra\n    name: {a: 1}\nrules:")
    (repo / "p.yaml").write_text(text, encoding="utf-8")
    assert one_error(*check("r.txt", "--pack", "p.yaml")) == (
        "lawlint: p.yaml:4 [key sections.0.name]: section 的 name 应为字符串"
        " / a section's 'name' must be a string"
    )


def test_string_aliases_still_load() -> None:
    """The built-in fazhi-content pack shares one 'figure' regex by an anchor."""
    pack = load_pack(ROOT / "rules" / "fazhi-content.yaml")
    figures = {r.raw_options.get("figure") for r in pack.rules if "figure" in r.raw_options}
    assert len(figures) == 1 and None not in figures


# -- issue 19 #3, #4: message templates -----------------------------------------------------
@pytest.mark.parametrize(
    "template, shown",
    [
        ("{match:d}", "{match:d}"),
        ("{match!r}", "{match!r}"),
        ("{match:>2000000000}", "{match:>2000000000}"),
    ],
)
def test_template_with_format_or_conversion_is_refused(
    repo: Path, template: str, shown: str
) -> None:
    (repo / "p.yaml").write_text(PACK.replace("“{match}”", template), encoding="utf-8")
    assert one_error(*check("r.txt", "--pack", "p.yaml")) == (
        "lawlint: p.yaml:6 [rule my-rule, key rules.0.message]: message 中的占位符只能是 {字段}，"
        f"不能带格式或转换（{shown}） / a message placeholder must be a plain {{field}}, "
        f"without a format spec or conversion ({shown})"
    )


@pytest.mark.parametrize("template", ["{0}", "{match.attr}", "{match[0]}", "{}"])
def test_template_with_other_fields_is_refused(repo: Path, template: str) -> None:
    (repo / "p.yaml").write_text(PACK.replace("“{match}”", template), encoding="utf-8")
    line = one_error(*check("r.txt", "--pack", "p.yaml"))
    assert line.startswith("lawlint: p.yaml:6 [rule my-rule, key rules.0.message]: message 中的 ")
    assert f"message field {template} is not provided by this kind (known: {{match}})" in line


# -- issue 19 #5, issue 13: catastrophic backtracking ---------------------------------------
CATASTROPHIC = [r"(a+)+$", r"(a|a)*b", r"(a*)*$", r"(\w+\s?)+$"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_pattern_is_refused_at_load(repo: Path, pattern: str) -> None:
    (repo / "r.txt").write_text(REPORT + "a" * 28 + "b\n" + "a" * 28 + "!\n", encoding="utf-8")
    text = PACK.replace("words: [督查整改]", f"patterns: ['{pattern}']")
    (repo / "p.yaml").write_text(text, encoding="utf-8")
    code, out, err = check_process(repo, "r.txt", "--pack", "p.yaml", timeout=60)
    line = one_error(code, out, err)
    assert line.startswith(
        "lawlint: p.yaml:7 [rule my-rule, key rules.0.patterns]: "
        f"选项值无效：正则表达式 {pattern!r} 可能发生灾难性回溯："
    )
    assert f" / invalid option value: regex {pattern!r} can backtrack catastrophically: " in line
    assert "rewrite" in line or "make the alternatives" in line


def test_catastrophic_pattern_in_configuration_override_is_refused(repo: Path) -> None:
    (repo / ".lawlint.yaml").write_text(
        "rules:\n  abbreviated-year: {patterns: ['(\\d+\\s?)+年']}\n", encoding="utf-8"
    )
    line = one_error(*check("r.txt"))
    assert line.startswith(
        "lawlint: .lawlint.yaml:2 [rule abbreviated-year, key rules.abbreviated-year.patterns]: "
    )
    assert "can backtrack catastrophically" in line


@pytest.mark.parametrize(
    "pattern, refused",
    [
        (r"(a|aa)+", True),
        (r"(\d{1,3})+", True),
        (r"(.*a){20}", True),
        (r"(?:\s*\d+)+", True),
        (r"(?i)(?:[A-Z]+a?)+!", True),
        (r"((ab)*)+", True),
        (r"(a{1,10}){1,10}$", True),  # 10^10 ways to cut 100 a's
        (r".*.*x", True),
        (r"\d+\d+\d+x", True),
        (r"关于.*的.*通知", True),
        (r"(?:a\d+)*\d+", True),
        (r"关于[^的]*的.*通知", False),
        (r"\s*年?\s*[)）]?\s*》", False),  # only whitespace shared, as built-in packs do
        (r"(a{1,5}){1,5}", False),
        (r"(ab|cd){50}", False),
        (r"(\d+,)+", False),
        (r"(?:\d{1,3},)*\d+", False),
        (r"(第[一二三]条|第[四五]款)+", False),
        (r"(?>a+)+", False),
        (r"(a++)+", False),
        (r"(\w|\d)+", False),  # one character class to re
        (r"(同时|[^，。；]{0,10}看到){0,2}", False),  # bounded work at each position
    ],
)
def test_backtracking_analysis(pattern: str, refused: bool) -> None:
    assert (backtracking_problem(pattern) is not None) is refused


def test_no_built_in_or_example_pattern_is_refused() -> None:
    patterns: list[str] = []
    for path in [*sorted((ROOT / "rules").glob("*.yaml")), ROOT / "examples/province-pack.yaml"]:
        pack = load_pack(path)  # would raise on a refused pattern
        for spec in pack.sections:
            patterns += [
                p.pattern
                for p in (*spec.heading, *spec.content, *spec.content_anywhere, *spec.cited_titles)
            ]
        for rule in pack.rules:
            for name, option in kinds()[rule.kind].options.items():
                value = rule.raw_options.get(name)
                if option.type == "regex" and value:
                    patterns.append(value)
                elif option.type == "regex-list" and value:
                    patterns += value
    assert len(patterns) > 60
    assert [p for p in patterns if backtracking_problem(p) is not None] == []


# -- issue 19 #9: configurations of the wrong shape -----------------------------------------
@pytest.mark.parametrize(
    "name, text, expected",
    [
        (
            "pyproject.toml",
            'tool = "lawlint"\n',
            "pyproject.toml [key tool]: tool 应为表 [tool] / 'tool' must be a table [tool]",
        ),
        (
            "pyproject.toml",
            '[tool]\nlawlint = "on"\n',
            "pyproject.toml [key tool.lawlint]: 配置应为映射（键: 值） / "
            "a configuration must be a mapping of keys",
        ),
        (
            "pyproject.toml",
            "[tool]\nlawlint = [1, 2]\n",
            "pyproject.toml [key tool.lawlint]: 配置应为映射",
        ),
        (".lawlint.yaml", "- select\n- ignore\n", ".lawlint.yaml: 配置应为映射（键: 值）"),
        (".lawlint.yaml", "just words\n", ".lawlint.yaml: 配置应为映射（键: 值）"),
    ],
)
@pytest.mark.parametrize("found", [True, False], ids=["discovered", "--config"])
def test_configuration_of_the_wrong_shape(
    repo: Path, name: str, text: str, expected: str, found: bool
) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    args = ("r.txt",) if found else ("r.txt", "--config", name)
    assert one_error(*check(*args)).startswith(f"lawlint: {expected}")


# -- issue 20: linear-time globs -------------------------------------------------------------
def test_exclude_glob_is_linear(repo: Path) -> None:
    name = "a" * 40 + ".txt"
    (repo / name).write_text(REPORT, encoding="utf-8")
    (repo / ".lawlint.yaml").write_text(
        "select: [gb-typography]\nexclude: ['*a*a*a*a*a*a*b', '**a**a**a**a**a**b']\n",
        encoding="utf-8",
    )
    code, out, err = check_process(repo, name, timeout=30)
    assert code == 0 and f'"path": "{name}"' in out and '"rule": "cjk-space"' in out, err
    assert glob_regex("*a*a*a*a*a*a*b").fullmatch("a" * 4000 + "b")
    assert not glob_regex("*a*a*a*a*a*a*b").fullmatch("a" * 4000 + "/b")
    assert glob_regex("x/**/*a*a*b").fullmatch("x/" + "a/" * 2000 + "aab")


def test_overlong_glob_is_refused(repo: Path) -> None:
    (repo / ".lawlint.yaml").write_text(f"exclude: ['{'*a' * 501}']\n", encoding="utf-8")
    assert one_error(*check("r.txt")) == (
        "lawlint: .lawlint.yaml:1 [key exclude.0]: glob 超过 1000 个字符"
        " / a glob longer than 1000 characters"
    )


# -- issue 20: configurations planted by other users ----------------------------------------
EXCLUDE_ALL = "exclude: ['**']\n"
WARNING = (
    "警告：该配置文件属于其他用户或可被其他用户写入，已忽略 / warning: this configuration "
    "file belongs to another user or is writable by others; ignored"
)


@pytest.mark.parametrize("name", [".lawlint.yaml", "pyproject.toml"])
@pytest.mark.parametrize("how", ["other-owner", "world-writable"])
def test_planted_configuration_is_ignored_with_a_warning(repo: Path, name: str, how: str) -> None:
    if how == "other-owner" and os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    text = EXCLUDE_ALL if name == ".lawlint.yaml" else '[tool.lawlint]\nexclude = ["**"]\n'
    planted = repo / name
    planted.write_text(text, encoding="utf-8")
    if how == "other-owner":
        os.chown(planted, 54321, 54321)
    else:
        planted.chmod(0o666)
    (repo / "towns").mkdir()
    (repo / "towns" / "r.txt").write_text(REPORT, encoding="utf-8")
    code, out, err = check("towns/r.txt")
    assert code == 1 and '"rule": "section-missing"' in out  # linted: exclude not applied
    assert err == f"lawlint: {planted}: {WARNING}\n"
    # named with --config it is the user's own choice: used
    # (everything excluded: nothing to check, allowed here; issue 17)
    code, out, err = check("towns/r.txt", "--config", name, "--allow-empty")
    assert (code, out.strip(), err) == (0, "[]", "")


def test_own_group_writable_configuration_is_used(repo: Path) -> None:
    (repo / ".lawlint.yaml").write_text(EXCLUDE_ALL, encoding="utf-8")
    (repo / ".lawlint.yaml").chmod(0o664)  # umask 002: per-user groups
    assert check("r.txt", "--allow-empty") == (0, "[]\n", "")  # excluded: nothing checked


def test_overlong_regex_is_refused(repo: Path) -> None:
    text = PACK.replace("words: [督查整改]", f"patterns: ['{'督' * 10_001}']")
    (repo / "p.yaml").write_text(text, encoding="utf-8")
    assert one_error(*check("r.txt", "--pack", "p.yaml")) == (
        "lawlint: p.yaml:7 [rule my-rule, key rules.0.patterns]: 选项值无效：正则表达式超过 "
        "10000 个字符 / invalid option value: a regex longer than 10000 characters"
    )


@pytest.mark.parametrize("how", ["other-owner", "world-writable"])
def test_planted_pack_named_by_extends_is_refused(repo: Path, how: str) -> None:
    if how == "other-owner" and os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    (repo / "packs").mkdir()
    pack = repo / "packs" / "p.yaml"
    pack.write_text(PACK, encoding="utf-8")
    if how == "other-owner":
        os.chown(pack, 54321, 54321)
    else:
        pack.chmod(0o666)
    (repo / ".lawlint.yaml").write_text("extends: [default, packs/p.yaml]\n", encoding="utf-8")
    assert one_error(*check("r.txt")) == (
        "lawlint: .lawlint.yaml:1 [key extends.1]: 规则包文件属于其他用户或可被其他用户写入，"
        f"不予使用：{pack}（确需使用请用命令行 --pack 指定） / the pack file belongs to another "
        f"user or is writable by others, so it is not used: {pack} (give it with --pack to "
        "use it anyway)"
    )
    (repo / ".lawlint.yaml").unlink()
    (repo / "r.txt").write_text(REPORT + "完成督查整改3项。\n", encoding="utf-8")
    code, out, err = check("r.txt", "--pack", "packs/p.yaml")  # the user's own choice
    assert code == 1 and err == "" and '"rule": "my-rule"' in out
