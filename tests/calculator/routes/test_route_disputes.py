"""One refund request per order: an open dispute takes the place of the other item routes."""

from __future__ import annotations

from datetime import date

import pytest
from routes_helpers import DAY, ORDER, SHIPPED, route

from calculator import Case, assess
from calculator.engine import ALIEXPRESS_DONE
from calculator.routes import cancel, request

END = SHIPPED + 60 * DAY
OPENED = SHIPPED + 30 * DAY
ITEM_ROUTES = ["not_received", "not_as_described", "damaged", "change_of_mind"]


@pytest.mark.parametrize(
    ("given", "disputed"),
    [
        ({}, "not_received"),
        ({"delivered": SHIPPED + 20 * DAY}, "not_as_described"),
        ({"delivered": SHIPPED + 20 * DAY, "dispute_reason": "damaged"}, "damaged"),
        ({"dispute_reason": "not_as_described"}, "not_as_described"),
    ],
)
def test_the_disputed_route_follows_the_dispute(given: dict[str, object], disputed: str) -> None:
    case = Case(
        order_date=ORDER,
        shipped=SHIPPED,
        protection_end=END,
        dispute_opened=OPENED,
        today=OPENED + DAY,
        **given,  # type: ignore[arg-type]
    )
    result = assess(case)
    r = result.route(disputed)
    assert r.status == "in_dispute"
    assert r.opens_on == OPENED and r.act_by == result.dispute.seller_reply_due  # type: ignore[union-attr]
    assert r.next_step == result.next_step == result.dispute.message  # type: ignore[union-attr]
    for other in ITEM_ROUTES:
        if other != disputed:
            o = result.route(other)
            assert o.status == "not_applicable"
            assert o.reason.id == request.OTHER_OPEN.id
            assert o.next_step == request.OTHER_OPEN_STEP
    assert result.next_route == disputed


def closed_case(closed: date, today: date, **given: object) -> Case:
    return Case(
        order_date=ORDER,
        shipped=SHIPPED,
        protection_end=END,
        dispute_opened=OPENED,
        dispute_closed=closed,
        today=today,
        **given,  # type: ignore[arg-type]
    )


def test_a_decided_dispute_closes_its_route_and_points_to_what_is_left() -> None:
    closed = OPENED + 10 * DAY
    result = assess(closed_case(closed, closed + DAY, dispute_outcome="rejected"))
    r = result.route("not_received")
    assert r.status == "closed" and r.reason.params["closed"] == closed
    assert r.next_step == request.WHAT_IS_LEFT and r.guide == "other-routes/paypal-and-card/"
    assert result.dispute is not None and result.dispute.stage == "closed"
    # AliExpress is done: the next step names the fallback with the nearest day to act by.
    assert result.next_route == "chargeback"
    assert result.next_step.id == ALIEXPRESS_DONE.id
    # The fallback's own step, whole, after the sentence that names it.
    assert result.next_step.params["step"] == result.route("chargeback").next_step
    other = result.route("damaged")
    assert other.status == "not_applicable"
    assert other.reason.id == request.OTHER_DECIDED.id and other.reason.params["closed"] == closed


def test_a_cancelled_request_decided_nothing_and_can_be_opened_again() -> None:
    """The reported case: withdrawn at the seller's urging, opened again the next day."""
    closed = OPENED + 10 * DAY
    result = assess(closed_case(closed, closed + DAY, dispute_outcome="cancelled"))
    r = result.route("not_received")
    # Surely accepted while protection runs; the route's own last day is the latest.
    own = assess(Case(order_date=ORDER, shipped=SHIPPED, protection_end=END, today=closed))
    assert (r.status, r.closes_on, r.closes_on_latest) == (
        "open",
        END,
        own.route("not_received").closes_on,
    )
    assert r.reason.id == request.REOPEN_RANGE.id and r.reason.params["closes_on"] == END
    assert result.dispute is not None and result.dispute.stage == "cancelled"
    assert result.next_route == "not_received"
    after_end = assess(closed_case(closed, END + DAY, dispute_outcome="cancelled"))
    assert after_end.route("not_received").status == "check"
    assert after_end.route("not_received").next_step == request.REOPEN_STEP


def test_a_request_closed_with_no_outcome_given_is_a_check_with_both_readings() -> None:
    closed = OPENED + 10 * DAY
    r = assess(closed_case(closed, closed + DAY)).route("not_received")
    assert (r.status, r.closes_on) == ("check", closed)
    assert r.closes_on_latest is not None and r.closes_on_latest > closed
    assert r.reason.id == request.UNKNOWN_CHECK.id
    later = assess(closed_case(closed, r.closes_on_latest + DAY)).route("not_received")
    assert later.status == "closed"


def test_a_dispute_closed_with_a_refund_keeps_chasing_the_money() -> None:
    approved = OPENED + 3 * DAY
    result = assess(
        Case(
            order_date=ORDER,
            shipped=SHIPPED,
            protection_end=END,
            dispute_opened=OPENED,
            refund_approved=approved,
            dispute_closed=approved,
            today=approved,
        )
    )
    assert result.route("not_received").status == "closed"
    assert result.dispute is not None and result.dispute.stage == "refund_approved"
    assert result.next_step == result.dispute.message


def test_cancel_is_not_touched_by_a_dispute() -> None:
    r = route("cancel", shipped=SHIPPED, dispute_opened=OPENED, today=OPENED)
    assert r.status == "closed" and r.reason.id == cancel.SHIPPED.id
