"""Metadata from the title lines and the opening: title, organ and its level, region, document
type, the year reported on, the date delivered, and the speaker (docs/contract.md, meta).

Page chrome (extract/chrome.py) is skipped: the title is the first line of the document itself,
or none when the text starts without one (各位代表：…, a delivery line, a review heading, a byline,
a paragraph). The organ is read by extract/organ.py, the type by extract/doc_type.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Doc
from ..lexicons import Lexicon
from ..models import Meta
from ..patterns import alternation
from . import doc_type, organ

_DATE_CN = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])日")
_DATE_DOTS = re.compile(r"(?<![\d.])(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<y>(?:19|20)\d{2})(?![\d.])")
_DATE_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])")
_DELIVERY = re.compile(r"^\s*(?:——|--|-)")
_NOT_TITLE_START = re.compile(r"\s*(?:各位代表|同志们|尊敬的|[一二三四五六七八九十]+、|\(|第[一二三四五六七八九十]+[,、]|\d+[.、])")
_REVIEW_HEADING = re.compile(r"^\s*(?:(?:19|20)\d{2}年|过去[一二三四五]年|[一二三四五]年来|过去一年|五年)[^,。]{0,8}(?:工作)?回顾\s*$")
_SPEAKER_LINE = re.compile(r"检察长[^,。]{0,3}$|检察长\s*[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2}\s*$")
_TAG = re.compile(r"^\s*【[^】]{1,10}】")
# a year in the opening that is the one reported on: a review of it (2022年,全市检察机关…;
# 2022年以来; 2022年工作回顾; 2019年1-8月; 2024年上半年)
_Y = r"(?:19|20)\d{2}"
_REVIEWED = re.compile(
    rf"(?<![比较与到至同\d])(?<!恢复到)(?P<y>{_Y})\s?年(?:度)?(?:,|检察工作回顾|工作回顾|(?:检察)?工作(?:报告|总结|情况|取得)|"
    r"检察工作取得|(?:全国|全省|全市)?(?:检察机关)?(?:主要)?(?:办案|业务)数据|全[市省区县国](?:两级|各级|三级)?检察(?![^,。;]{0,6}会议)|[上下]半年|前三季度|第?[一二三四]季度|(?:1|一)\s?[-至到~]\s?\d{1,2}月|全年|共)"
    rf"|(?P<y1>{_Y})\s?年?\s?[-—至到~]\s?(?P<y2>{_Y})\s?年"                  # 2014年至2019年, (2017年-2021年)
    rf"|总结[^。,]{{0,8}}?(?P<y3>{_Y})\s?年")                                # 总结2020年全市检察工作
_SINCE = re.compile(rf"(?P<y>{_Y})\s?年以来")
_SINCE_LEAD = re.compile(rf"(?:^|[。\n])\s*(?P<y>{_Y})\s?年以来[,，]")
_YEARS_SINCE = re.compile(r"(?P<n>[二三四五六七八九十]|十[一二三四五])年(?:来|间)")     # 十年来: with 2013年以来, on 2022
_NUMERALS = "一二三四五六七八九十"
# a five-year plan period looked back on (“十三五”期间, 十三五·看变化): its last year
_PLAN_PERIOD = re.compile(r"[“\"]?十(?P<n>[一二三四五])五[”\"]?(?:·|\s)?(?:期间|时期|以来|看变化|回顾|成就|发展成就)")
_REVIEW_LEAD = re.compile(rf"{_Y}\s?年(?P<part>[上下]半年|前三季度|第?[一二三四]季度|1\s?[-至到~]\s?\d{{1,2}}月)?(?:以来)?,"
                          r"\s?全[省市区县](?:两级|三级)?检察机关")
_PLAN_AFTER = re.compile(r"[^。;]{0,12}?(?:要|将|计划|力争|重点抓好|工作安排|工作思路|工作打算|工作要点|主要工作任务)")
_MEETING_AFTER = re.compile(r"[^,。;]{0,10}?(?:会议|务虚会|大会)")
_ANY_YEAR = re.compile(r"(?<![比较与到至同\d])(?P<y>(?:19|20)\d{2})\s?年(?![\d月]*同期)")
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")
_SPEAKER = re.compile(r"检察长[,\s]*(?P<name>[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2}?)(?=\s*$|在|同志|作|强调|指出|表示|说)", re.M)


class MetaReader:
    def __init__(self, lex: Lexicon) -> None:
        self.bylines = re.compile(alternation(lex.meta.bylines))
        self.organ = organ.reader(lex)
        self.doc_type = doc_type.reader(lex)
        self.research = re.compile(alternation(lex.meta.research_cues))
        self.credits = re.compile(alternation(lex.meta.newspaper_credits))


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> MetaReader:
    return MetaReader(lex)


def _body_lines(doc: Doc) -> list[tuple[int, int]]:
    """The non-empty lines of the document itself (page chrome left out), as offsets."""
    chrome = doc.chrome
    out = []
    for ln in doc.lines:
        text = doc.norm[ln.start:ln.end]
        if text.strip() and not (chrome is not None and chrome.overlaps(ln.start, ln.end)):
            out.append((ln.start, ln.end))
    return out


def _title(doc: Doc, lines: list[tuple[int, int]], r: MetaReader) -> tuple[str | None, int | None]:
    """The title and the index of its line among ``lines``, or (None, None)."""
    for i, (start, end) in enumerate(lines[:4]):
        norm = doc.norm[start:end].strip()
        if _DELIVERY.match(norm) or _NOT_TITLE_START.match(norm) or _REVIEW_HEADING.match(norm):
            return None, None
        if r.bylines.search(norm) and len(norm) <= 40 or _SPEAKER_LINE.search(norm):
            continue                                  # (本报记者 杨婷 通讯员 储婷婷), 某院检察长 李明
        if len(norm) < 5:
            continue                                  # a stray label (下载, 摘要)
        if len(norm) > 60 or norm.endswith(("。", ";", ":", "!")):
            return None, None                         # the text opens with a paragraph: no title
        any_sections = any(s.start == start + len(doc.norm[start:end]) - len(doc.norm[start:end].lstrip()) and s.marker
                           for s in doc.sections[:3])
        if any_sections:
            return None, None
        text = doc.text(start, end).strip()
        tag = _TAG.match(text)
        return (text[tag.end():].strip() if tag else text), i
    return None, None


def _paragraph(line: str) -> bool:
    """A line of running text, not a title, dateline or label."""
    line = line.strip()
    return len(line) > 60 or line.endswith(("。", "!", "?", ";"))


def _header(doc: Doc) -> str:
    """The page's lines above the story's first paragraph (发布时间: 2023-12-13 …): a dated header,
    not a list of other stories further down."""
    out = []
    for ln in doc.lines[:40]:
        text = doc.norm[ln.start:ln.end]
        if _paragraph(text) and not (doc.chrome is not None and doc.chrome.overlaps(ln.start, ln.end)):
            break
        out.append(text)
    return _URL.sub("", "\n".join(out))


def _date(opening: str) -> str | None:
    """The first date written (2024年1月20日, 2024-01-20, 20.1.2024)."""
    found = [m for m in (p.search(opening) for p in (_DATE_CN, _DATE_ISO, _DATE_DOTS)) if m]
    m = min(found, key=lambda m: m.start()) if found else None
    return f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}" if m else None


def _year(kind: str, date: str | None, opening: str) -> int | None:
    """The year whose work the document reports on (docs/contract.md): the year a review in the
    opening names; else a report's delivery date less one when it falls in the first quarter (a
    report in January 2024 is on 2023); else the date; else the latest year the opening names
    (never a comparison year: 比2018年, 恢复到2018年同期)."""
    reviewed = [int(m.group("y") or m.group("y2") or m.group("y3")) for m in _REVIEWED.finditer(opening)
                if not _PLAN_AFTER.match(opening, m.end())]     # 2021年,全市检察机关要: the plan
    if reviewed:
        return max(reviewed)
    if _SINCE.search(opening):                        # 2018年以来: a review up to the date (contract),
        if date:                                      # whose last year is the one before when it is dated
            y, month = int(date[:4]), int(date[5:7])  # in the first quarter
            return y - 1 if month <= 3 and int(_SINCE.search(opening).group("y")) < y else y
        span = _YEARS_SINCE.search(opening)
        if span:                                      # 2013年以来 … 十年来: a ten-year review, on 2022
            n = span.group("n")
            count = 10 + _NUMERALS.index(n[1]) + 1 if len(n) == 2 else _NUMERALS.index(n) + 1
            return min(int(m.group("y")) for m in _SINCE.finditer(opening)) + count - 1
        led = [int(m.group("y")) for m in _SINCE_LEAD.finditer(opening)]
        return max(led) if led else None              # 2024年以来,全省检察机关…: on 2024 so far
    if date:
        y, month = int(date[:4]), int(date[5:7])
        on_last = _reviews(opening) or re.search(rf"(?<![比较与到至同\d]){y - 1}\s?年(?![\d月]*同期)", opening)
        return y - 1 if month <= 3 and on_last else y    # January 2024, on 2023's work
    period = _PLAN_PERIOD.search(opening)
    if period:                                        # 十三五 (2016-2020) looked back on: 2020
        return 2005 + 5 * (_NUMERALS.index(period.group("n")) + 1)
    found = list(_ANY_YEAR.finditer(opening))
    ahead = [int(m.group("y")) for m in found if _PLAN_AFTER.match(opening, m.end()) or _MEETING_AFTER.match(opening, m.end())]
    years = [int(m.group("y")) for m in found if int(m.group("y")) not in ahead]
    if not years and ahead and _reviews(opening, news=kind == "meeting_news"):
        return min(ahead) - 1                        # 召开2023年全市检察长会议,总结过去五年工作: on 2022
    years = years or ahead
    return max(years) if years else None


def _reviews(opening: str, news: bool = False) -> bool:
    """Whether the opening looks back on a year (过去一年, 一年来, 去年, 五年来, 工作回顾). In meeting
    news a 工作报告 is what the meeting heard (审议两高工作报告), not a review the item makes."""
    cues = r"过去[一五]年|去年|上年|工作回顾|回顾|总结" if news else \
        r"过去[一五]年|[一五]年来|去年|上年|工作回顾|回顾|报告工作|工作报告|各位代表|总结"
    return re.search(cues, opening) is not None


def read(doc: Doc, lex: Lexicon) -> Meta:
    r = reader(lex)
    lines = _body_lines(doc)
    title, at = _title(doc, lines, r)
    body = lines[at + 1:] if at is not None else lines
    opening = "\n".join(doc.norm[s:e] for s, e in body[:8])[:600]
    title_norm = doc.norm[lines[at][0]:lines[at][1]].strip() if at is not None else ""
    page = _URL.sub(lambda m: " " * len(m.group()), doc.norm[:3000])   # a page address is not the text
    research = r.research.search(title_norm + "\n" + opening) is not None
    if research:                                      # an article: its author only by affiliation
        name, region, level = organ.author(page[:1500], r.organ)
    else:
        name, region, level = organ.read(title_norm, opening, r.organ, page)
    if name is None and level == "unknown":
        level = organ.system_level(title_norm + opening, own=research)
    # the date: a dateline or a short line near the top, or the lead paragraph; a date deep in a
    # story's narrative (2016年11月4日,两个非法采砂团伙…) is an event, not the document's
    near = [doc.norm[s:e] for i, (s, e) in enumerate(lines[:12]) if i < 3 or not _paragraph(doc.norm[s:e])]
    date = _date(_header(doc)) or _date(_URL.sub("", "\n".join(near)))
    head = [doc.norm[s:e].strip() for s, e in body[:3]]
    report_layout = any((_DELIVERY.match(h) and ("人民代表大会" in h or "常务委员会" in h)) or _SPEAKER_LINE.search(h)
                        for h in head)
    bonus = {"work_report": 4} if report_layout else {}
    lead = _REVIEW_LEAD.match(head[0]) if head else None
    if lead:                                          # an excerpt opening on its review: 2021年,全省检察机关…
        told = r.credits.search(doc.norm[:lines[0][0]] if lines else "") or r.bylines.search("\n".join(head))
        # a year's review told by a newspaper (□策划 …, 本报记者) is a summary of it, not the report
        bonus["summary" if lead.group("part") or told else "work_report"] = 3
    if research:
        bonus["other"] = bonus.get("other", 0) + 6    # an article, however it speaks of the work
    kind = r.doc_type.read(title_norm, opening, bonus)
    speaker = _SPEAKER.search(doc.norm[:1500])
    return Meta(title=title, organ=name, organ_level=level, region=region, doc_type=kind,
                year=_year(kind, date, (title_norm + "\n" + opening)), date=date,
                speaker="".join(speaker.group("name").split()) if speaker else None)


def run(doc: Doc, lex: Lexicon) -> None:
    """Reads ``lines``, ``norm``, ``chrome``; writes ``meta``."""
    doc.meta = read(doc, lex)
