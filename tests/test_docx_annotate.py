"""``check --annotate OUT``: findings as Word comments on a copy of the draft."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx
from click.testing import CliRunner
from docx_build import png_bytes
from lxml import etree

from lawlint.cli.main import main
from lawlint.findings import Finding, Fix
from lawlint.input.docx_reader import _paragraphs
from lawlint.input.reader import read_source
from lawlint.lint.engine import Linter
from lawlint.output.docx_annotate import (
    AUTHOR,
    INITIALS,
    _anchor,
    annotate_document,
    comment_text,
    runs_covering,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _draft(path: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉文字"
    d.sections[0].footer.paragraphs[0].text = "页脚文字"
    d.add_paragraph("某县2023年法治政府建设情况报告")
    p = d.add_paragraph()
    p.add_run("我们做了").bold = True
    p.add_run("大量工作,取得").italic = True
    p.add_run("明显成效。")
    d.add_table(rows=1, cols=1).cell(0, 0).text = "表格里有若干问题,"
    old = d.add_paragraph("已有批注的段落。")
    d.add_comment(old.runs, text="审阅人意见", author="张三", initials="ZS")
    d.save(str(path))


def _comments(path: Path) -> dict[int, tuple[str, str, str]]:
    """Each comment id: (anchored text, comment text, author)."""
    d = docx.Document(str(path))
    body = d.element.body
    texts: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(int(el.get(f"{W}id")))
            texts.setdefault(int(el.get(f"{W}id")), [])
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(el.get(f"{W}id")))
        elif el.tag == f"{W}t":
            for i in open_ids:
                texts[i].append(el.text or "")
    return {
        c.comment_id: ("".join(texts.get(c.comment_id, [])), c.text, c.author) for c in d.comments
    }


def _json(path: Path) -> list[dict]:
    out = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", str(path)])
    return json.loads(out.output)


def test_one_comment_per_finding_on_its_exact_span(tmp_path: Path) -> None:
    src = tmp_path / "报告.docx"
    _draft(src)
    before = src.read_bytes()
    out = tmp_path / "报告-审阅.docx"
    result = CliRunner().invoke(main, ["check", "--no-cache", str(src), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    assert src.read_bytes() == before
    findings = _json(src)
    comments = _comments(out)
    old = [c for c in comments.values() if c[2] == "张三"]
    assert old == [("已有批注的段落。", "审阅人意见", "张三")]
    ours = sorted((c for c in comments.values() if c[2] == "lawlint"), key=lambda c: c[1])
    assert len(ours) == len(findings)
    by_rule = {(c[0], c[1].split("（")[-1].split("）")[0]) for c in ours}
    assert ("大量", "vague-quantity") in by_rule
    assert ("若干", "vague-quantity") in by_rule
    assert (",", "halfwidth-punct") in by_rule
    assert ("取得明显成效", "unsupported-claim") in by_rule
    assert ("某县2023年法治政府建设情况报告", "section-missing") in by_rule
    punct = [c[1] for c in ours if c[0] == "," and "halfwidth-punct" in c[1]]
    assert punct and all("改为：，" in text for text in punct)
    # the split runs keep their formatting; header and footer are untouched
    d = docx.Document(str(out))
    runs = {r.text: (r.bold, r.italic) for r in d.paragraphs[1].runs if r.text}
    assert runs["我们做了"] == (True, None)
    assert runs["大量"] == (None, True)
    assert runs[","] == (None, True)
    assert runs["工作"] == (None, True)
    assert runs["明显成效"] == (None, None)
    assert d.paragraphs[1].text == "我们做了大量工作,取得明显成效。"
    assert d.sections[0].header.paragraphs[0].text == "页眉文字"
    assert d.sections[0].footer.paragraphs[0].text == "页脚文字"
    # the copy reads back to the same findings
    assert [(f["rule"], f["line"], f["column"]) for f in _json(out)] == [
        (f["rule"], f["line"], f["column"]) for f in findings
    ]


def test_txt_annotated_into_a_new_docx(tmp_path: Path) -> None:
    src = tmp_path / "稿.txt"
    src.write_text("某县2023年法治政府建设情况报告\n我们做了大量工作。\n", encoding="utf-8")
    folder = tmp_path / "审阅"
    folder.mkdir()
    result = CliRunner().invoke(main, ["check", "--no-cache", str(src), "--annotate", str(folder)])
    assert result.exit_code == 1, result.output
    out = folder / "稿-审阅.docx"
    d = docx.Document(str(out))
    assert [p.text for p in d.paragraphs] == [
        "某县2023年法治政府建设情况报告",
        "我们做了大量工作。",
        "",
    ]
    comments = _comments(out)
    assert ("大量", "lawlint") in {(c[0], c[2]) for c in comments.values()}
    assert len(comments) == len(_json(src))
    assert all(c.initials == "LL" for c in d.comments)


def test_annotate_onto_an_input_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "报告.docx"
    _draft(src)
    before = src.read_bytes()
    result = CliRunner().invoke(main, ["check", "--no-cache", str(src), "--annotate", str(src)])
    assert result.exit_code == 2
    assert "会覆盖原稿" in result.output and "would replace the draft" in result.output
    assert src.read_bytes() == before


def test_annotate_with_fix_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "稿.txt"
    src.write_text(
        "某县2023年法治政府建设情况报告\n我们做了大量工作,取得成效。\n", encoding="utf-8"
    )
    before = src.read_bytes()
    out = tmp_path / "审阅.docx"
    for mode in ("--fix", "--diff"):
        result = CliRunner().invoke(main, ["check", mode, str(src), "--annotate", str(out)])
        assert result.exit_code == 2
        assert result.stderr == (
            "lawlint: --annotate 不能与 --fix、--diff 同用：请先修正，再另行标注"
            " / --annotate works without --fix or --diff: fix first, then annotate\n"
        )
    assert src.read_bytes() == before and not out.exists()


def _paragraph() -> etree._Element:
    """Runs 甲乙丙 (bold), 丁戊 (plain), 己 (bold)."""
    d = docx.Document()
    p = d.add_paragraph()
    for text, bold in (("甲乙丙", True), ("丁戊", None), ("己", True)):
        p.add_run(text).bold = bold
    return p._p


def test_runs_covering_splits_at_both_ends_and_keeps_formatting() -> None:
    p = _paragraph()
    runs = runs_covering(p, 1, 4)
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in runs] == ["乙丙", "丁"]
    assert [r.find(f"{W}rPr/{W}b") is not None for r in runs] == [True, False]
    texts = ["".join(t.text for t in r.iter(f"{W}t")) for r in p.iter(f"{W}r")]
    assert texts == ["甲", "乙丙", "丁", "戊", "己"]
    assert [r.find(f"{W}rPr/{W}b") is not None for r in p.iter(f"{W}r")] == [
        True, True, False, False, True
    ]  # fmt: skip


def test_a_split_run_keeps_its_picture_once_where_it_stands() -> None:
    # a run "甲乙<picture>丙丁": python-docx puts a picture into a run beside its text
    d = docx.Document()
    run = d.add_paragraph().add_run("甲乙")
    run.add_picture(io.BytesIO(png_bytes()))
    run.add_text("丙丁")
    p = d.paragraphs[0]._p
    runs = runs_covering(p, 1, 3)  # 乙丙: both ends inside the run, the picture between
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in runs] == ["乙丙"]
    pieces = [
        "".join(e.text or "" if e.tag == f"{W}t" else "*" for e in r.iter(f"{W}t", f"{W}drawing"))
        for r in p.iter(f"{W}r")
    ]
    assert pieces == ["甲", "乙*丙", "丁"]  # one picture, still between 乙 and 丙


def test_runs_covering_on_run_boundaries_splits_nothing() -> None:
    p = _paragraph()
    runs = runs_covering(p, 3, 6)
    assert ["".join(t.text for t in r.iter(f"{W}t")) for r in runs] == ["丁戊", "己"]
    assert len(list(p.iter(f"{W}r"))) == 3
    assert runs_covering(p, 2, 2) == []


def test_a_folder_of_drafts_annotated_into_a_folder(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    _draft(drafts / "甲.docx")
    (drafts / "乙.md").write_text(
        "# 某县2023年法治政府建设情况报告\n\n若干问题。\n", encoding="utf-8"
    )
    out = tmp_path / "审阅"
    result = CliRunner().invoke(main, ["check", "--no-cache", str(drafts), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == ["乙-审阅.docx", "甲-审阅.docx"]
    for name, src in (("乙-审阅.docx", "乙.md"), ("甲-审阅.docx", "甲.docx")):
        ours = [c for c in _comments(out / name).values() if c[2] == "lawlint"]
        assert len(ours) == len(_json(drafts / src))


def _commented(path: Path, notes: dict[int, str]) -> None:
    """A draft whose paragraph ``i`` (0-based) carries a Word comment ``notes[i]``."""
    d = docx.Document()
    lines = [
        "某县2023年法治政府建设情况报告",
        "我们做了大量工作，开展若干活动。",
        "另有大量问题,需要解决。",
        "还有若干事项。",
    ]
    for i, line in enumerate(lines):
        p = d.add_paragraph(line)
        if i in notes:
            d.add_comment(p.runs, text=notes[i], author="起草人", initials="QC")
    d.save(str(path))


def _kept(path: Path) -> list[tuple[str, int, int]]:
    return [
        (f["rule"], f["line"], f["column"])
        for f in _json(path)
        if f["rule"] in ("vague-quantity", "halfwidth-punct", "unknown-directive")
    ]


def test_word_comment_disable_next_line_covers_its_own_paragraph(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    _commented(plain, {})
    assert _kept(plain) == [
        ("vague-quantity", 2, 5),
        ("vague-quantity", 2, 12),
        ("vague-quantity", 3, 3),
        ("halfwidth-punct", 3, 7),
        ("vague-quantity", 4, 3),
    ]
    src = tmp_path / "noted.docx"
    _commented(src, {1: "lawlint-disable-next-line vague-quantity"})
    assert _kept(src) == [
        ("vague-quantity", 3, 3),
        ("halfwidth-punct", 3, 7),
        ("vague-quantity", 4, 3),
    ]


def test_word_comment_disable_and_enable_bound_a_range(tmp_path: Path) -> None:
    src = tmp_path / "noted.docx"
    _commented(src, {2: "lawlint-disable vague-quantity", 3: "lawlint-enable vague-quantity"})
    assert _kept(src) == [
        ("vague-quantity", 2, 5),
        ("vague-quantity", 2, 12),
        ("halfwidth-punct", 3, 7),
        ("vague-quantity", 4, 3),
    ]
    whole = tmp_path / "whole.docx"
    _commented(whole, {3: "lawlint-disable-file"})
    assert _kept(whole) == []


def test_word_comment_with_an_unknown_rule_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "noted.docx"
    _commented(src, {1: "lawlint-disable-next-line vague-quantty", 2: "请补充数据"})
    kept = _kept(src)
    assert ("unknown-directive", 2, 1) in kept
    assert ("vague-quantity", 2, 5) in kept and ("vague-quantity", 3, 3) in kept


def _reference_annotate(document: docx.document.Document, findings: list) -> None:
    """The comments as python-docx's own ``Document.add_comment`` writes them, one call
    per finding on the same anchors: what ``annotate_document`` must reproduce."""
    from docx.text.run import Run

    paragraphs = [p for p, _ in _paragraphs(document.element.body)]
    listed: dict = {}
    for f in sorted(findings, key=lambda f: (f.line, f.column, f.rule)):
        runs = _anchor(paragraphs, f, listed)
        document.add_comment(
            [Run(runs[0], None), Run(runs[-1], None)],  # type: ignore[arg-type]
            text=comment_text(f),
            author=AUTHOR,
            initials=INITIALS,
        )


def _xml(element: etree._Element) -> bytes:
    """Serialised, with every comment's w:date blanked (python-docx stamps each comment
    with the moment it is added)."""
    element = copy.deepcopy(element)
    for el in element.iter(f"{W}comment"):
        el.set(f"{W}date", "")
    return etree.tostring(element)


def test_comments_are_exactly_what_python_docx_add_comment_writes(
    tmp_path: Path, linter: Linter
) -> None:
    src = tmp_path / "报告.docx"
    _draft(src)
    findings = linter.lint(read_source(str(src))).findings
    # two comments on one run, a fix's second line, an existing comment's id taken
    assert len(findings) >= 6 and any(f.fix is not None for f in findings)
    # texts python-docx writes specially: end spaces kept, a tab and a carriage return
    odd = [(" 两端有空格 ", Fix(" ")), ("制表\t符\r回车", Fix("")), ("末尾", Fix("甲\t乙"))]
    findings = findings + [
        Finding(str(src), "pack-rule", "info", 2, 1, 2, 3, text, 0, 0, fix) for text, fix in odd
    ]
    ours, theirs = docx.Document(str(src)), docx.Document(str(src))
    assert annotate_document(ours, findings) == len(findings)
    _reference_annotate(theirs, findings)
    assert _xml(ours.element) == _xml(theirs.element)
    assert _xml(ours.comments._comments_elm) == _xml(theirs.comments._comments_elm)
    dates = {c._comment_elm.get(f"{W}date") for c in ours.comments if c.author == AUTHOR}
    assert len(dates) == 1 and None not in dates  # one stamp for the whole copy
