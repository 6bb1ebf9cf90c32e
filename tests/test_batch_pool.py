"""The local pool when a worker dies halfway through sending a result (killed by the run's stop, by
the kernel out of memory): the pool's manager thread would wait for the rest of the message forever,
never mark the pool broken, and keep the process from ending at exit (a test run that printed its
summary, then hung). Each case runs tests/half_sent.py in a process of its own, so a regression
is a failed test here, not a hung suite."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HALF_SENT = Path(__file__).with_name("half_sent.py")


def _run(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(HALF_SENT), *args], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_run_stopped_while_a_worker_is_stuck_mid_send_ends(tmp_path):
    seen = _run("stop", str(tmp_path / "sent"))
    assert seen == {"sent": True, "manager_alive": False, "cancelled_or_done": True}


def test_a_worker_dead_mid_send_costs_only_its_document_and_the_process_ends():
    seen = _run("dies")
    assert seen["results"] == [[f"{i}.txt", "ok"] for i in range(3)] + [["half.txt", "error"]] + \
        [[f"{i}.txt", "ok"] for i in range(3, 6)]
    assert seen["threads"] == ["MainThread"]
