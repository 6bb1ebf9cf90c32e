"""Formats jcreport does not read, and what the first bytes of a file without a known extension say.

>>> refusal(".doc")
'legacy .doc (Word 97-2003) is not supported; save it as .docx'
>>> refusal(".PNG".lower())
'unsupported format .png (an image): jcreport reads .txt, .html, .docx and .pdf; run OCR first'
>>> sniff(b"%PDF-1.7 ...", "x"), sniff(b"  <!DOCTYPE html><html>", "x"), sniff("检察".encode(), "x")
('pdf', 'html', 'text')
"""
from __future__ import annotations

import io
import zipfile

from ..errors import UnsupportedFormat

READS = "jcreport reads .txt, .html, .docx and .pdf"
# extension -> what it is, and what to do instead
REFUSED = {
    ".doc": None,
    ".wps": ("a WPS Writer document", "save it as .docx"),
    ".rtf": ("an RTF document", "save it as .docx"),
    ".odt": ("an OpenDocument text", "save it as .docx"),
    ".ofd": ("an OFD document", "export it to PDF"),
    ".xls": ("a spreadsheet", "save the report as .docx or .pdf"),
    ".xlsx": ("a spreadsheet", "save the report as .docx or .pdf"),
    ".et": ("a spreadsheet", "save the report as .docx or .pdf"),
    ".csv": ("a spreadsheet", "save the report as .docx or .pdf"),
    ".ppt": ("a presentation", "save the report as .docx or .pdf"),
    ".pptx": ("a presentation", "save the report as .docx or .pdf"),
    ".dps": ("a presentation", "save the report as .docx or .pdf"),
    ".zip": ("an archive", "unpack it first"), ".rar": ("an archive", "unpack it first"),
    ".7z": ("an archive", "unpack it first"), ".gz": ("an archive", "unpack it first"),
    ".tar": ("an archive", "unpack it first"), ".tgz": ("an archive", "unpack it first"),
    **{ext: ("an image", "run OCR first") for ext in
       (".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic")},
    **{ext: ("audio or video", "transcribe it first") for ext in (".mp3", ".mp4", ".wav", ".avi", ".mov")},
    ".mht": ("a web archive", "save the page as .html"), ".mhtml": ("a web archive", "save the page as .html"),
}
LEGACY_DOC = "legacy .doc (Word 97-2003) is not supported; save it as .docx"
# first bytes -> (format name for messages, ext to refuse as) of binary formats
MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),     # OLE2: .doc, .xls, .ppt, encrypted Office
    (b"\x89PNG", ".png"), (b"\xff\xd8\xff", ".jpg"), (b"GIF8", ".gif"),
    (b"II*\x00", ".tif"), (b"MM\x00*", ".tif"), (b"BM", ".bmp"),
    (b"Rar!", ".rar"), (b"7z\xbc\xaf", ".7z"), (b"\x1f\x8b", ".gz"), (b"{\\rtf", ".rtf"),
)


def refusal(ext: str) -> str | None:
    """The one-line reason a file with this extension is refused, or None if it may be read."""
    if ext == ".doc":
        return LEGACY_DOC
    if ext not in REFUSED:
        return None
    what, instead = REFUSED[ext]
    return f"unsupported format {ext} ({what}): {READS}; {instead}"


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ".zip"
    if "word/document.xml" in names:
        return ".docx"
    if any(n.startswith("xl/") for n in names):
        return ".xlsx"
    if any(n.startswith("ppt/") for n in names):
        return ".pptx"
    return ".zip"


def sniff(data: bytes, name: str) -> str:
    """The reader module for a file whose extension says nothing; refuses known binary formats."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind == ".docx":
            return "docx"
        raise UnsupportedFormat(name, f"{refusal(kind)} (detected from its content)")
    for magic, ext in MAGIC:
        if data.startswith(magic):
            what = "legacy Office document (Word/Excel/PowerPoint 97-2003 or encrypted)" if ext == ".doc" else ext
            raise UnsupportedFormat(name, f"unsupported format: {what}, detected from its content; {READS}")
    if head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"
