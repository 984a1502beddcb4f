"""What last year's report costs: ``check`` of a seed-sized pair against checking one report.

Run from a checkout whose package is installed (``pip install -e .``):
``python bench/yoy_speed.py [BATCH]``. For each written pair of ``tests/data/yoy`` of seed
size (about 2,000 characters a year: dept, street, city) it reports

1. whole processes: ``lawlint check THIS.txt --no-cache --format json`` against the same
   with ``--previous LAST.txt`` (median of 9 runs each, the two alternating) — what a user
   waits for; issue 16's target: at most +50 %;
2. in one process, warm (jieba loaded, packs built): ``Linter.lint`` of the report alone
   against the report with last year's (median of 20) — the added work itself.

With ``BATCH`` (e.g. 200), it also writes BATCH copies of the pairs (a serial number in
each text, so no two share a cache entry) and times ``lawlint check THIS/ --previous-dir
LAST/ --no-cache --format json`` with ``--jobs 1`` and ``--jobs 2`` (median of 3), beside
the same batch without ``--previous-dir``: whether a batch of pairs keeps scaling.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "yoy"
PAIRS = ("dept", "street", "city")  # the seed-sized ones
RUNS = 9
LAWLINT = [sys.executable, "-m", "lawlint"]


def wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([*LAWLINT, *args], capture_output=True, check=False)
    return time.perf_counter() - start


def alternate(a: list[str], b: list[str], runs: int) -> tuple[float, float]:
    """Median wall times of ``a`` and ``b``, run alternately (one warm-up each first)."""
    wall(a), wall(b)
    ta, tb = [], []
    for _ in range(runs):
        ta.append(wall(a))
        tb.append(wall(b))
    return statistics.median(ta), statistics.median(tb)


def in_process(name: str, repeats: int = 20) -> tuple[float, float]:
    from lawlint.input.reader import read_source
    from lawlint.lint.engine import FileOverrides, Linter
    from lawlint.packs.loader import load_packs

    linter = Linter(load_packs())
    source = read_source(str(DATA / f"{name}-2024.txt"))
    overrides = FileOverrides(previous=str(DATA / f"{name}-2023.txt"))
    linter.lint(source), linter.lint(source, overrides)  # warm: jieba, dictionary buckets
    alone, paired = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        linter.lint(source)
        alone.append(time.perf_counter() - t)
        t = time.perf_counter()
        linter.lint(source, overrides)
        paired.append(time.perf_counter() - t)
    return statistics.median(alone), statistics.median(paired)


def batch(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        this, last = Path(tmp, "this"), Path(tmp, "last")
        this.mkdir(), last.mkdir()
        for i in range(n):
            name = PAIRS[i % len(PAIRS)]
            for year, folder in (("2024", this), ("2023", last)):
                text = (DATA / f"{name}-{year}.txt").read_text("utf-8")
                # a filer of its own per copy, so the pairing is one to one
                text = text.replace(f"{year}年", f"{i}号{year}年", 1)
                (folder / f"{i:04d}-{name}.txt").write_text(text + f"\n编号{i}。\n", "utf-8")
        common = ["check", str(this), "--no-cache", "--format", "json"]
        for jobs in ("1", "2"):
            alone, paired = alternate(
                [*common, "--jobs", jobs], [*common, "--jobs", jobs, "--previous-dir", str(last)], 3
            )
            print(
                f"batch of {n}, --jobs {jobs}: alone {alone:.2f} s, with --previous-dir "
                f"{paired:.2f} s ({paired / alone - 1:+.0%})"
            )


def main() -> None:
    for name in PAIRS:
        current, previous = DATA / f"{name}-2024.txt", DATA / f"{name}-2023.txt"
        size = len(current.read_text("utf-8")), len(previous.read_text("utf-8"))
        common = ["check", str(current), "--no-cache", "--format", "json"]
        alone, paired = alternate(common, [*common, "--previous", str(previous)], RUNS)
        warm_alone, warm_paired = in_process(name)
        print(
            f"{name} ({size[0]} + {size[1]} characters): process {alone:.3f} s → {paired:.3f} s "
            f"({paired / alone - 1:+.0%}); in process {warm_alone * 1000:.1f} ms → "
            f"{warm_paired * 1000:.1f} ms ({warm_paired / warm_alone - 1:+.0%})"
        )
    if len(sys.argv) > 1:
        batch(int(sys.argv[1]))


if __name__ == "__main__":
    main()
