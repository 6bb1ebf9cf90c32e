"""The comparison views: the diff page (commitments, evidence in both texts, figures, campaigns)
and the series page (one inline SVG line chart per series), checked as HTML and in headless Chromium.

The DiffReport and SeriesReport are made by hand here, with spans that are real slices of two small
reports, so the views are tested whatever the diff logic finds.
"""
from __future__ import annotations

import doctest
import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

import pytest

import jcreport.render.diff_html as diff_view
import jcreport.render.diff_svg as diff_svg
from jcreport.diff.models import (CampaignDiff, CampaignSeries, CommitmentMatch, DiffReport, FigureChange, FigureDiff,
                                  FigureKey, FigureRef, FigureSeries, MeasureRef, ReportRef, SeriesPoint, SeriesReport,
                                  StepSummary)
from jcreport.models import Span
from jcreport.render.diff_html import render_diff_html, render_series_html

from test_html import _png_pixels, _run_chromium, chromium  # noqa: F401  (chromium is a fixture)

TEXT_A = ("临江市人民检察院工作报告 <2024> & 附件\n一、2023年工作回顾\n"
          "2023年,共批准逮捕各类犯罪嫌疑人680人,起诉1200人,认罪认罚适用率达92%,发出检察建议0件,"
          "办理信访案件15件。深入开展扫黑除恶专项斗争,开展“百日攻坚”行动。\n{filler}"
          "二、2024年工作安排\n将制定未成年人检察工作实施办法。要建立公益诉讼线索移送机制。"
          "将举办全市检察业务竞赛。要深化扫黑除恶专项斗争成果运用。\n")
TEXT_B = ("临江市人民检察院工作报告\n一、2024年工作回顾\n"
          "2024年,共批准逮捕各类犯罪嫌疑人760人,起诉×人,认罪认罚适用率达95%,发出检察建议36件,"
          "办理公益诉讼案件45件。常态化开展扫黑除恶斗争,深入开展“检察护企”专项行动。"
          "出台了《未成年人检察工作实施办法》。\n{filler}"
          "二、2025年工作安排\n要持续完善公益诉讼线索移送机制。将开展“检察护企”专项行动回头看。\n")
FILLER = "全市检察机关坚持司法为民,依法履行法律监督职责,各项检察工作取得新进展。\n" * 60
OUTCOMES = {"m1": "fulfilled", "m2": "continued", "m3": "not_reported", "m4": "continued"}
MATCHED = {"m1": "n1", "m2": "n2", "m4": "n3"}


def _at(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start=start, end=start + len(piece), text=piece)


def _measure(text, id, verb, obj, status, through=None, cue=None, campaigns=()) -> MeasureRef:
    span = _at(text, through or verb + obj)
    return MeasureRef(id=id, verb=verb, object=obj, status=status, cue=cue, campaigns=list(campaigns),
                      span=span, sentence=span)


def _fig(text, id, raw, value, redacted=False, nth=0) -> FigureRef:
    return FigureRef(id=id, raw=raw, value=value, redacted=redacted, period="2023", span=_at(text, raw, nth))


def _key(subject, unit, kind="count") -> FigureKey:
    return FigureKey(subject=subject, unit=unit, kind=kind)


def _ref(year: int, path: str) -> ReportRef:
    return ReportRef(doc_id="sha256:" + f"{year:x}" * 16, path=path, organ="临江市人民检察院", year=year,
                     title="临江市人民检察院工作报告", doc_type="work_report")


def make_diff(a: str, b: str) -> DiffReport:
    commitments = [
        CommitmentMatch(a=_measure(a, "m1", "制定", "未成年人检察工作实施办法", "planned", cue="将"), outcome="fulfilled",
                        b=_measure(b, "n1", "出台", "《未成年人检察工作实施办法》", "done",
                                   through="出台了《未成年人检察工作实施办法》"), score=0.92),
        CommitmentMatch(a=_measure(a, "m2", "建立", "公益诉讼线索移送机制", "planned", cue="要"), outcome="continued",
                        b=_measure(b, "n2", "完善", "公益诉讼线索移送机制", "planned", cue="要持续"), score=0.81),
        CommitmentMatch(a=_measure(a, "m3", "举办", "全市检察业务竞赛", "planned", cue="将"), outcome="not_reported",
                        score=0),
        CommitmentMatch(a=_measure(a, "m4", "深化", "扫黑除恶专项斗争成果运用", "planned", cue="要", campaigns=["扫黑除恶"]),
                        outcome="continued", b=_measure(b, "n3", "开展", "扫黑除恶斗争", "ongoing", cue="常态化"),
                        score=0.55),
    ]
    new = [_measure(b, "n4", "开展", "“检察护企”专项行动回头看", "planned", cue="将")]
    campaigns = [
        CampaignDiff(name="扫黑除恶专项斗争", lexicon_id="saohei", kind="专项斗争", outcome="continued", mentions_a=2,
                     mentions_b=1, spans_a=[_at(a, "扫黑除恶专项斗争"), _at(a, "扫黑除恶专项斗争", 1)],
                     spans_b=[_at(b, "扫黑除恶斗争")]),
        CampaignDiff(name="“检察护企”专项行动", lexicon_id=None, kind="专项行动", outcome="new", mentions_a=0,
                     mentions_b=2, spans_b=[_at(b, "“检察护企”专项行动"), _at(b, "“检察护企”专项行动", 1)]),
        CampaignDiff(name="“百日攻坚”行动", lexicon_id=None, kind="行动", outcome="dropped", mentions_a=1,
                     mentions_b=0, spans_a=[_at(a, "“百日攻坚”行动")]),
    ]
    figures = [
        FigureDiff(key=_key("批准逮捕犯罪嫌疑人", "人"), a=_fig(a, "c1", "680人", 680), b=_fig(b, "c1", "760人", 760),
                   change=FigureChange(absolute=80, relative=0.1176)),
        FigureDiff(key=_key("起诉", "人"), a=_fig(a, "c2", "1200人", 1200), b=_fig(b, "c2", "×人", None, True),
                   change=None),
        FigureDiff(key=_key("认罪认罚适用率", "%", "rate"), a=_fig(a, "r1", "92%", 92.0), b=_fig(b, "r1", "95%", 95.0),
                   change=FigureChange(absolute=3.0, relative=0.0326)),
        FigureDiff(key=_key("检察建议", "件"), a=_fig(a, "c3", "0件", 0), b=_fig(b, "c3", "36件", 36),
                   change=FigureChange(absolute=36, relative=None)),
    ]
    return DiffReport(a=_ref(2023, "a.txt"), b=_ref(2024, "b.txt"),
                      warnings=["years 2023 and 2024: <checked> & fine"], commitments=commitments,
                      new_commitments=new, campaigns=campaigns, figures=figures,
                      figures_only_a=[_fig(a, "c4", "15件", 15)], figures_only_b=[_fig(b, "c4", "45件", 45)])


def _texts(filler: str = "") -> tuple[str, str]:
    return TEXT_A.format(filler=filler), TEXT_B.format(filler=filler)


@pytest.fixture(scope="module")
def diff_page():
    a, b = _texts()
    diff = make_diff(a, b)
    return diff, a, b, render_diff_html(diff, a, b)


def _point(year, value=None, raw=None, mentions=None) -> SeriesPoint:
    return SeriesPoint(year=year, doc_id=_ref(year, "").doc_id, value=value, raw=raw, mentions=mentions)


def make_series() -> SeriesReport:
    years = (2021, 2022, 2023, 2024)
    arrests = [_point(2021, 600, "600人"), _point(2022, None, "×人"), _point(2023, 680, "680人"),
               _point(2024, 760, "760人")]
    charges = [_point(2022, 1100, "1100人"), _point(2023, 1200, "1200人"), _point(2024, None, "×人")]
    rate = [_point(y, v, f"{v}%") for y, v in zip(years, (85.5, 88, 92, 95))]
    steps = [StepSummary(a=_ref(y, "").doc_id, b=_ref(y + 1, "").doc_id, fulfilled=f, continued=c, not_reported=n,
                         new_commitments=k) for y, f, c, n, k in ((2021, 3, 2, 1, 2), (2022, 1, 1, 2, 0),
                                                                   (2023, 1, 2, 1, 1))]
    return SeriesReport(
        reports=[_ref(y, f"{y}.txt") for y in years], warnings=["2022: a <redacted> figure"],
        figures=[FigureSeries(key=_key("批准逮捕犯罪嫌疑人", "人"), points=arrests),
                 FigureSeries(key=_key("起诉", "人"), points=charges),
                 FigureSeries(key=_key("认罪认罚适用率", "%", "rate"), points=rate)],
        campaigns=[CampaignSeries(name="扫黑除恶专项斗争", lexicon_id="saohei",
                                  points=[_point(y, mentions=m) for y, m in zip(years, (3, 2, 2, 1))]),
                   CampaignSeries(name="“检察护企”专项行动", lexicon_id=None,
                                  points=[_point(y, mentions=m) for y, m in zip(years, (None, 0, 0, 2))])],
        steps=steps)


class Page(HTMLParser):
    """Reads a page: the text of each side (``#text-a``, ``#text-b``), which evidence groups cover
    each of its characters, the highlights, every element's attributes; fails on bad nesting."""

    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.texts, self.cover = {"a": [], "b": []}, {"a": [], "b": []}
        self.highlights, self.elements = [], []
        self.side, self.stack = None, []
        self.feed(page)
        self.close()
        self.texts = {side: "".join(parts) for side, parts in self.texts.items()}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if self.side is not None:
            assert tag == "span", f"<{tag}> inside a text"
            self.stack.append(attrs)
            if "data-g" in attrs:
                self.highlights.append(attrs)
        elif attrs.get("id") in ("text-a", "text-b"):
            self.side = attrs["id"][-1]

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self.side is None:
            return
        if not self.stack:
            assert tag == "div", f"</{tag}> closes a text"
            self.side = None
            return
        assert tag == "span", f"</{tag}> where </span> was expected"
        self.stack.pop()

    def handle_data(self, data):
        if self.side is not None:
            groups = frozenset(a["data-g"] for a in self.stack if "data-g" in a)
            self.texts[self.side].append(data)
            self.cover[self.side] += [groups] * len(data)

    def rows(self, **want) -> list[dict]:
        return [a for tag, a in self.elements
                if tag == "tr" and "data-g" in a and all(a.get(f"data-{k}") == v for k, v in want.items())]


def _expected_cover(diff: DiffReport, side: str, text: str) -> list[frozenset]:
    cover = [set() for _ in text]
    for ev in diff_view._evidence(diff):
        if ev.side == side:
            for i in range(ev.span.start, ev.span.end):
                cover[i].add(ev.group)
    return [frozenset(groups) for groups in cover]


@pytest.mark.parametrize("module", [diff_view, diff_svg])
def test_diff_html_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_diff_html_texts_are_intact_and_cover_exactly_the_evidence(diff_page):
    diff, a, b, page_html = diff_page
    page = Page(page_html)  # also fails on any badly nested element
    assert page.texts == {"a": a, "b": b}
    for side, text in (("a", a), ("b", b)):
        pane = re.search(rf'<div class="text" id="text-{side}">(.*?)</div>', page_html, re.S).group(1)
        assert unescape(re.sub(r"<[^>]*>", "", pane)) == text
    assert page.cover["a"] == _expected_cover(diff, "a", a)
    assert page.cover["b"] == _expected_cover(diff, "b", b)
    inside = a.index("扫黑除恶专项斗争成果")  # a campaign mention inside a commitment
    assert page.cover["a"][inside] == {"c-m4", "k-1"}
    assert page.cover["b"][b.index("扫黑除恶斗争")] == {"c-m4", "k-1"}


def test_diff_html_commitments_carry_ids_and_outcomes(diff_page):
    diff, _, _, page_html = diff_page
    page = Page(page_html)
    for c in diff.commitments:
        (row,) = page.rows(g=f"c-{c.a.id}")
        assert (row["data-id"], row["data-outcome"]) == (c.a.id, c.outcome)
        assert row.get("data-b-id") == (c.b.id if c.b else None)
        (mark_a,) = [h for h in page.highlights if h["data-g"] == f"c-{c.a.id}" and h["data-side"] == "a"]
        assert (mark_a["data-kind"], mark_a["data-id"], mark_a["data-outcome"]) == ("commitment", c.a.id, c.outcome)
        assert f"o-{c.outcome}" in mark_a["class"].split()
        marks_b = [h for h in page.highlights if h["data-g"] == f"c-{c.a.id}" and h["data-side"] == "b"]
        assert [(h["data-kind"], h["data-id"], h["data-outcome"]) for h in marks_b] == (
            [("match", c.b.id, c.outcome)] if c.b else [])
    (new,) = page.rows(g="n-n4")
    assert new["data-outcome"] == "new"
    assert [h["data-outcome"] for h in page.highlights if h["data-g"] == "n-n4"] == ["new"]


def test_diff_html_rows_link_to_their_evidence(diff_page):
    _, _, _, page_html = diff_page
    page = Page(page_html)
    groups = {h["data-g"] for h in page.highlights}
    rows = {r["data-g"] for r in page.rows()}
    assert rows == groups | {"c-m3"}  # m3 was not reported: its row has evidence in A only
    assert "c-m3" in groups
    links = {a["href"] for tag, a in page.elements if tag == "a"}
    assert links == {f"#{g}" for g in rows}


def test_diff_html_summary_counts(diff_page):
    _, _, _, page_html = diff_page
    counts = dict(re.findall(r'<div class="tile ([\w-]+)" data-count="(\d+)"', page_html))
    assert counts == {"o-fulfilled": "1", "o-continued": "2", "o-not_reported": "1", "o-reported_shortfall": "0", "o-new": "1",
                      "k-continued": "1", "k-new": "1", "k-dropped": "1"}


def test_diff_html_header_has_both_reports_and_escaped_warnings(diff_page):
    diff, _, _, page_html = diff_page
    header = page_html[page_html.index("<header>"):page_html.index("</header>")]
    for ref in (diff.a, diff.b):
        assert ref.doc_id in header and ref.path in header and str(ref.year) in header
    assert "years 2023 and 2024: &lt;checked&gt; &amp; fine" in header
    assert '<html lang="zh-CN">' in page_html and '<meta charset="utf-8">' in page_html


def test_diff_html_figures_table_changes_and_redacted_values(diff_page):
    _, _, _, page_html = diff_page
    rows = dict(re.findall(r'<tr data-g="(f-\d)"(.*?)</tr>', page_html))
    assert "▲ +80" in rows["f-1"] and "+11.8%" in rows["f-1"]
    assert '<span class="redacted">×</span>' in rows["f-2"] and 'data-redacted="true"' in rows["f-2"]
    assert "▲" not in rows["f-2"] and "%" not in rows["f-2"].split("</svg>")[-1]
    assert "+3.3%" in rows["f-3"] and "▲ +36" in rows["f-4"] and "%" not in rows["f-4"]
    for g, row in rows.items():
        (svg,) = re.findall(r'<svg class="bars".*?</svg>', row)
        assert svg.count("<rect") == (1 if g == "f-2" else 2)
    only = Page(page_html).rows()
    assert {r["data-g"] for r in only if r["data-g"].startswith(("fa-", "fb-"))} == {"fa-c4", "fb-c4"}
    assert "<mark>15件</mark>" in page_html and "<mark>45件</mark>" in page_html


def test_diff_html_campaigns_table(diff_page):
    diff, _, _, page_html = diff_page
    rows = Page(page_html).rows()
    got = {r["data-name"]: r["data-outcome"] for r in rows if r["data-g"].startswith("k-")}
    assert got == {k.name: k.outcome for k in diff.campaigns}
    marks = Counter((h["data-side"], h["data-g"]) for h in Page(page_html).highlights if h["data-kind"] == "campaign")
    assert marks == {("a", "k-1"): 2, ("b", "k-1"): 1, ("b", "k-2"): 2, ("a", "k-3"): 1}


def test_diff_html_no_external_resources(diff_page):
    _, _, _, page_html = diff_page
    assert "http://" not in page_html and "https://" not in page_html
    assert not re.search(r"@import|url\(|<link|<iframe|<img|\bsrc\s*=", page_html, re.I)
    hrefs = [a["href"] for _, a in Page(page_html).elements if "href" in a]
    assert hrefs and all(h.startswith("#") for h in hrefs)


def test_diff_html_markup_in_the_data_is_escaped(diff_page):
    diff, a, b, _ = diff_page
    sneaky = diff.commitments[2].model_copy(update={"a": diff.commitments[2].a.model_copy(
        update={"object": "</script><script>alert(1)</script>"})})
    page_html = render_diff_html(diff.model_copy(update={"commitments": [*diff.commitments[:2], sneaky]}), a, b)
    assert "<script>alert" not in page_html and page_html.count("</script>") == 2
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page_html


def test_diff_html_ungrounded_span_is_listed_not_highlighted(diff_page):
    diff, a, b, _ = diff_page
    wrong = diff.new_commitments[0].model_copy(update={"span": Span(start=0, end=2, text="不对")})
    page_html = render_diff_html(diff.model_copy(update={"new_commitments": [wrong]}), a, b)
    page = Page(page_html)
    assert page.texts == {"a": a, "b": b}
    assert "n-n4" not in {h["data-g"] for h in page.highlights}
    assert "not highlighted, span empty or not in the text: B new n4" in page_html


def test_diff_html_empty_diff_renders(diff_page):
    diff, a, b, _ = diff_page
    page = Page(render_diff_html(DiffReport(a=diff.a, b=diff.b), a, b))
    assert page.texts == {"a": a, "b": b} and not page.highlights and not page.rows()


# --- the series page -----------------------------------------------------------------------------

def _charts(page_html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<figure class="chart ([\w-]+)" data-points="(\d+)">(.*?)</figure>', page_html, re.S)


def test_series_html_one_line_per_series_and_one_point_per_value():
    series = make_series()
    page_html = render_series_html(series)
    charts = _charts(page_html)
    expected = [("f-chart", [p.value for p in f.points]) for f in series.figures]
    expected += [("k-chart", [p.mentions for p in k.points]) for k in series.campaigns]
    assert len(charts) == len(expected) == 5
    for (cls, points, svg), (want_cls, values) in zip(charts, expected):
        valued = sum(v is not None for v in values)
        assert cls == want_cls and int(points) == valued
        assert svg.count("<svg") == 1 and svg.count("<path") + svg.count("<polyline") == 1
        assert svg.count('<circle class="pt"') == valued


def test_series_html_lines_break_at_redacted_and_missing_values():
    page_html = render_series_html(make_series())
    paths = re.findall(r'<path class="line" d="([^"]*)"', page_html)
    moves = [d.count("M") for d in paths]
    # 600, ×, 680, 760 | (none), 1100, 1200, × | four rates | four counts | none, 0, 0, 2
    assert moves == [2, 1, 1, 1, 1]
    assert [d.count("L") for d in paths] == [1, 1, 3, 3, 2]
    arrests = _charts(page_html)[0][2]
    assert arrests.count('class="gap"') == 1 and ">680人<" in arrests and ">760人<" in arrests
    ticks = re.findall(r'<text class="tick"[^>]*text-anchor="middle">(\d+)</text>', arrests)
    assert ticks == ["2021", "2022", "2023", "2024"]


def test_series_html_points_are_placed_by_value():
    page_html = render_series_html(make_series())
    rate = _charts(page_html)[2][2]
    ys = [float(y) for y in re.findall(r'<circle class="pt" cx="[\d.]+" cy="([\d.]+)"', rate)]
    assert ys == sorted(ys, reverse=True)  # 85.5 < 88 < 92 < 95: higher values drawn higher
    xs = [float(x) for x in re.findall(r'<circle class="pt" cx="([\d.]+)"', rate)]
    assert xs == sorted(xs) and len(set(xs)) == 4


def test_series_html_steps_header_and_no_external_resources():
    series = make_series()
    page_html = render_series_html(series)
    rows = re.findall(r"<tr data-a=.*?</tr>", page_html)
    assert len(rows) == 3 and "2021 → 2022" in rows[0] and ">50%<" in rows[0] and rows[0].count("<rect") == 3
    header = page_html[page_html.index("<header>"):page_html.index("</header>")]
    assert "2021–2024" in header and "2022: a &lt;redacted&gt; figure" in header
    assert "http://" not in page_html and "https://" not in page_html
    assert not re.search(r"@import|url\(|<link|<iframe|<img|<script|\bsrc\s*=|\bhref\s*=", page_html, re.I)


def test_series_html_reports_without_years_are_placed_evenly():
    series = make_series()
    reports = [r.model_copy(update={"year": None}) for r in series.reports]
    page_html = render_series_html(series.model_copy(update={"reports": reports}))
    arrests = _charts(page_html)[0][2]
    assert re.findall(r'text-anchor="middle">(#\d)</text>', arrests) == ["#1", "#2", "#3", "#4"]
    assert arrests.count('<circle class="pt"') == 3


# --- in a real browser -------------------------------------------------------------------------

PROBE = """<script>
(function () {
  var row = document.querySelector('tr[data-g="c-m2"]');
  row.click();
  var a = document.getElementById("pane-a"), b = document.getElementById("pane-b");
  function seen(pane) {
    var r = pane.querySelector(".hl.pinned").getBoundingClientRect(), p = pane.getBoundingClientRect();
    return r.top >= p.top && r.bottom <= p.bottom ? "1" : "0";
  }
  document.body.setAttribute("data-probe", [a.scrollTop > 0 ? "1" : "0", b.scrollTop > 0 ? "1" : "0",
                                            seen(a), seen(b)].join(""));
})();
</script>
</body>"""


@pytest.fixture(scope="module")
def long_diff_page():
    """Texts long enough that the commitments are out of sight until a row is clicked."""
    a, b = _texts(FILLER)
    return a, b, render_diff_html(make_diff(a, b), a, b)


def test_diff_html_in_chromium_hash_pins_the_row_and_its_evidence(chromium, long_diff_page, tmp_path):
    a, b, page_html = long_diff_page
    page_file = tmp_path / "diff.html"
    page_file.write_text(page_html, encoding="utf-8")
    dom = _run_chromium(chromium, tmp_path, "--window-size=1400,1000", "--dump-dom", page_file.as_uri() + "#c-m1")
    assert re.search(r'<body[^>]*\bdata-ready="1"', dom)
    page = Page(dom)
    assert page.texts == {"a": a, "b": b}
    pinned = [h for h in page.highlights if "pinned" in h["class"].split()]
    assert {(h["data-side"], h["data-id"]) for h in pinned} == {("a", "m1"), ("b", "n1")}
    assert [r["data-g"] for r in page.rows() if "pinned" in r.get("class", "").split()] == ["c-m1"]
    assert "A: 制定未成年人检察工作实施办法 → 兑现 fulfilled → B: 出台《未成年人检察工作实施办法》" in dom


def test_diff_html_in_chromium_clicking_a_row_scrolls_both_texts(chromium, long_diff_page, tmp_path):
    _, _, page_html = long_diff_page
    page_file = tmp_path / "probe.html"
    page_file.write_text(page_html.replace("</body>", PROBE), encoding="utf-8")
    dom = _run_chromium(chromium, tmp_path, "--window-size=1400,1000", "--dump-dom", page_file.as_uri())
    assert 'data-probe="1111"' in dom  # both panes scrolled, the evidence in sight in both
    assert [r["data-g"] for r in Page(dom).rows() if "pinned" in r.get("class", "").split()] == ["c-m2"]


@pytest.mark.parametrize("which", ["diff", "series"])
def test_diff_html_in_chromium_screenshot(chromium, long_diff_page, tmp_path, which):
    page_html = long_diff_page[2] if which == "diff" else render_series_html(make_series())
    page_file, png = tmp_path / f"{which}.html", tmp_path / f"{which}.png"
    page_file.write_text(page_html, encoding="utf-8")
    url = page_file.as_uri() + ("#c-m4" if which == "diff" else "")
    _run_chromium(chromium, tmp_path, f"--screenshot={png}", "--window-size=1400,1000", url)
    width, height, pixels = _png_pixels(png.read_bytes())
    assert (width, height) == (1400, 1000)
    assert png.stat().st_size > 20_000 and len(set(pixels)) > 64  # not a blank page
