"""End to end in real LibreOffice: the documents ``--fix`` (tracked changes and plain) and
``--annotate`` write open in LibreOffice Writer and convert to PDF without an error; the
PDF's text shows the fixed text (and, for tracked changes, the deleted text beside it, as
Writer shows a deletion), and its comments are there with their text and author.

LibreOffice 7.4 (Debian 12) exports a Word comment as a PDF annotation, not as page
text (comments in the margin came with later versions), so the comments are read from
the PDF's annotations; the page text comes from ``pdftotext``. One ``soffice`` run
converts every document, under a timeout. Skipped, saying why, where ``soffice`` or
``pdftotext`` is not installed (``.ci/run`` installs them where it can).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_build import REVIEWER, rich_draft

from lawlint.cli.main import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) or poppler-utils (pdftotext) is not installed;"
    " .ci/run installs libreoffice-writer-nogui and poppler-utils as root with apt-get",
)
# Writer's PDF export with comments kept, as PDF annotations
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
TIMEOUT = 180


def _lawlint(*args: str) -> subprocess.CompletedProcess:
    result = CliRunner().invoke(main, ["check", "--no-cache", *args])
    return result


def _convert(tmp_path: Path, documents: list[Path]) -> dict[str, Path]:
    """Each document converted to PDF by one headless soffice run (its own profile)."""
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}"]
    command += ["--convert-to", PDF_FILTER, "--outdir", str(out), *map(str, documents)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    pdfs = {doc.stem: out / f"{doc.stem}.pdf" for doc in documents}
    for pdf in pdfs.values():
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), done.stdout
    return pdfs


def _page_text(pdf: Path) -> str:
    """The PDF's text, without the spaces pdftotext puts between CJK and Latin text."""
    text = subprocess.run(
        [PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    return re.sub(r"\s+", "", text)


_ANNOT = re.compile(rb"/Subtype\s*/Text\b(.*?)>>", re.S)


def _pdf_string(raw: bytes) -> str:
    """A PDF text string: <FEFF...> (UTF-16BE, as LibreOffice writes it) or (...)."""
    raw = raw.strip()
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode("ascii"))
        return data[2:].decode("utf-16-be") if data[:2] == b"\xfe\xff" else data.decode("latin-1")
    return raw[1:-1].decode("latin-1")


def _comments(pdf: Path) -> list[tuple[str, str]]:
    """(author, text) of each text annotation (a Word comment) in the PDF."""
    found = []
    for m in _ANNOT.finditer(pdf.read_bytes()):
        fields = dict(re.findall(rb"/(T|Contents)\s*(<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))", m[1]))
        if b"Contents" in fields:
            author = _pdf_string(fields.get(b"T", b"()")).split(",")[0]  # "张三, 12/05/26, "
            found.append((author, _pdf_string(fields[b"Contents"])))
    return found


def test_fixed_and_annotated_documents_open_in_libreoffice(tmp_path: Path) -> None:
    draft = rich_draft(tmp_path / "draft.docx")
    tracked = tmp_path / "tracked.docx"
    plain = tmp_path / "plain.docx"
    annotated = tmp_path / "annotated.docx"
    shutil.copy(draft, tracked)
    shutil.copy(draft, plain)
    assert _lawlint("--fix", str(tracked)).exit_code == 1
    assert _lawlint("--fix", "--fix-mode", "apply", str(plain)).exit_code == 1
    assert _lawlint(str(draft), "--annotate", str(annotated)).exit_code == 1
    findings = json.loads(_lawlint(str(draft), "--format", "json").stdout)

    pdfs = _convert(tmp_path, [tracked, plain, annotated])

    # plain fixes: the fixed text, and nothing of the old (the reviewer's pending changes
    # are shown as Writer shows them: the deletion too)
    text = _page_text(pdfs["plain"])
    for fixed in (
        "全年召开专题学法会4次，培训干部132人次。",
        "已有批注的段落，内容不变。",
        "修订前的文字，审阅人插入的文字审阅人删除的文字修订后的文字。",  # the reviewer's
        "表格里的问题，待改",
        "图示如下，见上图。",
        "存在的不足和原因：一是统筹不够。",
    ):
        assert fixed in text
    assert "4次,培训" not in text and "１３" not in text
    assert text.startswith("页眉文字,不检查") and text.endswith("页脚文字,不检查")  # not read
    # tracked changes: Writer shows each deletion (struck through) before its insertion
    text = _page_text(pdfs["tracked"])
    for shown in ("4次,，培训干部", "１３13２2人次", "段落,，内容", "原因:：一是", "问题,，待改"):
        assert shown in text
    # the reviewer's comment survived the fix; the annotated copy has one per finding
    assert (REVIEWER, "审阅人意见") in _comments(pdfs["tracked"])
    comments = _comments(pdfs["annotated"])
    ours = [body for author, body in comments if author == "lawlint"]
    assert len(ours) == len(findings)
    assert sorted(f"{f['message']}（{f['rule']}）" for f in findings) == sorted(
        body.split("\n")[0] for body in ours
    )
    assert any(body.endswith("改为：，") for body in ours)
    assert (REVIEWER, "审阅人意见") in comments
    assert "全年召开专题学法会4次,培训干部１３２人次。" in _page_text(pdfs["annotated"])
