"""What ``--fix`` on a Word document costs, against checking it.

Run from a checkout whose package is installed: ``python bench/docx_fix_speed.py [RUNS]``.
It builds a seed-sized .docx from ``examples/flawed-draft.txt`` with python-docx (each
line a paragraph, every other paragraph in two runs of different formatting), then
times whole ``lawlint`` processes,
alternating, each ``--fix`` on a fresh copy of the draft:

* ``check --no-cache`` (the reference: a check that lints);
* ``check --fix`` (tracked changes, the default), ``--fix --fix-mode apply``, ``--diff``.

Target (issue 15): fixing costs at most 1.5x checking. Medians of wall-clock and of CPU
time (user + system, steadier when other processes share the machine) and the ratios
are printed; the dictionary cache goes to a temporary folder, nothing is left behind.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "flawed-draft.txt"
RUNS = 11


def build(path: Path) -> None:
    """The seed as a Word document: one paragraph a line, every other one in a bold and
    an italic run, so that fixes split runs as they do in a drafter's document."""
    document = docx.Document()
    for i, line in enumerate(SEED.read_text(encoding="utf-8").split("\n")):
        p = document.add_paragraph()
        if i % 2 and len(line) > 4:
            half = len(line) // 2
            p.add_run(line[:half]).bold = True
            p.add_run(line[half:]).italic = True
        else:
            p.add_run(line)
    document.save(str(path))


def timed(args: list[str], draft: Path, work: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds of one whole lawlint process on a fresh copy of the draft: wall clock,
    and CPU (user + system; steadier on a machine other processes share)."""
    target = work / "报告.docx"
    shutil.copyfile(draft, target)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "lawlint", "check", *args, str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    settings = {
        "check --no-cache": ["--no-cache"],
        "check --fix (track)": ["--fix"],
        "check --fix --fix-mode apply": ["--fix", "--fix-mode", "apply"],
        "check --diff": ["--diff"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        draft = work / "seed.docx"
        build(draft)
        env = dict(os.environ, LAWLINT_CACHE_DIR=str(work / "cache"))
        for args in settings.values():  # warm-up: dictionary cache, page cache
            timed(args, draft, work, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in settings}
        for _ in range(runs):
            for name, args in settings.items():
                times[name].append(timed(args, draft, work, env))
        size = draft.stat().st_size
    wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    base, base_cpu = wall["check --no-cache"], cpu["check --no-cache"]
    print(f"seed .docx: {SEED.name} as {size:,} bytes, {runs} runs each, medians")
    print(f"  {'':30} {'wall':>7}     {'ratio':>5}   {'CPU':>7}     {'ratio':>5}")
    for name in settings:
        print(
            f"  {name:30} {wall[name] * 1000:7.0f} ms  {wall[name] / base:5.2f}x"
            f"  {cpu[name] * 1000:7.0f} ms  {cpu[name] / base_cpu:5.2f}x"
        )
    worst = max(wall[k] / base for k in settings if "fix" in k)
    worst_cpu = max(cpu[k] / base_cpu for k in settings if "fix" in k)
    met = "met" if max(worst, worst_cpu) <= 1.5 else "NOT met"
    print(f"target: --fix at most 1.5x check (wall and CPU): {met}")


if __name__ == "__main__":
    main()
