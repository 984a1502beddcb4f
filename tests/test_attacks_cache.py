"""Attacks on lawlint's caches (issues 13 and 20): an edited, damaged, poisoned or foreign
cache never changes a result and never crashes a run.

Each test builds its own cache folder (``LAWLINT_CACHE_DIR``), damages it the way the
issue describes, and asserts the exact outcome: exit code, the findings (equal to a run
without any cache), stderr, and what is left on disk.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from lawlint import cachefiles
from lawlint.cli.main import main
from lawlint.lint.cache import FORMAT, _entry_sum, _shape_ok, decode_findings
from lawlint.model import segmenter
from lawlint.packs import yamlio

FLAWED = EXAMPLES / "flawed-draft.txt"
ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
POSIX = sys.platform != "win32"
OTHER_UID = 54321  # a user id that is neither the current user nor root


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own; folders judged by an earlier test are forgotten."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(folder))
    monkeypatch.setattr(cachefiles, "_judged", {})
    yield folder


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "drafts" / "draft.txt"
    path.parent.mkdir()
    path.write_bytes(FLAWED.read_bytes())
    return path


def check(*args: str) -> tuple[int, list[dict[str, Any]], str]:
    """A run of ``lawlint check --format json``: exit code, findings, stderr."""
    cachefiles._judged.clear()  # each run is a new process as far as warnings go
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout), result.stderr


def results_file(cache: Path) -> Path:
    (path,) = (cache / "results").glob("*.json")
    return path


Edit = Callable[[dict[str, Any], str], object]  # (the file's data, its profile)


def edit_cache(cache: Path, change: Edit) -> None:
    path = results_file(cache)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data, path.stem)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def edit_entry(change: Callable[[dict[str, Any]], object], *, resum: bool = True) -> Edit:
    """Change the one entry; ``resum``: give it the digest of its new content, so only the
    shape checks stand between the edit and the report."""

    def apply(data: dict[str, Any], profile: str) -> None:
        ((key, entry),) = data["entries"].items()
        change(entry)
        if resum and isinstance(entry.get("findings"), str):
            entry["sum"] = _entry_sum(profile, key, entry["findings"], entry.get("suppressed"))

    return apply


def edit_records(change: Callable[[list[Any]], object]) -> Edit:
    def apply(entry: dict[str, Any]) -> None:
        records = json.loads(entry["findings"])
        change(records)
        entry["findings"] = json.dumps(records, ensure_ascii=False)

    return edit_entry(apply)


def assert_valid_cache(cache: Path, n_entries: int) -> None:
    """The results file holds ``n_entries`` entries, each of the right shape, digest and
    records (the bad one was replaced, not kept)."""
    data = json.loads(results_file(cache).read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    assert len(data["entries"]) == n_entries
    for key, entry in data["entries"].items():
        assert _shape_ok(entry)
        assert entry["sum"] == _entry_sum(
            results_file(cache).stem, key, entry["findings"], entry["suppressed"]
        )
        assert decode_findings(entry["findings"]) is not None


def set_used(value: object) -> Callable[[dict[str, Any]], None]:
    return lambda entry: entry.__setitem__("used", value)


def set_field(index: int, value: object) -> Callable[[list[Any]], None]:
    return lambda records: records[0].__setitem__(index, value)


ENTRY_EDITS = {
    # the entry's content
    "findings-not-a-list": edit_entry(lambda e: e.__setitem__("findings", '{"a": 1}')),
    "findings-json-not-text": edit_entry(lambda e: e.__setitem__("findings", [])),
    "findings-not-json": edit_entry(lambda e: e.__setitem__("findings", "[[")),
    "record-missing-a-field": edit_records(lambda r: r[0].pop()),
    "record-extra-field": edit_records(lambda r: r[0].append(1)),
    "record-a-dict": edit_records(lambda r: r.__setitem__(0, dict(enumerate(r[0])))),
    "record-11-char-string": edit_records(lambda r: r.__setitem__(0, "abcdefghijk")),
    "line-as-string": edit_records(set_field(2, "3")),
    "line-zero": edit_records(set_field(2, 0)),
    "column-a-bool": edit_records(set_field(3, True)),
    "unknown-severity": edit_records(set_field(1, "fatal")),
    "message-not-text": edit_records(set_field(6, None)),
    "fix-not-text": edit_records(set_field(9, 5)),
    "data-not-a-dict": edit_records(set_field(10, [])),
    "start-after-end": edit_records(lambda r: r[0].__setitem__(7, r[0][8] + 1)),
    "suppressed-as-string": edit_entry(lambda e: e.__setitem__("suppressed", "0")),
    "suppressed-negative": edit_entry(lambda e: e.__setitem__("suppressed", -1)),
    "used-as-string": edit_entry(set_used("abc")),
    "used-null": edit_entry(set_used(None)),
    "extra-key": edit_entry(lambda e: e.__setitem__("extra", 1)),
    "missing-key": edit_entry(lambda e: e.pop("suppressed")),
    "entry-a-list": lambda d, _: d["entries"].update({k: [1, 2] for k in d["entries"]}),
    "entry-null": lambda d, _: d["entries"].update(dict.fromkeys(d["entries"])),
    # poisoned: findings [] for a file with errors, the digest left as it was
    "poisoned-findings-empty": edit_entry(lambda e: e.__setitem__("findings", "[]"), resum=False),
    "poisoned-one-finding-dropped": edit_entry(
        lambda e: e.__setitem__("findings", json.dumps(json.loads(e["findings"])[1:])),
        resum=False,
    ),
    "digest-missing": edit_entry(lambda e: e.pop("sum"), resum=False),
    "digest-not-text": edit_entry(lambda e: e.__setitem__("sum", 0), resum=False),
}


@pytest.mark.parametrize("edit", ENTRY_EDITS.values(), ids=ENTRY_EDITS.keys())
def test_an_edited_or_poisoned_entry_is_a_miss(cache: Path, draft: Path, edit: Edit) -> None:
    """The file is linted again: the same findings as without a cache, exit 1, nothing on
    stderr, and the entry replaced by a valid one."""
    expected = check(str(draft), "--no-cache")
    assert expected[0] == 1 and len(expected[1]) == 61
    assert check(str(draft)) == expected
    edit_cache(cache, edit)
    assert check(str(draft)) == expected
    assert_valid_cache(cache, 1)


FILE_DAMAGE = {
    "top-level-list": b"[]",
    "top-level-null": b"null",
    "entries-a-list": json.dumps({"format": FORMAT, "entries": []}).encode(),
    "other-format": None,  # the real file with its format number changed
    "truncated": None,  # the real file cut in half
    "binary": bytes(range(256)) * 8,
    "not-utf8": b'{"format": 3, "entries": {"\xff": 1}}',
    "empty": b"",
    "nested-too-deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("damage", FILE_DAMAGE.items(), ids=FILE_DAMAGE.keys())
def test_a_damaged_results_file_is_an_empty_cache(
    cache: Path, draft: Path, damage: tuple[str, bytes | None]
) -> None:
    name, blob = damage
    expected = check(str(draft), "--no-cache")
    check(str(draft))
    path = results_file(cache)
    real = path.read_bytes()
    if name == "other-format":
        blob = real.replace(f'"format":{FORMAT}'.encode(), b'"format":2', 1)
        assert blob != real
    elif name == "truncated":
        blob = real[: len(real) // 2]
    path.write_bytes(blob)
    assert check(str(draft)) == expected
    assert_valid_cache(cache, 1)


def perfect_poison(cache: Path) -> None:
    """Findings ``[]`` with the digest recomputed, as someone who can write the folder could:
    the ownership rule is what keeps it out (and it is served from a private folder — an
    edit of one's own cache is out of scope, as an edit of one's own packs is)."""
    edit_cache(cache, edit_entry(lambda e: e.__setitem__("findings", "[]")))


def warning_for(folder: Path) -> str:
    return (
        f"lawlint: {folder}: 警告：该缓存目录属于其他用户或可被其他用户写入，已忽略"
        "（不读也不写缓存；可删除该目录或执行 chmod 700） / warning: this cache folder "
        "belongs to another user or is writable by others; ignored (the cache is neither "
        "read nor written; delete the folder or chmod 700 it)\n"
    )


def make_foreign(how: str, folder: Path) -> None:
    if how == "other-owner":
        os.chown(folder, OTHER_UID, -1)
    else:
        folder.chmod(folder.stat().st_mode | stat.S_IWOTH)


FOREIGN = [
    pytest.param(
        "other-owner",
        marks=pytest.mark.skipif(not IS_ROOT, reason="chown to another user needs root"),
    ),
    "o+w",
]


@pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
def test_a_group_writable_cache_folder_of_ones_own_is_used(cache: Path, draft: Path) -> None:
    """umask 002 (a group per user) left older caches 0775: still the user's own cache."""
    expected = check(str(draft), "--no-cache")
    check(str(draft))
    for folder in (cache, cache / "results"):
        folder.chmod(0o775)
    results_file(cache).chmod(0o664)
    assert check(str(draft)) == expected
    perfect_poison(cache)
    assert check(str(draft)) == (0, [], "")  # served: it is the user's own cache


@pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
@pytest.mark.parametrize("how", FOREIGN)
@pytest.mark.parametrize("which", ["results", "root"])
def test_a_cache_folder_others_control_is_ignored_with_a_warning(
    cache: Path, draft: Path, how: str, which: str
) -> None:
    expected = check(str(draft), "--no-cache")
    check(str(draft))
    perfect_poison(cache)
    assert check(str(draft)) == (0, [], "")  # the poison works where the folder is private
    folder = cache / "results" if which == "results" else cache
    make_foreign(how, folder)
    poisoned = results_file(cache).read_bytes()
    assert check(str(draft)) == (*expected[:2], warning_for(folder))
    assert results_file(cache).read_bytes() == poisoned  # not written either
    # once the folder is private again, the cache is used again
    if IS_ROOT:
        os.chown(folder, os.geteuid(), -1)
    folder.chmod(0o700)
    assert check(str(draft)) == (0, [], "")


@pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
@pytest.mark.parametrize("how", FOREIGN)
def test_a_results_file_others_control_is_a_miss_and_replaced(
    cache: Path, draft: Path, how: str
) -> None:
    """In a private folder, a file only the user (or root) could have put there: a miss,
    without a warning, and replaced by the user's own private file."""
    expected = check(str(draft), "--no-cache")
    check(str(draft))
    perfect_poison(cache)
    path = results_file(cache)
    make_foreign(how, path)
    assert check(str(draft)) == expected
    st = path.stat()
    assert (st.st_uid, stat.S_IMODE(st.st_mode)) == (os.geteuid(), 0o600)
    assert_valid_cache(cache, 1)


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_a_symlinked_results_file_is_a_miss_and_replaced(cache: Path, draft: Path) -> None:
    """lawlint writes no links; one in the folder (pointing at another of the user's own
    files, which passes the owner check) is not followed."""
    expected = check(str(draft), "--no-cache")
    check(str(draft))
    perfect_poison(cache)
    path = results_file(cache)
    moved = path.with_name("elsewhere.txt")
    path.rename(moved)
    path.symlink_to(moved.name)
    assert check(str(draft)) == expected
    assert not path.is_symlink()
    assert_valid_cache(cache, 1)


def test_another_profiles_results_are_not_served(cache: Path, tmp_path: Path) -> None:
    """The same draft in two folders has the same entry key; a folder whose configuration
    turns most rules off must not lend its findings to the other (a results file copied
    under the other profile's name is a miss)."""
    full, narrow = tmp_path / "full", tmp_path / "narrow"
    for folder in (full, narrow):
        folder.mkdir()
        (folder / "draft.txt").write_bytes(FLAWED.read_bytes())
    (narrow / ".lawlint.yaml").write_text("select: [cjk-space]\n", encoding="utf-8")
    expected = check(str(full / "draft.txt"), "--no-cache")
    narrow_run = check(str(narrow / "draft.txt"))
    assert {f["rule"] for f in narrow_run[1]} == {"cjk-space"}
    check(str(full / "draft.txt"))
    by_size = sorted((cache / "results").glob("*.json"), key=lambda p: p.stat().st_size)
    small, large = by_size
    small.replace(large)
    assert check(str(full / "draft.txt")) == expected


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
def test_cache_folders_are_created_private_at_every_level(
    tmp_path: Path, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under the common umask 002, ``mkdir(parents=True)`` would make the parents 0775, and
    the next run would have to refuse them."""
    cache = tmp_path / "a" / "b" / "lawlint"
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(cache))
    (draft.parent / ".lawlint.yaml").write_text("rules:\n  cjk-space: error\n", encoding="utf-8")
    old = os.umask(0o002)
    try:
        first = check(str(draft))
        again = check(str(draft))
    finally:
        os.umask(old)
    assert first == again and first[0] == 1 and again[2] == ""
    for folder in (tmp_path / "a", tmp_path / "a" / "b", cache, cache / "results", cache / "yaml"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
    assert {p.parent.name for p in files} >= {"results", "yaml"}


def test_a_pack_edited_keeping_size_and_mtime_is_linted_again(tmp_path: Path, draft: Path) -> None:
    pack = tmp_path / "mine.yaml"

    def write_pack(word: str) -> None:
        pack.write_text(
            "pack: mine\nrules:\n  - id: my-word\n    kind: phrase\n    severity: error\n"
            f"    message: 避免“{{match}}”\n    words: [{word}]\n",
            encoding="utf-8",
        )

    write_pack("法治")
    before = pack.stat()

    def mine() -> list[tuple[int, str]]:
        code, findings, err = check(str(draft), "--pack", str(pack), "--select", "my-word")
        assert err == "" and code == (1 if findings else 0)
        return [(f["line"], f["message"]) for f in findings]

    assert {m for _, m in mine()} == {"避免“法治”"}
    write_pack("执法")  # the same size in UTF-8
    os.utime(pack, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = pack.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert {m for _, m in mine()} == {"避免“执法”"}


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero")
def test_a_pack_that_is_a_device_or_folder_does_not_hang_the_key(tmp_path: Path) -> None:
    """The key hashes a pack's bytes before the packs are loaded: a FIFO is never read, a
    folder or /dev/zero hashes to None, and loading the pack then reports it (exit 2)."""
    fifo = tmp_path / "pack.fifo"
    os.mkfifo(fifo)
    for path in (fifo, tmp_path, Path("/dev/zero")):
        assert cachefiles.content_hash(path) is None
    assert cachefiles.content_hash(None) is None
    plain = tmp_path / "p.yaml"
    plain.write_bytes(b"x" * (3 << 20))  # more than one read block
    other = tmp_path / "q.yaml"
    other.write_bytes(b"x" * ((3 << 20) - 1) + b"y")
    assert cachefiles.content_hash(plain) != cachefiles.content_hash(other)


# -- two runs at once -----------------------------------------------------------------------


def _subprocess_check(paths: list[Path], cache: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "LAWLINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "lawlint", "check", "--format", "json", "--jobs", "1"]
        + [str(p) for p in paths],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def test_two_runs_writing_the_cache_at_once(tmp_path: Path, cache: Path) -> None:
    """Both runs miss and write the same results file (and the first round the dictionary
    and YAML caches too): each prints the right findings, and the cache ends valid."""
    folder = tmp_path / "many"
    folder.mkdir()
    text = FLAWED.read_text(encoding="utf-8")
    paths = [folder / f"r{i}.txt" for i in range(3)]
    (folder / ".lawlint.yaml").write_text("rules:\n  cjk-space: error\n", encoding="utf-8")
    for round_ in range(3):
        for i, path in enumerate(paths):  # new content each round: every run misses
            path.write_text(text.replace("20场次", f"{10 + i + 3 * round_}场次"), encoding="utf-8")
        code, expected, _ = check(*map(str, paths), "--no-cache")
        runs = [_subprocess_check(paths, cache) for _ in range(2)]
        outs = [run.communicate(timeout=120) for run in runs]
        for run, (out, err) in zip(runs, outs, strict=True):
            assert (run.returncode, err) == (code, "")
            assert json.loads(out) == expected
        assert_valid_cache(cache, 3 * (round_ + 1))
    assert check(*map(str, paths)) == (code, expected, "")


# -- the parsed-YAML cache --------------------------------------------------------------------


def _yaml_entry(cache: Path) -> Path:
    """The configuration's entry (the built-in packs may have entries there too)."""
    entry = cache / "yaml" / hashlib.blake2b(CONFIG.encode(), digest_size=16).hexdigest()
    assert entry.is_file()
    return entry


def _forged(text: str, data: object) -> bytes:
    """An entry as yamlio writes it, with a valid digest, for ``data``."""
    body = marshal.dumps((yamlio.FORMAT, text, data))
    return yamlio._sum(body) + body


CONFIG = "rules:\n  cjk-space: error\n"
CODE = compile("1", "planted", "eval")  # marshal holds code objects; YAML never makes one


@pytest.fixture
def configured(draft: Path) -> Path:
    (draft.parent / ".lawlint.yaml").write_text(CONFIG, encoding="utf-8")
    return draft


def _cjk_space_severities(draft: Path, *flags: str) -> tuple[set[str], str]:
    _, findings, err = check(str(draft), "--no-cache", *flags)
    return {f["severity"] for f in findings if f["rule"] == "cjk-space"}, err


YAML_DAMAGE = {
    "binary": lambda text, real: bytes(range(256)),
    "truncated": lambda text, real: real[: len(real) // 2],
    "one-byte-flipped": lambda text, real: real[:-1] + bytes([real[-1] ^ 1]),
    "empty": lambda text, real: b"",
    "old-format-no-digest": lambda text, real: marshal.dumps((1, text, {"exclude": ["**"]})),
    "code-object": lambda text, real: _forged(text, {"rules": CODE}),
    "code-object-deep": lambda text, real: _forged(text, [[{"k": (1, {CODE})}]]),
    "complex-number": lambda text, real: _forged(text, {"rules": 1j}),
    "another-text": lambda text, real: _forged("exclude: ['**']\n", {"exclude": ["**"]}),
}


@pytest.mark.parametrize("damage", YAML_DAMAGE.values(), ids=YAML_DAMAGE.keys())
def test_a_damaged_yaml_cache_entry_is_parsed_again(
    cache: Path, configured: Path, damage: Callable[[str, bytes], bytes]
) -> None:
    assert _cjk_space_severities(configured) == ({"error"}, "")
    entry = _yaml_entry(cache)
    entry.write_bytes(damage(CONFIG, entry.read_bytes()))
    assert yamlio._read(entry, CONFIG) is yamlio._MISSING
    assert _cjk_space_severities(configured) == ({"error"}, "")
    assert yamlio._read(_yaml_entry(cache), CONFIG) == {"rules": {"cjk-space": "error"}}


@pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
@pytest.mark.parametrize("how", FOREIGN)
def test_a_yaml_cache_folder_others_control_is_ignored(
    cache: Path, configured: Path, how: str
) -> None:
    """A planted parse of the configuration (``exclude: ["**"]``, valid digest) would make
    the check pass; in a folder others control it is not read, nor is anything written."""
    _cjk_space_severities(configured)
    entry = _yaml_entry(cache)
    entry.write_bytes(_forged(CONFIG, {"exclude": ["**"]}))
    # the poison works if trusted (--allow-empty: without it, nothing checked is exit 2)
    assert check(str(configured), "--no-cache", "--allow-empty")[:2] == (0, [])
    make_foreign(how, cache / "yaml")
    assert _cjk_space_severities(configured) == ({"error"}, warning_for(cache / "yaml"))
    assert entry.read_bytes() == _forged(CONFIG, {"exclude": ["**"]})  # not rewritten


# -- the jieba dictionary cache ---------------------------------------------------------------

SEGMENT = (
    "from lawlint.model.segmenter import get_segmenter\n"
    "print('/'.join(get_segmenter().cut('多措并举推进法治建设')))\n"
)
RIGHT_WORDS = "多措并举/推进/法治建设"


def _segment(cache: Path) -> tuple[str, str]:
    env = {**os.environ, "LAWLINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", SEGMENT],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return done.stdout.strip(), done.stderr


def _dictionary_file(cache: Path) -> Path:
    (path,) = cache.glob("jieba-*.cache")
    return path


@pytest.fixture(scope="module")
def built_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dictionary cache, built once (about a second) for the tests to copy."""
    cache = tmp_path_factory.mktemp("dictionary") / "cache"
    assert _segment(cache) == (RIGHT_WORDS, "")
    return _dictionary_file(cache)


@pytest.fixture
def dictionary(cache: Path, built_dictionary: Path) -> Path:
    cache.mkdir(mode=0o700)
    path = cache / built_dictionary.name
    shutil.copy2(built_dictionary, path)
    return path


def _poison_dictionary(path: Path, *, fix_sum: bool) -> None:
    """Drop 多措并举 from the bucket of 多, so that it is cut into smaller words."""
    layout, total, tags, buckets = marshal.loads(path.read_bytes())
    entries = segmenter._decode_bucket("多", buckets["多"])
    entries = {w: f for w, f in entries.items() if not w.startswith("多措")}
    blob = segmenter._encode_bucket("多", entries)
    buckets["多"] = blob if fix_sum else buckets["多"][:4] + blob[4:]
    path.write_bytes(marshal.dumps((layout, total, tags, buckets)))


def test_dictionary_cache_poison_with_a_stale_checksum_is_rebuilt(
    cache: Path, dictionary: Path
) -> None:
    path = dictionary
    _poison_dictionary(path, fix_sum=False)
    assert _segment(cache) == (RIGHT_WORDS, "")
    buckets = marshal.loads(path.read_bytes())[3]
    assert "多措并举" in segmenter._decode_bucket("多", buckets["多"])  # rewritten whole


@pytest.mark.skipif(not POSIX, reason="POSIX owners and modes")
@pytest.mark.parametrize("how", FOREIGN)
def test_a_dictionary_cache_others_control_is_not_read(
    cache: Path, dictionary: Path, how: str
) -> None:
    path = dictionary
    _poison_dictionary(path, fix_sum=True)
    poisoned, _ = _segment(cache)
    assert poisoned != RIGHT_WORDS  # the poison works where the folder is private
    make_foreign(how, cache)
    assert _segment(cache) == (RIGHT_WORDS, warning_for(cache))
    # and in a private folder, the file itself must be private
    cache.chmod(0o700)
    if IS_ROOT:
        os.chown(cache, os.geteuid(), -1)
    make_foreign(how, path)
    assert _segment(cache) == (RIGHT_WORDS, "")
