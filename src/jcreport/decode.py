"""Bytes to text: detect the encoding of a report and decode it exactly.

Tried in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, then the Chinese
legacy encodings GB18030 (a superset of GBK and GB2312) and Big5. GB18030 accepts almost any
byte string, so between it and Big5 the decoding whose characters are common Chinese characters
wins (``lexicons/common_chars.txt``). Binary input (NUL bytes, control characters) is refused.
"""
from __future__ import annotations

import re

import codecs
from functools import lru_cache

from .errors import BinaryInput, EmptyInput, UndecodableInput
from .resources import lexicon_path

# (byte-order mark, codec that consumes it, the name recorded in source.encoding)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_LEGACY = ("gb18030", "big5")
_CONTROL = frozenset(chr(c) for c in range(32)) - set("\t\n\r\f\v")


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    text = lexicon_path("common_chars.txt").read_text(encoding="utf-8")
    return frozenset(ch for line in text.splitlines() if not line.startswith("#") for ch in line.strip())


def _common_share(text: str) -> float:
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    common = _common_chars()
    return sum(ch in common for ch in cjk) / len(cjk)


def _check_text(text: str, path: str | None, encoding: str) -> None:
    sample = text[:4096]
    controls = sum(ch in _CONTROL for ch in sample)
    if controls > max(2, len(sample) // 100):
        raise BinaryInput(path, f"binary data, not a text report ({controls} control characters decoded as {encoding})")


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a report, or raise a JcreportError."""
    if not data.strip():
        raise EmptyInput(path, "empty input" if not data else "input holds only whitespace")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UndecodableInput(path, f"invalid {name} after its byte-order mark at byte {exc.start}") from None
            return _finish(text, path, name)
    nul = data.find(b"\x00", 0, 65536)
    if nul >= 0:
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return _finish(guessed[0], path, guessed[1])
        raise BinaryInput(path, f"binary data, not a text report (NUL byte at offset {nul})")
    try:
        return _finish(data.decode("utf-8"), path, "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in _LEGACY:
        try:
            candidates.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise UndecodableInput(path, "not valid UTF-8, UTF-16, GB18030/GBK or Big5 text")
    text, encoding = max(candidates, key=lambda c: _common_share(c[0]))
    return _finish(text, path, encoding)


def _finish(text: str, path: str | None, encoding: str) -> tuple[str, str]:
    _check_text(text, path, encoding)
    if not text.strip():
        raise EmptyInput(path, "input holds only whitespace")
    return text, encoding


_PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\n\r]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (Windows tools do): the NUL bytes of its ASCII
    characters stand all at odd offsets (little-endian) or all at even ones (big-endian), and the
    decoded text is Chinese and ASCII, not control codes."""
    if len(data) % 2:
        return None
    head = data[:65536]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros and zeros >= 4 * others:                # (一 U+4E00 puts a NUL on the other side)
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            sample = text[:20000]
            if sample and len(_PLAUSIBLE.findall(sample)) >= 0.95 * len(sample):
                return text, codec
    return None
