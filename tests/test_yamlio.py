"""yamlio: packs and configurations parsed once, then read back from the cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

from lawlint.config.loader import ConfigError
from lawlint.errors import PackError
from lawlint.packs import yamlio

CONFIG = "select: [gb-typography]\nrules:\n  vague-quantity: {severity: error}\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "yaml"


def entries(cache: Path) -> list[Path]:
    return sorted(cache.iterdir()) if cache.is_dir() else []


def test_a_document_is_parsed_once_then_read_back(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = yamlio.safe_yaml(CONFIG, ".lawlint.yaml")
    assert first == {
        "select": ["gb-typography"],
        "rules": {"vague-quantity": {"severity": "error"}},
    }
    assert len(entries(cache)) == 1

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlio, "_parse", no_parsing)
    assert yamlio.safe_yaml(CONFIG, ".lawlint.yaml") == first


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00garbage", None],
    ids=["empty", "garbage", "another text under the same name"],
)
def test_a_damaged_or_foreign_entry_is_parsed_again(cache: Path, damage: bytes | None) -> None:
    yamlio.safe_yaml(CONFIG, "c.yaml")
    (entry,) = entries(cache)
    if damage is None:  # as if two texts had the same hash: the text kept is compared
        import marshal

        damage = marshal.dumps((yamlio.FORMAT, "select: [x]\n", {"select": ["x"]}))
    entry.write_bytes(damage)
    assert yamlio.safe_yaml(CONFIG, "c.yaml")["select"] == ["gb-typography"]
    assert yamlio.safe_yaml(CONFIG, "c.yaml")["select"] == ["gb-typography"]  # rewritten


def test_what_marshal_cannot_hold_is_parsed_every_time(cache: Path) -> None:
    import datetime

    assert yamlio.safe_yaml("since: 2024-03-15\n", "c.yaml") == {
        "since": datetime.date(2024, 3, 15)
    }
    assert entries(cache) == []


def test_syntax_errors_name_the_line_and_are_not_kept(cache: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        yamlio.safe_yaml("select: [a\nrules: {\n", ".lawlint.yaml", ConfigError)
    assert raised.value.path == ".lawlint.yaml" and raised.value.line == 2
    assert "YAML 语法错误" in raised.value.zh
    with pytest.raises(PackError):
        yamlio.safe_yaml("rules: [\n", "p.yaml")
    assert entries(cache) == []


def test_an_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(blocker))
    assert yamlio.safe_yaml(CONFIG, "c.yaml")["select"] == ["gb-typography"]


def test_old_entries_go_first(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MAX_ENTRIES", 3)

    def holding(text: str) -> list[Path]:
        return [e for e in entries(cache) if yamlio._read(e, text) is not yamlio._MISSING]

    for i in range(5):
        text = f"n: {i}\n"
        assert yamlio.safe_yaml(text, "c.yaml") == {"n": i}
        (entry,) = holding(text)
        os.utime(entry, (1_000_000 + i, 1_000_000 + i))  # ages in order, whatever the clock
    assert len(entries(cache)) == 3
    assert [len(holding(f"n: {i}\n")) for i in range(5)] == [0, 0, 1, 1, 1]


def test_a_warm_run_with_a_configuration_imports_no_yaml(tmp_path: Path) -> None:
    """pre-commit in a report repository: a .lawlint.yaml with a pack of its own, the
    report unchanged since the last run: neither PyYAML nor jieba is imported."""
    (tmp_path / ".lawlint.yaml").write_text(
        "extends: [default, ./province-pack.yaml]\n", encoding="utf-8"
    )
    (tmp_path / "province-pack.yaml").write_bytes((EXAMPLES / "province-pack.yaml").read_bytes())
    (tmp_path / "r.txt").write_bytes((EXAMPLES / "flawed-draft.txt").read_bytes())
    code = (
        "import sys; from lawlint.cli.main import main\n"
        "try:\n    main(['check', 'r.txt'])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('yaml', 'jieba') if m in sys.modules), file=sys.stderr)\n"
    )
    env = dict(os.environ, LAWLINT_CACHE_DIR=str(tmp_path / "cache"))
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert runs[0].stderr.splitlines()[-1] == "['jieba', 'yaml']"
    assert runs[1].stderr.splitlines()[-1] == "[]"
    assert runs[0].stdout == runs[1].stdout and "province" in runs[0].stdout
