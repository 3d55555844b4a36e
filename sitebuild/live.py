"""`python -m sitebuild serve`: build, serve, and rebuild when a source changes.

A plain poll of modification times, once a second: no watcher library, and it
sees every source the pipeline reads, whichever generator builds the site.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sitebuild import ROOT, BuildError
from sitebuild.generators import build_site

WATCHED = ("docs", "translations", "calculator", "overrides", "sitebuild", "mkdocs.yml")

sys.path.insert(0, str(ROOT / "scripts"))
from serve import make_server, serving  # noqa: E402 -- scripts/ is not a package


def fingerprint() -> tuple[tuple[str, int], ...]:
    found: list[tuple[str, int]] = []
    for name in WATCHED:
        path = ROOT / name
        if not path.exists():
            continue
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        found += [(str(p), p.stat().st_mtime_ns) for p in files if "__pycache__" not in p.parts]
    return tuple(found)


def rebuild(generator: str, site_dir: Path) -> bool:
    started = time.monotonic()
    try:
        build_site(generator, site_dir)
    except BuildError as error:
        print(f"sitebuild: {error}", file=sys.stderr, flush=True)
        return False
    print(f"sitebuild: built with {generator} in {time.monotonic() - started:.1f} s", flush=True)
    return True


def serve(generator: str, port: int, host: str = "127.0.0.1") -> int:
    site_dir = ROOT / ("site" if generator == "mkdocs" else f"site-{generator}")
    if not rebuild(generator, site_dir):
        return 1
    seen = fingerprint()
    with serving(make_server(site_dir, host, port)) as url:
        print(f"Serving {site_dir.name}/ at {url} (rebuilds on change; Ctrl+C to stop)", flush=True)
        try:
            while True:
                time.sleep(1)
                now = fingerprint()
                if now != seen:
                    seen = now
                    rebuild(generator, site_dir)
        except KeyboardInterrupt:
            return 0
