"""Document formats: bytes of a .txt, .html/.htm, .docx or .pdf to the text jcreport extracts from.

``read_document(data, name)`` dispatches on the file name's extension and returns an
``Extracted``; offsets of every record refer to ``Extracted.text``. Failures raise the
JcreportError subclasses of ``jcreport.errors`` (UnsupportedFormat, NoTextLayer, BrokenDocument …)
with ``name`` as their path and a one-line message.

A name without an extension, or with one not listed here, is looked at: a PDF, a .docx or an
HTML page is read as such, another known binary type is refused, anything else is decoded as text.
Readers import their libraries on first use; nothing is shared between calls, so concurrent
calls (threads or processes) are safe.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import PurePath


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str        # txt | html | docx | pdf
    encoding: str      # the text encoding for txt and html; "docx" / "pdf" for those


# extension -> the module of this package that reads it
READERS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


def extension(name: str) -> str:
    """The lowercased extension of a file name ("" for none, stdin or a dot file).

    >>> extension("reports/2024工作报告.HTML"), extension("-"), extension("notes")
    ('.html', '', '')
    """
    return PurePath(name).suffix.lower() if name not in ("", "-") else ""


def read_document(data: bytes, name: str) -> Extracted:
    """The text of one document, read according to its name's extension (or its content)."""
    from ..errors import EmptyInput, UnsupportedFormat
    from .kinds import refusal, sniff

    ext = extension(name)
    if not data:
        raise EmptyInput(name, "empty input")
    module = READERS.get(ext)
    if module is None:
        reason = refusal(ext)
        if reason:
            raise UnsupportedFormat(name, reason)
        module = sniff(data, name)
    return import_module(f".{module}", __name__).read(data, name)
