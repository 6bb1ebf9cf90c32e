"""Build regular expressions from named parts, the way price-parser and dateparser do.

A template names its parts in braces (``{NUM}{UNIT}``); :func:`build` fills them in and fails on a
name it does not know, so no pattern is ever assembled by slicing strings.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_PART = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation of literal words, longest first so the longest wins."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


def expand(template: str, parts: Mapping[str, str]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parts:
            raise KeyError(f"unknown pattern part {{{name}}} in {template!r}")
        return parts[name]

    return _PART.sub(fill, template)


def build(template: str, parts: Mapping[str, str], flags: int = re.VERBOSE) -> re.Pattern[str]:
    return re.compile(expand(template, parts), flags)
