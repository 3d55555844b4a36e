"""The top-level answer: the local date by default and the single next step."""

from __future__ import annotations

import runpy
import sys
from datetime import date, timedelta

import pytest

from calculator import Assessment, Case, PaymentMethod, Region, assess
from calculator.engine import ALIEXPRESS_DONE
from calculator.policy import POLICY
from calculator.routes import NOTHING_LEFT, WHAT_IS_LEFT_GUIDE

DAY = timedelta(days=1)


def test_without_today_the_local_date_is_used() -> None:
    case = Case(order_date=date.today())
    assert case.today is None
    result = assess(case)
    assert result.today == date.today()
    assert result.case.today == date.today()


def test_next_step_follows_the_route_that_closes_first() -> None:
    order = date(2026, 1, 5)
    result = assess(
        Case(
            order_date=order,
            shipped=order,
            delivered=order + DAY,
            free_return=True,
            today=order + DAY,
        )
    )
    # The Free Return's days run from receipt; a dispute's from completion, which comes later.
    free, dispute = result.route("change_of_mind"), result.route("not_as_described")
    assert free.closes_on is not None and dispute.closes_on is not None
    assert free.closes_on < dispute.closes_on
    assert (result.next_route, result.next_step) == ("change_of_mind", free.next_step)


def test_after_protection_the_late_dispute_is_the_next_step() -> None:
    order = date(2026, 1, 5)
    window = POLICY.days("dispute_window_days")

    def on(day: int) -> Assessment:
        return assess(
            Case(order_date=order, shipped=order, protection_days=30, today=order + day * DAY)
        )

    assert on(30).route("not_received").status == "open"
    later = on(31).route("not_received")
    assert later.status == "open"
    assert later.act_by == order + 30 * DAY
    assert later.closes_on == order + (30 + window) * DAY
    assert on(31).next_step == later.next_step
    assert "today" in str(later.next_step)
    assert on(30 + window + 1).route("not_received").status == "closed"


def test_next_step_points_outside_aliexpress_when_everything_has_closed() -> None:
    order = date(2026, 1, 5)
    result = assess(
        Case(
            order_date=order,
            shipped=order,
            delivered=order,
            confirmed=order,
            payment_method=PaymentMethod.PAYPAL,
            today=order + 100 * DAY,
        )
    )
    own = [route for route in result.routes if route.family == "aliexpress"]
    assert all(route.status in ("closed", "not_applicable") for route in own)
    paypal = result.route("paypal")
    assert paypal.status == "open"
    assert result.next_route == "paypal" and result.next_guide == paypal.guide
    assert result.next_step == ALIEXPRESS_DONE.format(title=paypal.title, step=paypal.next_step)


def test_when_nothing_is_open_anywhere_it_says_so_and_points_to_the_guide() -> None:
    order = date(2026, 1, 5)
    result = assess(
        Case(
            order_date=order,
            shipped=order,
            delivered=order,
            payment_method=PaymentMethod.BALANCE,
            region=Region.US,
            today=order + 200 * DAY,
        )
    )
    assert all(route.status in ("closed", "not_applicable") for route in result.routes)
    assert result.next_step == NOTHING_LEFT and result.next_route is None
    assert result.next_guide == WHAT_IS_LEFT_GUIDE


def test_aliexpress_comes_first_while_one_of_its_routes_is_live() -> None:
    # The card's day comes before protection ends, yet the next step is AliExpress's.
    order = date(2026, 1, 5)
    result = assess(
        Case(order_date=order, shipped=order, protection_days=100, today=order + 10 * DAY)
    )
    chargeback, missing = result.route("chargeback"), result.route("not_received")
    assert chargeback.act_by is not None and missing.act_by is not None
    assert chargeback.act_by < missing.act_by
    assert result.next_route == "not_received" and result.next_step == missing.next_step


def test_python_dash_m_runs_the_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        sys,
        "argv",
        ["refund-calc", "assess", "--order-date", "2026-11-20", "--today", "2026-11-26"],
    )
    with pytest.raises(SystemExit) as stopped:
        runpy.run_module("calculator", run_name="__main__", alter_sys=True)
    assert stopped.value.code == 0
    assert "Cancel the order: OPEN" in capsys.readouterr().out
