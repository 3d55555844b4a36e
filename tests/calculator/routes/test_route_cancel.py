"""Cancel: open with no end until the seller ships."""

from __future__ import annotations

from routes_helpers import DAY, ORDER, SHIPPED, route

from calculator.routes import cancel


def test_cancel_is_open_with_no_end_until_shipped() -> None:
    r = route("cancel", today=ORDER)
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.days_left) == (
        "open",
        ORDER,
        None,
        None,
        None,
    )
    assert r.next_step.id == cancel.STEP.id
    assert r.policy_ids == ("cancel_seller_response_hours",)
    assert route("cancel", today=ORDER + 300 * DAY).status == "open"


def test_cancel_closes_once_shipped() -> None:
    r = route("cancel", shipped=SHIPPED, today=SHIPPED)
    assert r.status == "closed"
    assert r.closes_on is None and r.days_left is None
    assert r.reason == cancel.SHIPPED.format(shipped=SHIPPED)
