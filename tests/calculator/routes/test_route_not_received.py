"""Item not received: not yet, open through the window after completion, check, closed."""

from __future__ import annotations

from datetime import date

import pytest
from routes_helpers import (
    DAY,
    EARLIEST,
    LONGEST,
    ORDER,
    SCAN,
    SCAN_LONGEST,
    SHIPPED,
    SHORTEST,
    WINDOW,
    route,
)

from calculator.policy import POLICY
from calculator.routes import not_received as rule


def test_does_not_apply_before_shipping_or_once_received() -> None:
    assert route("not_received", today=ORDER).status == "not_applicable"
    received = route("not_received", shipped=SHIPPED, delivered=SHIPPED + DAY, today=SHIPPED + DAY)
    assert received.status == "not_applicable"
    assert received.reason == rule.ARRIVED.format(delivered=SHIPPED + DAY)


@pytest.mark.parametrize(("offset", "status"), [(-1, "not_yet"), (0, "open"), (1, "open")])
def test_opens_on_the_earliest_dispute_day(offset: int, status: str) -> None:
    end = SHIPPED + 60 * DAY
    first = SHIPPED + EARLIEST
    r = route("not_received", shipped=SHIPPED, protection_end=end, today=first + offset * DAY)
    assert (r.status, r.opens_on, r.act_by, r.closes_on) == (status, first, end, end + WINDOW)
    if status == "not_yet":
        assert r.reason == rule.TOO_EARLY.format(opens_on=first, end=end)
        assert r.next_step == rule.TOO_EARLY_STEP.format(opens_on=first) and r.days_left is None


def test_a_countdown_shorter_than_the_earliest_day_opens_the_route_at_completion() -> None:
    r = route("not_received", shipped=SHIPPED, protection_days=5, today=SHIPPED + 5 * DAY)
    assert (r.status, r.opens_on, r.act_by) == ("open", SHIPPED + 5 * DAY, SHIPPED + 5 * DAY)


@pytest.mark.parametrize(
    ("today", "status", "days_left"),
    [
        ("act_by", "open", 15),
        ("after_act_by", "open", 14),
        ("closes_on", "open", 0),
        ("after_closes_on", "closed", None),
    ],
)
def test_the_countdown_ending_completes_the_order_and_the_window_follows(
    today: str, status: str, days_left: int | None
) -> None:
    end = date(2026, 3, 11)
    last = end + WINDOW
    day = {
        "act_by": end,
        "after_act_by": end + DAY,
        "closes_on": last,
        "after_closes_on": last + DAY,
    }
    r = route("not_received", shipped=SHIPPED, protection_end=end, today=day[today])
    assert (r.status, r.act_by, r.closes_on, r.closes_on_latest, r.days_left) == (
        status,
        end,
        last,
        None,
        days_left,
    )
    if today == "after_act_by":
        # A reader told "closed" here would give up money still to be had.
        assert r.reason == rule.ENDED.format(end=end, closes_on=last)
        assert r.next_step == rule.ENDED_STEP
    if today == "act_by":
        assert r.next_step == rule.RUNNING_STEP.format(act_by=end)
    if status == "closed":
        assert r.next_step == rule.CLOSED_STEP


@pytest.mark.parametrize(
    ("when", "status"),
    [
        ("closes_on", "open"),
        ("after_closes_on", "check"),
        ("latest", "check"),
        ("after_latest", "closed"),
    ],
)
def test_an_assumed_countdown_shows_check_between_the_shortest_and_longest_periods(
    when: str, status: str
) -> None:
    closes = SHIPPED + SHORTEST + WINDOW
    latest = SHIPPED + LONGEST + WINDOW
    day = {
        "closes_on": closes,
        "after_closes_on": closes + DAY,
        "latest": latest,
        "after_latest": latest + DAY,
    }
    r = route("not_received", shipped=SHIPPED, today=day[when])
    assert (r.status, r.act_by, r.closes_on, r.closes_on_latest) == (
        status,
        SHIPPED + SHORTEST,
        closes,
        latest,
    )
    assert "protection_days" in r.policy_ids
    if status == "check":
        assert r.reason.id == rule.CHECK.id and r.reason.params["latest"] == latest
        assert r.days_left is None
        assert r.guide == "refunds/time-limits/"


def test_a_typed_length_or_end_leaves_no_range() -> None:
    for given in ({"protection_days": 90}, {"protection_end": SHIPPED + 90 * DAY}):
        r = route("not_received", shipped=SHIPPED, today=SHIPPED, **given)
        assert r.closes_on_latest is None
        assert r.act_by == SHIPPED + 90 * DAY
        assert "protection_days" not in r.policy_ids


LATER = (SCAN_LONGEST - SCAN).days


@pytest.mark.parametrize(
    ("offset", "status"), [(-1, "open"), (0, "open"), (1, "check"), (LATER, "check")]
)
def test_a_delivered_scan_with_nothing_in_hand_shortens_the_clock(offset: int, status: str) -> None:
    """The scan completes the order some days later: the shortest period gives the dates
    shown, the longest the latest, and 'check' in between."""
    end = SHIPPED + 60 * DAY
    scan = SHIPPED + 20 * DAY
    completes = scan + SCAN
    last = completes + WINDOW
    latest = scan + SCAN_LONGEST + WINDOW
    r = route(
        "not_received",
        shipped=SHIPPED,
        protection_end=end,
        tracking_delivered=scan,
        today=last + offset * DAY,
    )
    assert (r.status, r.act_by, r.closes_on, r.closes_on_latest) == (
        status,
        completes,
        last,
        latest,
    )
    closed = route(
        "not_received",
        shipped=SHIPPED,
        protection_end=end,
        tracking_delivered=scan,
        today=latest + DAY,
    )
    assert closed.status == "closed" and closed.reason.params["final_day"] == latest
    assert "delivered_scan_completion_days" in r.policy_ids
    if status == "open":
        assert r.reason.id == rule.SCAN_RANGE.id and r.reason.params["scan"] == scan
        assert r.next_step.id == rule.SCAN_STEP.id


def test_a_delivered_scan_after_the_countdown_changes_nothing() -> None:
    end = SHIPPED + 30 * DAY
    r = route(
        "not_received",
        shipped=SHIPPED,
        protection_end=end,
        tracking_delivered=end - DAY,
        today=end,
    )
    assert (r.act_by, r.closes_on) == (end, end + WINDOW)


def test_confirming_receipt_completes_the_order_at_once() -> None:
    confirmed = SHIPPED + 15 * DAY
    r = route(
        "not_received",
        shipped=SHIPPED,
        protection_end=SHIPPED + 60 * DAY,
        confirmed=confirmed,
        today=confirmed + DAY,
    )
    assert (r.status, r.act_by, r.closes_on) == ("open", confirmed, confirmed + WINDOW)
    assert r.reason == rule.CONFIRMED.format(confirmed=confirmed, closes_on=confirmed + WINDOW)
    assert r.next_step == rule.CONFIRMED_STEP


def test_protection_across_a_leap_day() -> None:
    r = route("not_received", shipped=date(2028, 2, 1), protection_days=28, today=date(2028, 2, 1))
    assert r.act_by == date(2028, 2, 29)
    r = route("not_received", shipped=date(2027, 2, 1), protection_days=28, today=date(2027, 2, 1))
    assert r.act_by == date(2027, 3, 1)


def test_windows_across_the_year_end() -> None:
    r = route(
        "not_received",
        order_date=date(2026, 12, 1),
        shipped=date(2026, 12, 1),
        protection_end=date(2026, 12, 25),
        today=date(2026, 12, 26),
    )
    assert r.closes_on == date(2027, 1, 9)


def test_an_order_from_before_the_window_after_completion_is_a_check() -> None:
    """No source dates when the 15 days after completion began: older orders get none to
    15 days, so 'check' rather than 'closed' after the countdown."""
    old = date(2019, 3, 1)
    end = old + 40 * DAY
    r = route("not_received", order_date=old, shipped=old, protection_end=end, today=end + DAY)
    window = POLICY.entries["dispute_window_days"].at(old)
    assert window.low < window.high
    assert (r.status, r.closes_on, r.closes_on_latest) == (
        "check",
        end + window.low * DAY,
        end + window.high * DAY,
    )
    assert r.reason.id == rule.CHECK_OLDER_RULE.id
