"""Chinese word segmentation: the one module in lawlint that imports jieba.

Why a wrapper instead of ``import jieba`` wherever words are needed (figures: Python 3.11, jieba
0.42.1, the project's performance notes):

* Lazy. ``import jieba`` costs 40-110 ms and its dictionary 0.15-0.5 s, so both wait for the first
  call that needs words: ``--help``, regex-only rule packs and cached runs never pay for them.
* Fast. ``jieba.initialize()`` (about 0.5 s a run) is replaced by a cache file in lawlint's
  per-user cache directory holding the dictionary in buckets by first character, with the domain
  dictionary merged in; a run decodes only the buckets of the characters it cuts (one report's
  candidate sentences: a fifth of the entries, ~0.03 s; the whole dictionary as one dict costs
  0.15-0.18 s). jieba's own cache, a shared ``/tmp/jieba.cache``, breaks for the second user of a
  machine and leaks 9 MB temporary files.
* Silent. jieba logs every load on its own stderr handler, its sources hold invalid escape
  sequences (a ``SyntaxWarning`` on 3.12+, an import error under ``-W error``, whenever no
  ``.pyc`` can be used) and it imports the deprecated ``pkg_resources``. Bypassing
  ``initialize()`` means it never logs; the import runs under a scoped warnings filter with
  ``pkg_resources`` hidden, so the user's own warning and logging settings stay as they were.
* Domain words. ``rules/dict/fazhi.txt`` makes 法治政府建设 vocabulary come out as single words
  (行政规范性文件, 多措并举, 多元化解 …), so a rule can tell a vague 多次 from 多措并举.
"""

from __future__ import annotations

import contextlib
import importlib
import marshal
import re
import sys
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from lawlint.cachefiles import cache_dir, read_private, usable, write_atomically
from lawlint.resources import rules_dir

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

#: The shipped domain dictionary, relative to ``rules_dir()``; always loaded first.
DOMAIN_DICT = Path("dict", "fazhi.txt")

#: jieba's HMM guesses words from runs of characters the dictionaries do not know. Measured over
#: the 16 sample reports (45 KB) with the domain dictionary: off is 13-16 % faster (two runs: 1.50
#: vs 1.30 and 1.30 vs 1.15 MB/s). Of the 138 places where the two differ, the HMM finds some real
#: words (我镇, 现将, personal and place names) but glues about as many characters onto the wrong
#: neighbour (为静, 对区, 及党, 年静, 反有, 为局). Rules look for known words, so segmentation is
#: left to the dictionaries alone, where a wrong split is fixed by a dictionary entry. pos() uses
#: the same setting so that its words are the words of cut(); with the HMM it would be 5x slower.
HMM = False

#: Bound of the per-text result cache, in characters of text kept. The words of a text cost about
#: 40 bytes per character (38 measured on a whole 15 KB report), so this keeps ~40 MB at most:
#: ~180 whole reports or ~20,000 sentences, far more than the rules of one file ask for again.
CACHE_CHARS = 1_000_000


#: Longest text given to jieba in one piece. jieba's own pieces end at each character outside
#: its word class (any punctuation or space), so a real text is cut there anyway; a megabyte of
#: Chinese characters with no mark in between (one piece for jieba) cost 7.3 s against 0.9 s
#: for a quarter of it. Longer texts are cut where jieba would cut them, if a window's second
#: half has such a place, else at the bound (a word may then be split: only in such texts).
CHUNK_CHARS = 4000
# jieba's re_han_default: the characters its pieces are made of
_JIEBA_BLOCK = re.compile(r"[^\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]")


def _chunks(text: str) -> list[str]:
    """``text`` in pieces of at most ``CHUNK_CHARS`` characters, joined they give it back."""
    pieces = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        limit = start + CHUNK_CHARS
        cut = limit
        for m in _JIEBA_BLOCK.finditer(text, start + CHUNK_CHARS // 2, limit):
            cut = m.end()
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class Segmenter:
    """jieba with lawlint's dictionaries, loaded on first use, and a per-text result cache.

    Each instance owns a ``jieba.Tokenizer``: one instance's user dictionaries never leak into
    another, nor into jieba's global tokenizer that a host program may use. A dictionary load costs
    about 0.15 s and 80 MB, so make one instance per set of dictionaries and share it;
    ``get_segmenter()`` is the one with the built-in dictionary.

    ``user_dicts`` are jieba user dictionaries (UTF-8, ``word [freq] [tag]`` per line) applied
    after the built-in one, in order, so a later entry overrides an earlier one.
    """

    def __init__(self, user_dicts: Sequence[Path] = ()) -> None:
        self._dict_paths = (rules_dir() / DOMAIN_DICT, *map(Path, user_dicts))
        self._tokenizer: jieba.Tokenizer | None = None
        self._buckets: _Buckets | None = None
        self._pos_tokenizer: jieba.posseg.POSTokenizer | None = None
        self._lock = threading.Lock()
        self._cache = _TextCache(CACHE_CHARS)

    @property
    def loaded(self) -> bool:
        """Whether this segmenter has loaded jieba's dictionary (in this process)."""
        return self._tokenizer is not None

    def load(self) -> None:
        """Import jieba and load the dictionaries now rather than on the first ``cut``."""
        self._jieba()

    def cut(self, text: str) -> list[str]:
        """The words of ``text`` in order; joined, they give ``text`` back (spaces are words)."""
        return list(self._words(text))

    def tokens(self, text: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` for each word: character offsets into ``text``, end exclusive."""
        spans = []
        start = 0
        for word in self._words(text):
            end = start + len(word)
            spans.append((word, start, end))
            start = end
        return spans

    def pos(self, text: str) -> list[tuple[str, str]]:
        """``(word, part-of-speech tag)`` pairs; imports ``jieba.posseg`` on first use.

        Slower than ``cut``, not cached, and its first call costs ~0.45 s and 35 MB more (the
        import, and jieba's tag table read for this segmenter): only for rules that truly need
        tags, never on the path every file takes.
        """
        tokenizer = self._posseg()
        with self._lock:
            self._ensure(text)
        return [(pair.word, pair.flag) for pair in tokenizer.lcut(text, HMM=HMM)]

    def _words(self, text: str) -> tuple[str, ...]:
        if len(text) > CHUNK_CHARS:
            return tuple(w for piece in _chunks(text) for w in self._words(piece))
        words = self._cache.get(text)
        if words is None:
            tokenizer = self._jieba()
            with self._lock:
                self._ensure(text)
            words = tuple(tokenizer.cut(text, HMM=HMM))
            self._cache.put(text, words)
        return words

    def _jieba(self) -> jieba.Tokenizer:
        with self._lock:
            if self._tokenizer is None:
                self._tokenizer, self._buckets = _load_tokenizer(self._dict_paths)
            return self._tokenizer

    def _ensure(self, text: str) -> None:
        """The dictionary entries a cut of ``text`` reads are loaded (caller holds the lock)."""
        assert self._buckets is not None
        self._buckets.ensure(text)

    def _posseg(self) -> jieba.posseg.POSTokenizer:
        tokenizer = self._jieba()
        with self._lock:
            if self._pos_tokenizer is None:
                posseg = _quiet_import("jieba.posseg")
                self._pos_tokenizer = posseg.POSTokenizer(tokenizer)
            return self._pos_tokenizer


@cache
def get_segmenter() -> Segmenter:
    """The process-wide segmenter with the built-in dictionary, shared so a text is cut once."""
    return Segmenter()


def preload() -> None:
    """Load the shared segmenter now: for process-pool initializers, so that each worker pays the
    dictionary load once, up front, rather than inside the first file it is given."""
    get_segmenter().load()


class _TextCache:
    """Least-recently-used map of text to words, bounded by the characters of the texts it keeps.

    Bounded by size rather than by entry count because callers may pass a 40-character sentence
    or a whole report; 1,000 whole reports would hold about 200 MB of words.
    """

    def __init__(self, max_chars: int) -> None:
        self._max_chars = max_chars
        self._chars = 0
        self._entries: OrderedDict[str, tuple[str, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> tuple[str, ...] | None:
        with self._lock:
            words = self._entries.get(text)
            if words is not None:
                self._entries.move_to_end(text)
            return words

    def put(self, text: str, words: tuple[str, ...]) -> None:
        with self._lock:
            if text in self._entries:
                return
            self._entries[text] = words
            self._chars += len(text)
            while self._chars > self._max_chars:
                evicted, _ = self._entries.popitem(last=False)
                self._chars -= len(evicted)


def _load_tokenizer(dict_paths: Sequence[Path]) -> tuple[jieba.Tokenizer, _Buckets]:
    """A fresh jieba tokenizer over lawlint's dictionary cache, with ``dict_paths`` on top.

    ``dict_paths[0]`` is the built-in domain dictionary, already merged into the cache; the
    others (user dictionaries) are applied here, after the buckets for every character they
    hold, so ``add_word`` sees the same entries it would see in the whole dictionary.
    Setting ``initialized`` stops jieba from loading (and logging) its own copy on the first
    cut. User dictionaries are opened here because ``load_userdict(path)`` never closes its
    file, which would print a ResourceWarning under ``-W default`` and an ignored exception
    under ``-W error``.
    """
    jieba_module = _quiet_import("jieba")
    tokenizer = jieba_module.Tokenizer()
    domain, *user_dicts = dict_paths
    domain_bytes = domain.read_bytes()
    cache_file = cache_dir() / _cache_file_name(jieba_module, domain_bytes)

    def rebuild() -> _Cached:
        return _build_cache(jieba_module.Tokenizer(), domain_bytes, cache_file)

    cached = _read_cache(cache_file) or rebuild()
    return tokenizer, _Buckets(tokenizer, cached, user_dicts, rebuild)


class _Buckets:
    """jieba's prefix dictionary, filled in one first character at a time.

    jieba looks up only fragments of a text that start at one of its characters, so the
    entries starting with the characters of a text are all a cut of it reads. The whole
    dictionary is half a million entries (0.15-0.18 s to build as one dict); a report's
    sentences with candidate words hold a few hundred distinct characters, about a fifth of
    it. Each bucket is a marshalled ``{word: freq}`` decoded on first use and merged into
    the tokenizer's ``FREQ``. User dictionaries are applied after the buckets of all their
    characters, so ``add_word`` sees what it would see in the whole dictionary and no bucket
    loaded later overwrites a user's entry.
    """

    def __init__(
        self,
        tokenizer: jieba.Tokenizer,
        cached: _Cached,
        user_dicts: Sequence[Path],
        rebuild: Callable[[], _Cached],
    ) -> None:
        self._tokenizer = tokenizer
        self._user_dicts = user_dicts
        self._rebuild = rebuild
        self._pending: dict[str, bytes] = {}
        self._install(cached)

    def _install(self, cached: _Cached) -> None:
        total, tags, buckets = cached
        tokenizer = self._tokenizer
        tokenizer.FREQ = {}
        tokenizer.total = total
        tokenizer.user_word_tag_tab = dict(tags)
        tokenizer.initialized = True
        self._pending = dict(buckets)
        for path in self._user_dicts:
            with open(path, "rb") as f:
                self.ensure(f.read().decode("utf-8", "replace"))
                f.seek(0)
                tokenizer.load_userdict(f)

    def ensure(self, text: str) -> None:
        """Load the buckets of the characters of ``text`` not loaded yet."""
        pending = self._pending
        if not pending:
            return
        freq = self._tokenizer.FREQ
        for char in pending.keys() & set(text):
            try:
                entries = _decode_bucket(char, pending.pop(char))
            except Exception:  # a damaged cache file: rebuild it and start again from that
                self._install(self._rebuild())
                self.ensure(text)
                return
            freq.update(entries)


def _quiet_import(name: str) -> ModuleType:
    """Import a jieba module without its import-time noise, leaving the user's settings alone.

    The filters live only inside ``catch_warnings``. ``pkg_resources`` (which jieba only uses to
    open ``dict.txt``, falling back to ``open`` when it is missing) is hidden for the import: with
    setuptools 80/81 it prints a deprecation UserWarning, with older ones it costs 65-78 ms. It is
    hidden only if nobody imported it yet, and unhidden afterwards so others can still import it.
    """
    with warnings.catch_warnings():
        for category in (SyntaxWarning, DeprecationWarning):
            warnings.filterwarnings("ignore", "invalid escape sequence", category)
        hide = "pkg_resources" not in sys.modules
        if hide:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            return importlib.import_module(name)
        finally:
            if hide and sys.modules.get("pkg_resources", False) is None:
                del sys.modules["pkg_resources"]


#: The layout of the dictionary cache file; part of its name, so an older layout is never read.
#: buckets2: each bucket is the CRC-32 of its character and bytes, then the marshalled dict.
CACHE_LAYOUT = "buckets2"


def _cache_file_name(jieba_module: ModuleType, domain: bytes) -> str:
    """Name the cache after everything its bytes depend on, so a stale file is never trusted:
    jieba's version, its ``dict.txt`` size, the domain dictionary merged into it, the layout,
    the Python implementation and the marshal format (version 4 on CPython 3.11-3.13, whose
    caches load in one another). Not dict.txt's mtime: every reinstall of jieba (each new
    virtual environment) would then leave another 9 MB file behind for the same dictionary."""
    import hashlib

    dict_txt = Path(str(jieba_module.__file__)).with_name(jieba_module.DEFAULT_DICT_NAME).stat()
    domain_hash = hashlib.blake2b(domain, digest_size=6).hexdigest()
    return (
        f"jieba-{jieba_module.__version__}-dict{dict_txt.st_size}-fazhi{domain_hash}"
        f"-{CACHE_LAYOUT}-{sys.implementation.name}-marshal{marshal.version}.cache"
    )


_Cached = tuple[int, dict[str, str], dict[str, bytes]]


def _read_cache(path: Path) -> _Cached | None:
    """The cached ``(total, word tags, buckets)``, or None if missing or unusable.

    Anything may sit at that path (a truncated copy, a broken disk's bytes, another program's
    file); every failure to read it means "rebuild", never an error for the user. Only a file
    private to the user in a cache folder they control is read (``cachefiles``): another
    user's dictionary would change how words are cut, and so the findings. A bucket is
    decoded only when used, and its checksum checked then (:func:`_decode_bucket`), so a
    damaged bucket costs a rebuild, not a wrong cut; hashing the whole 9 MB file up front
    would cost 10-25 ms of every run that cuts words.
    """
    if not usable(path.parent):
        return None
    blob = read_private(path)
    if blob is None:
        return None
    try:
        layout, total, tags, buckets = marshal.loads(blob)
    except Exception:
        return None
    if not (
        layout == CACHE_LAYOUT
        and type(total) is int
        and type(tags) is dict
        and type(buckets) is dict
        and all(type(k) is str and type(v) is str for k, v in tags.items())
    ):
        return None
    return total, tags, buckets


def _bucket_sum(char: str, body: bytes) -> bytes:
    import zlib

    return zlib.crc32(body, zlib.crc32(char.encode("utf-8"))).to_bytes(4, "big")


def _encode_bucket(char: str, entries: dict[str, int]) -> bytes:
    body = marshal.dumps(entries)
    return _bucket_sum(char, body) + body


def _decode_bucket(char: str, blob: object) -> dict[str, int]:
    """A bucket's ``{word: freq}``; ValueError if its bytes are not what was written for
    ``char`` (the caller rebuilds the cache)."""
    if type(blob) is not bytes or _bucket_sum(char, blob[4:]) != blob[:4]:
        raise ValueError(f"damaged dictionary bucket {char!r}")
    entries = marshal.loads(blob[4:])
    if type(entries) is not dict:
        raise ValueError(f"damaged dictionary bucket {char!r}")
    return entries


def _build_cache(tokenizer: jieba.Tokenizer, domain: bytes, path: Path) -> _Cached:
    """Parse jieba's ``dict.txt`` (about 0.5 s), apply the domain dictionary, split the
    result into buckets by first character and keep it for the next run (unless the cache
    folder is not the user's own)."""
    import io

    tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    tokenizer.initialized = True
    tokenizer.load_userdict(io.BytesIO(domain))
    grouped: dict[str, dict[str, int]] = {}
    for word, freq in tokenizer.FREQ.items():
        grouped.setdefault(word[0], {})[word] = freq
    buckets = {char: _encode_bucket(char, entries) for char, entries in grouped.items()}
    cached = (tokenizer.total, dict(tokenizer.user_word_tag_tab), buckets)
    if usable(path.parent):
        write_atomically(path, marshal.dumps((CACHE_LAYOUT, *cached)))
        _remove_stale(path)
    return cached


def _remove_stale(current: Path) -> None:
    """Delete dictionary caches of other jieba versions or dictionaries (9 MB each)."""
    with contextlib.suppress(OSError):
        for old in current.parent.glob("jieba-*.cache"):
            if old.name != current.name:
                old.unlink()
