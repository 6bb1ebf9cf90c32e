"""Which lines of a page are the article: the body, its title and the lines between them.

The body is the block element whose lines score highest: a sentence-like line (Chinese sentence
punctuation, at least ``MIN_SENTENCE`` characters, mostly not a link) scores its characters that
are not links; a line that is mostly links costs its link characters, ``LIST_COST`` times over when
it is part of a list or menu (it holds several links, or a line beside it is mostly links too). So
navigation, link lists and sidebars pull a too-wide element down, while a lone attachment link
inside the body costs little. Among equal scores the outermost element wins, so headings and
tables beside the paragraphs stay in. The title is the nearest line before the body that matches the page's
``<title>`` (or its ArticleTitle / og:title meta), else the nearest h1-h3 or title-classed line.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .html_lines import Line
from .html_rules import HtmlRules

MIN_SENTENCE = 10
LIST_COST = 2
TITLE_WINDOW = 10        # lines before the body searched for its title
TITLE_COVER = 0.6        # a title line and the page title cover this much of each other
_SENTENCE = re.compile("[，。；！？、]")
_SPACES = re.compile(r"\s+")


def scores(lines: list[Line]) -> list[int]:
    """The score of each line (see the module's docstring)."""
    out = []
    for i, line in enumerate(lines):
        if not line.linky:
            sentence = line.chars >= MIN_SENTENCE and _SENTENCE.search(line.text)
            out.append(line.chars - line.links if sentence else 0)
            continue
        listed = line.anchors > 1 or any(0 <= j < len(lines) and lines[j].linky for j in (i - 1, i + 1))
        out.append(-line.links * (LIST_COST if listed else 1))
    return out


def body_span(lines: list[Line]) -> tuple[int, int] | None:
    """``(start, end)`` of the lines of the best-scoring element, or None if nothing scores."""
    totals: dict[int, int] = defaultdict(int)
    depth: dict[int, int] = {}
    for line, value in zip(lines, scores(lines)):
        for level, node in enumerate(line.chain):
            totals[node] += value
            depth[node] = level
    best = max(totals.values(), default=0)
    if best <= 0:
        return None
    node = min((n for n, total in totals.items() if total == best), key=depth.__getitem__)
    inside = [i for i, line in enumerate(lines) if node in line.chain]
    return inside[0], inside[-1] + 1


def main_part(title: str, separators: tuple[str, ...]) -> str:
    """The part of a page title before the first site-name separator (sites put the article first).

    >>> main_part("最高检发布主要办案数据_中华人民共和国最高人民检察院", ("_",))
    '最高检发布主要办案数据'
    """
    parts = [title]
    for sep in separators:
        parts = [p for part in parts for p in part.split(sep)]
    return next((p.strip() for p in parts if p.strip()), title.strip())


def title_candidates(titles: list[str], separators: tuple[str, ...]) -> list[str]:
    """The page titles without spaces, and the main part of each."""
    found = []
    for title in titles:
        for text in (title, main_part(title, separators)):
            text = _SPACES.sub("", text)
            if len(text) >= 4 and text not in found:
                found.append(text)
    return found


def matches_title(text: str, candidates: list[str]) -> bool:
    text = _SPACES.sub("", text)
    return any((text in t and len(text) >= TITLE_COVER * len(t)) or (t in text and len(t) >= TITLE_COVER * len(text))
               for t in candidates)


def title_index(lines: list[Line], start: int, candidates: list[str]) -> int | None:
    """The index of the title line before ``start``, or None."""
    window = range(start - 1, max(0, start - TITLE_WINDOW) - 1, -1)
    for i in window:
        if len(lines[i].text) >= 4 and matches_title(lines[i].text, candidates):
            return i
    for i in window:
        line = lines[i]
        if line.titleish and 4 <= line.chars <= 80 and not line.linky:
            return i
    return None


def article(lines: list[Line], titles: list[str], rules: HtmlRules) -> tuple[str | None, list[Line], list[Line]]:
    """``(fallback title, header lines, body lines)``: the header runs from the title line to the body.

    The fallback title is the page's own title when no line of the page is its title.
    """
    span = body_span(lines)
    if span is None:
        return None, [], [line for line in lines if not line.linky]
    start, end = span
    body = lines[start:end]
    candidates = title_candidates(titles, rules.title_separators)
    if any(matches_title(line.text, candidates) for line in body[:3]):
        return None, [], body
    found = title_index(lines, start, candidates)
    if found is None:
        return (main_part(titles[0], rules.title_separators) if titles else None), [], body
    header = [lines[found]] + [line for line in lines[found + 1:start] if not line.linky]
    return None, header, body
