"""Numbers: find figure spans in the normalized text, then resolve each to a value.

``find`` decides offsets once (on ``doc.norm``, which has the source's offsets); ``resolve`` is a
pure function of one candidate. Units, multipliers, qualifiers and exclusions come from
``lexicons/units.yaml`` and ``lexicons/exclusions.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..lexicons import Lexicon
from ..patterns import alternation, build, scan
from ..spans import Spans
from .cn_numerals import cn_neighbours, plain, to_decimal

_PARTS = {
    "ARABIC": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "CN": r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*",
    "CNDEC": r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?",
    "REDACT": r"[×X*]{1,3}|x{1,2}",
    # what stands before 第N / 前N when it is a rank: a verb of ranking and up to six characters
    # of scope (位列全市基层院第一), or a scope alone (全省第四)
    "RANKCTX": r"(?:排名|名列|位列|位居|跃居|居于|居|升至|排在|进入|排|列)[^,;:。!?\n第前]{0,6}"
               r"|(?:全国|全省|全市|全区|全州)[^,;:。!?\n第前]{0,4}",
}

# The pattern starts with a digit-like character so the regex engine can skip ahead fast; a
# qualifier before the number (近 约 超过 …) is looked up behind the match by ``_prefix``.
_FIGURE = r"""
  (?:
      百分之(?P<pct>{CNDEC}|{ARABIC}) (?P<ppost>{SUFFIX})?              # 百分之九十八以上
      (?:{JOIN}百分之(?P<pct2>{CNDEC}|{ARABIC}))?                        # 百分之五到百分之十: one range
    | (?P<den>{CN})分之(?P<numer>{CNDEC}) (?P<fpost>{SUFFIX})?           # 四分之三, 三分之二以上: a rate
    | (?P<tenths>[二两三四五六七八九]|{ARABIC})成(?![员立为果效绩本功熟长都型案就交])(?P<tpost>{SUFFIX})?  # 两成 = 20%
    | (?P<lo>{ARABIC}|{CN}) (?P<lomult>{MULT})? (?P<lounit>{UNIT})?     # range: 1万至5万元
      [ \u3000]*(?P<join>{JOIN})[ \u3000]*                             # never over a tab or a line
      (?P<num2>{ARABIC}|{CN}) (?P<mult2>{MULT})? (?P<unit2>(?(lounit)(?P=lounit)|{UNIT})) (?P<post2>{SUFFIX})?
                                                    # one unit at both ends: 3891人-8.5% is a count and a change
    | (?P<ra>{ARABIC}|{REDACT}):(?P<rb>{ARABIC}|{REDACT})(?![\d:])    # ratio 1:1.2
    | (?P<num>{ARABIC}|{CN}|{REDACT})
      (?P<mid1>{MIDDLE})? (?P<mult>{MULT})? (?P<mid2>{MIDDLE})?
      (?P<unit>{UNIT}) (?P<post>{SUFFIX})?
  )
"""
# Where a figure can begin: the first digit of a run of digits (Arabic, Chinese, redacted). The
# character comes first and what stands before it is tested behind it, so the regex engine skips
# to candidate characters at C speed (a lookbehind first would be tried at every character).
# The lookahead only spares the large pattern starts where it cannot match: every branch of
# _FIGURE reads a number (its characters are {RUN}) and then 分, 成, a multiplier, a middle
# qualifier, a unit, a space, a range joiner or a colon ({FOLLOW}: their first characters).
_STARTS = r"""
    [\d零〇一二两三四五六七八九十百千×X*x]
    (?:
        (?<![\d零〇一二两三四五六七八九十百千万亿].)(?<!\d[,.].)                   # first digit of a run;
        (?:(?<=[\d零〇二两三四五六七八九十百千])
          | (?<=一)(?=[零〇一二两三四五六七八九十百千万亿点名人件位起]))         # a lone 一 only when it may count (一名…、两名)
      | (?<=[×X*x])(?<![×X*x].)                                                     # first redaction mark
    )
    (?={RUN}*?{FOLLOW})
"""
_RUN = r"[\d,.零〇一二两三四五六七八九十百千万亿×X*x]"
_RANK = r"(?P<ord>第(?P<rank>{ARABIC}|{CN})(?:位|名)?|前(?P<top>{ARABIC}|{CN})(?:名|位)?|(?P<first>首位|榜首))"
_RANK_STARTS = re.compile("[第前首榜]")   # the characters a rank begins with, for ``scan``
_RANK_CONTEXT = r"(?:{RANKCTX})\Z"   # \Z: "安排\n" must not read as 排|


def _zero(text: str) -> bool:
    return not _redacted(text) and text.strip("0.") == ""


@dataclass
class NumberCandidate:
    """A found figure: offsets into the text and the matched parts, not yet resolved."""

    start: int
    end: int
    form: str  # plain | percent | fraction | tenths | range | ratio | rank
    parts: dict[str, str | None] = field(default_factory=dict)


@dataclass
class Resolved:
    value: int | float | None
    unit: str | None
    qualifier: str | None
    bound: str
    redacted: bool
    upper: int | float | None = None
    kind: str = "count"


class NumberGrammar:
    """Compiled patterns and tables for one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        units = lex.units
        q = {w: [e for e in units.qualifiers if e.where == w] for w in ("prefix", "middle", "suffix")}
        parts = dict(_PARTS)
        parts.update(
            PREFIX=alternation(e.word for e in q["prefix"]),
            MIDDLE=alternation(e.word for e in q["middle"]),
            SUFFIX=alternation(e.word for e in q["suffix"]),
            MULT=alternation(units.multipliers),
            UNIT=alternation(u.unit for u in units.units),
            JOIN=alternation(units.range_joiners),
        )
        self.figure = build(_FIGURE, parts)
        follow = {w[0] for w in (*units.multipliers, *(u.unit for u in units.units), *units.range_joiners,
                                 *(e.word for e in q["middle"])) if w}
        self.starts = build(_STARTS, {"RUN": _RUN, "FOLLOW": _char_class(follow | set("分成 \u3000:"))})
        self.rank = build(_RANK, parts)
        self.rank_context = build(_RANK_CONTEXT, parts)
        # 第一方阵, 第五届, 第一次, 第一部: an ordinal in a name, not a rank
        self.not_rank = re.compile(alternation(["方阵", "梯队", "届", "期", "批", "轮", "季度"] + [u.unit for u in units.units]))
        self.far_prefix = re.compile("(?P<q>" + alternation(e.word for e in q["prefix"] if e.bound != "exact")[3:-1]
                                     + r")(?:了|占[^,;:。!?\n]{0,12}?的)$")
        # the longest qualifier ending where a number starts: searched from as far back as the
        # longest one reaches, the leftmost match that ends there is the longest
        self.prefix = re.compile(alternation(e.word for e in q["prefix"]) + r"\Z")
        self.prefix_reach = max((len(e.word) for e in q["prefix"]), default=0)
        self.bounds = {(e.where, e.word): e.bound for e in units.qualifiers}
        self.multipliers = {k: Decimal(v) for k, v in units.multipliers.items()}
        self.unit_kind = {u.unit: u.kind for u in units.units}
        self.slogans = re.compile(alternation(lex.exclusions.slogans))
        self.not_after = re.compile(alternation(lex.exclusions.not_after))


def _char_class(chars: set[str]) -> str:
    """A regex class of the given characters."""
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


@lru_cache(maxsize=8)
def grammar(lex: Lexicon) -> NumberGrammar:
    return NumberGrammar(lex)


_QUOTED = re.compile(r"“[^“”\n]{1,24}”|‘[^‘’\n]{1,24}’")


def _prefix(text: str, start: int, g: NumberGrammar) -> str | None:
    """The qualifier written right before a number (近3000件, 超过50%), if any."""
    m = g.prefix.search(text, max(0, start - g.prefix_reach), start)
    return m.group() if m else None


_COUNT_NEAR = re.compile(r"[^,;:。!?\n、和及与]{0,10}[、和及与](?:[\d两二三四五六七八九十])")


def _coordinated(text: str, m: re.Match[str]) -> bool:
    """A lone 一 counts when coordinated with another count: 一名副检察长、两名检察官 (or after one)."""
    if _COUNT_NEAR.match(text, m.end()):
        return True
    before = text[max(0, m.start() - 12):m.start()]
    return before.endswith(("、", "和", "及")) and re.search(r"[\d两二三四五六七八九十][^,;:。!?\n]{0,10}[、和及]$", before) is not None


def _far_prefix(text: str, start: int, g: NumberGrammar) -> str | None:
    """A qualifier standing away from its number: 约占全部案件的9%, 超过了百分之零点九."""
    m = g.far_prefix.search(text, max(0, start - 16), start)
    return m.group("q") if m else None


def _excluded(text: str, m: re.Match[str], g: NumberGrammar) -> bool:
    num = m.group("num")
    start = m.start()
    before = text[start - 1] if start else ""
    if before == "第" or before.isdigit() or (before in ".," and text[start - 2:start - 1].isdigit()):
        return True                                 # ordinal (第十五次) or inside a longer number
    if num and not num[0].isdigit() and num[0] not in "×X*x":
        if (num == "一" and not _coordinated(text, m)) or (all(ch in "百千万亿" for ch in num) and not m.group("mid1")):
            return True                             # lone 一 is an article; 千家万户 is an idiom
        if (before and before in "每某之唯同") or text[start - 2:start] in ("一些", "其中", "之一"):
            return True
    if g.not_after.match(text, m.end("num") if num else m.end("num2") if m.group("num2") else m.end()):
        return True
    if before == "前" and g.rank_context.search(text, max(0, start - 9), start - 1):
        return True                                 # 居全市前两名 is a rank, read by the rank pattern
    if m.group("unit") == "次" and (before == "届" or text.startswith(("会议", "全会", "全体会议"), m.end())
                                    and "届" in text[max(0, start - 8):start]):
        return True                                 # 十三届全国人大三次会议, 九届五次、六次全会: the session's ordinal
    return False


def find(norm: str, g: NumberGrammar) -> list[NumberCandidate]:
    """All figure spans of a normalized text, in order, without overlaps."""
    slogans = Spans([(s.start(), s.end()) for s in g.slogans.finditer(norm)])
    quoted = Spans([(q.start(), q.end()) for q in _QUOTED.finditer(norm)])
    found: list[NumberCandidate] = []
    for m in scan(g.figure, g.starts, norm):
        start, end = m.span()
        if _excluded(norm, m, g) or slogans.overlaps(start, end) or quoted.contains(start, end):
            continue
        parts = m.groupdict()
        form = _form(parts)
        if form == "ratio" and (not _ratio_context(norm, start) or _zero(parts["ra"])):
            continue                                  # 0:1.06 has no value b/a: no figure (a value is null only when redacted)
        pre = parts["pre"] = _prefix(norm, start, g)
        parts["far"] = None if pre else _far_prefix(norm, start, g)
        found.append(NumberCandidate(start - len(pre or ""), end, form, parts))
    taken = Spans([(c.start, c.end) for c in found])
    for m in scan(g.rank, _RANK_STARTS, norm):
        start, end = m.span()
        if g.rank_context.search(norm, max(0, start - 10), start) and not taken.overlaps(start, end) \
                and not slogans.overlaps(start, end) and not g.not_rank.match(norm, end):
            found.append(NumberCandidate(start, end, "rank", m.groupdict()))
    found.sort(key=lambda c: c.start)
    return found


def _form(parts: dict[str, str | None]) -> str:
    """Which branch of the figure pattern matched, from its groups."""
    return "percent" if parts["pct"] else "fraction" if parts["den"] else "tenths" if parts["tenths"] \
        else "range" if parts["lo"] else "ratio" if parts["ra"] else "plain"


def _ratio_context(text: str, start: int) -> bool:
    """A ratio follows 比 (“案-件比”降至1:1.2) or a verb of change (从×:×降至×:×); a bare a:b is a time."""
    window = text[max(0, start - 12):start]
    if re.search(r"\d{1,2}:\d{2}:", text[start:start + 9]):
        return False
    return "比" in window or window.endswith(("从", "至", "为", "达", "高达"))


def _bound(g: NumberGrammar, parts: dict, suffix_key: str = "post") -> tuple[str | None, str]:
    for where, key in (("suffix", suffix_key), ("middle", "mid2"), ("middle", "mid1"), ("prefix", "pre"),
                       ("prefix", "far")):
        word = parts.get(key)
        if word:
            return word, g.bounds[(where, word)]
    return None, "exact"


def _value(digits: str, mult: str | None, g: NumberGrammar) -> Decimal:
    value = to_decimal(digits)
    return value * g.multipliers[mult] if mult else value


def _redacted(digits: str | None) -> bool:
    return bool(digits) and digits[0] in "×X*x"


def resolve(c: NumberCandidate, g: NumberGrammar) -> Resolved:
    """Value, unit, qualifier and bound of one candidate (pure)."""
    p = c.parts
    if c.form == "percent":
        qualifier, bound = _bound(g, p, "ppost")
        upper = plain(to_decimal(p["pct2"])) if p["pct2"] else None
        return Resolved(plain(to_decimal(p["pct"])), "%", qualifier, "at_least" if upper is not None else bound, False,
                        upper=upper, kind="rate")
    if c.form == "fraction":                         # 四分之三 -> 75 %
        qualifier, bound = _bound(g, p, "fpost")
        share = to_decimal(p["numer"]) * 100 / to_decimal(p["den"])
        return Resolved(plain(round(share, 2)), "%", qualifier, bound, False, kind="rate")
    if c.form == "tenths":                           # 两成 -> 20 %
        qualifier, bound = _bound(g, p, "tpost")
        return Resolved(plain(to_decimal(p["tenths"]) * 10), "%", qualifier, bound, False, kind="rate")
    if c.form == "rank":
        if p["first"]:                               # 居全省首位
            return Resolved(1, None, None, "exact", False, kind="rank")
        digits = p["rank"] or p["top"]
        return Resolved(plain(to_decimal(digits)), None, None, "exact" if p["rank"] else "at_most", False, kind="rank")
    if c.form == "ratio":
        if _redacted(p["ra"]) or _redacted(p["rb"]):
            return Resolved(None, None, None, "exact", True, kind="ratio")
        a, b = to_decimal(p["ra"]), to_decimal(p["rb"])
        return Resolved(plain(round(b / a, 4)) if a else None, None, None, "exact", False, kind="ratio")
    if c.form == "range":
        unit = p["unit2"]
        low = _value(p["lo"], p["lomult"] or (p["mult2"] if not p["lounit"] else None), g)
        high = _value(p["num2"], p["mult2"], g)
        return Resolved(plain(low), unit, None, "at_least", False, upper=plain(high), kind=g.unit_kind.get(unit, "count"))
    unit = p["unit"]
    qualifier, bound = _bound(g, p)
    kind = g.unit_kind.get(unit, "count")
    if _redacted(p["num"]):
        return Resolved(None, unit, qualifier, bound, True, kind=kind)
    pair = cn_neighbours(p["num"])
    if pair:                                         # 两三件: two or three
        low, high = (_value(str(v), p["mult"], g) for v in pair)
        return Resolved(plain(low), unit, None, "approx", False, upper=plain(high), kind=kind)
    return Resolved(plain(_value(p["num"], p["mult"], g)), unit, qualifier, bound, False, kind=kind)
