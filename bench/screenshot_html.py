"""Render a sample to the HTML view and take a PNG screenshot of it with headless Chromium.

Usage: python bench/screenshot_html.py [SAMPLE] [-o OUT_DIR] [--size 1400,1000] [--at ID]
Writes OUT_DIR/<stem>.html and OUT_DIR/<stem>.png (OUT_DIR defaults to bench/out/, which git
ignores) and prints both paths. SAMPLE defaults to samples/003_a82b9bb60c50b0fd.txt. --at ID
shows the text at a record (its fields pinned in the side panel: "c1", "m18") or at a section
heading ("s2.1"); the PNG is then named <stem>@<ID>.png. Needs `chromium` (Debian: apt-get
install chromium) and a CJK font for readable text (Debian: apt-get install fonts-noto-cjk);
without one, Chinese shows as boxes.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    sys.exit("error: no chromium on PATH (Debian: apt-get install chromium)")


def warn_without_cjk_font() -> None:
    fc_list = shutil.which("fc-list")
    if fc_list and not subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True).stdout.strip():
        print("warning: no CJK font installed; Chinese text will show as boxes "
              "(Debian: apt-get install fonts-noto-cjk)", file=sys.stderr)


def fragment(at: str | None) -> str:
    """The page's URL fragment for ``--at``: ``#sec-s2.1`` for a section, ``#rec-c1`` for a record."""
    if not at:
        return ""
    return f"#sec-{at}" if re.fullmatch(r"s\d+(\.\d+)*", at) else f"#rec-{at}"


def screenshot(page: Path, png: Path, size: str, at: str | None = None, timeout: float = 120) -> None:
    with tempfile.TemporaryDirectory(prefix="jcreport-chromium-") as profile:
        cmd = [find_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
               f"--window-size={size}", page.resolve().as_uri() + fragment(at)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", nargs="?", type=Path, default=ROOT / "samples" / "003_a82b9bb60c50b0fd.txt")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--size", default="1400,1000", help="window WIDTH,HEIGHT in pixels")
    ap.add_argument("--at", help='a record id ("c1") or section id ("s2.1") to show')
    args = ap.parse_args()

    from jcreport import extract
    from jcreport.reading import read_input
    from jcreport.render.html import render_html

    doc, name = read_input(str(args.sample))
    text = doc.text
    page_html = render_html(extract(text, path=name, encoding=doc.encoding, format=doc.format), text)
    args.out.mkdir(parents=True, exist_ok=True)
    page = args.out / f"{args.sample.stem}.html"
    png = args.out / (f"{args.sample.stem}@{args.at}.png" if args.at else f"{args.sample.stem}.png")
    page.write_text(page_html, encoding="utf-8")
    warn_without_cjk_font()
    screenshot(page, png, args.size, args.at)
    print(page)
    print(png)


if __name__ == "__main__":
    main()
