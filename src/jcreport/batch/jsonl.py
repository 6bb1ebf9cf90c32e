"""The JSON Lines sink: one Report (or error line) a line, resumable and repaired after a kill.

On opening an existing file it reads what is there: every complete line says a document is done
(its path and doc_id; an error line its path). A last line cut short by a killed run (no newline,
or not JSON) is cut off, so the next run redoes that document. Each line is written whole and
flushed, so a SIGKILL loses at most the line being written.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import OutputError
from .sink import Sink


class JsonlSink(Sink):
    name = "jsonl"

    def __init__(self, path: str, force: bool = False) -> None:
        super().__init__()
        self.path = path
        if path == "-":
            self.fh = sys.stdout
            return
        target = Path(path)
        try:
            if force or not target.exists():
                self.fh = open(target, "w", encoding="utf-8")
            else:
                self._resume(target)
                self.fh = open(target, "a", encoding="utf-8")
        except OSError as exc:
            raise OutputError(path, f"cannot write: {exc.strerror or exc}") from None

    def _resume(self, target: Path) -> None:
        data = target.read_bytes()
        good = 0
        for number, raw in enumerate(data.splitlines(keepends=True), 1):
            if not raw.endswith(b"\n"):
                break                                  # cut short by a kill: redo it
            try:
                line = json.loads(raw)
            except ValueError:
                if good + len(raw) == len(data):
                    break
                raise OutputError(self.path, f"line {number} is not JSON; not resuming into a damaged file") from None
            self._mark(line)
            good += len(raw)
        if good < len(data):
            with open(target, "r+b") as fh:
                fh.truncate(good)

    def _mark(self, line: dict) -> None:
        if "error" in line:
            self.failed.add(line["error"]["path"])
        else:
            self.done.add((line["source"]["path"], line["doc_id"]))

    def drop_failed(self) -> None:
        """--retry-failed: forget recorded errors (their lines are rewritten away)."""
        if not self.failed or self.path == "-":
            return
        self.fh.close()
        target = Path(self.path)
        kept = [raw for raw in target.read_bytes().splitlines(keepends=True) if not raw.startswith(b'{"error"')]
        target.write_bytes(b"".join(kept))
        self.failed.clear()
        self.fh = open(target, "a", encoding="utf-8")

    def write(self, result: dict) -> None:
        try:
            self.fh.write(result["json"] + "\n")
            self.fh.flush()
        except BrokenPipeError:
            raise                                      # | head: the reader is gone, end quietly
        except OSError as exc:
            raise OutputError(self.path, f"cannot write: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self.fh is not sys.stdout:
            self.fh.close()
