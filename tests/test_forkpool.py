"""forkpool: this process and forked children share the items; results in order; no
child outlives imap."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

import pytest

if sys.platform != "linux":
    pytest.skip("forkpool runs lawlint's batches on Linux only", allow_module_level=True)

from lawlint.lint import forkpool  # after the skip: Linux only (fcntl, fork)

HERE = os.getpid()


class Handshake:
    """Makes every process compute at least one chunk, however the scheduler runs them:
    each process's first item waits until all have taken a chunk (a barrier)."""

    def __init__(self, processes: int) -> None:
        self.barrier = multiprocessing.get_context("fork").Barrier(processes)
        self.first = True  # per process: forked before anyone computes an item

    def __call__(self) -> None:
        if self.first:
            self.first = False
            self.barrier.wait(timeout=30)


def everyone(processes: int):
    """work(i) = (i, i*i, pid), computed by each of the processes at least once."""
    handshake = Handshake(processes)

    def work(i: int) -> tuple[int, int, int]:
        handshake()
        return i, i * i, os.getpid()

    return work


def sent_as_list(result: tuple[int, int, int]) -> list[int]:
    return list(result)


def children() -> set[int]:
    """This process's living or unreaped children (other tests may have left some, such
    as multiprocessing's resource tracker: compare before and after)."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found.update(int(pid) for pid in (task / "children").read_text().split())
    return found


@pytest.fixture(autouse=True)
def no_children_left():
    """Every test here: when imap is done (or closed), its children are gone and reaped."""
    before = children()
    yield
    assert children() <= before


def test_results_come_in_order_from_this_process_and_a_child() -> None:
    out = list(forkpool.imap(everyone(2), 50, 2, send=sent_as_list))
    assert [r[0] for _, r in out] == list(range(50))
    assert [r[1] for _, r in out] == [i * i for i in range(50)]
    # this process's own results are the objects themselves, a child's are what it sent
    assert {type(r) for sent, r in out if not sent} == {tuple}
    assert {type(r) for sent, r in out if sent} == {list}
    own = {r[2] for sent, r in out if not sent}
    theirs = {r[2] for sent, r in out if sent}
    assert own == {HERE}
    assert len(theirs) == 1 and HERE not in theirs


def test_three_processes_and_uneven_chunks() -> None:
    out = list(forkpool.imap(everyone(3), 37, 3, send=sent_as_list, chunk=5))
    assert [r[0] for _, r in out] == list(range(37))
    assert len({r[2] for _, r in out}) == 3


@pytest.mark.parametrize(("n", "processes"), [(0, 2), (1, 2), (3, 1)])
def test_small_batches(n: int, processes: int) -> None:
    out = list(forkpool.imap(lambda i: (i, os.getpid()), n, processes, send=sent_as_list))
    assert [r[0] for _, r in out] == list(range(n))
    if processes == 1:
        assert all(not sent for sent, _ in out)


def test_more_chunks_than_the_pipe_holds_are_made_bigger() -> None:
    n = forkpool.MAX_CHUNKS * 3 + 7
    out = list(forkpool.imap(lambda i: i, n, 2, send=lambda r: r, chunk=1))
    assert [r for _, r in out] == list(range(n))


def test_results_bigger_than_a_pipe_arrive_whole() -> None:
    handshake = Handshake(2)

    def work(i: int) -> str:
        handshake()
        return f"{i}:" + "报" * 400_000  # 1.2 MB as UTF-8, more than a pipe holds

    out = list(forkpool.imap(work, 12, 2, send=lambda r: r, chunk=2))
    assert [r.split(":")[0] for _, r in out] == [str(i) for i in range(12)]
    assert {len(r) for _, r in out} == {len("0:") + 400_000, len("10:") + 400_000}
    assert any(sent for sent, _ in out)


def test_a_child_exception_is_raised_here_and_the_children_reaped() -> None:
    handshake = Handshake(2)

    def work(i: int) -> int:
        handshake()
        if os.getpid() != HERE:
            raise ValueError(f"坏了 at {i}")
        return i

    with pytest.raises(ValueError, match="坏了 at"):
        list(forkpool.imap(work, 40, 2, send=lambda r: r, chunk=1))


class Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("no pickle")
        self.handle = lambda: None


def test_an_exception_that_does_not_pickle_still_reaches_this_process() -> None:
    handshake = Handshake(2)

    def work(i: int) -> int:
        handshake()
        if os.getpid() != HERE:
            raise Unpicklable
        return i

    with pytest.raises(RuntimeError, match=r"worker process: Unpicklable\('no pickle'\)"):
        list(forkpool.imap(work, 40, 2, send=lambda r: r, chunk=1))


def test_what_a_dead_child_took_is_computed_here() -> None:
    handshake = Handshake(2)

    def work(i: int) -> int:
        handshake()
        if os.getpid() != HERE:
            os._exit(9)  # killed, out of memory...
        return i * 10

    out = list(forkpool.imap(work, 30, 2, send=lambda r: r, chunk=1))
    assert out == [(False, i * 10) for i in range(30)]


def test_without_fork_everything_is_computed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(forkpool.os, "fork", refuse)
    out = list(forkpool.imap(lambda i: -i, 20, 4, send=lambda r: r))
    assert out == [(False, -i) for i in range(20)]


def test_stopping_early_kills_and_reaps_the_children() -> None:
    items = forkpool.imap(everyone(3), 200, 3, send=sent_as_list, chunk=1)
    assert next(items)[1][0] == 0
    items.close()


def test_a_child_writes_nothing_to_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    """What this process printed before forking is not printed again by a child."""
    print("只此一次", end="")
    out = list(forkpool.imap(everyone(2), 20, 2, send=sent_as_list))
    sys.stdout.flush()
    assert len(out) == 20 and any(sent for sent, _ in out)
    assert capfd.readouterr().out == "只此一次"
