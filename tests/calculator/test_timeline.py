"""The timeline: every key date and every live route's dates, in real-life order."""

from __future__ import annotations

from datetime import date, timedelta

from calculator import Case, EventKind, PaymentMethod, Region, assess
from calculator.ics import future_deadlines
from calculator.policy import POLICY
from calculator.timeline import DEADLINE_KINDS

DAY = timedelta(days=1)
WINDOW = timedelta(days=POLICY.days("dispute_window_days"))


def kinds(case: Case) -> list[str]:
    return [event.kind for event in assess(case).timeline]


def test_in_transit_timeline_holds_the_route_dates() -> None:
    order, shipped = date(2026, 10, 1), date(2026, 10, 3)
    end = shipped + 60 * DAY
    result = assess(Case(order_date=order, shipped=shipped, protection_end=end, today=shipped))
    events = [(e.kind, e.route) for e in result.timeline if e.route != "chargeback"]
    assert events == [
        ("order_placed", None),
        ("shipped", None),
        ("opens_on", "not_received"),
        ("ask_extension", None),
        ("act_by", "not_received"),
        ("protection_end", None),
        ("closes_on", "not_received"),
    ]
    by_kind = {e.kind: e.date for e in result.timeline}
    assert by_kind[EventKind.ASK_EXTENSION] == end - POLICY.days("extension_request_days") * DAY
    assert by_kind[EventKind.OPENS_ON] == shipped + POLICY.days("earliest_dispute_day") * DAY
    assert by_kind[EventKind.CLOSES_ON] == end + WINDOW


def test_an_assumed_countdown_adds_the_latest_possible_day() -> None:
    shipped = date(2026, 10, 3)
    result = assess(Case(order_date=shipped, shipped=shipped, today=shipped))
    labels = {e.kind: e.label for e in result.timeline}
    assert "check your order page" in str(labels[EventKind.PROTECTION_END])
    latest = next(e for e in result.timeline if e.kind == "closes_on_latest")
    protection = POLICY.entries["protection_days"]
    assert latest.date == shipped + protection.high * DAY + WINDOW
    assert latest.route == "not_received"


def test_short_protection_never_asks_for_an_extension_before_shipping() -> None:
    shipped = date(2026, 10, 3)
    result = assess(Case(order_date=shipped, shipped=shipped, protection_days=1, today=shipped))
    by_kind = {e.kind: e.date for e in result.timeline}
    assert by_kind[EventKind.ASK_EXTENSION] == shipped


def test_delivered_timeline_with_free_return_and_a_full_dispute() -> None:
    order = date(2026, 9, 1)
    case = Case(
        order_date=order,
        shipped=order + DAY,
        protection_end=order + 61 * DAY,
        delivered=order + 20 * DAY,
        free_return=True,
        dispute_opened=order + 22 * DAY,
        seller_replied=order + 23 * DAY,
        refund_approved=order + 25 * DAY,
        today=order + 26 * DAY,
    )
    result = assess(case)
    found = [e.kind for e in result.timeline]
    for kind in (
        "order_placed",
        "shipped",
        "delivered",
        "order_completes",
        "dispute_opened",
        "seller_replied",
        "refund_approved",
        "refund_expected_by",
    ):
        assert kind in found
    # The dispute stands in for every item route, so none of them adds a date.
    assert not [e for e in result.timeline if e.route not in (None, "chargeback")]
    assert "protection_end" not in found and "seller_reply_due" not in found
    dates = [e.date for e in result.timeline]
    assert dates == sorted(dates)


def test_the_reply_deadline_shows_while_the_seller_is_silent() -> None:
    order = date(2026, 9, 1)
    result = kinds(
        Case(
            order_date=order, shipped=order, dispute_opened=order + 12 * DAY, today=order + 12 * DAY
        )
    )
    assert "seller_reply_due" in result and "seller_replied" not in result
    closed = kinds(
        Case(
            order_date=order,
            shipped=order,
            dispute_opened=order + 12 * DAY,
            dispute_closed=order + 13 * DAY,
            today=order + 13 * DAY,
        )
    )
    assert "seller_reply_due" not in closed and "dispute_closed" in closed


def test_a_delivered_scan_and_a_confirmation_are_recorded() -> None:
    shipped = date(2026, 1, 1)
    scan = kinds(
        Case(
            order_date=shipped,
            shipped=shipped,
            protection_end=shipped + 60 * DAY,
            tracking_delivered=shipped + 20 * DAY,
            today=shipped + 20 * DAY,
        )
    )
    assert "tracking_delivered" in scan and "order_completes" in scan
    assert "ask_extension" not in scan
    confirmed = kinds(
        Case(order_date=shipped, shipped=shipped, confirmed=shipped + DAY, today=shipped + DAY)
    )
    assert "confirmed" in confirmed and "order_completes" in confirmed


def test_late_delivery_keeps_the_end_of_protection() -> None:
    shipped = date(2026, 1, 1)
    end = shipped + 30 * DAY
    late = end + 3 * DAY
    found = kinds(
        Case(order_date=shipped, shipped=shipped, protection_end=end, delivered=late, today=late)
    )
    assert found.index("protection_end") < found.index("delivered")


def test_same_day_events_keep_real_life_order() -> None:
    day = date(2026, 5, 5)
    result = assess(Case(order_date=day, shipped=day, delivered=day, dispute_opened=day, today=day))
    assert [e.kind for e in result.timeline][:4] == [
        "order_placed",
        "shipped",
        "delivered",
        "dispute_opened",
    ]


def test_deadline_kinds_are_known_kinds() -> None:
    assert set(EventKind) >= DEADLINE_KINDS


def test_one_timeline_across_routes_with_the_payment_and_paypal_dispute() -> None:
    order = date(2026, 10, 1)
    paid, opened = order + 2 * DAY, order + 30 * DAY
    result = assess(
        Case(
            order_date=order,
            paid_on=paid,
            shipped=order + DAY,
            delivered=order + 20 * DAY,
            payment_method=PaymentMethod.PAYPAL,
            paypal_opened=opened,
            region=Region.UK,
            today=opened,
        )
    )
    by_kind = {e.kind: e for e in result.timeline}
    assert by_kind[EventKind.PAID].date == paid
    assert by_kind[EventKind.PAYPAL_OPENED].date == opened
    escalate = opened + POLICY.days("paypal_escalate_days") * DAY
    assert (escalate, EventKind.CLOSES_ON, "paypal") in {
        (e.date, e.kind, e.route) for e in result.timeline
    }
    guarantee = [e for e in result.timeline if e.route == "legal_guarantee"]
    assert [e.kind for e in guarantee] == ["act_by", "closes_on", "closes_on_latest"]
    assert "if the longer limit applies" in str(guarantee[-1].label)


def test_no_payment_event_when_paid_on_the_order_date() -> None:
    order = date(2026, 10, 1)
    same = assess(Case(order_date=order, paid_on=order, today=order))
    assert EventKind.PAID not in [e.kind for e in same.timeline]


def test_an_agreed_return_puts_its_last_day_to_ship_in_the_calendar() -> None:
    order = date(2026, 10, 1)
    agreed = order + 40 * DAY
    result = assess(
        Case(
            order_date=order,
            shipped=order + DAY,
            delivered=order + 30 * DAY,
            dispute_opened=order + 32 * DAY,
            return_agreed=agreed,
            today=agreed,
        )
    )
    ship_by = agreed + POLICY.days("return_ship_days") * DAY
    kinds = {(event.kind, event.date) for event in result.timeline}
    assert {("return_agreed", agreed), ("return_ship_by", ship_by)} <= kinds
    assert ("return_ship_by", ship_by) in {(e.kind, e.date) for e in future_deadlines(result)}
