"""Shared dates for the route tests: one order, one shipping day, the policy's figures."""

from __future__ import annotations

from datetime import date, timedelta

from calculator import Case, Route, assess
from calculator.policy import POLICY

ORDER = date(2026, 1, 5)
SHIPPED = date(2026, 1, 10)
DAY = timedelta(days=1)
WINDOW = timedelta(days=POLICY.days("dispute_window_days"))
SHORTEST = timedelta(days=POLICY.entries["protection_days"].low)
LONGEST = timedelta(days=POLICY.entries["protection_days"].high)
EARLIEST = timedelta(days=POLICY.days("earliest_dispute_day"))
SCAN = timedelta(days=POLICY.entries["delivered_scan_completion_days"].low)
SCAN_LONGEST = timedelta(days=POLICY.entries["delivered_scan_completion_days"].high)
FREE = timedelta(days=POLICY.days("free_return_days"))


def route(route_id: str, **values: object) -> Route:
    base: dict[str, object] = {"order_date": ORDER}
    base.update(values)
    return assess(Case(**base)).route(route_id)  # type: ignore[arg-type]
