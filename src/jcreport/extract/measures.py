"""Measures: one record per action clause whose verb is in ``lexicons/measure_verbs.yaml``, with
its object, partners, linked campaigns and status (``lexicons/statuses.yaml``).

Coordinated objects stay in one measure (制定A、B和C -> object "A、B和C", objects [A, B, C]);
chained verbs give one measure, of the verb nearest the object (研究制定整改措施 -> 制定).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc
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


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> MeasureReader:
    return MeasureReader(lex)


def _verb_of(word: str, r: MeasureReader) -> str | None:
    """The measure verb a token is or ends with (深入开展 -> 开展)."""
    if word in r.category:
        return word
    for n in r.verb_lengths:
        if len(word) > n and word[-n:] in r.category:
            prefix = word[:-n]                        # 深入|开展, 研究|制定: an adverb or a verb before it;
            if prefix in _ADVERBS or prefix in r.category or prefix in r.direction:   # not 党|组织
                return word[-n:]
    return None


_QUOTED = re.compile(r"《[^《》\n]{1,60}》|“[^“”\n]{1,40}”")


def _quoted_mask(norm: str) -> Spans:
    """Spans inside 《》 and short “” quotes: names and titles, whose verbs are no measures."""
    return Spans([(m.start(), m.end()) for m in _QUOTED.finditer(norm)])


def _object_end(doc: Doc, start: int, limit: int, r: MeasureReader, figure_starts: set[int]) -> int:
    """Where the object that starts at ``start`` ends: at clause punctuation, a figure, a new
    predicate, or a purpose word; brackets and quotes are kept whole."""
    norm, pos, end = doc.norm, start, start
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
        tok = doc.tokens_from(pos, 2)
        if not tok:
            break
        word, nxt = tok[0][0], tok[1][0] if len(tok) > 1 else ""
        if word in _LEAD_STOPS or (pos == start and word in _START_STOPS) or (pos > start and _new_predicate(word, nxt, r)):
            break
        if ch == "、" and (_verb_of(nxt, r) or nxt in r.direction):
            break                                   # 召开发布会、开展宣传: a new measure
        pos = tok[0][2]
        if not ch.isspace() and ch != "、":
            end = pos
    return min(end, start + _MAX_OBJECT)


def _partners(doc: Doc, clause_start: int, verb_start: int, r: MeasureReader) -> list[str]:
    """与市公安局召开… -> [市公安局]; 与区烟草专卖局、区教体局等5部门会签… -> [区烟草专卖局, 区教体局]."""
    marks = list(r.partner.finditer(doc.norm, clause_start, verb_start))
    if not marks:
        return []
    text = doc.norm[marks[-1].end():verb_start]
    cut = re.search(r"等|共同|联合|分别|一起|深入|开展|召开|签订|建立|\d|[一二两三四五六七八九十]+[家个部]", text)
    text = text[:cut.start()] if cut else text
    if not text or len(text) > 24 or "的" in text:
        return []
    base = marks[-1].end()
    out = []
    for part in re.finditer(r"[^、和及]+", text):
        out.append(doc.text(base + part.start(), base + part.end()))
    return out


def _forward_sections(doc: Doc, r: MeasureReader) -> list[tuple[int, int, str]]:
    """Sections that look forward, with their cue: 下一步工作打算 -> 下一步; in a speech, a section
    whose title or marker gives an instruction (一是要进一步加强…, 二要完善…) -> 要."""
    speech = doc.meta.doc_type in ("speech", "meeting_news")
    out = []
    for sec in doc.sections:
        m = r.forward.search(doc.norm, sec.title_start, sec.title_end)
        if m:
            out.append((sec.start, sec.end, m.group()))
        elif speech and ("要" in (sec.marker or "") or any(
                w in r.planned for w, _, _ in doc.tokens_between(sec.title_start, sec.title_end))):
            out.append((sec.start, sec.end, "要"))
    return out


def _forward_section(forward: list[tuple[int, int, str]], pos: int) -> str | None:
    return next((cue for start, end, cue in forward if start <= pos < end), None)


def _instruction_context(doc: Doc, pos: int, r: MeasureReader) -> str | None:
    """全市检察机关要: … — a sentence that opens instructions makes what follows in it, and the
    sections after it in a speech or meeting news, a plan."""
    if doc.meta.doc_type not in ("speech", "meeting_news"):
        return None
    m = r.instruction.search(doc.norm, 0, pos)
    return m.group() if m else None


def status(doc: Doc, m: MeasureFound, r: MeasureReader, forward: list[tuple[int, int, str]]) -> tuple[str, str | None]:
    """done / planned / ongoing and the word that decided it, in this order: 了 right after the verb;
    a speech's numbered instruction (四要); a plan cue in the sentence (要 将 拟 下一步 …); a wish;
    an instruction lead in a speech or meeting news; a forward-looking section or the plan section; a review marker
    (以来, 截至目前, 已经); an instruction list (要:); a weak plan cue (着力 …) where plans are made;
    an adverb right before the verb (持续 → ongoing, 先后 → done); otherwise done."""
    words = doc.words_between(doc.sentence_at(m.start)[0], m.start)
    fused = _fused_adverb(doc, m)
    if fused:
        words.append(fused)                           # 要筑牢 as one token: its 要 is a word before the verb
    nxt = doc.tokens_from(m.verb_end, 1)
    if nxt and nxt[0][0] in r.after_done:
        return "done", nxt[0][0]                      # 建立了, 提出了: done, whatever 应当 or 要 stood before
    numbered = next((w for w in reversed(words) if _NUMBERED_MUST.fullmatch(w)), None)
    if numbered:
        return "planned", numbered                    # 四要强化业务素质: a speech's numbered instruction
    for cues in (r.planned, r.planned_time):
        for i in range(len(words) - 1, -1, -1):
            if words[i] in cues and not (words[i] in r.needs_verb and not _verb_follows(words, i, r)):
                return "planned", words[i]
    wish = next((w for w in words if w in r.wishes), None)
    if wish:
        return "planned", wish                        # 希望该院今后…: a third party's wish
    if doc.meta.doc_type in ("speech", "meeting_news"):
        lead = next((w for w in words if w in r.instruction_verbs), None)
        if lead:
            return "planned", lead                    # 会议强调,…深化政治巡视
    forward_cue = _forward_section(forward, m.start)
    if forward_cue:
        return "planned", forward_cue                 # 下一步工作打算: even 对已经整改的问题开展“回头看”
    section = doc.section_node_at(m.start)
    if section is not None and section.role == "plan":
        return "planned", section.role_cue or "plan"  # anything in the plan section (contract)
    review = next((w for w in reversed(words) if w in r.review), None)
    if review:
        return "done", review
    instruction = _instruction_context(doc, m.start, r)
    if instruction:
        return "planned", instruction
    speech = doc.meta.doc_type in ("speech", "meeting_news")
    if fused in r.ongoing:                           # 不断完善 as one token: its adverb is 不断
        return "ongoing", fused
    if fused in r.done:
        return "done", fused
    clause = doc.tokens_between(_clause_start(doc.norm, m.start), m.start)
    for word, start, _ in reversed(clause):
        if speech and word in r.weak:
            return "planned", word
        if m.start - start > r.reach:
            continue
        if word in r.ongoing:
            return "ongoing", word
        if word in r.done:
            return "done", word
    if m.verb in r.ongoing_verbs:
        return "ongoing", m.verb                      # 坚持打早打小: a standing practice
    return "done", None


def _fused_adverb(doc: Doc, m: MeasureFound) -> str | None:
    """The adverb a tokenizer fused with the verb into one token (不断完善, 持续开展), if any."""
    tok = doc.tokens_from(m.start, 1)
    if tok and tok[0][1] < m.start:
        return None
    start = next((s for w, s, e in doc.tokens_between(max(0, m.start - 6), m.verb_end) if e == m.verb_end), m.start)
    return doc.norm[start:m.start] or None


def _verb_follows(words: list[str], i: int, r: MeasureReader) -> bool:
    """将 is "will" before a verb or an adverb, and 把 before a noun (将服务发展理念融入办案)."""
    rest = words[i + 1:i + 3]
    if rest and not re.match(r"[\u4e00-\u9fff]", rest[0]):
        return False                                  # 工作计划, … : a noun
    return not rest or any(_verb_of(w, r) in r.concrete or w in r.direction or w in r.ongoing or w in r.weak
                           for w in rest)


def read(doc: Doc, lex: Lexicon, campaign_mentions: list[tuple[int, int, int]]) -> list[MeasureFound]:
    """Every measure of a document, in text order. ``campaign_mentions``: (start, end, campaign index)."""
    r = reader(lex)
    norm, tokens = doc.norm, doc.tokens
    quoted = _quoted_mask(norm)
    skipped = Spans(sorted([(s, e) for s, e, _ in campaign_mentions] + (doc.chrome.spans if doc.chrome else [])))
    campaign_mentions = sorted(campaign_mentions)
    mention_starts = [s for s, _, _ in campaign_mentions]
    figure_starts = {f.start for f in doc.figures}
    figure_ends = {f.start: f.end for f in doc.figures}
    forward = _forward_sections(doc, r)
    topic_titles = Spans([(sec.title_start, sec.title_end) for sec in doc.sections
                    if doc.norm[sec.title_start:sec.title_end].rstrip("。;:").endswith("情况")])
    found: list[MeasureFound] = []
    consumed = -1
    words = tokens.words if hasattr(tokens, "words") else [t[0] for t in tokens]
    starts = tokens.starts if hasattr(tokens, "starts") else [t[1] for t in tokens]
    for i, vend in _verb_tokens(doc, r):
        word, tstart, tend = tokens[i]
        split = vend != tend                          # 服务|大局 joined in one token
        rest = norm[vend:tend]
        if split:
            word, tend = norm[tstart:vend], vend
        verb = _verb_of(word, r) or _verb_across(norm, tstart, tend, starts, r)
        if verb is None:
            continue
        vstart = tend - len(verb)
        if quoted.inside(vstart):
            continue
        nxt = rest if split else words[i + 1] if i + 1 < len(words) else ""
        if nxt in r.nominal or nxt in ("的", "之", "、", "等") or (word == verb and _nominal_before(tokens, i, r)):
            continue                                  # 组织领导, 评查小组, 法治宣讲、…: a noun
        if tend <= consumed or (found and found[-1].concrete and verb not in r.concrete
                                and found[-1].object_start <= vstart < found[-1].object_end):
            continue                                  # a verb inside an earlier measure's object
        if skipped.overlaps(vstart, tend) or norm.startswith("涉嫌", max(0, vstart - 2)) or (
                i and words[i - 1] in ("涉嫌", "在", "就", "围绕", "对标") and verb not in r.concrete):
            continue                                  # page chrome, a campaign's name, 涉嫌组织卖淫, 在推进…中
        after = words[i + 1 if split else i + 2] if i + (1 if split else 2) < len(words) else ""
        long_end = _long_object(norm, tend, r)
        if _verb_of(nxt, r) and after not in r.nominal and long_end is None:
            continue                                  # 研究|制定, 组织|开展: the nearer verb takes it
        if nxt in ("并", "并且") and _verb_of(after, r):
            continue                                  # 研究制定并推行…: one act, of the verb nearest the object
        obj_start = tend
        while obj_start < len(norm) and norm[obj_start] in _SKIP_AFTER_VERB:
            obj_start += 1
        obj_start = figure_ends.get(obj_start, obj_start)   # 召开5次党组会议: the object follows the figure
        clause_end = _next_clause_end(norm, obj_start)
        obj_end = long_end or _object_end(doc, obj_start, clause_end, r, figure_starts)
        if obj_end - obj_start < 2 and verb in r.object_before and r.event_before is not None:
            before = r.event_before.search(norm, _clause_start(norm, vstart), vstart)
            if before:                                # 全市检察长会议召开: the event is named before the verb
                obj_start, obj_end = before.start("obj"), before.end("obj")
        state = None
        if obj_end - obj_start < 2 and verb not in r.object_before:
            state = _STATE_BEFORE.search(norm, _clause_start(norm, vstart), vstart)
            if state:                                 # “四大检察”内部衔接机制逐步完善: the state reported
                obj_start, obj_end = state.start("obj"), state.end("obj")
        if obj_end - obj_start < 2 or _case_title(norm, obj_end) or _generic(norm, obj_start, obj_end, r) \
                or _ANNIVERSARY.match(norm, obj_start) or "情况的" in norm[obj_start:obj_end] \
                or norm[obj_start:obj_end].endswith(("综述", "纪实")):
            continue                                  # 成立75周年, 开展…情况的工作报告 (a document's name)
        if long_end:
            consumed = long_end
        if topic_titles.contains(vstart, vstart + 1):
            continue                                  # 一、…组织整改落实情况: a heading naming a topic
        if norm.startswith("是", obj_end):
            continue                                  # 开展某工作是…的重要抓手: a verb phrase as a subject
        if _closes_unopened(norm, obj_start, obj_end):
            continue                                  # 《关于加强…的决定》: a verb inside a document's title
        concrete = verb in r.concrete
        if _in_frame(norm, doc.sentence_at(vstart)[0], _clause_start(norm, vstart), vstart, tend, r, policy=not concrete):
            continue                                  # 在服务大局中, 从加大…等方面, 为进一步深化…,: no act
        if not concrete and (_frame(norm, obj_start, obj_end, r) or _disposed(words, i, norm, tend)
                             or norm[obj_start:obj_end].endswith("中")):
            continue                                  # 坚持以…为指导, 贯彻…精神, 将服务…理念融入: no act
        m = MeasureFound(verb, r.category[verb], vstart, tend, obj_start, obj_end, concrete=concrete)
        clause_start = _clause_start(norm, vstart)
        m.partners = _partners(doc, clause_start, vstart, r)
        m.status, m.cue = status(doc, m, r, forward)
        if state is not None and m.status == "ongoing":
            m.status = "done"                         # 机制逐步完善: a state reached, reported as done
        if m.status != "planned" and m.cue not in r.review and m.cue not in r.done and m.cue not in r.after_done \
                and found and found[-1].status == "planned" and doc.meta.doc_type in ("speech", "meeting_news") \
                and _same_line(norm, found[-1].start, vstart):
            m.status, m.cue = "planned", found[-1].cue    # 要持续深化…。始终坚持…: the instructions go on
        section = doc.section_node_at(vstart)
        if section is not None and section.role == "problems" and m.status != "planned":
            continue                                  # a shortcoming admitted, never an act (contract)
        lo, hi = bisect_left(mention_starts, clause_start), bisect_left(mention_starts, obj_end)
        m.campaigns = sorted({campaign_mentions[j][2] for j in range(lo, hi)})   # mentions from the clause to the object's end
        m.objects = _conjuncts(doc, obj_start, obj_end)
        found.append(m)
    return _without_repeated_headline(doc, found)


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

    body = {key(m) for m in found if m.start >= heads[-1][1]}
    return [m for m in found if not (any(s <= m.start < e for s, e in heads) and key(m) in body)]


_STATE_BEFORE = re.compile(r"(?P<obj>[^,。;:!?\n]{2,24}?(?:机制|制度|体系|格局|平台|网络))(?:逐步|不断|进一步|日益|持续|全面|更加)$")
_NUMBERED_MUST = re.compile(r"[一二三四五六七八九十]要")
_ANNIVERSARY = re.compile(r"[\d一二三四五六七八九十百]+周年")
_DISPOSAL = re.compile(r"融入|纳入|作为|贯穿|摆在|放在|列为|落实到|体现在")


def _disposed(words: list[str], i: int, norm: str, end: int) -> bool:
    """将|服务发展理念|融入…: after 将/把 and before a verb of placing, a policy verb is part of the noun."""
    return i > 0 and words[i - 1] in ("将", "把") and _DISPOSAL.search(norm, end, _next_clause_end(norm, end)) is not None


def _closes_unopened(norm: str, start: int, end: int) -> bool:
    obj = norm[start:end]
    return obj.count("》") > obj.count("《") or obj.count("”") > obj.count("“")


def _same_line(norm: str, a: int, b: int) -> bool:
    return "\n" not in norm[a:b]


def _frame(norm: str, start: int, end: int, r: MeasureReader) -> bool:
    """Whether a policy verb's object is an ideological frame rather than a task."""
    obj = norm[start:end]
    clause = norm[start:_next_clause_end(norm, start)]
    return obj.startswith(r.frame_starts) or obj.endswith(r.frame_ends) or clause.rstrip("。;").endswith(r.frame_ends)


_MAIN_CLAUSE = re.compile(r"\d{1,2}月\d{1,2}日|日前|近日|今天|当天|我们|我院|该院|本院|检察院(?!的)|检察机关(?!的)")


def _in_frame(norm: str, sentence: int, clause_start: int, vstart: int, vend: int, r: MeasureReader,
              policy: bool) -> bool:
    """Whether a verb stands inside a circumstance, topic or purpose frame of its clause (lexicon
    ``frame_spans``, ``purpose_leads``): 在…中, 从…等方面, 以…为契机, 为进一步…,. ``sentence``: where
    the verb's sentence starts (a purpose may lead it over several clauses)."""
    cend = _next_clause_end(norm, vend)
    before, after = norm[clause_start:vstart], norm[vend:cend]
    if policy and r.purpose is not None and cend < len(norm) and norm[cend] == ",":
        if r.purpose.match(before) or r.purpose.match(norm, sentence) and not _MAIN_CLAUSE.search(norm, sentence, vstart):
            return True                               # 为进一步深化…,共同维护…,: the aims before the act
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
    starts = [t[1] for t in doc.tokens] if not hasattr(doc.tokens, "starts") else doc.tokens.starts
    out: list[tuple[int, int]] = []
    for m in r.verb_re.finditer(doc.norm):
        i = bisect_right(starts, m.end() - 1) - 1
        if i < 0:
            continue
        word, tstart, tend = doc.tokens[i]
        if out and out[-1][0] == i:
            if tend == m.end():
                out[-1] = (i, m.end())                # 建立|健全: the verb that ends the token wins
            continue
        if tend == m.end() or (tstart == m.start() and tend - m.end() >= 2 and word[len(m.group()):].isalpha()):
            out.append((i, m.end()))
    return out


def _nominal_before(tokens, i: int, r: MeasureReader) -> bool:
    """A verb after a noun of its own kind is a noun too (案件质量|评查, 理论|研究): 评查 and 研究
    only act when an adverb, a subject marker or punctuation stands before them."""
    if i == 0 or tokens[i][0] not in ("评查", "研究", "培训", "宣讲", "督促", "授课", "检查", "部署"):
        return False
    prev = tokens[i - 1][0]
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,}", prev)) and prev not in r.direction and prev not in _ADVERBS \
        and _verb_of(prev, r) is None


_CASE_TITLE = re.compile(r"(?:诉讼|纠纷|犯罪|罪|监督|公益)案$")


def _new_predicate(word: str, nxt: str, r: MeasureReader) -> bool:
    """Whether ``word`` (followed by ``nxt``) starts a new predicate and so ends an object. A verb
    before punctuation or a nominal head is the object's head (开展专项检查, 督导检查工作); a verb of
    direction bound to a one-character nominal suffix is a noun (工作推进|会)."""
    suffix = len(nxt) == 1 and nxt in r.nominal
    if _verb_of(word, r) in r.concrete:
        return not (not nxt or not _CJK_CHAR.match(nxt) or nxt in r.nominal or nxt == "工作")
    if word in r.direction:
        return not suffix
    return word in _INNER_STOPS


def _long_object(norm: str, start: int, r: MeasureReader) -> int | None:
    """The end of an object that runs to the end of its clause because it ends in a head noun
    (…的工作方案, …组成的心理救助团队), over verbs inside it; None when the clause ends otherwise."""
    end = _next_clause_end(norm, start)
    text = norm[start:end].rstrip()
    if not 4 <= len(text) <= 60 or not text.endswith(r.heads):
        return None
    if "的" in text or (not text.startswith(r.verb_suffixes) and any(v in text for v in r.category)):
        return start + len(text)                      # …的工作方案; 专题研究监督落实…工作机制
    return None


def _generic(norm: str, start: int, end: int, r: MeasureReader) -> bool:
    """核查|工作, 督办|事项, 宣讲|覆盖率: the verb modifies a generic noun; no act is reported."""
    obj = norm[start:end]
    return obj in r.generic or obj.endswith("率")


def _case_title(norm: str, obj_end: int) -> bool:
    """督促保护森林资源行政公益诉讼案: the title of a case, not an act (预案, 方案 are objects)."""
    return bool(_CASE_TITLE.search(norm, max(0, obj_end - 4), obj_end))


_CLAUSE_END_RE = re.compile(r"[,;。:!?\n]")


def _next_clause_end(norm: str, pos: int) -> int:
    """Where the clause at ``pos`` ends; never further than a sentence may run (sentences.py), so a
    text without punctuation costs no rescan per measure."""
    limit = min(len(norm), pos + MAX_SENTENCE)
    m = _CLAUSE_END_RE.search(norm, pos, limit)
    return m.start() if m else limit


def _clause_start(norm: str, pos: int) -> int:
    for i in range(pos - 1, max(-1, pos - 80), -1):
        if norm[i] in _CLAUSE_END:
            return i + 1
    return max(0, pos - 80)


def _conjuncts(doc: Doc, start: int, end: int) -> list[str]:
    """The parts of a coordinated object, split at top-level 、和及与 (not inside quotes or 《》)."""
    norm, parts, depth, last = doc.norm, [], 0, start
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
