"""Reading one input (a path or ``-`` for stdin) into decoded text, with one-line errors."""
from __future__ import annotations

import sys
from pathlib import Path

from .decode import decode
from .errors import InputIsDirectory, InputNotFound, UnreadableInput


def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if p.is_dir():
        raise InputIsDirectory(path, "is a directory, not a report file")
    if not p.exists():
        raise InputNotFound(path, "no such file")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise UnreadableInput(path, f"cannot read: {exc.strerror or exc}") from None


def read_input(path: str) -> tuple[str, str, str | None]:
    """Return ``(text, encoding, name)``; name is None for stdin."""
    name = None if path == "-" else path
    text, encoding = decode(read_bytes(path), path if name else "<stdin>")
    return text, encoding, name
