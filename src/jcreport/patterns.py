"""Build regular expressions from named parts, the way price-parser and dateparser do.

A template names its parts in braces (``{NUM}{UNIT}``); :func:`build` fills them in and fails on a
name it does not know, so no pattern is ever assembled by slicing strings.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

_PART = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of the literal words, the longest where several match.

    Built as a character trie, so the engine branches once per character instead of trying every
    word in turn (the unit list has ~75 words and is tried at every digit of a report).

    >>> alternation(["件", "件次", "人次", "人", "%"])
    '(?:%|人(?:次)?|件(?:次)?)'
    >>> bool(re.fullmatch(alternation(["同比上升", "同比"]), "同比上升"))
    True
    """
    unique = {w for w in words if w}
    return "(?:" + branches(unique) + ")" if unique else "(?!)"


def branches(words: Iterable[str], behind: Iterable[str] = ()) -> str:
    """The alternatives of :func:`alternation` without their group, to be joined with other
    branches into one flat group: a group nested first in an alternative stops the regex engine
    from skipping to the characters a match can begin with, and it tries every position instead.

    With ``behind``, a word matches only right after one of those strings; the lookbehind is tested
    after the word's first character, so the alternative still opens with the character it reads
    (an alternative opening with a lookbehind makes the engine try every position, ~5x slower).

    >>> branches(["活动", "行动"], behind=["”"])
    '活(?:(?<=”活))动|行(?:(?<=”行))动'
    >>> bool(re.search("(?:" + branches(["活动"], behind=["”", "”等"]) + ")", "“护苗”等活动"))
    True
    """
    unique = {w for w in words if w}
    if not unique:
        return "(?!)"
    trie: dict = {}
    for word in unique:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not behind:
        return _trie_regex(trie)
    return "|".join(re.escape(ch) + "(?:" + "|".join(f"(?<={re.escape(b + ch)})" for b in behind) + ")"
                    + _trie_child(child) for ch, child in sorted(trie.items()))


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_child(child) for ch, child in sorted(node.items()) if ch]
    return "|".join(branches)


def _trie_child(child: dict) -> str:
    if set(child) == {""}:
        return ""
    inner = _trie_regex(child)
    if "" in child:
        return f"(?:{inner})?"
    return inner if len([c for c in child if c]) == 1 else f"(?:{inner})"


def expand(template: str, parts: Mapping[str, str]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parts:
            raise KeyError(f"unknown pattern part {{{name}}} in {template!r}")
        return parts[name]

    return _PART.sub(fill, template)


def build(template: str, parts: Mapping[str, str], flags: int = re.VERBOSE) -> re.Pattern[str]:
    return re.compile(expand(template, parts), flags)


def scan(pattern: re.Pattern[str], starts: re.Pattern[str] | tuple[re.Pattern[str], ...],
         text: str) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)``, but tries ``pattern`` only where ``starts`` matches.

    ``starts`` is a cheap pattern for the characters every match begins with; the regex engine
    skips to them at C speed, where a large pattern would be tried (and fail) at every character.
    It skips fastest when the pattern opens with a literal or a character class (a lookbehind
    first makes it try every character), so ``starts`` may also be a tuple of such patterns whose
    matches never overlap one another: their start offsets are merged in text order.
    Matches do not overlap; an empty match is skipped.
    """
    pos = 0
    for at in _start_offsets(starts, text):
        if at < pos:
            continue
        m = pattern.match(text, at)
        if m and m.end() > at:
            yield m
            pos = m.end()


def _start_offsets(starts: re.Pattern[str] | tuple[re.Pattern[str], ...], text: str) -> list[int]:
    """Start offsets of the matches of ``starts`` (one pattern or several) in text order."""
    if isinstance(starts, re.Pattern):
        return [m.start() for m in starts.finditer(text)]
    offsets = [m.start() for p in starts for m in p.finditer(text)]
    offsets.sort()
    return offsets
