"""Outline: the numbered structure of a report as a section tree.

Numbering families (一、 (一) 1. 1、 (1) ⑴ ① 第一, 一是 …) are nested by first appearance, as
in a nested list: a family already open on the stack closes everything opened after it; a new
family nests under the innermost open section. Unnumbered heading lines (``lexicons/outline.yaml``)
open a top-level section. A run of 一是…二是… inside a paragraph is a level of its own whose items
end with the paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .doc import Doc, SectionNode
from .resources import lexicon_path

_CN = "一二三四五六七八九十"
_BLOCK_MARKERS = [
    ("一、", rf"[{_CN}]+\s*[、.]"),
    ("(一)", rf"\(\s*[{_CN}]+\s*\)[、.]?"),
    ("第一", rf"第[{_CN}]+[,、:]"),
    ("1.", r"\d{1,2}\s*[.、](?!\d)"),
    ("(1)", r"\(\s*\d{1,2}\s*\)[、.]?"),
    ("⑴", r"[⑴-⒇]"),
    ("①", r"[①-⑳]"),
    ("一是", rf"[{_CN}]+是(?=[^,;。的])"),
    ("一要", rf"[{_CN}]要(?=[^,;。的求])"),
]
_BLOCK = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_BLOCK_MARKERS)))
_INLINE = re.compile(rf"(?<=[。;:!?])\s*(?P<m>[{_CN}]+是|[{_CN}]要(?!求))(?=[^,;。的])")
_TITLE_END = re.compile(r"[。;!?\n]")
_EMPTY = re.compile(r"")


@lru_cache(maxsize=1)
def _headings() -> re.Pattern[str]:
    data = yaml.safe_load(lexicon_path("outline.yaml").read_text(encoding="utf-8"))
    return re.compile("(?:" + "|".join(data["headings"]) + r")\s*$")


@dataclass
class _Open:
    kind: str
    node: SectionNode
    children: int = 0


def _title_end(norm: str, start: int, line_end: int) -> int:
    m = _TITLE_END.search(norm, start, line_end)
    return m.end() if m and norm[m.start()] != "\n" else line_end


def _line_marker(norm: str, start: int, end: int) -> tuple[str, re.Match[str]] | None:
    text = norm[start:end]
    if len(text.strip()) <= 40 and not re.search(r"[。;,]", text) and _headings().match(text.strip()):
        return "heading", _EMPTY.match(norm, start, end)  # type: ignore[return-value]
    m = _BLOCK.match(norm, start, end)
    if not m or m.end() >= end:
        return None
    kind = _BLOCK_MARKERS[int(m.lastgroup[1:])][0]
    return kind, m


class _Builder:
    """Walks the lines once, keeping the stack of open sections."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.sections: list[SectionNode] = []
        self.stack: list[_Open] = []
        self.roots = 0

    def open(self, kind: str, marker: str | None, start: int, title: tuple[int, int], inline: bool) -> SectionNode:
        parent = self.stack[-1] if self.stack else None
        if parent:
            parent.children += 1
            sid, level = f"{parent.node.id}.{parent.children}", parent.node.level + 1
        else:
            self.roots += 1
            sid, level = f"s{self.roots}", 1
        node = SectionNode(sid, marker, kind, level, title[0], title[1], start, -1,
                           parent.node.id if parent else None, inline)
        self.sections.append(node)
        return node

    def line(self, start: int, end: int) -> None:
        norm = self.norm
        while start < end and norm[start].isspace():
            start += 1
        found = _line_marker(norm, start, end)
        if found:
            kind, m = found
            if kind == "heading":
                self.stack.clear()
            else:
                for i, item in enumerate(self.stack):
                    if item.kind == kind:
                        del self.stack[i:]
                        break
            node = self.open(kind, m.group().strip() or None, start, (m.end(), _title_end(norm, m.end(), end)), False)
            self.stack.append(_Open(kind, node))
        self.inline_run(start, end)

    def inline_run(self, start: int, end: int) -> None:
        """一是……二是…… inside one paragraph: items under the open section, ending with the line."""
        marks = list(_INLINE.finditer(self.norm, start, end))
        if len(marks) < 2 or not marks[0].group("m").startswith("一"):
            return
        for m in marks:
            node = self.open("一是@inline", m.group("m"), m.start("m"),
                             (m.end("m"), _title_end(self.norm, m.end("m"), end)), True)
            node.end = end


def build(doc: Doc) -> list[SectionNode]:
    builder = _Builder(doc.norm)
    for line in doc.lines:
        builder.line(line.start, line.end)
    _close(builder.sections, len(doc.norm))
    return builder.sections


def _close(sections: list[SectionNode], text_end: int) -> None:
    """Extent of each block section: up to the next section at its level or above."""
    blocks = [s for s in sections if not s.inline]
    for i, sec in enumerate(blocks):
        sec.end = next((o.start for o in blocks[i + 1:] if o.level <= sec.level), text_end)
    for sec in sections:
        if sec.inline:
            nxt = [o.start for o in sections if o.inline and o.parent == sec.parent and sec.start < o.start < sec.end]
            if nxt:
                sec.end = min(nxt)


def run(doc: Doc) -> None:
    """Reads ``lines`` and ``norm``; writes ``sections``."""
    doc.sections = build(doc)
