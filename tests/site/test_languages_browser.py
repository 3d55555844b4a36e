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
