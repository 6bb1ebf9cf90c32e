"""The JSON Lines sink: one Report (or error line) a line, resumable and repaired after a kill.

On opening an existing file it reads what is there, a line at a time (never the whole file):
every complete line says a document is done (its path and doc_id; an error line its path). A last
line cut short by a killed run (no newline, or not JSON) is cut off, so the next run redoes that
document. Each line is written whole and flushed, so a SIGKILL loses at most the line being written.
Only a regular file is resumed: stdout, a pipe, a FIFO or a device (/dev/null, /dev/full) is
written as a stream. One run at a time writes a file (lock.py).
"""
from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path

from ..errors import OutputError
from .lock import OutputLock
from .sink import Sink


# What resuming needs of a line is at its head, in the order jcreport writes it: read from there
# without parsing the whole report (a rerun of a finished batch stays a small fraction of the run).
_REPORT_HEAD = re.compile(rb'\{"schema_version": ?"\d+", ?"doc_id": ?"(sha256:[0-9a-f]{64})", ?"source": ?\{"path": ?("(?:[^"\\]|\\.)*")')
_ERROR_HEAD = re.compile(rb'\{"error": ?\{"path": ?("(?:[^"\\]|\\.)*")')


def _head(raw: bytes) -> tuple[str, str, str | None] | None:
    """("report", path, doc_id) or ("error", path, None) from a complete line's head; None when
    the head is not jcreport's (then the line is parsed whole). A complete line ends in }\n."""
    if not raw.endswith(b"}\n"):
        return None
    m = _REPORT_HEAD.match(raw)
    if m:
        return "report", json.loads(m.group(2)), m.group(1).decode()
    m = _ERROR_HEAD.match(raw)
    return ("error", json.loads(m.group(1)), None) if m else None


def _identity(line: dict) -> tuple[str, str, str | None]:
    if "error" in line:
        return "error", line["error"]["path"], None
    return "report", line["source"]["path"], line["doc_id"]


class JsonlSink(Sink):
    name = "jsonl"

    def __init__(self, path: str, force: bool = False) -> None:
        super().__init__()
        self.path, self.lock = path, None
        self.paths: set[str] = set()                   # inputs with a line in the file
        self.superseded = False                        # a path written again (a changed input, a retried failure)
        if path == "-":
            self.fh = sys.stdout
            return
        target = Path(path)
        try:
            mode = target.stat().st_mode if target.exists() else None
            if mode is not None and stat.S_ISDIR(mode):
                raise OutputError(path, "is a directory, not a JSON Lines file")
            if mode is not None and not stat.S_ISREG(mode):
                self.fh = open(target, "w", encoding="utf-8")     # a stream: nothing to resume
                return
            self.lock = OutputLock(path)
            if force or mode is None:
                self.fh = open(target, "w", encoding="utf-8")
            else:
                self._resume(target)
                self.fh = open(target, "a", encoding="utf-8")
        except OSError as exc:
            if self.lock:
                self.lock.release()
            raise OutputError(path, f"cannot write: {exc.strerror or exc}") from None
        except OutputError:
            if self.lock:
                self.lock.release()
            raise

    def _resume(self, target: Path) -> None:
        good = number = 0
        with open(target, "rb") as fh:
            for raw in fh:                             # a line at a time: memory bounded by one report
                number += 1
                if not raw.endswith(b"\n"):
                    break                              # cut short by a kill: redo it
                known = _head(raw)
                if known is None:
                    try:
                        line = json.loads(raw)
                    except ValueError:
                        if not fh.read(1):
                            break                      # the last line, damaged by a kill
                        raise OutputError(self.path, f"line {number} is not JSON; not resuming into a damaged file") from None
                    known = _identity(line)
                kind, path, doc_id = known
                if kind == "error":
                    self.failed.add(path)
                else:
                    self.done.add((path, doc_id))
                self.paths.add(path)
                good += len(raw)
            size = fh.seek(0, 2)
        if good < size:
            with open(target, "r+b") as fh:
                fh.truncate(good)


    def drop_failed(self) -> None:
        """--retry-failed: forget recorded errors (their lines are rewritten away)."""
        if not self.failed or self.path == "-":
            return
        self.fh.close()
        self._rewrite(lambda number, raw: _ERROR_HEAD.match(raw) is None)
        self.paths -= self.failed - {p for p, _ in self.done}
        self.failed.clear()
        self.fh = open(self.path, "a", encoding="utf-8")

    def _compact(self) -> None:
        """A changed input replaces its old report, as in SQLite: of the lines of one path, only the
        last written stays (two passes over the file, a line at a time)."""
        last: dict[str, int] = {}
        with open(self.path, "rb") as fh:
            for number, raw in enumerate(fh):
                known = _head(raw) or _identity(json.loads(raw))
                last[known[1]] = number
        keep = set(last.values())
        self._rewrite(lambda number, raw: number in keep)

    def _rewrite(self, keep) -> None:
        """Copy the file without the lines ``keep(number, line)`` refuses, a line at a time, and put it
        in place."""
        target = Path(self.path)
        temporary = target.with_name(target.name + ".rewrite")
        with open(target, "rb") as src, open(temporary, "wb") as dst:
            for number, raw in enumerate(src):
                if keep(number, raw):
                    dst.write(raw)
        temporary.replace(target)

    def write(self, result: dict) -> None:
        if result["path"] in self.paths:
            self.superseded = True
        self.paths.add(result["path"])
        try:
            self.fh.write(result["json"] + "\n")
            self.fh.flush()
        except BrokenPipeError:
            raise                                      # | head: the reader is gone, end quietly
        except OSError as exc:
            raise OutputError(self.path, f"cannot write: {exc.strerror or exc}") from None

    def close(self) -> None:
        try:
            if self.fh is not sys.stdout:
                self.fh.close()
                if self.superseded and self.lock is not None:
                    self._compact()
        except OSError as exc:
            raise OutputError(self.path, f"cannot write: {exc.strerror or exc}") from None
        finally:
            if self.lock:
                self.lock.release()
