"""Legal guarantee: the EU's years and the fault notice some countries require, the UK's
rejection period and claim limits, Brazil's two periods by kind of item and what keeps a
claim alive after them, Korea's limits for goods unlike the listing, and a plain 'not
covered' elsewhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from routes_helpers import DAY, ORDER, SHIPPED, route

from calculator import POLICY, Region, Route
from calculator.dates import add_months, add_years
from calculator.routes import legal_guarantee

DELIVERED = SHIPPED + 20 * DAY


def guarantee(region: Region, today: date) -> Route:
    return route(
        "legal_guarantee", shipped=SHIPPED, delivered=DELIVERED, region=region, today=today
    )


EU_USES = ("eu_guarantee_years", "eu_fault_notice_months", "eu_commitment_year")


@pytest.mark.parametrize(
    ("offset", "status"), [(-1, "open"), (0, "open"), (1, "check"), (366, "check"), (367, "closed")]
)
def test_eu_at_least_its_years_from_delivery_and_spain_s_longer_period_as_the_latest(
    offset: int, status: str
) -> None:
    last = add_years(DELIVERED, POLICY.days("eu_guarantee_years"))
    spain = POLICY.entries["es_guarantee_years"]
    latest = add_years(DELIVERED, spain.default)
    assert spain.from_ is not None and spain.from_ <= ORDER
    assert (latest - last).days == 366  # 2028 is a leap year
    r = guarantee(Region.EU, last + offset * DAY)
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest) == (
        status,
        DELIVERED,
        last,
        last,
        latest,
    )
    assert r.policy_ids == (*EU_USES, "es_guarantee_years")
    if status == "open":
        assert r.reason.id == legal_guarantee.EU.id
        assert r.reason.params["commitment"] == POLICY.days("eu_commitment_year")
        assert r.reason.params["months"] == POLICY.days("eu_fault_notice_months")
        assert r.next_step == legal_guarantee.EU_LATER_STEP.format(
            months=POLICY.days("eu_fault_notice_months")
        )
    elif status == "check":
        assert r.reason.id == legal_guarantee.EU_CHECK.id
        assert (r.reason.params["latest"], r.reason.params["es_years"]) == (latest, spain.default)
        assert r.next_step == legal_guarantee.EU_CHECK_STEP.format(latest=latest)
    else:
        assert r.reason.id == legal_guarantee.EU_CLOSED.id
        assert r.reason.params["closes_on"] == last
        assert r.next_step == legal_guarantee.CLOSED_STEP


def test_eu_an_order_before_spain_s_longer_period_closes_at_the_eu_minimum() -> None:
    spain_from = POLICY.entries["es_guarantee_years"].from_
    assert spain_from is not None
    order = spain_from - DAY
    delivered = order + 20 * DAY
    last = add_years(delivered, POLICY.days("eu_guarantee_years"))
    for day, status in ((last, "open"), (last + DAY, "closed")):
        r = route(
            "legal_guarantee",
            order_date=order,
            shipped=order + DAY,
            delivered=delivered,
            region=Region.EU,
            today=day,
        )
        assert (r.status, r.closes_on, r.closes_on_latest) == (status, last, None)
        assert r.policy_ids == EU_USES


def test_eu_the_fault_notice_some_countries_require_comes_first_counted_from_delivery() -> None:
    months = POLICY.days("eu_fault_notice_months")
    notice_by = add_months(DELIVERED, months)
    last = add_years(DELIVERED, POLICY.days("eu_guarantee_years"))
    first = guarantee(Region.EU, DELIVERED)
    assert (first.status, first.act_by, first.closes_on) == ("open", notice_by, last)
    assert first.next_step == legal_guarantee.EU_NOTICE_STEP.format(
        months=months, notice_by=notice_by
    )
    assert "order page" not in str(first.next_step)
    on_the_day = guarantee(Region.EU, notice_by)
    assert on_the_day.act_by == notice_by
    after = guarantee(Region.EU, notice_by + DAY)
    assert (after.status, after.act_by, after.closes_on) == ("open", last, last)
    assert after.next_step == legal_guarantee.EU_LATER_STEP.format(months=months)


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
        r = guarantee(Region.UK, day)
        assert (r.status, r.act_by, r.closes_on, r.closes_on_latest) == (
            status,
            act_by,
            last,
            latest,
        ), day
        if status == "check":
            assert r.next_step == legal_guarantee.UK_CHECK_STEP.format(latest=latest)
    first = route(
        "legal_guarantee", shipped=SHIPPED, delivered=DELIVERED, region=Region.UK, today=reject_by
    )
    assert first.reason.id == legal_guarantee.UK.id
    assert first.next_step == legal_guarantee.UK_STEP.format(reject_by=reject_by)


@pytest.mark.parametrize(
    ("offset", "status"), [("low", "open"), ("low+1", "check"), ("high", "check")]
)
def test_brazil_short_for_non_durable_goods_longer_for_durable(offset: str, status: str) -> None:
    limit = POLICY.entries["br_guarantee_days"]
    last = DELIVERED + timedelta(days=limit.low)
    latest = DELIVERED + timedelta(days=limit.high)
    day = {"low": last, "low+1": last + DAY, "high": latest}[offset]
    r = guarantee(Region.BR, day)
    assert (r.status, r.act_by, r.closes_on, r.closes_on_latest) == (status, last, last, latest)
    assert r.policy_ids == ("br_guarantee_days",)
    texts = {"open": legal_guarantee.BR, "check": legal_guarantee.BR_CHECK}
    assert r.reason.id == texts[status].id
    assert (r.reason.params["low"], r.reason.params["high"]) == (limit.low, limit.high)
    if status == "check":
        assert r.next_step == legal_guarantee.BR_CHECK_STEP.format(latest=latest)


@pytest.mark.parametrize("after", [1, 400, 4000])
def test_brazil_never_closes_while_a_hidden_defect_or_an_unanswered_complaint_may_apply(
    after: int,
) -> None:
    """Art. 26 §3 counts a hidden defect from when it shows, and §2 stops the clock until the
    supplier answers; neither has a fixed end, so past the periods the route stays 'check'."""
    latest = DELIVERED + timedelta(days=POLICY.entries["br_guarantee_days"].high)
    r = guarantee(Region.BR, latest + after * DAY)
    assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest) == (
        "check",
        DELIVERED,
        None,
        latest,
        None,
    )
    limit = POLICY.entries["br_guarantee_days"]
    assert r.reason == legal_guarantee.BR_HIDDEN.format(
        low=limit.low, high=limit.high, received=DELIVERED
    )
    assert r.next_step == legal_guarantee.BR_HIDDEN_STEP.format(low=limit.low, high=limit.high)
    assert "order page" not in str(r.reason) + str(r.next_step)
    assert r.decider == "law"


def test_korea_goods_unlike_the_listing_days_from_knowing_within_months_of_receipt() -> None:
    """Art. 17(3): both limits apply (the Ministry of Government Legislation's reading), so
    the days from receipt give the last day, the months the latest, and past them it closes."""
    days_ = POLICY.days("kr_mismatch_days")
    last = DELIVERED + timedelta(days=days_)
    latest = add_months(DELIVERED, POLICY.days("kr_mismatch_months"))
    expected = [
        (DELIVERED, "open"),
        (last, "open"),
        (last + DAY, "check"),
        (latest, "check"),
        (latest + DAY, "closed"),
    ]
    for day, status in expected:
        r = guarantee(Region.KR, day)
        assert (r.status, r.opens_on, r.act_by, r.closes_on, r.closes_on_latest) == (
            status,
            DELIVERED,
            last,
            last,
            latest,
        ), day
        assert r.policy_ids == ("kr_mismatch_days", "kr_mismatch_months")
        texts = {
            "open": legal_guarantee.KR,
            "check": legal_guarantee.KR_CHECK,
            "closed": legal_guarantee.KR_CLOSED,
        }
        assert r.reason.id == texts[status].id and r.reason.params["latest"] == latest
    check = guarantee(Region.KR, last + DAY)
    assert check.next_step == legal_guarantee.KR_CHECK_STEP.format(days=days_, latest=latest)
    assert "order page" not in str(check.reason) + str(check.next_step)
    opened = guarantee(Region.KR, DELIVERED)
    assert opened.next_step == legal_guarantee.KR_STEP.format(closes_on=last)


def test_korea_before_delivery_speaks_of_the_listing() -> None:
    r = route("legal_guarantee", today=ORDER, region=Region.KR)
    assert r.status == "not_yet"
    assert r.reason == legal_guarantee.WAITING[Region.KR]


@pytest.mark.parametrize("region", [Region.EU, Region.UK, Region.BR, Region.KR])
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
