""".docx input: paragraphs as lines, headings from Word's styles and numbering, exact
positions, unreadable files reported (--fix on .docx: test_docx_fix.py). Every .docx is
built here with python-docx (tests/docx_build.py): no binary fixtures."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from docx_build import NUM_RESTART, Num, Styled, Table, build

from lawlint.cli.main import main
from lawlint.errors import InputError
from lawlint.input.discovery import discover
from lawlint.input.reader import read_source
from lawlint.model.document import Document

TITLE = "青禾镇2024年法治政府建设年度报告"
STRUCTURE = "section-missing,heading-numbering,heading-marker,halfwidth-punct,cjk-space"

# One draft as a drafter writes it in Word: headings numbered by Word (the numbers are
# not in the text), a heading style, typed markers, a table.
DRAFT = [
    TITLE,  # 1
    Num("2024年推进法治政府建设的主要举措和成效", 0),  # 2  一、
    Num("深入学习贯彻习近平法治思想", 1),  # 3  （一）
    "全年召开专题学法会4次,培训干部132人次。",  # 4
    Num("依法全面履行政府职能", 1),  # 5  （二）
    "（三）健全依法行政制度体系",  # 6  typed, follows Word's （二）: in sequence
    "（五）严格规范公正文明执法",  # 7  typed: skips （四）
    Styled("党政主要负责人履行推进法治建设第一责任人职责情况", "Heading 1"),  # 8
    "镇党委书记、镇长带头学法4次。",  # 9
    Num("存在的不足和原因", 0),  # 10  二、
    "一些干部法治意识不强，主要是培训不够。",  # 11
    Num("2025年推进法治政府建设的主要安排", 0),  # 12  三、
    Num("深化学法用法", 1),  # 13  （一） again, under 三、
    "2025年组织培训2期。",  # 14
    Table([["主要工作", "数量"], ["1.培训", "12次"]]),  # 15–18
    "表中数据截至2024年12月31日 。",  # 19
]


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return build(tmp_path / "青禾镇.docx", DRAFT)


# -- reading ----------------------------------------------------------------------------


def test_each_paragraph_is_a_line_with_its_hints(draft: Path) -> None:
    source = read_source(str(draft))
    lines = source.text.split("\n")
    assert len(lines) == 19 and source.paragraphs
    assert lines[0] == TITLE and lines[1] == "2024年推进法治政府建设的主要举措和成效"
    assert lines[14:18] == ["主要工作", "数量", "1.培训", "12次"]  # table cells, row by row
    hints = source.hints
    assert [(i + 1, hints[i].level, hints[i].numbering) for i in (1, 2, 4, 9, 11, 12)] == [
        (2, 1, "一、"),
        (3, 2, "（一）"),
        (5, 2, "（二）"),
        (10, 1, "二、"),
        (12, 1, "三、"),
        (13, 2, "（一）"),  # Word restarts the deeper level under 三、
    ]
    assert hints[7].level == 1 and hints[7].numbering == ""  # Heading 1, not numbered
    assert all(hints[i].table for i in range(14, 18))
    assert 0 not in hints and 3 not in hints


def test_headings_from_numbering_style_and_text(draft: Path) -> None:
    doc = Document(read_source(str(draft)))
    assert doc.title is not None and doc.title.text == TITLE and doc.report_year == 2024
    assert [(h.line, h.level, h.marker is not None) for h in doc.headings] == [
        (2, 1, False),
        (3, 2, False),
        (5, 2, False),
        (6, 2, True),
        (7, 2, True),
        (8, 1, False),
        (10, 1, False),
        (12, 1, False),
        (13, 2, False),
    ]
    assert doc.headings[0].text == "2024年推进法治政府建设的主要举措和成效"
    # the section tree knows the levels: （一）（二）（三）（五） under 一、
    top = doc.sections[1]
    assert [doc.sections[i].heading.line for i in top.children] == [3, 5, 6, 7]
    # a table cell is neither a heading ("1.培训") nor a heading-like label ("主要工作")
    assert all(label.line < 15 or label.line > 18 for label in doc.labels)


def test_exact_findings(draft: Path) -> None:
    result = run("check", str(draft), "--format", "json", "--select", STRUCTURE)
    items = json.loads(result.stdout)
    assert [(i["rule"], i["line"], i["column"]) for i in items] == [
        ("halfwidth-punct", 4, 12),
        ("heading-numbering", 7, 1),  # typed （五） after （三）; Word's numbers never reported
        ("cjk-space", 19, 18),
    ]
    numbering = items[1]
    assert numbering["data"] == {"problem": "gap", "expected": 4, "found": 5}
    assert numbering["end_column"] == 4
    assert items[0]["fix"] == {"replacement": "，"}
    assert result.exit_code == 1  # heading-numbering is an error


def test_word_numbered_report_is_as_clean_as_the_typed_one(tmp_path: Path) -> None:
    """The clean example, its numbers turned into Word's automatic numbering: still no
    finding at all — no section-missing, no heading-numbering, no unnumbered heading."""
    from lawlint.numbering import parse_marker

    lines = [
        line
        for line in (EXAMPLES / "clean-report.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    blocks: list = []
    for line in lines:
        marker = parse_marker(line)
        blocks.append(Num(line[marker.length :], marker.level - 1) if marker else line)
    path = build(tmp_path / "clean.docx", blocks)
    doc = Document(read_source(str(path)))
    assert sum(1 for h in doc.headings if h.marker is None) > 20  # numbered by Word
    result = run("check", str(path), "--format", "json")
    assert json.loads(result.stdout) == [] and result.exit_code == 0
    typed = build(tmp_path / "typed.docx", lines)
    assert run("check", str(typed)).exit_code == 0


def test_heading_styles_english_chinese_and_outline_level(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def setup(document) -> None:
        # WPS names its heading styles in Chinese; a custom style based on one inherits it
        cn = document.styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)
        mine = document.styles.add_style("报告小标题", WD_STYLE_TYPE.PARAGRAPH)
        mine.base_style = cn

    def outline(document) -> None:
        p = document.add_paragraph("依法全面履行政府职能")
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), "2")
        p._p.get_or_add_pPr().append(level)

    path = build(
        tmp_path / "styles.docx",
        [
            Styled(TITLE, "Heading 1"),  # the title, though styled as a heading
            Styled("主要举措和成效", "Heading 1"),
            Styled("推进依法行政", "标题 2"),
            Styled("加强执法监督", "报告小标题"),
            outline,
            Styled("（一）加强组织领导", "Heading 3"),  # the typed marker wins
            Styled("年度报告", "Title"),  # Word's Title style is not a heading
        ],
        setup=setup,
    )
    doc = Document(read_source(str(path)))
    assert doc.title is not None and doc.title.text == TITLE
    assert [(h.line, h.level) for h in doc.headings] == [(2, 1), (3, 2), (4, 2), (5, 3), (6, 2)]


def test_a_style_with_numbering_and_bullets(tmp_path: Path) -> None:
    path = build(
        tmp_path / "lists.docx",
        [
            TITLE,
            Styled("完成培训12期", "List Number"),  # numbered by its style: 1.
            Styled("完成普法宣传30场", "List Number"),  # 2.
            Styled("依法决策", "List Bullet"),  # a bullet is not a heading
        ],
    )
    source = read_source(str(path))
    assert [(source.hints[i].level, source.hints[i].numbering) for i in (1, 2)] == [
        (3, "1."),
        (3, "2."),
    ]
    assert 3 not in source.hints
    doc = Document(source)
    assert [h.line for h in doc.headings] == [2, 3]


def test_table_of_contents_entries_are_not_headings(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    def setup(document) -> None:
        document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)

    path = build(
        tmp_path / "toc.docx",
        [
            TITLE,
            Styled("一、主要举措和成效\t1", "toc 1"),
            Styled("二、存在的不足和原因\t3", "toc 1"),
            "一、主要举措和成效",
            "二、存在的不足和原因",
        ],
        setup=setup,
    )
    source = read_source(str(path))
    assert source.hints[1].table and source.hints[2].table
    assert [h.line for h in Document(source).headings] == [4, 5]
    result = run("check", str(path), "--format", "json", "--select", "heading-numbering")
    assert json.loads(result.stdout) == []  # 一、 二、 after the contents' 一、 二、: no repeat


def test_a_restarted_list_counts_from_its_start(tmp_path: Path) -> None:
    path = build(
        tmp_path / "restart.docx",
        [TITLE, Num("甲", 0), Num("乙", 0), Num("丙", 0, NUM_RESTART), Num("丁", 1, NUM_RESTART)],
    )
    hints = read_source(str(path)).hints
    assert [hints[i].numbering for i in range(1, 5)] == ["一、", "二、", "一、", "（一）"]


def test_paragraph_text_is_what_word_shows(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def runs(document) -> None:
        p = document.add_paragraph("坚持")
        p.add_run("依法").add_break()  # Shift+Enter: a line break inside the paragraph
        p.add_run("行政\t")
        hidden = p.add_run("隐藏")
        hidden.font.hidden = True
        for xml in (
            f"<w:del {w} w:id='1' w:author='a'><w:r><w:delText>删除</w:delText></w:r></w:del>",
            f"<w:ins {w} w:id='2' w:author='a'><w:r><w:t>插入</w:t></w:r></w:ins>",
            f"<w:hyperlink {w}><w:r><w:t>链接</w:t></w:r></w:hyperlink>",
            f"<w:r {w}><w:instrText> PAGE </w:instrText></w:r>",
        ):
            p._p.append(parse_xml(xml))

    source = read_source(str(build(tmp_path / "runs.docx", [runs, "下一段"])))
    assert source.text == "坚持依法\u2028行政\t插入链接\n下一段"


def test_directories_include_docx_but_not_word_lock_files(tmp_path: Path) -> None:
    build(tmp_path / "b.docx", [TITLE])
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "~$b.docx").write_bytes(b"\x05lock")  # Word's owner file of an open b.docx
    found = [Path(p).name for p in discover([str(tmp_path)])]
    assert found == ["a.txt", "b.docx"]


# -- the command line --------------------------------------------------------------------


def test_text_output_quotes_the_paragraph(draft: Path) -> None:
    result = run("check", str(draft), "--select", "halfwidth-punct", "--no-color")
    lines = result.output.splitlines()
    assert (
        lines[0] == f"{draft}:4:12  警告  halfwidth-punct  中文文本中使用了半角“,”，应改为全角“，”"
    )
    assert lines[1] == "段   4 | 全年召开专题学法会4次,培训干部132人次。"
    assert lines[2] == "       | " + " " * 21 + "^"  # 9 Chinese characters, "4", 次


def test_coloured_output_quotes_the_paragraph_too(draft: Path) -> None:
    result = run("check", str(draft), "--select", "halfwidth-punct", "--color")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.output).splitlines()
    assert plain[1] == "段   4 | 全年召开专题学法会4次,培训干部132人次。"
    assert plain[2] == "       | " + " " * 21 + "^"


def test_long_paragraph_is_quoted_around_the_span(tmp_path: Path) -> None:
    long = "全年" + "开展法治宣传活动，" * 12 + "培训干部132人次,效果良好。"
    path = build(tmp_path / "long.docx", [TITLE, long])
    result = run("check", str(path), "--select", "halfwidth-punct", "--no-color")
    quote = result.output.splitlines()[1]
    assert quote.startswith("段   2 | …") and "人次,效果良好。" in quote
    assert len(quote) < 70  # a short quote, not the whole paragraph


def test_json_contract_is_unchanged(draft: Path) -> None:
    items = json.loads(run("check", str(draft), "--format", "json").stdout)
    keys = ["path", "rule", "severity", "line", "column", "end_line", "end_column"]
    assert items and all(list(i)[:7] == keys and i["path"] == str(draft) for i in items)


def test_stdin_with_a_docx_name(draft: Path) -> None:
    result = run(
        "check",
        "-",
        "--stdin-filename",
        "报告.docx",
        "--select",
        "halfwidth-punct",
        "--format",
        "json",
        input=draft.read_bytes(),
    )
    assert [(i["path"], i["line"], i["column"]) for i in json.loads(result.stdout)] == [
        ("报告.docx", 4, 12)
    ]


def test_a_directive_paragraph_suppresses_the_next_paragraph(tmp_path: Path) -> None:
    path = build(
        tmp_path / "d.docx",
        [TITLE, "<!-- lawlint-disable-next-line halfwidth-punct -->", "坚持依法行政,推进建设。"],
    )
    result = run("check", str(path), "--select", "halfwidth-punct", "--format", "json")
    assert json.loads(result.stdout) == []


# -- files that are not readable .docx ------------------------------------------------------


def _zip(entries: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in entries.items():
            z.writestr(name, text)
    return buf.getvalue()


XLSX_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
XLSX_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _truncated(tmp_path: Path) -> bytes:
    data = build(tmp_path / "whole.docx", [TITLE]).read_bytes()
    (tmp_path / "whole.docx").unlink()
    return data[: len(data) // 2]


def _bad_xml(tmp_path: Path) -> bytes:
    data = build(tmp_path / "whole.docx", [TITLE]).read_bytes()
    (tmp_path / "whole.docx").unlink()
    src = zipfile.ZipFile(io.BytesIO(data))
    entries: dict[str, str | bytes] = {n: src.read(n) for n in src.namelist()}
    entries["word/document.xml"] = src.read("word/document.xml")[:300]  # cut mid-tag
    return _zip(entries)


UNREADABLE = {
    "encrypted": (
        lambda tmp: CFB + "EncryptedPackage".encode("utf-16-le"),
        "文件已加密",
        "is encrypted",
    ),
    "old-doc": (lambda tmp: CFB + "WordDocument".encode("utf-16-le"), ".doc", "97-2003"),
    "text": (lambda tmp: f"{TITLE}\n".encode(), "不是 Word .docx 文档", "not a Word .docx"),
    "empty": (lambda tmp: b"", "空文件", "is empty"),
    "pdf": (lambda tmp: b"%PDF-1.7\n", "PDF 文件", "a PDF file"),
    "xlsx": (
        lambda tmp: _zip(
            {
                "[Content_Types].xml": XLSX_TYPES,
                "_rels/.rels": XLSX_RELS,
                "xl/workbook.xml": "<workbook/>",
            }
        ),
        "不是 Word 文档",
        "not a Word document",
    ),
    "zip": (lambda tmp: _zip({"a.txt": "x"}), "文件已损坏", "is damaged"),
    "truncated": (_truncated, "文件已损坏", "is damaged"),
    "bad-xml": (_bad_xml, "文件已损坏", "is damaged"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_unreadable_docx_is_exit_2_naming_the_file(tmp_path: Path, case: str) -> None:
    make, zh, en = UNREADABLE[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(make(tmp_path))
    with pytest.raises(InputError) as exc:
        read_source(str(path))
    assert zh in exc.value.zh and en in exc.value.en and exc.value.path == str(path)
    good = build(tmp_path / "good.docx", [TITLE, "坚持依法行政,推进建设。"])
    result = CliRunner().invoke(
        main, ["check", str(path), str(good), "--select", "halfwidth-punct"]
    )
    assert result.exit_code == 2
    assert f"lawlint: {path}: " in result.stderr and zh in result.stderr
    assert f"{good}:2:7" in result.stdout  # the other file is still checked
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_lxml_is_imported_only_for_a_docx(draft: Path) -> None:
    code = (
        "import sys\n"
        "from lawlint.lint.engine import Linter\n"
        "from lawlint.packs.loader import load_packs\n"
        "linter = Linter(load_packs())\n"
        f"linter.lint_path({str(EXAMPLES / 'clean-report.txt')!r})\n"
        "before = 'docx' in sys.modules or 'lxml' in sys.modules\n"
        f"linter.lint_path({str(draft)!r})\n"
        "print(before, 'lxml' in sys.modules, 'docx' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False True False\n"  # python-docx's package reader unused


def test_a_batch_of_docx_in_worker_processes_and_from_the_cache(tmp_path: Path) -> None:
    from lawlint.lint.cache import ResultCache
    from lawlint.lint.runner import POOL_MIN, run
    from lawlint.lint.workspace import Workspace

    folder = tmp_path / "drafts"
    folder.mkdir()
    for i in range(POOL_MIN):
        build(folder / f"r{i}.docx", DRAFT)
    workspace = Workspace()
    jobs = workspace.jobs(discover([str(folder)]))
    cache = tmp_path / "cache"
    pooled = run(workspace, jobs, cache=ResultCache(cache), n_jobs=2)
    cached = run(workspace, jobs, cache=ResultCache(cache), n_jobs=1)
    for a, b in zip(pooled, cached, strict=True):
        assert b.cached and [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
        assert b.document is not None and b.document.source.paragraphs  # text output needs it
    assert ("halfwidth-punct", 4, 12) in [(f.rule, f.line, f.column) for f in cached[0].findings]


def test_sarif_and_github_positions_are_paragraphs(draft: Path) -> None:
    sarif = json.loads(
        run("check", str(draft), "--format", "sarif", "--select", "halfwidth-punct").stdout
    )
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith(".docx")
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (4, 12)
    github = run("check", str(draft), "--format", "github", "--select", "halfwidth-punct")
    assert f"::warning file={draft},line=4,col=12,endLine=4,endColumn=13" in github.stdout


def test_a_docx_without_its_name_is_recognised(tmp_path: Path) -> None:
    """Piped in, or misnamed: the error says it is a Word file and how to lint it."""
    path = tmp_path / "draft.docx"
    build(path, ["云溪县2024年法治政府建设年度报告", "坚持依法行政。"])
    result = CliRunner().invoke(main, ["check", "-"], input=path.read_bytes())
    assert result.exit_code == 2
    assert "<stdin>: 看起来是 Word 文档（.docx）" in result.output
    assert "--stdin-filename NAME.docx" in result.output
