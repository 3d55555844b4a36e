"""The calculator page speaks its page's language: the Spanish and Portuguese sites'
calculator pages (`/es/calculator/`, `/pt/calculator/`) run on the one runtime at the
root's assets/, and show the build-written labels, the engine's words from the worker
and dates in the page's `lang`, whatever the browser's own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import NewPage
from test_calculator_page import DELIVERED, LOAD_MS, calculator_url, expected_cards, wait_for_cards

from calculator import bridge
from calculator.i18n import render
from calculator.page_labels import page_labels
from calculator.vocab import STATUS_LABELS, Status
from sitebuild.languages import BY_CODE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("code", ["es", "pt"])
def test_the_language_s_calculator_page_answers_in_its_language(
    new_page: NewPage, site_url: str, code: str
) -> None:
    language = BY_CODE[code]
    engine_lang = language.catalogue
    page = new_page(locale="en-US", accept_downloads=True)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(calculator_url(site_url + language.prefix, DELIVERED))
    page.wait_for_selector("#calc-result[data-state=ready]", state="attached", timeout=LOAD_MS)
    wait_for_cards(page, expected_cards(DELIVERED))
    # The one runtime and snapshot at the root, none of the language's own.
    assert page.get_attribute("#calc-result", "data-runtime") == "snapshot"
    runtime = [url for url in requested if "/pyodide/" in url or "snapshot-" in url]
    assert runtime and all(url.startswith(site_url + "assets/") for url in runtime)
    want = json.loads(bridge.assess_json(json.dumps(DELIVERED), engine_lang))["result"]
    assert page.inner_text("#calc-next") == want["next_step"]
    titles = page.eval_on_selector_all(
        "#calc-routes h3:not(.rc-family-title)", "e => e.map(h => h.textContent)"
    )
    assert sorted(titles) == sorted(route["title"] for route in want["routes"])
    statuses = page.inner_text("#calc-routes")
    assert render(STATUS_LABELS[Status.OPEN], engine_lang) in statuses
    when = page.inner_text("#calc-when")
    labels = page_labels(engine_lang)
    assert labels["text"]["when_closes"].split(" ")[0] in when
    # Dates in the page's language (the browser's is English): "nov" or "dez", never "Nov".
    timeline = page.inner_text("#calc-timeline")
    assert not re.search(r"\b(Oct|Nov|Dec)\b", timeline)
    assert labels["text"]["today"] in timeline
    # The guide's links lead into the same language's site.
    guides = page.eval_on_selector_all("#calc-routes a.rc-guide", "e => e.map(a => a.href)")
    assert guides and all(href.startswith(site_url + language.prefix) for href in guides)
    # The calendar file is the engine's, in the page's language.
    with page.expect_download() as info:
        page.click("#calc-ics")
    ics = Path(info.value.path()).read_bytes().decode("utf-8")
    assert ics == json.loads(bridge.ics_json(json.dumps(DELIVERED), engine_lang))["result"]["ics"]
    assert ics != json.loads(bridge.ics_json(json.dumps(DELIVERED)))["result"]["ics"]
