"""Measures: one record per action clause whose verb is in ``lexicons/measure_verbs.yaml``, with
its object, partners, linked campaigns and status (``lexicons/statuses.yaml``).

Coordinated objects stay in one measure (制定A、B和C -> object "A、B和C", objects [A, B, C]);
chained verbs give one measure, of the verb nearest the object (研究制定整改措施 -> 制定).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, pairwise
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc, SectionNode
from ..sentences import MAX_SENTENCE
from ..lexicons import Lexicon
from ..patterns import alternation
from ..spans import Spans

_CLAUSE_END = frozenset(",;。:!?\n")
_OPENERS = {"“": "”", "《": "》", "(": ")", "‘": "’"}
_SKIP_AFTER_VERB = frozenset("了好出起过")
_CONJ = re.compile(r"、|和|及|以及|与")
# Words that end an object; at its very start they mean the verb has no object (开展较好).
_START_STOPS = frozenset({"之外", "和", "及", "与", "中"})   # no object starts with these (发布|之外, 发布|和宣传)
_LEAD_STOPS = frozenset({"是", "以来", "伊始", "之际", "到", "从", "上下功夫", "较", "有序", "均", "均已", "提供", "作出", "取得", "认真", "及时", "以", "确保", "促进", "并", "为", "从而", "进行", "予以",
                         "对", "向", "在", "将", "把", "被", "由", "通过", "时间", "较好", "较差",
                         "不够", "不多", "较少", "不力", "不足", "空白", "滞后", "仍然", "仍", "不规范", "存在"})
# Words that end an object once it has begun (一个新谓语或状语开始).
_INNER_STOPS = _LEAD_STOPS | frozenset({"逐一", "入选", "获评", "评为", "进一步", "切实", "有效", "形成", "实现", "着力", "助力", "不断", "持续", "有力",
                                        "全面", "扎实", "深入", "积极", "主动", "同时", "先后", "分别", "共", "均", "中",
                                        "上", "后", "时", "期间", "以来", "情况", "工作中", "维护", "围绕", "聚焦",
                                        "坚持", "推动", "推进", "加强", "强化", "提升", "提高", "深化", "落实"})
_MAX_OBJECT = 40
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_ADVERBS = frozenset({"专题", "认真", "及时", "定期", "集中", "专门", "全面", "深入", "积极", "主动", "联合", "共同", "统一",
                      "先后", "分别", "已经", "持续", "不断", "逐一", "重新", "专项", "组织", "依法", "精心", "广泛",
                      "扎实", "大力", "切实", "严格", "首次", "率先", "同步", "陆续", "相继", "常态化", "再", "又", "已",
                      "逐步", "日益", "更加", "进一步", "不断"})


@dataclass
class MeasureFound:
    verb: str
    category: str
    start: int                      # verb start
    verb_end: int
    object_start: int
    object_end: int
    status: str = "done"
    cue: str | None = None
    partners: list[str] = field(default_factory=list)
    campaigns: list[int] = field(default_factory=list)   # indexes into the document's campaigns
    objects: list[str] = field(default_factory=list)
    concrete: bool = True


class MeasureReader:
    def __init__(self, lex: Lexicon) -> None:
        mv, st = lex.measure_verbs, lex.statuses
        self.concrete = frozenset(v.verb for v in mv.verbs)
        self.category = {**{w: "other" for w in mv.policy}, **{v.verb: v.category for v in mv.verbs}}
        self.frame_ends = tuple(mv.frame_ends)
        self.frame_starts = tuple(mv.frame_starts)
        self.object_before = frozenset(mv.object_before)
        self.frame_spans = [(f.open, re.compile(f.close) if f.close else None, f.policy_only) for f in mv.frame_spans]
        self.purpose = re.compile(r"\s*(?:" + alternation(mv.purpose_leads) + r")(?!主|指导|引领)") if mv.purpose_leads else None
        self.event_before = re.compile(
            r"(?P<obj>[^,。;:!?\n“”]{2,30}?" + alternation(mv.event_heads) + r")(?:于?(?:日前|近日|昨日|今天|今日|当天|"
            r"\d{1,2}月\d{1,2}日))?(?:在[^,。;:!?\n]{1,16})?(?:隆重|顺利|胜利|正式)?$") if mv.event_heads else None
        self.verb_suffixes = tuple(sorted(self.concrete, key=len, reverse=True))   # concrete acts inside a long object
        self.verb_lengths = sorted({len(v) for v in self.category}, reverse=True)
        self.verb_re = re.compile(alternation(self.category))
        self.direction = frozenset(mv.direction)
        self.partner = re.compile(alternation(w for w in mv.partner_markers if len(w) > 1 or w in "与同"))
        self.planned, self.weak = frozenset(st.planned), frozenset(st.planned_weak)
        self.planned_time = frozenset(st.planned_time)
        self.done, self.ongoing, self.after_done = frozenset(st.done), frozenset(st.ongoing), frozenset(st.after_done)
        self.review, self.needs_verb = frozenset(st.review), frozenset(st.needs_verb)
        self.forward = re.compile(alternation(st.forward_sections))
        self.instruction = re.compile(alternation(st.instruction_leads))
        self.instruction_verbs, self.wishes = frozenset(st.instruction_verbs), frozenset(st.wishes)
        self.ongoing_verbs = frozenset(st.ongoing_verbs)
        self.nominal = frozenset(mv.nominal_heads)
        self.heads = tuple(sorted(mv.object_heads, key=len, reverse=True))
        self.generic = frozenset(mv.generic_objects)
        self.reach = st.adverb_reach
        self.verbs_of = _VerbMemo(self)             # _verb_of's answers, by word
        # Any word that can decide a status from the sentence (a quick test before the lists one by one).
        self.sentence_cues = (self.planned | self.planned_time | self.wishes | self.instruction_verbs | self.review
                              | _NUMBERED_MUST)
        self.frame_opener = re.compile(alternation(o for o, _, _ in self.frame_spans))


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> MeasureReader:
    return MeasureReader(lex)


def _verb_of(word: str, r: MeasureReader) -> str | None:
    """The measure verb a token is or ends with (深入开展 -> 开展); worked out once per word."""
    return r.verbs_of[word]


class _VerbMemo(dict):
    """``_verb_of``'s answers by word, each worked out on first sight; emptied when it grows past
    ``_MEMO_SIZE`` words, as numbers make the vocabulary open. The hot loops index it directly."""

    def __init__(self, r: MeasureReader) -> None:
        super().__init__()
        self.r = r

    def __missing__(self, word: str) -> str | None:
        if len(self) >= _MEMO_SIZE:
            self.clear()
        verb = self[word] = _ending_verb(word, self.r)
        return verb


_MEMO_SIZE = 200_000


def _ending_verb(word: str, r: MeasureReader) -> str | None:
    if word in r.category:
        return word
    for n in r.verb_lengths:
        if len(word) > n and word[-n:] in r.category:
            prefix = word[:-n]                        # 深入|开展, 研究|制定: an adverb or a verb before it;
            if prefix in _ADVERBS or prefix in r.category or prefix in r.direction:   # not 党|组织
                return word[-n:]
    return None


_QUOTED = re.compile(r"《[^《》\n]{1,60}》|“[^“”\n]{1,40}”")


def _quoted_mask(norm: str) -> bytearray:
    """Which characters lie inside 《》 and short “” quotes (names and titles, whose verbs are no
    measures), one byte per character: 1 strictly inside a quote (the marks themselves excluded).
    The quotes never overlap, so this is ``Spans.inside`` of them, looked up in constant time."""
    mask = bytearray(len(norm))
    for m in _QUOTED.finditer(norm):
        mask[m.start() + 1:m.end()] = b"\1" * (m.end() - m.start() - 1)
    return mask


def _index_at(starts: list[int], pos: int, lo: int = 0) -> int:
    """``bisect_right(starts, pos) - 1``: the last token starting at or before ``pos``. ``lo``, a token
    known to start at or before it, bounds the search: as tokens are never empty, the answer lies
    within ``pos - starts[lo]`` tokens of it (checked, so that the answer is the same whatever)."""
    n = len(starts)
    if not 0 <= lo < n or starts[lo] > pos:
        if 0 < lo <= n and starts[lo - 1] <= pos:
            return lo - 1                             # the token before ``lo``
        return bisect_right(starts, pos) - 1
    if lo + 1 == n or starts[lo + 1] > pos:
        return lo                                     # the token at ``lo`` holds ``pos``
    if lo + 2 == n or starts[lo + 2] > pos:
        return lo + 1                                 # the one after it
    hi = lo + pos - starts[lo] + 1
    if hi >= n:
        return bisect_right(starts, pos, lo) - 1
    if starts[hi] <= pos:                             # an empty token after all
        return bisect_right(starts, pos) - 1
    return bisect_right(starts, pos, lo, hi) - 1


def _word_from(words: list[str], starts: list[int], pos: int, lo: int = 0) -> tuple[int, str, int] | None:
    """``doc.tokens_from(pos, 1)`` by index: (index, word, end) of the first token from ``pos`` on,
    a token that straddles ``pos`` cut there; None past the last token. ``lo``: see ``_index_at``."""
    i = _index_at(starts, pos, lo)
    if i < 0:
        return (0, words[0], starts[0] + len(words[0])) if words else None
    start, word = starts[i], words[i]
    end = start + len(word)
    if end <= pos:
        i += 1
        if i >= len(words):
            return None
        word = words[i]
        return i, word, starts[i] + len(word)
    return (i, word[pos - start:], end) if start < pos else (i, word, end)


def _object_end(doc: Doc, start: int, limit: int, r: MeasureReader, figure_starts: set[int],
                words: list[str], starts: list[int], index: int = 0) -> int:
    """Where the object that starts at ``start`` ends: at clause punctuation, a figure, a new
    predicate, or a purpose word; brackets and quotes are kept whole. ``words``, ``starts``: the
    document's tokens (``Doc.tokens``); ``index``: a token starting at or before ``start``."""
    norm, pos, end, count, i = doc.norm, start, start, len(words), index
    while pos < limit:
        ch = norm[pos]
        if ch in _OPENERS:
            close = norm.find(_OPENERS[ch], pos + 1, min(limit, pos + 62))
            if close < 0:
                break
            pos = end = close + 1
            continue
        if ch in _CLAUSE_END or (pos > start and pos in figure_starts):
            break
        if i + 1 < count and starts[i + 1] == pos and (i + 2 == count or starts[i + 2] > pos):
            i += 1                                    # the next token starts here: no search
            word = words[i]
            word_end = pos + len(word)
        else:
            tok = _word_from(words, starts, pos, i)
            if tok is None:
                break
            i, word, word_end = tok
        nxt = words[i + 1] if i + 1 < count else ""
        if word in _LEAD_STOPS or (pos == start and word in _START_STOPS) or (pos > start and _new_predicate(word, nxt, r)):
            break
        if ch == "、" and (_verb_of(nxt, r) or nxt in r.direction):
            break                                   # 召开发布会、开展宣传: a new measure
        pos = word_end
        if not ch.isspace() and ch != "、":
            end = pos
    return min(end, start + _MAX_OBJECT)


_PARTNER_CUT = re.compile(r"等|共同|联合|分别|一起|深入|开展|召开|签订|建立|\d|[一二两三四五六七八九十]+[家个部]")
_PARTNER_PART = re.compile(r"[^、和及]+")


def _partners(doc: Doc, clause_start: int, verb_start: int, r: MeasureReader) -> list[str]:
    """与市公安局召开… -> [市公安局]; 与区烟草专卖局、区教体局等5部门会签… -> [区烟草专卖局, 区教体局]."""
    if r.partner.search(doc.norm, clause_start, verb_start) is None:
        return []                                     # no partner marker: the usual case
    marks = list(r.partner.finditer(doc.norm, clause_start, verb_start))
    text = doc.norm[marks[-1].end():verb_start]
    cut = _PARTNER_CUT.search(text)
    text = text[:cut.start()] if cut else text
    if not text or len(text) > 24 or "的" in text:
        return []
    base = marks[-1].end()
    out = []
    for part in _PARTNER_PART.finditer(text):
        out.append(doc.text(base + part.start(), base + part.end()))
    return out


class _Forward:
    """A document's forward-looking sections, (start, end, cue) in document order; the first that
    holds a position is found by bisection (on the furthest end so far) when they run in text order."""

    def __init__(self, spans: list[tuple[int, int, str]], instructions: _Instructions | None = None) -> None:
        self.spans, self.instructions = spans, instructions
        starts = [s for s, _, _ in spans]
        self.in_order = all(a <= b for a, b in pairwise(starts))
        self.reach = list(accumulate((e for _, e, _ in spans), max))

    def cue_at(self, pos: int) -> str | None:
        if not self.in_order:
            return next((cue for start, end, cue in self.spans if start <= pos < end), None)
        j = bisect_right(self.reach, pos)             # the first section that ends after pos
        return self.spans[j][2] if j < len(self.spans) and self.spans[j][0] <= pos else None


def _forward_sections(doc: Doc, r: MeasureReader) -> _Forward:
    """Sections that look forward, with their cue: 下一步工作打算 -> 下一步; in a speech, a section
    whose title or marker gives an instruction (一是要进一步加强…, 二要完善…) -> 要."""
    speech = doc.meta.doc_type in ("speech", "meeting_news")
    out = []
    for sec in doc.sections:
        m = r.forward.search(doc.norm, sec.title_start, sec.title_end)
        if m:
            out.append((sec.start, sec.end, m.group()))
        elif speech and ("要" in (sec.marker or "") or
                         not r.planned.isdisjoint(doc.words_between(sec.title_start, sec.title_end))):
            out.append((sec.start, sec.end, "要"))
    return _Forward(out, _Instructions(doc, r))


class _Instructions:
    """全市检察机关要: … — a sentence that opens instructions makes what follows in it, and the
    sections after it in a speech or meeting news, a plan. The leads are literal words, so the
    first one in the document answers for every position past its end and none stands before its
    start: one search per document, not one from the document's start per measure."""

    def __init__(self, doc: Doc, r: MeasureReader) -> None:
        self.norm, self.pattern = doc.norm, r.instruction
        self.first = r.instruction.search(doc.norm) if doc.meta.doc_type in ("speech", "meeting_news") else None

    def lead_before(self, pos: int) -> str | None:
        """The instruction lead lying wholly before ``pos``, if any (the first in the document)."""
        first = self.first
        if first is None or pos <= first.start():
            return None
        if pos >= first.end():
            return first.group()
        m = self.pattern.search(self.norm, 0, pos)   # pos inside the first lead: a shorter lead may fit
        return m.group() if m else None


_LOOK_UP = object()


def status(doc: Doc, m: MeasureFound, r: MeasureReader, forward: _Forward, *, index: int = 0,
           sentence: int | None = None, clause_start: int | None = None,
           section: SectionNode | None | object = _LOOK_UP) -> tuple[str, str | None]:
    """done / planned / ongoing and the word that decided it, in this order: 了 right after the verb;
    a speech's numbered instruction (四要); a plan cue in the sentence (要 将 拟 下一步 …); a wish;
    an instruction lead in a speech or meeting news; a forward-looking section or the plan section; a review marker
    (以来, 截至目前, 已经); an instruction list (要:); a weak plan cue (着力 …) where plans are made;
    an adverb right before the verb (持续 → ongoing, 先后 → done); otherwise done.

    What ``read`` already knows is passed on rather than looked up again: ``index``, a token that
    starts at or before the verb (the verb's own); ``sentence``, ``clause_start``: where the verb's
    sentence and clause start; ``section``: the section node at the verb."""
    speech = doc.meta.doc_type in ("speech", "meeting_news")
    token_words, token_starts = doc.tokens.words, doc.tokens.starts
    if sentence is None:
        sentence = doc.sentence_at(m.start)[0]
    words, fused, nxt, last = _around_verb(doc, m, sentence, index)
    if fused:
        words.append(fused)                           # 要筑牢 as one token: its 要 is a word before the verb
    if nxt is not None and nxt in r.after_done:
        return "done", nxt                            # 建立了, 提出了: done, whatever 应当 or 要 stood before
    # The sentence's words are tested against all cues at once first: most sentences hold none.
    cued = not r.sentence_cues.isdisjoint(words)
    if not cued:
        pass
    elif not _NUMBERED_MUST.isdisjoint(words):
        return "planned", next(w for w in reversed(words) if w in _NUMBERED_MUST)   # 四要强化业务素质
    for cues in (r.planned, r.planned_time) if cued else ():
        if cues.isdisjoint(words):
            continue
        for i in range(len(words) - 1, -1, -1):
            if words[i] in cues and not (words[i] in r.needs_verb and not _verb_follows(words, i, r)):
                return "planned", words[i]
    if cued and not r.wishes.isdisjoint(words):
        return "planned", next(w for w in words if w in r.wishes)   # 希望该院今后…: a third party's wish
    if cued and speech and not r.instruction_verbs.isdisjoint(words):
        return "planned", next(w for w in words if w in r.instruction_verbs)   # 会议强调,…深化政治巡视
    forward_cue = forward.cue_at(m.start)
    if forward_cue:
        return "planned", forward_cue                 # 下一步工作打算: even 对已经整改的问题开展“回头看”
    if section is _LOOK_UP:
        section = doc.section_node_at(m.start)
    if section is not None and section.role == "plan":
        return "planned", section.role_cue or "plan"  # anything in the plan section (contract)
    if cued and not r.review.isdisjoint(words):
        return "done", next(w for w in reversed(words) if w in r.review)
    instruction = forward.instructions.lead_before(m.start) if speech else None
    if instruction:
        return "planned", instruction
    if fused in r.ongoing:                           # 不断完善 as one token: its adverb is 不断
        return "ongoing", fused
    if fused in r.done:
        return "done", fused
    if clause_start is None:
        clause_start = _clause_start(doc.norm, m.start)
    first = _index_at(token_starts, clause_start - 1, max(0, last - (m.start - clause_start))) + 1
    for k in range(last, first - 1, -1):              # the clause's tokens, backwards
        word, start = token_words[k], token_starts[k]
        if start + len(word) > m.start:
            continue                                  # a token running past the verb's start
        if speech and word in r.weak:
            return "planned", word
        if m.start - start > r.reach:
            if not speech:
                break                                 # the tokens before lie further still: nothing left to find
            continue
        if word in r.ongoing:
            return "ongoing", word
        if word in r.done:
            return "done", word
    if m.verb in r.ongoing_verbs:
        return "ongoing", m.verb                      # 坚持打早打小: a standing practice
    return "done", None


def _around_verb(doc: Doc, m: MeasureFound, sentence: int, index: int = 0
                 ) -> tuple[list[str], str | None, str | None, int]:
    """The tokens around a measure's verb that ``status`` reads, found by token index from
    ``index`` (the verb's token, as ``read`` knows it; any token will do, only slower):

    - the words of the tokens lying wholly between ``sentence`` and the verb (``doc.words_between``);
    - the adverb a tokenizer fused with the verb into one token (不断完善, 持续开展), if any: the text
      from the start of the token that ends with the verb, when it starts at most 6 characters before;
    - the word from the verb's end on (``doc.tokens_from(m.verb_end, 1)``), None past the last token;
    - the index of the token holding the character before the verb (-1 at the text's start)."""
    words, starts = doc.tokens.words, doc.tokens.starts
    start, verb_end, count = m.start, m.verb_end, len(words)
    if not 0 <= index < count:
        index = 0
    last = _index_at(starts, start - 1, index)
    first = _index_at(starts, sentence - 1, max(0, last - (start - sentence))) + 1
    j = last + 1
    if j > first and starts[last] + len(words[last]) > start:
        j -= 1                                        # the last token runs past the verb's start
    fused = nxt = None
    if count and start < starts[-1] + len(words[-1]):   # a token from the verb on
        k = index if starts[index] < verb_end and (index + 1 == count or starts[index + 1] >= verb_end) \
            else _index_at(starts, verb_end - 1, index)   # the token holding the verb's last character
        k_end = starts[k] + len(words[k]) if k >= 0 else -1
        if k >= 0 and starts[k] >= start - 6 and k_end == verb_end:
            fused = doc.norm[starts[k]:start] or None
        if k >= 0 and k_end == verb_end and k + 1 < count and starts[k + 1] == verb_end \
                and (k + 2 == count or starts[k + 2] > verb_end):
            nxt = words[k + 1]                        # the next token starts right at the verb's end
        else:
            tok = _word_from(words, starts, verb_end, max(k, 0))
            nxt = tok[1] if tok else None
    else:
        tok = _word_from(words, starts, verb_end, index)
        nxt = tok[1] if tok else None
    return words[first:j], fused, nxt, last


def _verb_follows(words: list[str], i: int, r: MeasureReader) -> bool:
    """将 is "will" before a verb or an adverb, and 把 before a noun (将服务发展理念融入办案)."""
    rest = words[i + 1:i + 3]
    if rest and not _CJK_CHAR.match(rest[0]):
        return False                                  # 工作计划, … : a noun
    return not rest or any(_verb_of(w, r) in r.concrete or w in r.direction or w in r.ongoing or w in r.weak
                           for w in rest)


def read(doc: Doc, lex: Lexicon, campaign_mentions: list[tuple[int, int, int]]) -> list[MeasureFound]:
    """Every measure of a document, in text order. ``campaign_mentions``: (start, end, campaign index)."""
    r = reader(lex)
    norm = doc.norm
    words, starts = doc.tokens.words, doc.tokens.starts
    speech = doc.meta.doc_type in ("speech", "meeting_news")
    quoted = _quoted_mask(norm)
    skipped = Spans(sorted([(s, e) for s, e, _ in campaign_mentions] + (doc.chrome.spans if doc.chrome else [])))
    skipped_chars = _covered(skipped, len(norm))
    campaign_mentions = sorted(campaign_mentions)
    mention_starts = [s for s, _, _ in campaign_mentions]
    figure_starts = {f.start for f in doc.figures}
    figure_ends = {f.start: f.end for f in doc.figures}
    forward = _forward_sections(doc, r)
    topic_titles = Spans([(sec.title_start, sec.title_end) for sec in doc.sections
                    if doc.norm[sec.title_start:sec.title_end].rstrip("。;:").endswith("情况")])
    found: list[MeasureFound] = []
    consumed, count, length = -1, len(words), len(norm)
    verbs_of = r.verbs_of                             # _verb_of, without a call per token
    for i, vend in _verb_tokens(doc, r):
        word, tstart = words[i], starts[i]
        tend = tstart + len(word)
        split = vend != tend                          # 服务|大局 joined in one token
        rest = norm[vend:tend]
        if split:
            word, tend = norm[tstart:vend], vend
        verb = verbs_of[word] or _verb_across(norm, tstart, tend, starts, r)
        if verb is None:
            continue
        vstart = tend - len(verb)
        if quoted[vstart]:
            continue
        nxt = rest if split else words[i + 1] if i + 1 < count else ""
        if nxt in r.nominal or nxt in ("的", "之", "、", "等") or (word == verb and words[i] in _NOUN_LIKE_VERBS
                                                                          and _nominal_before(words, i, r)):
            continue                                  # 组织领导, 评查小组, 法治宣讲、…: a noun
        if tend <= consumed or (found and found[-1].concrete and verb not in r.concrete
                                and found[-1].object_start <= vstart < found[-1].object_end):
            continue                                  # a verb inside an earlier measure's object
        if (skipped_chars.find(1, vstart, tend) >= 0 and _overlaps(skipped, vstart, tend)) or norm.startswith("涉嫌", max(0, vstart - 2)) or (
                i and words[i - 1] in ("涉嫌", "在", "就", "围绕", "对标") and verb not in r.concrete):
            continue                                  # page chrome, a campaign's name, 涉嫌组织卖淫, 在推进…中
        after = words[i + 1 if split else i + 2] if i + (1 if split else 2) < count else ""
        verb_clause_end = _next_clause_end(norm, tend)
        long_end = _long_object(norm, tend, r, verb_clause_end)
        if verbs_of[nxt] and after not in r.nominal and long_end is None:
            continue                                  # 研究|制定, 组织|开展: the nearer verb takes it
        if nxt in ("并", "并且") and verbs_of[after]:
            continue                                  # 研究制定并推行…: one act, of the verb nearest the object
        obj_start = tend
        while obj_start < length and norm[obj_start] in _SKIP_AFTER_VERB:
            obj_start += 1
        obj_start = figure_ends.get(obj_start, obj_start)   # 召开5次党组会议: the object follows the figure
        clause_end = _clause_end_after(norm, obj_start, tend, verb_clause_end)
        obj_end = long_end or _object_end(doc, obj_start, clause_end, r, figure_starts, words, starts, i)
        clause_start = _clause_start(norm, vstart)
        if obj_end - obj_start < 2 and verb in r.object_before and r.event_before is not None:
            before = r.event_before.search(norm, clause_start, vstart)
            if before:                                # 全市检察长会议召开: the event is named before the verb
                obj_start, obj_end = before.start("obj"), before.end("obj")
                clause_end = _next_clause_end(norm, obj_start)
        state = None
        if obj_end - obj_start < 2 and verb not in r.object_before \
                and norm.endswith(_STATE_ADVERBS, clause_start, vstart):   # the pattern's tail, tested first
            state = _STATE_BEFORE.search(norm, clause_start, vstart)
            if state:                                 # “四大检察”内部衔接机制逐步完善: the state reported
                obj_start, obj_end = state.start("obj"), state.end("obj")
                clause_end = _next_clause_end(norm, obj_start)
        obj = norm[obj_start:obj_end]
        if obj_end - obj_start < 2 or (obj.endswith("案") and _case_title(norm, obj_end)) or _generic(obj, r) \
                or _ANNIVERSARY.match(norm, obj_start) or "情况的" in obj or obj.endswith(("综述", "纪实")):
            continue                                  # 成立75周年, 开展…情况的工作报告 (a document's name)
        if long_end:
            consumed = long_end
        if topic_titles.spans and _contains(topic_titles, vstart, vstart + 1):
            continue                                  # 一、…组织整改落实情况: a heading naming a topic
        if norm.startswith("是", obj_end):
            continue                                  # 开展某工作是…的重要抓手: a verb phrase as a subject
        if ("》" in obj or "”" in obj) and _closes_unopened(norm, obj_start, obj_end):
            continue                                  # 《关于加强…的决定》: a verb inside a document's title
        concrete = verb in r.concrete
        sentence = doc.sentence_at(vstart)[0]
        if _in_frame(norm, sentence, clause_start, vstart, tend, r, policy=not concrete, cend=verb_clause_end):
            continue                                  # 在服务大局中, 从加大…等方面, 为进一步深化…,: no act
        if not concrete and (_frame(norm, obj_start, obj_end, r, clause_end) or _disposed(words, i, norm, tend)
                             or obj.endswith("中")):
            continue                                  # 坚持以…为指导, 贯彻…精神, 将服务…理念融入: no act
        m = MeasureFound(verb, r.category[verb], vstart, tend, obj_start, obj_end, concrete=concrete)
        if r.partner.search(norm, clause_start, vstart):   # most clauses name no partner
            m.partners = _partners(doc, clause_start, vstart, r)
        section = doc.section_node_at(vstart)
        m.status, m.cue = status(doc, m, r, forward, index=i, sentence=sentence, clause_start=clause_start,
                                 section=section)
        if state is not None and m.status == "ongoing":
            m.status = "done"                         # 机制逐步完善: a state reached, reported as done
        if m.status != "planned" and m.cue not in r.review and m.cue not in r.done and m.cue not in r.after_done \
                and found and found[-1].status == "planned" and speech \
                and _same_line(norm, found[-1].start, vstart):
            m.status, m.cue = "planned", found[-1].cue    # 要持续深化…。始终坚持…: the instructions go on
        if section is not None and section.role == "problems" and m.status != "planned":
            continue                                  # a shortcoming admitted, never an act (contract)
        lo, hi = bisect_left(mention_starts, clause_start), bisect_left(mention_starts, obj_end)
        if hi > lo:                                   # mentions from the clause to the object's end
            m.campaigns = sorted({campaign_mentions[j][2] for j in range(lo, hi)})
        if _CONJ_CHAR.search(obj):                    # most objects are not coordinated
            m.objects = _conjuncts(doc, obj_start, obj_end)
        found.append(m)
    return _without_repeated_headline(doc, found)


# Spans' tests without a generator per call: the same test on the same (at most two) nearest spans.

def _covered(spans: Spans, length: int) -> bytearray:
    """One byte per character of the text: 1 where any of ``spans`` covers it. A range with no such
    character overlaps none of them, so ``_overlaps`` is asked only of the others."""
    mask = bytearray(length)
    for s, e in spans.spans:
        s, e = max(0, s), min(length, max(e, s + 1))   # an empty span still overlaps a range around it
        if e > s:
            mask[s:e] = b"\1" * (e - s)
    return mask


def _overlaps(spans: Spans, start: int, end: int) -> bool:
    """``spans.overlaps(start, end)``."""
    i = bisect_right(spans.starts, end)
    for s, e in spans.spans[max(0, i - 2):i]:
        if s < end and start < e:
            return True
    return False


def _contains(spans: Spans, start: int, end: int) -> bool:
    """``spans.contains(start, end)``."""
    i = bisect_right(spans.starts, end)
    for s, e in spans.spans[max(0, i - 2):i]:
        if s <= start and end <= e:
            return True
    return False


def _without_repeated_headline(doc: Doc, found: list[MeasureFound]) -> list[MeasureFound]:
    """A headline the body repeats (召开全国…会议 in the title and in the first paragraph) is one act,
    reported where the body reports it: the title line's copy is dropped."""
    chrome = doc.chrome
    heads = [(ln.start, ln.end) for ln in doc.lines[:15]
             if 0 < len(doc.norm[ln.start:ln.end].strip()) <= 40 and "。" not in doc.norm[ln.start:ln.end]
             and not (chrome is not None and chrome.overlaps(ln.start, ln.end))][:2]
    if not heads:
        return found

    def key(m: MeasureFound) -> tuple[str, str]:
        return m.verb, doc.norm[m.object_start:m.object_end]

    heads_end = max(e for _, e in heads)
    in_heads = [m for m in found if m.start < heads_end and any(s <= m.start < e for s, e in heads)]
    if not in_heads:
        return found
    verbs = {m.verb for m in in_heads}                # only the body's measures of these verbs can repeat one
    body = {key(m) for m in found if m.start >= heads[-1][1] and m.verb in verbs}
    repeated = {id(m) for m in in_heads if key(m) in body}
    return [m for m in found if id(m) not in repeated] if repeated else found


_STATE_ADVERBS = ("逐步", "不断", "进一步", "日益", "持续", "全面", "更加")
_STATE_BEFORE = re.compile(r"(?P<obj>[^,。;:!?\n]{2,24}?(?:机制|制度|体系|格局|平台|网络))(?:" + "|".join(_STATE_ADVERBS) + ")$")
_NUMBERED_MUST = frozenset(n + "要" for n in "一二三四五六七八九十")   # 四要: a speech's numbered instruction
_ANNIVERSARY = re.compile(r"[\d一二三四五六七八九十百]+周年")
_DISPOSAL = re.compile(r"融入|纳入|作为|贯穿|摆在|放在|列为|落实到|体现在")


def _disposed(words: list[str], i: int, norm: str, end: int) -> bool:
    """将|服务发展理念|融入…: after 将/把 and before a verb of placing, a policy verb is part of the noun."""
    return i > 0 and words[i - 1] in ("将", "把") and _DISPOSAL.search(norm, end, _next_clause_end(norm, end)) is not None


def _closes_unopened(norm: str, start: int, end: int) -> bool:
    obj = norm[start:end]
    return ("》" in obj and obj.count("》") > obj.count("《")) or ("”" in obj and obj.count("”") > obj.count("“"))


def _same_line(norm: str, a: int, b: int) -> bool:
    return "\n" not in norm[a:b]


def _frame(norm: str, start: int, end: int, r: MeasureReader, clause_end: int | None = None) -> bool:
    """Whether a policy verb's object is an ideological frame rather than a task. ``clause_end``:
    ``_next_clause_end(norm, start)``, when known."""
    obj = norm[start:end]
    clause = norm[start:_next_clause_end(norm, start) if clause_end is None else clause_end]
    return obj.startswith(r.frame_starts) or obj.endswith(r.frame_ends) or clause.rstrip("。;").endswith(r.frame_ends)


_MAIN_CLAUSE = re.compile(r"\d{1,2}月\d{1,2}日|日前|近日|今天|当天|我们|我院|该院|本院|检察院(?!的)|检察机关(?!的)")


def _in_frame(norm: str, sentence: int, clause_start: int, vstart: int, vend: int, r: MeasureReader,
              policy: bool, cend: int | None = None) -> bool:
    """Whether a verb stands inside a circumstance, topic or purpose frame of its clause (lexicon
    ``frame_spans``, ``purpose_leads``): 在…中, 从…等方面, 以…为契机, 为进一步…,. ``sentence``: where
    the verb's sentence starts (a purpose may lead it over several clauses); ``cend``:
    ``_next_clause_end(norm, vend)``, when known."""
    if cend is None:
        cend = _next_clause_end(norm, vend)
    before, after = norm[clause_start:vstart], norm[vend:cend]
    if policy and r.purpose is not None and cend < len(norm) and norm[cend] == ",":
        if r.purpose.match(before) or r.purpose.match(norm, sentence) and not _MAIN_CLAUSE.search(norm, sentence, vstart):
            return True                               # 为进一步深化…,共同维护…,: the aims before the act
    if r.frame_opener.search(before) is None:
        return False                                  # no frame opens before the verb
    for opener, close, policy_only in r.frame_spans:
        if (policy or not policy_only) and opener in before and (close is None or close.search(after)):
            return True
    return False


_MODALS = frozenset(("要", "将", "会", "须", "应", "需", "必须", "应当", "着力", "全力", "努力", "继续", "还要", "更要"))


def _verb_across(norm: str, tstart: int, tend: int, starts: list[int], r: MeasureReader) -> str | None:
    """A verb the dictionary cut apart (筑|牢) or joined to a modal word (要筑牢): the verb ending the
    token, when it starts at a token boundary or right after a modal."""
    for n in r.verb_lengths:
        vstart = tend - n
        if vstart < 0 or norm[vstart:tend] not in r.category:
            continue
        if vstart < tstart and vstart == starts[bisect_right(starts, vstart) - 1]:
            return norm[vstart:tend]
        if vstart > tstart and norm[tstart:vstart] in _MODALS:
            return norm[vstart:tend]
    return None


def _verb_tokens(doc: Doc, r: MeasureReader) -> list[tuple[int, int]]:
    """(token index, verb end) of the tokens that are or end with a measure verb, found by one pass
    of a pattern over the text (a verb that ends inside a token, 党组织|, is not one), and of the
    tokens that start with one before an object of two characters or more, which the dictionary
    joined to it (服务大局, 提起公诉)."""
    words, starts = doc.tokens.words, doc.tokens.starts
    out: list[tuple[int, int]] = []
    i, count = 0, len(starts)
    for m in r.verb_re.finditer(doc.norm):
        end = m.end()
        pos = end - 1                                 # matches come in text order: search on from the last
        lo = max(i, 0)
        hi = lo + pos - starts[lo] + 1 if lo < count and starts[lo] <= pos else 0
        if 0 < hi < count and starts[hi] > pos:
            i = bisect_right(starts, pos, lo, hi) - 1   # within pos - starts[lo] tokens, none being empty
        else:
            i = _index_at(starts, pos, lo)
        if i < 0:
            continue
        word, tstart = words[i], starts[i]
        tend = tstart + len(word)
        if out and out[-1][0] == i:
            if tend == end:
                out[-1] = (i, end)                    # 建立|健全: the verb that ends the token wins
            continue
        if tend == end or (tstart == m.start() and tend - end >= 2 and word[end - tstart:].isalpha()):
            out.append((i, end))
    return out


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_NOUN_LIKE_VERBS = frozenset(("评查", "研究", "培训", "宣讲", "督促", "授课", "检查", "部署"))


def _nominal_before(words: list[str], i: int, r: MeasureReader) -> bool:
    """A verb after a noun of its own kind is a noun too (案件质量|评查, 理论|研究): 评查 and 研究
    only act when an adverb, a subject marker or punctuation stands before them."""
    if i == 0 or words[i] not in _NOUN_LIKE_VERBS:
        return False
    prev = words[i - 1]
    return bool(_CJK_WORD.fullmatch(prev)) and prev not in r.direction and prev not in _ADVERBS \
        and _verb_of(prev, r) is None


_CASE_TITLE = re.compile(r"(?:诉讼|纠纷|犯罪|罪|监督|公益)案$")


def _new_predicate(word: str, nxt: str, r: MeasureReader) -> bool:
    """Whether ``word`` (followed by ``nxt``) starts a new predicate and so ends an object. A verb
    before punctuation or a nominal head is the object's head (开展专项检查, 督导检查工作); a verb of
    direction bound to a one-character nominal suffix is a noun (工作推进|会)."""
    suffix = len(nxt) == 1 and nxt in r.nominal
    if r.verbs_of[word] in r.concrete:
        return not (not nxt or not _CJK_CHAR.match(nxt) or nxt in r.nominal or nxt == "工作")
    if word in r.direction:
        return not suffix
    return word in _INNER_STOPS


def _long_object(norm: str, start: int, r: MeasureReader, end: int | None = None) -> int | None:
    """The end of an object that runs to the end of its clause because it ends in a head noun
    (…的工作方案, …组成的心理救助团队), over verbs inside it; None when the clause ends otherwise.
    ``end``: ``_next_clause_end(norm, start)``, when known."""
    if end is None:
        end = _next_clause_end(norm, start)
    text = norm[start:end].rstrip()
    if not 4 <= len(text) <= 60 or not text.endswith(r.heads):
        return None
    if "的" in text or (not text.startswith(r.verb_suffixes) and r.verb_re.search(text)):
        return start + len(text)                      # …的工作方案; 专题研究监督落实…工作机制
    return None


def _generic(obj: str, r: MeasureReader) -> bool:
    """核查|工作, 督办|事项, 宣讲|覆盖率: the verb modifies a generic noun; no act is reported."""
    return obj in r.generic or obj.endswith("率")


def _case_title(norm: str, obj_end: int) -> bool:
    """督促保护森林资源行政公益诉讼案: the title of a case, not an act (预案, 方案 are objects)."""
    return obj_end > 0 and norm[obj_end - 1] == "案" and bool(_CASE_TITLE.search(norm, max(0, obj_end - 4), obj_end))


_CLAUSE_END_RE = re.compile(r"[,;。:!?\n]")


def _next_clause_end(norm: str, pos: int) -> int:
    """Where the clause at ``pos`` ends; never further than a sentence may run (sentences.py), so a
    text without punctuation costs no rescan per measure."""
    limit = min(len(norm), pos + MAX_SENTENCE)
    m = _CLAUSE_END_RE.search(norm, pos, limit)
    return m.start() if m else limit


def _clause_end_after(norm: str, pos: int, start: int, end: int) -> int:
    """``_next_clause_end(norm, pos)`` for ``pos`` at or after ``start``, given ``end``, the clause end
    from ``start``: the same end when ``pos`` lies before it and it is punctuation or the text's end
    (not the cut of an over-long clause)."""
    if start <= pos <= end and (end == len(norm) or norm[end] in _CLAUSE_END):
        return end
    return _next_clause_end(norm, pos)


_TO_LAST_CLAUSE_END = re.compile(r".*[,;。:!?\n]", re.DOTALL)   # greedy: up to the last clause punctuation


def _clause_start(norm: str, pos: int) -> int:
    """Where the clause at ``pos`` starts: after the last clause punctuation among the 79 characters
    before it; ``pos - 80`` when there is none."""
    m = _TO_LAST_CLAUSE_END.match(norm, max(0, pos - 79), pos)
    return m.end() if m else max(0, pos - 80)


_CONJ_CHAR = re.compile(r"[、和及与]")


def _conjuncts(doc: Doc, start: int, end: int) -> list[str]:
    """The parts of a coordinated object, split at top-level 、和及与 (not inside quotes or 《》)."""
    norm, parts, depth, last = doc.norm, [], 0, start
    if _CONJ_CHAR.search(norm, start, end) is None:
        return []                                     # nothing to split at
    for pos in range(start, end):
        ch = norm[pos]
        if ch in "“《(‘":
            depth += 1
        elif ch in "”》)’":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "、和及与" and pos > last:
            parts.append(doc.text(last, pos))
            last = pos + 1
    if not parts:
        return []
    parts.append(doc.text(last, end))
    return [p for p in parts if p]
