"""Not as described and damaged: the window after the order completes."""

from __future__ import annotations

from datetime import date

import pytest
from routes_helpers import (
    DAY,
    LONGEST,
    ORDER,
    SCAN,
    SCAN_LONGEST,
    SHIPPED,
    SHORTEST,
    WINDOW,
    route,
)

from calculator.routes import damaged as damaged_rule
from calculator.routes import item, not_as_described
from calculator.vocab import CompletedBy

ITEMS = ["not_as_described", "damaged"]
END = SHIPPED + 60 * DAY


@pytest.mark.parametrize("route_id", ITEMS)
def test_item_routes_do_not_apply_before_shipping(route_id: str) -> None:
    assert route(route_id, today=ORDER).status == "not_applicable"


@pytest.mark.parametrize("route_id", ITEMS)
@pytest.mark.parametrize(("offset", "status"), [(0, "not_yet"), (1, "not_applicable")])
def test_item_routes_wait_for_delivery_until_protection_ends(
    route_id: str, offset: int, status: str
) -> None:
    r = route(route_id, shipped=SHIPPED, protection_end=END, today=END + offset * DAY)
    assert r.status == status
    assert r.opens_on is None and r.closes_on is None and r.days_left is None


@pytest.mark.parametrize("route_id", ITEMS)
def test_a_delivered_scan_with_nothing_in_hand_is_a_not_received_case(route_id: str) -> None:
    r = route(
        route_id, shipped=SHIPPED, protection_end=END, tracking_delivered=SHIPPED, today=SHIPPED
    )
    assert r.status == "not_applicable"
    assert r.reason.id == item.MISSING.id


@pytest.mark.parametrize("route_id", ITEMS)
@pytest.mark.parametrize(
    ("offset", "status", "days_left"),
    [(-1, "open", 1), (0, "open", 0), (1, "closed", None)],
)
def test_item_routes_run_for_the_window_after_confirming_receipt(
    route_id: str, offset: int, status: str, days_left: int | None
) -> None:
    confirmed = date(2026, 2, 1)
    last = confirmed + WINDOW
    r = route(
        route_id,
        shipped=SHIPPED,
        protection_end=END,
        delivered=confirmed - DAY,
        confirmed=confirmed,
        today=last + offset * DAY,
    )
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest, r.days_left) == (
        status,
        confirmed - DAY,
        last,
        last,
        None,
        days_left,
    )


@pytest.mark.parametrize("route_id", ITEMS)
def test_an_item_in_hand_but_not_confirmed_keeps_the_countdown(route_id: str) -> None:
    """Receiving completes nothing: the strictest reading (a delivered scan the day it came)
    gives the dates shown, the end of protection the latest, and 'check' in between."""
    delivered = date(2026, 2, 1)
    strict = delivered + SCAN + WINDOW
    latest = END + WINDOW
    kwargs: dict[str, object] = {"shipped": SHIPPED, "protection_end": END, "delivered": delivered}
    r = route(route_id, **kwargs, today=strict)
    assert (r.status, r.act_by, r.closes_on, r.closes_on_latest) == ("open", strict, strict, latest)
    assert r.reason.id == item.OPEN_RANGE[CompletedBy.DELIVERED].id
    checking = route(route_id, **kwargs, today=strict + DAY)
    assert (checking.status, checking.days_left) == ("check", None)
    assert checking.reason.id == item.CHECK[CompletedBy.DELIVERED].id
    assert checking.reason.params["latest"] == latest and checking.next_step == item.CHECK_STEP
    assert route(route_id, **kwargs, today=latest).status == "check"
    assert route(route_id, **kwargs, today=latest + DAY).status == "closed"


def test_a_delivered_scan_gives_the_range_of_automatic_completion() -> None:
    scan = date(2026, 2, 1)
    r = route(
        "damaged",
        shipped=SHIPPED,
        protection_end=END,
        tracking_delivered=scan,
        delivered=scan + DAY,
        today=scan + DAY,
    )
    assert (r.closes_on, r.closes_on_latest) == (scan + SCAN + WINDOW, scan + SCAN_LONGEST + WINDOW)
    assert r.reason.params["scan"] == scan


def test_an_assumed_countdown_before_delivery_gives_a_range() -> None:
    delivered = SHIPPED + SHORTEST + 10 * DAY
    closes = SHIPPED + SHORTEST + WINDOW
    r = route("not_as_described", shipped=SHIPPED, delivered=delivered, today=closes + DAY)
    # Receiving completes nothing: only the longest countdown surely ends the order.
    latest = SHIPPED + LONGEST + WINDOW
    assert (r.status, r.closes_on, r.closes_on_latest) == ("check", closes, latest)
    assert r.reason.id == item.CHECK[CompletedBy.PROTECTION_END].id
    assert (
        route("not_as_described", shipped=SHIPPED, delivered=delivered, today=latest + DAY).status
        == "closed"
    )
    # Receipt confirmed within the shortest period: nothing is uncertain.
    early = route("damaged", shipped=SHIPPED, confirmed=SHIPPED + DAY, today=SHIPPED + DAY)
    assert early.closes_on_latest is None
    assert early.closes_on < SHIPPED + LONGEST  # type: ignore[operator]


def test_the_two_item_routes_give_different_advice() -> None:
    kwargs: dict[str, object] = {
        "shipped": SHIPPED,
        "delivered": SHIPPED + DAY,
        "today": SHIPPED + DAY,
    }
    described = route("not_as_described", **kwargs)
    damaged = route("damaged", **kwargs)
    assert described.closes_on == damaged.closes_on
    assert (described.next_step, damaged.next_step) == (not_as_described.STEP, damaged_rule.STEP)
    closed = route("damaged", shipped=SHIPPED, confirmed=SHIPPED + DAY, today=SHIPPED + 40 * DAY)
    assert closed.next_step == item.CLOSED_STEP


def test_a_late_delivery_counts_the_window_from_the_end_of_protection() -> None:
    delivered = END + 5 * DAY
    r = route(
        "not_as_described",
        shipped=SHIPPED,
        protection_end=END,
        delivered=delivered,
        today=delivered,
    )
    assert (r.opens_on, r.closes_on, r.days_left) == (
        END,
        END + WINDOW,
        (END + WINDOW - delivered).days,
    )


def test_item_window_across_year_end_and_leap_day() -> None:
    year_end = route(
        "damaged",
        shipped=date(2026, 12, 1),
        protection_end=date(2027, 1, 30),
        delivered=date(2026, 12, 20),
        confirmed=date(2026, 12, 20),
        today=date(2026, 12, 20),
    )
    assert year_end.closes_on == date(2027, 1, 4)
    leap = route(
        "damaged",
        shipped=date(2028, 2, 1),
        protection_end=date(2028, 3, 30),
        delivered=date(2028, 2, 20),
        confirmed=date(2028, 2, 20),
        today=date(2028, 2, 29),
    )
    assert (leap.closes_on, leap.days_left) == (date(2028, 3, 6), 6)
