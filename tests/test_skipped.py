"""Every file a folder walk passes over is accounted for, in every report (issue 15).

LibreOffice is hidden (PATH without it), so .doc and .wps drafts are skipped too; the
exit code never depends on skipped files, only on what was checked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from htmltree import parse

from lawlint.cli.main import main
from lawlint.input import convert
from lawlint.input.discovery import Skipped, discover

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CLEAN = "某县2023年法治政府建设情况报告\n全年开展执法检查12次。\n"
ONE_RULE = ["--select", "halfwidth-punct"]  # the clean draft has no finding under it


@pytest.fixture(autouse=True)
def _no_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    monkeypatch.setattr(convert, "_INSTALLED", {})  # nor where macOS or Windows put it


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """ok.txt to check; a.doc, b.wps, c.pdf, d.dot, notes.xlsx and README skipped; a
    hidden file, a Word lock file and a hidden folder not even listed."""
    root = tmp_path / "drafts"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "config").write_text("x", encoding="utf-8")
    (root / "ok.txt").write_text(CLEAN, encoding="utf-8")
    (root / "a.doc").write_bytes(OLE)
    (root / "b.wps").write_bytes(OLE)
    (root / "c.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "d.dot").write_bytes(OLE)
    (root / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (root / "README").write_text("x", encoding="utf-8")
    (root / "~$lock.docx").write_bytes(b"x")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    return root


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--no-cache", *args])
    return result.exit_code, result.stdout, result.stderr


def test_discovery_hands_over_every_file_it_passes_over(folder: Path) -> None:
    skipped: list[Skipped] = []
    found = list(discover([str(folder)], on_skipped=skipped.append))
    assert found == [str(folder / "ok.txt")]
    assert sorted((Path(s.path).name, s.suffix, s.reason) for s in skipped) == [
        ("README", "", "other"),
        ("a.doc", ".doc", "needs-libreoffice"),
        ("b.wps", ".wps", "needs-libreoffice"),
        ("c.pdf", ".pdf", "pdf"),
        ("d.dot", ".dot", "save-as-docx"),
        ("notes.xlsx", ".xlsx", "other"),
    ]


def test_the_text_summary_lists_them_and_the_exit_code_ignores_them(folder: Path) -> None:
    code, out, err = _run(*ONE_RULE, str(folder))
    assert code == 0
    p = str(folder)
    assert out == (
        "检查了 1 个文件，未发现问题。\n1 file checked, no findings.\n"
        "跳过 6 个未检查的文件 / skipped 6 files, not checked:\n"
        f"  {p}/a.doc：Word 97-2003 文档，未找到 LibreOffice，无法转换：请另存为 .docx，"
        "或安装 LibreOffice\n"
        f"  {p}/b.wps：WPS 文字文档，未找到 LibreOffice，无法转换：请另存为 .docx，"
        "或安装 LibreOffice\n"
        f"  {p}/c.pdf：PDF 不检查也不转换，请提供 .docx 原稿\n"
        f"  {p}/d.dot：Word 97-2003 模板，请另存为 .docx\n"
        "  另有 2 个其他格式的文件：.xlsx 1 个，无扩展名 1 个\n"
    )
    assert "跳过" not in err  # said once, in the report
    english = _run(*ONE_RULE, "--lang", "en", str(folder))[1]
    assert f"  {p}/c.pdf: a PDF is not checked or converted: use the .docx draft\n" in english
    assert "  and 2 files of other formats: .xlsx 1, no extension 1\n" in english
    quiet = _run(*ONE_RULE, "-q", str(folder))
    assert quiet == (0, "", "")


def test_json_ends_with_a_record_per_skipped_draft_in_the_findings_shape(folder: Path) -> None:
    (folder / "ok.txt").write_text(CLEAN + "开展了大量工作。\n", encoding="utf-8")
    code, out, err = _run("--format", "json", "--select", "vague-quantity", str(folder))
    assert code == 0  # a warning: below the failing severity, skipped files or not
    records = json.loads(out)
    keys = ["path", "rule", "severity", "line", "column", "end_line", "end_column"]
    keys += ["message", "fix", "data"]
    assert all(list(r) == keys for r in records)
    assert [(Path(r["path"]).name, r["rule"]) for r in records] == [
        ("ok.txt", "vague-quantity"),
        ("a.doc", "skipped-file"),
        ("b.wps", "skipped-file"),
        ("c.pdf", "skipped-file"),
        ("d.dot", "skipped-file"),
    ]  # notes.xlsx and README: not drafts, no record (the human reports count them)
    assert records[3] == {
        "path": str(folder / "c.pdf"),
        "rule": "skipped-file",
        "severity": "info",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "message": "未检查此文件：PDF 不检查也不转换，请提供 .docx 原稿",
        "fix": None,
        "data": {"reason": "pdf", "suffix": ".pdf"},
    }
    # a person running it still reads them on stderr; the JSON on stdout stays parseable
    assert err.startswith(f"lawlint: 跳过 4 个未检查的文件：{folder}/a.doc（")
    assert "notes.xlsx" not in err and "README" not in err
    # --show hides infos, these records with them
    shown = json.loads(_run("--format", "json", "--show", "warning", str(folder))[1])
    assert all(r["rule"] != "skipped-file" for r in shown)


def test_fail_on_info_does_not_fail_on_skipped_files(folder: Path) -> None:
    assert _run(*ONE_RULE, "--fail-on", "info", "--format", "json", str(folder))[0] == 0


def test_sarif_has_them_as_notes_and_the_run_still_succeeds(folder: Path) -> None:
    code, out, _ = _run(*ONE_RULE, "--format", "sarif", str(folder))
    assert code == 0
    run = json.loads(out)["runs"][0]
    assert run["results"] == []
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    where = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
    assert [
        (n["level"], n["descriptor"]["id"], Path(uri).name)
        for n, uri in zip(notes, where, strict=True)
    ] == [("note", "skipped-file", name) for name in ("a.doc", "b.wps", "c.pdf", "d.dot")]
    assert notes[2]["message"]["text"] == (
        "未检查此文件：PDF 不检查也不转换，请提供 .docx 原稿"
        " / not checked: a PDF is not checked or converted: use the .docx draft"
    )


def test_the_html_page_lists_them_under_the_overview(folder: Path) -> None:
    code, out, _ = _run(*ONE_RULE, "--format", "html", str(folder))
    assert code == 0
    page = parse(out)
    section = page.find(id="skipped")
    assert section is not None
    items = section.find_all("li")
    assert [(Path(li.attrs["data-path"]).name, li.attrs["data-reason"]) for li in items] == [
        ("README", "other"),
        ("a.doc", "needs-libreoffice"),
        ("b.wps", "needs-libreoffice"),
        ("c.pdf", "pdf"),
        ("d.dot", "save-as-docx"),
        ("notes.xlsx", "other"),
    ]
    assert "PDF 不检查也不转换，请提供 .docx 原稿" in items[3].text


def test_files_the_configuration_excludes_are_not_skipped_files(folder: Path) -> None:
    (folder / ".lawlint.yaml").write_text('exclude: ["*.pdf", "*.xlsx"]\n', encoding="utf-8")
    out = _run(*ONE_RULE, str(folder))[1]
    assert "跳过 4 个未检查的文件" in out
    assert "c.pdf" not in out and ".xlsx" not in out
    assert "  另有 1 个其他格式的文件：无扩展名 1 个\n" in out


def test_a_folder_of_drafts_and_a_pack_gives_the_same_json_as_before(tmp_path: Path) -> None:
    """A CI repository keeps its pack, configuration and README beside the drafts: none
    of them is a record in the JSON array, and stderr stays quiet."""
    (tmp_path / "r.txt").write_text(CLEAN + "开展了大量工作。\n", encoding="utf-8")
    (tmp_path / "province-pack.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "README.md.bak").write_text("x", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    code, out, err = _run("--format", "json", "--select", "vague-quantity", str(tmp_path))
    assert (code, err) == (0, "")
    assert [(Path(r["path"]).name, r["rule"], r["line"]) for r in json.loads(out)] == [
        ("r.txt", "vague-quantity", 3)
    ]


def test_nothing_but_skipped_files_is_no_file_to_check(tmp_path: Path) -> None:
    root = tmp_path / "only"
    root.mkdir()
    (root / "a.doc").write_bytes(OLE)
    (root / "b.pdf").write_bytes(b"%PDF-1.4\n")
    code, out, err = _run(str(root))
    assert code == 2
    assert out == ""
    assert err.splitlines()[0] == (
        f"lawlint: 跳过 2 个未检查的文件：{root}/a.doc（Word 97-2003 文档，未找到 LibreOffice，"
        f"无法转换：请另存为 .docx，或安装 LibreOffice）；{root}/b.pdf（PDF 不检查也不转换，"
        "请提供 .docx 原稿）"
    )
    assert "没有要检查的文件" in err.splitlines()[2]
    code, out, _ = _run("--allow-empty", "--format", "json", str(root))
    assert code == 0
    assert [r["data"]["reason"] for r in json.loads(out)] == ["needs-libreoffice", "pdf"]
