"""lawlint.model.segmenter: domain words, offsets, laziness, a silent per-user dictionary cache."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import lawlint
from lawlint.cachefiles import cache_dir
from lawlint.model import segmenter
from lawlint.model.segmenter import Segmenter, get_segmenter

# Where `import lawlint` comes from, for the child processes (a checkout's src/ or site-packages).
IMPORT_ROOT = Path(lawlint.__file__).resolve().parent.parent

SENTENCE = "镇党委多次召开党委（扩大）会议，多措并举推进法治政府建设"
SENTENCE_WORDS = "镇党委 多次 召开 党委 （ 扩大 ） 会议 ， 多措并举 推进 法治政府 建设"

SEGMENT = f"""
from lawlint.model.segmenter import get_segmenter
print(" ".join(get_segmenter().cut({SENTENCE!r})))
"""


@pytest.fixture(autouse=True, scope="module")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the tests' dictionary cache out of the developer's own cache directory."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAWLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # 多次 is a vague count, 党委 and 会议 stay apart around the brackets.
        ("镇党委多次召开党委(扩大)会议", "镇党委 多次 召开 党委 ( 扩大 ) 会议"),
        ("镇党委多次召开党委（扩大）会议", "镇党委 多次 召开 党委 （ 扩大 ） 会议"),
        # Figures keep their digits together; 余次 / 余人次 follow as words.
        (
            "全年开展普法宣传20余次，覆盖群众500余人次。",
            "全年 开展 普法 宣传 20 余次 ， 覆盖 群众 500 余人次 。",
        ),
        # 多X manner words are single words, not a vague 多 plus something.
        ("多措并举推进法治政府建设", "多措并举 推进 法治政府 建设"),
        ("坚持多元化解矛盾纠纷", "坚持 多元化解 矛盾纠纷"),
        ("形成多方参与、多元共治的工作格局", "形成 多方参与 、 多元共治 的 工作 格局"),
        ("着力解决多头管理、多头执法问题", "着力 解决 多头管理 、 多头执法 问题"),
        (
            "构建多层次、多渠道、多部门协同的普法工作体系",
            "构建 多层次 、 多渠道 、 多部门 协同 的 普法 工作 体系",
        ),
        ("多元化解决", "多元化 解决"),
    ],
)
def test_domain_words_and_figures(text: str, words: str) -> None:
    assert get_segmenter().cut(text) == words.split()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("镇综合行政执法队开展多项专项整治行动", "镇 综合行政执法 队 开展 多项 专项 整治 行动"),
        ("举办多场法治讲座", "举办 多场 法治讲座"),
        ("培训执法人员多名", "培训 执法人员 多名"),
        ("做了大量工作", "做 了 大量 工作"),
        ("出台了一系列制度", "出台 了 一系列 制度"),
        ("对群众反映的问题数次督办", "对 群众反映 的 问题 数次 督办"),
        ("对屡次违法的经营者依法处罚", "对 屡次 违法 的 经营者 依法 处罚"),
        ("部分单位学法不够深入", "部分 单位 学法 不够 深入"),
        ("不少群众反映办事难", "不少 群众反映 办事 难"),
        ("存在诸多问题", "存在 诸多 问题"),
        ("办结了一批信访事项", "办结 了 一批 信访事项"),
        ("众多企业受益", "众多 企业 受益"),
        ("存在若干薄弱环节", "存在 若干 薄弱环节"),
        ("采取多种措施", "采取 多种 措施"),
        ("组织大批干部下沉一线", "组织 大批 干部 下沉 一线"),
    ],
)
def test_vague_quantities_are_words_of_their_own(text: str, words: str) -> None:
    assert get_segmenter().cut(text) == words.split()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("全面落实行政执法三项制度", "全面落实 行政执法 三项制度"),
        ("加强行政规范性文件合法性审核和备案审查", "加强 行政规范性文件 合法性审核 和 备案审查"),
        (
            "严格执行重大执法决定法制审核、执法全过程记录和行政执法公示制度",
            "严格执行 重大执法决定法制审核 、 执法全过程记录 和 行政执法公示 制度",
        ),
        ("行政机关负责人出庭应诉", "行政机关 负责人 出庭应诉"),
        ("持续深化放管服改革，优化营商环境", "持续 深化 放管服 改革 ， 优化 营商环境"),
        (
            "深入开展八五普法，落实谁执法谁普法责任制",
            "深入开展 八五普法 ， 落实 谁执法谁普法 责任制",
        ),
        (
            "党政主要负责人履行推进法治建设第一责任人职责",
            "党政主要负责人 履行 推进 法治建设 第一责任人 职责",
        ),
        ("重大行政决策事项均经过合法性审查", "重大行政决策 事项 均 经过 合法性审查"),
        ("做好行政复议、行政应诉和行政裁决工作", "做好 行政复议 、 行政应诉 和 行政裁决 工作"),
        ("加强政务公开，发挥行政调解作用", "加强 政务公开 ， 发挥 行政调解 作用"),
        ("聘请法律顾问和公职律师，开展述法", "聘请 法律顾问 和 公职律师 ， 开展 述法"),
        ("推进数字政府建设", "推进 数字政府 建设"),
        ("坚持和发展新时代“枫桥经验”", "坚持 和 发展 新时代 “ 枫桥经验 ”"),
        ("一是加强组织领导，二是学法用法", "一是 加强 组织 领导 ， 二是 学法用法"),
    ],
)
def test_work_area_terms_are_single_words(text: str, words: str) -> None:
    assert get_segmenter().cut(text) == words.split()


def test_tokens_slice_back_to_the_words() -> None:
    text = (
        "一、2023年推进法治政府建设的主要举措和成效\n"
        "  全年开展普法宣传20余次，覆盖群众500余人次；\t罚款336849.6元，"
        "《行政处罚法》ABC 测试。\r\n"
    )
    tokens = get_segmenter().tokens(text)
    assert [word for word, _, _ in tokens] == get_segmenter().cut(text)
    assert all(text[start:end] == word for word, start, end in tokens)
    assert [start for _, start, _ in tokens] == [0] + [end for _, _, end in tokens[:-1]]
    assert tokens[-1][2] == len(text)


def test_empty_text() -> None:
    assert get_segmenter().cut("") == []
    assert get_segmenter().tokens("") == []


def test_results_are_the_callers_to_change() -> None:
    words = get_segmenter().cut(SENTENCE)
    words.append("改")
    assert get_segmenter().cut(SENTENCE) == SENTENCE_WORDS.split()


def test_same_text_is_segmented_once() -> None:
    seg = Segmenter()
    calls = _count_jieba_calls(seg)
    for _ in range(3):
        seg.cut(SENTENCE)
        seg.tokens(SENTENCE)
    assert calls == [SENTENCE]


def test_result_cache_is_bounded_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segmenter, "CACHE_CHARS", 10)
    seg = Segmenter()
    calls = _count_jieba_calls(seg)
    for text in ("依法行政", "多措并举", "普法宣传", "依法行政", "普法宣传"):
        seg.cut(text)
    assert calls == ["依法行政", "多措并举", "普法宣传", "依法行政"]


def _whole_dictionary_tokenizer(*user_dicts: Path) -> object:
    """A jieba tokenizer with the whole dictionary in memory, as jieba itself loads it."""
    jieba = segmenter._quiet_import("jieba")
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    for path in (segmenter.rules_dir() / segmenter.DOMAIN_DICT, *user_dicts):
        with open(path, "rb") as f:
            tokenizer.load_userdict(f)
    return tokenizer


def _report_lines() -> list[str]:
    """Every line of the shipped examples, and of the sample reports where they exist."""
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "examples").glob("*.txt"))
    files += sorted((root.parent / "shared" / "corpus").glob("*.txt"))
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 50
    return lines


def test_loading_by_first_character_cuts_as_the_whole_dictionary(tmp_path: Path) -> None:
    """The dictionary is loaded a bucket at a time, for the characters of each text; the
    words must be those of the whole dictionary for every line of real reports, also with a
    user dictionary whose words start with characters that are loaded later or never."""
    user_dict = tmp_path / "towns.txt"
    user_dict.write_text("青禾镇 1000 ns\n法治督察 50 n\n依法治 5\n", encoding="utf-8")
    for user_dicts in ((), (user_dict,)):
        whole = _whole_dictionary_tokenizer(*user_dicts)
        lazy = Segmenter(user_dicts)
        differ = [
            line
            for line in [*_report_lines(), "青禾镇深化法治督察，依法治镇"]
            if lazy.cut(line) != list(whole.cut(line, HMM=segmenter.HMM))  # type: ignore[attr-defined]
        ]
        assert differ == []
    assert lazy._buckets is not None and lazy._buckets._pending, "some buckets never loaded"


def test_user_dictionary_applies_to_its_own_segmenter_only(tmp_path: Path) -> None:
    user_dict = tmp_path / "towns.txt"
    user_dict.write_text("青禾镇 1000 ns\n", encoding="utf-8")
    seg = Segmenter([user_dict])
    assert seg.cut("青禾镇多措并举") == ["青禾镇", "多措并举"]
    assert get_segmenter().cut("青禾镇召开会议")[:3] == ["青", "禾", "镇"]


def test_loaded_and_shared_instance() -> None:
    seg = Segmenter()
    assert not seg.loaded
    seg.cut("测试")
    assert seg.loaded
    assert get_segmenter() is get_segmenter()


def test_pos_tags_the_words_of_cut() -> None:
    text = "镇党委多次召开会议，多措并举推进法治政府建设"
    pairs = get_segmenter().pos(text)
    assert [word for word, _ in pairs] == get_segmenter().cut(text)
    tags = dict(pairs)
    assert tags["多次"] == "m"
    assert tags["多措并举"] == "l"


def test_loading_leaves_the_warning_filters_alone() -> None:
    before = list(warnings.filters)
    Segmenter().load()
    assert warnings.filters == before


def test_cache_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("LAWLINT_CACHE_DIR", raising=False)
    assert cache_dir() == tmp_path / "home" / ".cache" / "lawlint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert cache_dir() == tmp_path / "home" / ".cache" / "lawlint"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "lawlint"
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_cache_dir_on_windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("LAWLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert cache_dir() == tmp_path / "local" / "lawlint"


# --- child processes: what a user of the command line sees ----------------------------------


def test_import_does_not_import_jieba(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from lawlint.model.segmenter import get_segmenter\n"
        "seg = get_segmenter()\n"
        "print('jieba' in sys.modules, seg.loaded)\n"
    )
    result = _run(code, tmp_path)
    assert (result.stdout, result.stderr) == ("False False\n", "")


@pytest.mark.parametrize("flags", [(), ("-W", "error")], ids=["default", "W-error"])
def test_first_and_second_run_are_silent_and_use_the_user_cache(
    tmp_path: Path, flags: tuple[str, ...]
) -> None:
    first = _run(SEGMENT, tmp_path, *flags)
    assert (first.stdout, first.stderr) == (SENTENCE_WORDS + "\n", "")
    cache_file = _the_cache_file(tmp_path)
    assert _loads(cache_file)
    assert not any((tmp_path / "tmp").iterdir()), "nothing may go to the temp dir"

    written = cache_file.stat()
    second = _run(SEGMENT, tmp_path, *flags)
    assert (second.stdout, second.stderr) == (SENTENCE_WORDS + "\n", "")
    reread = cache_file.stat()
    assert (reread.st_ino, reread.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    assert _the_cache_file(tmp_path) == cache_file


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00garbage\xff" * 100,
        b"",
        marshal.dumps(42),
        marshal.dumps(("not", "a dictionary")),
        marshal.dumps(({"a": 1}, 1))[:-3],
        # the previous layout: one whole dictionary
        marshal.dumps(({"多次": 5}, 1)),
        # the right layout with a damaged bucket for a character of the sentence
        marshal.dumps((segmenter.CACHE_LAYOUT, 60_000_000, {}, {"多": b"\x00broken"})),
        marshal.dumps((segmenter.CACHE_LAYOUT, 60_000_000, {}, {"多": marshal.dumps([1])})),
    ],
    ids=[
        "bytes",
        "empty",
        "not-a-pair",
        "wrong-types",
        "truncated",
        "old-layout",
        "broken-bucket",
        "bucket-not-a-dict",
    ],
)
def test_corrupt_cache_is_rebuilt_silently(tmp_path: Path, garbage: bytes) -> None:
    _run(SEGMENT, tmp_path)
    cache_file = _the_cache_file(tmp_path)
    cache_file.write_bytes(garbage)
    result = _run(SEGMENT, tmp_path, "-W", "error")
    assert (result.stdout, result.stderr) == (SENTENCE_WORDS + "\n", "")
    assert _loads(cache_file)


def test_a_rebuild_removes_caches_of_other_dictionaries(tmp_path: Path) -> None:
    """Caches are 9 MB: one of another jieba version or dictionary is deleted, not kept."""
    stale = tmp_path / "cache" / "jieba-0.41.0-dict123-cpython-marshal4.cache"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    result = _run(SEGMENT, tmp_path)
    assert (result.stdout, result.stderr) == (SENTENCE_WORDS + "\n", "")
    assert not stale.exists()
    assert _loads(_the_cache_file(tmp_path))


def test_unwritable_cache_dir_still_works_silently(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory's parent should be")
    result = _run(SEGMENT, tmp_path, "-W", "error", cache=blocker / "lawlint")
    assert (result.stdout, result.stderr) == (SENTENCE_WORDS + "\n", "")
    assert not any((tmp_path / "tmp").iterdir())


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anyway")
def test_read_only_cache_dir_still_works_silently(tmp_path: Path) -> None:
    read_only = tmp_path / "ro"
    read_only.mkdir(mode=0o500)
    result = _run(SEGMENT, tmp_path, cache=read_only)
    assert (result.stdout, result.stderr) == (SENTENCE_WORDS + "\n", "")


def test_silent_without_any_bytecode_under_w_error(tmp_path: Path) -> None:
    """No usable .pyc (uv installs, read-only site-packages, PYTHONDONTWRITEBYTECODE): jieba and
    jieba.posseg compile from source, where their invalid escape sequences warn, and under
    ``-W error`` would fail the import."""
    code = SEGMENT + "print(get_segmenter().pos('多措并举')[0][1])\n"
    pycache = ("-X", f"pycache_prefix={tmp_path / 'pycache'}")
    result = _run(code, tmp_path, "-W", "error", *pycache)
    assert (result.stdout, result.stderr) == (SENTENCE_WORDS + "\nl\n", "")


def test_deprecated_pkg_resources_is_never_imported(tmp_path: Path) -> None:
    """setuptools 80/81 warn on ``import pkg_resources``; jieba imports it when it can."""
    fake = tmp_path / "fake-setuptools"
    fake.mkdir()
    (fake / "pkg_resources.py").write_text(
        "import importlib.util, os, warnings\n"
        "warnings.warn('pkg_resources is deprecated as an API.', UserWarning, stacklevel=2)\n"
        "def resource_stream(package, name):\n"
        "    folder = os.path.dirname(importlib.util.find_spec(package).origin)\n"
        "    return open(os.path.join(folder, name), 'rb')\n"
    )
    code = SEGMENT + (
        "import importlib.util, sys\n"
        "print('pkg_resources' in sys.modules, importlib.util.find_spec('pkg_resources') is None)\n"
    )
    result = _run(code, tmp_path, extra_path=fake)
    assert (result.stdout, result.stderr) == (SENTENCE_WORDS + "\nFalse False\n", "")


def test_jieba_logs_nothing_even_with_debug_logging(tmp_path: Path) -> None:
    code = "import logging\nlogging.basicConfig(level=logging.DEBUG)\n" + SEGMENT
    result = _run(code, tmp_path)
    assert (result.stdout, result.stderr) == (SENTENCE_WORDS + "\n", "")


# --- helpers ---------------------------------------------------------------------------------


def _count_jieba_calls(seg: Segmenter) -> list[str]:
    """Record every text that reaches jieba itself (past the result cache)."""
    seg.load()
    tokenizer = seg._tokenizer
    calls: list[str] = []
    cut = tokenizer.cut

    def counting_cut(text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return cut(text, *args, **kwargs)

    tokenizer.cut = counting_cut
    return calls


def _run(
    code: str,
    tmp_path: Path,
    *flags: str,
    cache: Path | None = None,
    extra_path: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with its own cache and temp dirs under ``tmp_path``."""
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    path = [str(extra_path)] if extra_path else []
    env = {
        **os.environ,
        "LAWLINT_CACHE_DIR": str(cache or tmp_path / "cache"),
        "TMPDIR": str(temp),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONPATH": os.pathsep.join([*path, str(IMPORT_ROOT)]),
    }
    env.pop("PYTHONWARNINGS", None)
    return subprocess.run(
        [sys.executable, *flags, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def _the_cache_file(tmp_path: Path) -> Path:
    """The one file in the cache dir, named for what it holds (no temporary file left behind)."""
    (cache_file,) = (tmp_path / "cache").iterdir()
    assert cache_file.name.startswith("jieba-0.42.1-")
    assert cache_file.suffix == ".cache"
    return cache_file


def _loads(cache_file: Path) -> bool:
    """Whether the file holds jieba's whole prefix dictionary, in buckets by first character."""
    layout, total, tags, buckets = marshal.loads(cache_file.read_bytes())
    entries = sum(len(segmenter._decode_bucket(c, b)) for c, b in buckets.items())
    return layout == segmenter.CACHE_LAYOUT and entries > 300_000 and total > 0 and tags
