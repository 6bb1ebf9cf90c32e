"""The HTML view: every record highlighted in place, the text intact, no external resources, and
the page working in a real browser (headless Chromium: scripts ran, highlights present, screenshot).

Measures and campaigns are hand-made here (spans are slices of sample 003) so that their rendering
is tested whatever the extractors find.
"""
from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser

import pytest

import jcreport.render.html as html_view
from jcreport import extract
from jcreport.models import Campaign, Measure, Report, Span
from jcreport.reading import read_input
from jcreport.render.html import render_html

from conftest import SAMPLES

S003 = "003_a82b9bb60c50b0fd.txt"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.txt"))
TYPES = {"case_count": "case_counts", "metric": "metrics", "measure": "measures", "campaign": "campaigns"}


class Page(HTMLParser):
    """Reads a page: the text of ``#text``, which record ids cover each of its characters, the
    highlight elements, and every attribute; fails on a badly nested element inside ``#text``."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.text, self.cover, self.highlights, self.attrs = [], [], [], []
        self.stack = None  # open elements inside #text; None outside it
        self.scripts = {}
        self._script = None
        self.feed(page)
        self.close()
        self.text = "".join(self.text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.attrs.append((tag, attrs))
        if tag == "script":
            self._script = attrs.get("id", "js")
            self.scripts[self._script] = ""
        if self.stack is not None:
            assert tag == "span", f"<{tag}> inside #text"
            self.stack.append(attrs)
            if "data-type" in attrs:
                self.highlights.append(attrs)
        elif attrs.get("id") == "text":
            self.stack = []

    def handle_endtag(self, tag):
        self._script = None
        if self.stack is None:
            return
        if not self.stack:
            assert tag == "div", f"</{tag}> closes #text"
            self.stack = None
            return
        assert tag == "span", f"</{tag}> where </span> was expected"
        self.stack.pop()

    def handle_data(self, data):
        if self._script:
            self.scripts[self._script] += data
        if self.stack is not None:
            ids = frozenset(a["data-id"] for a in self.stack if "data-id" in a)
            self.text.append(data)
            self.cover += [ids] * len(data)


def _source(name: str) -> str:
    return read_input(str(SAMPLES / name))[0].text


def _span(source: str, start: int, text: str) -> Span:
    assert source[start:start + len(text)] == text, (start, text, source[start:start + len(text)])
    return Span(start=start, end=start + len(text), text=text)


def _measure(source, id, start, verb, obj, status, **extra) -> Measure:
    span = _span(source, start, verb + obj)
    return Measure(id=id, verb=verb, object=obj, status=status, span=span, sentence=span,
                   object_span=_span(source, start + len(verb), obj), **extra)


def _handmade(report: Report, source: str) -> Report:
    """Sample 003's report with measures and campaigns that overlap figures, headings and each other."""
    measures = [
        _measure(source, "a1", 882, "制定", "巡察整改工作方案", "done", category="document"),
        _measure(source, "a2", 15771, "开展", "集中警示教育5场次", "done"),  # holds the figure 5场次
        _measure(source, "a3", 15732, "开展", "党纪学习教育", "done", campaigns=["k1"]),  # holds a mention
        _measure(source, "a4", 4172, "召开", "检法联席会议", "ongoing", cue="常态化", category="meeting"),
        _measure(source, "a5", 17965, "完善", "沟通机制", "planned", cue="下一步", category="mechanism"),
        _measure(source, "a6", 18036, "开展", "警示教育", "planned", cue="下一步"),
        _measure(source, "a7", 15872, "深化", "政法队伍", "done"),  # crosses the start of mention k2
    ]
    campaigns = [
        Campaign(id="k1", name="党纪学习教育", kind="学习教育", section="s2.4.1.1.4",
                 mentions=[_span(source, 15734, "党纪学习教育"), _span(source, 17744, "党纪学习教育")]),
        Campaign(id="k2", name="政法队伍教育整顿", kind="教育整顿", section="s2.4.2",
                 mentions=[_span(source, 15874, "政法队伍教育整顿"), _span(source, 15893, "政法队伍教育整顿")]),
    ]
    return report.model_copy(update={"measures": measures, "campaigns": campaigns})


@pytest.fixture(scope="module")
def sample003(sample_reports):
    source = _source(S003)
    report = _handmade(sample_reports[S003], source)
    return report, source, render_html(report, source)


def _records(report: Report):
    return [(kind, r) for kind, attr in TYPES.items() for r in getattr(report, attr)]


def _expected_cover(report: Report, source: str) -> list[frozenset]:
    cover = [set() for _ in source]
    for kind, record in _records(report):
        for span in record.mentions if kind == "campaign" else [record.span]:
            for i in range(span.start, span.end):
                cover[i].add(record.id)
    return [frozenset(ids) for ids in cover]


def test_html_doctests():
    result = doctest.testmod(html_view)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_html_every_record_is_highlighted_with_its_type(sample_reports, name):
    report, source = sample_reports[name], _source(name)
    page = Page(render_html(report, source))
    found = {(h["data-type"], h["data-id"]) for h in page.highlights}
    assert found == {(kind, r.id) for kind, r in _records(report)}
    for h in page.highlights:
        assert f"t-{h['data-type']}" in h["class"].split()


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_html_text_is_the_source_exactly(sample_reports, name):
    source = _source(name)
    assert Page(render_html(sample_reports[name], source)).text == source


def test_html_handmade_records_are_all_highlighted(sample003):
    report, source, page_html = sample003
    page = Page(page_html)
    assert page.text == source
    assert {h["data-id"] for h in page.highlights} == {r.id for _, r in _records(report)}
    assert {(h["data-type"], h["data-id"]) for h in page.highlights} >= {("measure", "a1"), ("campaign", "k2")}


def test_html_overlapping_records_cover_exactly_their_spans(sample003):
    report, source, page_html = sample003
    page = Page(page_html)  # also fails on any badly nested element
    assert page.cover == _expected_cover(report, source)
    figure = next(m for m in report.metrics if m.span.text == "5场次" and m.span.start == 15779)
    assert page.cover[15779] == {"a2", figure.id}  # a figure inside a measure,
    assert page.cover[15734] == {"a3", "k1"}  # a mention inside a measure,
    assert page.cover[15873:15876] == [{"a7"}, {"a7", "k2"}, {"a7", "k2"}]  # spans that cross


def test_html_crossing_spans_are_cut_and_reopened():
    source = "2024年,全市检察机关共办理各类案件17562件。"
    base = extract(source)
    crossing = _measure(source, "a1", source.index("办理"), "办理", "各类案件175", "done")
    report = base.model_copy(update={"measures": [crossing]})
    page = Page(render_html(report, source))
    assert page.text == source
    assert page.cover == _expected_cover(report, source)
    pieces = Counter(h["data-id"] for h in page.highlights)
    assert pieces["c1"] == 2 and sum("data-cont" in h for h in page.highlights) == 1


def test_html_measures_carry_their_status(sample003):
    report, _, page_html = sample003
    status = {m.id: m.status for m in report.measures}
    measures = [h for h in Page(page_html).highlights if h["data-type"] == "measure"]
    assert {h["data-id"] for h in measures} == set(status)
    for h in measures:
        assert {"hl", "t-measure", f"st-{status[h['data-id']]}"} <= set(h["class"].split())


def test_html_no_external_resources(sample003):
    _, _, page_html = sample003
    assert "http://" not in page_html and "https://" not in page_html
    assert not re.search(r"@import|url\(|<link|<iframe|<img|\bsrc\s*=", page_html, re.I)
    hrefs = [a["href"] for _, a in Page(page_html).attrs if "href" in a]
    assert hrefs and all(h.startswith("#") for h in hrefs)


def test_html_outline_links_reach_one_anchor_per_heading(sample003):
    report, _, page_html = sample003
    attrs = Page(page_html).attrs
    anchors = Counter(a["id"] for _, a in attrs if a.get("id", "").startswith("sec-"))
    links = {a["href"] for tag, a in attrs if tag == "a" and "href" in a}
    assert anchors == Counter(f"sec-{s.id}" for s in report.outline)
    assert links == {f"#sec-{s.id}" for s in report.outline}


def test_html_header_shows_meta_and_source(sample003):
    report, _, page_html = sample003
    header = page_html[page_html.index("<header>"):page_html.index("</header>")]
    for value in (report.meta.organ, report.meta.doc_type, str(report.meta.year), report.meta.date,
                  report.source.path):
        assert value and value in header
    assert '<html lang="zh-CN">' in page_html and '<meta charset="utf-8">' in page_html


def test_html_filters_and_counts_per_type(sample003):
    report, _, page_html = sample003
    filters = {a["data-filter"] for tag, a in Page(page_html).attrs if tag == "input"}
    assert filters == set(TYPES) | {"st-done", "st-ongoing", "st-planned"}
    for kind, attr in TYPES.items():
        count = re.search(rf'data-filter="{kind}".*?<span class="count">(\d+)', page_html).group(1)
        assert int(count) == len(getattr(report, attr))


def test_html_records_json_is_keyed_by_id_and_cannot_end_the_script(sample003):
    report, source, _ = sample003
    sneaky = report.metrics[0].model_copy(update={"subject": "</script><script>alert(1)</script>"})
    page_html = render_html(report.model_copy(update={"metrics": [sneaky, *report.metrics[1:]]}), source)
    assert page_html.count("</script>") == 2
    records = json.loads(Page(page_html).scripts["records"])
    assert set(records) == {r.id for _, r in _records(report)}
    assert records[sneaky.id]["subject"] == sneaky.subject and records[sneaky.id]["type"] == "metric"
    assert records["a5"]["status"] == "planned" and records["k1"]["type"] == "campaign"


def test_html_ungrounded_record_is_listed_not_highlighted(sample003):
    report, source, _ = sample003
    wrong = report.metrics[0].model_copy(update={"span": Span(start=0, end=2, text="不对")})
    page_html = render_html(report.model_copy(update={"metrics": [wrong, *report.metrics[1:]]}), source)
    page = Page(page_html)
    assert page.text == source
    assert wrong.id not in {h["data-id"] for h in page.highlights}
    assert f"span empty or not in the source text: {wrong.id}" in page_html


def test_html_duplicate_record_ids_are_an_error(sample003):
    report, source, _ = sample003
    clash = report.measures[0].model_copy(update={"id": report.metrics[0].id})
    with pytest.raises(ValueError, match="used by two records"):
        render_html(report.model_copy(update={"measures": [clash]}), source)


# --- in a real browser -------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        message = "chromium is not installed (Debian: apt-get install chromium)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return path


def _run_chromium(chromium, tmp_path, *args) -> str:
    cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the inflated image data of a PNG (enough to tell a blank one)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, size = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        size = struct.unpack(">II", body[:8]) if kind == b"IHDR" else size
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    return *size, zlib.decompress(idat)


def test_html_in_chromium_scripts_run_and_highlights_are_there(chromium, sample003, tmp_path):
    report, source, page_html = sample003
    page_file = tmp_path / "003.html"
    page_file.write_text(page_html, encoding="utf-8")
    dom = _run_chromium(chromium, tmp_path, "--dump-dom", page_file.as_uri() + "#rec-a3")
    assert re.search(r'<body[^>]*\bdata-ready="1"', dom)
    page = Page(dom)
    assert page.text == source
    firsts = Counter(h["data-type"] for h in page.highlights if "data-cont" not in h)
    assert firsts["case_count"] == len(report.case_counts) == dom.count('data-type="case_count"')
    assert firsts["metric"] == len(report.metrics)
    assert firsts["measure"] == len(report.measures)
    assert firsts["campaign"] == sum(len(c.mentions) for c in report.campaigns)
    assert "measure a3" in dom  # the record named in the URL is shown in the panel
    assert re.search(r'class="[^"]*\bpinned\b[^"]*" data-type="measure" data-id="a3"', dom)


def test_html_in_chromium_screenshot(chromium, sample003, tmp_path):
    _, _, page_html = sample003
    page_file, png = tmp_path / "003.html", tmp_path / "003.png"
    page_file.write_text(page_html, encoding="utf-8")
    _run_chromium(chromium, tmp_path, f"--screenshot={png}", "--window-size=1400,1000", page_file.as_uri())
    width, height, pixels = _png_pixels(png.read_bytes())
    assert (width, height) == (1400, 1000)
    assert png.stat().st_size > 20_000 and len(set(pixels)) > 64  # not a blank page
