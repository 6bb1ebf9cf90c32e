"""batch --executor dask on a LocalCluster of 2 worker processes: the same JSONL and SQLite as -j 2,
resume, bad documents as error lines, the time limit in a worker thread, a worker killed mid-document.

Nothing is excluded from the comparison of records: a Report holds no timing field (its doc_id is
the hash of the text, not of the run), and SQLite row ids follow input order under either executor.
Only the summary line's seconds, and the run's wall time, differ between runs; they are not compared.
"""
from __future__ import annotations

import codecs
import functools
import json
import os
import sqlite3

import pytest

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed: pip install '.[dask]'")

import dask  # noqa: E402
from test_batch import batch, lines, make_folder  # noqa: E402

from jcreport.batch import runner, worker  # noqa: E402
from jcreport.batch.dask_executor import on_dask  # noqa: E402
from jcreport.batch.inputs import Item, expand  # noqa: E402

TABLES = ("reports", "sections", "sentences", "metrics", "case_counts", "measures", "campaigns", "errors")


def mixed_folder(tmp_path):
    folder = make_folder(tmp_path, 8)
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "undecodable.txt").write_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd")
    (folder / "slow.txt").write_text("一、办理案件5件,召开会议3次。\n" * 120000, encoding="utf-8")
    return folder


def table_rows(db):
    con = sqlite3.connect(db)
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def test_dask_gives_the_local_pools_outputs_resumes_and_records_bad_documents(tmp_path):
    folder = mixed_folder(tmp_path)
    local, local_db = tmp_path / "j2.jsonl", tmp_path / "j2.sqlite"
    on, on_db = tmp_path / "dask.jsonl", tmp_path / "dask.sqlite"
    common = ("--timeout", "2", "-j", "2")
    assert batch(folder, "-o", local, "--db", local_db, *common).exit_code == 1
    result = batch(folder, "-o", on, "--db", on_db, *common, "--executor", "dask", "--dask", "local")
    assert result.exit_code == 1, result.output            # the bad documents failed, the run went on
    assert "Traceback" not in result.output
    got = lines(on)
    assert got == lines(local)
    assert [r["source"]["path"] if "source" in r else r["error"]["path"] for r in got] == \
        [str(p) for p in sorted(folder.iterdir())]
    errors = {os.path.basename(r["error"]["path"]): r["error"]["kind"] for r in got if "error" in r}
    assert errors == {"binary.txt": "binary", "empty.txt": "empty", "undecodable.txt": "undecodable",
                      "slow.txt": "timeout"}                # slow.txt: the watchdog in a Dask worker thread
    assert sum("source" in r for r in got) == 8
    assert table_rows(on_db) == table_rows(local_db)
    assert len(table_rows(on_db)["errors"]) == 4

    before = on.read_bytes()
    again = batch(folder, "-o", on, "--db", on_db, *common, "--executor", "dask")
    assert "0 converted, 8 already done, 0 failed; 4 failed earlier" in again.output
    assert on.read_bytes() == before and table_rows(on_db) == table_rows(local_db)


def _die_on(task, item):
    if item.path.endswith("die.txt"):
        os._exit(3)                                     # a worker killed mid-document (OOM, segfault)
    return task(item)


def test_a_dask_worker_that_dies_costs_only_its_document(tmp_path):
    import cloudpickle
    import sys

    cloudpickle.register_pickle_by_value(sys.modules[__name__])   # the workers cannot import this test module
    folder = make_folder(tmp_path, 10)
    items = list(expand([str(folder)]))
    items.insert(4, Item("die.txt", data=b"x"))
    # one task per worker thread at a time and no retry: the death is blamed on its document alone
    config = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(config), on_dask("local", 2, worker.Settings()) as (executor, task):
        results = list(runner.converted(items, 2, executor, functools.partial(_die_on, task)))
    assert [item.path for item, _ in results] == [i.path for i in items]
    assert [json.loads(r["json"])["error"]["kind"] for _, r in results if r["status"] == "error"] == ["crash"]
    assert results[4][1]["status"] == "error" and sum(r["status"] == "ok" for _, r in results) == 10


def test_an_unreachable_scheduler_is_one_line_and_exit_17(tmp_path):
    folder = make_folder(tmp_path, 1)
    result = batch(folder, "-o", tmp_path / "o.jsonl", "--dask", "tcp://127.0.0.1:1")    # --dask alone means Dask
    assert result.exit_code == 17
    assert result.output.startswith("Error: tcp://127.0.0.1:1: cannot reach the Dask scheduler")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "o.jsonl").exists()          # reached before any output is opened


def test_dask_with_the_process_pool_named_is_a_usage_error(tmp_path):
    folder = make_folder(tmp_path, 1)
    result = batch(folder, "-o", tmp_path / "o.jsonl", "--executor", "processes", "--dask", "local")
    assert result.exit_code == 2 and "--dask is for --executor dask" in result.output


def test_ctrl_c_stops_a_dask_run_with_130_no_traceback_from_any_process_and_it_resumes(tmp_path):
    import signal
    import subprocess
    import time

    from test_batch_ends import JCREPORT, _alive, _children, _start, _wait_for_lines

    folder = make_folder(tmp_path, 300)
    out = tmp_path / "out.jsonl"
    args = ["batch", str(folder), "-o", str(out), "-q", "--dask", "local", "-j", "2"]
    proc = _start(args)
    _wait_for_lines(out, 10)
    processes = _children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)                 # Ctrl-C reaches the whole group, cluster workers too
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "Traceback" not in err.decode() and "interrupted" in err.decode()
    time.sleep(2)
    assert not [p for p in processes if _alive(p)], "processes left behind"
    assert 10 <= out.read_bytes().count(b"\n") < 300
    rerun = subprocess.run([*JCREPORT, *args], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    paths = [r["source"]["path"] for r in lines(out)]
    assert len(paths) == len(set(paths)) == 300



def test_a_scheduler_killed_under_a_running_batch_ends_it_with_17_and_a_rerun_completes(tmp_path):
    """A scheduler and its workers of their own (not a LocalCluster of the run), the scheduler
    killed mid-run: the run ends with one line and exit 17, whether Dask cancelled the future it
    waited on or left it unresolved (the client's status, watched every second), and resumes."""
    import signal
    import socket
    import subprocess
    import sys

    from test_batch_ends import JCREPORT, _wait_for_lines

    folder = make_folder(tmp_path, 400)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask_cli = [sys.executable, "-m"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "start_new_session": True}
    scheduler = subprocess.Popen([*dask_cli, "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                                  str(port), "--no-dashboard"], **quiet)
    workers = subprocess.Popen([*dask_cli, "distributed.cli.dask_worker", address, "--nworkers", "2", "--nthreads",
                                "1", "--no-dashboard"], **quiet)
    try:
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        out = tmp_path / "out.jsonl"
        args = ["batch", str(folder), "-o", str(out), "-q", "--dask", address]
        proc = subprocess.Popen([*JCREPORT, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait_for_lines(out, 20)
        os.killpg(scheduler.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 17, err
        assert len(err.decode().strip().splitlines()) == 1 and "run again to resume" in err.decode()
        assert 20 <= out.read_bytes().count(b"\n") < 400
    finally:
        for group in (scheduler, workers):
            try:
                os.killpg(group.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            group.wait()
    rerun = subprocess.run([*JCREPORT, "batch", str(folder), "-o", str(out), "-q", "-j", "2"], capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    paths = [r["source"]["path"] for r in lines(out)]
    assert len(paths) == len(set(paths)) == 400


def test_watch_ends_the_run_once_the_client_is_not_running():
    from jcreport.batch.dask_executor import DaskExecutor
    from jcreport.errors import BackendUnavailable

    class Client:
        status = "running"

        def get_executor(self, pure):
            return None

        def nthreads(self):
            return {"w1": 1, "w2": 1}

    client = Client()
    executor = DaskExecutor(client, worker.Settings().limits)
    executor.watch()                                   # running: nothing happens
    for status in ("connecting", "closing", "closed"):
        client.status = status
        with pytest.raises(BackendUnavailable, match="lost the Dask scheduler"):
            executor.watch()


def test_a_local_clusters_workers_ignore_ctrl_c_also_once_restarted():
    import signal

    from jcreport.batch.dask_executor import connected

    def disposition():
        return signal.getsignal(signal.SIGINT) == signal.SIG_IGN

    with connected("local", 2) as connection, on_dask("local", 2, worker.Settings(), connection):
        client = connection[0]
        assert set(client.run(disposition).values()) == {True}
        client.restart_workers(list(client.scheduler_info()["workers"]))
        client.wait_for_workers(2, timeout=60)
        assert set(client.run(disposition).values()) == {True}
