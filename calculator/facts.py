"""The dates every rule starts from, worked out once per assessment.

P (end of purchase protection) and C (the day the order completes) feed the
routes, the warnings and the timeline alike; deriving them in one place keeps
those from ever disagreeing. When the reader has not typed the countdown, P is
not known: the shortest credible period gives the dates shown, the longest
gives the day after which a route is surely over, and in between the order
page decides.

C is a fact only when the reader confirmed receipt (the button shows only on an
order not yet complete, so that day completes it whatever else was typed).
Having the parcel in hand completes nothing by itself; a delivered tracking
scan may, some days later. So without a confirmation C is a range too: the
strictest reading (a delivered scan came with the parcel, and the shortest
automatic-completion period) gives the dates shown, the end of protection (or
the scan plus the longest period) gives the latest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from calculator.case import Case
from calculator.dates import days
from calculator.policy import POLICY, Entry
from calculator.vocab import CompletedBy

__all__ = ["Facts", "facts_for"]

# When two things may complete the order on one day, the end of protection names it: it is
# the one that surely does, so a completion day known for certain always has that cause.
_CAUSE_ORDER = (
    CompletedBy.PROTECTION_END,
    CompletedBy.TRACKING_DELIVERED,
    CompletedBy.DELIVERED,
)


@dataclass(slots=True)
class Facts:
    case: Case
    today: date
    protection_end: date | None
    """P, on the shortest credible period when the reader gave none."""
    protection_end_latest: date | None
    """P on the longest credible period; None when the reader gave the countdown."""
    completed_on: date | None
    """C on its strictest reading: the day the order completes (or completed) at the
    earliest; None before shipping."""
    completed_by: CompletedBy | None
    completed_latest: date | None
    """C on its latest credible reading; None when C is known."""
    scan_completion: date | None
    """The day a delivered tracking scan completes the order, at the earliest."""
    rules: Mapping[str, Entry]
    """Every rule in the version in force on the order date."""

    @property
    def protection_assumed(self) -> bool:
        return self.protection_end_latest is not None

    @property
    def shipped(self) -> date | None:
        return self.case.shipped

    @property
    def delivered(self) -> date | None:
        """The day the item was in the reader's hands."""
        return self.case.delivered

    @property
    def in_transit(self) -> bool:
        """Shipped, and nothing says it arrived or that the reader confirmed it."""
        case = self.case
        return (
            case.shipped is not None
            and case.delivered is None
            and case.confirmed is None
            and case.tracking_delivered is None
        )

    def rule(self, entry_id: str) -> Entry:
        """The rule's version in force on the order date; a KeyError is a typo in code."""
        return self.rules[entry_id]

    def days(self, entry_id: str) -> int:
        return self.rule(entry_id).default


def _earliest(candidates: dict[CompletedBy, date | None]) -> tuple[date, CompletedBy]:
    """The earliest of the days that may complete the order, with what completes it."""
    day, _, cause = min(
        (day, _CAUSE_ORDER.index(cause), cause) for cause, day in candidates.items() if day
    )
    return day, cause


def facts_for(case: Case, today: date) -> Facts:
    facts = Facts(
        case=case,
        today=today,
        protection_end=None,
        protection_end_latest=None,
        completed_on=None,
        completed_by=None,
        completed_latest=None,
        scan_completion=None,
        rules=POLICY.rules_on(case.order_date),
    )
    shipped = case.shipped
    if shipped is None:
        return facts
    end = case.protection_end
    if end is None and case.protection_days is not None:
        end = shipped + days(case.protection_days)
    if end is None:
        protection = facts.rule("protection_days")
        end = shipped + days(protection.low)
        if protection.high > protection.low:
            facts.protection_end_latest = shipped + days(protection.high)
    facts.protection_end = end
    if case.confirmed is not None:
        facts.completed_on, facts.completed_by = case.confirmed, CompletedBy.CONFIRMED
        return facts
    scan = facts.rule("delivered_scan_completion_days")
    scan_latest = None
    if case.tracking_delivered is not None:
        facts.scan_completion = case.tracking_delivered + days(scan.low)
        scan_latest = case.tracking_delivered + days(scan.high)
    # Without a scan, the strictest reading is one that came with the parcel.
    assumed_scan = None if case.delivered is None else case.delivered + days(scan.low)
    completed, facts.completed_by = _earliest(
        {
            CompletedBy.TRACKING_DELIVERED: facts.scan_completion,
            CompletedBy.DELIVERED: assumed_scan,
            CompletedBy.PROTECTION_END: end,
        }
    )
    facts.completed_on = completed
    latest, _ = _earliest(
        {
            CompletedBy.TRACKING_DELIVERED: scan_latest,
            CompletedBy.PROTECTION_END: facts.protection_end_latest or end,
        }
    )
    if latest > completed:
        facts.completed_latest = latest
    return facts
