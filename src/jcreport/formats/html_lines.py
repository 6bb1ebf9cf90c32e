"""An HTML tree to lines: one line per paragraph, heading, list item or data-table row.

Each line remembers the block elements that hold it (``chain``, outermost first), how much of it
is link text, and whether its block looks like a title, so that ``html_content`` can pick the
article among the page's lines. Elements the rules drop (scripts, navigation, share bars, hidden
elements …) are skipped with everything inside. Whitespace follows the browser: runs collapse to
one space, and a source line break between two CJK characters disappears.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cjk import join_wrapped, squeeze_source_breaks
from .html_rules import HtmlRules

BLOCKS = frozenset("""address article aside blockquote body caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p
    pre section summary table tbody td tfoot th thead tr ul""".split())
HEADINGS = frozenset(("h1", "h2", "h3"))
_SPACES = re.compile(r"\s+")
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
MAX_CELL = 150          # a table with a longer cell, a nested table or one column is for layout


@dataclass(frozen=True)
class Line:
    text: str
    links: int                    # characters of the line inside <a>
    chain: tuple[int, ...]        # mem_id of the block elements holding it, outermost first
    titleish: bool                # its block is h1-h3 or has a title class / id
    row: bool = False             # a data-table row, cells joined by a tab
    anchors: int = 0              # how many <a> elements the line holds

    @property
    def chars(self) -> int:
        return len(self.text) - self.text.count(" ") - self.text.count("\t")

    @property
    def linky(self) -> bool:
        """Mostly link text."""
        return self.links * 2 >= self.chars


def tokens(node) -> set[str]:
    attrs = node.attributes
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return {t for t in _TOKEN_SPLIT.split(words) if t}


@dataclass
class _Walker:
    rules: HtmlRules
    lines: list[Line] = field(default_factory=list)
    parts: list[tuple[str, bool]] = field(default_factory=list)
    chain: list[tuple[int, bool]] = field(default_factory=list)
    line_chain: tuple[tuple[int, bool], ...] = ()
    in_link: int = 0
    anchors: int = 0

    def dropped(self, node) -> bool:
        attrs = node.attributes
        if node.tag in self.rules.drop_tags or "hidden" in attrs:
            return True
        style = attrs.get("style")
        return bool(style and _HIDDEN.search(style)) or not tokens(node).isdisjoint(self.rules.drop_tokens)

    def walk(self, node) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag is None:
                continue                              # a processing instruction (<?php … ?>): no content
            if tag == "-text":
                self.text(child.text_content or "")
            elif tag.startswith("-") or self.dropped(child):
                continue
            elif tag == "br":
                self.flush()
            elif tag == "table" and is_data_table(child):
                self.table(child)
            elif tag in BLOCKS:
                self.block(child)
            elif tag == "a":
                self.anchors += 1
                self.in_link += 1
                self.walk(child)
                self.in_link -= 1
            else:
                self.walk(child)

    def text(self, text: str) -> None:
        if not self.parts:
            self.line_chain = tuple(self.chain)
        self.parts.append((squeeze_source_breaks(text), self.in_link > 0))

    def block(self, node) -> None:
        self.flush()
        titleish = node.tag in HEADINGS or not tokens(node).isdisjoint(self.rules.title_tokens)
        self.chain.append((node.mem_id, titleish))
        self.walk(node)
        self.flush()
        self.chain.pop()

    def flush(self) -> None:
        if not self.parts:
            return
        text = _SPACES.sub(" ", "".join(p for p, _ in self.parts)).strip()
        links = sum(len(_SPACES.sub("", p)) for p, link in self.parts if link)
        if text:
            chain = self.line_chain
            self.lines.append(Line(text, links, tuple(i for i, _ in chain), bool(chain and chain[-1][1]),
                                   anchors=self.anchors))
        self.parts, self.anchors = [], 0

    def table(self, node) -> None:
        self.flush()
        self.chain.append((node.mem_id, False))
        for caption in node.iter():
            if caption.tag == "caption":
                self.block(caption)
        for row in table_rows(node):
            cells = [cell_text(cell, self.rules) for cell in row]
            if any(text for text, _, _ in cells):
                text = "\t".join(text for text, _, _ in cells)
                self.lines.append(Line(text, sum(c[1] for c in cells), tuple(i for i, _ in self.chain),
                                       False, row=True, anchors=sum(c[2] for c in cells)))
        self.chain.pop()


def table_rows(table) -> list[list]:
    """The rows of a table (through thead/tbody/tfoot, not nested tables), each a list of cells."""
    rows = []
    for child in table.iter():
        if child.tag in ("thead", "tbody", "tfoot"):
            rows += [r for r in child.iter() if r.tag == "tr"]
        elif child.tag == "tr":
            rows.append(child)
    return [[c for c in row.iter() if c.tag in ("td", "th")] for row in rows]


def is_data_table(table) -> bool:
    rows = table_rows(table)
    if not rows or max(map(len, rows)) < 2 or any(t.mem_id != table.mem_id for t in table.css("table")):
        return False
    return all(len(_SPACES.sub("", cell.text(deep=True))) <= MAX_CELL for row in rows for cell in row)


def cell_text(cell, rules: HtmlRules) -> tuple[str, int, int]:
    """A cell's text on one line (its paragraphs joined as a line wrap), its link characters and links."""
    walker = _Walker(rules)
    walker.walk(cell)
    walker.flush()
    text = ""
    for line in walker.lines:
        text = join_wrapped(text, line.text.replace("\t", " "))
    return text, sum(line.links for line in walker.lines), sum(line.anchors for line in walker.lines)


def page_lines(body, rules: HtmlRules) -> list[Line]:
    """The lines of a page's <body>, in document order."""
    walker = _Walker(rules)
    walker.chain.append((body.mem_id, False))
    walker.walk(body)
    walker.flush()
    return walker.lines
