"""The answer comes first: the headline with the next step and its dates is on the
first screen of a phone, and beside the form on a wide screen; the theme's script
waits for it.

The expected headline is the engine's (CPython, `calculator.bridge`); the page
computes it in its worker.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import NewPage
from test_calculator_page import (
    ANSWER_MS,
    DELIVERED,
    IN_TRANSIT,
    calculator_url,
    engine,
    expected_cards,
    fill,
    open_calculator,
    wait_for_cards,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}
# When the first card appears, and when the theme's script started to download.
TIMES = """
window.__times = {};
new MutationObserver(() => {
  if (!window.__times.answer && document.querySelector("#calc-routes [data-route]")) {
    window.__times.answer = performance.now();
  }
}).observe(document, { subtree: true, childList: true });
document.addEventListener("DOMContentLoaded", () => {
  window.__times.scheme ??= document.body.getAttribute("data-md-color-scheme");
}, { once: true });
"""


def headline(fields: dict[str, str]) -> dict[str, Any]:
    """The route the engine's next step is about."""
    result = engine(fields)["result"]
    named = result.get("next_route")
    for route in result["routes"]:
        if route["route"] == named or (named is None and route["next_step"] == result["next_step"]):
            return {"next_step": result["next_step"], **route}
    pytest.fail(f"no route has the engine's next step {result['next_step']!r}")


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    return bool(
        box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] + box["width"] <= size["width"]
    )


def check_headline(page: Any, fields: dict[str, str]) -> None:
    want = headline(fields)
    assert page.inner_text("#calc-next") == want["next_step"]
    summary = page.locator("#calc-summary")
    assert summary.get_attribute("data-next-route") == want["route"]
    assert summary.get_attribute("data-closes-on") == (want["closes_on"] or "")
    assert summary.get_attribute("data-act-by") == (want.get("act_by") or "")
    if want["closes_on"]:
        assert summary.locator(f"time[datetime='{want['closes_on']}']").count() == 1
    if want["days_left"] is not None:
        assert f"{want['days_left']} day" in summary.inner_text()


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_a_share_link_opens_on_the_next_step(
    new_page: NewPage, site_url: str, viewport: dict[str, int]
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, IN_TRANSIT), viewport=viewport)
    wait_for_cards(page, expected_cards(IN_TRANSIT))
    assert page.evaluate("window.scrollY") == 0
    assert in_viewport(page, "#calc-summary")
    check_headline(page, IN_TRANSIT)


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_the_headline_stays_in_view_while_typing(
    new_page: NewPage, site_url: str, viewport: dict[str, int]
) -> None:
    page = open_calculator(new_page, calculator_url(site_url), viewport=viewport)
    assert page.is_visible("#calc-hint")
    fill(page, {"order-date": IN_TRANSIT["order-date"]})
    first = {"order-date": IN_TRANSIT["order-date"], "today": page.input_value("#today")}
    wait_for_cards(page, expected_cards(first))
    assert in_viewport(page, "#calc-summary")
    fill(page, {k: v for k, v in DELIVERED.items() if k != "order-date"})
    wait_for_cards(page, expected_cards(DELIVERED))
    # The last field is the furthest down the form: the headline is still in view.
    # Brought to the middle of the screen, as a reader scrolls to a field: "if needed"
    # leaves it on the bottom edge, where a fraction of a pixel decides "in view".
    page.locator("#today").evaluate("input => input.scrollIntoView({block: 'center'})")
    page.fill("#today", "2026-10-30")
    later = {**DELIVERED, "today": "2026-10-30"}
    # The cards may look the same on both days: wait for the answer for the new day.
    page.wait_for_function("document.getElementById('calc-summary').dataset.today === '2026-10-30'")
    wait_for_cards(page, expected_cards(later))
    assert in_viewport(page, "#calc-summary")
    assert in_viewport(page, "#today")
    check_headline(page, later)


def test_on_a_wide_screen_the_form_and_the_answer_sit_side_by_side(
    new_page: NewPage, site_url: str
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, DELIVERED), viewport=WIDE)
    wait_for_cards(page, expected_cards(DELIVERED))
    form = page.locator("#calc-form").bounding_box()
    answer = page.locator("#calc-summary").bounding_box()
    assert form is not None and answer is not None
    assert form["x"] + form["width"] <= answer["x"]
    page.mouse.wheel(0, 700)
    page.wait_for_function("window.scrollY > 300")
    assert in_viewport(page, "#calc-summary")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_theme_starts_after_the_first_answer_and_search_works(
    new_page: NewPage, site_url: str, scheme: str
) -> None:
    page = new_page(viewport=WIDE, color_scheme=scheme)
    page.add_init_script(TIMES)
    page.goto(calculator_url(site_url, IN_TRANSIT))
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=120_000)
    # The colour scheme is right before the theme's script has run.
    assert page.evaluate("window.__times.scheme") == ("slate" if scheme == "dark" else "default")
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.includes('/bundle.'))",
        timeout=ANSWER_MS,
    )
    started = page.evaluate(
        "performance.getEntriesByType('resource').find(e => e.name.includes('/bundle.')).startTime"
    )
    assert started >= page.evaluate("window.__times.answer")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta')"
        ".innerText.includes('Initializing')",
        timeout=ANSWER_MS,
    )
    box.press_sequentially("dispute", delay=20)
    results = "li.md-search-result__item a.md-search-result__link"
    page.wait_for_selector(results, timeout=ANSWER_MS)
    links = page.eval_on_selector_all(results, "els => els.map(a => a.href)")
    assert any("/disputes/" in href for href in links)
