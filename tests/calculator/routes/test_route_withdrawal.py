"""Withdrawal: each region's own period from receipt, or a plain 'does not apply'."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from routes_helpers import DAY, SHIPPED, route

from calculator import POLICY, Region
from calculator.dates import add_months
from calculator.routes import withdrawal
from calculator.routes.consumer_law import REGION_GUIDES

DELIVERED = SHIPPED + 20 * DAY
PERIODS = {
    Region.EU: ("eu_withdrawal_days", "eu_return_send_days"),
    Region.UK: ("uk_withdrawal_days", "uk_return_send_days"),
    Region.BR: ("br_withdrawal_days",),
    Region.KR: ("kr_withdrawal_days",),
}


@pytest.mark.parametrize("region", list(PERIODS))
@pytest.mark.parametrize(
    ("offset", "status", "days_left"),
    [(-1, "open", 1), (0, "open", 0), (1, "closed", None)],
)
def test_the_period_counts_from_receipt(
    region: Region, offset: int, status: str, days_left: int | None
) -> None:
    ids = PERIODS[region]
    last = DELIVERED + timedelta(days=POLICY.days(ids[0]))
    r = route(
        "withdrawal",
        shipped=SHIPPED,
        delivered=DELIVERED,
        region=region,
        today=last + offset * DAY,
    )
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest, r.days_left) == (
        status,
        DELIVERED,
        last,
        last,
        None,
        days_left,
    )
    assert r.family == "law" and r.guide == REGION_GUIDES[Region(region)]
    assert r.policy_ids == ids
    texts = {"open": withdrawal.OPEN[region], "closed": withdrawal.CLOSED}
    assert r.reason.id == texts[status].id and r.reason.params["closes_on"] == last
    if status == "open" and len(ids) > 1:
        assert r.reason.params["send"] == POLICY.days(ids[1])


@pytest.mark.parametrize(
    ("region", "step"), [(Region.KR, "KR_CLOSED_STEP"), (Region.BR, "CLOSED_STEP")]
)
def test_after_the_period_korea_points_to_its_longer_period_for_goods_unlike_the_listing(
    region: Region, step: str
) -> None:
    last = DELIVERED + timedelta(days=POLICY.days(PERIODS[region][0]))
    r = route("withdrawal", shipped=SHIPPED, delivered=DELIVERED, region=region, today=last + DAY)
    assert (r.status, r.next_step) == ("closed", getattr(withdrawal, step))


def test_a_confirmed_receipt_counts_when_no_delivery_day_is_given() -> None:
    confirmed = SHIPPED + 3 * DAY
    r = route("withdrawal", shipped=SHIPPED, confirmed=confirmed, region=Region.UK, today=confirmed)
    assert r.opens_on == confirmed


@pytest.mark.parametrize("region", list(PERIODS))
def test_before_receipt_it_waits(region: Region) -> None:
    r = route("withdrawal", shipped=SHIPPED, region=region, today=SHIPPED + 200 * DAY)
    assert (r.status, r.closes_on) == ("not_yet", None)
    assert r.next_step == withdrawal.WAITING_STEP


@pytest.mark.parametrize("region", [Region.US, Region.OTHER])
def test_no_right_to_withdraw_is_known_there(region: Region) -> None:
    r = route("withdrawal", shipped=SHIPPED, delivered=DELIVERED, region=region, today=DELIVERED)
    assert (r.status, r.closes_on, r.policy_ids) == ("not_applicable", None, ())
    assert r.reason == withdrawal.NONE[region]
    assert r.next_step == withdrawal.NONE_STEP


def test_an_eu_order_from_before_aliexpresss_commitment_may_run_a_year_longer() -> None:
    informed_from = POLICY.entries["eu_commitment_year"].from_
    assert informed_from == date(2021, 5, 1)
    order = informed_from - DAY
    delivered = order + 20 * DAY
    last = delivered + timedelta(days=POLICY.days("eu_withdrawal_days"))
    latest = add_months(last, POLICY.days("eu_withdrawal_extension_months"))

    def on(day: date) -> str:
        r = route(
            "withdrawal",
            order_date=order,
            shipped=order,
            delivered=delivered,
            region=Region.EU,
            today=day,
        )
        assert (r.closes_on, r.closes_on_latest) == (last, latest)
        assert "eu_withdrawal_extension_months" in r.policy_ids
        return r.status

    assert [on(last), on(last + DAY), on(latest), on(latest + DAY)] == [
        "open",
        "check",
        "check",
        "closed",
    ]
    later_order = route(
        "withdrawal",
        order_date=informed_from,
        shipped=informed_from,
        delivered=informed_from,
        region=Region.EU,
        today=informed_from,
    )
    assert later_order.closes_on_latest is None


def test_the_rule_in_force_on_the_order_date_is_used() -> None:
    entry = POLICY.entries["eu_withdrawal_days"]
    assert entry.from_ is not None
    for order in (entry.from_ - DAY, entry.from_):
        r = route(
            "withdrawal",
            order_date=order,
            shipped=order,
            delivered=order,
            region=Region.EU,
            today=order,
        )
        assert r.closes_on == order + timedelta(days=entry.at(order).default)
    assert entry.at(entry.from_ - DAY).default < entry.default
