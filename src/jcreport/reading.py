"""Reading one input (a path or ``-`` for stdin) into decoded text, with one-line errors."""
from __future__ import annotations

import sys
from pathlib import Path

from .formats import Extracted, read_document
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


def read_input(path: str) -> tuple[Extracted, str | None]:
    """The text of one input (.txt in any supported encoding, .html, .docx, .pdf; ``-`` is stdin,
    read as text or by its content) and its name (None for stdin)."""
    name = None if path == "-" else path
    return read_document(read_bytes(path), path if name else "<stdin>"), name
