"""The calculator page speaks its page's language: the build-written labels, the engine's
words from the worker, and dates in the page's `lang`, whatever the browser's own.

The Spanish and Portuguese sites come in a later step; until then the English page is
rewritten in flight as the build will write each language's page: its `lang`, its
labels and its field table in that language.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from conftest import NewPage
from test_calculator_page import DELIVERED, LOAD_MS, calculator_url, expected_cards, wait_for_cards

from calculator import bridge
from calculator.page_labels import page_labels
from sitebuild.form import field_table_json, labels_json

pytestmark = pytest.mark.browser

_BLOCK = r'<script type="application/json" id="{id}">.*?</script>'


def _in_language(html: str, page_lang: str, engine_lang: str) -> str:
    html = html.replace('<html lang="en"', f'<html lang="{page_lang}"', 1)
    for element_id, block in (
        ("calc-labels", labels_json(engine_lang)),
        ("calc-field-table", field_table_json(engine_lang)),
    ):
        found = re.search(_BLOCK.format(id=element_id), html, flags=re.DOTALL)
        assert found is not None, element_id
        html = html[: found.start()] + block + html[found.end() :]
    return html


@pytest.mark.parametrize(("page_lang", "engine_lang"), [("es", "es"), ("pt", "pt_BR")])
def test_the_page_answers_in_its_own_language(
    new_page: NewPage, site_url: str, page_lang: str, engine_lang: str
) -> None:
    page = new_page(locale="en-US")

    def rewrite(route: Any) -> None:
        answer = route.fetch()
        route.fulfill(response=answer, body=_in_language(answer.text(), page_lang, engine_lang))

    page.route(f"{site_url}calculator/", rewrite)
    page.goto(calculator_url(site_url, DELIVERED))
    page.wait_for_selector("#calc-result[data-state=ready]", state="attached", timeout=LOAD_MS)
    wait_for_cards(page, expected_cards(DELIVERED))
    want = json.loads(bridge.assess_json(json.dumps(DELIVERED), engine_lang))["result"]
    assert page.inner_text("#calc-next") == want["next_step"]
    titles = page.eval_on_selector_all(
        "#calc-routes h3:not(.rc-family-title)", "e => e.map(h => h.textContent)"
    )
    assert sorted(titles) == sorted(route["title"] for route in want["routes"])
    when = page.inner_text("#calc-when")
    labels = page_labels(engine_lang)
    assert labels["text"]["when_closes"].split(" ")[0] in when
    # Dates in the page's language (the browser's is English): "nov" or "dez", never "Nov".
    timeline = page.inner_text("#calc-timeline")
    assert not re.search(r"\b(Oct|Nov|Dec)\b", timeline)
    assert labels["text"]["today"] in timeline
