"""A worker that dies halfway through sending its result, run by tests/test_batch_pool.py in a
process of its own (the bug it guards against keeps a process from ever ending).

    python tests/half_sent.py stop    # the run is stopped while a worker is stuck mid-send
    python tests/half_sent.py dies    # a worker dies mid-send; the other documents go on

A task here writes the header of a 1 MB message and 10 bytes of it into the pool's results pipe,
as a worker killed while sending a long result leaves it. Prints one JSON line of what it saw.
"""
from __future__ import annotations

import json
import os
import struct
import sys
import threading
import time

from jcreport.batch import executors, runner
from jcreport.batch.executors import ProcessPool
from jcreport.batch.inputs import Item


def _half_send() -> None:
    """Write the start of a message into the results pipe of the worker calling the task."""
    frame = sys._getframe()
    while frame is not None and "result_queue" not in frame.f_locals:
        frame = frame.f_back
    writer = frame.f_locals["result_queue"]._writer
    os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"\x80" * 10)


def stuck(item: Item) -> dict:
    _half_send()
    open(item.file, "w").close()                    # tells the parent the half message is sent
    time.sleep(600)
    return {}


def dies_or_done(item: Item) -> dict:
    if item.path == "half.txt":
        _half_send()
        os._exit(1)
    return {"status": "ok", "path": item.path}


def stop(flag: str) -> dict:
    pool = ProcessPool(2)
    future = pool.submit(stuck, Item("stuck.txt", file=flag))
    manager = pool.pool._executor_manager_thread      # started by the first submit
    give_up = time.monotonic() + 60
    while not os.path.exists(flag) and time.monotonic() < give_up:
        time.sleep(0.05)
    time.sleep(0.3)                                  # the manager thread is now reading the half message
    pool.stop()
    return {"sent": os.path.exists(flag), "manager_alive": manager.is_alive(), "cancelled_or_done": future.done()}


def dies() -> dict:
    executors.GRACE = 0.5
    executors.WATCH_SECONDS = 0.1
    items = [Item(f"{i}.txt", file="x") for i in range(3)] + [Item("half.txt", file="x")] + \
        [Item(f"{i}.txt", file="x") for i in range(3, 6)]
    results = [(item.path, r["status"]) for item, r in runner.converted(items, jobs=2, task=dies_or_done)]
    return {"results": results, "threads": sorted({t.name.split("-")[0] for t in threading.enumerate()})}


if __name__ == "__main__":
    what = sys.argv[1]
    seen = stop(sys.argv[2]) if what == "stop" else dies()
    print(json.dumps(seen), flush=True)
