"""PDF text layer: Chinese text quality and speed of pdfminer.six and pypdf (and others if installed).

Usage: python bench/bench_pdf.py [--repeat N]
Documents (made by tests/formats/make_pdf.py with reportlab's STSong-Light CID font):
  report     2 pages: centred title, indented justified paragraphs wrapping across lines and a
             page break, a 3x3 table, running header and "— N —" page numbers
  spaced     two lines set with 4 pt letter spacing (as justified Chinese lines are)
  encrypted  the report, RC4-128 with an owner password only (opens without a password)
  long       the report's body 12 times (timing only: 10+ pages)
Columns, over report + spaced + encrypted (expected text: make_pdf.REPORT and SPACED):
  P, R, F1   character-level precision / recall (whitespace removed; difflib matching blocks)
  paras      share of expected lines (paragraphs, headings, table rows with cells joined by a
             tab) output as an exact line: wraps joined, paragraph breaks kept, no furniture
  spaces     whitespace characters next to a CJK character inside output lines (spurious)
  figures    share of the figures (5725件, 27.65%, 216.5万元 …) found intact in the raw output
  pages/s    on the long document, best of --repeat
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import io
import logging
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "formats"))
sys.path.insert(0, str(ROOT / "src"))

import make_pdf  # noqa: E402

from jcreport.formats.cjk import CJK, squeeze_layout_spaces  # noqa: E402

FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:件|人|%|元|吨)")
_CJK_SPACE = re.compile(f"(?<=[{CJK}])[ \\u3000]|[ \\u3000](?=[{CJK}])")
_WS = re.compile(r"\s+")


def own(data: bytes) -> str:
    from jcreport.formats.pdf import pdf_text

    return pdf_text(data, "bench.pdf")


def pdfminer_raw(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pypdf_raw(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _width(line: str) -> float:
    return sum(1.0 if ord(ch) > 0x2000 else 0.5 for ch in line)


def pypdf_joined(data: bytes) -> str:
    """pypdf text with the best text-only repair: page numbers dropped, spaces next to CJK dropped,
    a line as wide as the page's widest (within 2 ems) joined to the next."""
    from pypdf import PdfReader

    from jcreport.formats.cjk import join_wrapped
    from jcreport.formats.pdf_layout import _PAGE_NUMBER

    out: list[str] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = [squeeze_layout_spaces(line).strip() for line in (page.extract_text() or "").splitlines()]
        lines = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
        widest = max(map(_width, lines), default=0)
        joining = False
        for line in lines:
            out[-1:] = [join_wrapped(out[-1], line)] if joining and out else out[-1:] + [line]
            joining = _width(line) >= widest - 2
    return "\n".join(out)


def pdfplumber_raw(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pypdfium2_raw(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


CANDIDATES = {
    "pdfminer.six + own layout (chosen)": (own, "pdfminer"),
    "pdfminer.six extract_text": (pdfminer_raw, "pdfminer"),
    "pypdf extract_text": (pypdf_raw, "pypdf"),
    "pypdf + text-only line joining": (pypdf_joined, "pypdf"),
    "pdfplumber extract_text": (pdfplumber_raw, "pdfplumber"),
    "pypdfium2 get_text_range": (pypdfium2_raw, "pypdfium2"),
}


def documents() -> list[tuple[str, bytes, list[str]]]:
    report = make_pdf.REPORT
    return [("report", make_pdf.report_pdf(), report), ("spaced", make_pdf.spaced_pdf(), ["".join(make_pdf.SPACED)]),
            ("encrypted", make_pdf.encrypted_pdf(""), report)]


def measure(expected: list[str], got: str) -> dict:
    exp, out = _WS.sub("", "".join(expected)), _WS.sub("", got)
    matched = sum(b.size for b in difflib.SequenceMatcher(None, exp, out, autojunk=False).get_matching_blocks())
    lines = {line.strip() for line in got.splitlines()}
    figures = [f for line in expected for f in FIGURE.findall(line)]
    return {"matched": matched, "exp": len(exp), "out": len(out), "paras": sum(e in lines for e in expected),
            "exp_paras": len(expected), "spaces": sum(len(_CJK_SPACE.findall(line)) for line in got.splitlines()),
            "figures": sum(f in got for f in figures), "exp_figures": len(figures)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    docs = documents()
    long = make_pdf.report_pdf(repeat=12)
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(long)).pages)
    print(f"quality on {', '.join(n for n, _, _ in docs)}; speed on a {pages}-page document, best of {args.repeat}")
    print(f"{'candidate':36} {'P':>6} {'R':>6} {'F1':>6} {'paras':>7} {'spaces':>6} {'figures':>8} {'pages/s':>8}")
    for label, (fn, module) in CANDIDATES.items():
        if importlib.util.find_spec(module) is None:
            print(f"{label:36} (not installed: {module})")
            continue
        totals: dict = {}
        for _, data, expected in docs:
            for key, value in measure(expected, fn(data)).items():
                totals[key] = totals.get(key, 0) + value
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn(long)
            best = min(best, time.perf_counter() - t0)
        p, r = totals["matched"] / max(totals["out"], 1), totals["matched"] / totals["exp"]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:36} {p:6.3f} {r:6.3f} {f1:6.3f} {totals['paras']:3d}/{totals['exp_paras']:<3d} "
              f"{totals['spaces']:6d} {totals['figures']:3d}/{totals['exp_figures']:<4d} {pages / best:8.1f}")


if __name__ == "__main__":
    main()
