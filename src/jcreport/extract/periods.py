"""Periods: find time expressions (2024年4月至10月, 今年以来, 截至2024年10月底 …), resolve them
against the document year, and attach to each figure the nearest period before it in its sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import Lexicon
from ..models import Period
from ..patterns import alternation, build, expand, scan

_PARTS = {
    "Y": r"(?:19|20)\d{2}",
    "M": r"(?:1[0-2]|0?[1-9])",
    "D": r"(?:3[01]|[12]\d|0?[1-9])",
    "TO": r"\s*(?:至|到|-|~)\s*",
}
# A date atom: 2024年4月1日 / 2024年4月 / 2024年 / 4月1日 / 4月 (groups suffixed by the atom number).
_ATOM = r"(?:(?P<y{n}>{Y})年(?:度)?)?(?:(?P<m{n}>{M})月(?:份)?(?:(?P<d{n}>{D})日)?)?"

_PERIOD = r"""
    (?P<until>截至|截止到?|到)(?=\d)(?P<ua>{ATOM0})(?P<edge>底|末)?      # 截至2024年10月底
  | (?:(?P<my>{Y})年)?(?P<ma>{M})月?{TO}(?P<mb>{M})月份?(?!\d*日)          # 2024年1至9月, 1-9月
  | (?P<ya>{Y}){TO}(?P<yb>{Y})年                                        # 2018-2022年
  | (?P<hy>{Y})年(?:度)?(?P<half3>{HALF})                               # 2024年上半年
  | (?P<wy>{Y})年(?:度)?全年                                            # 2023年全年: that year, whatever the document's
  | (?=\d)(?P<a>{ATOM1})(?:{TO}(?P<b>{ATOM2})(?:底|末)?)?(?P<since>以来)?      # 2024年4月至10月
  | (?P<rel>{REL})(?P<half>{HALF})?(?P<relsince>以来)?                  # 今年以来, 今年上半年
  | (?P<half2>{HALF})
  | (?P<open>{OPEN})
  | (?P<during>期间)                                                    # XX期间: the name is read backwards
"""
_DURING_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}$")


@dataclass
class PeriodMention:
    start: int
    end: int
    period: Period


class PeriodGrammar:
    def __init__(self, lex: Lexicon) -> None:
        p = lex.periods
        parts = dict(_PARTS)
        for n in "012":
            parts[f"ATOM{n}"] = expand(_ATOM.replace("{n}", n), _PARTS)
        parts.update(REL=alternation(p.relative), HALF=alternation(p.halves), OPEN=alternation(p.open_ended))
        self.pattern = build(_PERIOD, parts)
        words = [*p.relative, *p.halves, *p.open_ended, "截至", "截止", "到", "期间"]
        # where a period can begin: the first digit of a run, or a word. Searched as two patterns,
        # each opening with a character the engine skips to (a run's first digit is tested
        # behind it), merged in text order: they never overlap, as no word holds a digit. A run
        # opens a period only when a year (4 digits) or a month (1-2) ends it before 年, 月 or a
        # {TO}: every branch of _PERIOD that starts with a digit reads one of these first, so
        # the runs of figures (5725件) are not tried.
        if any(ch.isdigit() for w in words for ch in w):
            self.starts = re.compile(r"(?<!\d)\d|" + alternation(words))
        else:
            self.starts = (re.compile(r"\d(?<!\d\d)(?=\d{0,3}[年月至到~\s-])"), re.compile(alternation(words)))
        self.relative = p.relative
        self.halves = p.halves


@lru_cache(maxsize=8)
def grammar(lex: Lexicon) -> PeriodGrammar:
    return PeriodGrammar(lex)


def _fmt(y: int | str | None, m: int | str | None = None, d: int | str | None = None) -> str | None:
    if y is None:
        return None
    out = f"{int(y):04d}"
    if m:
        out += f"-{int(m):02d}"
        if d:
            out += f"-{int(d):02d}"
    return out


def _period(text: str, start: str | None, end: str | None) -> Period:
    """A Period of formatted dates, right by construction: not re-validated."""
    return Period.model_construct(text=text, start=start, end=end)


def resolve(m: re.Match[str], g: PeriodGrammar, year: int | None) -> Period | None:
    """The Period of one match, or None when the match is no period (a bare 4月 without context)."""
    text, gd = m.group(), m.groupdict()
    if gd["until"]:
        if not (gd["y0"] or gd["m0"]):
            return None
        return _period(text=text, start=None, end=_fmt(gd["y0"] or year, gd["m0"], gd["d0"]))
    if gd["wy"]:
        return _period(text=text, start=gd["wy"], end=gd["wy"])
    if gd["half3"]:
        a, b = g.halves[gd["half3"]]
        return _period(text=text, start=_fmt(gd["hy"], a), end=_fmt(gd["hy"], b))
    if gd["ma"]:
        y = gd["my"] or year
        return _period(text=text, start=_fmt(y, gd["ma"]), end=_fmt(y, gd["mb"]))
    if gd["a"] is not None and (gd["y1"] or gd["m1"]):
        if not gd["y1"] and not gd["b"]:
            return None                                  # a bare month is no period
        y1 = gd["y1"] or year
        start = _fmt(y1, gd["m1"], gd["d1"])
        if gd["since"]:
            return _period(text=text, start=start, end=None)
        if gd["b"]:
            y2 = gd["y2"] or y1
            return _period(text=text, start=start, end=_fmt(y2, gd["m2"], gd["d2"]))
        return _period(text=text, start=start, end=start)
    if gd["ya"]:
        return _period(text=text, start=gd["ya"], end=gd["yb"])
    if gd["rel"]:
        lo, hi = g.relative[gd["rel"]]
        base = year
        if gd["half"] and base is not None and lo == hi:
            a, b = g.halves[gd["half"]]
            return _period(text=text, start=_fmt(base + lo, a), end=_fmt(base + lo, b))
        if base is None:
            return _period(text=text, start=None, end=None)
        if gd["relsince"]:
            return _period(text=text, start=_fmt(base + (lo or 0), 1), end=None)
        return _period(text=text, start=_fmt(base + lo) if lo is not None else None, end=_fmt(base + hi))
    if gd["half2"]:
        a, b = g.halves[gd["half2"]]
        return _period(text=text, start=_fmt(year, a) if year else None, end=_fmt(year, b) if year else None)
    if gd["open"]:
        return _period(text=text, start=None, end=None)
    return None


def find(norm: str, g: PeriodGrammar, year: int | None, text_of=None) -> list[PeriodMention]:
    """Period mentions of a text; their ``text`` is ``text_of(start, end)``, the source as written
    (``Doc.text``), or the normalized text itself."""
    text_of = text_of or (lambda s, e: norm[s:e])
    found = []
    for m in scan(g.pattern, g.starts, norm):
        if m.group("during"):
            name = _DURING_NAME.search(norm, max(0, m.start() - 6), m.start())
            if name and not (found and found[-1].end > name.start()):
                found.append(PeriodMention(name.start(), m.end(), _period(text=text_of(name.start(), m.end()), start=None, end=None)))
            continue
        period = resolve(m, g, year)
        if period is not None:
            period.text = text_of(m.start(), m.end())
            found.append(PeriodMention(m.start(), m.end(), period))
    return found
