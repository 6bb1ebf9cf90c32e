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
from ..patterns import alternation, branches


@dataclass
class Found:
    """A campaign of one document, with its mentions as offsets."""

    key: str                       # lexicon id, or the normalized surface name
    name: str
    kind: str | None
    lexicon_id: str | None
    years: list[int]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    searched: set[str] = field(default_factory=set)   # quoted cores already looked for in the text


_PARTICLES = "了的着过是"
_DATED = re.compile(r"\d|^[自从]")                   # 自2014年10月展开专项行动: a date, not a name
_ITEMS = re.compile(r"(?:“[^“”\n]{1,12}”、?|[\u4e00-\u9fff]{2,8}、)+$")
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
        # one flat group of literal-first branches: the engine skips to their first characters
        self.kind_words = re.compile("(?:" + branches(self.kinds) + "|"
                                     + branches(self.after_quote, behind=("”", "”等")) + ")")
        self.quoted = re.compile("“[^“”\n]{1,20}?" + alternation(pat.quoted_endings) + "”")
        self.quoted_kind = {normalize(k): v for k, v in pat.quoted_endings.items()}
        self.fold_suffix = pat.fold_suffix
        self.lead = re.compile("(?:" + alternation(pat.lead_words) + r"|[,;:。!?、\n(（)）《》\s])")
        self.generic = frozenset(pat.generic_cores)
        self.max_core = pat.max_core
        self.clause_words = re.compile(alternation(pat.clause_words)) if pat.clause_words else None
        self.suggestion_range = re.compile(pat.suggestion_range) if pat.suggestion_range else None


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> CampaignReader:
    return CampaignReader(lex)


class Taken(list):
    """The spans names were taken from, with an overlap test in the length of the span asked about
    (a mask over the text), not in the number of spans taken so far."""

    def __init__(self, size: int, spans=()) -> None:
        super().__init__()
        self.mask = bytearray(size)
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        super().append(span)
        start, end = span
        self.mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self.mask[start:end]


def _ranges(doc: Doc, r: CampaignReader, found: dict[str, Found]) -> list[tuple[int, int]]:
    """第二至第七号检察建议: one record for the range written as one phrase (contract)."""
    spans = []
    for m in r.suggestion_range.finditer(doc.norm) if r.suggestion_range else ():
        name = doc.text(m.start(), m.end())
        rec = found.setdefault(folded(name), Found(folded(name), name, "检察建议", None, []))
        rec.mentions.append((m.start(), m.end()))
        spans.append((m.start(), m.end()))
    return spans


def _known(doc: Doc, r: CampaignReader, found: dict[str, Found], ranges: list[tuple[int, int]]) -> Taken:
    taken = Taken(len(doc.norm), ranges)
    spans = Taken(len(doc.norm), ranges)
    for m in r.known.finditer(doc.norm):
        if taken.overlaps(m.start(), m.end()):
            continue
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


def _quoted_names(doc: Doc, r: CampaignReader, taken: Taken, found: dict[str, Found]) -> None:
    """A quoted name that is a campaign by its ending: “质量建设年”, “护苗行动”."""
    for m in r.quoted.finditer(doc.norm):
        if taken.overlaps(m.start(), m.end()) or r.kind_words.match(doc.norm, m.end()):
            continue
        ending = next(k for k in sorted(r.quoted_kind, key=len, reverse=True) if m.group()[:-1].endswith(k))
        name = doc.text(m.start(), m.end())
        rec = found.setdefault(folded(name), Found(folded(name), name, r.quoted_kind[ending], None, []))
        rec.mentions.append((m.start(), m.end()))
        taken.append((m.start(), m.end()))


def _discovered(doc: Doc, r: CampaignReader, taken: Taken, found: dict[str, Found]) -> None:
    norm = doc.norm
    quoted_cores: list[tuple[int, int, Found]] = []
    for m in r.kind_words.finditer(norm):
        if taken.overlaps(m.start(), m.end()):
            continue
        kind_start = m.start() - 1 if norm.startswith("”等", m.start() - 2) else m.start()   # “A”、“B”等活动
        start = _name_start(norm, kind_start, r)
        if start is None:
            continue
        while start < m.start() and norm[start] in _PARTICLES:
            start += 1
        core = norm[start:kind_start].strip("“”")
        if len(core) < 2 or core in r.generic or _COUNTED.fullmatch(core) or _DATED.search(core) or (
                norm[start] != "“" and r.clause_words is not None and r.clause_words.search(core)):
            continue                                  # 开展专项活动, 七个专项行动, 组织全体干警学习专项行动
        rec = _add(doc, r, found, start, kind_start, m.end(), m.group())
        taken.append((start, m.end()))
        quoted_cores.append((start, kind_start, rec))
    for start, kind_start, rec in quoted_cores:
        _quoted_core_mentions(doc, start, kind_start, rec, taken)


def _add(doc: Doc, r: CampaignReader, found: dict[str, Found], start: int, kind_start: int, end: int, kind: str,
         kind_text: str | None = None) -> Found:
    """The record of a name found by pattern (from ``start`` to ``end``; ``kind_text`` when the kind
    word is shared with the next item and stands after ``end``): the lexicon's record when the name is
    a lexicon name or alias (“扫黑除恶”专项斗争 is 扫黑除恶专项斗争), else a record of its own."""
    core = doc.norm[start:kind_start]
    for surface in (core + (kind_text or doc.norm[kind_start:end]), core.strip("“”") + (kind_text or doc.norm[kind_start:end]),
                    core.strip("“”")):
        entry_id = r.surface.get(surface)
        if entry_id:
            entry = r.entries[entry_id]
            rec = found.setdefault(entry_id, Found(entry_id, entry.name, entry.kind, entry_id, list(entry.years)))
            rec.mentions = [(s, e) for s, e in rec.mentions if not (s < end and start < e)] + [(start, end)]
            return rec                                # “扫黑除恶”专项斗争 is one mention, not two
    if kind_text and end == kind_start:
        name = doc.text(start, end) + kind_text       # 蓝天 + 保卫战
    elif kind_start < end and doc.norm[kind_start] == "等":
        name = doc.text(start, kind_start) + doc.text(kind_start + 1, end)   # “护苗”等活动 -> “护苗”活动
    else:
        name = doc.text(start, end)
    key = _fold_key(found, folded(name), kind, r)
    rec = found.setdefault(key, Found(key, name, r.kinds.get(kind) or r.after_quote[kind], None, []))
    rec.mentions.append((start, end))
    return rec


def _coordinated(doc: Doc, r: CampaignReader, found: dict[str, Found], taken: Taken) -> None:
    """Names coordinated before one kind word are each a campaign: 蓝天、碧水、净土保卫战 (three),
    “清风”、“护苗”等活动 (two); a modifier list before a long name (长江、黄河、珠江流域…专项监督) is not."""
    norm = doc.norm
    for rec in list(found.values()):
        for start, end in list(rec.mentions):
            kind = r.kind_words.search(norm, max(start, end - 8), end)
            while kind is not None and kind.end() != end:
                kind = r.kind_words.search(norm, kind.start() + 1, end)
            if kind is None:
                continue
            kind_start = kind.start() - 1 if norm.startswith("”等", kind.start() - 2) else kind.start()
            core = norm[start:kind_start]
            short = core.startswith("“") or len(core) <= 4     # 净土, “护苗”: a list of names, not of modifiers
            items = _ITEMS.search(norm, max(0, start - 40), start) if short else None
            for item in re.finditer(r"“[^“”\n]{1,12}”|[\u4e00-\u9fff]{2,8}", items.group() if items else ""):
                s, e = items.start() + item.start(), items.start() + item.end()
                if norm[s] != "“":
                    s = max(s, e - len(core))         # 助力打好|蓝天: an item as long as the core
                if not taken.overlaps(s, e):
                    _add(doc, r, found, s, e, e, kind.group(), kind_text=norm[kind.start():kind.end()])
                    taken.append((s, e))


def _fold_key(found: dict[str, Found], key: str, kind: str, r: CampaignReader) -> str:
    """Two wordings of one campaign share the end of their name: fold them to the first."""
    core = key[:-len(kind)].strip("“”")
    for other in found.values():
        if other.lexicon_id is not None or not other.key.endswith(kind):
            continue
        other_core = other.key[:-len(kind)].strip("“”")
        shorter, longer = (core, other_core) if len(core) <= len(other_core) else (other_core, core)
        if len(shorter) >= 2 and (longer.endswith(shorter) or (len(shorter) >= r.fold_suffix
                                                               and longer.endswith(shorter[-r.fold_suffix:]))):
            return other.key
    return key


def _quoted_core_mentions(doc: Doc, start: int, kind_start: int, rec: Found, taken: Taken) -> None:
    """A quoted name (“清风护苗”专项行动) is also mentioned by its quoted core alone (“清风护苗”)."""
    quoted = doc.norm[start:kind_start]
    if not (quoted.startswith("“") and quoted.endswith("”")) or len(quoted) < 4:
        return
    if quoted in rec.searched:
        return                                        # this core was looked for already: one scan per name
    rec.searched.add(quoted)
    norm, size = doc.norm, len(quoted)
    at = norm.find(quoted)
    while at >= 0:                                    # every occurrence, left to right, none overlapping
        if not taken.overlaps(at, at + size):
            rec.mentions.append((at, at + size))
            taken.append((at, at + size))
        at = norm.find(quoted, at + size)


def read(doc: Doc, lex: Lexicon) -> list[Found]:
    """Every campaign of a document, in order of first mention."""
    r = reader(lex)
    found: dict[str, Found] = {}
    taken = _known(doc, r, found, _ranges(doc, r, found))
    _discovered(doc, r, taken, found)
    _quoted_names(doc, r, taken, found)
    _coordinated(doc, r, found, taken)
    for rec in found.values():
        rec.mentions.sort()
    return sorted(found.values(), key=lambda f: f.mentions[0][0])
