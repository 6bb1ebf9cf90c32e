"""Page chrome: the lines of a web page that are site furniture, not the document (menus,
breadcrumbs, 字号/来源/发布时间 lines, share buttons, comment boxes). They are kept in the text, as
users have them, but never become a title, a section, a figure or a measure. Words:
``lexicons/meta.yaml`` (``chrome``, ``chrome_short``, ``chrome_lines``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Doc
from ..lexicons import Lexicon
from ..patterns import alternation
from ..spans import Spans

_DATE_LINE = re.compile(r"[\d\s:年月日/.-]{8,}")
LONG_LINE = 80        # a line longer than this is body text, whatever words it holds


class ChromeReader:
    def __init__(self, lex: Lexicon) -> None:
        m = lex.meta
        self.strong = re.compile(alternation(m.chrome))
        self.short = re.compile(alternation(m.chrome_short))
        self.short_max = m.chrome_short_max
        self.whole = frozenset(m.chrome_lines)

    def is_chrome(self, line: str) -> bool:
        """Whether one line (normalized) is page furniture.

        >>> from jcreport.pipeline import default_lexicon
        >>> r = reader(default_lexicon())
        >>> [r.is_chrome(t) for t in ["当前位置:首页>>检务公开", "【字号: 大 中 小】", "分享到:", "2023-01-04 10:20",
        ...                           "全市检察机关依法关闭违法企业3家,分享经验"]]
        [True, True, True, True, False]
        """
        text = line.strip()
        if not text or len(text) > LONG_LINE:
            return False                              # 消息来源:…据最高人民检察院…: a paragraph, not furniture
        if text in self.whole or self.strong.search(text) or _DATE_LINE.fullmatch(text):
            return True
        return len(text) <= self.short_max and self.short.search(text) is not None


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> ChromeReader:
    return ChromeReader(lex)


_MENU_ITEM = re.compile(r"[^,。;:!?、()]{1,12}|\s*[-·•]\s*\[[\d-]+\].*|\s*·.*")
_NUMBERED = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\(|\d+[.、])")
MENU_RUN = 4


def _menus(doc: Doc) -> list[tuple[int, int]]:
    """Runs of at least ``MENU_RUN`` short lines without punctuation (site menus: 领导简介 / 机构职能 /
    网上举报 …) or of link lines (- [03-04]·…): chrome. Numbered headings never count."""
    found, run = [], []
    for ln in doc.lines:
        text = doc.norm[ln.start:ln.end].strip()
        if text and _MENU_ITEM.fullmatch(text) and not _NUMBERED.match(text):
            run.append((ln.start, ln.end))
            continue
        if text or not run:
            if len(run) >= MENU_RUN:
                found += run
            run = []
    return found + (run if len(run) >= MENU_RUN else [])


def run(doc: Doc, lex: Lexicon) -> None:
    """Reads ``lines``; writes ``chrome`` (the chrome lines as spans)."""
    r = reader(lex)
    spans = {(ln.start, ln.end) for ln in doc.lines if r.is_chrome(doc.norm[ln.start:ln.end])} | set(_menus(doc))
    doc.chrome = Spans(sorted(spans))
