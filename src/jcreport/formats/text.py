"""Plain text (.txt, and files whose extension says nothing): decoded by ``jcreport.decode``."""
from __future__ import annotations

from ..decode import decode
from . import Extracted


def read(data: bytes, name: str) -> Extracted:
    text, encoding = decode(data, name)
    return Extracted(text, "txt", encoding)
