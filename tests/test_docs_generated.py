"""One documentation source per rule (issue 18): the ``doc:`` of each rule in its pack.

- every built-in rule (and the example pack's) is documented: summary, rationale, what it
  does not flag, fix safety — and the fix text tells the truth about what ``--fix`` does;
- ``docs/rules/`` and the README's rule list are what ``scripts/gendocs.py`` renders
  from the packs now (rendered in memory and compared: stale files fail, naming the
  command that regenerates them);
- ``lawlint explain`` prints the same doc; the loader checks ``doc:`` like any key.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from lawlint.checks import kinds
from lawlint.cli.main import main
from lawlint.errors import PackError
from lawlint.packs.loader import load_pack, parse_pack

ROOT = Path(__file__).resolve().parents[1]
REGENERATE = "python scripts/gendocs.py"


def load_gendocs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gendocs", ROOT / "scripts" / "gendocs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gendocs", module)
    spec.loader.exec_module(module)
    return module


gendocs = load_gendocs()


@pytest.fixture(scope="module")
def packs() -> list:
    return gendocs.load_packs(ROOT)


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    return gendocs.render_all(ROOT)


# -- the generated files ---------------------------------------------------------------------
def test_generated_docs_are_up_to_date(rendered: dict[str, str]) -> None:
    stale = gendocs.stale(ROOT, rendered)
    assert not stale, (
        f"文档已过期 / generated docs are stale: {', '.join(stale)}. "
        f"Regenerate them with `{REGENERATE}` (from the repository root, in the dev venv) "
        "and commit the result."
    )


def test_every_rule_has_a_page_and_a_row(packs: list, rendered: dict[str, str]) -> None:
    ids = [r.id for p in packs for r in p.rules]
    assert len(ids) >= 33  # the built-in rules when this test was written
    pages = {p for p in rendered if p.startswith("docs/rules/") and p != "docs/rules/README.md"}
    assert pages == {f"docs/rules/{rid}.md" for rid in ids}
    index = rendered["docs/rules/README.md"]
    readme = rendered["README.md"]
    for rid in ids:
        assert f"| [`{rid}`]({rid}.md) |" in index
        assert f"[{rid}](docs/rules/{rid}.md)" in readme
    assert "| `unknown-directive` | 警告 warning |" in index


def test_a_page_shows_the_doc_the_examples_and_what_lawlint_says(
    rendered: dict[str, str],
) -> None:
    page = rendered["docs/rules/halfwidth-punct.md"]
    assert page.startswith("<!-- 本文件由 scripts/gendocs.py 从 rules/gb-typography.yaml 生成")
    assert (
        '\n# halfwidth-punct\n\n中文文本中使用半角标点 , ; : ? ! ( ) " 或以半角句点结束句子\n'
        in page
    )
    assert "| 自动修复 fix | ✓ `--fix` 自动修复 / fixed by `--fix` |" in page
    assert "GB/T 15834-2011 规定中文文本使用全角标点。从英文输入法" in page  # unwrapped, no space
    assert "```text\n我镇坚持依法行政,全面推进法治政府建设。\n```\n\n" in page
    assert "- 第 1 行第 9 列：中文文本中使用了半角“,”，应改为全角“，”\n" in page
    assert (
        "`--fix` 之后 / after `--fix`:\n\n```text\n我镇坚持依法行政，全面推进法治政府建设。\n```"
        in page
    )
    assert '| `marks` | str | `",;:?!()\\"."` | Which ASCII marks to check. |' in page
    # trailing whitespace in an example is shown, not lost
    trailing = rendered["docs/rules/trailing-space.md"]
    assert "```text\n一、主要举措和成效␠\n```" in trailing
    assert "（三）细化落实工作要点⍽" in trailing


def test_the_fix_text_tells_what_fix_really_does(packs: list) -> None:
    """``doc.fix`` opens with 可以自动修复 / 只给出建议 / 不能自动修复, and that is what
    ``--fix`` does with the rule's bad examples."""
    opening = {"auto": "可以自动修复", "suggested": "只给出建议", "none": "不能自动修复"}
    seen = {}
    for pack in packs:
        for rule in pack.rules:
            status = gendocs.Examples(packs, rule).fix_status(kinds()[rule.kind].fixable)
            assert rule.doc.fix.startswith(opening[status]), (rule.id, status, rule.doc.fix)
            seen[rule.id] = status
    assert seen["official-title"] == "auto" and seen["cutoff-wording"] == "suggested"
    assert seen["section-missing"] == "none"


@pytest.mark.parametrize(
    "pack", ["rules/fazhi-annual-report.yaml", "rules/fazhi-content.yaml",
             "rules/gb-typography.yaml", "examples/province-pack.yaml"],
)  # fmt: skip
def test_every_rule_is_documented(pack: str) -> None:
    for rule in load_pack(ROOT / pack).rules:
        doc = rule.doc
        assert doc.summary and doc.summary == rule.description, rule.id
        assert len(doc.rationale) >= 40 and "\n" not in doc.rationale, rule.id
        assert doc.not_flagged and all(doc.not_flagged), rule.id
        assert doc.fix, rule.id


def test_stale_files_are_named(tmp_path: Path, rendered: dict[str, str]) -> None:
    """A hand edit of a generated page, a page of a rule that is gone, a README whose
    rule list was edited: each is reported."""
    for rel, text in rendered.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert gendocs.stale(tmp_path, rendered) == []
    page = tmp_path / "docs/rules/cjk-space.md"
    page.write_text(page.read_text(encoding="utf-8") + "手改\n", encoding="utf-8")
    (tmp_path / "docs/rules/old-rule.md").write_text("# old-rule\n", encoding="utf-8")
    assert gendocs.stale(tmp_path, rendered) == [
        "docs/rules/cjk-space.md",
        "docs/rules/old-rule.md",
    ]


def test_readme_without_markers_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="markers"):
        gendocs.splice("# README\n", "x", "README.md")


def test_the_readme_keeps_the_two_quick_start_commands() -> None:
    """Issue 17: the README's install-and-run and install-and-test commands stay exactly
    these (.ci/run runs them in a fresh venv), each in a shell block of its own."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    assert (
        "python3 -m venv .venv && .venv/bin/pip install . && "
        ".venv/bin/lawlint check examples/flawed-draft.txt\n"
    ) in blocks
    assert (
        "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest\n"
    ) in blocks
    assert "docs/review.png" in readme and "docs/install.md" in readme


# -- explain -----------------------------------------------------------------------------------
def test_explain_prints_the_doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["explain", "cutoff-wording"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    why = lines.index("为什么 why")
    assert lines[why + 1].startswith("  “截至”表示到某时为止（截至2024年12月底），")
    flagged = lines.index("不报告 not flagged")
    assert lines[flagged + 1].startswith("  - “截止日期”“截止时间”“截止到”")
    fix = lines.index("修复 fix")
    assert lines[fix + 1].startswith("  只给出建议：发现结果的修复是“截至”")
    assert why < flagged < fix < lines.index("选项 options（当前值 / current value）")


def test_explain_a_pack_rule_without_doc_shows_no_doc_sections(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n  - id: no-jiben\n    kind: phrase\n    severity: info\n"
        "    description: 避免“基本”\n    message: 避免“{match}”\n    words: [基本]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["explain", "no-jiben", "--pack", str(pack)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("no-jiben\n  避免“基本”\n")
    assert "为什么 why" not in result.output and "修复 fix\n" not in result.output


# -- the loader ----------------------------------------------------------------------------------
RULE = "pack: p\nrules:\n  - id: r\n    kind: phrase\n    severity: info\n    message: m\n"


@pytest.mark.parametrize(
    ("extra", "zh", "en", "key", "line"),
    [
        ("    doc: 一句话\n", "doc 应为映射", "'doc' must be a mapping", "rules.0.doc", 7),
        (
            "    doc:\n      summary: s\n      why: w\n",
            "doc 中未知的键 'why'",
            "unknown key 'why' in 'doc'",
            "rules.0.doc.why",
            9,
        ),
        (
            "    doc:\n      not_flagged: 不报告引语\n",
            "doc.not_flagged 应为字符串列表",
            "'doc.not_flagged' must be a list of strings",
            "rules.0.doc.not_flagged",
            8,
        ),
        (
            "    doc:\n      fix: [a]\n",
            "doc.fix 应为字符串",
            "'doc.fix' must be a string",
            "rules.0.doc.fix",
            8,
        ),
        (
            "    description: d\n    doc: {summary: s}\n",
            "description 和 doc.summary 只能写一个",
            "give either 'description' or 'doc.summary'",
            "rules.0.description",
            7,
        ),
    ],
)
def test_a_bad_doc_is_a_pack_error_naming_rule_key_and_line(
    extra: str, zh: str, en: str, key: str, line: int
) -> None:
    with pytest.raises(PackError) as caught:
        parse_pack(RULE + extra, "p.yaml")
    error = caught.value
    assert (error.rule, error.key, error.line) == ("r", key, line)
    assert zh in str(error) and en in str(error)


def test_a_doc_block_is_joined_and_description_still_works() -> None:
    pack = parse_pack(
        RULE
        + "    doc:\n      summary: 一句话\n      rationale: |-\n        第一行，\n"
        + "        第二行 GB/T\n        15834。\n"
        + "      not_flagged: [引语]\n      fix: 不能自动修复。\n",
        "p.yaml",
    )
    (rule,) = pack.rules
    assert rule.description == "一句话"
    assert rule.doc.rationale == "第一行，第二行 GB/T 15834。"
    assert rule.doc.not_flagged == ("引语",)
    legacy = parse_pack(RULE + "    description: 旧写法\n", "p.yaml").rules[0]
    assert legacy.description == legacy.doc.summary == "旧写法" and legacy.doc.rationale == ""
