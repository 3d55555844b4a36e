"""A calculator that cannot start says so, offers another try, and keeps the form.

A damaged or missing runtime file does not always make Pyodide fail: a wasm file
that does not compile leaves its loader waiting for ever. So the page counts the
silence itself; these tests skip that wait with the page's clock.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from conftest import NewPage
from serve import make_server, serving
from test_calculator_page import ANSWER_MS, IN_TRANSIT, LOAD_MS, expected_cards, wait_for_cards

pytestmark = pytest.mark.browser

SILENCE_MS = 30_000
"""START_SILENCE_MS in calculator.js."""
WASM = "**/pyodide.asm.wasm"


@pytest.fixture
def broken_site(built_site: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A served copy of the site whose runtime wasm is missing or damaged."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (wasm,) = site.glob("assets/pyodide/*/pyodide.asm.wasm")
    if request.param == "missing":
        wasm.unlink()
    else:
        wasm.write_bytes(b"not a wasm file")
    with serving(make_server(site)) as url:
        yield url


def stuck_at_start(page: Any) -> None:
    """Once every download has ended, lets the silence run out."""
    page.wait_for_load_state("networkidle", timeout=LOAD_MS)
    page.clock.fast_forward(SILENCE_MS + 1000)
    page.wait_for_selector("#calc-start-failed", state="visible", timeout=ANSWER_MS)


def on_a_stopped_clock(new_page: NewPage) -> Any:
    """A page whose timers the test can move on, and no offline copy to get in the way."""
    page = new_page(service_workers="block")
    page.clock.install()
    return page


@pytest.mark.parametrize("broken_site", ["missing", "damaged"], indirect=True)
def test_a_runtime_file_that_is_missing_or_damaged_is_reported(
    browser: Any, broken_site: str
) -> None:
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.clock.install()
        page.goto(f"{broken_site}calculator/#{urlencode(IN_TRANSIT)}")
        stuck_at_start(page)
        box = page.inner_text("#calc-start-failed")
        assert "could not start" in box or "longer than usual" in box
        assert "What you typed stays in the form" in box
        assert page.is_visible("#calc-retry")
        link = page.get_attribute("#calc-start-failed a", "href")
        assert link is not None and link.endswith("refunds/time-limits/")
        assert page.get_attribute("#calc-result", "data-state") == "error"
        assert page.is_hidden("#calc-progress")
        assert page.input_value("#order-date") == IN_TRANSIT["order-date"]
    finally:
        context.close()


def test_trying_again_starts_afresh_and_keeps_what_was_typed(
    new_page: NewPage, site_url: str, page_watch: Any
) -> None:
    page = on_a_stopped_clock(new_page)
    page.context.route(
        WASM,
        lambda route: route.fulfill(
            status=200,
            body=b"not a wasm file",
            headers={"Content-Type": "application/wasm", "Cache-Control": "no-store"},
        ),
    )
    page.goto(f"{site_url}calculator/")
    page.fill("#order-date", IN_TRANSIT["order-date"])
    page.fill("#shipped", IN_TRANSIT["shipped"])
    page.fill("#today", IN_TRANSIT["today"])
    stuck_at_start(page)
    page.context.unroute(WASM)
    page_watch.console_errors.clear()
    page.click("#calc-retry")
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.is_hidden("#calc-start-failed")
    assert page.get_attribute("#calc-result", "data-state") == "ready"
    for name, value in IN_TRANSIT.items():
        assert page.input_value(f"#{name}") == value


def test_a_start_that_was_only_slow_takes_its_notice_away(new_page: NewPage, site_url: str) -> None:
    page = on_a_stopped_clock(new_page)
    page.goto(f"{site_url}calculator/#{urlencode(IN_TRANSIT)}")
    page.clock.fast_forward(SILENCE_MS + 1000)
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.is_hidden("#calc-start-failed")


def test_an_error_from_the_runtime_is_reported_at_once(new_page: NewPage, site_url: str) -> None:
    page = new_page(service_workers="block")
    page.context.route(
        "**/assets/calculator/manifest.json",
        lambda route: route.fulfill(status=200, content_type="application/json", body="{"),
    )
    page.goto(f"{site_url}calculator/#{urlencode(IN_TRANSIT)}")
    page.wait_for_selector("#calc-start-failed", state="visible", timeout=LOAD_MS)
    assert "could not start" in page.inner_text("#calc-start-failed")
    assert page.get_attribute("#calc-start-failed", "data-reason") == "failed"
    assert page.inner_text("#calc-start-reason") != ""
    assert page.get_attribute("#calc-result", "data-state") == "error"
    assert page.is_hidden("#calc-progress")
