"""Word .docx (python-docx): the body's paragraphs and tables in document order.

A paragraph is a line; a table row is a line with its cells joined by a tab (a merged cell once);
a table of one column, or one holding other tables, is layout: its cells' paragraphs are lines.
A paragraph's text is read from its XML: runs inside hyperlinks, content controls, smart tags and
tracked insertions count, tracked deletions do not. Headers, footers, footnotes, comments and
text boxes are not body text and are left out. Word's automatic list numbers are not in the text (Word computes them
when it renders), so a heading numbered by a list style comes without its "一、".
"""
from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import BrokenDocument, NoTextLayer, UnsupportedFormat
from . import Extracted
from .cjk import join_wrapped
from .kinds import LEGACY_DOC

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# paragraph content: what a tag stands for, and the subtrees that are not the paragraph's text
TEXT_TAGS = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
SKIPPED = frozenset({f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{W}instrText", f"{W}delText",
                     f"{W}footnoteReference", f"{W}commentReference", f"{MC}Fallback", f"{W}pPr", f"{W}rPr"})


def open_docx(data: bytes, name: str):
    """The python-docx Document, or BrokenDocument / UnsupportedFormat with a one-line reason."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if data.startswith(OLE2):
        raise UnsupportedFormat(name, "not a .docx but an OLE2 file: an encrypted (password-protected) Word "
                                      f"document, or {LEGACY_DOC}")
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError) as exc:
        problem = "not a zip package" if "zip" in str(exc).lower() or not data.startswith(b"PK") else str(exc)
        raise BrokenDocument(name, f"corrupt or truncated .docx ({problem})") from None
    except KeyError as exc:
        raise BrokenDocument(name, f"corrupt .docx: part {exc} is missing") from None
    except XMLSyntaxError as exc:
        raise BrokenDocument(name, f"corrupt .docx: bad XML ({_one_line(exc)})") from None
    except (ValueError, zipfile.LargeZipFile, EOFError, OSError, zlib.error, NotImplementedError) as exc:
        raise BrokenDocument(name, f"corrupt or truncated .docx ({_one_line(exc)})") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _clean(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def paragraph_text(element) -> str:
    """The text of a w:p element (or of any part of one)."""
    parts = []
    for child in element.iterchildren():
        tag = child.tag
        if tag in SKIPPED or not isinstance(tag, str):
            continue
        if tag in TEXT_TAGS:
            parts.append(child.text or "" if TEXT_TAGS[tag] is None else TEXT_TAGS[tag])
        else:
            parts.append(paragraph_text(child))
    return "".join(parts)


def block_lines(parent, owner) -> list[str]:
    """Lines of the paragraphs and tables directly in ``parent`` (a body, a cell, a content control)."""
    from docx.table import Table

    lines = []
    for child in parent.iterchildren():
        if child.tag == f"{W}p":
            lines += _clean(paragraph_text(child))
        elif child.tag == f"{W}tbl":
            lines += table_lines(Table(child, owner))
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                lines += block_lines(content, owner)
    return lines


def _cells(row) -> list:
    """The row's cells, a horizontally merged cell once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def table_lines(table) -> list[str]:
    rows = [_cells(row) for row in table.rows]
    nested = table._tbl.find(f".//{W}tbl") is not None
    if nested or max(map(len, rows), default=0) < 2:
        return [line for row in rows for cell in row for line in block_lines(cell._tc, cell)]
    lines = []
    for row in rows:
        texts = []
        for cell in row:
            text = ""
            for line in block_lines(cell._tc, cell):
                text = join_wrapped(text, line.replace("\t", " "))
            texts.append(text)
        if any(texts):
            lines.append("\t".join(texts))
    return lines


def read(data: bytes, name: str) -> Extracted:
    document = open_docx(data, name)
    try:
        lines = block_lines(document.element.body, document)
    except (KeyError, ValueError, AttributeError, IndexError) as exc:
        raise BrokenDocument(name, f"corrupt .docx: unreadable body ({_one_line(exc)})") from None
    if not lines:
        raise NoTextLayer(name, "no text in the .docx body (empty, or only images)")
    return Extracted("\n".join(lines), "docx", "docx")
