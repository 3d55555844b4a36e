"""The calculator page in a real browser: the answers it shows are the engine's.

Every expected value is computed by the same engine in CPython (`calculator.bridge`)
while the page computes it in Pyodide inside its worker, so these tests check the
whole path: form, fragment, worker, rendering. The `new_page` fixture fails any test
whose pages request another host or log an error.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import ROOT, NewPage, PageWatch

from calculator import bridge
from calculator.fields import FIELDS

pytestmark = pytest.mark.browser

LOAD_MS = 120_000
ANSWER_MS = 30_000
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

IN_TRANSIT = {"order-date": "2026-10-01", "shipped": "2026-10-03", "today": "2026-10-25"}
DELIVERED = {
    "order-date": "2026-10-01",
    "shipped": "2026-10-03",
    "delivered": "2026-10-20",
    "free-return": "true",
    "today": "2026-10-25",
}
IN_DISPUTE = {
    "order-date": "2026-10-01",
    "shipped": "2026-10-03",
    "dispute-opened": "2026-10-24",
    "payment-method": "paypal",
    "today": "2026-10-25",
}
# By route id: the page groups the cards (those that apply first), the engine lists them.
CARDS_JS = """() => [...document.querySelectorAll('#calc-routes [data-route]')].map(
    e => [e.dataset.route, e.dataset.status, e.dataset.closesOn]).sort(
    (a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)"""


def engine(fields: dict[str, str]) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(bridge.assess_json(json.dumps(fields)))
    return reply


def expected_cards(fields: dict[str, str]) -> list[list[str]]:
    routes = engine(fields)["result"]["routes"]
    return sorted([r["route"], r["status"], r["closes_on"] or ""] for r in routes)


def calculator_url(site_url: str, fields: dict[str, str] | None = None) -> str:
    return f"{site_url}calculator/" + (f"#{urlencode(fields)}" if fields else "")


def open_calculator(new_page: NewPage, url: str, **context: Any) -> Any:
    page = new_page(**context)
    page.goto(url)
    page.wait_for_selector(
        "#calc-result[data-state=ready], #calc-result[data-state=error]",
        state="attached",
        timeout=LOAD_MS,
    )
    return page


def wait_for_cards(page: Any, cards: list[list[str]], timeout: int = ANSWER_MS) -> None:
    """Wait until the page shows these cards; on timeout, say what it showed instead."""
    try:
        page.wait_for_function(
            f"want => JSON.stringify(({CARDS_JS})()) === JSON.stringify(want)",
            arg=cards,
            timeout=timeout,
        )
    except Exception:
        shown = page.evaluate(CARDS_JS)
        state = page.get_attribute("#calc-result", "data-state")
        pytest.fail(f"cards never matched the engine (state={state}):\n{shown}\n!=\n{cards}")


def fill(page: Any, fields: dict[str, str]) -> None:
    for name, value in fields.items():
        if name == "free-return":
            page.set_checked("#free-return", value == "true")
        elif name == "payment-method":
            page.select_option("#payment-method", value)
        else:
            page.fill(f"#{name}", value)


def test_typing_the_dates_shows_the_engines_routes(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url))
    assert page.get_attribute("#calc-result", "data-state") == "ready"
    assert page.is_visible("#calc-hint")
    fill(page, IN_TRANSIT)
    wait_for_cards(page, expected_cards(IN_TRANSIT))
    assert page.get_attribute("#calc-result", "data-state") == "ready"
    answer = engine(IN_TRANSIT)["result"]
    assert page.inner_text("#calc-next") == answer["next_step"]
    open_route = next(r for r in answer["routes"] if r["status"] == "open")
    card = page.locator(f"[data-route={open_route['route']}]")
    assert str(open_route["days_left"]) in card.inner_text()
    assert open_route["reason"] in card.inner_text()
    assert card.locator(f"time[datetime='{open_route['closes_on']}']").count() == 1
    warnings = page.eval_on_selector_all(
        "#calc-warnings [data-warning]", "els => els.map(e => e.dataset.warning)"
    )
    assert warnings == [w["id"] for w in answer["warnings"]]
    timeline = page.eval_on_selector_all(
        "#calc-timeline li:not(.rc-today)", "els => els.map(e => [e.dataset.date, e.dataset.kind])"
    )
    assert timeline == [[e["date"], e["kind"]] for e in answer["timeline"]]
    # The guide link is the engine's site-relative URL resolved against the site root.
    href = card.locator("a.rc-guide").get_attribute("href")
    assert href == site_url + open_route["guide"]
    assert page.request.get(href).ok
    # Sharing: once typing pauses, the fragment holds what was typed, under the
    # command line's names.
    page.wait_for_function(
        "want => location.hash === want", arg="#" + urlencode(IN_TRANSIT), timeout=ANSWER_MS
    )


def test_a_share_link_fills_the_form_and_answers(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, IN_DISPUTE))
    wait_for_cards(page, expected_cards(IN_DISPUTE))
    for name, value in IN_DISPUTE.items():
        if name == "payment-method":
            assert page.input_value("#payment-method") == value
        else:
            assert page.input_value(f"#{name}") == value
    dispute = engine(IN_DISPUTE)["result"]["dispute"]
    card = page.locator(f"#calc-routes [data-route={dispute['route']}]")
    assert card.locator(".rc-steps").get_attribute("data-stage") == dispute["stage"]
    assert dispute["message"] in card.inner_text()
    # Following another share link on the same page answers for it.
    page.evaluate("hash => { location.hash = hash }", urlencode(DELIVERED))
    wait_for_cards(page, expected_cards(DELIVERED))
    assert page.is_checked("#free-return")


def test_a_link_saying_yes_ticks_the_free_return_box(new_page: NewPage, site_url: str) -> None:
    """The engine accepts yes/no words for the flag; the box shows what it understood."""
    fields = {**DELIVERED, "free-return": "yes"}
    page = open_calculator(new_page, calculator_url(site_url, fields))
    wait_for_cards(page, expected_cards(fields))
    assert expected_cards(fields) == expected_cards(DELIVERED)
    assert page.is_checked("#free-return")


def test_add_to_calendar_downloads_the_engines_ics(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, IN_TRANSIT), accept_downloads=True)
    wait_for_cards(page, expected_cards(IN_TRANSIT))
    with page.expect_download() as info:
        page.click("#calc-ics")
    download = info.value
    text = Path(download.path()).read_bytes().decode("utf-8")
    want = json.loads(bridge.ics_json(json.dumps(IN_TRANSIT)))["result"]
    assert download.suggested_filename == want["filename"]
    assert text == want["ics"]
    calendar = icalendar.Calendar.from_ical(text)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    open_days = {r["closes_on"] for r in engine(IN_TRANSIT)["result"]["routes"] if r["closes_on"]}
    assert open_days <= {e.decoded("DTSTART").isoformat() for e in events}
    assert all(any(s.name == "VALARM" for s in e.subcomponents) for e in events)


def test_bad_input_is_shown_at_its_field_and_keeps_the_answer(
    new_page: NewPage, site_url: str
) -> None:
    page = open_calculator(new_page, calculator_url(site_url, DELIVERED))
    cards = expected_cards(DELIVERED)
    wait_for_cards(page, cards)
    bad = {**DELIVERED, "delivered": "2026-10-02"}
    error = engine(bad)["error"]
    assert error["field"] == "delivered"
    page.fill("#delivered", bad["delivered"])
    page.wait_for_selector("#calc-result[data-state=error]", timeout=ANSWER_MS)
    assert page.get_attribute("#delivered", "aria-invalid") == "true"
    described = page.get_attribute("#delivered", "aria-describedby") or ""
    assert "delivered-error" in described.split()
    assert page.inner_text("#delivered-error") == error["message"]
    assert page.evaluate(CARDS_JS) == cards
    assert page.is_visible("#calc-routes")
    # Fixing the field clears the message and answers again.
    page.fill("#delivered", DELIVERED["delivered"])
    page.wait_for_selector("#calc-result[data-state=ready]", timeout=ANSWER_MS)
    assert page.get_attribute("#delivered", "aria-invalid") is None
    assert page.locator("#delivered-error").count() == 0
    # An error the engine does not pin on a form field still shows, in the form.
    page.fill("#protection-days", "0")
    page.wait_for_selector("#calc-result[data-state=error]", timeout=ANSWER_MS)
    assert page.get_attribute("#protection-days", "aria-invalid") == "true"


@pytest.mark.parametrize("zone", ["Pacific/Auckland", "UTC", "America/Los_Angeles"])
def test_today_defaults_to_the_readers_local_date(
    new_page: NewPage, site_url: str, zone: str
) -> None:
    before = datetime.now(ZoneInfo(zone)).date().isoformat()
    page = open_calculator(new_page, calculator_url(site_url), timezone_id=zone)
    after = datetime.now(ZoneInfo(zone)).date().isoformat()
    assert page.input_value("#today") in {before, after}
    page.fill("#order-date", before)
    page.wait_for_selector("[data-route]", timeout=ANSWER_MS)
    # The default is not written into a shared link: it is the reader's own today.
    page.wait_for_function("location.hash.includes('order-date=')", timeout=ANSWER_MS)
    assert "today=" not in page.evaluate("location.hash")


def without_snapshot(route: Any) -> None:
    """The manifest of a build that made no snapshot, so the normal start runs."""
    fresh = {k: v for k, v in route.request.headers.items() if not k.startswith("if-")}
    manifest = route.fetch(headers=fresh).json()
    manifest.pop("snapshot", None)
    route.fulfill(json=manifest)


@pytest.mark.parametrize("start", ["snapshot", "normal"])
def test_loading_goes_through_its_stages_and_stays_on_this_host(
    new_page: NewPage, site_url: str, page_watch: PageWatch, start: str
) -> None:
    # Routed answers are for the page; the offline copy (test_offline.py) stays out.
    page = new_page(service_workers="block")
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    if start == "normal":
        page.context.route("**/assets/calculator/manifest.json", without_snapshot)
    page.add_init_script(
        """window.__stages = [];
        new MutationObserver(() => {
          const text = document.getElementById('calc-status')?.textContent;
          if (text && window.__stages.at(-1) !== text) window.__stages.push(text);
        }).observe(document, {subtree: true, childList: true, characterData: true});"""
    )
    page.goto(calculator_url(site_url, IN_TRANSIT))
    assert page.get_attribute("#calc-result", "data-state") == "loading"
    wait_for_cards(page, expected_cards(IN_TRANSIT))
    # Download progress ("Downloading Python… 40%") counts as the download stage.
    stages = [re.sub(r" \d+%$", "", text) for text in page.evaluate("window.__stages")]
    stages = [text for i, text in enumerate(stages) if i == 0 or stages[i - 1] != text]
    order = ["Downloading Python…", "Starting Python…", "Loading the calculator…", "Ready."]
    assert stages[-1] == "Ready." and "Starting Python…" in stages, stages
    assert stages == sorted(stages, key=order.index), stages
    if start == "normal":
        assert stages == order[-len(stages) :], stages
    assert page.get_attribute("#calc-result", "data-runtime") == start
    assert page.is_hidden("#calc-progress")
    # The worker's own requests count too: the runtime comes from this site.
    assert any(url.endswith("/assets/calculator/manifest.json") for url in requests)
    assert any(url.endswith("/pyodide.asm.wasm") for url in requests)
    assert all(url.startswith(site_url) for url in requests if url.startswith("http"))
    assert page_watch.problems() == []


def test_a_guide_page_fetches_nothing_of_the_calculator(new_page: NewPage, site_url: str) -> None:
    page = new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}refunds/time-limits/")
    page.wait_for_load_state("networkidle")
    assert requests
    assert [u for u in requests if "assets/pyodide/" in u or "assets/calculator/" in u] == []


def test_batch_paste_shows_the_engines_table_and_downloads_it(
    new_page: NewPage, site_url: str
) -> None:
    page = open_calculator(
        new_page, calculator_url(site_url, {"today": "2026-10-25"}), accept_downloads=True
    )
    rows = [
        "order_id,order_date,shipped,delivered,dispute_opened,free_return",
        "A-1,2026-10-01,2026-10-03,,,",
        "A-2,2026-10-01,2026-10-03,2026-10-20,,yes",
        "A-3,2026-09-01,2026-09-02,,2026-10-20,",
        "A-4,2026-10-10,,,,",
        "A-5,2026-10-01,2026-09-01,,,",
        "A-6,2026-08-01,2026-08-03,2026-08-30,,",
    ]
    text = "\n".join(rows) + "\n"
    want = json.loads(bridge.batch_json(text, "2026-10-25"))["result"]
    assert want["errors"] and len(want["rows"]) == 5
    page.fill("#batch-csv", text)
    page.wait_for_selector("#batch-table tbody tr", timeout=ANSWER_MS)
    order_column = "#batch-table tbody tr td:nth-child(2)"
    shown = page.eval_on_selector_all(order_column, "els => els.map(e => e.textContent)")
    assert shown == [row["order_id"] for row in want["rows"]]
    errors = page.eval_on_selector_all("#batch-errors li", "els => els.map(e => e.dataset.line)")
    assert errors == [str(error["line"]) for error in want["errors"]]
    # Sorting by a column, then back, is the page's; the order of urgency is the engine's.
    page.click("#batch-table button[data-sort=order_id]")
    shown = page.eval_on_selector_all(order_column, "els => els.map(e => e.textContent)")
    assert shown == sorted(row["order_id"] for row in want["rows"])
    page.click("#batch-table button[data-sort=order_id]")
    shown = page.eval_on_selector_all(order_column, "els => els.map(e => e.textContent)")
    assert shown == sorted((row["order_id"] for row in want["rows"]), reverse=True)
    with page.expect_download() as info:
        page.click("#batch-download")
    downloaded = Path(info.value.path()).read_bytes().decode("utf-8")
    assert downloaded == want["csv"]
    assert len(list(csv.reader(io.StringIO(downloaded)))) == 1 + len(rows) - 1
    # A new today re-checks the batch from that day.
    later = json.loads(bridge.batch_json(text, "2026-11-20"))["result"]
    assert later["rows"] != want["rows"]
    page.fill("#today", "2026-11-20")
    days_left = "#batch-table tbody tr td:nth-child(6)"

    def days(result: dict[str, Any]) -> list[str | None]:
        return [None if r["days_left"] is None else str(r["days_left"]) for r in result["rows"]]

    want_days = days(later)
    assert want_days != days(want)
    page.wait_for_function(
        "([cells, want]) => JSON.stringify([...document.querySelectorAll(cells)]"
        ".map(e => e.textContent || null)) === JSON.stringify(want)",
        arg=[days_left, want_days],
        timeout=ANSWER_MS,
    )


def test_ten_thousand_rows_do_not_freeze_the_page(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, {"today": "2026-10-25"}))
    lines = ["order_id,order_date,shipped,delivered"]
    for n in range(10_000):
        day = 1 + n % 28
        lines.append(f"N{n},2026-09-{day:02d},2026-09-{min(day + 2, 30):02d},")
    # What the progress bar and its words said on the way.
    page.evaluate(
        """() => {
          window.__progress = [];
          const bar = document.getElementById("batch-progress");
          const status = document.getElementById("batch-status");
          new MutationObserver(() => window.__progress.push(
            [bar.hasAttribute("value") ? bar.value : null, bar.max, status.textContent])
          ).observe(bar.parentNode, {subtree: true, childList: true, attributes: true,
                                    characterData: true});
        }"""
    )
    # As a paste does: one input event with the whole text.
    page.eval_on_selector(
        "#batch-csv",
        "(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})) }",
        "\n".join(lines) + "\n",
    )
    page.wait_for_selector("#batch-table tbody tr", timeout=LOAD_MS)
    # Counts are written as the page's language writes numbers.
    assert "10,000 orders" in page.inner_text("#batch-status")
    # The bar counted the engine's rows as it went, and said so in words.
    seen = page.evaluate("window.__progress")
    partway = [(v, m, text) for v, m, text in seen if v is not None and 0 < v < m]
    assert partway, seen[:5]
    assert {m for _, m, _ in partway} == {10_000}
    counts = [re.fullmatch(r"Checking ([\d,]+) of 10,000 orders…", t) for _, _, t in partway]
    assert all(counts), [t for _, _, t in partway][:5]
    done = [int(c.group(1).replace(",", "")) for c in counts if c]
    assert done == sorted(done) and done[0] < 10_000
    assert page.locator("#batch-table tbody tr").count() < 10_000
    assert page.is_visible("#batch-more")
    # The page still answers its own input while the table is there.
    fill(page, IN_TRANSIT)
    wait_for_cards(page, expected_cards(IN_TRANSIT))


def test_the_page_fits_a_phone(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(
        new_page, calculator_url(site_url, IN_DISPUTE), viewport={"width": 375, "height": 740}
    )
    wait_for_cards(page, expected_cards(IN_DISPUTE))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = page.locator("[data-route=not_received]").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_problem(new_page: NewPage, site_url: str, scheme: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, IN_DISPUTE), color_scheme=scheme)
    wait_for_cards(page, expected_cards(IN_DISPUTE))
    page.fill("#seller-replied", "2026-10-01")
    page.wait_for_selector("#calc-result[data-state=error]", timeout=ANSWER_MS)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""
    )
    assert violations == []


def test_without_webassembly_the_page_says_so(new_page: NewPage, site_url: str) -> None:
    page = new_page()
    page.add_init_script("delete globalThis.WebAssembly")
    page.goto(calculator_url(site_url, IN_TRANSIT))
    page.wait_for_selector("#calc-unavailable", state="visible", timeout=ANSWER_MS)
    assert "WebAssembly" in page.inner_text("#calc-unavailable")
    assert page.get_attribute("#calc-result", "data-state") == "error"


def test_opened_as_a_file_it_says_how_to_serve(browser: Any, built_site: Path) -> None:
    """Not through `new_page`: every request here is to file://, which is the point."""
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        # The theme's search index is not this test's business; the calculator is.
        page.on(
            "pageerror",
            lambda error: None if "search_index" in str(error) else errors.append(str(error)),
        )

        def on_console(message: Any) -> None:
            where = (message.location or {}).get("url", "")
            if message.type == "error" and ("/calculator/" in where or not where):
                errors.append(f"{message.text} ({where})")

        page.on("console", on_console)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto((built_site / "calculator" / "index.html").as_uri())
        page.wait_for_selector("#calc-from-file", state="visible", timeout=ANSWER_MS)
        assert "make serve" in page.inner_text("#calc-from-file")
        assert page.get_attribute("#calc-result", "data-state") == "error"
        scripts = [u for u in requests if u.endswith((".js", ".mjs", ".json", ".wasm", ".whl"))]
        assert [u for u in scripts if "assets/calculator/" in u or "pyodide" in u] == []
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        assert errors == []
    finally:
        context.close()


def test_copy_link_copies_the_share_link(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, DELIVERED))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    wait_for_cards(page, expected_cards(DELIVERED))
    page.click("#calc-copy")
    page.wait_for_function("document.getElementById('calc-action-status').textContent !== ''")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == calculator_url(site_url, DELIVERED)
    # The copied link, opened afresh, gives the same answer.
    again = open_calculator(new_page, copied)
    wait_for_cards(again, expected_cards(DELIVERED))


def test_a_chosen_csv_file_is_checked_like_a_paste(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url, {"today": "2026-10-25"}))
    text = "order_id,order_date,shipped\nF-1,2026-10-01,2026-10-03\nF-2,2026-10-20,\n"
    want = json.loads(bridge.batch_json(text, "2026-10-25"))["result"]
    page.set_input_files(
        "#batch-file",
        files=[{"name": "orders.csv", "mimeType": "text/csv", "buffer": text.encode()}],
    )
    page.wait_for_selector("#batch-table tbody tr", timeout=ANSWER_MS)
    lines = page.eval_on_selector_all(
        "#batch-table tbody tr", "els => els.map(e => e.dataset.line)"
    )
    assert lines == [str(row["line"]) for row in want["rows"]]
    assert page.input_value("#batch-csv") == text


@pytest.mark.parametrize(
    ("name", "value", "fixed"),
    [("protection-days", "12x", "30"), ("delivered", "2026-02-30", "2026-10-20")],
)
def test_a_broken_share_link_points_at_the_field(
    new_page: NewPage, site_url: str, name: str, value: str, fixed: str
) -> None:
    fields = {"order-date": "2026-10-01", "shipped": "2026-10-03", name: value}
    fields["today"] = "2026-10-25"
    error = engine(fields)["error"]
    assert error["field"] == name
    page = open_calculator(new_page, calculator_url(site_url, fields))
    page.wait_for_selector("#calc-result[data-state=error]", timeout=LOAD_MS)
    assert page.get_attribute(f"#{name}", "aria-invalid") == "true"
    assert page.inner_text(f"#{name}-error") == error["message"]
    # The link keeps saying what it said until the reader corrects the field.
    assert page.evaluate("location.hash") == "#" + urlencode(fields)
    page.fill(f"#{name}", fixed)
    wait_for_cards(page, expected_cards({**fields, name: fixed}))
    assert page.get_attribute(f"#{name}", "aria-invalid") is None


def test_an_edit_replaces_only_the_cards_it_changes(new_page: NewPage, site_url: str) -> None:
    """So a screen reader hears what changed, not the whole answer on every key, and
    the browser restyles only that: every node of an unchanged card is kept."""
    page = open_calculator(new_page, calculator_url(site_url, IN_TRANSIT))
    wait_for_cards(page, expected_cards(IN_TRANSIT))
    page.eval_on_selector_all("#calc-routes *", "els => els.forEach(e => e.__old = 1)")
    next_day = {**IN_TRANSIT, "today": "2026-10-26"}
    before = {r["route"]: r for r in engine(IN_TRANSIT)["result"]["routes"]}
    after = {r["route"]: r for r in engine(next_day)["result"]["routes"]}
    changed = sorted(route for route in before if before[route] != after[route])
    assert 0 < len(changed) < len(before)
    answers = page.get_attribute("#calc-result", "data-answers")
    page.fill("#today", next_day["today"])
    page.wait_for_function(
        "n => document.getElementById('calc-result').dataset.answers !== n",
        arg=answers,
        timeout=ANSWER_MS,
    )
    wait_for_cards(page, expected_cards(next_day))
    replaced = page.eval_on_selector_all(
        "#calc-routes [data-route]",
        "els => els.filter(e => [e, ...e.querySelectorAll('*')].some(n => !n.__old))"
        ".map(e => e.dataset.route)",
    )
    assert sorted(replaced) == changed
    # A changed card keeps its element and the parts that did not change.
    kept = page.eval_on_selector_all(
        "#calc-routes [data-route]", "els => els.every(e => e.__old && e.querySelector('h3').__old)"
    )
    assert kept


def in_field_order(fields: dict[str, str]) -> str:
    """The fragment the page writes for these fields: the field table's order, no empty one."""
    return "#" + urlencode({f.name: fields[f.name] for f in FIELDS if fields.get(f.name)})


def test_a_share_link_carries_only_the_fields_filled_in(new_page: NewPage, site_url: str) -> None:
    page = open_calculator(new_page, calculator_url(site_url))
    # Card is what the form shows before any choice; chosen, it is the reader's word.
    typed = {"order-date": "2026-10-01", "shipped": "2026-10-03", "payment-method": "card"}
    fill(page, {**typed, "today": "2026-10-25"})
    typed["today"] = "2026-10-25"
    wait_for_cards(page, expected_cards(typed))
    page.wait_for_function("want => location.hash === want", arg=in_field_order(typed))
    # Opened afresh, the link fills the form and skips the first question.
    again = open_calculator(new_page, page.url)
    wait_for_cards(again, expected_cards(typed))
    assert again.get_attribute("#calc-form", "data-every") == "true"
    for name, value in typed.items():
        assert again.input_value(f"#{name}") == value
    assert again.evaluate("location.hash") == in_field_order(typed)


def test_an_older_link_with_every_field_still_works(new_page: NewPage, site_url: str) -> None:
    every = {f.name: "" for f in FIELDS} | {"payment-method": "card", "region": ""} | DELIVERED
    page = open_calculator(new_page, f"{site_url}calculator/#{urlencode(every)}")
    given = {name: value for name, value in every.items() if value}
    wait_for_cards(page, expected_cards(given))
    assert page.get_attribute("#calc-form", "data-every") == "true"
    for name, value in given.items():
        if name == "free-return":
            assert page.is_checked("#free-return")
        else:
            assert page.input_value(f"#{name}") == value
    # The page then says the same answer with the fields that hold something.
    page.wait_for_function("want => location.hash === want", arg=in_field_order(given))
