"""Reading input: encodings, line endings, binary files, directory discovery."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from lawlint.errors import InputError
from lawlint.input.discovery import discover
from lawlint.input.reader import read_source, source_from_bytes

TEXT = "一、主要举措和成效\n全年审核规范性文件12件。\n"


@pytest.mark.parametrize(
    "data, encoding, bom",
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (TEXT.encode("gb18030"), "gb18030", False),
        (TEXT.encode("gbk"), "gb18030", False),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom"],
)
def test_decodes_and_encodes_back(data: bytes, encoding: str, bom: bool) -> None:
    src = source_from_bytes(data, "r.txt")
    assert src.text == TEXT
    assert (src.encoding, src.bom) == (encoding, bom)
    assert src.encode(src.text) == data


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_normalised_and_kept(newline: str) -> None:
    data = TEXT.replace("\n", newline).encode("utf-8")
    src = source_from_bytes(data, "r.txt")
    assert src.text == TEXT
    assert src.encode(src.text) == data


def test_mixed_line_endings_are_kept_per_line() -> None:
    data = "甲\r\n乙\n丙\r丁".encode()
    src = source_from_bytes(data, "r.txt")
    assert src.text == "甲\n乙\n丙\n丁"
    assert src.encode(src.text) == data


def test_binary_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as exc:
        read_source(str(path))
    assert str(path) in str(exc.value)
    assert "二进制" in str(exc.value) and "binary" in str(exc.value)


def test_undecodable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfd\x81\x30")  # not UTF-8, truncated GB18030 sequence
    with pytest.raises(InputError) as exc:
        read_source(str(path))
    assert "UTF-8" in str(exc.value)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        read_source(str(tmp_path / "nope.txt"))
    assert "文件不存在" in str(exc.value) and "no such file" in str(exc.value)


def test_markdown_by_suffix() -> None:
    assert source_from_bytes(b"# x", "a.md").markdown
    assert not source_from_bytes(b"# x", "a.txt").markdown


def test_discover_walks_sorted_skips_hidden_and_other_suffixes(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b" / "c.md").write_text("x")
    (tmp_path / "b" / "d.pdf").write_text("x")
    (tmp_path / ".git" / "e.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in discover([str(tmp_path)])]
    assert found == ["a.txt", "b/c.md"]


def test_discover_keeps_explicit_files_whatever_their_suffix(tmp_path: Path) -> None:
    other = tmp_path / "draft.text"
    other.write_text("x")
    assert list(discover([str(other), "-"])) == [str(other), "-"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_discover_survives_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    found = list(discover([str(tmp_path)]))
    assert found == [str(tmp_path / "sub" / "r.txt")]
