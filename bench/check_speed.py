"""Whole `lawlint check` runs against the jieba floor, and lint throughput.

Run from a checkout whose package is installed (``pip install .``):
``python bench/check_speed.py``. It reports, measured in one run on this machine:

* a cold single-report run, ``lawlint check <seed> --no-cache --format json``, against
  stock ``import jieba; jieba.initialize()`` (the floor of any run that needs words) —
  target: a ratio of at most 0.6;
* warm runs (the result cache hit, text and JSON) and ``lawlint --version`` against
  ``import click, rich, yaml`` — target for the warm run: at most 1.5;
* lint throughput in KB/s over ``../shared/corpus`` (all rules; each run in a fresh
  process so no result is cached): the first pass, which decodes the dictionary buckets
  its sentences need, and a second one with every sentence cut again.

Dictionary caches go to a temporary directory; nothing is left behind. Timings are
whole-process medians (hyperfine when installed, else this script's own timer).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = CORPUS / "haicheng-town-2023.txt"
RUNS, WARMUP, THROUGHPUT_RUNS = 15, 3, 5

THROUGHPUT = """
import sys, time
from pathlib import Path
from lawlint.lint.engine import Linter
from lawlint.packs.loader import load_packs
from lawlint.model.segmenter import CACHE_CHARS, _TextCache, get_segmenter, preload
preload()
linter = Linter(load_packs())
files = sorted(Path(sys.argv[1]).glob("*.txt"))
size = sum(p.stat().st_size for p in files)
seconds = []
for _ in range(2):
    get_segmenter()._cache = _TextCache(CACHE_CHARS)  # every sentence cut again
    start = time.perf_counter()
    for p in files:
        linter.lint_path(str(p))
    seconds.append(time.perf_counter() - start)
print(size, *seconds)
"""


def commands() -> dict[str, list[str]]:
    py = sys.executable
    lawlint = [py, "-m", "lawlint"]
    return {
        "stock jieba: import jieba; jieba.initialize()": [
            py,
            "-c",
            "import jieba; jieba.initialize()",
        ],
        "lawlint check <seed> --no-cache --format json (cold)": [
            *lawlint,
            "check",
            str(SEED),
            "--no-cache",
            "--format",
            "json",
        ],
        "import click, rich, yaml": [py, "-c", "import click, rich, yaml"],
        "lawlint check <seed> (warm: result cache hit)": [*lawlint, "check", str(SEED)],
        "lawlint check <seed> --format json (warm)": [
            *lawlint,
            "check",
            str(SEED),
            "--format",
            "json",
        ],
        "lawlint --version": [*lawlint, "--version"],
    }


def timed(cmds: dict[str, list[str]], env: dict[str, str], scratch: Path) -> dict[str, float]:
    if shutil.which("hyperfine"):
        report = scratch / "hyperfine.json"
        subprocess.run(
            [
                "hyperfine",
                "--shell=none",
                "--style=none",
                "-i",
                f"--warmup={WARMUP}",
                f"--runs={RUNS}",
                f"--export-json={report}",
                *(shlex.join(c) for c in cmds.values()),
            ],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        results = json.loads(report.read_text())["results"]
        return {name: r["median"] for name, r in zip(cmds, results, strict=True)}
    out = {}
    for name, argv in cmds.items():
        samples = []
        for run in range(WARMUP + RUNS):
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True)
            if run >= WARMUP:
                samples.append(time.perf_counter() - start)
        out[name] = statistics.median(samples)
    return out


def main() -> None:
    if not SEED.is_file():
        sys.exit(f"seed report not found: {SEED}")
    with tempfile.TemporaryDirectory(prefix="lawlint-bench-") as tmp:
        scratch = Path(tmp)
        (scratch / "tmp").mkdir()
        env = dict(os.environ, TMPDIR=str(scratch / "tmp"), LAWLINT_CACHE_DIR=str(scratch / "c"))
        env.pop("PYTHONWARNINGS", None)
        t = timed(commands(), env, scratch)
        names = list(t)
        print(f"Python {sys.version.split()[0]}; whole-process medians of {RUNS} runs\n")
        for name in names:
            print(f"  {t[name] * 1000:7.0f} ms  {name}")
        base = t[names[2]]
        print(
            f"\n  cold check / stock jieba floor: {t[names[1]] / t[names[0]]:.2f}  (target <= 0.6)"
        )
        print(
            f"  warm check, text / import click, rich, yaml: {t[names[3]] / base:.2f}"
            "  (target <= 1.5)"
        )
        print(f"  warm check, JSON / import click, rich, yaml: {t[names[4]] / base:.2f}")
        print(f"  --version / import click, rich, yaml: {t[names[5]] / base:.2f}")
        first, again = [], []
        for _ in range(THROUGHPUT_RUNS):
            out = subprocess.run(
                [sys.executable, "-c", THROUGHPUT, str(CORPUS)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            size = int(out[0])
            first.append(float(out[1]))
            again.append(float(out[2]))
        kb = size / 1000
        print(
            f"\n  lint throughput over {CORPUS.name}/ ({kb:.1f} KB, all rules; median of "
            f"{THROUGHPUT_RUNS}):\n"
            f"    first pass in a fresh process (jieba imported, its dictionary decoded as "
            f"sentences need it): {kb / statistics.median(first):,.0f} KB/s\n"
            f"    second pass (dictionary decoded, every sentence cut again): "
            f"{kb / statistics.median(again):,.0f} KB/s"
        )


if __name__ == "__main__":
    main()
