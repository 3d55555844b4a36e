"""Photograph the built home page for the README, in the same Chromium the tests use.

A screenshot made by hand drifts from the site; this one is made from the build
with one command whenever the home page changes: `python scripts/screenshot.py`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chromium import ARGS as CHROMIUM_ARGS
from chromium import EXECUTABLE
from playwright.sync_api import sync_playwright
from serve import make_server, serving

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshot the built home page.")
    parser.add_argument("--dir", type=Path, default=ROOT / "site", help="built site folder")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "assets" / "images" / "home.png"
    )
    parser.add_argument("--path", default="", help="page to photograph, relative to the site")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--scheme", choices=["light", "dark"], default="light")
    args = parser.parse_args(argv)
    if not (args.dir / "index.html").is_file():
        print(f"screenshot: no index.html in {args.dir}; build first: make site", file=sys.stderr)
        return 2
    with serving(make_server(args.dir)) as root, sync_playwright() as playwright:
        url = root + args.path
        browser = playwright.chromium.launch(
            executable_path=str(EXECUTABLE), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(
            viewport={"width": args.width, "height": args.height},
            color_scheme=args.scheme,
        )
        page.goto(url, wait_until="networkidle")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    print(f"screenshot: {url} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
