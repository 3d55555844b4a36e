"""What a reader pastes, however long or malformed, gets a short answer in the page.

Each case is one the page once handled badly: a 5,000-digit number refused the
whole batch without naming the field, 50,000 refused rows drew 50,000 list items,
a stray quote swallowed the rest of the file, and a 100 KB link value made an
error tens of thousands of pixels tall.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from conftest import NewPage
from test_calculator_page import ANSWER_MS, LOAD_MS, calculator_url, open_calculator

from calculator import bridge

pytestmark = pytest.mark.browser

TODAY = {"today": "2026-10-25"}
SHOWN = 100
"""BATCH_ERRORS_SHOWN in calculator.js."""


def batch_answer(page: Any, text: str) -> None:
    page.fill("#batch-csv", text)
    page.wait_for_function(
        "() => /checked/.test(document.getElementById('batch-status').textContent)",
        timeout=LOAD_MS,
    )


def test_a_five_thousand_digit_cell_refuses_its_row_alone_naming_the_column(
    new_page: NewPage, site_url: str
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, TODAY))
    text = f"order_id,order_date,protection_days\nA,2026-10-01,{'9' * 5000}\nB,2026-10-01,30\n"
    batch_answer(page, text)
    assert page.eval_on_selector_all("#batch-table tbody tr", "els => els.length") == 1
    error = page.locator("#batch-errors li")
    assert error.count() == 1
    assert error.get_attribute("data-field") == "protection_days"
    assert "protection_days '999" in error.inner_text() and len(error.inner_text()) < 120


def test_many_refused_rows_are_listed_up_to_a_limit_and_counted(
    new_page: NewPage, site_url: str
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, TODAY))
    bad = [f"B{n},{'x' * 2000}" for n in range(SHOWN + 150)]
    text = "\n".join(["order_id,order_date", "G,2026-10-01", *bad]) + "\n"
    batch_answer(page, text)
    assert page.locator("#batch-errors li").count() == SHOWN
    assert page.is_visible("#batch-errors-more")
    assert page.inner_text("#batch-errors-rest") == "150"
    longest = page.eval_on_selector_all(
        "#batch-errors li", "els => Math.max(...els.map(e => e.textContent.length))"
    )
    assert longest < 120
    assert page.is_visible("#batch-download")


def test_a_stray_quote_is_refused_at_its_line_and_the_rows_after_it_are_read(
    new_page: NewPage, site_url: str
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, TODAY))
    text = 'order_id,order_date\nA,2026-10-01\n"B,2026-10-02\nC,2026-10-03\nD,2026-10-04\n'
    want = json.loads(bridge.batch_json(text, TODAY["today"]))["result"]
    batch_answer(page, text)
    lines = page.eval_on_selector_all("#batch-errors li", "els => els.map(e => e.dataset.line)")
    assert lines == ["3"] == [str(error["line"]) for error in want["errors"]]
    shown = page.eval_on_selector_all(
        "#batch-table tbody tr td:nth-child(2)", "els => els.map(e => e.textContent).sort()"
    )
    assert shown == ["A", "C", "D"]
    assert page.is_hidden("#batch-errors-more")


def test_a_huge_link_value_gets_a_short_error_at_its_field(
    new_page: NewPage, site_url: str
) -> None:
    fields = {"order-date": "2026-10-01", "protection-days": "9" * 100_000, **TODAY}
    page = new_page()
    page.goto(f"{site_url}calculator/#{urlencode(fields)}")
    page.wait_for_selector("#protection-days-error", timeout=LOAD_MS)
    message = page.inner_text("#protection-days-error")
    assert message.startswith("protection-days '999") and len(message) < 120
    height = page.eval_on_selector("#protection-days-error", "e => e.offsetHeight")
    assert height < 200
    page.fill("#protection-days", "30")
    page.wait_for_selector("#protection-days-error", state="detached", timeout=ANSWER_MS)
