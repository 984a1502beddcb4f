"""Word 97-2003, WPS, RTF and OpenDocument drafts read through LibreOffice (issue 15).

The drafts are real: a .docx built here with python-docx, converted to .doc (and, in the
slow test, .rtf and .odt) by the installed LibreOffice (a .wps is WPS 文字's Word 97
format: the .doc under that name). Tests that need LibreOffice are skipped, with the
reason, where it is missing; the paths without it, the time limit and damaged files use
PATH and fake ``soffice`` scripts instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from lawlint.cli.main import main
from lawlint.input import convert
from lawlint.input.convert import TIMEOUT_ENV, import_filter

SOFFICE = convert.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LINES = (
    "某县2023年法治政府建设情况报告",
    "一、2023年推进法治政府建设的主要举措和成效",
    "我们做了大量工作,取得明显成效。",
)


def _draft(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph(LINES[0])
    d.add_paragraph(LINES[1])
    p = d.add_paragraph()
    p.add_run("我们做了").bold = True
    p.add_run("大量工作,取得明显成效。")
    d.save(str(path))


class _Made:
    """The draft as a .docx (python-docx), and as each format LibreOffice makes of it,
    converted once, on first use (each conversion is a LibreOffice start)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.docx = folder / "draft.docx"
        _draft(self.docx)

    def as_(self, fmt: str) -> Path:
        out = self.folder / f"draft.{fmt}"
        if not out.exists():
            assert SOFFICE is not None
            profile = (self.folder / "profile").as_uri()
            subprocess.run(
                [
                    SOFFICE,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    fmt,
                    "--outdir",
                    str(self.folder),
                    str(self.docx),
                ],
                capture_output=True,
                timeout=120,
                check=True,
            )
        return out


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> _Made:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    return _Made(tmp_path_factory.mktemp("made"))


@pytest.fixture(scope="module")
def drafts(made: _Made, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with 报告.docx and the same draft as 甲.doc and 乙.wps (WPS 文字 writes
    Word 97's format)."""
    folder = tmp_path_factory.mktemp("drafts")
    shutil.copy(made.docx, folder / "报告.docx")
    shutil.copy(made.as_("doc"), folder / "甲.doc")
    shutil.copy(made.as_("doc"), folder / "乙.wps")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _positions(folder: Path) -> dict[str, list[tuple[str, int, int, int, object]]]:
    """Each file's findings: (rule, line, column, end column, data.converted_from)."""
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(folder)])
    assert result.exit_code == 1, result.output
    by_name: dict[str, list[tuple[str, int, int, int, object]]] = {}
    for f in json.loads(result.stdout):
        assert f["rule"] != "skipped-file"  # converted, not skipped
        by_name.setdefault(Path(f["path"]).name, []).append(
            (f["rule"], f["line"], f["column"], f["end_column"], f["data"].get("converted_from"))
        )
    return by_name


def _as_from(findings: list[tuple[str, int, int, int, object]], suffix: str) -> list:
    return [(*f[:4], suffix) for f in findings]


@needs_soffice
def test_a_doc_and_a_wps_give_the_findings_of_the_docx_they_were_made_from(
    drafts: Path,
) -> None:
    before = _snapshot(drafts)
    by_name = _positions(drafts)
    expected = by_name["报告.docx"]
    assert ("vague-quantity", 3, 5, 7, None) in expected
    assert ("halfwidth-punct", 3, 9, 10, None) in expected
    assert by_name["甲.doc"] == _as_from(expected, ".doc")
    assert by_name["乙.wps"] == _as_from(expected, ".wps")
    # the drafts untouched, and nothing left beside them (no LibreOffice lock file)
    assert _snapshot(drafts) == before


@pytest.mark.slow  # two more LibreOffice conversions each way: the .doc test covers the path
def test_rtf_and_odt_give_the_findings_of_the_docx_they_were_made_from(
    made: _Made, tmp_path: Path
) -> None:
    shutil.copy(made.docx, tmp_path / "报告.docx")
    shutil.copy(made.as_("rtf"), tmp_path / "丙.rtf")
    shutil.copy(made.as_("odt"), tmp_path / "丁.odt")
    by_name = _positions(tmp_path)
    assert by_name["丙.rtf"] == _as_from(by_name["报告.docx"], ".rtf")
    assert by_name["丁.odt"] == _as_from(by_name["报告.docx"], ".odt")


@needs_soffice
def test_the_text_report_says_which_files_were_converted(drafts: Path) -> None:
    doc, wps = str(drafts / "甲.doc"), str(drafts / "乙.wps")
    result = CliRunner().invoke(main, ["check", "--no-cache", doc, wps])
    assert result.exit_code == 1, result.output
    assert f"{doc}:3:5  警告  vague-quantity" in result.stdout
    assert "段   3 | 我们做了大量工作,取得明显成效。" in result.stdout
    assert (
        f"2 个文件经 LibreOffice 转换为 .docx 后检查，段号、列号按转换后的文档计算：{doc}、{wps}\n"
    ) in result.stdout
    english = CliRunner().invoke(main, ["check", "--no-cache", "--lang", "en", doc])
    assert (
        "1 file converted to .docx by LibreOffice before checking; paragraph and column"
        f" numbers refer to the converted document: {doc}\n"
    ) in english.stdout


@needs_soffice
def test_a_doc_is_annotated_from_its_converted_document(drafts: Path, tmp_path: Path) -> None:
    src = drafts / "甲.doc"
    before = src.read_bytes()
    out = tmp_path / "甲-审阅.docx"
    result = CliRunner().invoke(main, ["check", "--no-cache", str(src), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    assert src.read_bytes() == before
    copy = docx.Document(str(out))
    assert [p.text for p in copy.paragraphs][:3] == list(LINES)
    findings = json.loads(
        CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(src)]).stdout
    )
    assert len([c for c in copy.comments if c.author == "lawlint"]) == len(findings)


@needs_soffice
@pytest.mark.parametrize("flag", ["--fix", "--diff"])
def test_fix_and_diff_leave_a_converted_doc_alone_and_say_why(
    drafts: Path, tmp_path: Path, flag: str
) -> None:
    # issue 15: --fix on a draft lawlint cannot write back must not read as "damaged",
    # "1 unreadable" and "nothing to fix" — the findings are reported, the file kept
    src = tmp_path / "甲.doc"
    shutil.copy(drafts / "甲.doc", src)
    before = src.read_bytes()
    result = CliRunner().invoke(main, ["check", "--no-cache", flag, str(src)])
    assert src.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["甲.doc"]
    assert (
        f"lawlint: {src}: 此格式经 LibreOffice 转换后检查，lawlint 不修改原文件（{flag} 不适用），"
        "问题照常报告；要自动修复，请在 Word/WPS 中另存为 .docx / checked through a LibreOffice"
        f" conversion: lawlint does not change this file ({flag} does not apply), its findings"
        " are reported as they are; save it as .docx in Word or WPS to fix it\n"
    ) in result.stderr
    assert "damaged" not in result.stderr and "unreadable" not in result.output
    if flag == "--fix":
        assert result.exit_code == 1  # its findings, as `check` reports them
        assert f"{src}:3:5  警告  vague-quantity" in result.stdout
    else:
        assert result.exit_code == 0  # nothing would change
        assert result.stdout == ""


@needs_soffice
def test_a_damaged_doc_is_an_error_naming_it_and_the_rest_is_checked(
    drafts: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "坏.doc"
    bad.write_bytes(OLE + b"\x00garbage that is no compound file" * 20)
    ok = drafts / "报告.docx"
    result = CliRunner().invoke(main, ["check", "--no-cache", str(bad), str(ok)])
    assert result.exit_code == 2
    assert (
        f"lawlint: {bad}: LibreOffice 无法打开此文件，未能转换：可能已损坏、加密，或不是"
        " Word 97-2003 文档；请在 Word 或 WPS 中打开并另存为 .docx / LibreOffice cannot open"
        " it, so it was not converted: damaged, encrypted, or not a Word 97-2003 document;"
        " open it in Word or WPS and save it as .docx\n"
    ) in result.stderr
    assert "Traceback" not in result.output
    assert f"{ok}:3:5  警告  vague-quantity" in result.stdout
    assert "检查了 2 个文件，1 个文件无法读取" in result.stdout


def _no_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    monkeypatch.setattr(convert, "_INSTALLED", {})  # nor where macOS or Windows put it


def test_a_file_that_is_not_what_its_suffix_says_is_refused_before_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_libreoffice(tmp_path, monkeypatch)  # LibreOffice or not
    bad = tmp_path / "假.doc"
    bad.write_text("只是一段文字，不是 Word 文档。\n", encoding="utf-8")
    before = bad.read_bytes()
    result = CliRunner().invoke(main, ["check", "--no-cache", str(bad)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"lawlint: {bad}: 内容不是 Word 97-2003 文档（文件头不符），可能已损坏或改了扩展名，"
        "无法转换 / does not hold a Word 97-2003 document (its first bytes do not match):"
        " damaged or renamed; it cannot be converted\n"
    )
    assert bad.read_bytes() == before


def test_without_libreoffice_a_named_doc_says_to_save_it_as_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_libreoffice(tmp_path, monkeypatch)
    doc = tmp_path / "报告.wps"
    doc.write_bytes(OLE + b"\x00" * 64)
    ok = tmp_path / "ok.txt"
    ok.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(doc), str(ok)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"lawlint: {doc}: 是 WPS 文字文档，需要 LibreOffice 转换后才能检查，但未找到 soffice："
        "请在 Word 或 WPS 中另存为 .docx 后再检查，或安装 LibreOffice / is a WPS Writer"
        " document; checking it needs LibreOffice (soffice) to convert it, and none was found:"
        " save it as .docx in Word or WPS, or install LibreOffice\n"
    )
    assert f"{ok}:3:5  警告  vague-quantity" in result.stdout  # the rest is still checked
    assert "Traceback" not in result.output


def _fake_soffice(folder: Path, body: str) -> Path:
    """A ``soffice`` on PATH that runs the shell ``body`` instead of LibreOffice."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return folder


def test_a_conversion_over_the_time_limit_is_stopped_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    fake = _fake_soffice(tmp_path / "bin", f"sleep 60 & echo $! > {pids}\nwait")
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv(TIMEOUT_ENV, "0.5")
    doc = tmp_path / "慢.doc"
    doc.write_bytes(OLE + b"\x00" * 64)
    result = CliRunner().invoke(main, ["check", "--no-cache", str(doc)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"lawlint: {doc}: LibreOffice 转换超过 0.5 秒未完成，已终止（可用环境变量"
        f" {TIMEOUT_ENV}调整）；请另存为 .docx 后再检查 / LibreOffice did not finish"
        f" converting it within 0.5 s and was stopped (set {TIMEOUT_ENV} to allow longer);"
        " save it as .docx\n"
    )
    child = int(pids.read_text())
    for _ in range(100):  # killed with its group; reaped by init soon after
        if not _alive(child):
            break
        time.sleep(0.02)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ")[1][0] != "Z"  # a zombie is dead
    except FileNotFoundError:
        return False


def test_a_libreoffice_that_writes_nothing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _fake_soffice(tmp_path / "bin", "echo 'Error: source file could not be loaded' >&2")
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    odt = tmp_path / "稿.odt"
    odt.write_bytes(
        b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text"
    )
    result = CliRunner().invoke(main, ["check", "--no-cache", str(odt)])
    assert result.exit_code == 2
    assert f"lawlint: {odt}: LibreOffice 无法打开此文件，未能转换：" in result.stderr
    assert "或不是 OpenDocument 文本；" in result.stderr


# A fake LibreOffice: logs each start, and "converts" every .doc input by copying a
# template .docx to --outdir, except one whose bytes say BROKEN (it cannot be loaded).
BATCH_SOFFICE = """echo "$@" >> {log}
prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
mkdir -p "$out"
for a in "$@"; do case "$a" in *.doc)
  grep -q BROKEN "$a" || cp {template} "$out/$(basename "$a" .doc).docx";;
esac; done"""


def test_a_folder_of_docs_is_converted_with_one_libreoffice_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template, log = tmp_path / "template.docx", tmp_path / "starts.log"
    _draft(template)
    fake = _fake_soffice(tmp_path / "bin", BATCH_SOFFICE.format(log=log, template=template))
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name in ("甲", "乙", "丙"):  # different bytes (by name and folder): three files
        (folder / f"{name}.doc").write_bytes(OLE + f"{tmp_path}{name}".encode())
    (folder / "坏.doc").write_bytes(OLE + f"{tmp_path}BROKEN".encode())
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--format", "json", "--select", "halfwidth-punct", str(folder)],
    )
    assert result.exit_code == 2  # 坏.doc
    starts = log.read_text(encoding="utf-8").splitlines()
    assert len(starts) == 1  # one LibreOffice for the four, and no second try for 坏.doc
    assert starts[0].count(".doc") == 4 and "--infilter=MS Word 97" in starts[0]
    assert [(Path(f["path"]).name, f["line"], f["column"]) for f in json.loads(result.stdout)] == [
        ("丙.doc", 3, 9),
        ("乙.doc", 3, 9),
        ("甲.doc", 3, 9),
    ]
    assert f"lawlint: {folder / '坏.doc'}: LibreOffice 无法打开此文件" in result.stderr


def test_a_bad_time_limit_is_an_error_naming_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _fake_soffice(tmp_path / "bin", "exit 0")
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv(TIMEOUT_ENV, "soon")
    doc = tmp_path / "a.doc"
    doc.write_bytes(OLE)
    result = CliRunner().invoke(main, ["check", "--no-cache", str(doc)])
    assert result.exit_code == 2
    assert (
        f"lawlint: {doc}: 环境变量 {TIMEOUT_ENV}='soon' 不是正数（秒），无法转换" in result.stderr
    )


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (OLE, "MS Word 97"),
        (b"{\\rtf1\\ansi", "Rich Text Format"),
        (
            b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text",
            "writer8",
        ),
        (
            b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml word/document.xml",
            "MS Word 2007 XML",
        ),
    ],
)
def test_the_import_filter_comes_from_the_first_bytes(head: bytes, expected: str) -> None:
    assert import_filter(head + b"\x00" * 16, "x.doc") == expected


def test_a_pdf_named_on_the_command_line_says_it_is_a_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "报告.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(pdf)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"lawlint: {pdf}: 是 PDF 文件，无法检查（lawlint 不转换 PDF）：请提供 .docx 原稿"
        " / is a PDF, which lawlint does not check or convert: use the .docx draft\n"
    )
