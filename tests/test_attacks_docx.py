"""Hostile .docx files (issues 13 and 20): zip bombs, XML entities, huge counts, deep
nesting, damaged archives and crafted numbering. Each input is built here, small on
disk; reading it must end in exact behaviour — a one-line error naming the file (exit
code 2) or the document read as Word shows it — in bounded time and memory, reading
nothing outside the document, and the other files of the run still checked."""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawlint.cli.main import main
from lawlint.errors import InputError
from lawlint.input.docx_package import MAX_PARAGRAPHS
from lawlint.input.reader import read_source

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _rels(*rels: tuple[str, str]) -> str:
    items = "".join(
        f'<Relationship Id="rId{i}" Type="{RT}{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(rels, 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        f'openxmlformats.org/package/2006/relationships">{items}</Relationships>'
    )


PACKAGE_RELS = _rels(("officeDocument", "word/document.xml"))
_KINDS = {
    "word/styles.xml": "styles",
    "word/numbering.xml": "numbering",
    "word/media/big.png": "image",
}


def doc_rels(members: Iterable[str]) -> str:
    """The document's relationships to the members present."""
    return _rels(*((_KINDS[m], m.removeprefix("word/")) for m in members if m in _KINDS))


TITLE = "青禾镇2024年法治政府建设年度报告"
GOOD_BODY = f"<w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p>"


def document_xml(body: str, *, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


def para(text: str, *, ilvl: str | None = None, num_id: str = "1") -> str:
    num = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return f"<w:p>{num if ilvl is not None else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"


def package(path: Path, document: bytes, parts: dict[str, str | bytes] | None = None) -> Path:
    """A minimal Word package: the document, and any other member by name
    (``word/numbering.xml`` …) with its relationship, written with zipfile."""
    parts = parts or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/_rels/document.xml.rels", doc_rels(parts))
        z.writestr("word/document.xml", document)
        for name, data in parts.items():
            z.writestr(name, data)
    return path


# -- a ZIP written by hand: a member's compressed bytes given as they are -----------------


def deflated_repeats(head: bytes, unit: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of ``head + unit * times + tail`` without building it: after a full
    flush, the compressed block for one more ``unit`` (1 MiB of whole paragraphs)
    is the same every time, so it is repeated. Returns (data, crc32, size)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [c.compress(head + unit) + c.flush(zlib.Z_FULL_FLUSH)]
    block = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.copy()
    assert again.compress(unit) + again.flush(zlib.Z_FULL_FLUSH) == block
    out.append(block * (times - 1))
    out.append(c.compress(tail) + c.flush())
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    return b"".join(out), crc, len(head) + len(unit) * times + len(tail)


def raw_zip(path: Path, members: Iterable[tuple[str, bytes, int, int, int]]) -> Path:
    """A ZIP of (name, stored bytes, crc32, uncompressed size, method) members, as
    declared: a size may lie."""
    body, central = bytearray(), bytearray()
    count = 0
    for name, data, crc, size, method in members:
        raw = name.encode()
        # flags, method, time, date (1980-01-01), crc, sizes, name and extra lengths
        common = struct.pack("<4H3I2H", 0, method, 0, 0x21, crc, len(data), size, len(raw), 0)
        central += struct.pack("<4s2H", b"PK\x01\x02", 20, 20) + common
        central += struct.pack("<3H2I", 0, 0, 0, 0, len(body)) + raw
        body += struct.pack("<4sH", b"PK\x03\x04", 20) + common + raw + data
        count += 1
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, len(central), len(body), 0)
    path.write_bytes(bytes(body + central + end))
    return path


def stored(name: str, data: str | bytes) -> tuple[str, bytes, int, int, int]:
    blob = data.encode() if isinstance(data, str) else data
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, c.compress(blob) + c.flush(), zlib.crc32(blob), len(blob), 8


def bomb_zip(path: Path, member: str, gib: int, *, document: bytes | None = None) -> Path:
    """A package whose ``member`` inflates to ``gib`` GiB of one repeated byte pattern
    (a few MB on disk); ``document`` is the document part when the bomb is another part."""
    head = document_xml("")[: -len("</w:body></w:document>")]
    data, crc, size = deflated_repeats(head, b"<w:p/>" * 174763, gib * 1024, b"")
    parts = [
        stored("[Content_Types].xml", TYPES),
        stored("_rels/.rels", PACKAGE_RELS),
        stored("word/_rels/document.xml.rels", doc_rels([member])),
    ]
    if document is not None:
        parts.append(stored("word/document.xml", document))
    return raw_zip(path, [*parts, (member, data, crc, size, 8)])


# -- running lawlint in a child with a memory ceiling --------------------------------------

MEMORY_CEILING = 1536 * 1024 * 1024  # address space: a runaway allocation fails, not the box
RSS_BOUND_KB = 300 * 1024  # peak resident memory of a child that refused or read a file
# The child caps its own address space and runs the command line exactly as the
# ``lawlint`` script does, recording its peak RSS as it exits.
DRIVER = """
import os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({ceiling}, {ceiling}))
peak_file = sys.argv.pop(1)
exit_now = os._exit
def record_and_exit(code):  # run() ends with os._exit: record the peak just before
    with open(peak_file, "w") as f:
        f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    exit_now(code)
os._exit = record_and_exit
sys.argv[0] = "lawlint"
from lawlint.cli.main import run
run()
"""


def lawlint(tmp_path: Path, *args: str, timeout: float = 60) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, peak RSS in KB) of ``lawlint check --no-cache ARGS``
    in a child process whose address space is capped."""
    peak = tmp_path / "peak-rss-kb"
    code = DRIVER.format(ceiling=MEMORY_CEILING)
    result = subprocess.run(
        [sys.executable, "-c", code, str(peak), "check", "--no-cache", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return result.returncode, result.stdout, result.stderr, int(peak.read_text())


def good_text(tmp_path: Path) -> Path:
    """A text draft with one finding (halfwidth-punct at 2:7), run beside the attack."""
    path = tmp_path / "good.txt"
    path.write_text(f"{TITLE}\n坚持依法行政,推进建设。\n", encoding="utf-8")
    return path


def assert_refused(tmp_path: Path, docx: Path, zh: str, en: str, *, rss_kb: int = RSS_BOUND_KB):
    """``docx`` is refused with one error line naming it (exit 2, no traceback), within
    the memory bound, and the text file beside it is still checked."""
    good = good_text(tmp_path)
    code, out, err, peak = lawlint(tmp_path, str(docx), str(good), "--select", "halfwidth-punct")
    assert code == 2, (out, err)
    assert f"lawlint: {docx}: " in err and zh in err and en in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert f"{good}:2:7" in out
    assert peak < rss_kb, peak
    return err


# -- zip bombs: a part that inflates to gigabytes --------------------------------------------


def test_a_document_part_inflating_to_a_gigabyte_is_refused_unread(tmp_path: Path) -> None:
    bomb = bomb_zip(tmp_path / "bomb.docx", "word/document.xml", 1)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    err = assert_refused(tmp_path, bomb, "部件 word/document.xml 解压后超过 64 MB 上限", "zip bomb")
    assert "inflates to more than the 64 MB limit" in err


def test_a_part_lying_about_its_size_is_read_no_further_than_it_declares(tmp_path: Path) -> None:
    """The declared size says 4 KB; the data inflates to a gigabyte: inflating stops at
    the declared size, and the mismatch is a damaged file."""
    head = document_xml("")[: -len("</w:body></w:document>")]
    data, crc, _size = deflated_repeats(head, b"<w:p/>" * 174763, 1024, b"")
    liar = raw_zip(
        tmp_path / "liar.docx",
        [
            stored("[Content_Types].xml", TYPES),
            stored("_rels/.rels", PACKAGE_RELS),
            stored("word/_rels/document.xml.rels", doc_rels([])),
            ("word/document.xml", data, crc, 4096, 8),
        ],
    )
    assert_refused(tmp_path, liar, "文件已损坏", "is damaged")


def test_an_image_inflating_to_a_gigabyte_is_never_read(tmp_path: Path, monkeypatch) -> None:
    """Parts lawlint does not need (media) are never inflated: the document is read
    and checked as if the image were not there."""
    document = document_xml(GOOD_BODY + para("坚持依法行政,推进建设。"))
    docx = bomb_zip(tmp_path / "image.docx", "word/media/big.png", 1, document=document)
    code, out, err, peak = lawlint(tmp_path, str(docx), "--select", "halfwidth-punct")
    assert (code, err) == (0, "") and f"{docx}:2:7  警告  halfwidth-punct" in out
    assert peak < RSS_BOUND_KB, peak

    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    assert read_source(str(docx)).text.split("\n") == [TITLE, "坚持依法行政,推进建设。"]
    assert opened == [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
    ]  # no styles or numbering part in this package, and never the image


# -- XML entities: XXE and entity expansion ------------------------------------------------


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-4417", encoding="utf-8")
    return secret


def test_an_external_entity_is_refused_and_the_file_never_read(tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    prolog = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
    docx = package(tmp_path / "xxe.docx", document_xml(para("&x;"), prolog=prolog))
    err = assert_refused(
        tmp_path, docx, "部件 word/document.xml 含有 DTD 声明", "Word never writes"
    )
    assert "SECRET" not in err


def test_an_external_entity_in_the_styles_part_is_refused(tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    styles = (
        f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="a">'
        '<w:name w:val="&x;"/></w:style></w:styles>'
    )
    docx = package(tmp_path / "xxe.docx", document_xml(GOOD_BODY), {"word/styles.xml": styles})
    err = assert_refused(tmp_path, docx, "部件 word/styles.xml 含有 DTD 声明", "refused for safety")
    assert "SECRET" not in err


def test_a_declaration_hidden_by_an_encoding_is_refused_after_parsing(tmp_path: Path) -> None:
    """In UTF-7 ``<`` is ``+ADw-``: the byte scan misses it; the parser neither loads
    the DTD nor resolves the entity, and the parsed document type refuses the part."""
    secret = _secret(tmp_path)
    prolog = f'+ADw-!DOCTYPE d +AFs-+ADw-!ENTITY x SYSTEM "file://{secret}"+AD4-+AF0-+AD4-'
    document = (
        f'<?xml version="1.0" encoding="UTF-7"?>{prolog}'
        f'+ADw-w:document xmlns:w="{W}"+AD4-+ADw-w:body+AD4-+ADw-w:p+AD4-+ADw-w:r+AD4-'
        "+ADw-w:t+AD4-+ACY-x;+ADw-/w:t+AD4-+ADw-/w:r+AD4-+ADw-/w:p+AD4-+ADw-/w:body+AD4-"
        "+ADw-/w:document+AD4-"
    ).encode("ascii")
    assert b"<!DOCTYPE" not in document
    docx = package(tmp_path / "utf7.docx", document)
    with pytest.raises(InputError) as exc:
        read_source(str(docx))
    assert "含有 DTD 声明" in exc.value.zh and "SECRET" not in str(exc.value)


def test_billion_laughs_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    prolog = f"<!DOCTYPE w:document [{entities}]>"
    body = '<w:p><w:r><w:t a="&a9;">&a9;</w:t></w:r></w:p>'
    docx = package(tmp_path / "laughs.docx", document_xml(body, prolog=prolog))
    assert_refused(tmp_path, docx, "含有 DTD 声明", "an entity bomb")


# -- many paragraphs, many tags, deep nesting ----------------------------------------------


def test_a_hundred_thousand_paragraphs_are_read(tmp_path: Path) -> None:
    body = "".join(para(f"第{i}段。") for i in range(100_000))
    docx = package(tmp_path / "long.docx", document_xml(GOOD_BODY + body))
    lines = read_source(str(docx)).text.split("\n")
    assert len(lines) == 100_001 and lines[0] == TITLE and lines[-1] == "第99999段。"


def test_paragraphs_up_to_the_limit_are_read_and_one_more_is_refused(tmp_path: Path) -> None:
    at_limit = package(tmp_path / "at.docx", document_xml("<w:p/>" * MAX_PARAGRAPHS))
    assert read_source(str(at_limit)).text == "\n" * (MAX_PARAGRAPHS - 1)
    over = package(tmp_path / "over.docx", document_xml("<w:p/>" * (MAX_PARAGRAPHS + 1)))
    with pytest.raises(InputError) as exc:
        read_source(str(over))
    assert exc.value.zh == "段落超过 200,000 个上限，不予读取"
    assert exc.value.en == "has more than 200,000 paragraphs, over the limit: not read"


def test_paragraphs_the_byte_count_cannot_see_are_counted_while_reading(tmp_path: Path) -> None:
    """UTF-16: the count on the bytes finds no "<w:p"; reading stops at the limit."""
    document = document_xml("<w:p/>" * (MAX_PARAGRAPHS + 1)).decode()
    document = document.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    docx = package(tmp_path / "utf16.docx", document)
    with pytest.raises(InputError) as exc:
        read_source(str(docx))
    assert exc.value.zh == "段落超过 200,000 个上限，不予读取"


def test_a_million_empty_paragraphs_in_a_few_kilobytes_are_refused(tmp_path: Path) -> None:
    docx = package(tmp_path / "empty.docx", document_xml("<w:p/>" * 1_000_000))
    assert docx.stat().st_size < 20_000
    assert_refused(tmp_path, docx, "段落超过 200,000 个上限", "more than 200,000 paragraphs")


def test_millions_of_tags_in_one_paragraph_are_refused(tmp_path: Path) -> None:
    body = "<w:p>" + "<w:r/>" * 3_000_000 + "</w:p>"
    docx = package(tmp_path / "tags.docx", document_xml(body))
    assert_refused(
        tmp_path, docx, "部件 word/document.xml 的XML 标记超过 3,000,000 个上限", "XML tags"
    )


def nested_tables(depth: int, text: str) -> str:
    inner = para(text)
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    return inner


def test_tables_nested_fifty_deep_are_read(tmp_path: Path) -> None:
    docx = package(tmp_path / "deep.docx", document_xml(GOOD_BODY + nested_tables(50, "最深处")))
    source = read_source(str(docx))
    assert source.text == f"{TITLE}\n最深处" and source.hints[1].table


def test_tables_nested_past_the_parser_depth_are_refused(tmp_path: Path) -> None:
    docx = package(tmp_path / "deeper.docx", document_xml(nested_tables(1000, "最深处")))
    assert_refused(tmp_path, docx, "部件 word/document.xml 的 XML 嵌套过深", "nested too deeply")


# -- damaged archives ------------------------------------------------------------------------


def _members(document: tuple[str, bytes, int, int, int]) -> list[tuple[str, bytes, int, int, int]]:
    return [
        stored("[Content_Types].xml", TYPES),
        stored("_rels/.rels", PACKAGE_RELS),
        stored("word/_rels/document.xml.rels", doc_rels([])),
        document,
    ]


def _bad_crc(path: Path) -> Path:
    name, data, _crc, size, method = stored("word/document.xml", document_xml(GOOD_BODY))
    return raw_zip(path, _members((name, data, 1234, size, method)))


def _bad_deflate(path: Path) -> Path:
    return raw_zip(path, _members(("word/document.xml", b"\xff" * 64, 0, 500, 8)))


def _not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    return path


@pytest.mark.parametrize(
    ("make", "detail"),
    [
        (_bad_crc, "word/document.xml: BadZipFile: Bad CRC-32"),
        (_bad_deflate, "word/document.xml: error: Error -3 while decompressing"),
        (_not_a_zip, "BadZipFile: File is not a zip file"),
    ],
)
def test_a_damaged_archive_is_one_error_line(tmp_path: Path, make, detail: str) -> None:
    docx = make(tmp_path / "damaged.docx")
    good = good_text(tmp_path)
    result = CliRunner().invoke(
        main, ["check", str(docx), str(good), "--select", "halfwidth-punct"]
    )
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert f"lawlint: {docx}: 文件已损坏，无法作为 Word 文档打开（{detail}" in result.stderr
    assert "is damaged: cannot be opened as a Word document" in result.stderr
    assert f"{good}:2:7" in result.stdout and "Traceback" not in result.output


# -- crafted numbering -------------------------------------------------------------------------


def numbering_xml(lists: dict[str, tuple[str, str, str]]) -> str:
    """One list per num id, each with level 0 only: (w:start, w:numFmt, w:lvlText)."""
    abstracts = "".join(
        f'<w:abstractNum w:abstractNumId="{num_id}"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        "</w:lvl></w:abstractNum>"
        for num_id, (start, fmt, text) in lists.items()
    )
    nums = "".join(
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>' for num_id in lists
    )
    return f'<w:numbering xmlns:w="{W}">{abstracts}{nums}</w:numbering>'


def test_huge_start_numbers_give_short_labels(tmp_path: Path) -> None:
    """Letters and roman numerals past ZZ…Z (30 letters) and MMMCMXCIX fall back to
    digits; a start beyond Word's 32-bit numbers is ignored (the list starts at 1);
    a number text longer than 64 characters shows no number."""
    lists = {
        "1": ("1000000000", "upperLetter", "%1."),
        "2": ("1000000000", "upperRoman", "%1、"),
        "3": ("1000000000000000000", "upperLetter", "%1."),
        "4": ("3999", "upperRoman", "%1."),
        "5": ("780", "lowerLetter", "(%1)"),
        "6": ("1", "decimal", "%1" * 40),
    }
    paragraphs = [
        ("1", "甲"), ("1", "乙"), ("2", "丙"), ("3", "丁"),
        ("4", "戊"), ("4", "己"), ("5", "庚"), ("5", "辛"), ("6", "壬"),
    ]  # fmt: skip
    body = "".join(para(text, ilvl="0", num_id=num_id) for num_id, text in paragraphs)
    docx = package(
        tmp_path / "numbers.docx",
        document_xml(body),
        {"word/numbering.xml": numbering_xml(lists)},
    )
    hints = read_source(str(docx)).hints
    assert [hints[i].numbering if i in hints else None for i in range(len(paragraphs))] == [
        "1000000000.",
        "1000000001.",
        "1000000000、",
        "A.",
        "MMMCMXCIX.",
        "4000.",
        f"({'z' * 30})",
        "(781)",
        None,
    ]
    code, out, err, peak = lawlint(tmp_path, str(docx), "--select", "halfwidth-punct")
    assert (code, out.count("\n"), err) == (0, 2, "") and peak < RSS_BOUND_KB


@pytest.mark.parametrize("ilvl", ["30000000", "-1", "9", "9" * 5000])
def test_a_list_level_outside_word_s_nine_is_refused(tmp_path: Path, ilvl: str) -> None:
    lists = {"1": ("1", "upperLetter", "%1.")}
    body = GOOD_BODY + para("条目", ilvl=ilvl)
    docx = package(
        tmp_path / "levels.docx", document_xml(body), {"word/numbering.xml": numbering_xml(lists)}
    )
    shown = ilvl if len(ilvl) < 12 else ilvl[:12] + "…"
    if len(ilvl) > 4300:  # past Python's digit limit: not a number, so level 0
        assert read_source(str(docx)).hints[1].numbering == "A."
        return
    err = assert_refused(
        tmp_path,
        docx,
        f"第 2 段的列表级别 w:ilvl={shown} 超出 Word 的 0–8 级",
        "outside Word's 0–8",
    )
    assert f"paragraph 2 has list level w:ilvl={shown}" in err


def test_more_text_than_the_largest_text_file_is_refused(tmp_path: Path) -> None:
    """Three text nodes of 9M characters (each under libxml2's 10 MB node limit)."""
    run = "<w:r><w:t>" + "a" * 9_000_000 + "</w:t></w:r>"
    docx = package(tmp_path / "text.docx", document_xml(f"<w:p>{run * 3}</w:p>"))
    assert docx.stat().st_size < 1_000_000
    with pytest.raises(InputError) as exc:
        read_source(str(docx))
    assert exc.value.zh == "正文超过 20M 个字符上限，不予读取"
    assert exc.value.en == "has more than 20M characters of text, over the limit: not read"


def test_a_text_node_over_the_parser_s_limit_is_refused(tmp_path: Path) -> None:
    run = "<w:r><w:t>" + "法" * 4_000_000 + "</w:t></w:r>"  # 12 MB in UTF-8
    docx = package(tmp_path / "node.docx", document_xml(f"<w:p>{run}</w:p>"))
    with pytest.raises(InputError) as exc:
        read_source(str(docx))
    assert exc.value.zh.startswith("部件 word/document.xml 超出 XML 解析的安全上限（")
    assert "Text node too long" in exc.value.en and "not read" in exc.value.en
