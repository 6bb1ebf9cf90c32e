"""HTML article extraction: quality and speed of candidate libraries on procuratorate-style pages.

Usage: python bench/bench_html.py [--repeat N] [--pages]
Pages: tests/formats/html/*.html, each with the body text written by hand beside it
(<name>.expected.txt). Every candidate gets the same decoded text (formats.html_decode).
Columns, over all pages:
  P, R, F1   character-level precision / recall of the expected text (whitespace and the "|" of
             markdown-ish tables removed; matched = difflib matching blocks, summed over pages)
  lines      share of expected lines output as an exact line (whitespace runs, tab included, and
             "|" as one space): paragraph breaks, headings and table rows kept apart
  junk       output lines not in the expected text that hold a boilerplate marker (版权所有, ICP,
             当前位置, 分享到, 推荐访问, 相关链接, 友情链接, 微信, 打印 …), summed over pages
  figures    share of the expected figures (5725件, 54.8%, 3.6亿元 …) found in the output
  pages/s    best of --repeat runs over all pages
Candidates whose package is not installed are skipped.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "formats" / "html"
JUNK = ("版权所有", "ICP", "当前位置", "您现在的位置", "您的位置", "分享", "推荐访问", "相关链接", "友情链接",
        "主办单位", "微信", "微博", "打印", "关闭", "上一篇", "下一篇", "热点推荐", "相关新闻", "责任编辑",
        "编辑：", "地址：", "首页", "Copyright", "扫一扫", "字号", "字体")
FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:件|人|%|元|吨|亩|条|所|次|名)")
_WS = re.compile(r"\s+")


def own(html: str) -> str:
    from jcreport.formats.html import html_text
    from jcreport.formats.html_rules import load_rules

    return html_text(html, load_rules())


def trafilatura_default(html: str, **options) -> str:
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_tables=True, include_comments=False, **options)
    return f"{doc.title or ''}\n{doc.text or ''}" if doc else ""


def trafilatura_recall(html: str) -> str:
    return trafilatura_default(html, favor_recall=True)


def readability_inscriptis(html: str) -> str:
    from inscriptis import get_text
    from readability import Document

    doc = Document(html)
    return doc.short_title() + "\n" + get_text(doc.summary(html_partial=True))


def justext_nostoplist(html: str) -> str:
    import justext

    # No Chinese stoplist ships: classify on length and link density only, lengths scaled to CJK.
    paragraphs = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0,
                                 length_low=10, length_high=40)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def inscriptis_page(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def resiliparse_main(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True, alt_texts=False, links=False)


CANDIDATES = {
    "own: selectolax + rules (chosen)": (own, "selectolax"),
    "trafilatura": (trafilatura_default, "trafilatura"),
    "trafilatura favor_recall": (trafilatura_recall, "trafilatura"),
    "readability-lxml + inscriptis": (readability_inscriptis, "readability"),
    "justext (no stoplist, CJK lengths)": (justext_nostoplist, "justext"),
    "inscriptis (whole page)": (inscriptis_page, "inscriptis"),
    "resiliparse main_content": (resiliparse_main, "resiliparse"),
}


def flat(text: str) -> str:
    return _WS.sub("", text).replace("|", "")


def line_set(text: str) -> set[str]:
    """Lines with whitespace runs and markdown table bars as one space (any cell separator counts)."""
    return {_WS.sub(" ", line.replace("|", " ")).strip() for line in text.splitlines() if line.strip()}


def measure(expected: str, got: str) -> dict:
    exp, out = flat(expected), flat(got)
    matched = sum(b.size for b in difflib.SequenceMatcher(None, exp, out, autojunk=False).get_matching_blocks())
    exp_lines, got_lines = line_set(expected), line_set(got)
    figures = FIGURE.findall(exp)
    return {
        "matched": matched, "exp": len(exp), "out": len(out),
        "lines": len(exp_lines & got_lines), "exp_lines": len(exp_lines),
        "junk": sum(any(w in line for w in JUNK) for line in got_lines - exp_lines),
        "figures": sum(f in out for f in figures), "exp_figures": len(figures),
    }


def run(fn, pages: list[tuple[str, str, str]], repeat: int) -> tuple[dict, dict, float]:
    totals: dict = {}
    per_page = {}
    for name, html, expected in pages:
        m = measure(expected, fn(html))
        per_page[name] = m
        for key, value in m.items():
            totals[key] = totals.get(key, 0) + value
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _, html, _ in pages:
            fn(html)
        best = min(best, time.perf_counter() - t0)
    return totals, per_page, len(pages) / best


def load_pages() -> list[tuple[str, str, str]]:
    sys.path.insert(0, str(ROOT / "src"))
    from jcreport.formats.html_decode import decode_html

    pages = []
    for path in sorted(PAGES.glob("*.html")):
        expected = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
        pages.append((path.name, decode_html(path.read_bytes())[0], expected))
    return pages


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", action="store_true", help="also print F1 per page and candidate")
    args = ap.parse_args()
    pages = load_pages()
    import importlib.util
    import logging

    logging.disable(logging.WARNING)
    print(f"{len(pages)} pages, best of {args.repeat}")
    print(f"{'candidate':34} {'P':>6} {'R':>6} {'F1':>6} {'lines':>6} {'junk':>5} {'figures':>8} {'pages/s':>8}")
    for label, (fn, module) in CANDIDATES.items():
        if importlib.util.find_spec(module) is None:
            print(f"{label:34} (not installed: {module})")
            continue
        t, per_page, rate = run(fn, pages, args.repeat)
        p, r = t["matched"] / max(t["out"], 1), t["matched"] / t["exp"]
        print(f"{label:34} {p:6.3f} {r:6.3f} {f1(p, r):6.3f} {t['lines'] / t['exp_lines']:6.3f} {t['junk']:5d} "
              f"{t['figures']:4d}/{t['exp_figures']:<3d} {rate:8.1f}")
        if args.pages:
            for name, m in per_page.items():
                pp, rr = m["matched"] / max(m["out"], 1), m["matched"] / m["exp"]
                print(f"    {name:32} F1 {f1(pp, rr):.3f}  lines {m['lines']}/{m['exp_lines']}  junk {m['junk']}")


if __name__ == "__main__":
    main()
