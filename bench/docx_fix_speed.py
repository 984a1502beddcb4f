"""What ``--fix`` on a Word document costs, against checking it.

Run from a checkout whose package is installed: ``python bench/docx_fix_speed.py [RUNS]``.
It builds a seed-sized .docx from ``examples/flawed-draft.txt`` with python-docx (each
line a paragraph, every other paragraph in two runs of different formatting), then
times whole ``lawlint`` processes,
alternating, each ``--fix`` on a fresh copy of the draft:

* ``check --no-cache`` (the reference: a check that lints);
* ``check --fix`` (tracked changes, the default), ``--fix --fix-mode apply``, ``--diff``.

Target (issue 15): fixing costs at most 1.5x checking. Medians and the ratios are
printed; the dictionary cache goes to a temporary folder, nothing is left behind.
"""

from __future__ import annotations

import os
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


def timed(args: list[str], draft: Path, work: Path, env: dict[str, str]) -> float:
    """Seconds of one whole lawlint process on a fresh copy of the draft."""
    target = work / "报告.docx"
    shutil.copyfile(draft, target)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "lawlint", "check", *args, str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    return time.perf_counter() - start


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
        times: dict[str, list[float]] = {name: [] for name in settings}
        for _ in range(runs):
            for name, args in settings.items():
                times[name].append(timed(args, draft, work, env))
        size = draft.stat().st_size
    base = statistics.median(times["check --no-cache"])
    print(f"seed .docx: {SEED.name} as {size:,} bytes, {runs} runs each, medians")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:30} {median * 1000:7.0f} ms  {median / base:5.2f}x check")
    worst = max(statistics.median(v) for k, v in times.items() if "fix" in k) / base
    print(f"target: --fix at most 1.5x check: {'met' if worst <= 1.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
