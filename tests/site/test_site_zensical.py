"""The site built by Zensical, in headless Chromium: the checks that matter for a second
generator, not a second copy of every browser test.

Every page in the light scheme: no request to another host, no console error, no
serious or critical axe finding. Search finds the right page, the diagram is drawn
without a script, and the calculator answers as the engine does. The built
files are checked for both generators in test_site_build.py, test_site_links.py and
tests/web/test_calculator_assets.py.
"""

from __future__ import annotations

import sys
from typing import Any
from urllib.parse import quote_plus, urlsplit

import pytest
from conftest import ROOT, NewPage, PageWatch

# The checks are the ones the mkdocs site runs, imported from their own modules.
sys.path[:0] = [str(ROOT / "tests" / "site"), str(ROOT / "tests" / "web")]

from test_calculator_page import (  # noqa: E402
    DELIVERED,
    calculator_url,
    expected_cards,
    fill,
    open_calculator,
    wait_for_cards,
)
from test_site_browser import (  # noqa: E402
    BLOCKING,
    LANGUAGE_PAGES,
    PAGES,
    THEME_OWNED,
    axe_violations,
    open_site_page,
    page_id,
)
from test_languages_browser import PAGE, switch  # noqa: E402
from test_site_browser import (  # noqa: E402
    test_flow_diagram_is_drawn_without_a_script_in_both_schemes as diagram_check,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def page_watch(zensical_url: str) -> PageWatch:
    """The watch of conftest, on the Zensical site's origin."""
    parts = urlsplit(zensical_url)
    return PageWatch(origin=f"{parts.scheme}://{parts.netloc}")


@pytest.mark.parametrize("path", PAGES + LANGUAGE_PAGES, ids=page_id)
def test_zensical_page_is_self_contained_and_accessible(
    new_page: NewPage, zensical_url: str, path: str
) -> None:
    page = new_page(color_scheme="light")
    open_site_page(page, zensical_url, path)
    blocking = [
        v for v in axe_violations(page) if v["impact"] in BLOCKING and v["id"] not in THEME_OWNED
    ]
    assert blocking == []


# Zensical's search has its own interface (a button opening a dialog in a shadow root,
# which Playwright's CSS selectors enter) and ignores `search: boost:`: the page a query
# is about comes among the first results, not always first (mkdocs: first).
RESULTS = "a[role=option]"
TOP = 5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dispute", "disputes/"),
        ("purchase protection", "refunds/time-limits/"),
        ("brazil", "countries/brazil/"),
        ("poland", "countries/poland/"),
    ],
)
def test_zensical_search_finds_the_right_page(
    new_page: NewPage, zensical_url: str, query: str, expected: str
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    open_site_page(page, zensical_url, "")
    page.click("button.md-search__button")
    page.locator("input[role=combobox]").press_sequentially(query, delay=20)
    wanted = "h=" + quote_plus(query)
    page.locator(RESULTS).first.wait_for(timeout=15_000)
    page.wait_for_function(
        "([sel, h]) => [...document.querySelectorAll('*')].some(e => e.shadowRoot &&"
        " [...e.shadowRoot.querySelectorAll(sel)].some(a => a.href.includes(h)))",
        arg=[RESULTS, wanted],
        timeout=15_000,
    )
    hrefs: list[str] = page.locator(RESULTS).evaluate_all("els => els.map(a => a.href)")
    paths = [h.removeprefix(zensical_url).split("#")[0].split("?")[0] for h in hrefs[:TOP]]
    hits = [i for i, path in enumerate(paths) if path.startswith(expected)]
    assert hits, f"{query!r}: {expected} not among the first {TOP} results {paths}"
    page.locator(RESULTS).nth(hits[0]).click()
    page.wait_for_load_state("load")
    opened = page.url.removeprefix(zensical_url).split("#")[0].split("?")[0]
    assert opened.startswith(expected), f"result for {query!r} opened {opened!r}"


def test_zensical_diagram_is_drawn_without_a_script(
    new_page: NewPage, zensical_url: str, page_watch: Any
) -> None:
    diagram_check(new_page, zensical_url, page_watch)


def test_zensical_calculator_answers_as_the_engine(new_page: NewPage, zensical_url: str) -> None:
    page = open_calculator(new_page, calculator_url(zensical_url, DELIVERED))
    wait_for_cards(page, expected_cards(DELIVERED))
    assert page.get_attribute("#calc-result", "data-runtime") == "snapshot"
    fill(page, {"delivered": "2026-10-22"})
    changed = {**DELIVERED, "delivered": "2026-10-22"}
    wait_for_cards(page, expected_cards(changed))


@pytest.mark.parametrize(("start", "lang", "lands"), [("pt/", "en", ""), ("", "pt-BR", "pt/")])
def test_zensical_language_switch_keeps_the_page(
    new_page: NewPage, zensical_url: str, start: str, lang: str, lands: str
) -> None:
    assert switch(new_page, zensical_url, start, lang) == lands + PAGE
