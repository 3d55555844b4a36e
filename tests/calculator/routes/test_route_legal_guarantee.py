"""Legal guarantee: the EU's years, the UK's rejection period and claim limits, Brazil's
two periods by kind of item, and a plain 'not covered' elsewhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from routes_helpers import DAY, ORDER, SHIPPED, route

from calculator import POLICY, Region
from calculator.dates import add_years
from calculator.routes import legal_guarantee

DELIVERED = SHIPPED + 20 * DAY


def guarantee(region: Region, today: date) -> object:
    return route(
        "legal_guarantee", shipped=SHIPPED, delivered=DELIVERED, region=region, today=today
    )


@pytest.mark.parametrize(("offset", "status"), [(-1, "open"), (0, "open"), (1, "closed")])
def test_eu_at_least_its_years_from_delivery(offset: int, status: str) -> None:
    last = add_years(DELIVERED, POLICY.days("eu_guarantee_years"))
    r = route(
        "legal_guarantee",
        shipped=SHIPPED,
        delivered=DELIVERED,
        region=Region.EU,
        today=last + offset * DAY,
    )
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest) == (
        status,
        DELIVERED,
        last,
        last,
        None,
    )
    assert r.policy_ids == ("eu_guarantee_years", "eu_commitment_year")
    if status == "open":
        assert "claimed from the seller" in r.reason
        assert str(POLICY.days("eu_commitment_year")) in r.reason
        assert r.next_step == legal_guarantee.CLAIM_STEP
    else:
        assert str(last) in r.reason


def test_uk_reject_first_then_claim_until_the_shorter_limit_then_check() -> None:
    reject_by = DELIVERED + timedelta(days=POLICY.days("uk_reject_days"))
    limit = POLICY.entries["uk_guarantee_years"]
    last, latest = add_years(DELIVERED, limit.low), add_years(DELIVERED, limit.high)
    expected = [
        (reject_by, "open", reject_by),
        (reject_by + DAY, "open", last),
        (last, "open", last),
        (last + DAY, "check", last),
        (latest, "check", last),
        (latest + DAY, "closed", last),
    ]
    for day, status, act_by in expected:
        r = route(
            "legal_guarantee", shipped=SHIPPED, delivered=DELIVERED, region=Region.UK, today=day
        )
        assert (r.status, r.act_by, r.closes_on, r.closes_on_latest) == (
            status,
            act_by,
            last,
            latest,
        ), day
    first = route(
        "legal_guarantee", shipped=SHIPPED, delivered=DELIVERED, region=Region.UK, today=reject_by
    )
    assert "full refund" in first.reason and str(reject_by) in first.next_step


@pytest.mark.parametrize(
    ("offset", "status"),
    [("low", "open"), ("low+1", "check"), ("high", "check"), ("high+1", "closed")],
)
def test_brazil_short_for_non_durable_goods_longer_for_durable(offset: str, status: str) -> None:
    limit = POLICY.entries["br_guarantee_days"]
    last = DELIVERED + timedelta(days=limit.low)
    latest = DELIVERED + timedelta(days=limit.high)
    day = {"low": last, "low+1": last + DAY, "high": latest, "high+1": latest + DAY}[offset]
    r = route("legal_guarantee", shipped=SHIPPED, delivered=DELIVERED, region=Region.BR, today=day)
    assert (r.status, r.act_by, r.closes_on, r.closes_on_latest) == (status, last, last, latest)
    assert r.policy_ids == ("br_guarantee_days",)
    if status == "check":
        assert "durable" in r.reason and r.next_step == legal_guarantee.CHECK_STEP


@pytest.mark.parametrize("region", [Region.EU, Region.UK, Region.BR])
def test_before_delivery_it_waits(region: Region) -> None:
    r = route("legal_guarantee", today=ORDER, region=region)
    assert (r.status, r.closes_on) == ("not_yet", None)
    assert r.policy_ids


@pytest.mark.parametrize("region", [Region.US, Region.OTHER])
def test_not_covered_elsewhere(region: Region) -> None:
    r = route(
        "legal_guarantee", shipped=SHIPPED, delivered=DELIVERED, region=region, today=DELIVERED
    )
    assert (r.status, r.reason, r.policy_ids) == (
        "not_applicable",
        legal_guarantee.NONE[region],
        (),
    )
