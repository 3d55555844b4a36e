"""Every link and asset reference inside the built site, in every language, leads somewhere
that exists, without climbing above the site's root."""

from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

LINKING = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src"}
LINKING_TOO = {"source": "src", "iframe": "src", "audio": "src", "video": "src"}
BASE = "http://site.invalid/"


class PageLinks(HTMLParser):
    """Collects what a page points at and which anchors it offers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.anchors.add(str(values[key]))
        attr = LINKING.get(tag) or LINKING_TOO.get(tag)
        if attr and values.get(attr) is not None:
            self.targets.append(str(values[attr]))


@cache
def parse(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text("utf-8"))
    return parser


def climbs_out(site: Path, page: Path, href: str) -> bool:
    """A relative link that goes above the site's root: a browser stops at the host's
    root, so it only works while the site is served there (and a language's link lands
    in the English site)."""
    if urlsplit(href).scheme or href.startswith(("/", "#")):
        return False
    folder = posixpath.dirname(page.relative_to(site).as_posix())
    return posixpath.normpath(posixpath.join(folder, urlsplit(href).path)).startswith("..")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a link on `page` reaches, or None for another host or scheme."""
    page_url = BASE + page.relative_to(site).as_posix()
    url = urlsplit(urljoin(page_url, href))
    if f"{url.scheme}://{url.netloc}/" != BASE:
        return None
    target = site / unquote(url.path).lstrip("/")
    if url.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(url.fragment)


def broken_links(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        for href in parse(page).targets:
            if href.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            resolved = resolve(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            where = f"{page.relative_to(site)}: {href}"
            if climbs_out(site, page, href):
                problems.append(f"{where} -> above the site's root")
            elif not target.is_file():
                problems.append(f"{where} -> missing {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).anchors:
                problems.append(f"{where} -> no anchor #{fragment}")
    return problems


def test_internal_links_and_assets_resolve(any_site: tuple[str, Path]) -> None:
    _, site = any_site
    assert broken_links(site) == []


def test_link_checker_reports_missing_pages_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text('<h2 id="here">Here</h2>', "utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="guide/#here">ok</a><a href="guide/#gone">bad anchor</a>'
        '<a href="nowhere/">missing</a><img src="pic.png">'
        '<a href="https://example.org/x">other host</a><a href="mailto:a@b.c">mail</a>'
        '<a href="../guide/">above the root</a>',
        "utf-8",
    )
    parse.cache_clear()
    assert broken_links(tmp_path) == [
        "index.html: guide/#gone -> no anchor #gone",
        "index.html: nowhere/ -> missing nowhere/index.html",
        "index.html: pic.png -> missing pic.png",
        "index.html: ../guide/ -> above the site's root",
    ]


@pytest.fixture(autouse=True)
def _fresh_parse_cache() -> None:
    parse.cache_clear()
