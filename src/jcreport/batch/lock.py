"""One writer per output: an advisory lock on ``<output>.lock`` held for the whole run.

``flock`` is released by the kernel whenever the process ends, however it ends (kill -9 too), so a
lock file left behind by a dead run is stale by construction and is simply taken again; the file
holds the pid of the run that holds it, for the error message.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from ..errors import OutputError


class OutputLock:
    def __init__(self, output: str) -> None:
        self.path = Path(output + ".lock")
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(output, f"cannot write: {exc.strerror or exc}") from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(self.fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(self.fd)
            raise OutputError(output, f"another jcreport batch (pid {holder}) is writing to it; "
                                      f"wait for it or write elsewhere") from None
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            self.path.unlink()
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None
