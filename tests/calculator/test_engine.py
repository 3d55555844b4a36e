"""The top-level answer: the local date by default and the single next step."""

from __future__ import annotations

import runpy
import sys
from datetime import date, timedelta

import pytest

from calculator import Assessment, Case, assess
from calculator.policy import POLICY

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
    assert result.next_step == result.route("not_as_described").next_step


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
    assert "today" in later.next_step
    assert on(30 + window + 1).route("not_received").status == "closed"


def test_next_step_points_outside_aliexpress_when_everything_has_closed() -> None:
    order = date(2026, 1, 5)
    result = assess(Case(order_date=order, shipped=order, delivered=order, today=order + 200 * DAY))
    assert all(route.status in ("closed", "not_applicable") for route in result.routes)
    assert "PayPal" in result.next_step
    assert str(POLICY.days("paypal_dispute_days")) in result.next_step


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
