"""The timeline: every key date, in order, with the kinds the page and calendar rely on."""

from __future__ import annotations

from datetime import date, timedelta

from calculator import Case, assess
from calculator.policy import POLICY
from calculator.timeline import DEADLINE_KINDS, KINDS

DAY = timedelta(days=1)


def kinds(case: Case) -> list[str]:
    return [event.kind for event in assess(case).timeline]


def test_in_transit_timeline() -> None:
    order, shipped = date(2026, 10, 1), date(2026, 10, 3)
    result = assess(Case(order_date=order, shipped=shipped, today=shipped))
    assert [e.kind for e in result.timeline] == [
        "order_placed",
        "shipped",
        "earliest_dispute",
        "ask_extension",
        "protection_end",
    ]
    end = result.protection_end
    assert end is not None
    by_kind = {e.kind: e.date for e in result.timeline}
    assert by_kind["protection_end"] == end
    assert by_kind["ask_extension"] == end - timedelta(days=POLICY.days("extension_request_days"))
    assert by_kind["earliest_dispute"] == shipped + timedelta(
        days=POLICY.days("earliest_dispute_day")
    )


def test_short_protection_never_asks_for_an_extension_before_shipping() -> None:
    shipped = date(2026, 10, 3)
    result = assess(Case(order_date=shipped, shipped=shipped, protection_days=1, today=shipped))
    by_kind = {e.kind: e.date for e in result.timeline}
    assert by_kind["ask_extension"] == shipped


def test_delivered_timeline_with_free_return_and_a_full_dispute() -> None:
    order = date(2026, 9, 1)
    case = Case(
        order_date=order,
        shipped=order + DAY,
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
        "dispute_deadline",
        "free_return_deadline",
        "dispute_opened",
        "seller_replied",
        "refund_approved",
        "refund_expected_by",
    ):
        assert kind in found
    assert "protection_end" not in found and "seller_reply_due" not in found
    dates = [e.date for e in result.timeline]
    assert dates == sorted(dates)
    assert set(found) <= set(KINDS)


def test_the_reply_deadline_shows_while_the_seller_is_silent() -> None:
    order = date(2026, 9, 1)
    result = kinds(
        Case(
            order_date=order, shipped=order, dispute_opened=order + 12 * DAY, today=order + 12 * DAY
        )
    )
    assert "seller_reply_due" in result and "seller_replied" not in result


def test_late_delivery_keeps_the_end_of_protection() -> None:
    shipped = date(2026, 1, 1)
    late = shipped + timedelta(days=POLICY.days("protection_days") + 3)
    found = kinds(Case(order_date=shipped, shipped=shipped, delivered=late, today=late))
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
    assert set(KINDS) >= DEADLINE_KINDS
