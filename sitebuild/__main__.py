"""The site build's steps.

python -m sitebuild prepare [--out DIR] [--site DIR] [--config FILE]
python -m sitebuild finish SITE_DIR
python -m sitebuild build [--generator mkdocs|zensical] [--site DIR]   (all three steps)
python -m sitebuild serve [--generator mkdocs|zensical] [--port N]     (build, serve, rebuild)
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date
from pathlib import Path

from sitebuild import ROOT, BuildError
from sitebuild.finish import finish
from sitebuild.generators import GENERATORS, WORK, build_site
from sitebuild.live import serve
from sitebuild.prepare import DEFAULT_OUT, prepare
from sitebuild.render import DOCS


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__)
    steps = main.add_subparsers(dest="step", required=True)
    first = steps.add_parser("prepare", help="render docs/ and the calculator's files")
    first.add_argument("--out", type=Path, default=DEFAULT_OUT, help="rendered docs folder")
    first.add_argument("--site", type=Path, help="site folder (default: beside --out)")
    first.add_argument("--config", type=Path, help="config to write (default: beside --out)")
    first.add_argument("--docs", type=Path, default=DOCS, help="source pages (default: docs/)")
    first.add_argument("--today", type=_day, help="build day for dated tables (default: today)")
    first.add_argument("--no-snapshot", action="store_true", help="ship no memory snapshot")
    first.add_argument("--generator", choices=GENERATORS, default="mkdocs", help="who reads it")
    last = steps.add_parser("finish", help="the pass over the built HTML")
    last.add_argument("site_dir", type=Path)
    whole = steps.add_parser("build", help="prepare, the generator, finish")
    whole.add_argument("--generator", choices=GENERATORS, default="mkdocs")
    whole.add_argument("--site", type=Path, help="site folder (default: site/ or site-zensical/)")
    whole.add_argument("--work", type=Path, default=WORK, help="rendered pages and config")
    live = steps.add_parser("serve", help="build, serve on this machine, rebuild on change")
    live.add_argument("--generator", choices=GENERATORS, default="mkdocs")
    live.add_argument("--port", type=int, default=8000)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="sitebuild: %(message)s")
    try:
        if args.step == "prepare":
            done = prepare(
                out=args.out,
                site_dir=args.site,
                config=args.config,
                source=args.docs,
                today=args.today,
                with_snapshot=not args.no_snapshot,
                generator=args.generator,
            )
            print(f"sitebuild: {done.pages} pages in {done.docs_dir}, config {done.config}")
        elif args.step == "finish":
            finish(args.site_dir)
        elif args.step == "build":
            default = "site" if args.generator == "mkdocs" else f"site-{args.generator}"
            build_site(args.generator, args.site or ROOT / default, work=args.work)
        else:
            return serve(args.generator, args.port)
    except BuildError as error:
        print(f"sitebuild: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
