"""``lawlint check --fix`` / ``--diff``: files written back byte-for-byte but for the
fixes (encoding, BOM, line endings, mode), atomically, or not at all."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawlint.cli.main import main

TITLE = "云溪县2024年法治政府建设年度报告"
DRAFT = f'{TITLE}\n(一)加强组织领导\n开展"八五"普法,学习《纲要(2021-2025年)》。。\n'
FIXED = f"{TITLE}\n（一）加强组织领导\n开展“八五”普法，学习《纲要（2021—2025年）》。\n"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write(tmp_path: Path, data: bytes, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fix_writes_the_file_and_reports_what_is_left(tmp_path: Path) -> None:
    path = write(tmp_path, DRAFT.encode("utf-8"))
    result = run("check", "--fix", str(path), "--format", "json")
    assert path.read_text(encoding="utf-8") == FIXED
    left = json.loads(result.stdout)
    # not fixable: the drafter must add the parts, topics and figures
    assert {item["rule"] for item in left} == {
        "section-missing",
        "topic-missing",
        "unquantified-section",
    }
    assert result.exit_code == 1  # section-missing is an error
    assert "Fixed 9 problems in 1 file." in result.stderr


def test_fix_twice_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, DRAFT.encode("utf-8"))
    run("check", "--fix", str(path))
    once = path.read_bytes()
    result = run("check", "--fix", str(path))
    assert path.read_bytes() == once
    assert "Nothing to fix." in result.stderr


@pytest.mark.parametrize(
    "encoding, bom",
    [("gb18030", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)],
)
def test_round_trip_keeps_encoding_and_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = write(tmp_path, bom + DRAFT.encode(encoding))
    run("check", "--fix", str(path))
    assert path.read_bytes() == bom + FIXED.encode(encoding)


def test_round_trip_keeps_each_line_ending(tmp_path: Path) -> None:
    crlf = DRAFT.replace("\n", "\r\n")
    path = write(tmp_path, crlf.encode("gb18030"))
    run("check", "--fix", str(path))
    assert path.read_bytes() == FIXED.replace("\n", "\r\n").encode("gb18030")
    lines = DRAFT.split("\n")
    mixed = f"{lines[0]}\r\n{lines[1]}\n{lines[2]}\r"  # CRLF, LF, CR: each one kept
    path.write_bytes(mixed.encode("utf-8"))
    run("check", "--fix", str(path))
    fixed = FIXED.split("\n")
    assert path.read_bytes() == f"{fixed[0]}\r\n{fixed[1]}\n{fixed[2]}\r".encode()


def test_fix_keeps_the_file_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = write(tmp_path, DRAFT.encode("utf-8"))
    path.chmod(0o640)
    run("check", "--fix", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_fix_through_a_symlink_rewrites_the_target(tmp_path: Path) -> None:
    target = write(tmp_path, DRAFT.encode("utf-8"), "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run("check", "--fix", str(link))
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED


def test_failed_rename_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch) -> None:
    original = DRAFT.replace("\n", "\r\n").encode("gb18030")
    path = write(tmp_path, original)
    other = write(tmp_path, DRAFT.encode("utf-8"), "other.txt")

    def fail(src: str, dst: str) -> None:
        if dst.endswith("draft.txt"):
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    real_replace = os.replace
    monkeypatch.setattr(os, "replace", fail)
    result = run("check", "--fix", str(path), str(other))
    assert path.read_bytes() == original
    assert other.read_text(encoding="utf-8") == FIXED  # the other file is still fixed
    assert result.exit_code == 2
    assert f"lawlint: {path}: 无法写回修复后的文件（Permission denied），原文件未改动" in (
        result.stderr
    )
    assert "the original is unchanged" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "other.txt"]
    assert f"{path}:1:1  错误  section-missing" in result.stdout  # reported as it stands


def test_unwritable_folder_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    # refused by the folder's permission bits, so for root as well
    path = write(tmp_path, DRAFT.encode("utf-8"))
    tmp_path.chmod(0o500)
    try:
        result = run("check", "--fix", str(path))
    finally:
        tmp_path.chmod(0o700)
    assert result.exit_code == 2 and path.read_bytes() == DRAFT.encode("utf-8")
    assert f"its folder {tmp_path} is read-only (mode 0500)" in result.stderr
    assert "Traceback" not in result.output


def test_diff_prints_what_fix_would_change_and_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, DRAFT.encode("gb18030"))
    result = run("check", "--diff", str(path))
    assert path.read_bytes() == DRAFT.encode("gb18030")
    assert result.exit_code == 1  # something to fix, as `ruff check --diff`
    assert result.stdout.splitlines() == [
        f"--- {path}",
        f"+++ {path}",
        "@@ -1,3 +1,3 @@",
        f" {TITLE}",
        "-(一)加强组织领导",
        '-开展"八五"普法,学习《纲要(2021-2025年)》。。',
        "+（一）加强组织领导",
        "+开展“八五”普法，学习《纲要（2021—2025年）》。",
    ]
    assert "Would fix 9 problems in 1 file (nothing changed)." in result.stderr


def test_diff_of_a_clean_file_is_empty_and_exits_0(tmp_path: Path) -> None:
    path = write(tmp_path, FIXED.encode("utf-8"))
    result = run("check", "--diff", str(path))
    assert result.exit_code == 0 and result.stdout == ""


def test_diff_wins_over_fix(tmp_path: Path) -> None:
    path = write(tmp_path, DRAFT.encode("utf-8"))
    result = run("check", "--fix", "--diff", str(path))
    assert result.exit_code == 1 and path.read_bytes() == DRAFT.encode("utf-8")


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(tmp_path: Path) -> None:
    result = run("check", "--fix", "-", input=DRAFT.encode("gb18030"))
    assert result.stdout_bytes == FIXED.encode("gb18030")  # in the input's own encoding
    assert "<stdin>:1:1  错误  section-missing" in result.stderr  # the report
    assert result.exit_code == 1


def test_fix_on_stdin_echoes_a_clean_text_unchanged() -> None:
    result = run("check", "--fix", "-", "--select", "gb-typography", input=FIXED.encode())
    assert result.stdout_bytes == FIXED.encode() and result.exit_code == 0


def test_diff_on_stdin_uses_the_stdin_name() -> None:
    result = run("check", "--diff", "-", "--stdin-filename", "报告.txt", input=DRAFT.encode())
    assert result.stdout.startswith("--- 报告.txt\n+++ 报告.txt\n")


def test_fix_reports_unreadable_files_and_goes_on(tmp_path: Path) -> None:
    path = write(tmp_path, DRAFT.encode("utf-8"))
    result = run("check", "--fix", str(tmp_path / "missing.txt"), str(path))
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == FIXED
    assert "missing.txt: 文件不存在 / no such file" in result.stderr


def test_a_fix_that_would_change_wording_is_refused_and_reported(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: mine\ntitle: 本地\nrules:\n"
        "  - id: ducha-name\n    kind: substitution\n    severity: error\n"
        "    message: “{match}”应为“{replacement}”\n    source: 督察工作规定\n"
        "    swap: {督查工作规定: 督察工作规定}\n",
        encoding="utf-8",
    )
    text = f"{TITLE}\n严格执行督查工作规定,加强监督。\n"
    path = write(tmp_path, text.encode("utf-8"))
    result = run(
        "check", "--fix", "--pack", str(pack), "--select", "mine,halfwidth-punct", str(path)
    )
    assert path.read_text(encoding="utf-8") == f"{TITLE}\n严格执行督查工作规定，加强监督。\n"
    assert "1 fix(es) would change wording, a line break or a URL; not applied" in result.stderr
    assert f"{path}:2:5  错误  ducha-name" in result.stdout
    assert result.exit_code == 1
