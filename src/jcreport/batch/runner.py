"""Run a batch: convert Items in parallel, write results in input order to every sink.

The conversion runs on an executor: the local process pool (executors.py, the default), a Dask
cluster (dask_executor.py) or anything with ``submit``. At most ``window`` documents are in flight,
so memory stays bounded however large the archive. A worker that dies costs only the documents it
held: they are recorded as errors and the rest go on.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Future
from dataclasses import dataclass

from ..errors import BackendUnavailable
from . import worker
from .executors import ProcessPool, awaited
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


def _ordered(items: Iterator[Item], executor, window: int, task: Callable) -> Iterator[tuple[Item, dict]]:
    """(item, result) in input order from any executor with ``submit(fn, *args)`` giving a
    concurrent.futures-style Future. A future that fails is that document's error, never the run's:
    the executor's ``lost(item, exc)`` says what it means when it has one (Dask: a document that
    killed its workers, or a cluster gone), else it is a crash; the local pool is restarted."""
    pending: deque[tuple[Item, Future]] = deque()
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                else:
                    pending.append((item, executor.submit(task, item)))
            if not pending:
                break
            item, future = pending.popleft()
            try:
                result = awaited(future, executor)
            except BackendUnavailable:
                raise                                 # the executor itself is gone (watch): the run ends
            except BrokenExecutor:
                if not hasattr(executor, "restart"):
                    raise
                # a local worker died and took every future of the pool with it: which document
                # killed it is not known, so this one is tried again alone before it is blamed
                result = executor.alone(task, item)
                executor.restart()
                pending = deque((it, executor.submit(task, it)) for it, _ in pending)
            except Exception as exc:  # noqa: BLE001 - one document's loss is recorded, the run goes on
                lost = getattr(executor, "lost", None)
                result = lost(item, exc) if lost else worker.error_result(
                    item.path, "crash", f"{item.path}: the executor lost it: {type(exc).__name__}: {exc}")
            yield item, result
    except BaseException:
        # stopped (Ctrl-C, SIGTERM, an output error): the local pool kills its workers and cancels its
        # futures itself (cancelling them here first would break its manager thread); others are cancelled
        stop = getattr(executor, "stop", None)
        if stop:
            stop()
        else:
            for _, future in pending:
                future.cancel()
        raise


def converted(items: Iterable[Item], jobs: int, executor=None, task: Callable | None = None
              ) -> Iterator[tuple[Item, dict]]:
    """(item, result) in input order: on ``executor`` when one is given (its owner shuts it down),
    else -j 1 in this process and -j N in a local process pool. ``task`` converts one item
    (worker.convert, looked up at the call)."""
    it, task = iter(items), task or worker.convert
    if executor is not None:
        yield from _ordered(it, executor, WINDOW_PER_JOB * max(getattr(executor, "workers", jobs), 1), task)
    elif jobs <= 1:
        for item in it:
            yield item, task(item)
    else:
        pool = ProcessPool(jobs)
        yield from _ordered(it, pool, WINDOW_PER_JOB * jobs, task)   # stops the pool if it is stopped
        pool.shutdown()


def run(items: Iterable[Item], sinks: list, jobs: int, on_result: Callable[[Summary, dict], None] | None = None,
        executor=None, task: Callable | None = None) -> Summary:
    """Convert every item (on ``executor`` when given) and write each result to the sinks that do
    not have it yet."""
    summary, start = Summary(), time.perf_counter()
    failed_everywhere = set.intersection(*(s.failed for s in sinks)) if sinks else set()
    for item, result in converted(_not_failed_before(items, failed_everywhere, summary), jobs, executor, task):
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
