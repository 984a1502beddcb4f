"""Attacks on reading and walking (issues 13, 19 #7 and #11, 20): every input is built
here and the exact behaviour asserted — which files are checked, the exit code and the
message naming the file. Reading is bounded (never more than the size limit plus one
byte, never a FIFO or a device), the walk is iterative and stays inside the folders
given, and a folder or file that cannot be read is an error, not a silent skip."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lawlint.cli.main import main
from lawlint.errors import InputError
from lawlint.input import reader
from lawlint.input.discovery import discover
from lawlint.input.reader import read_input, read_source, source_from_bytes

# One line with findings (the report's parts are missing), so a checked file shows in the
# JSON report and a file that was not checked does not.
DRAFT = "一、主要举措和成效\n全年审核规范性文件12件。\n"
TIMEOUT = 60


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--no-cache", "--jobs", "1", *args])


def checked(result: Result) -> set[str]:
    """The files a JSON report has findings for."""
    return {f["path"] for f in json.loads(result.stdout)}


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "lawlint", "check", "--no-cache", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        **kwargs,
    )


def draft(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DRAFT, encoding="utf-8")
    return path


# -- issue 19 #11: what cannot be read is an error naming it, the rest still checked -----
@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    draft(root / "a.txt")
    draft(root / "locked" / "b.txt")
    draft(root / "z" / "c.txt")
    return root


def _deny_listing(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """As for a user without read permission on ``denied`` (tests run as root here,
    where chmod 000 does not stop reading)."""
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> Iterator[os.DirEntry[str]]:
        if os.path.realpath(path) == str(denied.resolve()):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_an_error_naming_it_and_the_rest_is_checked(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_listing(monkeypatch, tree / "locked")
    result = run("--format", "json", str(tree))
    assert result.exit_code == 2
    assert checked(result) == {str(tree / "a.txt"), str(tree / "z" / "c.txt")}
    assert (
        f"lawlint: {tree / 'locked'}: 无法读取文件夹（Permission denied），其中的文件未检查"
        " / cannot read the folder (Permission denied); the files in it were not checked"
    ) in result.stderr


def test_unreadable_folder_given_on_the_command_line_is_an_error(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_listing(monkeypatch, tree)
    result = run(str(tree))
    assert result.exit_code == 2
    assert f"lawlint: {tree}: 无法读取文件夹（Permission denied）" in result.stderr


def test_unreadable_file_is_an_error_naming_it_and_the_rest_is_checked(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    denied = str(tree / "a.txt")
    real = os.open

    def deny(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) == denied:
            raise PermissionError(13, "Permission denied", path)
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    result = run("--format", "json", str(tree))
    assert result.exit_code == 2
    assert checked(result) == {str(tree / "locked" / "b.txt"), str(tree / "z" / "c.txt")}
    assert (
        f"lawlint: {denied}: 无法读取文件（Permission denied） / cannot read the file"
        " (Permission denied)"
    ) in result.stderr


@pytest.fixture
def world_tmp() -> Iterator[Path]:
    """A folder an unprivileged user can enter (pytest's tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="lawlint-input-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _as_nobody() -> list[str]:
    setpriv = shutil.which("setpriv")
    if os.name != "posix" or os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv to run lawlint as an unprivileged user")
    probe = subprocess.run(
        [
            setpriv,
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-c",
            "import lawlint",
        ],
        capture_output=True,
        timeout=TIMEOUT,
    )
    if probe.returncode != 0:
        pytest.skip("the unprivileged user cannot import lawlint from this checkout")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_permissions_really_denied_to_an_unprivileged_user(world_tmp: Path) -> None:
    prefix = _as_nobody()
    root = world_tmp / "reports"
    draft(root / "a.txt")
    draft(root / "locked" / "b.txt")
    draft(root / "secret.txt")
    draft(root / "z" / "c.txt")
    for path in [world_tmp, *world_tmp.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (root / "locked").chmod(0o000)
    (root / "secret.txt").chmod(0o000)
    cache = world_tmp / "cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    done = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-m",
            "lawlint",
            "check",
            "--no-cache",
            "--format",
            "json",
            "reports",
        ],
        cwd=world_tmp,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "LAWLINT_CACHE_DIR": str(cache), "HOME": str(cache)},
    )
    assert done.returncode == 2, done.stderr
    assert {f["path"] for f in json.loads(done.stdout)} == {"reports/a.txt", "reports/z/c.txt"}
    assert "lawlint: reports/locked: 无法读取文件夹（Permission denied）" in done.stderr
    assert "lawlint: reports/secret.txt: 无法读取文件（Permission denied）" in done.stderr


# -- issue 20: a folder nested 1,500 deep ------------------------------------------------
@pytest.fixture
def deep(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(top, deepest folder) of a chain 1,500 folders deep. Removed here, bottom up:
    os.makedirs and shutil.rmtree (pytest's clean-up too) recurse, and fail on it."""
    top = tmp_path / "deep"
    folder = top
    folder.mkdir()
    try:
        for _ in range(1500):
            folder = folder / "d"
            folder.mkdir()
        yield top, folder
    finally:
        # from the bottom, by relative names: a full path 1,500 folders long costs the
        # kernel 1,500 lookups per call
        here = os.getcwd()
        os.chdir(folder)
        try:
            for _ in range(1500):
                for name in os.listdir("."):
                    os.unlink(name)
                os.chdir("..")
                os.rmdir("d")
        finally:
            os.chdir(here)
        shutil.rmtree(top)


def test_folder_nested_1500_deep_is_walked_without_recursion(deep: tuple[Path, Path]) -> None:
    top, deepest = deep
    bottom = draft(deepest / "r.txt")
    shallow = draft(top / "a.txt")
    assert list(discover([str(top)])) == [str(shallow), str(bottom)]
    result = run("--format", "json", str(top))
    assert result.exit_code == 1
    assert checked(result) == {str(shallow), str(bottom)}


def test_walk_order_is_sorted_by_path_across_levels(tmp_path: Path) -> None:
    for name in ["b/z.txt", "b/a/y.md", "a.txt", "b.txt", "a/b/c.docx", "a-b.txt", "A.md"]:
        draft(tmp_path / name)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in discover([str(tmp_path)])]
    assert found == ["A.md", "a-b.txt", "a.txt", "a/b/c.docx", "b.txt", "b/a/y.md", "b/z.txt"]


# -- issues 13, 20: the walk stays inside the folders given --------------------------------
needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """reports/ holding links out (a file, a folder, /), links in, and a loop."""
    root = tmp_path / "reports"
    draft(root / "sub" / "a.txt")
    draft(root / "shared" / "s.txt")
    draft(tmp_path / "outside" / "o.txt")
    os.symlink(tmp_path / "outside", root / "out-dir")
    os.symlink(tmp_path / "outside" / "o.txt", root / "sub" / "out-file.txt")
    os.symlink("/", root / "root")
    os.symlink(Path("sub") / "a.txt", root / "in-file.txt")
    os.symlink(root / "shared", root / "sub" / "in-dir")
    os.symlink("..", root / "sub" / "loop")
    return root


@needs_symlinks
def test_links_out_of_the_folder_are_skipped_and_listed(linked: Path) -> None:
    skipped: list[tuple[str, str]] = []
    found = list(discover([str(linked)], on_link_outside=lambda *link: skipped.append(link)))
    outside = linked.parent / "outside"
    assert found == [
        str(linked / "in-file.txt"),
        str(linked / "shared" / "s.txt"),
        str(linked / "sub" / "a.txt"),
    ]
    assert sorted(skipped) == [
        (str(linked / "out-dir"), str(outside)),
        (str(linked / "root"), "/"),
        (str(linked / "sub" / "out-file.txt"), str(outside / "o.txt")),
    ]


@needs_symlinks
def test_links_out_are_reported_on_stderr_and_not_checked(linked: Path) -> None:
    result = run("--format", "json", str(linked))
    assert result.exit_code == 1
    assert checked(result) == {
        str(linked / "in-file.txt"),
        str(linked / "shared" / "s.txt"),
        str(linked / "sub" / "a.txt"),
    }
    outside = linked.parent / "outside"
    assert result.stderr.splitlines() == [
        f"lawlint: {linked / 'out-dir'}: 跳过指向所查文件夹之外的链接（→ {outside}）"
        f" / skipped a link that points outside the folder (-> {outside})",
        f"lawlint: {linked / 'root'}: 跳过指向所查文件夹之外的链接（→ /）"
        " / skipped a link that points outside the folder (-> /)",
        f"lawlint: {linked / 'sub' / 'out-file.txt'}: 跳过指向所查文件夹之外的链接"
        f"（→ {outside / 'o.txt'}） / skipped a link that points outside the folder"
        f" (-> {outside / 'o.txt'})",
    ]


@needs_symlinks
def test_a_link_named_on_the_command_line_is_always_checked(linked: Path) -> None:
    link = linked / "sub" / "out-file.txt"
    assert list(discover([str(link)])) == [str(link)]
    result = run("--format", "json", str(link))
    assert result.exit_code == 1
    assert checked(result) == {str(link)}
    assert result.stderr == ""


@needs_symlinks
def test_a_folder_given_through_a_link_is_walked_inside_its_target(tmp_path: Path) -> None:
    draft(tmp_path / "real" / "r.txt")
    os.symlink(tmp_path / "real" / "r.txt", tmp_path / "real" / "again.txt")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    found = list(discover([str(tmp_path / "alias")], on_link_outside=pytest.fail))
    assert found == [str(tmp_path / "alias" / "again.txt"), str(tmp_path / "alias" / "r.txt")]


@needs_symlinks
def test_a_link_escaping_through_an_inside_link_is_still_skipped(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    draft(root / "a" / "a.txt")
    draft(tmp_path / "secret" / "k.txt")
    os.symlink(tmp_path / "secret", root / "a" / "up")
    os.symlink(root / "a", root / "b")  # inside: b/up is the same link out
    skipped: list[tuple[str, str]] = []
    found = list(discover([str(root)], on_link_outside=lambda *link: skipped.append(link)))
    assert found == [str(root / "a" / "a.txt")]
    assert skipped == [(str(root / "a" / "up"), str(tmp_path / "secret"))]


# -- issue 20: size limit; FIFOs and devices are not read ------------------------------
def test_dev_zero_is_refused_as_not_a_regular_file() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    result = run("/dev/zero")
    assert result.exit_code == 2
    assert (
        "lawlint: /dev/zero: 不是普通文件（是设备、管道或套接字），不予读取"
        " / not a regular file (a device, pipe or socket); it is not read"
    ) in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_named_on_the_command_line_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = cli(str(fifo))  # no writer ever opens it: reading it would wait forever
    assert done.returncode == 2
    assert f"lawlint: {fifo}: 不是普通文件" in done.stderr
    assert list(discover([str(tmp_path)])) == []  # a walk never lists one


def test_text_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as f:
        f.truncate(300 * 1024 * 1024)  # sparse: costs no disk
    draft(tmp_path / "r.txt")
    result = run("--format", "json", str(tmp_path))
    assert result.exit_code == 2
    assert checked(result) == {str(tmp_path / "r.txt")}
    assert (
        f"lawlint: {big}: 文件过大（300.0 MB > 20 MB），不予读取"
        " / file too large (300.0 MB > 20 MB)"
    ) in result.stderr


def test_docx_has_its_own_larger_limit(tmp_path: Path) -> None:
    big = tmp_path / "photos.docx"
    with big.open("wb") as f:
        f.truncate(150 * 1024 * 1024)
    with pytest.raises(InputError, match=r"文件过大（150\.0 MB > 100 MB）"):
        read_input(str(big))
    fine = tmp_path / "fine.docx"
    with fine.open("wb") as f:
        f.truncate(30 * 1024 * 1024)  # over the text limit, under the .docx one
    name, data = read_input(str(fine))
    assert (name, len(data)) == (str(fine), 30 * 1024 * 1024)


def test_the_limit_itself_is_read_and_one_byte_more_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_TEXT_BYTES", 3 * reader.MB)
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * (3 * reader.MB))
    assert read_input(str(path)) == (str(path), b"x" * (3 * reader.MB))
    path.write_bytes(b"x" * (3 * reader.MB + 1))
    with pytest.raises(InputError, match=r"file too large \(3\.0 MB > 3 MB\)"):
        read_input(str(path))


class _Endless(io.RawIOBase):
    """A stream that never ends, counting what was taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        buffer[:] = b"a" * len(buffer)
        self.taken += len(buffer)
        return len(buffer)


def test_endless_standard_input_is_read_only_to_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    endless = _Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(endless))
    with pytest.raises(InputError) as exc:
        read_input("-")
    assert str(exc.value) == (
        "<stdin>: 文件过大（超过 20 MB），不予读取 / file too large (more than 20 MB)"
    )
    assert endless.taken == 20 * 1024 * 1024 + 1


def test_dev_zero_on_standard_input_is_refused_at_the_limit() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with open("/dev/zero", "rb") as zero:
        done = cli("-", stdin=zero)
    assert done.returncode == 2
    assert "lawlint: <stdin>: 文件过大（超过 20 MB），不予读取" in done.stderr
    assert "Traceback" not in done.stderr


# -- issue 19 #7: standard input closed ------------------------------------------------
@pytest.mark.parametrize("stdin", [None, "closed"], ids=["none", "closed"])
def test_closed_standard_input_is_an_input_error(
    stdin: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = None
    if stdin == "closed":
        stream = io.TextIOWrapper(io.BytesIO(b""))
        stream.close()
    monkeypatch.setattr(sys, "stdin", stream)
    with pytest.raises(InputError) as exc:
        read_input("-", stdin_name="报告.txt")
    assert str(exc.value) == "报告.txt: 标准输入不可读（已关闭） / standard input is closed"


class _Broken(io.RawIOBase):
    """Standard input whose descriptor fails (as one opened for writing only does)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        raise OSError(9, "Bad file descriptor")


def test_failing_standard_input_is_an_error_naming_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(_Broken()))
    with pytest.raises(InputError) as exc:
        read_input("-")
    assert str(exc.value) == (
        "<stdin>: 标准输入不可读（Bad file descriptor） / cannot read standard input"
        " (Bad file descriptor)"
    )


# -- issue 20: binary detection over the whole file; the right undecodable byte --------
CHINESE = "全年审核规范性文件十二件" * 8334  # 100,008 characters, no line break


@pytest.mark.parametrize("char, code", [("\x01", "U+0001"), ("\x08", "U+0008"), ("\x1f", "U+001F")])
def test_control_character_past_64k_characters_is_binary(char: str, code: str) -> None:
    data = f"一、主要举措\n{CHINESE}\n末行{char}。\n".encode()
    with pytest.raises(InputError) as exc:
        source_from_bytes(data, "r.txt")
    assert str(exc.value) == (
        f"r.txt: 第 3 行含有控制字符 {code}，像是二进制文件，不是文本，无法检查"
        f" / contains a control character ({code}, line 3): looks like a binary file, not text"
    )


def test_nul_past_100k_characters_names_its_line_and_offset(tmp_path: Path) -> None:
    head = f"一、主要举措\r\n{CHINESE}\r\n".encode()
    path = tmp_path / "r.txt"
    path.write_bytes(head + b"\x00tail\r\n")
    result = run(str(path))
    assert result.exit_code == 2
    assert (
        f"lawlint: {path}: 是二进制文件，不是文本，无法检查（第 3 行、第 {len(head)} 字节为 NUL）"
        f" / is a binary file, not text; it cannot be linted (a NUL byte at line 3,"
        f" byte offset {len(head)})"
    ) in result.stderr


def test_tab_form_feed_and_escape_are_still_text() -> None:
    src = source_from_bytes(f"{CHINESE}\n甲\t乙\f丙\x1b[0m丁\n".encode(), "r.txt")
    assert src.text.endswith("甲\t乙\f丙\x1b[0m丁\n")


def _bad_utf8_at_line(line: int, bom: bytes = b"") -> tuple[bytes, int]:
    body = "".join(f"第{i}行：全年审核规范性文件12件。\n" for i in range(1, line)).encode()
    data = bom + body + "本行有坏字节".encode() + b"\xff" + "之后。\n".encode()
    return data, data.index(b"\xff")


def test_undecodable_byte_names_the_right_offset_and_line(tmp_path: Path) -> None:
    data, offset = _bad_utf8_at_line(1234)
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    result = run(str(path))
    assert result.exit_code == 2
    assert (
        f"lawlint: {path}: 无法识别文件编码：第 1234 行的字节 0xFF"
        f"（文件第 {offset} 字节，从 0 起算）既不是 UTF-8 也不是 GB18030，请另存为 UTF-8"
        f" / cannot decode the file: byte 0xFF at line 1234 (byte offset {offset})"
        " is neither UTF-8 nor GB18030; save it as UTF-8"
    ) in result.stderr


def test_undecodable_byte_after_a_bom_counts_the_bom() -> None:
    data, offset = _bad_utf8_at_line(7, bom=b"\xef\xbb\xbf")
    with pytest.raises(InputError) as exc:
        source_from_bytes(data, "r.txt")
    assert f"byte 0xFF at line 7 (byte offset {offset}) is not valid UTF-8" in str(exc.value)


def test_undecodable_byte_in_a_gbk_file_is_reported_where_gb18030_fails() -> None:
    good = "一、主要举措\r\n全年审核规范性文件12件。\r\n".encode("gbk")
    data = good + "坏".encode("gbk")[:1] + b"\x7f" + "后".encode("gbk")
    with pytest.raises(InputError) as exc:
        source_from_bytes(data, "r.txt")
    assert f"at line 3 (byte offset {len(good)})" in str(exc.value)


def test_reading_a_large_ordinary_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    text = DRAFT * 40000  # about 2.3 MB: a long report, well under the limit
    path.write_bytes(text.encode("gb18030"))
    src = read_source(str(path))
    assert (src.text, src.encoding) == (text, "gb18030")
