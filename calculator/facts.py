"""The dates every rule starts from, worked out once per assessment.

P (end of purchase protection) and C (the day the order completes) feed the
routes, the warnings and the timeline alike; deriving them in one place keeps
those three from ever disagreeing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculator.case import Case
from calculator.dates import days
from calculator.policy import POLICY

__all__ = ["Facts", "facts_for"]


@dataclass(slots=True)
class Facts:
    case: Case
    today: date
    protection_end: date | None
    completed_on: date | None
    protection_assumed: bool
    """True when P comes from the policy default rather than the order page or the user."""

    @property
    def shipped(self) -> date | None:
        return self.case.shipped

    @property
    def delivered(self) -> date | None:
        return self.case.delivered

    @property
    def in_transit(self) -> bool:
        return self.case.shipped is not None and self.case.delivered is None


def facts_for(case: Case, today: date) -> Facts:
    shipped = case.shipped
    protection_end = case.protection_end
    assumed = False
    if protection_end is None and shipped is not None:
        length = case.protection_days
        if length is None:
            length = POLICY.days("protection_days")
            assumed = True
        protection_end = shipped + days(length)
    completed_on = None
    if case.delivered is not None and protection_end is not None:
        completed_on = min(case.delivered, protection_end)
    return Facts(
        case=case,
        today=today,
        protection_end=protection_end,
        completed_on=completed_on,
        protection_assumed=assumed,
    )
