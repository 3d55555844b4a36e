"""Makes the built site work offline after a reader's first visit to the calculator.

`write_service_worker(site_dir)` writes `sw.js` at the site's root: a service
worker that keeps one copy of the site's files, the calculator's runtime,
snapshot, wheel, manifest, scripts and styles together with the guide's pages and
search index, as one set named by a hash of every file in it. A snapshot only
restores on the core files it was made from, so the set is only ever replaced
whole: a new build names a new set, the browser downloads all of it (each file
checked against the hash listed here), and only then does the new set replace the
old one. The list is made from the built site itself, after everything else has
written its files, so it names exactly what the build produced.

Run it as `python -m sitebuild.offline SITE_DIR`, or call it at the end of a build.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path, PurePosixPath

from sitebuild.languages import LANGUAGES, TRANSLATED

SERVICE_WORKER = "sw.js"
TEMPLATE = Path(__file__).resolve().with_name("service_worker.js")
PLACEHOLDER = "/* PRECACHE */ null"

# Files a reader never needs offline: source maps, the search's word splitters for
# languages other than the site's own (each language's site keeps its own stemmer),
# the sitemaps, the Pyodide lock file, whose header already travels in the
# calculator's manifest, and the headers file, which is for the host.
SKIPPED_SUFFIXES = (".map", ".gz.map")
SKIPPED_NAMES = {"sitemap.xml", "sitemap.xml.gz", "pyodide-lock.json", "_headers", SERVICE_WORKER}
LUNR = "assets/javascripts/lunr/"
KEPT_LUNR = {
    f"{language.prefix}{LUNR}min/{name}"
    for language in TRANSLATED
    for name in ("lunr.stemmer.support.min.js", f"lunr.{language.search}.min.js")
}


def _url(relative: PurePosixPath) -> str:
    """The URL a page asks for, relative to the site root: folders end in a slash."""
    text = relative.as_posix()
    if relative.name == "index.html":
        parent = relative.parent.as_posix()
        return "./" if parent == "." else parent + "/"
    return text


def _wanted(relative: PurePosixPath) -> bool:
    text = relative.as_posix()
    if relative.name in SKIPPED_NAMES or text.endswith(SKIPPED_SUFFIXES):
        return False
    lunr = any(text.startswith(language.prefix + LUNR) for language in LANGUAGES)
    return not lunr or text in KEPT_LUNR


def precache_list(site_dir: Path) -> list[dict[str, str | int]]:
    """Every file the offline copy keeps: its URL, its SRI hash and its size."""
    entries: list[dict[str, str | int]] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = PurePosixPath(path.relative_to(site_dir).as_posix())
        if not _wanted(relative):
            continue
        data = path.read_bytes()
        digest = base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
        entries.append({"url": _url(relative), "integrity": f"sha256-{digest}", "size": len(data)})
    return entries


def set_version(entries: list[dict[str, str | int]]) -> str:
    """One name for the whole set: any changed, added or removed file changes it."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"{entry['url']}\0{entry['integrity']}\n".encode())
    return digest.hexdigest()[:16]


def write_service_worker(site_dir: Path) -> None:
    """Write `sw.js` into the built site, listing the site's files as one set."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir} has no index.html: build the site first")
    entries = precache_list(site_dir)
    precache = {"version": set_version(entries), "files": entries}
    template = TEMPLATE.read_text(encoding="utf-8")
    if PLACEHOLDER not in template:
        raise ValueError(f"{TEMPLATE.name} has no {PLACEHOLDER!r} to fill in")
    text = template.replace(PLACEHOLDER, json.dumps(precache, indent=1))
    (site_dir / SERVICE_WORKER).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m sitebuild.offline SITE_DIR", file=sys.stderr)
        return 2
    try:
        write_service_worker(Path(args[0]))
    except (OSError, ValueError) as error:
        print(f"sitebuild.offline: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
