"""Render `jcreport diff` (two reports) or `jcreport series` (three or more) as HTML and take a PNG
screenshot of the page with headless Chromium.

Usage: python bench/screenshot_diff.py EARLIER LATER [MORE ...] [-o OUT_DIR] [--size 1400,1000] [--at ROW]
Writes OUT_DIR/diff.html and OUT_DIR/diff.png (the last two reports); with three or more, also
OUT_DIR/series.html and OUT_DIR/series.png. OUT_DIR defaults to bench/out/ (git ignores it).
--at ROW opens the diff page at a row of its tables, pinned with its evidence in both texts:
"c-a3" (the commitment of A's measure a3), "n-a7" (a new commitment of B), "k-1" (the first
campaign), "f-2" (the second aligned figure); the PNG is then named diff@<ROW>.png. Needs
`chromium` (Debian: apt-get install chromium) and a CJK font (Debian: apt-get install fonts-noto-cjk).
"""
from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

from screenshot_html import CHROMIUM_FLAGS, find_chromium, warn_without_cjk_font

ROOT = Path(__file__).resolve().parents[1]


def screenshot(page: Path, png: Path, size: str, fragment: str = "", timeout: float = 120) -> None:
    with tempfile.TemporaryDirectory(prefix="jcreport-chromium-") as profile:
        cmd = [find_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
               f"--window-size={size}", page.resolve().as_uri() + fragment]
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)


def render(command: str, reports: list[str], page: Path) -> None:
    """Run the CLI as a user would (`jcreport diff|series ... --format html -o page`)."""
    from click.testing import CliRunner

    from jcreport.cli import main

    result = CliRunner().invoke(main, [command, *reports, "--format", "html", "-o", str(page)])
    if result.exit_code != 0:
        raise SystemExit(f"jcreport {command} failed ({result.exit_code}): {result.output}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="+", help="report files, earliest first (two for diff, 3+ for series too)")
    ap.add_argument("-o", "--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--size", default="1400,1000", help="window WIDTH,HEIGHT in pixels")
    ap.add_argument("--at", help='a row of the diff page to pin: "c-a3", "k-1", "f-2" ...')
    args = ap.parse_args()
    if len(args.reports) < 2:
        ap.error("give at least two reports")
    args.out.mkdir(parents=True, exist_ok=True)
    warn_without_cjk_font()

    page = args.out / "diff.html"
    render("diff", args.reports[-2:], page)
    png = args.out / (f"diff@{args.at}.png" if args.at else "diff.png")
    screenshot(page, png, args.size, f"#{quote(args.at)}" if args.at else "")
    print(page, png, sep="\n")
    if len(args.reports) >= 3:
        page, png = args.out / "series.html", args.out / "series.png"
        render("series", args.reports, page)
        screenshot(page, png, args.size)
        print(page, png, sep="\n")


if __name__ == "__main__":
    main()
