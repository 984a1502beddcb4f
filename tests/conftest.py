"""Shared fixtures: the built-in linter and the optional real-report corpus.

``../shared/corpus`` (real published reports) sits beside the repository in CI and on
developers' machines; tests that read it are skipped on a user's fresh clone.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lawlint.findings import Finding
from lawlint.lint.engine import Linter
from lawlint.packs.loader import load_packs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("LAWLINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """``GITHUB_ACTIONS=true`` switches the default format to ``github``; tests that
    expect the text format must not depend on where they run."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    """Keep the tests' dictionary and result caches out of the user's cache folder
    (pytest removes old temporary folders), so a result cached by an earlier run never
    stands in for the code under test."""
    before = os.environ.get("LAWLINT_CACHE_DIR")
    os.environ["LAWLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("lawlint-cache"))
    yield
    if before is None:
        os.environ.pop("LAWLINT_CACHE_DIR", None)
    else:
        os.environ["LAWLINT_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(load_packs())


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-report corpus not found at {CORPUS}")
    return CORPUS


def spots(findings: list[Finding], rule: str | None = None) -> list[tuple[str, int, int]]:
    """(rule, line, column) of each finding, optionally of one rule only."""
    return [(f.rule, f.line, f.column) for f in findings if rule is None or f.rule == rule]


@pytest.fixture
def lint(linter: Linter):
    def run(text: str, rule: str | None = None, *, markdown: bool = False) -> list[Finding]:
        found = linter.lint_text(text, "test.md" if markdown else "test.txt", markdown=markdown)
        return [f for f in found if rule is None or f.rule == rule]

    return run
