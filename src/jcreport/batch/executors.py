"""The local executor: -j N worker processes on this machine, forked warm and restarted when one dies.

Workers are forked after the lexicon and tokenizer are loaded, so they start warm. Each ignores
Ctrl-C and SIGTERM (the parent stops it) and dies with its parent, even when the parent is killed
with -9 (PR_SET_PDEATHSIG), so no orphans. A worker that dies (killed, out of memory) breaks the
whole pool and every future in it: the runner then asks for the document alone in a fresh
one-process pool (``alone``), which tells whether that document killed it, and ``restart``s the
pool for the rest. Any other executor (a Dask client's, a thread pool) needs only ``submit``.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from . import worker
from .inputs import Item


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

    def _new(self, jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=self.context, initializer=_worker_start)

    def submit(self, fn, *args) -> Future:
        return self.pool.submit(fn, *args)

    def restart(self) -> None:
        """A new pool after a worker died (every future of the old one is lost)."""
        self.pool.shutdown(cancel_futures=True)
        self.pool = self._new(self.workers)

    def alone(self, fn, item: Item) -> dict:
        """The document converted in a pool of its own: its result, or a crash if it kills that one too."""
        with self._new(1) as solo:
            try:
                return solo.submit(fn, item).result()
            except BrokenProcessPool:
                return worker.error_result(item.path, "crash", f"{item.path}: the worker converting it died")

    def stop(self) -> None:
        """Stop at once (Ctrl-C, SIGTERM): the workers are killed, not waited for. The pool's own
        table of processes is kept from before the shutdown (which drops it), and a worker started
        on demand meanwhile is killed too, and reaped, so none outlives the run holding its
        stdout or stderr open."""
        processes = getattr(self.pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in list(processes.values()):
            process.kill()
            process.join(1)

    def shutdown(self) -> None:
        self.pool.shutdown(cancel_futures=True)
