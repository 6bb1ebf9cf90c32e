"""Batch outputs that hold under hostile and tired use (issue 11): one writer per output, special
files, bounded resume, each document once per run, failures kept visible, changed inputs replacing
their report, archives of every kind, and a resume decided before extraction."""
from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time

import pytest
from test_batch import SAMPLE_TEXTS, batch, lines, make_folder

JCREPORT = [sys.executable, "-m", "jcreport"]
TEXT = next(iter(SAMPLE_TEXTS.values()))


@pytest.mark.parametrize("flag,name", [("-o", "out.jsonl"), ("--db", "out.sqlite")])
def test_a_second_writer_is_refused_at_once_and_a_dead_one_leaves_no_lock(tmp_path, flag, name):
    folder = make_folder(tmp_path, 200)
    target = tmp_path / name
    first = subprocess.Popen([*JCREPORT, "batch", str(folder), flag, str(target), "-j", "1", "-q"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (tmp_path / (name + ".lock")).exists():
        time.sleep(0.05)
    time.sleep(0.3)
    second = subprocess.run([*JCREPORT, "batch", str(folder), flag, str(target), "-q"], capture_output=True,
                            text=True, timeout=60)
    assert second.returncode == 9 and "another jcreport batch" in second.stderr and "Traceback" not in second.stderr
    os.killpg(first.pid, signal.SIGKILL)                        # the lock file stays behind, stale
    first.wait()
    rerun = subprocess.run([*JCREPORT, "batch", str(folder), flag, str(target), "-q"], capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert not (tmp_path / (name + ".lock")).exists()
    if flag == "-o":
        paths = [r["source"]["path"] for r in lines(target)]
        assert len(paths) == len(set(paths)) == 200


def test_special_outputs_stream_or_fail_in_one_line(tmp_path):
    folder = make_folder(tmp_path, 3)
    full = batch(folder, "-o", "/dev/full", "-q")
    assert full.exit_code == 9 and "No space left" in full.output
    for device in ("/dev/null", "/dev/zero"):                   # a device is written, never read back
        assert batch(folder, "-o", device, "-q").exit_code == 0
    assert batch(folder, "-o", tmp_path, "-q").exit_code == 9   # a folder as -o
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = tmp_path / "got"
    with open(got, "wb") as sink:
        reader = subprocess.Popen(["cat", str(fifo)], stdout=sink)
        assert batch(folder, "-o", fifo, "-q").exit_code == 0
        reader.wait(timeout=30)
    assert got.read_bytes().count(b"\n") == 3


def test_each_document_once_per_run_however_it_is_reached(tmp_path):
    folder = make_folder(tmp_path, 4)
    one = sorted(folder.iterdir())[0]
    os.link(one, folder / "hardlink.txt")
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    result = batch(folder, one, folder, one, "-o", out, "--db", db, "-q")
    assert result.exit_code == 0, result.output
    assert len(lines(out)) == 4
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reports").fetchone() == (4,)


def test_failures_stay_visible_and_a_changed_input_replaces_its_report(tmp_path):
    folder = make_folder(tmp_path, 3)
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert batch(folder, "-o", out).exit_code == 1
    again = batch(folder, "-o", out)
    assert again.exit_code == 1 and "1 failed earlier; --retry-failed to retry" in again.output
    changed = sorted(folder.iterdir())[1]
    changed.write_text("共办理案件12件。", encoding="utf-8")
    (folder / "empty.txt").write_text("起诉5人。", encoding="utf-8")
    assert batch(folder, "-o", out, "--retry-failed").exit_code == 0
    got = lines(out)
    assert len(got) == 4 and all("error" not in r for r in got)
    assert sum(r["source"]["path"] == str(changed) for r in got) == 1
    assert [r["case_counts"][0]["raw"] for r in got if r["source"]["path"] == str(changed)] == ["12件"]


def test_tar_archives_of_every_kind_hard_links_and_an_oversized_compressed_member(tmp_path):
    data = TEXT.encode("utf-8")
    for mode, ext in (("w:bz2", "tar.bz2"), ("w:xz", "tar.xz"), ("w:gz", "tgz")):
        archive = tmp_path / f"t.{ext}"
        with tarfile.open(archive, mode) as tf:
            member = tarfile.TarInfo("a.txt")
            member.size = len(data)
            tf.addfile(member, io.BytesIO(data))
            link = tarfile.TarInfo("link.txt")
            link.type, link.linkname = tarfile.LNKTYPE, "a.txt"
            tf.addfile(link)
        out = tmp_path / f"{ext}.jsonl"
        assert batch(archive, "-o", out, "-q").exit_code == 0
        assert [r["source"]["path"].split("!/")[1] for r in lines(out)] == ["a.txt", "link.txt"]
    big = tmp_path / "big.tar.gz"
    with tarfile.open(big, "w:gz", compresslevel=1) as tf:
        member = tarfile.TarInfo("huge.txt")
        member.size = 3_000_000
        tf.addfile(member, io.BytesIO(b"0" * member.size))
        after = tarfile.TarInfo("after.txt")
        after.size = len(data)
        tf.addfile(after, io.BytesIO(data))
    out = tmp_path / "big.jsonl"
    assert batch(big, "-o", out, "-q", "--max-bytes", "1000000").exit_code == 1
    kinds = [r["error"]["kind"] for r in lines(out)]
    assert kinds == ["too_large", "archive"]                     # not inflated past the limit


def test_an_unwritable_emit_text_folder_is_a_clear_error(tmp_path):
    folder = make_folder(tmp_path, 2)
    blocked = tmp_path / "file"
    blocked.write_text("x")
    result = batch(folder, "-o", tmp_path / "o.jsonl", "--emit-text", blocked / "texts", "-q")
    assert result.exit_code == 9 and "Traceback" not in result.output and "cannot write" in result.output


def test_resume_is_decided_on_the_bytes_before_extraction(tmp_path, monkeypatch):
    folder = make_folder(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    assert batch(folder, "-o", out, "-j", "1", "-q").exit_code == 0
    import jcreport.batch.worker as worker

    def no_extraction(*args, **kwargs):
        raise AssertionError("extracted again")

    monkeypatch.setattr(worker, "extract", no_extraction)
    again = batch(folder, "-o", out, "-j", "1")
    assert again.exit_code == 0 and "3 already done" in again.output
