"""Metadata from the title lines and the opening: title, organ and its level, region, document
type, the year reported on, the date delivered, and the speaker."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from ..doc import Doc
from ..models import Meta
from ..resources import lexicon_path

_ORGAN = re.compile(
    r"(?P<organ>(?:最高人民检察院)|(?P<region>[^\s\d,。;:、“”()和与及的在委院党组对向由]{2,10}?(?:省|自治区|市|州|盟|地区|县|区|旗))?"
    r"(?:人民)?检察院(?P<branch>第[一二三四五六七八九十]分院)?)")
_DATE_CN = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])日")
_DATE_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?![\d月])")
_REVIEW = re.compile(r"(?:总结|回顾)(?P<y>(?:19|20)\d{2})年|(?P<y2>(?:19|20)\d{2})年(?:以来|,|工作回顾|全市检察机关|度)")
_SPEAKER = re.compile(r"检察长[,\s]*(?P<name>[\u4e00-\u9fff]{2,3}?)(?=\s*$|在|同志|作|强调|指出|表示|说)", re.M)


@lru_cache(maxsize=1)
def _cues() -> dict:
    return yaml.safe_load(lexicon_path("meta.yaml").read_text(encoding="utf-8"))


def _title(doc: Doc) -> str | None:
    for line in doc.lines[:5]:
        line_text = doc.norm[line.start:line.end]
        text = doc.text(line.start, line.end).strip()
        if any(s.start == line.start + len(line_text) - len(line_text.lstrip()) and s.marker for s in doc.sections[:3]):
            return None                      # the first line is already a numbered heading: no title
        if text and len(text) <= 60 and not re.search(r"[。;]$", text) and not text.startswith(("——", "--")):
            if text.endswith((":", ":")) and len(text) <= 8:
                continue
            return text
    return None


def _organ(doc: Doc, opening: str) -> tuple[str | None, str | None, str]:
    best = None
    for m in _ORGAN.finditer(opening):
        if m.group("region") or m.group("organ").startswith("最高"):
            best = m
            break
    if best is None:
        return None, None, "unknown"
    organ, region = best.group("organ"), best.group("region")
    if region and region.startswith("中共"):
        organ, region = organ[2:], region[2:]
    if organ.startswith("最高"):
        return organ, None, "supreme"
    if best.group("branch"):
        level = "branch"
    else:
        level = _level(region or "")
    return organ, region, level


def _level(region: str) -> str:
    base = re.sub(r"(?:省|自治区|市)$", "", region)
    if region.endswith(("省", "自治区")) or (region.endswith("市") and base in _cues()["provinces"]):
        return "provincial"
    if region.endswith(("区", "县", "旗")):
        return "district"
    if region.endswith(("市", "州", "盟", "地区")):
        return "municipal"
    return "unknown"


def _date(opening: str) -> str | None:
    m = _DATE_CN.search(opening) or _DATE_ISO.search(opening)
    return f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}" if m else None


def _doc_type(opening: str) -> str:
    for rule in _cues()["doc_types"]:
        if any(w in opening for w in rule["words"]):
            return rule["doc_type"]
    return "other"


def _year(doc: Doc, doc_type: str, date: str | None, opening: str) -> int | None:
    """The year whose work the document reports on (docs/contract.md)."""
    m = _REVIEW.search(opening)
    if m:
        return int(m.group("y") or m.group("y2"))
    if date:
        y, month = int(date[:4]), int(date[5:7])
        if doc_type in ("work_report", "meeting_news") and month <= 3:
            return y - 1
        return y
    years = [int(y) for y in _YEAR.findall(doc.norm[:3000])]
    return max(years) if years else None


def read(doc: Doc) -> Meta:
    opening = doc.norm[:600]
    title = _title(doc)
    organ, region, level = _organ(doc, opening)
    if organ is None:
        organ, region, level = _organ(doc, doc.norm[:3000])
    date = _date(opening)
    doc_type = _doc_type(doc.norm[:400])
    speaker = _SPEAKER.search(doc.norm[:1500])
    return Meta(title=title, organ=organ, organ_level=level, region=region, doc_type=doc_type,
                year=_year(doc, doc_type, date, opening), date=date, speaker=speaker.group("name") if speaker else None)


def run(doc: Doc) -> None:
    """Reads ``lines``, ``norm``; writes ``meta``."""
    doc.meta = read(doc)
