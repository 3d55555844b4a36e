"""Card chargeback: the strictest issuer limit is the last day, the network's the latest."""

from __future__ import annotations

from datetime import timedelta

import pytest
from routes_helpers import DAY, LONGEST, ORDER, SHIPPED, route

from calculator import POLICY, PaymentMethod, Region
from calculator.i18n import Message
from calculator.routes import chargeback

NOTICE = timedelta(days=POLICY.days("card_issuer_notice_days"))
NETWORK = timedelta(days=POLICY.days("chargeback_days"))
MAXIMUM = timedelta(days=POLICY.days("chargeback_max_days"))
PAID = ORDER + DAY
DELIVERED = SHIPPED + 20 * DAY


@pytest.mark.parametrize("region", list(Region))
@pytest.mark.parametrize(
    ("day", "status"),
    [
        (PAID + NOTICE - DAY, "open"),
        (PAID + NOTICE, "open"),
        (PAID + NOTICE + DAY, "check"),
        (PAID + NETWORK, "check"),
        (PAID + NETWORK + DAY, "closed"),
    ],
)
def test_an_item_that_came_counts_from_the_payment(
    region: Region, day: object, status: str
) -> None:
    r = route(
        "chargeback",
        paid_on=PAID,
        shipped=SHIPPED,
        delivered=DELIVERED,
        region=region,
        today=day,
    )
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest) == (
        status,
        PAID,
        PAID + NOTICE,
        PAID + NOTICE,
        PAID + NETWORK,
    )
    assert r.family == "payment"
    texts = {"open": chargeback.OPEN_STEP, "check": chargeback.CHECK_STEP}
    if status in texts:
        assert r.next_step == texts[status].format(closes_on=PAID + NOTICE)
    # Counted from the payment: the reason's wording for that reading.
    from_payment = (chargeback.OPEN[False], chargeback.CHECK[False], chargeback.CLOSED[False])
    assert r.reason.id in {text.id for text in from_payment}
    assert r.policy_ids == ("card_issuer_notice_days", "chargeback_days", "chargeback_max_days")


def test_goods_not_received_count_from_the_latest_expected_delivery() -> None:
    # No countdown typed: delivery was expected at the latest by the longest protection.
    expected = SHIPPED + LONGEST
    r = route("chargeback", shipped=SHIPPED, today=expected + NETWORK)
    assert r.status == "check"
    assert r.closes_on == ORDER + NOTICE and r.closes_on_latest == expected + NETWORK
    # For goods that never came, the networks count from the expected delivery day.
    assert r.reason.id == chargeback.CHECK[True].id and r.reason.params["expected"] == expected
    assert r.policy_ids[0] == "protection_days"
    assert route("chargeback", shipped=SHIPPED, today=expected + NETWORK + DAY).status == "closed"


def test_a_typed_countdown_is_the_expected_delivery_and_needs_no_assumption() -> None:
    end = SHIPPED + 30 * DAY
    r = route("chargeback", shipped=SHIPPED, protection_end=end, today=end)
    assert r.closes_on_latest == end + NETWORK
    assert "protection_days" not in r.policy_ids


def test_no_chargeback_later_than_the_networks_outer_limit() -> None:
    end = SHIPPED + 450 * DAY
    late_payment = route("chargeback", shipped=SHIPPED, protection_end=end, today=SHIPPED)
    assert late_payment.closes_on_latest == ORDER + MAXIMUM < end + NETWORK


def test_before_shipping_the_payment_counts() -> None:
    r = route("chargeback", today=ORDER)
    assert (r.status, r.closes_on, r.closes_on_latest) == ("open", ORDER + NOTICE, ORDER + NETWORK)


@pytest.mark.parametrize(
    ("method", "reason"),
    [
        (PaymentMethod.PAYPAL, chargeback.PAYPAL),
        (PaymentMethod.BALANCE, chargeback.NOT_CARD),
        (PaymentMethod.OTHER, chargeback.NOT_CARD),
    ],
)
def test_only_a_card_payment_has_it(method: PaymentMethod, reason: Message) -> None:
    r = route("chargeback", payment_method=method, today=ORDER)
    assert (r.status, r.closes_on, r.reason) == ("not_applicable", None, reason)
