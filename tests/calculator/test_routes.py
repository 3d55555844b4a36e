"""Each route's rule, checked on the day before, the last day and the day after."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator import Case, Route, assess
from calculator.policy import POLICY
from calculator.routes import most_urgent

ORDER = date(2026, 1, 5)
SHIPPED = date(2026, 1, 10)
DAY = timedelta(days=1)
WINDOW = timedelta(days=POLICY.days("dispute_window_days"))
PROTECTION = timedelta(days=POLICY.days("protection_days"))
FREE = timedelta(days=POLICY.days("free_return_days"))


def route(route_id: str, **values: object) -> Route:
    base: dict[str, object] = {"order_date": ORDER}
    base.update(values)
    return assess(Case(**base)).route(route_id)  # type: ignore[arg-type]


# --- cancel ---------------------------------------------------------------------------


def test_cancel_is_open_with_no_end_until_shipped() -> None:
    r = route("cancel", today=ORDER)
    assert (r.status, r.opens_on, r.closes_on, r.days_left) == ("open", ORDER, None, None)
    assert "cancel" in r.next_step
    assert r.policy == ("cancel_seller_response_hours",)
    assert route("cancel", today=ORDER + 300 * DAY).status == "open"


def test_cancel_closes_once_shipped() -> None:
    r = route("cancel", shipped=SHIPPED, today=SHIPPED)
    assert r.status == "closed"
    assert r.closes_on is None and r.days_left is None
    assert "dispute" in r.next_step


# --- not received ---------------------------------------------------------------------


def test_not_received_does_not_apply_before_shipping_or_after_delivery() -> None:
    assert route("not_received", today=ORDER).status == "not_applicable"
    delivered = route("not_received", shipped=SHIPPED, delivered=SHIPPED + DAY, today=SHIPPED + DAY)
    assert delivered.status == "not_applicable"
    assert str(SHIPPED + DAY) in delivered.reason


@pytest.mark.parametrize(
    ("offset", "status", "days_left"),
    [(-1, "open", 1), (0, "open", 0), (1, "closed", None)],
)
def test_not_received_runs_until_protection_ends(
    offset: int, status: str, days_left: int | None
) -> None:
    end = SHIPPED + PROTECTION
    assert end == date(2026, 3, 11)
    r = route("not_received", shipped=SHIPPED, today=end + offset * DAY)
    assert (r.status, r.opens_on, r.closes_on, r.days_left) == (status, SHIPPED, end, days_left)


def test_after_protection_the_reason_says_try_at_once() -> None:
    r = route("not_received", shipped=SHIPPED, today=SHIPPED + PROTECTION + DAY)
    assert "try at once" in r.reason
    assert f"{POLICY.days('dispute_window_days')} days after the order completes" in r.reason
    assert "today" in r.next_step
    assert r.guide == "refunds/time-limits/"


def test_a_dispute_opened_in_time_keeps_the_claim_alive() -> None:
    end = SHIPPED + PROTECTION
    r = route("not_received", shipped=SHIPPED, dispute_opened=end, today=end + DAY)
    assert r.status == "closed"
    assert "was in time" in r.reason and "try at once" not in r.reason
    assert r.guide == "disputes/"
    late = route("not_received", shipped=SHIPPED, dispute_opened=end + DAY, today=end + DAY)
    assert "try at once" in late.reason


def test_the_order_page_countdown_beats_the_default() -> None:
    end = date(2026, 4, 30)
    r = route("not_received", shipped=SHIPPED, protection_end=end, today=end)
    assert (r.status, r.closes_on, r.days_left) == ("open", end, 0)
    assert "protection_days" not in r.policy


def test_protection_days_override_the_default() -> None:
    r = route("not_received", shipped=SHIPPED, protection_days=90, today=SHIPPED)
    assert r.closes_on == SHIPPED + 90 * DAY
    assert "protection_days" in r.policy


def test_protection_across_a_leap_day() -> None:
    assert route(
        "not_received", shipped=date(2028, 1, 1), today=date(2028, 1, 1)
    ).closes_on == date(2028, 3, 1)
    assert route(
        "not_received", shipped=date(2027, 1, 1), today=date(2027, 1, 1)
    ).closes_on == date(2027, 3, 2)


# --- not as described and damaged -----------------------------------------------------


@pytest.mark.parametrize("route_id", ["not_as_described", "damaged"])
def test_item_routes_do_not_apply_before_shipping(route_id: str) -> None:
    assert route(route_id, today=ORDER).status == "not_applicable"


@pytest.mark.parametrize("route_id", ["not_as_described", "damaged"])
@pytest.mark.parametrize(("offset", "status"), [(0, "not_yet"), (1, "not_applicable")])
def test_item_routes_wait_for_delivery_until_protection_ends(
    route_id: str, offset: int, status: str
) -> None:
    r = route(route_id, shipped=SHIPPED, today=SHIPPED + PROTECTION + offset * DAY)
    assert r.status == status
    assert r.opens_on is None and r.closes_on is None and r.days_left is None


@pytest.mark.parametrize("route_id", ["not_as_described", "damaged"])
@pytest.mark.parametrize(
    ("offset", "status", "days_left"),
    [(-1, "open", 1), (0, "open", 0), (1, "closed", None)],
)
def test_item_routes_run_for_the_window_after_delivery(
    route_id: str, offset: int, status: str, days_left: int | None
) -> None:
    delivered = date(2026, 2, 1)
    last = delivered + WINDOW
    assert last == date(2026, 2, 16)
    r = route(route_id, shipped=SHIPPED, delivered=delivered, today=last + offset * DAY)
    assert (r.status, r.opens_on, r.closes_on, r.days_left) == (status, delivered, last, days_left)


def test_the_two_item_routes_give_different_advice() -> None:
    kwargs: dict[str, object] = {
        "shipped": SHIPPED,
        "delivered": SHIPPED + DAY,
        "today": SHIPPED + DAY,
    }
    described = route("not_as_described", **kwargs)
    damaged = route("damaged", **kwargs)
    assert described.closes_on == damaged.closes_on
    assert "listing" in described.next_step and "damage" in damaged.next_step
    closed = route("damaged", shipped=SHIPPED, delivered=SHIPPED + DAY, today=SHIPPED + 40 * DAY)
    assert "no longer" in closed.next_step


def test_a_late_delivery_counts_the_window_from_the_end_of_protection() -> None:
    end = SHIPPED + PROTECTION
    delivered = end + 5 * DAY
    r = route("not_as_described", shipped=SHIPPED, delivered=delivered, today=delivered)
    assert (r.opens_on, r.closes_on, r.days_left) == (
        end,
        end + WINDOW,
        (end + WINDOW - delivered).days,
    )
    too_late = route(
        "damaged", shipped=SHIPPED, delivered=end + WINDOW + DAY, today=end + WINDOW + DAY
    )
    assert too_late.status == "closed"
    assert too_late.opens_on is not None and too_late.closes_on is not None
    assert too_late.closes_on >= too_late.opens_on


def test_item_window_across_year_end_and_leap_day() -> None:
    year_end = route(
        "damaged", shipped=date(2026, 12, 1), delivered=date(2026, 12, 20), today=date(2026, 12, 20)
    )
    assert year_end.closes_on == date(2027, 1, 4)
    leap = route(
        "damaged", shipped=date(2028, 2, 1), delivered=date(2028, 2, 20), today=date(2028, 2, 29)
    )
    assert (leap.closes_on, leap.days_left) == (date(2028, 3, 6), 6)


# --- change of mind -------------------------------------------------------------------


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
    assert (r.status, r.opens_on, r.closes_on, r.days_left) == (status, delivered, last, days_left)
    assert r.guide == "refunds/returns/"


def test_change_of_mind_without_free_return_explains_why() -> None:
    r = route("change_of_mind", shipped=SHIPPED, delivered=SHIPPED + DAY, today=SHIPPED + DAY)
    assert r.status == "not_applicable"
    assert "seller's agreement" in r.reason and "Free Return" in r.reason
    waiting = route("change_of_mind", shipped=SHIPPED, free_return=True, today=SHIPPED)
    assert waiting.status == "not_applicable"
    assert "starts on delivery" in waiting.reason


# --- ordering -------------------------------------------------------------------------


def test_routes_come_in_fixed_order_and_names() -> None:
    result = assess(Case(order_date=ORDER, today=ORDER))
    assert [r.route for r in result.routes] == [
        "cancel",
        "not_received",
        "not_as_described",
        "damaged",
        "change_of_mind",
    ]
    with pytest.raises(KeyError):
        result.route("refund")


def test_most_urgent_prefers_the_nearest_fixed_end() -> None:
    result = assess(
        Case(
            order_date=ORDER,
            shipped=SHIPPED,
            delivered=date(2026, 1, 20),
            free_return=True,
            today=date(2026, 1, 21),
        )
    )
    urgent = most_urgent(result.routes)
    assert urgent is not None and urgent.route == "not_as_described"
    unshipped = assess(Case(order_date=ORDER, today=ORDER))
    first = most_urgent(unshipped.routes)
    assert first is not None and first.route == "cancel"
    closed = assess(
        Case(order_date=ORDER, shipped=SHIPPED, delivered=SHIPPED, today=SHIPPED + 100 * DAY)
    )
    assert most_urgent(closed.routes) is None


def test_windows_across_month_ends() -> None:
    january = route(
        "damaged", shipped=date(2026, 1, 20), delivered=date(2026, 1, 31), today=date(2026, 1, 31)
    )
    assert january.closes_on == date(2026, 2, 15)
    december = route("not_received", shipped=date(2026, 12, 31), today=date(2026, 12, 31))
    assert december.closes_on == date(2027, 3, 1)
    free = route(
        "change_of_mind",
        shipped=date(2026, 4, 1),
        delivered=date(2026, 4, 30),
        free_return=True,
        today=date(2026, 5, 15),
    )
    assert (free.closes_on, free.days_left) == (date(2026, 5, 15), 0)
