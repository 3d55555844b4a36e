"""The site under the Content-Security-Policy the build writes: the calculator answers.

The server sends the policy from the built site's `_headers`, as a host would; any
script the policy blocks would be a console error, which fails the test (`new_page`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from conftest import NewPage, PageWatch
from serve import SiteHandler, make_server, serving, site_policy
from test_calculator_page import IN_TRANSIT, LOAD_MS, expected_cards, wait_for_cards
from test_start_failure import SILENCE_MS

pytestmark = pytest.mark.browser

VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def serve_with(site: Path, policy: str) -> Any:
    class WithPolicy(SiteHandler):
        pass

    WithPolicy.policy = policy
    return serving(make_server(site, handler=WithPolicy))


@pytest.fixture(scope="module")
def strict_url(built_site: Path) -> Iterator[str]:
    policy = site_policy(built_site)
    assert policy is not None
    with serve_with(built_site, policy) as url:
        yield url


def test_the_calculator_answers_under_the_site_s_policy(
    new_page: NewPage, strict_url: str, page_watch: PageWatch
) -> None:
    parts = urlsplit(strict_url)
    page_watch.origin = f"{parts.scheme}://{parts.netloc}"
    page = new_page()
    page.add_init_script(VIOLATIONS)
    response = page.goto(f"{strict_url}calculator/#{urlencode(IN_TRANSIT)}")
    assert response is not None
    assert "'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.get_attribute("#calc-result", "data-runtime") == "snapshot"
    page.wait_for_selector("#calc-result[data-offline=ready]", state="attached", timeout=LOAD_MS)
    assert page.evaluate("window.__violations") == []
    # The guide's pages too, the one with the diagram included.
    for path in ("", "disputes/", "refunds/time-limits/"):
        page.goto(strict_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path


def test_without_wasm_unsafe_eval_the_page_says_the_calculator_cannot_start(
    browser: Any, built_site: Path
) -> None:
    policy = site_policy(built_site)
    assert policy is not None
    with serve_with(built_site, policy.replace(" 'wasm-unsafe-eval'", "")) as url:
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            page.clock.install()
            page.goto(f"{url}calculator/#{urlencode(IN_TRANSIT)}")
            page.wait_for_load_state("networkidle", timeout=LOAD_MS)
            page.clock.fast_forward(SILENCE_MS + 1000)
            page.wait_for_selector("#calc-start-failed", state="visible", timeout=LOAD_MS)
            assert page.get_attribute("#calc-result", "data-state") == "error"
            assert page.input_value("#order-date") == IN_TRANSIT["order-date"]
        finally:
            context.close()
