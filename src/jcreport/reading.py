"""Reading one input (a path or ``-`` for stdin) into decoded text, with one-line errors."""
from __future__ import annotations

import sys
from pathlib import Path

from .formats import Extracted, read_document
from .errors import DocumentTooLarge, InputIsDirectory, InputNotFound, UnreadableInput

MAX_BYTES = 20_000_000   # the largest input read by default (extract --max-bytes, batch --max-bytes)


def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file or of stdin, at most ``max_bytes``: never more is read (so /dev/zero or an
    endless pipe stops with an error, not by exhausting memory)."""
    if path == "-":
        return _bounded(sys.stdin.buffer, "<stdin>", max_bytes)
    p = Path(path)
    if p.is_dir():
        raise InputIsDirectory(path, "is a directory, not a report file")
    if not p.exists():
        raise InputNotFound(path, "no such file")
    try:
        with open(p, "rb") as fh:
            return _bounded(fh, path, max_bytes)
    except OSError as exc:
        raise UnreadableInput(path, f"cannot read: {exc.strerror or exc}") from None


def _bounded(fh, name: str, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentTooLarge(name, f"more than the limit of {max_bytes} bytes (--max-bytes)")
    return data


def read_input(path: str, max_bytes: int = MAX_BYTES) -> tuple[Extracted, str | None]:
    """The text of one input (.txt in any supported encoding, .html, .docx, .pdf; ``-`` is stdin,
    read as text or by its content) and its name (None for stdin)."""
    name = None if path == "-" else path
    return read_document(read_bytes(path, max_bytes), path if name else "<stdin>"), name
