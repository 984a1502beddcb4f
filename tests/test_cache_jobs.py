"""The result cache and parallel batches (issue 7): same findings, less work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from lawlint.cli.main import main
from lawlint.findings import Tally
from lawlint.input.discovery import discover
from lawlint.lint.cache import ResultCache
from lawlint.lint.runner import Batch, run
from lawlint.lint.workspace import Workspace
from lawlint.output import part_renderer

FLAWED = EXAMPLES / "flawed-draft.txt"


def check_json(*args: str, env: dict[str, str] | None = None) -> list[dict]:
    result = CliRunner(env=env).invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def batch(folder: Path, cache_dir: Path | None, n_jobs: int = 1):
    workspace = Workspace()
    jobs = workspace.jobs(discover([str(folder)]))
    return run(workspace, jobs, cache=ResultCache(cache_dir), n_jobs=n_jobs)


def make_reports(folder: Path, n: int) -> list[Path]:
    text = FLAWED.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        path = folder / f"r{i:02d}.txt"
        # small edits so no two files share a cache entry
        path.write_text(text.replace("20场次", f"{10 + i}场次"), encoding="utf-8")
        paths.append(path)
    return paths


def test_second_run_is_served_from_the_cache(tmp_path: Path) -> None:
    make_reports(tmp_path, 3)
    first = batch(tmp_path, tmp_path / "cache")
    second = batch(tmp_path, tmp_path / "cache")
    assert [r.cached for r in first] == [False] * 3
    assert [r.cached for r in second] == [True] * 3
    assert [[f.to_dict() for f in r.findings] for r in first] == [
        [f.to_dict() for f in r.findings] for r in second
    ]
    assert second[0].document is not None  # built on demand for formatters


def test_a_changed_file_or_rule_setting_is_linted_again(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (path,) = make_reports(reports, 1)
    batch(reports, tmp_path / "cache")
    path.write_text(path.read_text(encoding="utf-8") + "坚持依法 行政。\n", encoding="utf-8")
    again = batch(reports, tmp_path / "cache")
    assert not again[0].cached
    last = again[0].findings[-1]
    assert (last.rule, last.line) == (
        "cjk-space",
        len(path.read_text(encoding="utf-8").splitlines()),
    )
    (reports / ".lawlint.yaml").write_text("rules:\n  cjk-space: error\n", encoding="utf-8")
    reconfigured = batch(reports, tmp_path / "cache")
    assert not reconfigured[0].cached
    assert {f.severity for f in reconfigured[0].findings if f.rule == "cjk-space"} == {"error"}


def test_corrupt_or_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    make_reports(tmp_path, 2)
    cache = tmp_path / "cache"
    expected = [[f.to_dict() for f in r.findings] for r in batch(tmp_path, cache)]
    for file in cache.glob("*.json"):
        file.write_bytes(b"\x00not json{")
    assert [[f.to_dict() for f in r.findings] for r in batch(tmp_path, cache)] == expected
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    assert [[f.to_dict() for f in r.findings] for r in batch(tmp_path, blocked)] == expected


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"LAWLINT_CACHE_DIR": str(cache)}
    with_cache = check_json(str(FLAWED), env=env)
    assert list((cache / "results").glob("*.json"))
    for file in (cache / "results").glob("*.json"):
        file.unlink()
    assert check_json(str(FLAWED), "--no-cache", env=env) == with_cache
    assert not list((cache / "results").glob("*.json"))


def test_cache_hit_does_not_load_jieba(tmp_path: Path) -> None:
    env = dict(os.environ, LAWLINT_CACHE_DIR=str(tmp_path))
    code = (
        "import sys; from lawlint.cli.main import main\n"
        "try:\n    main(['check', '--format', 'json', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print('JIEBA' if 'jieba' in sys.modules else 'NO-JIEBA', file=sys.stderr)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(FLAWED)], env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert runs[0].stderr.strip().endswith("JIEBA") and "NO-JIEBA" not in runs[0].stderr
    assert runs[1].stderr.strip().endswith("NO-JIEBA")
    assert runs[0].stdout == runs[1].stdout


@pytest.mark.parametrize("n_jobs", [2])
def test_parallel_batch_matches_sequential_in_order(tmp_path: Path, n_jobs: int) -> None:
    make_reports(tmp_path, 10)
    sequential = batch(tmp_path, None, n_jobs=1)
    parallel = batch(tmp_path, None, n_jobs=n_jobs)
    assert [r.path for r in parallel] == sorted(r.path for r in parallel)
    assert [[f.to_dict() for f in r.findings] for r in parallel] == [
        [f.to_dict() for f in r.findings] for r in sequential
    ]
    sums = [[f.data for f in r.findings if f.rule == "sum-mismatch"] for r in parallel]
    assert [s[0]["total"] for s in sums] == [10 + i for i in range(10)]


def test_jobs_option_on_the_command_line(tmp_path: Path) -> None:
    make_reports(tmp_path, 9)
    one = check_json(str(tmp_path), "--jobs", "1", "--no-cache")
    two = check_json(str(tmp_path), "-j", "2", "--no-cache")
    assert one == two and len({i["path"] for i in two}) == 9
    # 0 is the number of cores (the default); a negative number is a usage error
    auto = check_json(str(tmp_path), "--jobs", "0", "--no-cache")
    assert auto == one
    bad = CliRunner().invoke(main, ["check", str(tmp_path), "--jobs", "-1"])
    assert bad.exit_code == 2
    assert "Invalid value for '--jobs' / '-j': -1 is not in the range x>=0" in bad.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="no process groups")
def test_ctrl_c_in_a_batch_ends_every_process_quietly(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group, as from a terminal: the forked workers end
    without a word, lawlint says it was interrupted, in one line, with exit code 130 (128
    + SIGINT, as a shell reports it; never 1, the code of findings), and no process is
    left."""
    import signal
    import time

    make_reports(tmp_path, 600)
    argv = ["check", str(tmp_path), "--no-cache", "--format", "github", "--jobs", "2"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "lawlint", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ, LAWLINT_CACHE_DIR=str(tmp_path / "cache"), GITHUB_ACTIONS="false"),
        start_new_session=True,
        # as from a terminal: a test run started in the background inherits SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout.readline().startswith(b"::")  # the batch is under way
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, err.decode()) == (130, "lawlint: 已中断 / interrupted\n")
    assert out.count(b"::error file=") < 600 * 8  # stopped before the end
    deadline = time.monotonic() + 10
    while True:  # every process of the group gone (reaped, not left a zombie)
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a worker outlived lawlint"
        time.sleep(0.05)


@pytest.mark.parametrize("fmt", ["json", "github", "text"])
def test_streamed_report_is_the_same_with_any_jobs(tmp_path: Path, fmt: str) -> None:
    """JSON, GitHub and plain-text reports are written as files are linted, each file's
    part rendered (and, for text, its figures counted) by the worker that linted it: byte
    for byte the report of one process, in path order, with a file that cannot be read
    reported on stderr and in the exit code."""
    make_reports(tmp_path, 9)
    (tmp_path / "r04.txt").write_bytes(b"\xff\xfe\x00broken \x81\x82 not a report")
    env = {"GITHUB_ACTIONS": "false"}
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner(env=env).invoke(
            main, ["check", str(tmp_path), "--no-cache", "--format", fmt, "-j", jobs]
        )
        assert result.exit_code == 2
        assert result.stderr.count("lawlint: ") == 1 and "r04.txt" in result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    if fmt == "json":
        items = json.loads(outputs[1])
        assert [i["path"] for i in items] == sorted(i["path"] for i in items)
        assert len({i["path"] for i in items}) == 8
        sums = [i for i in items if i["rule"] == "sum-mismatch"]
        assert [(Path(i["path"]).name, i["line"], i["data"]["total"]) for i in sums] == [
            (f"r{n:02d}.txt", 47, 10 + n) for n in range(9) if n != 4
        ]
    elif fmt == "github":
        assert outputs[1].count("::error file=") == 8 * 8 + 1  # 8 errors a report, r04
        assert f"::error file={(tmp_path / 'r04.txt').as_posix()},title=lawlint::" in outputs[1]
    else:
        lines = outputs[1].splitlines()
        summary = "9 files checked, 1 unreadable, 488 findings (64 errors, 376 warnings, 48 infos)."
        assert lines.count(summary) == 1
        rows = [line.split(maxsplit=1) for line in lines[-9:]]
        assert [(Path(path).name, cells) for path, cells in rows] == [
            (
                f"r{n:02d}.txt",
                "8         47       6   存在的不足" + " " * 15 + "22/26 (85%)      10/11",
            )
            if n != 4
            else ("r04.txt", "无法读取 / unreadable")
            for n in range(9)
        ]


def test_workers_render_and_the_parent_decodes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file's part is rendered where it was linted; what a forked child sent stays
    packed text in this process until someone reads the findings."""
    import multiprocessing

    import lawlint.lint.runner

    make_reports(tmp_path, 9)
    workspace = Workspace()
    jobs = workspace.jobs(discover([str(tmp_path)]))
    lint_index = lawlint.lint.runner._lint_index
    both = multiprocessing.get_context("fork").Barrier(2)
    first = [True]

    def each_takes_one(index: int):  # the first file of each process waits for the other's
        if first[0]:
            first[0] = False
            both.wait(timeout=30)
        return lint_index(index)

    monkeypatch.setattr(lawlint.lint.runner, "_lint_index", each_takes_one)
    results = run(workspace, jobs, n_jobs=2, render=part_renderer("json"))
    assert all(r.rendered_as("json") for r in results)
    sent = [r for r in results if r._packed is not None]
    assert sent, "no file linted by the child"
    assert all(r._findings is None for r in sent), "findings decoded in the parent"
    assert [r.worst for r in results] == ["error"] * 9
    assert sent[0].findings[0].path == sent[0].path  # decoded on first use
    assert results[0].rendered_as("text") is None


def test_a_released_result_keeps_only_its_worst_severity(tmp_path: Path) -> None:
    """A streamed batch releases each result once its part is written: the exit code
    still knows the worst severity; the findings are gone, loudly."""
    make_reports(tmp_path, 1)
    workspace = Workspace()
    (result,) = run(workspace, workspace.jobs(discover([str(tmp_path)])))
    assert result.worst == "error" and result.document is not None
    assert result.tally == Tally((8, 47, 6), ("shortcomings",))
    result.release()
    assert result.worst == "error"
    assert result.tally == Tally((8, 47, 6), ("shortcomings",))
    assert result._document is None
    with pytest.raises(RuntimeError, match="after release"):
        _ = result.findings


def test_a_streaming_caller_gets_parts_and_severities_without_findings(tmp_path: Path) -> None:
    """When the caller streams the report and nothing is cached, workers send a file's
    rendered part and worst severity only; with a cache they send the findings too."""
    make_reports(tmp_path, 9)
    workspace = Workspace()
    jobs = workspace.jobs(discover([str(tmp_path)]))
    streamed = Batch(workspace, jobs)
    streamed.prepare()
    results = streamed.lint(n_jobs=2, render=part_renderer("json"), keep_findings=False)
    assert [(r.worst, r._packed) for r in results] == [("error", None)] * 9
    with pytest.raises(RuntimeError):
        _ = results[0].findings
    cached = Batch(workspace, jobs, cache=ResultCache(tmp_path / "cache"))
    cached.prepare()
    results = cached.lint(n_jobs=2, render=part_renderer("json"), keep_findings=False)
    assert all(r._packed for r in results)
    assert json.loads("[" + results[0].rendered_as("json") + "]") == [
        f.to_dict() for f in results[0].findings
    ]


@pytest.mark.parametrize("platform", ["linux", "darwin"], ids=["fork", "spawn"])
def test_pool_reads_renders_and_reports_errors_like_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    """Forked workers (Linux) inherit the batch; spawned ones (macOS, Windows) rebuild it.
    Either way, files left to the workers to read give the same parts, severities and
    errors, in order, as one process."""
    import lawlint.lint.runner
    from lawlint.output.github_format import render_file

    make_reports(tmp_path, 9)
    (tmp_path / "r04.txt").write_bytes(b"\xff\xfe\x00broken \x81\x82 not a report")
    workspace = Workspace()
    jobs = workspace.jobs(discover([str(tmp_path)]))

    def lint(n_jobs: int) -> list[tuple[str, str | None, str | None, str | None]]:
        batch = Batch(workspace, jobs, read_later=True)
        batch.prepare()
        results = batch.lint(n_jobs=n_jobs, render=part_renderer("github"), keep_findings=False)
        # rendered by a worker, or (in one process) by the formatter when it writes
        parts = [r.rendered_as("github") or render_file(r) for r in results]
        return [
            (r.path, r.worst, part, r.error and r.error.en)
            for r, part in zip(results, parts, strict=True)
        ]

    one = lint(1)
    monkeypatch.setattr(lawlint.lint.runner.sys, "platform", platform)
    assert lint(2) == one
    assert [e for *_, e in one if e] == [
        "cannot decode the file: byte 0x74 at line 1 (byte offset 24) is not valid"
        " UTF-16-LE (the file starts with its BOM); save it as UTF-8"
    ]


def test_the_cache_key_follows_lawlint_s_own_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed check (a message, a word list in Python) must not be answered from a
    cache written by the old code: the profile fingerprint holds a digest of the source."""
    from lawlint.lint import cache

    package = tmp_path / "lawlint"
    (package / "checks").mkdir(parents=True)
    (package / "checks" / "kind.py").write_text("MESSAGE = '多次'\n", encoding="utf-8")
    (package / "rules.yaml").write_text("not code\n", encoding="utf-8")
    first = cache.source_digest(package)
    (package / "rules.yaml").write_text("changed, still not code\n", encoding="utf-8")
    assert cache.source_digest(package) == first
    (package / "checks" / "kind.py").write_text("MESSAGE = '「多次」'\n", encoding="utf-8")
    changed = cache.source_digest(package)
    assert changed != first
    (package / "checks" / "kind.py").rename(package / "checks" / "other.py")
    assert cache.source_digest(package) not in {first, changed}
    real = cache.fingerprint({"rules": ["x"]})
    with monkeypatch.context() as patched:
        patched.setattr(cache, "code_digest", lambda: changed)
        assert cache.fingerprint({"rules": ["x"]}) != real
    assert cache.fingerprint({"rules": ["x"]}) == real
