"""The dates every rule starts from, worked out once per assessment.

P (end of purchase protection) and C (the day the order completes) feed the
routes, the warnings and the timeline alike; deriving them in one place keeps
those from ever disagreeing. When the reader has not typed the countdown, P is
not known: the shortest credible period gives the dates shown, the longest
gives the day after which a route is surely over, and in between the order
page decides.
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

# When two things complete the order on one day, the one the reader did names it.
_CAUSE_ORDER = (
    CompletedBy.CONFIRMED,
    CompletedBy.DELIVERED,
    CompletedBy.TRACKING_DELIVERED,
    CompletedBy.PROTECTION_END,
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
    """C: the day the order completes (or completed); None before shipping."""
    completed_by: CompletedBy | None
    completed_latest: date | None
    """C had protection lasted its longest credible period; None when it cannot differ."""
    scan_completion: date | None
    """The day a delivered tracking scan completes the order."""
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


def _completion(end: date, others: dict[CompletedBy, date | None]) -> tuple[date, CompletedBy]:
    """The earliest of the end of protection and whatever else completes the order."""
    known = [(day, _CAUSE_ORDER.index(cause), cause) for cause, day in others.items() if day]
    day, _, cause = min(
        [*known, (end, _CAUSE_ORDER.index(CompletedBy.PROTECTION_END), CompletedBy.PROTECTION_END)]
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
    if case.tracking_delivered is not None:
        facts.scan_completion = case.tracking_delivered + days(
            facts.rule("delivered_scan_completion_days").low
        )
    others: dict[CompletedBy, date | None] = {
        CompletedBy.CONFIRMED: case.confirmed,
        CompletedBy.DELIVERED: case.delivered,
        CompletedBy.TRACKING_DELIVERED: facts.scan_completion,
    }
    completed, facts.completed_by = _completion(end, others)
    facts.completed_on = completed
    if facts.protection_end_latest is not None:
        latest, _ = _completion(facts.protection_end_latest, others)
        if latest > completed:
            facts.completed_latest = latest
    return facts
