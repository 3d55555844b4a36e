"""The dates every rule starts from: completion and its cause, the countdown's range, and the
version of each rule in force on the order date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from calculator import Case, assess
from calculator import facts as facts_module
from calculator.facts import Facts, facts_for
from calculator.policy import POLICY

DAY = timedelta(days=1)
SHIPPED = date(2026, 3, 2)
END = SHIPPED + 60 * DAY


SCAN = POLICY.entries["delivered_scan_completion_days"].low * DAY
SCAN_LONGEST = POLICY.entries["delivered_scan_completion_days"].high * DAY
NINTH = SHIPPED + 9 * DAY


def facts(**values: object) -> Facts:
    base: dict[str, object] = {"order_date": SHIPPED, "shipped": SHIPPED, "protection_end": END}
    base.update(values)
    return facts_for(Case(**base), END)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "completed", "cause"),
    [
        ({}, END, "protection_end"),
        ({"confirmed": NINTH}, NINTH, "confirmed"),
        # In hand is not completed: at the earliest, a delivered scan came with the parcel.
        ({"delivered": NINTH}, NINTH + SCAN, "delivered"),
        ({"tracking_delivered": NINTH}, NINTH + SCAN, "tracking_delivered"),
        # Confirming completes the order that day, whatever else was typed.
        ({"delivered": NINTH, "confirmed": NINTH}, NINTH, "confirmed"),
        ({"tracking_delivered": NINTH, "confirmed": END - DAY}, END - DAY, "confirmed"),
        # On one day, the end of protection, the one that surely completes, names it.
        ({"tracking_delivered": END - SCAN}, END, "protection_end"),
        ({"tracking_delivered": END - DAY}, END, "protection_end"),
    ],
)
def test_the_order_completes_on_the_earliest_event(
    given: dict[str, object], completed: date, cause: str
) -> None:
    found = facts(**given)
    assert (found.completed_on, found.completed_by) == (completed, cause)


def test_nothing_completes_before_shipping() -> None:
    found = facts_for(Case(order_date=SHIPPED, today=SHIPPED), SHIPPED)
    assert (found.completed_on, found.completed_by, found.protection_end) == (None, None, None)


def test_an_assumed_countdown_has_a_latest_completion_only_where_it_matters() -> None:
    protection = POLICY.entries["protection_days"]
    found = facts_for(Case(order_date=SHIPPED, shipped=SHIPPED), SHIPPED)
    assert found.protection_end == SHIPPED + protection.low * DAY
    assert found.protection_end_latest == SHIPPED + protection.high * DAY
    assert found.completed_latest == found.protection_end_latest
    early = facts_for(Case(order_date=SHIPPED, shipped=SHIPPED, confirmed=SHIPPED), SHIPPED)
    assert early.protection_assumed and early.completed_latest is None


@pytest.mark.parametrize(
    ("given", "latest"),
    [
        ({}, None),
        ({"confirmed": NINTH}, None),
        ({"confirmed": NINTH, "tracking_delivered": NINTH}, None),
        # Received, not confirmed: only the end of protection surely completes it.
        ({"delivered": NINTH}, END),
        # A scan completes it at the latest after the longest automatic-completion period.
        ({"tracking_delivered": NINTH}, NINTH + SCAN_LONGEST),
        ({"tracking_delivered": NINTH, "delivered": NINTH + DAY}, NINTH + SCAN_LONGEST),
        ({"tracking_delivered": END - DAY}, None),
    ],
)
def test_completion_is_a_range_until_the_reader_confirms(
    given: dict[str, object], latest: date | None
) -> None:
    assert facts(**given).completed_latest == latest


def test_each_rule_is_the_version_in_force_on_the_order_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dated change: orders placed on either side of it get different windows."""
    current = POLICY.entries["dispute_window_days"]
    changed_on = date(2026, 3, 1)
    older = replace(current, value=current.value + 10, from_=None, note="longer before")  # type: ignore[operator]
    dated = replace(current, from_=changed_on, history=(older,))
    changed = replace(POLICY, entries={**POLICY.entries, "dispute_window_days": dated})
    monkeypatch.setattr(facts_module, "POLICY", changed)

    def window_end(order: date) -> tuple[date | None, object]:
        shipped = order + DAY
        end = shipped + 30 * DAY
        route = assess(
            Case(order_date=order, shipped=shipped, protection_end=end, today=shipped)
        ).route("not_received")
        use = next(u for u in route.policy if u.entry.id == "dispute_window_days")
        return route.closes_on, use.to_dict()["from"]

    before, after = changed_on - DAY, changed_on
    assert window_end(before) == (before + 31 * DAY + (current.default + 10) * DAY, None)
    assert window_end(after) == (after + 31 * DAY + current.default * DAY, "2026-03-01")
