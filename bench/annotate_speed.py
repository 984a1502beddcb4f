"""``--annotate`` against checking alone, on the seed report as a Word document.

Run from a checkout whose package is installed (``pip install -e .``):
``python bench/annotate_speed.py``. The seed report (``../shared/corpus``) becomes a
.docx with python-docx, one paragraph per line; then two whole-process runs are timed,
each a median of :data:`RUNS` after :data:`WARMUP`, the two taking turns, in wall-clock
and CPU time:

* ``lawlint check seed.docx --no-cache --format json`` — checking it;
* the same with ``--annotate OUT.docx`` — checking it and writing the annotated copy
  (one Word comment per finding).

Target (issue 15): the second costs at most 1.5x the first. The dictionary cache is
built once before timing, in a temporary folder; nothing is left behind.

Measured on the development machine (2 cores shared with other jobs, Python 3.11):
before the comments were written without python-docx's ``add_comment`` (0.14 s of the
run for 278 comments), 1.55x; after, check 296 ms / --annotate 371 ms wall (1.26x),
290 / 370 ms CPU (1.28x).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "haicheng-town-2023.txt"
RUNS, WARMUP = 15, 3
TARGET = 1.5


def seed_docx(folder: Path) -> Path:
    import docx

    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    path = folder / "seed.docx"
    document.save(str(path))
    return path


def timed(cmds: dict[str, list[str]], env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Each command's median wall-clock and CPU (user + system) seconds. The commands
    take turns, run after run, so that a change in the machine's load (other processes
    on a shared machine) falls on both alike; CPU time is the steadier of the two."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for run in range(WARMUP + RUNS):
        for name, argv in cmds.items():
            before = os.times()
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=False)
            wall = time.perf_counter() - start
            after = os.times()
            cpu = (after.children_user - before.children_user) + (
                after.children_system - before.children_system
            )
            if run >= WARMUP:
                samples[name].append((wall, cpu))
    return {
        name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for name, runs in samples.items()
    }


def main() -> None:
    if not SEED.is_file():
        sys.exit(f"seed report not found: {SEED}")
    with tempfile.TemporaryDirectory(prefix="lawlint-bench-") as tmp:
        scratch = Path(tmp)
        env = dict(os.environ, LAWLINT_CACHE_DIR=str(scratch / "cache"))
        env.pop("PYTHONWARNINGS", None)
        seed = seed_docx(scratch)
        check = [sys.executable, "-m", "lawlint", "check", str(seed), "--no-cache"]
        check += ["--format", "json"]
        cmds = {
            "check seed.docx --no-cache --format json": check,
            "  ... --annotate seed-审阅.docx": [*check, "--annotate", str(scratch / "out.docx")],
        }
        # the dictionary's bucket cache, once, so neither timing pays for building it
        subprocess.run(check, env=env, capture_output=True)
        findings = len(json.loads(subprocess.run(check, env=env, capture_output=True).stdout))
        t = timed(cmds, env)
    (base_wall, base_cpu), (wall, cpu) = t.values()
    print(f"Python {sys.version.split()[0]}; seed.docx ({findings} findings, so as many")
    print(f"comments); whole-process medians of {RUNS} runs, taking turns\n")
    print(f"{'':<45} {'wall':>8} {'cpu':>8}")
    for name, (w, c) in t.items():
        print(f"{name:<45} {w * 1000:5.0f} ms {c * 1000:5.0f} ms")
    for what, ratio in (("wall", wall / base_wall), ("cpu", cpu / base_cpu)):
        verdict = "ok" if ratio <= TARGET else "OVER TARGET"
        print(f"--annotate / check ({what}): {ratio:.2f} (target <= {TARGET}) {verdict}")


if __name__ == "__main__":
    main()
