"""The language switch in Chromium: a click keeps the reader on the same page in the other
language (the theme's own script would send it to that home). The Zensical site's run is
in test_site_zensical.py, on that site's origin."""

from __future__ import annotations

import pytest
from conftest import NewPage

pytestmark = pytest.mark.browser

PAGE = "refunds/cancel/"


def switch(new_page: NewPage, base: str, start: str, lang: str) -> str:
    page = new_page()
    page.goto(base + start + PAGE, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.hover(".md-header__option .md-select")
    page.click(f'a.md-select__link[hreflang="{lang}"]')
    page.wait_for_load_state("load")
    opened: str = page.url.removeprefix(base)
    return opened


@pytest.mark.parametrize(("start", "lang", "lands"), [("es/", "pt-BR", "pt/"), ("", "es", "es/")])
def test_the_switch_keeps_the_page_mkdocs(
    new_page: NewPage, site_url: str, start: str, lang: str, lands: str
) -> None:
    assert switch(new_page, site_url, start, lang) == lands + PAGE


@pytest.mark.parametrize(("start", "query"), [("es/", "comprobar"), ("pt/", "conferir")])
def test_search_answers_from_the_language_s_own_index(
    new_page: NewPage, site_url: str, start: str, query: str
) -> None:
    """Each language searches its own index with its own stemmer (es/assets/.../lunr.es)."""
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + start, wait_until="load")
    meta = page.locator(".md-search-result__meta")
    starting = meta.inner_text()
    page.locator("input.md-search__input").click()
    # A query typed before the index is ready is dropped: wait for the theme's word to change.
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').innerText !== text",
        arg=starting,
        timeout=15_000,
    )
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    results = "li.md-search-result__item a.md-search-result__link"
    page.wait_for_function(
        "([sel, h]) => [...document.querySelectorAll(sel)].some(a => a.href.includes(h))",
        arg=[results, "h=" + query],
        timeout=15_000,
    )
    hrefs: list[str] = page.locator(results).evaluate_all("els => els.map(a => a.href)")
    # Words of that language only (the status label "check"), found on its own pages.
    paths = [href.removeprefix(site_url).split("?")[0] for href in hrefs]
    assert paths and all(path.startswith(start) for path in paths), paths
