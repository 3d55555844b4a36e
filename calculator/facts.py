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

_DEFAULT_PROTECTION = POLICY.days("protection_days")


@dataclass(slots=True)
class Facts:
    case: Case
    today: date
    protection_end: date | None
    completed_on: date | None
    protection_assumed: bool
    """True when P comes from the policy default rather than the order page or the user."""
    shipped: date | None
    delivered: date | None
    in_transit: bool
    """Shipped and not yet delivered."""


def facts_for(case: Case, today: date) -> Facts:
    shipped = case.shipped
    protection_end = case.protection_end
    assumed = False
    if protection_end is None and shipped is not None:
        length = case.protection_days
        if length is None:
            length = _DEFAULT_PROTECTION
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
        shipped=shipped,
        delivered=case.delivered,
        in_transit=shipped is not None and case.delivered is None,
    )
