"""The contract every route gets for free: add a module to the registry and these run on it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from calculator import Case, assess, parse_case
from calculator.fields import FIELDS
from calculator.policy import POLICY
from calculator.routes import LIVE, REGISTRY, ROUTES
from calculator.routes.base import RouteSpec
from calculator.routes.consumer_law import REGION_GUIDES
from calculator.vocab import Decider, Family, Region, RouteId, Status, status_label

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "calculator" / "golden"
DOCS = ROOT / "docs"
DAY = timedelta(days=1)
SPECS = pytest.mark.parametrize("spec", ROUTES, ids=[spec.id for spec in ROUTES])


def golden_answers() -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLDEN.glob("*.json"))]


def golden_cases() -> list[Case]:
    by_attr = {field.attr: field.name for field in FIELDS}
    found = []
    for answer in golden_answers():
        fields = {by_attr[key]: value for key, value in answer["case"].items() if value is not None}
        fields["today"] = answer["today"]
        found.append(
            parse_case({k: str(v) if not isinstance(v, str) else v for k, v in fields.items()})
        )
    return found


CASES = golden_cases()


def test_the_registry_lists_every_route_once_in_a_fixed_order() -> None:
    assert [spec.id for spec in ROUTES] == list(REGISTRY)
    assert set(REGISTRY) == set(RouteId)
    result = assess(CASES[0])
    assert [route.route for route in result.routes] == list(REGISTRY)
    with pytest.raises(KeyError):
        result.route("refund")


@SPECS
def test_a_guide_page_exists_for_the_route(spec: RouteSpec) -> None:
    stem = spec.guide.rstrip("/")
    assert spec.guide.endswith("/") and not spec.guide.startswith("/")
    assert (DOCS / f"{stem}.md").exists() or (DOCS / stem / "index.md").exists(), spec.guide


@SPECS
def test_dates_are_in_order_and_rules_exist(spec: RouteSpec) -> None:
    for case in CASES:
        route = assess(case).route(spec.id)
        assert route.title == spec.title and route.family == spec.family
        if route.opens_on is not None and route.closes_on is not None:
            assert route.closes_on >= route.opens_on, route
        if route.act_by is not None and route.closes_on is not None:
            assert route.act_by <= route.closes_on, route
        if route.closes_on_latest is not None:
            assert route.closes_on is not None and route.closes_on_latest > route.closes_on
        assert set(route.policy_ids) <= set(POLICY.entries), route


@SPECS
def test_moving_today_forward_never_reopens_or_unopens(spec: RouteSpec) -> None:
    for case in CASES:
        assert case.today is not None
        previous = assess(case).route(spec.id).status
        for step in range(1, 200, 7):
            status = assess(case.with_today(case.today + step * DAY)).route(spec.id).status
            if previous is Status.CLOSED:
                assert status is Status.CLOSED, (case, step)
            if previous in (Status.OPEN, Status.CHECK):
                assert status is not Status.NOT_YET, (case, step)
            previous = status


@SPECS
def test_a_golden_case_shows_the_route_live(spec: RouteSpec) -> None:
    statuses = {
        route["status"]
        for answer in golden_answers()
        for route in answer["routes"]
        if route["route"] == spec.id
    }
    assert statuses & set(LIVE), (spec.id, statuses)


@SPECS
def test_a_check_names_who_decides_for_this_route(spec: RouteSpec) -> None:
    """Only AliExpress's own routes send a reader to the order page; the others name the
    bank, PayPal or the law, whose answer the order page does not show."""
    on_order_page = spec.decider is Decider.ORDER_PAGE
    assert on_order_page is (spec.family is Family.ALIEXPRESS)
    label = status_label(Status.CHECK, spec.decider)
    assert ("order page" in str(label)) is on_order_page


def test_every_region_links_a_country_page_that_exists() -> None:
    assert set(REGION_GUIDES) == set(Region)
    for page in REGION_GUIDES.values():
        stem = page.rstrip("/")
        assert (DOCS / f"{stem}.md").exists() or (DOCS / stem / "index.md").exists(), page
