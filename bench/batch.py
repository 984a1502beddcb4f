"""A province's worth of reports: 1,000 files linted with --jobs 1 and --jobs 2.

Run from a checkout whose package is installed (``pip install .``):
``python bench/batch.py [N] [FORMAT]``. It writes N (default 1,000) reports into a
temporary folder — copies of the files in ``../shared/corpus`` with a small edit each (a
serial number in the text), so that no two share a result-cache entry — then runs
``lawlint check <folder> --no-cache --format FORMAT`` (default ``json``; the report goes
to /dev/null) with ``--jobs 1`` and ``--jobs 2`` as whole processes and reports, for
each, the wall time (median of 9 runs, the two settings alternating), the throughput in
files/s and KB/s, and the peak memory: the largest resident set of any one process, and
the peak of the sum over the process tree (sampled every 20 ms from /proc, in one more
run of each setting: the timed runs go unsampled). Issue #7's target: --jobs 2 at least
1.7x faster than --jobs 1.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RUNS = 9  # the ratio of two medians of 5 still moved by ±0.04 between invocations


def make_reports(folder: Path, n: int) -> int:
    sources = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    size = 0
    for i in range(n):
        text = sources[i % len(sources)] + f"\n（本文为测试副本，编号{i}。）\n"
        path = folder / f"report-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        size += path.stat().st_size
    return size


def _tree_rss_kb(pid: int) -> tuple[int, int]:
    """(sum, max) of VmRSS over ``pid`` and its descendants, in KB."""
    total = largest = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                rss = next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def run(
    folder: Path, jobs: int, env: dict[str, str], fmt: str, *, memory: bool = False
) -> tuple[float, int, int]:
    """(wall seconds, peak RSS sum, largest RSS) of one run; the memory is sampled only
    when asked: the sampler takes CPU from a run that uses both cores, so timed runs go
    without it."""
    argv = [
        sys.executable,
        "-m",
        "lawlint",
        "check",
        str(folder),
        "--no-cache",
        "--format",
        fmt,
        "--jobs",
        str(jobs),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_sum = peak_one = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_sum, peak_one
        while not done.is_set():
            total, largest = _tree_rss_kb(proc.pid)
            peak_sum, peak_one = max(peak_sum, total), max(peak_one, largest)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if memory:
        sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    if memory:
        sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"lawlint failed ({proc.returncode}): {err.decode(errors='replace')}")
    return wall, peak_sum, peak_one


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    fmt = sys.argv[2] if len(sys.argv) > 2 else "json"
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    with tempfile.TemporaryDirectory(prefix="lawlint-batch-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        size = make_reports(folder, n)
        env = dict(os.environ, LAWLINT_CACHE_DIR=str(Path(tmp) / "cache"))
        run(folder, 1, env, fmt)  # builds the dictionary cache once, outside the timings
        print(
            f"{n} reports, {size / 1e6:.2f} MB; Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} cores; --format {fmt}; median of {RUNS} runs\n"
        )
        print("| jobs | wall | files/s | KB/s | peak RSS, sum of processes | largest process |")
        print("|---:|---:|---:|---:|---:|---:|")
        # the two settings alternate, so a machine that slows down or speeds up during the
        # benchmark weighs on both alike
        runs: dict[int, list[tuple[float, int, int]]] = {1: [], 2: []}
        for _ in range(RUNS):
            for jobs in runs:
                runs[jobs].append(run(folder, jobs, env, fmt))
        walls = {}
        for jobs, samples in runs.items():
            wall = statistics.median(s[0] for s in samples)
            walls[jobs] = wall
            _, peak_sum_kb, peak_one_kb = run(folder, jobs, env, fmt, memory=True)
            peak_sum, peak_one = peak_sum_kb / 1024, peak_one_kb / 1024
            print(
                f"| {jobs} | {wall:.2f} s | {n / wall:.0f} | {size / 1000 / wall:,.0f} | "
                f"{peak_sum:.0f} MB | {peak_one:.0f} MB |"
            )
        pairs = sorted(a[0] / b[0] for a, b in zip(runs[1], runs[2], strict=True))
        print(
            f"\n--jobs 2 vs --jobs 1: {walls[1] / walls[2]:.2f}x (target >= 1.7x); "
            f"run by run {pairs[0]:.2f}-{pairs[-1]:.2f}x"
        )


if __name__ == "__main__":
    main()
