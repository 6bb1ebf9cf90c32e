"""Run a batch: convert Items in parallel, write results in input order to every sink.

Workers are forked after the lexicon and tokenizer are loaded, so they start warm. At most
``window`` documents are in flight, so memory stays bounded however large the archive. A worker
that dies (killed, out of memory) costs only the documents it held: they are recorded as errors
and the pool is started again for the rest.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from . import worker
from .inputs import Item

# Documents in flight per worker: enough that a long document at the head of the queue does not
# leave the other workers idle, few enough that memory stays bounded (a document and its result).
WINDOW_PER_JOB = 16


@dataclass
class Summary:
    documents: int = 0
    converted: int = 0
    skipped: int = 0
    failed: int = 0
    failed_earlier: int = 0                          # recorded as failed by an earlier run, not retried
    records: int = 0
    chars: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        earlier = f"; {self.failed_earlier} failed earlier; --retry-failed to retry" if self.failed_earlier else ""
        return (f"jcreport batch: {self.documents} documents ({self.converted} converted, {self.skipped} already done, "
                f"{self.failed} failed{earlier}), {self.records} records, {self.chars} chars, {self.seconds:.1f} s")


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


def _pool(jobs: int, context) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C, SIGTERM): the workers are killed, not waited for."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _ordered_parallel(items: Iterator[Item], jobs: int, window: int) -> Iterator[tuple[Item, dict]]:
    context = multiprocessing.get_context("fork")
    pending: deque[tuple[Item, Future]] = deque()
    pool = _pool(jobs, context)
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                else:
                    pending.append((item, pool.submit(worker.convert, item)))
            if not pending:
                break
            item, future = pending.popleft()
            try:
                yield item, future.result()
            except BrokenProcessPool:
                # a worker died and took every future of the pool with it: which document killed
                # it is not known, so this one is tried again alone before it is blamed
                pool.shutdown(cancel_futures=True)
                yield item, _alone(item, context)
                pool = _pool(jobs, context)
                pending = deque((it, pool.submit(worker.convert, it)) for it, _ in pending)
    except BaseException:
        _stop(pool)
        raise
    else:
        pool.shutdown(cancel_futures=True)


def _alone(item: Item, context) -> dict:
    with _pool(1, context) as solo:
        try:
            return solo.submit(worker.convert, item).result()
        except BrokenProcessPool:
            return worker.error_result(item.path, "crash", f"{item.path}: the worker converting it died")


def converted(items: Iterable[Item], jobs: int) -> Iterator[tuple[Item, dict]]:
    """(item, result) in input order; -j 1 converts in this process."""
    it = iter(items)
    if jobs <= 1:
        for item in it:
            yield item, worker.convert(item)
    else:
        yield from _ordered_parallel(it, jobs, window=WINDOW_PER_JOB * jobs)


def run(items: Iterable[Item], sinks: list, jobs: int, on_result: Callable[[Summary, dict], None] | None = None) -> Summary:
    """Convert every item and write each result to the sinks that do not have it yet."""
    summary, start = Summary(), time.perf_counter()
    failed_everywhere = set.intersection(*(s.failed for s in sinks)) if sinks else set()
    for item, result in converted(_not_failed_before(items, failed_everywhere, summary), jobs):
        summary.documents += 1
        if result["status"] == "skipped":
            summary.skipped += 1
        else:
            for sink in sinks:
                if not sink.has(result):
                    sink.write(result)
            if result["status"] == "error":
                summary.failed += 1
            else:
                summary.converted += 1
                summary.records += result["records"]
                summary.chars += result["chars"]
        if on_result:
            on_result(summary, result)
    summary.seconds = time.perf_counter() - start
    return summary


def _not_failed_before(items: Iterable[Item], failed: set[str], summary: Summary) -> Iterator[Item]:
    """The items to convert: an input recorded as failed in every output is skipped (counted as
    done) unless --retry-failed cleared those records."""
    seen: set[str] = set()
    for item in items:
        if item.path in seen:
            continue                                  # the same document twice in one run (a zip member
        seen.add(item.path)                           # named twice): converted and written once
        if item.path in failed:
            summary.documents += 1
            summary.failed_earlier += 1
            continue
        yield item
