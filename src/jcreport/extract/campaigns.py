"""Campaigns: named campaigns from ``lexicons/campaigns.yaml`` (aliases folded to one record) and
unseen ones found by pattern, a name before a kind word (“XX”专项行动, XX专项监督活动, XX百日行动),
from ``lexicons/campaign_patterns.yaml``. One record per campaign with every mention."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc
from ..lexicons import Lexicon
from ..normalize import folded, normalize
from ..patterns import alternation


@dataclass
class Found:
    """A campaign of one document, with its mentions as offsets."""

    key: str                       # lexicon id, or the normalized surface name
    name: str
    kind: str | None
    lexicon_id: str | None
    years: list[int]
    mentions: list[tuple[int, int]] = field(default_factory=list)


_PARTICLES = "了的着过是"
_COUNTED = re.compile(r"[\d零一二两三四五六七八九十百几多各这那]+[个项大类次场]?")


class CampaignReader:
    def __init__(self, lex: Lexicon) -> None:
        self.entries = {}
        surface = {}
        for entry in lex.campaigns.campaigns:
            self.entries[entry.id] = entry
            for name in (entry.name, *entry.aliases):
                surface[normalize(name)] = entry.id
        self.surface = surface
        self.known = re.compile(alternation(surface))
        pat = lex.campaign_patterns
        self.kinds = {normalize(k): v for k, v in pat.kinds.items()}
        self.after_quote = dict(pat.after_quote)
        self.kind_words = re.compile(alternation(self.kinds) + "|(?<=”)" + alternation(self.after_quote))
        self.quoted = re.compile("“[^“”\n]{1,20}?" + alternation(pat.quoted_endings) + "”")
        self.quoted_kind = {normalize(k): v for k, v in pat.quoted_endings.items()}
        self.fold_suffix = pat.fold_suffix
        self.lead = re.compile("(?:" + alternation(pat.lead_words) + r"|[,;:。!?、\n(（)）《》\s])")
        self.generic = frozenset(pat.generic_cores)
        self.max_core = pat.max_core


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> CampaignReader:
    return CampaignReader(lex)


def _known(doc: Doc, r: CampaignReader, found: dict[str, Found]) -> list[tuple[int, int]]:
    spans = []
    for m in r.known.finditer(doc.norm):
        entry = r.entries[r.surface[m.group()]]
        rec = found.setdefault(entry.id, Found(entry.id, entry.name, entry.kind, entry.id, list(entry.years)))
        rec.mentions.append((m.start(), m.end()))
        spans.append((m.start(), m.end()))
    return spans


def _name_start(norm: str, kind_start: int, r: CampaignReader) -> int | None:
    """Where the name before a kind word begins: a quote that closes right before it opens the
    name; a quote still open encloses it (“服务民营经济健康发展专项行动”); otherwise the last lead
    word or punctuation within reach."""
    lo = max(0, kind_start - r.max_core - 4)
    if kind_start and norm[kind_start - 1] == "”":
        opening = norm.rfind("“", max(0, kind_start - r.max_core - 2), kind_start - 1)
        if opening >= 0:
            lead = _last_lead(norm, max(0, opening - r.max_core), opening, r)
            return lead if lead is not None and opening - lead <= 8 and "“" not in norm[lead:opening] else opening
    unclosed = norm.rfind("“", lo, kind_start)
    if unclosed >= 0 and "”" not in norm[unclosed:kind_start]:
        return unclosed + 1
    return _last_lead(norm, lo, kind_start, r)


def _last_lead(norm: str, lo: int, hi: int, r: CampaignReader) -> int | None:
    last = None
    for m in r.lead.finditer(norm, lo, hi):
        if not _inside_quote(norm, m.start(), hi):
            last = m.end()
    return last


def _inside_quote(norm: str, pos: int, hi: int) -> bool:
    return norm.count("“", pos, hi) != norm.count("”", pos, hi)


def _quoted_names(doc: Doc, r: CampaignReader, taken: list[tuple[int, int]], found: dict[str, Found]) -> None:
    """A quoted name that is a campaign by its ending: “质量建设年”, “护苗行动”."""
    for m in r.quoted.finditer(doc.norm):
        if any(s < m.end() and m.start() < e for s, e in taken) or r.kind_words.match(doc.norm, m.end()):
            continue
        ending = next(k for k in sorted(r.quoted_kind, key=len, reverse=True) if m.group()[:-1].endswith(k))
        name = doc.text(m.start(), m.end())
        rec = found.setdefault(folded(name), Found(folded(name), name, r.quoted_kind[ending], None, []))
        rec.mentions.append((m.start(), m.end()))
        taken.append((m.start(), m.end()))


def _discovered(doc: Doc, r: CampaignReader, taken: list[tuple[int, int]], found: dict[str, Found]) -> None:
    norm = doc.norm
    quoted_cores: list[tuple[int, int, Found]] = []
    for m in r.kind_words.finditer(norm):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        start = _name_start(norm, m.start(), r)
        if start is None:
            continue
        while start < m.start() and norm[start] in _PARTICLES:
            start += 1
        core = norm[start:m.start()].strip("“”")
        if len(core) < 2 or core in r.generic or _COUNTED.fullmatch(core):
            continue                                  # 开展专项活动, 七个专项行动, 四大专项行动
        name = doc.text(start, m.end())
        key = _fold_key(found, folded(name), m.group(), r)
        rec = found.setdefault(key, Found(key, name, r.kinds.get(m.group()) or r.after_quote[m.group()], None, []))
        rec.mentions.append((start, m.end()))
        taken.append((start, m.end()))
        quoted_cores.append((start, m.start(), rec))
    for start, kind_start, rec in quoted_cores:
        _quoted_core_mentions(doc, start, kind_start, rec, taken)


def _fold_key(found: dict[str, Found], key: str, kind: str, r: CampaignReader) -> str:
    """Two wordings of one campaign share the end of their name: fold them to the first."""
    core = key[:-len(kind)].strip("“”")
    for other in found.values():
        if other.lexicon_id is not None or not other.key.endswith(kind):
            continue
        other_core = other.key[:-len(kind)].strip("“”")
        shorter, longer = sorted((core, other_core), key=len)
        if len(shorter) >= 2 and (longer.endswith(shorter) or (len(shorter) >= r.fold_suffix
                                                               and longer.endswith(shorter[-r.fold_suffix:]))):
            return other.key
    return key


def _quoted_core_mentions(doc: Doc, start: int, kind_start: int, rec: Found, taken: list[tuple[int, int]]) -> None:
    """A quoted name (“清风护苗”专项行动) is also mentioned by its quoted core alone (“清风护苗”)."""
    quoted = doc.norm[start:kind_start]
    if not (quoted.startswith("“") and quoted.endswith("”")) or len(quoted) < 4:
        return
    for m in re.finditer(re.escape(quoted), doc.norm):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            rec.mentions.append((m.start(), m.end()))
            taken.append((m.start(), m.end()))


def read(doc: Doc, lex: Lexicon) -> list[Found]:
    """Every campaign of a document, in order of first mention."""
    r = reader(lex)
    found: dict[str, Found] = {}
    taken = _known(doc, r, found)
    _discovered(doc, r, taken, found)
    _quoted_names(doc, r, taken, found)
    for rec in found.values():
        rec.mentions.sort()
    return sorted(found.values(), key=lambda f: f.mentions[0][0])
