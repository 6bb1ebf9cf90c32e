"""Sentences: split on 。！？；and line breaks, never inside quotes or brackets; a sentence longer
than ``MAX_SENTENCE`` characters (a PDF line without punctuation, a table flattened to one line) is
cut at its last clause mark (，、：) before the limit, else at the limit, so every record's sentence
is bounded and the output stays linear in the input."""
from __future__ import annotations

import re

from .doc import Doc, Line

_STOPS = frozenset("。!?;")
_OPEN = {"“": "”", "(": ")", "《": "》", "‘": "’", "[": "]", "【": "】"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_SPECIAL = re.compile(r"[“”‘’()《》\[\]【】\n。!?;]")
_TRAILING_CLOSERS = "”’)》】"
MAX_SENTENCE = 500
_CLAUSE_MARKS = ",、:\t "


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for part in text.split("\n"):
        lines.append(Line(pos, pos + len(part)))
        pos += len(part) + 1
    return lines


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence offsets over the normalized text, stripped of surrounding spaces.

    >>> t = "他说:“要抓好落实。”然后散会。(注:略。)\\n第二行"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['他说:“要抓好落实。”然后散会。', '(注:略。)', '第二行']
    """
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start, size = 0, len(norm)
    for m in _SPECIAL.finditer(norm):
        pos = m.start()
        ch = norm[pos]
        if ch in _STOPS:                              # the commonest mark first
            if stack:
                continue
            end = pos + 1
            while end < size and norm[end] in _TRAILING_CLOSERS:
                end += 1
            if end - start <= MAX_SENTENCE and not norm[start].isspace():
                spans.append((start, end))            # inline _add's common case (ends on the mark)
            else:
                _add(norm, spans, start, end)
            start = end
        elif ch == "\n":
            _add(norm, spans, start, pos)
            start, stack = pos + 1, []
        elif ch in _OPEN:
            if not (ch == "“" and stack and stack[-1] == "“"):
                stack.append(ch)
        elif stack and stack[-1] == _CLOSE[ch]:
            stack.pop()
    _add(norm, spans, start, size)
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    """The sentence from ``start`` to ``end``, stripped of spaces and cut when over-long."""
    if start < end and end - start <= MAX_SENTENCE and not text[start].isspace() and not text[end - 1].isspace():
        spans.append((start, end))                    # the common case: nothing to strip or cut
        return
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:                 # an over-long sentence: cut at a clause mark
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _CLAUSE_MARKS) + 1
        if cut <= start:
            cut = limit
            while cut > start + MAX_SENTENCE // 2 and (text[cut - 1].isdigit() or text[cut].isdigit()):
                cut -= 1                              # never between two digits
        spans.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def run(doc: Doc) -> None:
    """Reads ``norm``; writes ``lines`` and ``sentences``."""
    doc.lines = split_lines(doc.norm)
    doc.sentences = split_sentences(doc.norm)
