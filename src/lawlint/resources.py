"""Where the shipped data lives: the built-in rule packs and dictionaries.

In a wheel, hatchling puts the top-level ``rules/`` folder inside the package as
``lawlint/rules``; in a source checkout (editable install, tests run from the
repository) it is the ``rules/`` folder at the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("lawlint: built-in rules folder not found (broken install?)")
