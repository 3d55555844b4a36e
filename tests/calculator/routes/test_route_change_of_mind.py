"""Change of mind: a cancellation before shipping, then a Free Return window or nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from routes_helpers import DAY, FREE, ORDER, SHIPPED, route

from calculator.policy import POLICY
from calculator.routes import change_of_mind


def test_change_of_mind_before_shipping_is_a_cancellation() -> None:
    r = route("change_of_mind", today=ORDER)
    assert (r.status, r.closes_on) == ("open", None)
    assert r.next_step == route("cancel", today=ORDER).next_step


FREE_LONGEST = timedelta(days=POLICY.entries["free_return_days"].high)
LONGER = (FREE_LONGEST - FREE).days


@pytest.mark.parametrize(
    ("offset", "status", "days_left"),
    [(-1, "open", 1), (0, "open", 0), (1, "check", None), (LONGER, "check", None)],
)
def test_free_return_window_after_delivery(offset: int, status: str, days_left: int | None) -> None:
    """Labels give the shorter or the longer period: the shorter gives the dates shown, and
    the route is 'check' until the longer has passed."""
    delivered = date(2026, 1, 25)
    last = delivered + FREE
    r = route(
        "change_of_mind",
        shipped=SHIPPED,
        delivered=delivered,
        free_return=True,
        today=last + offset * DAY,
    )
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.days_left) == (
        status,
        delivered,
        last,
        last,
        days_left,
    )
    assert r.guide == "refunds/returns/"
    assert r.closes_on_latest == delivered + FREE_LONGEST
    assert (r.next_step.id == change_of_mind.FREE_STEP.id) is (status == "open")
    after = route(
        "change_of_mind",
        shipped=SHIPPED,
        delivered=delivered,
        free_return=True,
        today=delivered + FREE_LONGEST + DAY,
    )
    assert after.status == "closed"
    assert after.reason == change_of_mind.FREE_CLOSED.format(latest=delivered + FREE_LONGEST)


def test_change_of_mind_without_free_return_explains_why() -> None:
    r = route("change_of_mind", shipped=SHIPPED, delivered=SHIPPED + DAY, today=SHIPPED + DAY)
    assert r.status == "not_applicable"
    assert r.reason == change_of_mind.AT_COST
    waiting = route("change_of_mind", shipped=SHIPPED, free_return=True, today=SHIPPED)
    assert waiting.status == "not_applicable"
    assert waiting.reason == change_of_mind.FREE_LATER


def test_free_return_window_across_a_month_end() -> None:
    free = route(
        "change_of_mind",
        shipped=date(2026, 4, 1),
        delivered=date(2026, 4, 30),
        free_return=True,
        today=date(2026, 5, 15),
    )
    assert (free.closes_on, free.days_left) == (date(2026, 5, 15), 0)
