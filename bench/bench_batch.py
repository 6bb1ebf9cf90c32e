"""Batch throughput and scaling: a generated archive of N documents built from the samples,
converted with -j 1 and -j 2 (more with --jobs); documents/s, chars/s, the speed-up, and the peak
resident memory of the whole process tree (the parent and its workers, sampled from /proc); then
the time a rerun over the finished output takes, against the run itself.

--executor dask (or both) converts on a LocalCluster of -j workers (``batch --executor dask --dask
local``; the dask extra); --repeat N runs every configuration N times, interleaved (each round runs
them all in turn, so a change in the machine's load falls on all alike), and prints medians. Wall
time includes starting the workers (a LocalCluster's start); "in run" is the summary line's time,
from the first document to the last.

Usage: python bench/bench_batch.py [--docs 1000] [--jobs 1 2] [--db] [--executor processes|dask|both] [--repeat 1]
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_archive(folder: Path, docs: int) -> tuple[Path, int]:
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    archive, chars = folder / "reports.zip", 0
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(docs):
            text = f"第{i}号材料\n{samples[i % len(samples)]}"
            chars += len(text)
            zf.writestr(f"reports/{i:05d}.txt", text)
    return archive, chars


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, StopIteration):
            continue
    return total


def run(archive: Path, out: Path, jobs: int, db: bool, force: bool = True, executor: str = "processes"
        ) -> tuple[float, int, dict]:
    cmd = [sys.executable, "-m", "jcreport", "batch", str(archive), "-o", str(out), "-j", str(jobs)] + (["--force"] * force)
    cmd += ["--executor", "dask", "--dask", "local"] if executor == "dask" else []
    if db:
        cmd += ["--db", str(out.with_suffix(".sqlite"))]
    start, peak = time.perf_counter(), 0
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"batch failed: {err}")
    lines = out.read_text(encoding="utf-8").splitlines()
    in_run = float(re.search(r"([\d.]+) s\s*$", err).group(1))
    return seconds, peak, {"lines": len(lines), "errors": sum('"error"' in line[:10] for line in lines), "in_run": in_run}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--db", action="store_true", help="also write the SQLite database")
    ap.add_argument("--executor", choices=("processes", "dask", "both"), default="processes")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each configuration, interleaved; medians shown")
    args = ap.parse_args()
    executors = ("processes", "dask") if args.executor == "both" else (args.executor,)
    with tempfile.TemporaryDirectory() as tmp:
        archive, chars = build_archive(Path(tmp), args.docs)
        print(f"{args.docs} documents, {chars} chars, archive {archive.stat().st_size} bytes; cores: {os.cpu_count()}")
        configs = [(executor, jobs) for executor in executors for jobs in args.jobs]
        runs: dict[tuple[str, int], list] = {c: [] for c in configs}
        for _ in range(args.repeat):
            for executor, jobs in configs:
                runs[executor, jobs].append(run(archive, Path(tmp) / f"out-{executor}{jobs}.jsonl", jobs, args.db,
                                                executor=executor))
        base = None
        for (executor, jobs), measured in runs.items():
            seconds = statistics.median(r[0] for r in measured)
            in_run = statistics.median(r[2]["in_run"] for r in measured)
            peak, check = max(r[1] for r in measured), measured[-1][2]
            base = base or seconds
            print(f"{executor:>9} -j {jobs}: {seconds:6.2f} s  {args.docs / seconds:7.1f} docs/s  {chars / seconds / 1e6:5.2f} M chars/s"
                  f"  speed-up {base / seconds:4.2f}x  in run {in_run:6.2f} s ({args.docs / in_run:6.1f} docs/s)"
                  f"  peak RSS {peak / 2**20:6.0f} MiB  ({check['lines']} lines, {check['errors']} errors;"
                  f" {len(measured)} runs: {', '.join(f'{r[0]:.2f}' for r in measured)} s)")
        # resume: the same run again over its finished output; "already done" is decided on the bytes
        executor, jobs = configs[-1]
        out = Path(tmp) / f"out-{executor}{jobs}.jsonl"
        again, _, check = run(archive, out, jobs, args.db, force=False, executor=executor)
        first, _, _ = run(archive, Path(tmp) / "fresh.jsonl", jobs, args.db, executor=executor)
        print(f"resume of a finished run ({executor} -j {jobs}): {again:6.2f} s against {first:6.2f} s for the run itself:"
              f" {again / first:.1%} ({check['lines']} lines kept)")


if __name__ == "__main__":
    main()
