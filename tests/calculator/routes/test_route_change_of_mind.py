"""Change of mind: a cancellation before shipping, then a Free Return window or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from routes_helpers import DAY, FREE, ORDER, SHIPPED, route


def test_change_of_mind_before_shipping_is_a_cancellation() -> None:
    r = route("change_of_mind", today=ORDER)
    assert (r.status, r.closes_on) == ("open", None)
    assert r.next_step == route("cancel", today=ORDER).next_step


@pytest.mark.parametrize(
    ("offset", "status", "days_left"),
    [(-1, "open", 1), (0, "open", 0), (1, "closed", None)],
)
def test_free_return_window_after_delivery(offset: int, status: str, days_left: int | None) -> None:
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
    assert ("Return & refund" in r.next_step) is (status == "open")


def test_change_of_mind_without_free_return_explains_why() -> None:
    r = route("change_of_mind", shipped=SHIPPED, delivered=SHIPPED + DAY, today=SHIPPED + DAY)
    assert r.status == "not_applicable"
    assert "seller's agreement" in r.reason and "Free Return" in r.reason
    waiting = route("change_of_mind", shipped=SHIPPED, free_return=True, today=SHIPPED)
    assert waiting.status == "not_applicable"
    assert "starts on delivery" in waiting.reason


def test_free_return_window_across_a_month_end() -> None:
    free = route(
        "change_of_mind",
        shipped=date(2026, 4, 1),
        delivered=date(2026, 4, 30),
        free_return=True,
        today=date(2026, 5, 15),
    )
    assert (free.closes_on, free.days_left) == (date(2026, 5, 15), 0)
