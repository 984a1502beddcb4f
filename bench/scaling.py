"""Does the time of `lawlint check` grow linearly with its input, whatever its shape?

Run from a checkout whose package is installed (``pip install .``):
``python bench/scaling.py``. For each pathological shape below it builds the text at
1x and 4x its base size, times ``lawlint check --no-cache --format json`` on each (a
fresh process, best of 3) and prints the ratio 4x / 1x. Target: at most 5 for every
shape (linear is 4, plus noise; quadratic would be about 16). Then one 1 MB single
line is timed once; target: under 5 s.

The base sizes (200,000 characters; 800,000 for the fast letters-and-digits line) make
a 1x run spend at least about 0.3 s linting, so that the start-up of the process
(about 0.2 s) does not hide super-linear growth.

``SHAPES`` is also used by ``tests/test_scaling.py``, which runs the same shapes at a
smaller size in-process.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BASE = 200_000  # characters at 1x
# Shapes that lint fast get more, so that 1x still spends ~0.3 s linting.
BASES = {"no punctuation (letters/digits)": 800_000}
MEGA = 1_000_000
RUNS = 3


def _repeat(unit: str) -> Callable[[int], str]:
    """A shape made of one unit repeated to ``n`` characters, on one line."""

    def build(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n] + "\n"

    return build


def _nested(n: int) -> str:
    """Brackets, quotes and title marks opened ``n/8`` deep, then all closed."""
    depth = n // 8
    text = "（“《依法" * depth + "》”）" * depth
    return text + "依" * (n - len(text)) + "\n"


# A real sentence of a report with every mark taken out.
_HAN = (
    "全面推进依法行政深入开展法治宣传教育多次召开专题会议研究部署法治政府建设工作"
    "今年以来办理行政复议案件若干起大量群众参与普法活动近年来累计培训执法人员"
)

SHAPES: dict[str, Callable[[int], str]] = {
    # the example: vague words in one line that never ends a sentence
    "vague words, one line": _repeat("法治政府建设,多次召开会议"),
    "no punctuation (Chinese)": _repeat(_HAN),
    "no punctuation (letters/digits)": _repeat("abc123XYZ7890def"),
    "one sentence of many clauses": _repeat("全面推进依法行政，多次召开会议，办理案件45件，"),
    "nested brackets and quotes": _nested,
    "figures and units (其中)": _repeat("办理案件45件，其中简易程序20件、"),
    "figures and totals (共/累计)": _repeat("共办理案件45件，其中简易程序20件、普通程序25件，累计"),
    "empty headings": _repeat("一、\n（一）\n1.\n"),
    "relative-time words": _repeat("今年以来，上半年，去年同期，近年来，本年度，近期多次检查，"),
}


def timed(path: Path, runs: int = RUNS) -> float:
    """Best wall time of ``runs`` whole `lawlint check` processes on ``path``."""
    cmd = [sys.executable, "-m", "lawlint", "check", "--no-cache", "--format", "json", str(path)]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            raise SystemExit(f"{path}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
        best = min(best, elapsed)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        print(f"{'shape':34} {'1x chars':>9} {'1x s':>7} {'4x s':>7} {'ratio':>6}")
        worst = 0.0
        for name, build in SHAPES.items():
            times = []
            base = BASES.get(name, BASE)
            for factor in (1, 4):
                path = scratch / f"shape-{factor}.txt"
                path.write_text(build(base * factor), encoding="utf-8")
                times.append(timed(path))
            ratio = times[1] / times[0]
            worst = max(worst, ratio)
            size = len(build(base))
            print(f"{name:34} {size:>9,} {times[0]:>7.2f} {times[1]:>7.2f} {ratio:>6.2f}")
        path = scratch / "mega.txt"
        path.write_text(SHAPES["vague words, one line"](MEGA), encoding="utf-8")
        mega = timed(path, runs=1)
        print(f"\n1 MB single line ({MEGA:,} characters): {mega:.2f} s (target < 5 s)")
        print(f"worst ratio: {worst:.2f} (target <= 5)")


if __name__ == "__main__":
    main()
