"""The organ a document speaks for, with its full official name and level (docs/contract.md, meta).

Find, then resolve: every mention of a procuratorate (某省检察院, 某铁检院, 最高检, 云南检察机关) is a
candidate; its place is read backwards from the kind word and cleaned of what is not a place
(听取…, 记者从…, 一些情况引起了…); a superior (按照省检察院部署, 在最高人民检察院的领导下) is never the
author; the author is the candidate of the title, else the one the opening acts through. The name is
completed (人民, 铁路运输, a bare 市 from the city named elsewhere) and its level read from the place
(lexicons/meta.yaml: provinces, municipalities, prefecture-level cities).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import Lexicon
from ..patterns import alternation

_KIND = re.compile(r"最高人民检察院|最高检(?!察)|(?:人民)?检察院(?:第[一二三四五六七八九十]分院|[^\W\d_]{0,4}分院)?|铁检院|铁检分院|检察分院"
                   r"|(?<=[省市区县])检察机关|(?<![全本该各])检察机关(?=[^\W\d_])|(?<=[区县市])院(?![长办内外部务])")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff·]{1,18}$")
_UNIT = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?(?:自治区|特别行政区|省|自治州|地区|盟|州|市|林区|城区|新区|矿区|区|自治县|县|旗)"
                   r"|[\u4e00-\u9fff]{2,6}铁路运输|铁路运输)$")
_SUBJECT_AFTER = re.compile(r"党组|召开|举行|(?:副|常务副)?检察长|工作报告|开展|发布|联合|组织|坚持|聚焦|立足|充分|依法|全面|积极|深入|围绕|通报"
                            r"|与|会同|共同|以|在|针对|主动")
_NOT_NAMES = frozenset("全本该各我两驻市省区县")   # no place name starts with these (全市, 各县区, 驻市)
_SYSTEM_OWN = re.compile(r"(?:全|我)(省|市|县)(?:两级|三级)?(?:检察机关|公益诉讼|检察|[\u4e00-\u9fff]{0,4}工作)()")
_SYSTEM = re.compile(r"(?:全|我)(省|市|县)(?:两级|三级)?(?:检察机关|公益诉讼|检察)|(省|市|县)(?:人民)?检察院")


@dataclass
class Candidate:
    start: int
    place: str          # 江苏省, 武汉市硚口区, 市 (bare), "" (none written)
    kind: str           # 人民检察院, 铁路运输检察院, 军事检察院, 最高人民检察院, 检察机关 ...
    branch: str
    redacted: bool = False   # ×××林区人民检察院: the name is blacked out


class OrganReader:
    def __init__(self, lex: Lexicon) -> None:
        m = lex.meta
        self.noise = sorted(m.organ_noise, key=len, reverse=True)
        self.superior_lead = re.compile(alternation(m.superior_leads) + r"[^,。;:]{0,3}$")
        self.superior_tail = re.compile(r"^[^,。;:]{0,6}?" + alternation(m.superior_tails))
        self.provinces = tuple(sorted(m.provinces, key=len, reverse=True))
        self.municipalities = frozenset(m.municipalities)
        self.region_names = m.region_names
        self.abbrevs = m.province_abbrevs
        self.redaction = frozenset(m.redaction_marks)
        units = alternation(m.military_units)
        self.military = re.compile(rf"(?:{units})*军事$")
        self.cities = frozenset(m.prefecture_cities)

    def place_before(self, text: str, end: int, full: str | None = None) -> str:
        """The place written right before a kind word: the run of characters back to punctuation,
        cut after the last word that is no part of a place name, kept only as far as it is a chain of
        places (江苏省南京市, 武汉市硚口区)."""
        m = _CJK_RUN.search(text, max(0, end - 18), end)
        run = m.group() if m else ""
        cut = max((run.rfind(w) + len(w) for w in self.noise if w in run), default=0)
        run = run[cut:]
        chain = ""
        while run:
            unit = self._unit(run)
            if unit is None:
                break                                 # 全市检察机关, 旅游强市: no place
            chain, run = unit + chain, run[:-len(unit)]
            if unit.endswith("军事"):
                break                                 # a military unit stands under no civil place
        if not chain and 2 <= len(run) <= 4 and full is not None:
            named = re.search(re.escape(run) + "(?:区|县|市)", full)
            if named:
                return named.group()              # 新北检察院, with 新北区 named elsewhere
        if not chain and run[-1:] in ("市", "省", "县", "区") and (len(run) == 1 or run[-2:-1] in "全本该各"):
            chain = run[-1]                           # a bare 市检察院: the city is named elsewhere
        elif not chain and run == "自治区":
            chain = run                               # a bare 自治区人民检察院: the region is named elsewhere
        elif not chain and run in self.region_names:
            chain = self.region_names[run]
        elif not chain:
            short = next((p for p in self.provinces if run.endswith(p)), None)
            if short:
                chain = self.region_names.get(short, short + ("市" if short in self.municipalities else "省"))
        return chain

    def _unit(self, run: str) -> str | None:
        """The last place unit of ``run``: a known province or prefecture-level city (南京市 in 江苏省南京市),
        else a district, county or county-level city that is all that is left (武侯区, 靖江市), or a
        military unit (中国人民解放军驻港部队军事)."""
        m = self.military.search(run)
        if m:
            return m.group()
        m = _UNIT.search(run)
        if m is None:
            return None
        unit = m.group()
        for size in range(2, min(len(unit), 6)):      # shortest known name first: 南京市, not 江苏省南京市
            tail = unit[-size - 1:] if unit.endswith(("市", "省")) else None
            if tail and (tail[:-1] in self.cities or tail[:-1] in self.municipalities or tail[:-1] in self.provinces):
                return tail
        if unit.endswith(("省", "自治区")) and not unit.removesuffix("省").removesuffix("自治区").endswith(self.provinces):
            return None
        name = re.sub(r"(?:自治区|特别行政区|省|自治州|地区|盟|州|市|林区|城区|新区|矿区|区|自治县|县|旗)$", "", unit)
        if unit[0] in _NOT_NAMES or (unit.endswith("市") and not 2 <= len(name) <= 4) or len(name) > 8 \
                or m.start() != 0 and unit.endswith("市"):
            return None
        return unit

    def superior(self, text: str, start: int, end: int) -> bool:
        return bool(self.superior_lead.search(text, max(0, start - 8), start) or self.superior_tail.search(text[end:end + 10]))

    def level(self, place: str, kind: str, branch: str) -> str:
        if kind == "最高人民检察院":
            return "supreme"
        if branch or kind.endswith("分院"):
            return "branch"
        if "铁路运输" in place or "林区" in place:
            return "district"
        if "军事" in place:
            return "provincial" if place.startswith(("解放军", "中国人民解放军")) else "municipal"
        province = next((p for p in self.provinces if place.startswith(p)), None)
        if province:                                  # 贵州省 is a province, not a 州: read it off first
            head = next((h for h in (self.region_names.get(province, ""), province + "省", province + "市", province)
                         if h and place.startswith(h)), province)
            rest = place[len(head):]
            if not rest or rest in ("省", "自治区"):
                return "provincial"
            if province in self.municipalities:
                return "district"                     # 上海市浦东新区, 北京市朝阳区
            place = rest
        units = re.findall(r"[\u4e00-\u9fff]+?(?:自治区|特别行政区|省|自治州|地区|盟|州|市|城区|新区|矿区|区|自治县|县|旗)", place)
        if not units:
            return "unknown"
        last = units[-1]
        if last.endswith(("自治区", "省", "特别行政区")):
            return "provincial"
        if last.endswith("市"):
            name = last[:-1]
            name = next((p for p in self.provinces if name.startswith(p) and name[len(p):] in self.cities), name)
            name = name if name in self.cities or name in self.municipalities else name.removeprefix(
                next((p for p in self.provinces if name.startswith(p)), ""))
            if name in self.municipalities:
                return "provincial"
            return "municipal" if name in self.cities else "district"
        if last.endswith(("州", "盟", "地区")):
            return "municipal"
        return "district"


@lru_cache(maxsize=8)
def reader(lex: Lexicon) -> OrganReader:
    return OrganReader(lex)


def candidates(text: str, r: OrganReader) -> list[Candidate]:
    found = []
    for m in _KIND.finditer(text):
        kind = m.group()
        if kind.startswith("最高"):
            if not r.superior(text, m.start(), m.end()):
                found.append(Candidate(m.start(), "", "最高人民检察院", ""))
            continue
        place = r.place_before(text, m.start(), text)
        if not place and kind.startswith("铁检"):
            run = _CJK_RUN.search(text, max(0, m.start() - 8), m.start())
            place = run.group() if run else ""        # 齐齐哈尔铁检院: the railway's place needs no 市
        if kind == "院" and place[-1:] not in ("区", "县", "市"):
            continue                                  # 武侯区院, 庆阳市院, 市院: a 区/县/市 院 only
        kind = "人民检察院" if kind == "院" else kind
        if kind == "检察机关" and (not place or place in ("市", "省", "区", "县")):
            continue
        if r.superior(text, m.start() - len(place), m.end()):
            continue
        branch = re.search(r"第[一二三四五六七八九十]分院", kind)
        kind = "铁路运输检察院" if kind.startswith("铁检") else kind
        start = m.start() - len(place)
        redacted = start > 0 and text[start - 1] in r.redaction
        found.append(Candidate(start, place, kind, branch.group() if branch else "", redacted))
    return found


def _city(text: str, r: OrganReader) -> str | None:
    """The city a text names most often (中山市, not 全市 or 巡察组向市), for a bare 市检察院."""
    names = [p for m in re.finditer("市", text) if len(p := r.place_before(text, m.end())) > 1 and p.endswith("市")]
    known = [n for n in names if n[:-1] in r.cities or n[:-1] in r.municipalities or names.count(n) > 1]
    if known:
        return max(set(known), key=known.count)
    named = [c for c in (*r.municipalities, *r.cities) for _ in range(text.count(c))]   # 重庆晨报: 重庆
    return max(set(named), key=named.count) + "市" if named else None


_BRAND = re.compile(r"(?P<x>[\u4e00-\u9fff]{2})检察(?=新篇章|品牌|官方|微信|公众号|客户端|力量|样板|铁军|好声音)"
                    r"|(?<=[写献展彰注])(?P<y>[\u4e00-\u9fff]{2})(?:检察|智慧|力量|样板)")
_NOT_BRANDS = frozenset(("全市", "全省", "全县", "全区", "本院", "基层", "人民", "法律", "公益", "刑事", "民事", "行政", "未检",
                         "军地", "两级", "各级", "智慧", "数字", "新时代", "加强", "强化", "依法", "能动", "为民"))


def _brand(text: str) -> str | None:
    """The place a procuratorate calls itself by (靖江检察新篇章, 关注玉泉检察), for a bare 市检察院
    whose city is named nowhere else."""
    names = [x for m in _BRAND.finditer(text) if (x := m.group("x") or m.group("y")) not in _NOT_BRANDS]
    return max(set(names), key=names.count) if names else None


def _province(text: str, r: OrganReader, autonomous: bool = False) -> str | None:
    """The province a text names most often, for a bare 省检察院 (安徽军地检察机关 -> 安徽省), or
    the autonomous region for a bare 自治区人民检察院; 全疆, 全川 name theirs."""
    names = [p for p in r.provinces for _ in range(text.count(p))]
    names += [p for a, p in r.abbrevs.items() for _ in range(text.count("全" + a))]
    if autonomous:
        names = [p for p in names if p in r.region_names]
    if not names:
        return None
    short = max(set(names), key=names.count)
    return r.region_names.get(short, short + ("市" if short in r.municipalities else "省"))


def _full_name(c: Candidate, text: str, r: OrganReader) -> str | None:
    """某省检察院 -> 某省人民检察院; 某铁检院 -> 某铁路运输检察院; a bare 市 takes the city the text names."""
    if c.kind == "最高人民检察院":
        return c.kind
    place = c.place
    if place in ("市", "省", "自治区"):
        place = _city(text, r) if place == "市" else _province(text, r, autonomous=place == "自治区")
        if place is None and c.place == "市":
            brand = _brand(text)
            place = brand + "市" if brand else None
        if place is None:
            return None
    elif place in ("县", "区"):
        brand = _brand(text)
        if brand is None:
            return None
        place = brand + place
    elif place == "":
        return None
    if "铁路运输" in place or c.kind == "铁路运输检察院":
        return (place if "铁路运输" in place else place + "铁路运输") + "检察院" + c.branch
    if "军事" in place:
        return place + "检察院"
    suffix = "检察分院" if c.kind.endswith("检察分院") else "人民检察院" + (c.branch or "")
    return place + suffix


_AFFILIATION = re.compile(r"[(（](?P<a>[^()（）\n]{2,30}?检察(?:院|分院))[^()（）\n]{0,24}[)）]|作者单位[:：]\s*(?P<b>[^,，。;\s]{2,30}?检察(?:院|分院))"
                          r"|(?P<c>[^\s,，。;()（）]{2,30}?检察(?:院|分院))课题组")


def author(text: str, r: OrganReader) -> tuple[str | None, str | None, str]:
    """The author's procuratorate of a research or practitioner article: only as the affiliation
    says it ((甘肃省庆阳市人民检察院 甘肃 庆阳 745000), 作者单位:…, …检察院课题组); the procuratorates
    the article studies are its subject, not its author."""
    m = _AFFILIATION.search(text)
    if m is None:
        return None, None, "unknown"
    name = m.group("a") or m.group("b") or m.group("c")
    return read(name, "", r)


def system_level(text: str, own: bool = False) -> str:
    """The level of the system a text speaks of when it names no organ: 全省检察机关 -> provincial;
    ``own`` only as the text speaks of its own (我县, 全市), as an article studying others does."""
    m = (_SYSTEM_OWN if own else _SYSTEM).search(text)
    return {"省": "provincial", "市": "municipal", "县": "district"}.get(m.group(1) or m.group(2), "unknown") if m else "unknown"


def read(title: str | None, opening: str, r: OrganReader, page: str = "") -> tuple[str | None, str | None, str]:
    """(organ, region, organ_level) of a document from its title and opening; only when these name
    no procuratorate at all, from the rest of the ``page``."""
    found = [("title", c) for c in candidates(title or "", r)] + [("open", c) for c in candidates(opening, r)]
    if not found and page:
        return read(None, page, r)
    if not found:
        return None, None, "unknown"

    text_all = (title or "") + opening
    full = [_full_name(c, text_all, r) for _, c in found]     # each candidate's name, resolved once

    def score(i: int) -> tuple:
        where, c = found[i]
        text = title if where == "title" else opening
        end = c.start + len(c.place) + len(c.kind)
        acts = bool(_SUBJECT_AFTER.match(text or "", end))
        return (where == "title", full[i] is not None, c.kind != "检察机关", acts, -c.start)

    chosen = max(range(len(found)), key=score)
    best, organ = found[chosen][1], full[chosen]
    if best.redacted:                                 # ×××林区人民检察院: no name, but a level
        return None, None, r.level(best.place, best.kind, best.branch)
    if organ is None:
        return None, None, "unknown"
    names = {n for (_, c), n in zip(found, full) if not c.redacted and n}
    organ = max((n for n in names if n.endswith(organ)), key=len, default=organ)   # as far as the text gives it
    place = organ.removesuffix("人民检察院").removesuffix("检察院")
    return organ, (place or None), r.level(place if best.kind != "最高人民检察院" else "", best.kind, best.branch)
