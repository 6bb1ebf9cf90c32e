"""PDF (.pdf): the text layer, read with pdfminer.six, as paragraphs one per line.

pdfminer.six gives every glyph with its box; ``pdf_layout`` rebuilds rows, table cells and
paragraphs from them. A glyph gap is a space only between non-CJK glyphs (letter-spaced or
justified Chinese lines get none), so "5725件" stays whole. No text at all → NoTextLayer (a scanned
PDF); a password needed to open, or a damaged file → BrokenDocument. A PDF whose owner password
only forbids copying is read (that is the reader's own document).

Chosen by measurement (``python bench/bench_pdf.py``; PDFs made by tests/formats/make_pdf.py with
reportlab's STSong-Light: a 2-page report with wrapped justified paragraphs, a table, running header
and page numbers; letter-spaced lines; the report encrypted with an owner password)::

    candidate                                 P      R     F1   paras spaces  figures  pages/s
    pdfminer.six + own layout (chosen)    1.000  1.000  1.000  29/29       0  51/51       86.4
    pdfminer.six extract_text             0.941  0.973  0.957  12/29      37  48/51       74.3
    pypdf extract_text                    0.968  1.000  0.984  12/29      28  51/51      300.5
    pypdf + text-only line joining        0.976  0.976  0.976  17/29       0  51/51      286.6
    pdfplumber extract_text               0.968  1.000  0.984  12/29      45  48/51       47.8
    pypdfium2 get_text_range              0.968  1.000  0.984  12/29      16  51/51      212.7

(paras: expected paragraphs / table rows output as exact lines; spaces: spurious spaces next to
CJK; figures: figures intact in the raw output.) Every library keeps the CJK characters; they differ
in what comes around them. pypdf is 3.5x faster, but its text has no geometry: wrapped lines can
only be joined by guessing from their length (17/29 paragraphs), table cells are not told apart
from words, page furniture stays. pdfminer.six's glyph boxes make paragraphs, rows and furniture
decidable, so quality decides for it; ~86 pages/s is well within a batch's budget. (Its own
extract_text reads a table column by column and spaces out letter-spaced lines: "5 7 2 5".)
"""
from __future__ import annotations

import io
import re
import struct
import zlib

from ..errors import BrokenDocument, NoTextLayer
from . import Extracted
from .cjk import is_cjk, squeeze_layout_spaces
from .pdf_layout import TextLine, drop_furniture, paragraphs, rows

SPACE_GAP = 0.5        # ems between two glyphs of a line that stand for a space (non-CJK only)
_CID = re.compile(r"\(cid:\d+\)")
_SPACES = re.compile(r"\s+")


def _line_text(line) -> str:
    """A line's glyphs; a space only where the PDF has one, or a wide gap between non-CJK glyphs."""
    from pdfminer.layout import LTChar

    parts: list[str] = []
    prev = None
    for obj in line:
        if not isinstance(obj, LTChar):
            continue
        text = obj.get_text()
        if prev is not None and parts and not parts[-1][-1:].isspace() and text and not text.isspace():
            gap = obj.x0 - prev.x1
            if gap > SPACE_GAP * max(prev.size, 1.0) and not is_cjk(parts[-1][-1]) and not is_cjk(text[0]):
                parts.append(" ")
        parts.append(text)
        prev = obj
    return squeeze_layout_spaces(_SPACES.sub(" ", "".join(parts))).strip()


def _text_lines(layout, number: int) -> list[TextLine]:
    from pdfminer.layout import LTTextLine

    found = []

    def visit(obj) -> None:
        if isinstance(obj, LTTextLine):
            text = _line_text(obj)
            if text:
                found.append(TextLine(text, obj.x0, obj.x1, obj.y0, obj.y1, number))
        elif hasattr(obj, "__iter__"):
            for child in obj:
                visit(child)

    visit(layout)
    return found


def _broken(name: str, exc: BaseException) -> BrokenDocument:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
        return BrokenDocument(name, "encrypted PDF: it needs a password to open")
    detail = " ".join(str(exc).split())[:160] or type(exc).__name__
    return BrokenDocument(name, f"corrupt or truncated PDF ({detail})")


def page_lines(data: bytes, name: str) -> tuple[list[list[TextLine]], list[float]]:
    """The text lines of every page and the page heights, or BrokenDocument."""
    import logging

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    # pdfminer logs every repair of a readable file (and ignoring a no-copy flag) as a warning;
    # what jcreport has to say about a file it raises itself.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages, heights = [], []
    params = LAParams(boxes_flow=None, all_texts=True)
    try:
        for number, layout in enumerate(extract_pages(io.BytesIO(data), laparams=params)):
            pages.append(_text_lines(layout, number))
            heights.append(layout.height)
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, struct.error, zlib.error, RecursionError) as exc:
        raise _broken(name, exc) from None
    if not heights:
        raise BrokenDocument(name, "corrupt PDF: no pages found")
    return pages, heights


def pdf_text(data: bytes, name: str) -> str:
    pages, heights = page_lines(data, name)
    pages = drop_furniture([rows(page) for page in pages], heights)
    text = "\n".join(paragraphs(pages))
    if _CID.search(text):
        glyphs = sum(len(m.group()) for m in _CID.finditer(text))
        if glyphs > len(text) / 2:
            raise NoTextLayer(name, "no usable text layer: its fonts map no glyphs to Unicode (OCR it)")
        text = _CID.sub("", text)
    return text


def read(data: bytes, name: str) -> Extracted:
    if b"%PDF-" not in data[:1024]:
        raise BrokenDocument(name, "not a PDF (no %PDF- header)")
    text = pdf_text(data, name)
    if not text.strip():
        raise NoTextLayer(name, "no text layer (scanned PDF?)")
    return Extracted(text, "pdf", "pdf")
