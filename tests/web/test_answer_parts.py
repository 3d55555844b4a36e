"""What happened first, then every part of the engine's answer, as the page draws it.

The field table and every expected answer come from the engine in CPython
(`calculator.fields`, `calculator.bridge`); the page gets the same through its worker.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import NewPage
from test_calculator_page import (
    ANSWER_MS,
    IN_DISPUTE,
    calculator_url,
    engine,
    expected_cards,
    open_calculator,
    wait_for_cards,
)

from calculator import bridge
from calculator.fields import FIELDS
from calculator.i18n import render
from calculator.vocab import Situation

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# No countdown typed, weeks after the shortest protection period: "check".
NO_COUNTDOWN = {"order-date": "2026-10-01", "shipped": "2026-10-03", "today": "2026-11-26"}
# Paid by card long ago: the issuer's strictest limit has passed, the networks' has not.
BANK_CHECK = {**NO_COUNTDOWN, "order-date": "2026-09-01", "payment-method": "card"}
RECEIVED_NOT_CONFIRMED = {
    "order-date": "2026-06-20",
    "shipped": "2026-06-22",
    "delivered": "2026-07-01",
    "protection-end": "2026-08-01",
    "today": "2026-07-20",
}


def shown_fields(page: Any) -> list[str]:
    names: list[str] = page.eval_on_selector_all(
        "#calc-fields .rc-field",
        "els => els.filter(e => e.checkVisibility()).map(e => e.querySelector('[name]').name)",
    )
    return names


def test_the_form_is_the_engines_field_table(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url))
    names = page.eval_on_selector_all(
        "#calc-fields [name]", "els => els.map(e => [e.name, e.id, e.type])"
    )
    assert [n for n, _, _ in names] == [f.name for f in FIELDS]
    assert all(name == id_ for name, id_, _ in names)
    # The English page: the field table's messages worded in English.
    for field in FIELDS:
        assert page.inner_text(f"label[for='{field.name}']") == render(field.label)
        assert page.inner_text(f"#{field.name}-help") == render(field.help)
        if field.choices:
            options = page.eval_on_selector_all(
                f"#{field.name} option", "els => els.map(o => [o.value, o.textContent])"
            )
            assert options == [[value, render(label)] for value, label in field.choices]


@pytest.mark.parametrize("situation", list(Situation))
def test_each_situation_shows_only_its_fields(
    new_page: NewPage, site_url: str, situation: Situation
) -> None:
    page = open_calculator(
        new_page, calculator_url(site_url), viewport={"width": 390, "height": 844}
    )
    # Before a choice, every field is there.
    assert shown_fields(page) == [f.name for f in FIELDS]
    page.click(f"[data-situation={situation.value}]")
    # The group of a field asked first in this situation (the countdown) comes first.
    leads = {f.group for f in FIELDS if f.asked_first and situation in f.situations}
    ordered = [f for f in FIELDS if f.group in leads] + [f for f in FIELDS if f.group not in leads]
    if leads:
        assert ordered[0].name == "protection-end"
    # Today's date holds the reader's own date: it counts as filled only once typed.
    want = [f.name for f in ordered if f.required or situation in f.situations]
    page.wait_for_function(
        "want => JSON.stringify([...document.querySelectorAll('#calc-fields .rc-field')]"
        ".filter(e => e.checkVisibility()).map(e => e.querySelector('[name]').name))"
        " === JSON.stringify(want)",
        arg=want,
        timeout=ANSWER_MS,
    )
    assert page.get_attribute(f"[data-situation={situation.value}]", "aria-pressed") == "true"
    # "More details" brings every field back, and nothing already shown moves.
    page.click("#calc-more")
    assert shown_fields(page) == [f.name for f in ordered]
    # The picture of the order page is one tap away.
    page.click("#calc-where summary")
    assert page.locator("#calc-where img").is_visible()


def test_the_first_question_works_before_python_has_started(
    new_page: NewPage, site_url: str
) -> None:
    page = new_page(viewport=PHONE)
    # Hold the runtime back: the page must not need Python to ask the right questions.
    page.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(calculator_url(site_url))
    page.wait_for_selector("[data-situation=cancel]")
    assert page.get_attribute("#calc-result", "data-state") == "loading"
    page.click("[data-situation=cancel]")
    want = [f.name for f in FIELDS if f.required or Situation.CANCEL in f.situations]
    assert shown_fields(page) == want
    assert page.get_attribute("#calc-result", "data-state") == "loading"


def test_a_share_link_skips_the_first_step(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, IN_DISPUTE))
    wait_for_cards(page, expected_cards(IN_DISPUTE))
    assert shown_fields(page) == [f.name for f in FIELDS]
    assert page.get_attribute("#calc-form", "data-chosen") is None


def test_each_check_names_who_decides(new_page: NewPage, site_url: str) -> None:
    """The card's note names the order page for AliExpress's routes only: a chargeback's
    last day is the bank's to say, which no order page shows."""
    page = open_calculator(new_page, calculator_url(site_url, BANK_CHECK))
    wait_for_cards(page, expected_cards(BANK_CHECK))
    checked = [r for r in engine(BANK_CHECK)["result"]["routes"] if r["status"] == "check"]
    assert {r["family"] for r in checked} >= {"aliexpress", "payment"}
    for route in checked:
        note = page.locator(f"#calc-routes [data-route={route['route']}] .rc-check-note")
        text = note.inner_text()
        assert route["status_label"] in text
        assert ("order page" in text) is (route["family"] == "aliexpress"), text


def test_a_received_item_not_confirmed_is_still_open(new_page: NewPage, site_url: str) -> None:
    """Having the parcel completes nothing: the page gives the engine's dates and status."""
    page = open_calculator(new_page, calculator_url(site_url, RECEIVED_NOT_CONFIRMED))
    wait_for_cards(page, expected_cards(RECEIVED_NOT_CONFIRMED))
    card = page.locator("#calc-routes [data-route=damaged]")
    assert card.get_attribute("data-status") == "open"
    assert "can no longer help" not in page.locator("#calc-summary").inner_text()


def test_check_in_dispute_and_why_this_date(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, NO_COUNTDOWN))
    wait_for_cards(page, expected_cards(NO_COUNTDOWN))
    routes = {r["route"]: r for r in engine(NO_COUNTDOWN)["result"]["routes"]}
    checked = [r for r in routes.values() if r["status"] == "check"]
    assert checked, "the case no longer gives a 'check' route"
    for route in checked:
        card = page.locator(f"#calc-routes [data-route={route['route']}]")
        note = card.locator(".rc-check-note")
        assert route["status_label"] in note.inner_text()
        for day in (route["closes_on"], route["closes_on_latest"]):
            assert note.locator(f"time[datetime='{day}']").count() == 1
        assert card.get_attribute("data-act-by") == (route["act_by"] or "")
        # Why this date: every rule the engine used, with its source links.
        card.locator(".rc-why summary").click()
        for rule in route["policy"]:
            item = card.locator(f"[data-policy={rule['id']}]")
            hrefs = item.locator("a").evaluate_all("els => els.map(a => a.href)")
            assert hrefs == [s["url"] for s in rule["sources"]]
    # Routes that do not apply are folded away, their reasons one tap away.
    folded = [r for r in routes.values() if r["status"] == "not_applicable"]
    for route in folded:
        card = page.locator(f"#calc-routes [data-route={route['route']}]")
        assert card.is_hidden()
    if folded:
        page.locator("#calc-routes .rc-folded summary").first.click()
        assert page.locator(f"#calc-routes [data-route={folded[0]['route']}]").is_visible()
    # Within each family (AliExpress, payment, law) those that apply come first.
    groups = page.eval_on_selector_all(
        "#calc-routes .rc-family",
        "els => els.map(g => [...g.querySelectorAll('[data-route]')].map(e => e.dataset.status))",
    )
    assert len(groups) == len({r["family"] for r in routes.values()})
    for order in groups:
        applies = [s != "not_applicable" for s in order]
        assert applies == sorted(applies, reverse=True)

    # A dispute: its route is drawn as the dispute's progress.
    page.evaluate("hash => { location.hash = hash }", calculator_url("", IN_DISPUTE).split("#")[1])
    wait_for_cards(page, expected_cards(IN_DISPUTE))
    disputed = [r for r in engine(IN_DISPUTE)["result"]["routes"] if r["status"] == "in_dispute"]
    assert disputed
    card = page.locator(f"#calc-routes [data-route={disputed[0]['route']}]")
    assert card.get_attribute("data-status") == "in_dispute"
    assert card.locator(".rc-steps [aria-current=step]").count() == 1


# The seller answered; the reader has to accept or escalate.
SELLER_ANSWERED = {**IN_DISPUTE, "seller-replied": "2026-10-25", "today": "2026-10-27"}


@pytest.mark.parametrize("fields", [IN_DISPUTE, SELLER_ANSWERED])
def test_an_open_dispute_shows_its_steps_on_its_card(
    new_page: NewPage, site_url: str, fields: dict[str, str]
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, fields), viewport=PHONE)
    wait_for_cards(page, expected_cards(fields))
    answer = engine(fields)["result"]
    dispute = answer["dispute"]
    card = page.locator(f"#calc-routes [data-route={dispute['route']}]")
    assert card.get_attribute("data-status") == "in_dispute"
    steps = card.locator("ol.rc-steps > li")
    shown = steps.evaluate_all(
        """els => els.map(e => [e.dataset.state, e.getAttribute('aria-current'),
            e.querySelector('.rc-step-state').textContent, e.textContent,
            e.querySelector('time')?.getAttribute('datetime') ?? null])"""
    )
    assert len(shown) == len(dispute["steps"]) > 2
    for (state, current, state_label, text, day), step in zip(shown, dispute["steps"], strict=True):
        assert (state, state_label, day) == (step["state"], step["state_label"], step["date"])
        assert step["label"] in text
        assert current == ("step" if step["state"] == "current" else None)
    assert [s["state"] for s in dispute["steps"]].count("current") == 1
    # Only the disputed route's card shows it, and there is no second copy elsewhere.
    assert page.locator("ol.rc-steps").count() == 1
    # Readable on a phone: the list fits the card, nothing runs off the side.
    overflow = card.evaluate("e => e.scrollWidth - e.clientWidth")
    assert overflow <= 0
    assert steps.first.is_visible()


def test_the_batch_shows_best_by_and_status_and_filters_by_status(
    new_page: NewPage, site_url: str
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, {"today": "2026-10-25"}))
    text = (
        "order_id,order_date,shipped,delivered,dispute_opened\n"
        "B-1,2026-10-01,2026-10-03,,\n"
        "B-2,2026-10-01,2026-10-03,2026-10-20,\n"
        "B-3,2026-09-01,2026-09-02,,2026-10-20\n"
        "B-4,2026-10-20,,,\n"
    )
    want = json.loads(bridge.batch_json(text, "2026-10-25"))["result"]["rows"]
    page.fill("#batch-csv", text)
    page.wait_for_selector("#batch-table tbody tr", timeout=ANSWER_MS)
    headers = page.eval_on_selector_all("#batch-table th", "els => els.map(e => e.textContent)")
    assert {"Best by", "Status", "Family"} <= set(headers)
    best_by = headers.index("Best by") + 1
    cells = page.eval_on_selector_all(
        f"#batch-table tbody tr td:nth-child({best_by}) time",
        "els => els.map(e => e.getAttribute('datetime'))",
    )
    assert cells == [row["act_by"] for row in want if row["act_by"]]
    status = want[0]["status"]
    page.select_option("#batch-filter", status)
    ids = page.eval_on_selector_all(
        "#batch-table tbody tr td:nth-child(2)", "els => els.map(e => e.textContent)"
    )
    assert ids == [row["order_id"] for row in want if row["status"] == status]


def test_the_printed_answer_fits_one_page(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, IN_DISPUTE))
    wait_for_cards(page, expected_cards(IN_DISPUTE))
    page.emulate_media(media="print")
    assert page.locator("#calc-summary").is_visible()
    assert page.locator("#calc-form").is_hidden()
    assert page.locator("#calc-batch").is_hidden()
    assert "2026-10-25" in page.evaluate(
        "getComputedStyle(document.getElementById('calc-summary'), '::before').content"
    )
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
