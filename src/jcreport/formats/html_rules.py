"""The HTML reader's boilerplate rules (``lexicons/html_boilerplate.yaml``), validated and compiled once.

Loaded on first use, never at import; a typo in the file fails with ``file:line: problem``
(LexiconError), as the other lexicons do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import field_validator

from ..lexicons import Entry, _load_file
from ..resources import lexicon_path

FILE = "html_boilerplate.yaml"


class HtmlBoilerplateFile(Entry):
    drop_tags: list[str]
    drop_tokens: list[str]
    title_tokens: list[str]
    title_metas: list[str]
    title_separators: list[str]
    line_starts: list[str]
    line_contains: list[str]
    line_patterns: list[str]
    inline_patterns: list[str]
    list_headings: list[str]
    info_fields: list[str]

    @field_validator("line_patterns", "inline_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regex {pattern!r}: {exc}") from None
        return patterns


@dataclass(frozen=True)
class HtmlRules:
    drop_tags: frozenset[str]
    drop_tokens: frozenset[str]
    title_tokens: frozenset[str]
    title_metas: tuple[str, ...]
    title_separators: tuple[str, ...]
    line_starts: tuple[str, ...]
    line_contains: tuple[str, ...]
    line_pattern: re.Pattern
    inline_pattern: re.Pattern
    list_headings: frozenset[str]
    info_field: re.Pattern


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


def compile_rules(data: HtmlBoilerplateFile) -> HtmlRules:
    lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    fields = sorted(data.info_fields, key=len, reverse=True)
    return HtmlRules(
        drop_tags=lower(data.drop_tags), drop_tokens=lower(data.drop_tokens),
        title_tokens=lower(data.title_tokens), title_metas=tuple(data.title_metas),
        title_separators=tuple(data.title_separators), line_starts=tuple(data.line_starts),
        line_contains=tuple(data.line_contains), line_pattern=_alternation(data.line_patterns),
        inline_pattern=_alternation(data.inline_patterns),
        list_headings=frozenset(data.list_headings),
        info_field=re.compile("(?:" + "|".join(map(re.escape, fields)) + ")[:：]") if fields else re.compile(r"(?!)"),
    )


@lru_cache(maxsize=1)
def load_rules() -> HtmlRules:
    return compile_rules(_load_file(lexicon_path(FILE), HtmlBoilerplateFile))
