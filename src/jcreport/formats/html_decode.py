"""Bytes of an HTML page to text: a byte-order mark, else the charset the page declares, else
``jcreport.decode``'s detection.

A page in its declared charset with a few bad bytes (a scraper cut a character in two) is read
as a browser reads it, each bad byte a U+FFFD, as long as they stay under ``MAX_BAD`` of the
text (or ``FEW_BAD`` characters); more than that and the declaration is taken for a lie and the encoding detected.

>>> decode_html('<meta charset="gb2312"><p>检察</p>'.encode("gbk"))
('<meta charset="gb2312"><p>检察</p>', 'gb18030')
>>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">')
'gbk'
"""
from __future__ import annotations

import codecs
import re

from ..decode import decode
from ..errors import UndecodableInput

# <meta charset=...>, <meta http-equiv content="...; charset=...">, <?xml ... encoding="..."?>
_DECLARED = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.I)
# Declared names that mean a bigger codec in practice (browsers do the same).
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
            "cp936": "gb18030", "csgb2312": "gb18030", "euc-cn": "gb18030", "big5": "big5hkscs",
            "utf8": "utf-8", "unicode": "utf-8"}
# Single-byte Western charsets on a Chinese page are a mistake of the site: detect instead.
_DISTRUSTED = {"latin_1", "iso8859-1", "cp1252", "ascii", "iso8859-15"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)      # jcreport.decode reads these
MAX_BAD = 0.005
FEW_BAD = 4


def declared_charset(data: bytes) -> str | None:
    """The charset the first 4 KB of the page declare, lowercased, as written."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def _codec(label: str) -> str | None:
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name in _DISTRUSTED or name.startswith("utf-16") else name


def decode_html(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` of the page, or raise the errors of ``jcreport.decode``."""
    if data.startswith(_BOMS):
        return decode(data, path)
    label = declared_charset(data)
    codec = _codec(label) if label else None
    if codec:
        text = data.decode(codec, errors="replace")
        if text.strip() and text.count("\ufffd") <= max(FEW_BAD, MAX_BAD * len(text)):
            return text, codec.replace("big5hkscs", "big5")
    try:
        return decode(data, path)
    except UndecodableInput as exc:
        suffix = f" (the page declares {label})" if label else ""
        raise UndecodableInput(path, exc.problem + suffix) from None
