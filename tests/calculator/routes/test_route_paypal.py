"""PayPal dispute: its own window from the payment, then its own limit to escalate."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from routes_helpers import DAY, ORDER, SHIPPED, route

from calculator import POLICY, PaymentMethod, Region
from calculator.routes import paypal

WINDOW = timedelta(days=POLICY.days("paypal_dispute_days"))
ESCALATE = timedelta(days=POLICY.days("paypal_escalate_days"))
PAID = ORDER + 2 * DAY


@pytest.mark.parametrize("region", list(Region))
@pytest.mark.parametrize(
    ("offset", "status", "days_left"),
    [(-1, "open", 1), (0, "open", 0), (1, "closed", None)],
)
def test_the_window_counts_from_the_payment_in_every_region(
    region: Region, offset: int, status: str, days_left: int | None
) -> None:
    last = PAID + WINDOW
    r = route(
        "paypal",
        payment_method=PaymentMethod.PAYPAL,
        paid_on=PAID,
        shipped=SHIPPED,
        region=region,
        today=last + offset * DAY,
    )
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest, r.days_left) == (
        status,
        PAID,
        last,
        last,
        None,
        days_left,
    )
    assert r.family == "payment" and r.guide == "other-routes/paypal-and-card/"
    assert r.policy_ids == ("paypal_dispute_days", "paypal_escalate_days")
    if status == "open":
        escalate = POLICY.days("paypal_escalate_days")
        assert r.next_step == paypal.OPEN_STEP.format(closes_on=last, escalate=escalate)
    else:
        assert r.reason.id == paypal.CLOSED.id and r.reason.params["closes_on"] == last


def test_without_a_payment_day_the_order_date_counts() -> None:
    r = route("paypal", payment_method=PaymentMethod.PAYPAL, today=ORDER)
    assert (r.opens_on, r.closes_on) == (ORDER, ORDER + WINDOW)


@pytest.mark.parametrize(
    ("offset", "status"),
    [(-1, "in_dispute"), (0, "in_dispute"), (1, "closed")],
)
def test_an_opened_dispute_must_be_escalated_in_time(offset: int, status: str) -> None:
    opened = ORDER + 30 * DAY
    escalate_by = opened + ESCALATE
    r = route(
        "paypal",
        payment_method=PaymentMethod.PAYPAL,
        paypal_opened=opened,
        today=escalate_by + offset * DAY,
    )
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.days_left) == (
        status,
        opened,
        escalate_by,
        escalate_by,
        None,
    )
    assert r.reason.params["escalate_by"] == escalate_by
    if status == "in_dispute":
        assert r.reason.id == paypal.ESCALATE.id
        assert r.next_step == paypal.ESCALATE_STEP.format(escalate_by=escalate_by)
    else:
        assert r.reason.id == paypal.ESCALATE_PASSED.id


@pytest.mark.parametrize("method", [m for m in PaymentMethod if m is not PaymentMethod.PAYPAL])
def test_another_payment_method_rules_it_out(method: PaymentMethod) -> None:
    r = route("paypal", payment_method=method, today=ORDER)
    assert (r.status, r.closes_on, r.reason) == ("not_applicable", None, paypal.NOT_PAYPAL)


def test_the_rule_in_force_on_the_order_date_is_used() -> None:
    entry = POLICY.entries["paypal_dispute_days"]
    assert entry.from_ is not None and entry.history
    before = entry.from_ - DAY
    old = route("paypal", order_date=before, payment_method=PaymentMethod.PAYPAL, today=before)
    new = route(
        "paypal", order_date=entry.from_, payment_method=PaymentMethod.PAYPAL, today=entry.from_
    )
    assert old.closes_on == before + timedelta(days=entry.at(before).default)
    assert new.closes_on == entry.from_ + timedelta(days=entry.default)
    assert old.policy[0].entry.from_ != new.policy[0].entry.from_
    assert date(2014, 11, 18) == entry.from_  # the day its source gives
