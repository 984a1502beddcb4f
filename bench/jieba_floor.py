"""How far lawlint's segmenter is from the floor: whole-process start-up and cut throughput.

Run from a checkout with the project's environment: ``python bench/jieba_floor.py``. It times, as
fresh processes with their dictionary cache present,

* ``python -c pass`` (the interpreter alone),
* stock jieba: ``import jieba; jieba.initialize()``,
* lawlint: ``get_segmenter().cut('测试')`` (lazy import, marshal fast loader, domain dictionary),

with hyperfine when it is installed (else its own median of repeated runs), then the throughput of
``Segmenter.cut`` over ``../shared/corpus`` when that folder exists. Both caches live in a
temporary directory for the run, so nothing is left in ``/tmp`` or in the user's cache.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RUNS = 20
WARMUP = 3
CUT_RUNS = 7

COMMANDS = {
    "python -c pass": "pass",
    "stock: import jieba; jieba.initialize()": "import jieba; jieba.initialize()",
    "lawlint: get_segmenter().cut('测试')": (
        "from lawlint.model.segmenter import get_segmenter; get_segmenter().cut('测试')"
    ),
}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="jieba-floor-") as scratch:
        env = _environment(Path(scratch))
        os.environ["LAWLINT_CACHE_DIR"] = env["LAWLINT_CACHE_DIR"]  # for this process's cuts too
        tool = _hyperfine_version()
        jieba_version = importlib.metadata.version("jieba")
        print(f"Python {sys.version.split()[0]}, jieba {jieba_version}, {tool or 'own timer'}")
        print(f"whole process, dictionary cache present, {RUNS} runs after {WARMUP} warm-ups\n")
        _print_startup(_hyperfine(env, Path(scratch)) if tool else _time_myself(env))
        print()
        _print_throughput()


def _environment(scratch: Path) -> dict[str, str]:
    """Caches in the scratch directory; lawlint importable from this checkout."""
    (scratch / "tmp").mkdir()
    env = dict(os.environ)
    env["TMPDIR"] = str(scratch / "tmp")  # where stock jieba keeps jieba.cache
    env["LAWLINT_CACHE_DIR"] = str(scratch / "lawlint")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env.pop("PYTHONWARNINGS", None)
    return env


def _argv(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def _hyperfine_version() -> str | None:
    if not shutil.which("hyperfine"):
        return None
    return subprocess.run(
        ["hyperfine", "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _hyperfine(env: dict[str, str], scratch: Path) -> dict[str, tuple[float, float]]:
    """Median and min seconds per command; no shell, so none of its start-up is counted."""
    report = scratch / "hyperfine.json"
    options = ["--shell=none", "--style=none", f"--warmup={WARMUP}", f"--runs={RUNS}"]
    commands = [shlex.join(_argv(code)) for code in COMMANDS.values()]
    subprocess.run(
        ["hyperfine", *options, f"--export-json={report}", *commands],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    results = json.loads(report.read_text())["results"]
    return {name: (r["median"], r["min"]) for name, r in zip(COMMANDS, results, strict=True)}


def _time_myself(env: dict[str, str]) -> dict[str, tuple[float, float]]:
    timings = {}
    for name, code in COMMANDS.items():
        samples = []
        for run in range(WARMUP + RUNS):
            start = time.perf_counter()
            subprocess.run(_argv(code), env=env, check=True, capture_output=True)
            if run >= WARMUP:
                samples.append(time.perf_counter() - start)
        timings[name] = (statistics.median(samples), min(samples))
    return timings


def _print_startup(timings: dict[str, tuple[float, float]]) -> None:
    width = max(map(_columns, timings))
    print(f"| {'command':<{width}} | median  |   min   |")
    print(f"|{'-' * (width + 2)}|--------:|--------:|")
    for name, (median, fastest) in timings.items():
        padding = " " * (width - _columns(name))
        print(f"| {name}{padding} | {median * 1000:4.0f} ms | {fastest * 1000:4.0f} ms |")
    stock, fast = (timings[name][0] for name in list(COMMANDS)[1:])
    print(
        f"\nfast loader vs stock: {stock / fast:.2f}x faster, {(stock - fast) * 1000:.0f} ms saved"
    )


def _columns(text: str) -> int:
    """Terminal columns of ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _print_throughput() -> None:
    """Segmenter.cut over whole files, each run on a fresh segmenter so its result cache is cold;
    the dictionary load is not counted."""
    if not CORPUS.is_dir():
        print(f"throughput: skipped, {CORPUS} not found")
        return
    sys.path.insert(0, str(ROOT / "src"))
    from lawlint.model.segmenter import Segmenter

    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    size_kb = sum(len(text.encode("utf-8")) for text in texts) / 1000
    samples = []
    for _ in range(CUT_RUNS):
        segmenter = Segmenter()
        segmenter.load()
        start = time.perf_counter()
        for text in texts:
            segmenter.cut(text)
        samples.append(time.perf_counter() - start)
    median = statistics.median(samples)
    print(f"Segmenter.cut over {CORPUS} ({len(texts)} files, {size_kb:.1f} KB, UTF-8):")
    print(f"median of {CUT_RUNS} runs {median * 1000:.1f} ms -> {size_kb / median:,.0f} KB/s")


if __name__ == "__main__":
    main()
