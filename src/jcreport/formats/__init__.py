"""Document formats: bytes of a .txt, .html/.htm, .docx or .pdf to the text jcreport extracts from.

``read_document(data, name)`` dispatches on the file name's extension and returns an
``Extracted``; offsets of every record refer to ``Extracted.text``. Failures raise the
JcreportError subclasses of ``jcreport.errors`` (UnsupportedFormat, NoTextLayer, BrokenDocument …).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str        # txt | html | docx | pdf
    encoding: str      # the text encoding for txt and html; "docx" / "pdf" for those


def read_document(data: bytes, name: str) -> Extracted:
    """Placeholder until the format readers land: plain text only."""
    from ..decode import decode

    text, encoding = decode(data, name)
    return Extracted(text, "txt", encoding)
