"""Work split across processes: each part in a child forked from this one, only its answer
pickled back through a pipe.

Forking shares what the parent has built — the policy, a list's text — without copying or
pickling any of it; a child ends with `os._exit`, so the millions of objects it made are never
freed one by one. Children also report progress through the pipe, which the parent passes on.
Only where `os.fork` exists (`can_fork`).
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import struct
import sys
import traceback
from collections.abc import Callable
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")
Progressed = Callable[[int], None]
Work = Callable[[int, Progressed], T]
"""Part `index`'s work, told how to report how many more of its items are done."""

_FRAME = struct.Struct("<cQ")
"""A message's kind and size: b"P" progress (the size is the count), b"A" an answer or b"F" a
failure (a pickle of that size follows)."""


class WorkerError(RuntimeError):
    """A child's work raised; the message carries the child's traceback."""


def can_fork() -> bool:
    return hasattr(os, "fork")


def cpus() -> int:
    """How many parts work is split into unless told otherwise: the CPUs this process may run
    on, on Linux; 1 elsewhere (macOS has `fork`, but forking without exec is not safe there)."""
    if not can_fork() or not sys.platform.startswith("linux"):
        return 1
    return len(os.sched_getaffinity(0))


class Children(Generic[T]):
    """Children forked to work a part each; `gather` waits for their answers."""

    def __init__(self, work: Work[T], parts: int) -> None:
        """Fork a child for each part; each starts working at once. `WorkerError` when the
        system will not make them (no child is left behind)."""
        self._readers: dict[int, int] = {}
        self._pids: list[int] = []
        try:
            for index in range(parts):
                reader, writer = os.pipe()
                pid = os.fork()
                if pid == 0:
                    for other in (reader, *self._readers):
                        os.close(other)
                    _child(work, index, writer)  # never returns
                os.close(writer)
                self._readers[reader] = index
                self._pids.append(pid)
        except OSError as error:
            for pid in self._pids:
                os.kill(pid, signal.SIGKILL)
            self._reap()
            for reader in self._readers:
                os.close(reader)
            raise WorkerError(f"could not start a worker: {error}") from error

    def _reap(self) -> None:
        for pid in self._pids:
            os.waitpid(pid, 0)

    def gather(self, progressed: Progressed | None = None) -> list[T]:
        """[answer of part 0, …], passing the children's progress on to `progressed`.

        A child whose work raised makes this raise `WorkerError`, once every child has ended.
        """
        answers: dict[int, T] = {}
        failures: list[str] = []
        with selectors.DefaultSelector() as selector:
            for reader, index in self._readers.items():
                selector.register(reader, selectors.EVENT_READ, _Inbox(index))
            while selector.get_map():
                for key, _ in selector.select():
                    inbox: _Inbox = key.data
                    chunk = os.read(key.fd, 1 << 20)
                    if not chunk:
                        selector.unregister(key.fd)
                        os.close(key.fd)
                        continue
                    for kind, count, payload in inbox.receive(chunk):
                        if kind == b"P":
                            if progressed is not None:
                                progressed(count)
                        elif kind == b"A":
                            answers[inbox.index] = pickle.loads(payload)  # noqa: S301 (ours)
                        else:
                            failures.append(pickle.loads(payload))  # noqa: S301 (ours)
        self._reap()
        if failures or len(answers) != len(self._readers):
            raise WorkerError("\n".join(failures) or "a worker ended without an answer")
        return [answers[index] for index in range(len(self._readers))]


def _child(work: Work[T], index: int, writer: int) -> NoReturn:
    """Do part `index`, send the answer (or the traceback) and leave without cleaning up."""
    status = 0
    try:
        with os.fdopen(writer, "wb") as pipe:

            def progressed(done: int) -> None:
                pipe.write(_FRAME.pack(b"P", done))
                pipe.flush()

            try:
                kind, answer = b"A", pickle.dumps(work(index, progressed), pickle.HIGHEST_PROTOCOL)
            except BaseException:  # every failure is the parent's to report
                kind, answer = b"F", pickle.dumps(traceback.format_exc())
            pipe.write(_FRAME.pack(kind, len(answer)))
            pipe.write(answer)
    except BaseException:  # the parent has gone: no one is left to tell
        status = 1
    os._exit(status)


class _Inbox:
    """The bytes a child has sent so far, cut into whole messages."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.buffer = bytearray()

    def receive(self, chunk: bytes) -> list[tuple[bytes, int, bytes]]:
        """The messages completed by `chunk`: (kind, size or count, pickle)."""
        self.buffer += chunk
        messages: list[tuple[bytes, int, bytes]] = []
        while len(self.buffer) >= _FRAME.size:
            kind, size = _FRAME.unpack_from(self.buffer)
            length = _FRAME.size if kind == b"P" else _FRAME.size + size
            if len(self.buffer) < length:
                break
            messages.append((kind, size, bytes(self.buffer[_FRAME.size : length])))
            del self.buffer[:length]
        return messages
