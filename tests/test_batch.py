"""Batch conversion with real folders, zip and tar.gz archives, JSON Lines and SQLite queried back."""
from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from jcreport.cli import main

SAMPLE_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


def variants(n: int) -> list[tuple[str, str]]:
    """n distinct reports made from the samples (a numbered opening line keeps each doc_id apart)."""
    names = list(SAMPLE_TEXTS)
    return [(f"r{i:04d}_{names[i % len(names)]}", f"第{i}号材料\n{SAMPLE_TEXTS[names[i % len(names)]]}")
            for i in range(n)]


def make_folder(root: Path, n: int) -> Path:
    folder = root / "in"
    folder.mkdir()
    for name, text in variants(n):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_folder_to_jsonl_and_sqlite_in_input_order(tmp_path):
    folder = make_folder(tmp_path, 12)
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    result = batch(folder, "-o", out, "--db", db, "-j", "2")
    assert result.exit_code == 0, result.output
    got = lines(out)
    assert [r["source"]["path"] for r in got] == [str(p) for p in sorted(folder.iterdir())]
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (12,)
    rows = con.execute("SELECT r.organ, r.year, m.value FROM metrics m JOIN reports r ON r.id = m.report_id "
                       "WHERE m.subject = '认罪认罚适用率' ORDER BY r.path").fetchall()
    assert rows and all(v == 98 for _, _, v in rows)
    cases = con.execute("SELECT sum(value) FROM case_counts WHERE action = '办理' AND unit = '件'").fetchone()[0]
    assert cases >= 17562
    assert con.execute("SELECT count(*) FROM measures WHERE status = 'planned'").fetchone()[0] > 0
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_batch_output_is_the_same_for_any_number_of_workers(tmp_path):
    folder = make_folder(tmp_path, 10)
    one, two = tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"
    assert batch(folder, "-o", one, "-j", "1").exit_code == 0
    assert batch(folder, "-o", two, "-j", "2").exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_batch_resumes_adds_only_new_and_force_redoes(tmp_path):
    folder = make_folder(tmp_path, 6)
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    assert batch(folder, "-o", out, "--db", db).exit_code == 0
    (folder / "new.txt").write_text("2024年,共办理各类案件120件。", encoding="utf-8")
    result = batch(folder, "-o", out, "--db", db)
    assert "1 converted, 6 already done" in result.output
    assert len(lines(out)) == 7
    assert sqlite3.connect(db).execute("SELECT count(*) FROM reports").fetchone() == (7,)
    result = batch(folder, "-o", out, "--db", db, "--force")
    assert "7 converted, 0 already done" in result.output and len(lines(out)) == 7


def test_batch_truncated_last_line_is_redone(tmp_path):
    folder = make_folder(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    assert batch(folder, "-o", out).exit_code == 0
    data = out.read_bytes()
    out.write_bytes(data[:len(data) - 500])           # a kill in the middle of the last line
    result = batch(folder, "-o", out)
    assert "1 converted, 3 already done" in result.output
    assert [r["source"]["path"] for r in lines(out)] == [str(p) for p in sorted(folder.iterdir())]


def test_batch_zip_and_tar_members_are_read_as_streams(tmp_path):
    docs = variants(3)
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in docs:
            zf.writestr(f"sub/{name}", text)
        zf.writestr("../evil/../../x.txt", "2024年,共办理各类案件5件。")
    tgz = tmp_path / "b.tar.gz"
    with tarfile.open(tgz, "w:gz") as tf:
        for name, text in docs:
            data = text.encode("gb18030")
            info = tarfile.TarInfo(f"gbk/{name}")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    out = tmp_path / "out.jsonl"
    result = batch(archive, tgz, "-o", out)
    assert result.exit_code == 0, result.output
    got = lines(out)
    assert [r["source"]["path"] for r in got] == (
        [f"{archive}!/sub/{n}" for n, _ in docs] + [f"{archive}!/../evil/../../x.txt"] + [f"{tgz}!/gbk/{n}" for n, _ in docs])
    assert {r["source"]["encoding"] for r in got[-3:]} == {"gb18030"}
    assert not (tmp_path.parent / "x.txt").exists() and not (tmp_path / "evil").exists()


def test_batch_bad_inputs_are_recorded_and_never_stop_the_run(tmp_path):
    folder = make_folder(tmp_path, 3)
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (folder / "huge.txt").write_text("共办理案件5件。" * 10000, encoding="utf-8")
    bomb = folder / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", "0" * 90_000)          # under --max-bytes, but 900:1 compressed
    broken = folder / "broken.zip"
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("good.txt", SAMPLE_TEXTS[next(iter(SAMPLE_TEXTS))])
    data = bytearray(broken.read_bytes())
    data[60:90] = b"\x00" * 30                          # damage the member's compressed bytes
    broken.write_bytes(bytes(data))
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    # a .doc in a folder is not picked up by the default globs (legacy Word is always refused); named, it is an error
    result = batch(folder, folder / "old.doc", "-o", out, "--db", db, "--max-bytes", "100000")
    assert result.exit_code == 1
    got = lines(out)
    errors = {Path(r["error"]["path"]).name: r["error"]["kind"] for r in got if "error" in r}
    assert errors["binary.txt"] == "binary" and errors["empty.txt"] == "empty" and errors["huge.txt"] == "too_large"
    assert errors["old.doc"] == "unsupported_format"
    assert sum(Path(r["error"]["path"]).name == "old.doc" for r in got if "error" in r) == 1
    assert errors["zeros.txt"] == "archive" and errors["good.txt"] in ("archive", "broken_document")
    assert sum("error" not in r for r in got) == 3
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == len(errors)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (3,)


def test_batch_time_limit_turns_a_slow_document_into_an_error(tmp_path):
    folder = make_folder(tmp_path, 2)
    (folder / "slow.txt").write_text("一、办理案件5件,召开会议3次。\n" * 60000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = batch(folder, "-o", out, "--timeout", "0.5", "-j", "1")
    assert result.exit_code == 1
    kinds = [r["error"]["kind"] for r in lines(out) if "error" in r]
    assert kinds == ["timeout"]


def test_batch_from_list_and_emit_text(tmp_path):
    folder = make_folder(tmp_path, 3)
    listing = tmp_path / "list.txt"
    listing.write_text("# reports\n" + "\n".join(str(p) for p in sorted(folder.iterdir())) + "\n", encoding="utf-8")
    texts = tmp_path / "texts"
    out = tmp_path / "out.jsonl"
    assert batch("--from-list", listing, "-o", out, "--emit-text", texts).exit_code == 0
    for report in lines(out):
        text = (texts / f"{report['doc_id'].split(':')[1]}.txt").read_text(encoding="utf-8")
        for fig in report["metrics"] + report["case_counts"]:
            assert text[fig["span"]["start"]:fig["span"]["end"]] == fig["span"]["text"]


def test_batch_dash_reads_paths_from_stdin_like_from_list(tmp_path):
    folder = make_folder(tmp_path, 3)
    paths = sorted(folder.iterdir())
    listing = "# from find\n" + "\n".join(str(p) for p in paths[:2]) + "\n"
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", "-", str(paths[2]), "-o", str(out), "-q", "-j", "1"], input=listing)
    assert result.exit_code == 0, result.output
    assert [r["source"]["path"] for r in lines(out)] == [str(p) for p in paths]   # stdin's, then the one given
    out2 = tmp_path / "again.jsonl"
    result = CliRunner().invoke(main, ["batch", "-", "--from-list", "-", "-o", str(out2), "-q", "-j", "1"], input=listing)
    assert result.exit_code == 0 and len(lines(out2)) == 2   # stdin is read once, not twice


def test_batch_pipe_gets_only_results_and_summary_on_stderr(tmp_path):
    folder = make_folder(tmp_path, 2)
    proc = subprocess.run([sys.executable, "-m", "jcreport", "batch", str(folder)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 2 and all(json.loads(line)["doc_id"] for line in proc.stdout.splitlines())
    assert proc.stderr.count("\n") == 1 and "2 documents" in proc.stderr
    quiet = subprocess.run([sys.executable, "-m", "jcreport", "batch", str(folder), "-q"], capture_output=True,
                           text=True, timeout=120)
    assert quiet.stderr == ""


def test_batch_sigkill_mid_run_then_resume_exactly_once(tmp_path):
    folder = make_folder(tmp_path, 150)
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    cmd = [sys.executable, "-m", "jcreport", "batch", str(folder), "-o", str(out), "--db", str(db), "-j", "2", "-q"]
    proc = subprocess.Popen(cmd, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 20):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    first = out.read_bytes().count(b"\n")
    assert 20 <= first < 150, "the run was not killed mid-way"
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    paths = [r["source"]["path"] for r in lines(out)]
    assert sorted(paths) == sorted(str(p) for p in folder.iterdir()) and len(paths) == len(set(paths)) == 150
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT path) FROM reports").fetchone() == (150, 150)


def _convert_or_die(item):
    if item.path.endswith("die.txt"):
        os._exit(3)                                     # a worker killed mid-document (OOM, segfault)
    return {"status": "ok", "path": item.path}


def test_batch_a_worker_that_dies_costs_only_its_document(tmp_path, monkeypatch):
    from jcreport.batch import runner, worker
    from jcreport.batch.inputs import Item

    monkeypatch.setattr(worker, "convert", _convert_or_die)
    items = [Item(f"{i}.txt", file="x") for i in range(6)] + [Item("die.txt", file="x")] + \
        [Item(f"{i}.txt", file="x") for i in range(6, 12)]
    results = list(runner.converted(items, jobs=2))
    assert [item.path for item, _ in results] == [i.path for i in items]
    assert [r["status"] for _, r in results].count("error") == 1
    died = next(r for item, r in results if item.path == "die.txt")
    assert json.loads(died["json"])["error"]["kind"] == "crash"


def test_batch_mixed_formats_html_docx_pdf_in_one_run(tmp_path):
    from formats.make_pdf import report_pdf
    from test_formats import make_docx

    folder = tmp_path / "mixed"
    folder.mkdir()
    html_dir = Path(__file__).parent / "formats" / "html"
    pages = sorted(html_dir.glob("*.html"))[:3]
    for page in pages:
        (folder / page.name).write_bytes(page.read_bytes())
    (folder / "report.docx").write_bytes(make_docx())
    (folder / "report.pdf").write_bytes(report_pdf())
    (folder / "scan.pdf").write_bytes(__import__("formats.make_pdf", fromlist=["image_pdf"]).image_pdf())
    texts, out, db = tmp_path / "texts", tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    result = batch(folder, "-o", out, "--db", db, "--emit-text", texts)
    assert result.exit_code == 1                       # the scanned PDF has no text layer
    got = lines(out)
    formats = {Path(r["source"]["path"]).name: r["source"]["format"] for r in got if "source" in r}
    assert formats == {**{p.name: "html" for p in pages}, "report.docx": "docx", "report.pdf": "pdf"}
    assert [r["error"]["kind"] for r in got if "error" in r] == ["no_text"]
    pdf = next(r for r in got if r.get("source", {}).get("format") == "pdf")
    assert {(c["raw"], c["action"]) for c in pdf["case_counts"]} >= {("5725件", "审查逮捕"), ("8616人", "审查逮捕")}
    for report in (r for r in got if "source" in r):
        text = (texts / f"{report['doc_id'].split(':')[1]}.txt").read_text(encoding="utf-8")
        for fig in report["metrics"] + report["case_counts"] + report["measures"]:
            assert text[fig["span"]["start"]:fig["span"]["end"]] == fig["span"]["text"]
    con = sqlite3.connect(db)
    assert sorted(con.execute("SELECT format, count(*) FROM reports GROUP BY format").fetchall()) == [
        ("docx", 1), ("html", 3), ("pdf", 1)]


def test_extract_reads_docx_and_pdf_too(tmp_path):
    from formats.make_pdf import report_pdf
    from test_formats import make_docx

    (tmp_path / "r.pdf").write_bytes(report_pdf())
    (tmp_path / "r.docx").write_bytes(make_docx())
    for name, fmt in (("r.pdf", "pdf"), ("r.docx", "docx")):
        result = CliRunner().invoke(main, ["extract", str(tmp_path / name)])
        assert result.exit_code == 0 and json.loads(result.output)["source"]["format"] == fmt


def test_batch_progress_bar_on_a_terminal(tmp_path):
    import pty

    folder = make_folder(tmp_path, 8)
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "jcreport", "batch", str(folder), "-o", str(tmp_path / "o.jsonl"),
                             "-j", "1"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
                            env={**os.environ, "COLUMNS": "160", "TERM": "xterm"})
    os.close(slave)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    proc.wait(timeout=120)
    os.close(master)
    text = screen.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "converting" in text and "/8" in text and "chars/s" in text and "ETA" in text
    assert "8 documents (8 converted" in text
