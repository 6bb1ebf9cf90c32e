"""The local executor: -j N worker processes on this machine, forked warm and restarted when one dies.

Workers are forked after the lexicon and tokenizer are loaded, so they start warm. Each ignores
Ctrl-C and SIGTERM (the parent stops it) and dies with its parent, even when the parent is killed
with -9 (PR_SET_PDEATHSIG), so no orphans. A worker that dies (killed, out of memory) breaks the
whole pool and every future in it: the runner then asks for the document alone in a fresh
one-process pool (``alone``), which tells whether that document killed it, and ``restart``s the
pool for the rest. Any other executor (a Dask client's, a thread pool) needs only ``submit``.

A worker killed while it is sending a result leaves half a message in the results pipe, and the
pool's manager thread then waits for the rest forever: the pool is never marked broken, and the
thread, which the interpreter joins at exit, keeps the process from ending. The parent holds a
write end of that pipe too, so the rest would never come. Hence ``release``: once every worker is
dead, the parent's write end is closed, the manager thread reads the end of the pipe, marks the
pool broken and ends. ``stop`` does it after killing the workers; ``watch``, called while a result
is awaited, does it for a worker found dead in a pool that has not noticed within ``GRACE`` s.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool

from . import worker
from .inputs import Item

GRACE = 5.0            # seconds a dead worker may go unnoticed by its pool before watch() breaks it
WATCH_SECONDS = 1.0    # how often ``awaited`` calls an executor's watch()


def awaited(future: Future, executor):
    """The future's result; meanwhile the executor's ``watch()``, if it has one, is called every
    WATCH_SECONDS (the local pool breaks itself there when a dead worker went unnoticed)."""
    watch = getattr(executor, "watch", None)
    while True:
        try:
            return future.result(timeout=WATCH_SECONDS if watch else None)
        except FuturesTimeout:
            watch()


def _worker_start() -> None:
    """In each worker: Ctrl-C and SIGTERM are the parent's to handle (no traceback from a worker),
    and the worker dies with its parent, even when the parent is killed with -9 (no orphans)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


class ProcessPool:
    """-j N forked worker processes (the default executor)."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        self.context = multiprocessing.get_context("fork")
        self.pool = self._new(jobs)
        self._dead_since: float | None = None

    def _new(self, jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=self.context, initializer=_worker_start)

    def submit(self, fn, *args) -> Future:
        return self.pool.submit(fn, *args)

    def restart(self) -> None:
        """A new pool after a worker died (every future of the old one is lost)."""
        self.pool.shutdown(cancel_futures=True)
        self.pool = self._new(self.workers)
        self._dead_since = None

    def watch(self) -> None:
        """While a result is awaited: a worker dead for ``GRACE`` s in a pool not marked broken
        (killed while sending a result, so the manager thread waits for the rest of it) breaks the
        pool by hand: the other workers are killed too and the pipe released, so every future of
        the pool fails with BrokenProcessPool and the runner goes on as for any dead worker."""
        processes = list(_table(self.pool).values())
        if getattr(self.pool, "_broken", False) or all(p.exitcode is None for p in processes):
            self._dead_since = None
            return
        now = time.monotonic()
        if self._dead_since is None:
            self._dead_since = now
        elif now - self._dead_since >= GRACE:
            _kill(processes)
            _Pipe(self.pool).release()

    def alone(self, fn, item: Item) -> dict:
        """The document converted in a pool of its own: its result, or a crash if it kills that one too."""
        solo = ProcessPool(1)
        try:
            result = awaited(solo.submit(fn, item), solo)
        except BrokenProcessPool:
            result = worker.error_result(item.path, "crash", f"{item.path}: the worker converting it died")
        except BaseException:                          # stopped meanwhile (Ctrl-C, SIGTERM)
            solo.stop()
            raise
        solo.shutdown()
        return result

    def stop(self) -> None:
        """Stop at once (Ctrl-C, SIGTERM): the workers are killed, not waited for. The pool's own
        table of processes is kept from before the shutdown (which drops it), and a worker started
        on demand meanwhile is killed too, and reaped, so none outlives the run holding its
        stdout or stderr open."""
        table, pipe = _table(self.pool), _Pipe(self.pool)          # shutdown() drops both
        _kill(list(table.values()))
        self.pool.shutdown(wait=False, cancel_futures=True)
        _kill(list(table.values()))                                # and one started meanwhile
        pipe.release()

    def shutdown(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _kill(processes: list) -> None:
    """Kill the worker processes and reap them."""
    for process in processes:
        process.kill()
    for process in processes:
        process.join(1)


def _table(pool: ProcessPoolExecutor) -> dict:
    """The pool's own table of worker processes (pid -> process), which it adds to on demand."""
    return getattr(pool, "_processes", None) or {}


class _Pipe:
    """A pool's results pipe and the manager thread reading it (taken before ``shutdown``, which
    drops the pool's references to them)."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
        self.thread = getattr(pool, "_executor_manager_thread", None)

    def release(self) -> None:
        """Close the parent's write end, the workers being dead: a manager thread waiting for the
        rest of a message reads the end of the pipe instead, marks the pool broken and ends (see
        the module's docstring). Waits a little for that thread."""
        if self.writer is not None:
            self.writer.close()
        if self.thread is not None and self.thread is not threading.current_thread():
            self.thread.join(5)
