"""The runner on any executor, and the time limit in threads other than the main one (where
SIGALRM cannot reach: a Dask worker's task threads)."""
from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from test_batch import make_folder

from jcreport.batch import runner, worker
from jcreport.batch.deadline import Expired, time_limit
from jcreport.batch.inputs import Item, Limits, expand
from jcreport.errors import DocumentTimeout

SLOW = "一、办理案件5件,召开会议3次。\n" * 60000


def _in_thread(fn):
    box = {}

    def target():
        try:
            box["value"] = fn()
        except BaseException as exc:                    # noqa: BLE001 - the test looks at what escaped
            box["escaped"] = exc
    thread = threading.Thread(target=target)
    thread.start()
    thread.join(120)
    return box


def test_a_slow_document_times_out_in_a_worker_thread(tmp_path):
    (tmp_path / "slow.txt").write_text(SLOW, encoding="utf-8")
    settings = worker.Settings(limits=Limits(timeout=0.5))
    start = time.monotonic()
    box = _in_thread(lambda: worker.convert(Item("slow.txt", file=str(tmp_path / "slow.txt")), settings))
    assert "escaped" not in box and time.monotonic() - start < 10
    assert json.loads(box["value"]["json"])["error"]["kind"] == "timeout"


def test_an_expired_limit_never_lands_after_its_block():
    """Limits that expire at every moment around the end of their block: each is a timeout or a
    clean end, and nothing is left pending to hit the thread's next piece of work."""
    def many():
        outcomes = {"timeout": 0, "done": 0}
        for i in range(150):
            try:
                if i % 10 == 0:
                    with time_limit(30, "x"):           # far from its limit: done, however loaded the machine
                        pass
                elif i % 10 == 1:
                    with time_limit(0.002, "x"):        # spins until the limit lands: a timeout, however loaded
                        give_up = time.monotonic() + 30
                        while time.monotonic() < give_up:
                            pass
                else:                                   # limits 2-14 ms, bodies 0-12 ms or so: around the end
                    with time_limit(0.002 * (i % 7 + 1), "x"):
                        for _ in range(100_000 * (i % 5)):   # bytecode: where the watchdog lands
                            pass
                outcomes["done"] += 1
            except (DocumentTimeout, Expired):          # Expired: landed on entering __exit__ (worker.convert
                outcomes["timeout"] += 1                # handles it as the timeout it is)
            for _ in range(2000):                       # the next work: a stray Expired would land here
                pass
        return outcomes
    box = _in_thread(many)
    assert "escaped" not in box, box.get("escaped")
    assert box["value"]["timeout"] > 0 and box["value"]["done"] > 0


def test_an_expired_limit_swallowed_by_the_body_is_still_a_timeout():
    def swallowing():
        with time_limit(0.05, "x"):
            try:
                while True:
                    pass
            except Expired:
                pass                                    # a library's bare except
    box = _in_thread(swallowing)
    assert isinstance(box.get("escaped"), DocumentTimeout)


def test_the_runner_on_a_thread_pool_gives_the_local_pools_results_in_order(tmp_path):
    folder = make_folder(tmp_path, 8)
    (folder / "empty.txt").write_bytes(b"")
    local = [(item.path, r["json"]) for item, r in runner.converted(expand([str(folder)]), jobs=1)]
    with ThreadPoolExecutor(3) as pool:
        threads = [(item.path, r["json"]) for item, r in runner.converted(expand([str(folder)]), jobs=1, executor=pool)]
    assert threads == local and sum('"error"' in text[:10] for _, text in threads) == 1


def test_executor_dask_without_the_extra_is_one_line_and_exit_17(tmp_path):
    import subprocess
    import sys

    folder = make_folder(tmp_path, 1)
    code = ("import sys; sys.modules['distributed'] = None\n"          # as if the dask extra were not installed
            "from jcreport.cli import run; sys.argv[0] = 'jcreport'; run()")
    proc = subprocess.run([sys.executable, "-c", code, "batch", str(folder), "-o", str(tmp_path / "o.jsonl"),
                           "--executor", "dask"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 17
    assert proc.stderr == "Error: --executor dask needs the dask extra: pip install 'jcreport[dask]'\n"
    assert not (tmp_path / "o.jsonl").exists()


def test_awaited_calls_watch_while_it_waits_and_lets_what_watch_raises_end_the_wait(monkeypatch):
    from concurrent.futures import Future

    from jcreport.batch import executors

    monkeypatch.setattr(executors, "WATCH_SECONDS", 0.01)

    class Gone(Exception):
        pass

    class Executor:
        calls = 0

        def watch(self):
            self.calls += 1
            if self.calls == 3:
                raise Gone()

    watched = Executor()
    never = Future()                                   # a future nothing will ever resolve
    with pytest.raises(Gone):
        executors.awaited(never, watched)
    assert watched.calls == 3
    done = Future()
    done.set_result("r")
    assert executors.awaited(done, Executor()) == "r" and executors.awaited(done, object()) == "r"
