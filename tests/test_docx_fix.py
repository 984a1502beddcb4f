"""``check --fix`` / ``--diff`` on a Word document: fixes inside the runs, as tracked
changes (``--fix-mode track``, the default) or plainly (``apply``); every part but the
document's body byte for byte as it was. Every .docx is built here with python-docx
(tests/docx_build.py); "accept all" and "reject all" are done here on the XML, as Word
would, without lawlint's reader."""

from __future__ import annotations

import copy
import io
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx_build import REVIEWER, as_word_writes, build, revision, rich_draft
from lxml import etree

from lawlint.cli.main import main
from lawlint.input.reader import read_source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT = "word/document.xml"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, ["check", "--no-cache", *args], input=input)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def _texts(body: etree._Element) -> list[str]:
    """The body's paragraphs' texts (table cells row by row): their w:t, nothing else."""
    out: list[str] = []
    for child in body:
        if child.tag == f"{W}p":
            out.append("".join(t.text or "" for t in child.iter(f"{W}t")))
        elif child.tag == f"{W}tbl":
            for cell in child.iter(f"{W}tc"):
                out.extend(
                    "".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p")
                )
    return out


def _resolve(data: bytes, *, accept: bool, author: str | None = None) -> list[str]:
    """The paragraphs' texts once the tracked changes (only ``author``'s, if given) are
    all accepted (``accept``) or all rejected; anyone else's as Word shows them
    (insertions shown, deletions not)."""
    body = etree.fromstring(_members(data)[DOCUMENT]).find(f"{W}body")
    for change in list(body.iter(f"{W}ins", f"{W}del")):
        if author is not None and change.get(f"{W}author") != author:
            continue
        if (change.tag == f"{W}ins") == accept:
            for t in change.iter(f"{W}delText"):
                t.tag = f"{W}t"
            for child in list(change):
                change.addprevious(child)
        change.getparent().remove(change)
    for change in list(body.iter(f"{W}del")):  # someone else's deletion: not shown
        change.getparent().remove(change)
    return _texts(body)


def _fixed_as_text(tmp_path: Path, docx_path: Path) -> list[str]:
    """What --fix makes of the same content as a .txt file: one paragraph a line."""
    text = tmp_path / "same.txt"
    text.write_text(read_source(str(docx_path)).text + "\n", encoding="utf-8")
    result = run("--fix", str(text))
    assert result.exit_code == 1, result.output
    return text.read_text(encoding="utf-8").split("\n")[:-1]


def _revisions(data: bytes) -> list[etree._Element]:
    root = etree.fromstring(_members(data)[DOCUMENT])
    return [el for el in root.iter(f"{W}ins", f"{W}del")]


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return as_word_writes(rich_draft(tmp_path / "报告.docx"))


# -- track (the default) ----------------------------------------------------------------


def test_accepting_every_change_gives_what_fix_gives_the_text(tmp_path: Path, draft: Path) -> None:
    original = draft.read_bytes()
    expected = _fixed_as_text(tmp_path, draft)
    started = datetime.now(timezone.utc).replace(microsecond=0)
    result = run("--fix", str(draft))
    assert result.exit_code == 1, result.output
    assert f"lawlint: {draft}: 修改已作为修订（作者 lawlint）写入" in result.stderr
    assert "已修复 7 处问题，涉及 1 个文件。 / Fixed 7 problems in 1 file." in result.stderr
    fixed = draft.read_bytes()
    assert _resolve(fixed, accept=True) == expected
    # rejecting lawlint's changes gives the draft back, the reviewer's changes kept
    assert _resolve(fixed, accept=False, author="lawlint") == _resolve(
        original, accept=True, author="lawlint"
    )
    ours = [el for el in _revisions(fixed) if el.get(f"{W}author") == "lawlint"]
    # 7 fixes, each a deletion and an insertion; １３２ → 132 spans two runs: one pair each
    assert len(ours) == 16
    ids = [el.get(f"{W}id") for el in _revisions(fixed)]
    assert len(set(ids)) == len(ids)
    finished = datetime.now(timezone.utc)
    for el in ours:
        when = datetime.strptime(el.get(f"{W}date"), "%Y-%m-%dT%H:%M:%SZ")
        assert started <= when.replace(tzinfo=timezone.utc) <= finished


def test_untouched_parts_are_byte_identical(draft: Path) -> None:
    before = _members(draft.read_bytes())
    assert run("--fix", str(draft)).exit_code == 1
    after = _members(draft.read_bytes())
    assert list(after) == list(before)  # same parts, same order
    changed = [name for name in before if before[name] != after[name]]
    assert changed == [DOCUMENT]
    # the header and footer keep their (unread, unfixed) commas; the image is there
    assert "页眉文字,不检查".encode() in after["word/header1.xml"]
    assert any(name.startswith("word/media/") for name in after)
    # in the body, every paragraph without a fix is the same XML
    old = etree.fromstring(before[DOCUMENT]).find(f"{W}body")
    new = etree.fromstring(after[DOCUMENT]).find(f"{W}body")
    same = [etree.tostring(a) == etree.tostring(b) for a, b in zip(old, new, strict=True)]
    # title, Word-numbered heading, the table (its fix: a cell) ... and the section
    assert same == [True, True, False, False, False, False, False, False, True]


def test_a_second_fix_changes_nothing(draft: Path) -> None:
    assert run("--fix", str(draft)).exit_code == 1
    once = draft.read_bytes()
    result = run("--fix", str(draft))
    assert result.exit_code == 1
    assert "没有可自动修复的问题。 / Nothing to fix." in result.stderr
    assert draft.read_bytes() == once
    assert run("--diff", str(draft)).exit_code == 0


def test_a_fix_across_runs_keeps_each_runs_formatting(draft: Path) -> None:
    """１３ (bold) and ２ (italic) are one fix, １３２ → 132: each run keeps its part."""
    assert run("--fix", str(draft)).exit_code == 1
    root = etree.fromstring(_members(draft.read_bytes())[DOCUMENT])
    p = root.find(f"{W}body")[2]

    def shown(el: etree._Element) -> list[tuple[str, bool, bool]]:
        out = []
        for r in el.iter(f"{W}r"):
            text = "".join(t.text or "" for t in r.iter(f"{W}t", f"{W}delText"))
            out.append(
                (text, r.find(f"{W}rPr/{W}b") is not None, r.find(f"{W}rPr/{W}i") is not None)
            )
        return out

    inserted = [item for ins in p.iter(f"{W}ins") for item in shown(ins)]
    deleted = [item for d in p.iter(f"{W}del") for item in shown(d)]
    assert inserted == [("，", True, False), ("13", True, False), ("2", False, True)]
    assert deleted == [(",", True, False), ("１３", True, False), ("２", False, True)]
    assert shown(p)[0] == ("全年召开专题学法会4次", True, False)


def test_comments_and_the_reviewers_changes_are_kept(draft: Path) -> None:
    assert run("--fix", str(draft)).exit_code == 1
    fixed = draft.read_bytes()
    d = docx.Document(io.BytesIO(fixed))
    assert [(c.author, c.text) for c in d.comments] == [(REVIEWER, "审阅人意见")]
    # the comment still covers its paragraph's text, the fix inside it
    p = d.element.body[3]
    tags = [el.tag for el in p]
    assert tags[0] == f"{W}commentRangeStart" and f"{W}commentRangeEnd" in tags
    reviewer = [el for el in _revisions(fixed) if el.get(f"{W}author") == REVIEWER]
    assert [(el.tag, el.get(f"{W}id")) for el in reviewer] == [
        (f"{W}ins", "901"),
        (f"{W}del", "902"),
    ]


def test_fix_in_a_reviewers_pending_change_is_left_for_the_reviewer(tmp_path: Path) -> None:
    """Text inside someone's tracked insertion is not edited (in either mode): the
    paragraph stays as it is, a note names it, its finding stays in the report."""

    def pending(document) -> None:
        p = document.add_paragraph()
        p.add_run("前文")
        p._p.append(revision("ins", "插入的文字,未接受", 7))

    for mode in ("track", "apply"):
        path = build(
            tmp_path / f"{mode}.docx", ["某县2023年法治政府建设情况报告", pending, "另一段,可改。"]
        )
        result = run("--fix", "--fix-mode", mode, str(path), "--select", "halfwidth-punct")
        assert result.exit_code == 0, result.output  # a warning is left
        assert f"lawlint: {path}: 第 2 段的修复落在尚未接受或拒绝的修订之中" in result.stderr
        assert f"{path}:2:" in result.stdout and "halfwidth-punct" in result.stdout
        assert "已修复 1 处问题" in result.stderr
        assert read_source(str(path)).text.split("\n")[1:] == [
            "前文插入的文字,未接受",
            "另一段，可改。",
        ]


# -- apply --------------------------------------------------------------------------------


def test_apply_mode_writes_the_fixes_plainly(tmp_path: Path, draft: Path) -> None:
    expected = _fixed_as_text(tmp_path, draft)
    result = run("--fix", "--fix-mode", "apply", str(draft))
    assert result.exit_code == 1, result.output
    assert "修订" not in result.stderr
    fixed = draft.read_bytes()
    assert [el.get(f"{W}author") for el in _revisions(fixed)] == [REVIEWER, REVIEWER]
    assert _resolve(fixed, accept=True) == expected
    d = docx.Document(io.BytesIO(fixed))
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in d.paragraphs[2].runs]
    assert runs == [
        ("全年召开专题学法会4次", True, False),
        ("，", True, False),
        ("培训干部", True, False),
        ("13", True, False),
        ("2", False, True),
        ("人次。", False, True),
    ]
    assert run("--fix", "--fix-mode", "apply", str(draft)).exit_code == 1
    assert draft.read_bytes() == fixed


# -- diff, stdin, folders, text files, the writer's guarantees ---------------------------------


def test_diff_shows_the_changed_paragraphs_and_writes_nothing(draft: Path) -> None:
    before = draft.read_bytes()
    result = run("--diff", str(draft))
    assert result.exit_code == 1
    assert result.stdout == (
        f"--- {draft}\n+++ {draft}\n@@ -1,11 +1,11 @@\n"
        " 某县2023年法治政府建设情况报告\n"
        " 推进法治政府建设的主要举措和成效\n"
        "-全年召开专题学法会4次,培训干部１３２人次。\n"
        "-已有批注的段落,内容不变。\n"
        "-修订前的文字,审阅人插入的文字修订后的文字。\n"
        "+全年召开专题学法会4次，培训干部132人次。\n"
        "+已有批注的段落，内容不变。\n"
        "+修订前的文字，审阅人插入的文字修订后的文字。\n"
        " 项目\n 情况说明\n 学法\n"
        "-表格里的问题,待改\n"
        "-图示如下,见上图。\n"
        "-存在的不足和原因:一是统筹不够。\n"
        "+表格里的问题，待改\n"
        "+图示如下，见上图。\n"
        "+存在的不足和原因：一是统筹不够。\n"
    )
    assert draft.read_bytes() == before
    assert sorted(os.listdir(draft.parent)) == ["报告.docx"]


def test_fix_on_stdin_writes_the_fixed_document_to_stdout(tmp_path: Path, draft: Path) -> None:
    result = run("--fix", "-", "--stdin-filename", "报告.docx", input=draft.read_bytes())
    assert result.exit_code == 1
    assert _resolve(result.stdout_bytes, accept=True) == _fixed_as_text(tmp_path, draft)


def test_a_folder_of_docx_and_text_is_fixed(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = build(folder / "a.docx", ["某县2023年法治政府建设情况报告", "坚持依法行政,推进建设。"])
    text = folder / "b.txt"
    text.write_text("某县2023年法治政府建设情况报告\n坚持依法行政,推进建设。\n", encoding="utf-8")
    result = run("--fix", str(folder), "--select", "halfwidth-punct")
    assert result.exit_code == 0, result.output
    assert "已修复 2 处问题，涉及 2 个文件。" in result.stderr
    assert _resolve(path.read_bytes(), accept=True)[1] == "坚持依法行政，推进建设。"
    assert text.read_text(encoding="utf-8").split("\n")[1] == "坚持依法行政，推进建设。"


def test_track_on_a_text_file_is_written_plainly_with_a_note(tmp_path: Path) -> None:
    text = tmp_path / "b.txt"
    text.write_text("某县2023年法治政府建设情况报告\n坚持依法行政,推进建设。\n", encoding="utf-8")
    result = run("--fix", "--fix-mode", "track", str(text), "--select", "halfwidth-punct")
    assert result.exit_code == 0
    assert f"lawlint: {text}: 纯文本文件没有修订标记，修改已直接写入" in result.stderr
    assert "(--fix-mode track applies to .docx only)" in result.stderr
    assert text.read_text(encoding="utf-8").split("\n")[1] == "坚持依法行政，推进建设。"
    # apply (or no --fix-mode) on a text file: no note
    text.write_text("某县2023年法治政府建设情况报告\n坚持依法行政,推进建设。\n", encoding="utf-8")
    result = run("--fix", "--fix-mode", "apply", str(text), "--select", "halfwidth-punct")
    assert result.exit_code == 0 and "纯文本" not in result.stderr


def test_fix_mode_without_fix_is_a_usage_error(draft: Path) -> None:
    result = run("--fix-mode", "apply", str(draft))
    assert result.exit_code == 2
    assert result.stderr == (
        "lawlint: --fix-mode 只能与 --fix 或 --diff 同用 / --fix-mode works with --fix or --diff\n"
    )


def test_a_hard_linked_docx_is_refused_and_left_alone(tmp_path: Path, draft: Path) -> None:
    other = tmp_path / "link.docx"
    os.link(draft, other)
    before = draft.read_bytes()
    result = run("--fix", str(draft))
    assert result.exit_code == 2
    assert f"lawlint: {draft}: 文件有 2 个硬链接" in result.stderr
    assert draft.read_bytes() == before == other.read_bytes()
    assert "已修复" not in result.stderr


def test_a_docx_changed_while_being_fixed_is_not_overwritten(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lawlint.output import docx_fix

    real = docx_fix.fix_package

    def meanwhile(data: bytes, *args, **kwargs):
        draft.write_bytes(data[:-1] + b"\x00")  # someone saves the document meanwhile
        return real(data, *args, **kwargs)

    monkeypatch.setattr(docx_fix, "fix_package", meanwhile)
    result = run("--fix", str(draft))
    assert result.exit_code == 2
    assert "the file changed on disk after lawlint read it" in result.stderr
    assert draft.read_bytes().endswith(b"\x00")


def test_any_paragraph_edit_reads_right_both_ways() -> None:
    """Seeded random paragraphs (runs bold or not, tabs) and random new texts: every edit
    is made, the paragraph reads as the new text, rejecting lawlint's changes gives the
    old one; characters replaced in place keep their own run's formatting."""
    import random

    from lawlint.input.docx_reader import paragraph_text
    from lawlint.output.docx_fix import _Revisions, edit_paragraph, rejected_text

    rng = random.Random(7)
    document = docx.Document()
    chars = "ab,，(（ 二2２\t"
    fixed = {",": "；", "(": "〔", "２": "3"}  # to characters no paragraph has
    for _ in range(300):
        p = document.add_paragraph()
        bold: list[bool] = []
        for _ in range(rng.randint(1, 5)):
            text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 6)))
            b = rng.random() < 0.5
            if b:
                p.add_run(text).bold = True
            else:
                p.add_run(text)
            bold.extend([b] * len(text))
        old = paragraph_text(p._p)
        same = rng.random() < 0.5  # as fixes do: , → ，  ( → （  ２ → 2, in place
        if same:
            new = "".join(fixed.get(c, c) if rng.random() < 0.5 else c for c in old)
        else:
            new = "".join(rng.choice(chars) for _ in range(rng.randint(0, 20)))
        for track in (True, False):
            q = copy.deepcopy(p._p)
            document.element.body.append(q)
            revisions = _Revisions(q, None) if track else None
            assert edit_paragraph(q, old, new, revisions), (old, new, track)
            assert paragraph_text(q) == new
            if revisions is not None:
                assert rejected_text(q, revisions.ids) == old
            elif same:
                shown = [
                    (r.find(f"{W}rPr/{W}b") is not None)
                    for r in q.iter(f"{W}r")
                    for c in r
                    if c.tag in (f"{W}t", f"{W}tab")
                    for _ in range(len(c.text or "") if c.tag == f"{W}t" else 1)
                ]
                assert shown == bold, (old, new)
