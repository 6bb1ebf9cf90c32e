"""How a batch run ends when it is stopped or its outputs misbehave (issue 11): Ctrl-C and SIGTERM,
a parent killed with -9, a closed pipe, full disks and special files, a second writer."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch import lines, make_folder

JCREPORT = [sys.executable, "-m", "jcreport"]


def _start(args, **kw):
    return subprocess.Popen([*JCREPORT, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True, **kw)


def _wait_for_lines(out: Path, n: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < n):
        time.sleep(0.05)


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig,code,word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_batch_stopped_by_a_signal_exits_with_its_code_and_resumes_exactly_once(tmp_path, sig, code, word):
    folder = make_folder(tmp_path, 300)
    out = tmp_path / "out.jsonl"
    args = ["batch", str(folder), "-o", str(out), "-j", "2", "-q"]
    proc = _start(args)
    _wait_for_lines(out, 10)
    workers = _children(proc.pid)
    os.killpg(proc.pid, sig) if sig == signal.SIGINT else proc.send_signal(sig)   # Ctrl-C reaches the group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert "Traceback" not in err.decode() and word in err.decode()
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]
    first = out.read_bytes().count(b"\n")
    assert 10 <= first < 300, "the run was not stopped mid-way"
    assert out.read_bytes().endswith(b"\n")                           # no half line left
    rerun = subprocess.run([*JCREPORT, *args], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    paths = [r["source"]["path"] for r in lines(out)]
    assert len(paths) == len(set(paths)) == 300


def test_batch_workers_die_with_a_parent_killed_with_9(tmp_path):
    folder = make_folder(tmp_path, 300)
    out = tmp_path / "out.jsonl"
    proc = _start(["batch", str(folder), "-o", str(out), "-j", "2", "-q"])
    _wait_for_lines(out, 10)
    workers = _children(proc.pid)
    assert workers
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], "orphaned workers"


def test_a_closed_pipe_ends_quietly(tmp_path):
    folder = make_folder(tmp_path, 40)
    for args in (["batch", str(folder), "-q", "-j", "1"], ["extract", str(next(folder.iterdir()))]):
        proc = subprocess.Popen([*JCREPORT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.read(10)
        proc.stdout.close()                                            # | head -c 10
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0 and err == "", err


LOST_SIGNAL = """
import os, signal, sys
from jcreport.batch import runner
from jcreport.batch.inputs import Item
from jcreport.cli import ends

ends.install()
done = []

class Dropped:
    def __del__(self):                      # the handler runs in here: CPython reports its exception, drops it
        os.kill(os.getpid(), signal.SIG{name})
        for _ in range(100_000):
            pass

def on_result(summary, result):
    done.append(result["path"])
    if len(done) == 3:
        Dropped()
    print("after", len(done), flush=True)
    ends.raise_if_stopped()                 # what batch calls after each document

try:
    runner.run([Item(f"{{i}}.txt", file="x") for i in range(10)], [], 1, on_result=on_result,
               task=lambda item: {{"status": "skipped", "path": item.path}})
except KeyboardInterrupt as exc:
    print(type(exc).__name__, len(done))
"""


@pytest.mark.parametrize("name,raised", [("INT", "KeyboardInterrupt"), ("TERM", "Terminated")])
def test_a_stop_signal_whose_exception_was_lost_still_stops_the_batch(name, raised):
    done = subprocess.run([sys.executable, "-c", LOST_SIGNAL.format(name=name)], capture_output=True, text=True,
                          timeout=60)
    assert "Exception ignored" in done.stderr and raised in done.stderr     # the handler's own exception: lost
    assert done.stdout.splitlines()[-2:] == ["after 3", f"{raised} 3"]
