"""Outline: the numbered structure of a report as a section tree.

Numbering families (一、 (一) 1. 1、 (1) ⑴ ① 第一, 一是 …) are nested by first appearance, as
in a nested list: a family already open on the stack closes everything opened after it; a new
family nests under the innermost open section. Unnumbered heading lines (``lexicons/outline.yaml``,
a markdown or bold line, or a short line of its own before a paragraph) open a top-level section.
A run of 一是…二是… inside a paragraph is a level of its own whose items end with the paragraph.
Page chrome is no section. Each section gets its role (review | problems | plan): from the words
of its heading, else its parent's, else the document's default; the items of a paragraph that
admits shortcomings (同时我们也清醒认识到…一是…二是…) are problems.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .doc import Doc, Line, SectionNode
from .lexicons import Lexicon
from .patterns import alternation

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
# opens with the mark it follows (not a lookbehind), so the engine skips to the marks
_INLINE = re.compile(rf"[。;:!?]\s*(?P<m>[{_CN}]+是|[{_CN}]要(?!求))(?=[^,;。的])")
_CLAUSE_PUNCT = re.compile(r"[。;,]")
_TITLE_END = re.compile(r"[。;!?\n]")
_EMPTY = re.compile(r"")


class OutlineReader:
    def __init__(self, lex: Lexicon) -> None:
        o = lex.outline
        self.headings = re.compile("(?:" + "|".join(o.headings) + r")\s*$")
        self.roles = [(role, re.compile(alternation(words))) for role, words in o.roles.items()]
        self.problem_leads = re.compile(alternation(o.problem_leads))

    def role_of(self, title: str) -> tuple[str, str] | None:
        """(role, the word that shows it) of a heading, or None."""
        for role, words in self.roles:
            m = words.search(title)
            if m:
                return role, m.group()
        return None


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> OutlineReader:
    return OutlineReader(lex)


_STANDALONE = re.compile(r"[^。,;:!?、()\d]{4,20}")


@dataclass
class _Open:
    kind: str
    node: SectionNode
    children: int = 0


def _title_end(norm: str, start: int, line_end: int) -> int:
    m = _TITLE_END.search(norm, start, line_end)
    return m.end() if m and norm[m.start()] != "\n" else line_end


def _line_marker(norm: str, start: int, end: int, text: str, r: OutlineReader, standalone: bool = False
                 ) -> tuple[str, re.Match[str]] | None:
    """The numbering marker (or heading) a line opens with; ``text`` is the line, stripped."""
    if standalone:
        return "heading", _EMPTY.match(norm, start, end)  # type: ignore[return-value]
    if len(text) <= 40 and not _CLAUSE_PUNCT.search(text) and r.headings.match(text):
        return "heading", _EMPTY.match(norm, start, end)  # type: ignore[return-value]
    m = _BLOCK.match(norm, start, end)
    if not m or m.end() >= end:
        return None
    kind = _BLOCK_MARKERS[int(m.lastgroup[1:])][0]
    return kind, m


class _Builder:
    """Walks the lines once, keeping the stack of open sections."""

    def __init__(self, norm: str, r: OutlineReader) -> None:
        self.norm = norm
        self.reader = r
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

    def line(self, start: int, end: int, text: str, standalone: bool = False) -> None:
        """One line from ``start`` to ``end``; ``text`` is the line, stripped."""
        norm = self.norm
        while start < end and norm[start].isspace():
            start += 1
        found = _line_marker(norm, start, end, text, self.reader, standalone)
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
        if "一" in text and ("是" in text or "要" in text):   # else no run: it opens with 一是 or 一要
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


def _standalone(doc: Doc, i: int, first: int, text: str) -> bool:
    """A short line of its own without punctuation, before a paragraph (亮眼成绩单, 存在的问题): a heading.
    Never the document's first line (its title) nor a line ending in a figure. ``text``: the line, stripped."""
    if i <= first or not _STANDALONE.fullmatch(text) or _BLOCK.match(text):
        return False
    nxt = next((doc.norm[o.start:o.end].strip() for o in doc.lines[i + 1:i + 3] if doc.norm[o.start:o.end].strip()), "")
    return len(nxt) > 30 and nxt[-1:] in "。;!?" or len(nxt) > 60


def build(doc: Doc, r: OutlineReader) -> list[SectionNode]:
    builder = _Builder(doc.norm, r)
    lines = _body_lines(doc)
    first = lines[0][0] if lines else 0
    for i, line, text in lines:
        builder.line(line.start, line.end, text, _standalone(doc, i, first, text))
    _close(builder.sections, len(doc.norm))
    return builder.sections


def _body_lines(doc: Doc) -> list[tuple[int, Line, str]]:
    """(index, line, stripped text) of the non-blank lines that are no page chrome. Lines and chrome
    spans are both in text order, so one walk over the chrome spans tests every line."""
    norm = doc.norm
    chrome = doc.chrome.spans if doc.chrome is not None else []
    body, j = [], 0
    for i, ln in enumerate(doc.lines):
        text = norm[ln.start:ln.end].strip()
        if not text:
            continue
        while j < len(chrome) and chrome[j][1] <= ln.start:
            j += 1                                    # chrome spans ending before this line
        if j < len(chrome) and chrome[j][0] < ln.end:
            continue                                  # the line overlaps page chrome
        body.append((i, ln, text))
    return body


def assign_roles(doc: Doc, r: OutlineReader, default: str | None) -> None:
    """review | problems | plan on every section: its heading's words, else its parent's, else
    ``default``; inline items take problems from a paragraph that admits shortcomings."""
    by_id: dict[str, SectionNode] = {}
    for sec in doc.sections:
        title = doc.norm[sec.start:sec.title_end]
        own = r.role_of(title)
        if sec.inline and (own is None or own[0] != "plan"):
            line_start = doc.norm.rfind("\n", 0, sec.start) + 1
            lead = r.problem_leads.search(doc.norm, line_start, sec.start)
            if lead:                                  # 清醒认识到…:一是…成效不够明显: the lead, not 成效, decides
                own = ("problems", lead.group())
        parent = by_id.get(sec.parent) if sec.parent else None
        if own:
            sec.role, sec.role_cue = own
        elif parent:
            sec.role, sec.role_cue = parent.role, parent.role_cue
        else:
            sec.role, sec.role_cue = default, None
        by_id[sec.id] = sec


def _close(sections: list[SectionNode], text_end: int) -> None:
    """Extent of each block section: up to the next section at its level or above."""
    open_blocks: list[SectionNode] = []               # levels rising from bottom to top
    for sec in sections:
        if sec.inline:
            continue
        while open_blocks and sec.level <= open_blocks[-1].level:
            open_blocks.pop().end = sec.start
        open_blocks.append(sec)
    for sec in open_blocks:
        sec.end = text_end
    siblings: dict[str | None, list[SectionNode]] = {}
    for sec in sections:
        if sec.inline:
            siblings.setdefault(sec.parent, []).append(sec)
    for items in siblings.values():                   # an inline item ends where its next sibling starts
        items.sort(key=lambda o: o.start)
        starts = [o.start for o in items]
        for sec in items:
            k = bisect_right(starts, sec.start)
            if k < len(starts) and starts[k] < sec.end:
                sec.end = starts[k]


def run(doc: Doc, lex: Lexicon) -> None:
    """Reads ``lines``, ``norm`` and ``chrome``; writes ``sections`` (roles are assigned by ``roles``
    once the document type is known)."""
    doc.sections = build(doc, reader(lex))
