"""This process and forked children sharing a list of work items (Linux).

``imap(work, n, processes, send=...)`` computes ``work(i)`` for every ``i`` in
``range(n)`` and yields the results in order, computed by this process and
``processes - 1`` children forked from it. The children inherit everything built so far
(rules, dictionary, the items themselves), so an item is just its index. Compared with
``concurrent.futures`` on a fork context this process works too instead of only
dispatching, nothing is imported, no thread runs, and the results of this process's own
share are never pickled: on two cores, one child and this process are two busy processes
where a pool would be three.

- The items are cut into chunks. Every chunk number is written into one pipe before any
  child starts, and each process takes the next chunk by reading four bytes from it: the
  kernel serialises the reads, so a chunk goes to exactly one process, whichever is free
  first, and a slow process (this one also writes the report) simply takes fewer.
- A child sends each finished chunk down its own pipe as a pickled list of
  ``send(work(i))``; this process reads those pipes between its own items, so a child
  never waits long on a full pipe, and yields ``(True, sent)`` for them and
  ``(False, work(i))`` for its own, in order.
- A child that raises sends the exception, which is raised here; a child that dies
  (killed, out of memory) leaves chunks missing, which this process then computes
  itself; if no child can be forked it computes everything. Children end with
  ``os._exit`` (no ``atexit``, no inherited buffers flushed twice), take Ctrl-C as the
  default (they end quietly; this process reports it), and are killed and reaped if
  this process stops early. A child also dies with this process when this one is killed
  and cannot stop it (SIGKILL, SIGTERM): :func:`end_with_parent`.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import gc
import os
import pickle
import select
import signal
import struct
import sys
from collections.abc import Callable, Generator, Iterator
from typing import Any

_TAKE = struct.Struct("<I")  # a chunk number, in the shared pipe of chunks
_SENT = struct.Struct("<IQ")  # a chunk number and the length of its pickled results
_FAILED = 0xFFFFFFFF  # "chunk number" of a child's exception
# Items taken at a time, at most: small, so that the processes finish close together
# (the last chunk is one process's alone) and a streamed report's parts come early.
CHUNK = 8
# The pipe of chunk numbers is filled before the children start and must not block: at
# most this many numbers (4 KB, the smallest capacity a Linux pipe is ever given).
MAX_CHUNKS = 1024
# What a child's result pipe is asked to hold (Linux's default limit for unprivileged
# processes): a child can send a whole chunk while this process is busy with its own.
PIPE_SIZE = 1 << 20


def imap(
    work: Callable[[int], Any],
    n: int,
    processes: int,
    *,
    send: Callable[[Any], Any],
    chunk: int | None = None,
) -> Generator[tuple[bool, Any], None, None]:
    """``(False, work(i))`` for the items computed here and ``(True, send(work(i)))``
    for those a child computed (``send``: what crosses the pipe, picklable), ``i`` in
    ``range(n)`` in order. ``chunk``: items taken at a time (default: about four chunks
    per process, at most :data:`CHUNK`)."""
    if chunk is None:
        chunk = max(1, min(CHUNK, n // (processes * 4)))
    chunk = max(chunk, -(-n // MAX_CHUNKS))
    chunks = [range(start, min(start + chunk, n)) for start in range(0, n, chunk)]
    try:
        take_fd, put_fd = os.pipe()
    except OSError:  # out of file descriptors: everything here
        for i in range(n):
            yield False, work(i)
        return
    try:
        os.write(put_fd, b"".join(_TAKE.pack(k) for k in range(len(chunks))))
    finally:
        os.close(put_fd)  # once the numbers are read, every reader sees the end
    children = _Children()
    try:
        # Objects made so far are the children's shared inheritance: kept out of the
        # collector's passes, which would write to (and so copy) their pages in each child.
        gc.freeze()
        try:
            for _ in range(processes - 1):
                if not children.fork(lambda out: _child(work, send, chunks, take_fd, out)):
                    break
        finally:
            gc.unfreeze()
        yield from _collect(work, chunks, take_fd, children)
    finally:
        os.close(take_fd)
        children.stop()


def _collect(
    work: Callable[[int], Any], chunks: list[range], take_fd: int, children: _Children
) -> Iterator[tuple[bool, Any]]:
    """This process's side: take chunks and compute them, collect the children's, and
    yield every result in order; compute here whatever a dead child left undone."""
    done: dict[int, list[Any] | bytes] = {}  # chunk -> own results | a child's pickle
    emitted = 0
    taking = True
    while emitted < len(chunks):
        k = _take(take_fd) if taking else None
        if k is not None:
            own: list[Any] = []
            for i in chunks[k]:
                own.append(work(i))
                children.receive(done, block=False)
            done[k] = own
        else:
            taking = False
            if emitted not in done:
                if children.alive:
                    children.receive(done, block=True)
                else:  # its child died with it: computed here
                    done[emitted] = [work(i) for i in chunks[emitted]]
        while emitted in done:
            results = done.pop(emitted)
            if isinstance(results, bytes):
                for sent in pickle.loads(results):
                    yield True, sent
            else:
                for result in results:
                    yield False, result
            emitted += 1


def _take(take_fd: int) -> int | None:
    data = os.read(take_fd, _TAKE.size)
    return _TAKE.unpack(data)[0] if len(data) == _TAKE.size else None


class _Children:
    """The forked children: their pids, their result pipes and what is half read."""

    def __init__(self) -> None:
        self._pids: dict[int, int] = {}  # result pipe fd -> pid
        self._buffers: dict[int, bytearray] = {}
        self._poll = select.poll()

    @property
    def alive(self) -> bool:
        return bool(self._pids)

    def fork(self, run: Callable[[int], None]) -> bool:
        """Start a child running ``run(result_fd)``; False if none can be forked."""
        try:
            read_fd, write_fd = os.pipe()
        except OSError:
            return False
        with contextlib.suppress(OSError, AttributeError):  # a chunk's results in one go
            fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        for stream in (sys.stdout, sys.stderr):  # nothing buffered is inherited twice
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        parent = os.getpid()
        _prctl()  # looked up here, not in each child
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return False
        if pid == 0:  # the child: never returns
            end_with_parent(parent)
            os.close(read_fd)
            for fd in self._pids:
                os.close(fd)
            run(write_fd)
        os.close(write_fd)
        self._pids[read_fd] = pid
        self._buffers[read_fd] = bytearray()
        self._poll.register(read_fd, select.POLLIN)
        return True

    def receive(self, done: dict[int, list[Any] | bytes], *, block: bool) -> None:
        """Read what the children have sent (waiting for something if ``block``); each
        whole chunk goes into ``done``; a child's exception is raised."""
        if not self._pids:
            return
        for fd, _ in self._poll.poll(None if block else 0):
            data = os.read(fd, PIPE_SIZE)
            if not data:  # the child has finished (or died)
                self._end(fd)
                continue
            buffer = self._buffers[fd]
            buffer += data
            while len(buffer) >= _SENT.size:
                k, size = _SENT.unpack_from(buffer)
                end = _SENT.size + size
                if len(buffer) < end:
                    break
                payload = bytes(buffer[_SENT.size : end])
                del buffer[:end]
                if k == _FAILED:
                    raise pickle.loads(payload)
                done[k] = payload

    def _end(self, fd: int) -> None:
        self._poll.unregister(fd)
        os.close(fd)
        del self._buffers[fd]
        os.waitpid(self._pids.pop(fd), 0)

    def stop(self) -> None:
        """Kill (if still running) and reap every child."""
        for fd, pid in list(self._pids.items()):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
            self._end(fd)


def _child(
    work: Callable[[int], Any],
    send: Callable[[Any], Any],
    chunks: list[range],
    take_fd: int,
    out_fd: int,
) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        while (k := _take(take_fd)) is not None:
            payload = pickle.dumps([send(work(i)) for i in chunks[k]], pickle.HIGHEST_PROTOCOL)
            _write_all(out_fd, _SENT.pack(k, len(payload)) + payload)
    except BaseException as exc:  # everything goes to the parent
        code = 1
        try:
            try:
                payload = pickle.dumps(exc, pickle.HIGHEST_PROTOCOL)
            except Exception:  # an exception that does not pickle
                payload = pickle.dumps(RuntimeError(f"worker process: {exc!r}"))
            _write_all(out_fd, _SENT.pack(_FAILED, len(payload)) + payload)
        except BaseException:  # the parent is gone: nobody to tell
            pass
    finally:
        os._exit(code)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def end_with_parent(parent: int) -> None:
    """In a worker process just started: be killed (SIGKILL) when the process that
    started it dies, so that no worker outlives lawlint killed from outside (SIGKILL,
    SIGTERM, the OOM killer), when nobody is left to stop it. Linux only
    (``prctl(PR_SET_PDEATHSIG)``); elsewhere a worker ends when it finds its pipe to the
    parent closed. ``parent``: the pid that forked this process — if it has died
    already, before the request was made, this process ends at once."""
    prctl = _prctl()
    if prctl is None:
        return
    try:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except OSError:
        return
    if os.getppid() != parent:  # died between fork and prctl
        os._exit(1)


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """libc's ``prctl`` (Linux), looked up once, in the parent before it forks; None
    elsewhere or without a C library to ask (the pipes still end a child, later)."""
    if sys.platform != "linux":
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError, ImportError):
        return None
