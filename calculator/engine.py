"""One call from a Case to the full answer: routes, dispute, timeline, warnings.

The top-level next step is chosen here because it weighs everything else:
an open dispute comes first, then the route that closes soonest. The batch
needs everything but the timeline, so `triage` stops short of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculator.assessment import Assessment, Dispute, Route, Warning
from calculator.case import Case
from calculator.dispute import dispute_progress
from calculator.facts import Facts, facts_for
from calculator.policy import POLICY
from calculator.routes import judge_routes, most_urgent
from calculator.timeline import build_timeline
from calculator.warnings import collect_warnings

__all__ = ["Triage", "assess", "triage"]


@dataclass(slots=True)
class Triage:
    facts: Facts
    routes: tuple[Route, ...]
    dispute: Dispute | None
    warnings: tuple[Warning, ...]
    next_step: str
    urgent: Route | None
    """The open route that closes first, if any."""


def _next_step(routes: tuple[Route, ...], urgent: Route | None, dispute: Dispute | None) -> str:
    if dispute is not None:
        return dispute.message
    if urgent is not None:
        return urgent.next_step
    # Past protection with no delivery: the one late chance left is worth taking today.
    for route in routes:
        if route.route == "not_received" and route.status == "closed":
            return route.next_step
    paypal = POLICY.days("paypal_dispute_days")
    card = POLICY.days("chargeback_days")
    return (
        "No AliExpress route is open any more; a PayPal dispute (within "
        f"{paypal} days of payment) or a card chargeback (about {card} days) may still work."
    )


def triage(case: Case) -> Triage:
    """Everything but the timeline, for `case` on its `today` (the local date when unset)."""
    if case.today is None:
        case = case.with_today(date.today())
    today = case.today
    assert today is not None  # set just above
    facts = facts_for(case, today)
    routes = judge_routes(facts)
    dispute = dispute_progress(facts)
    urgent = most_urgent(routes)
    return Triage(
        facts=facts,
        routes=routes,
        dispute=dispute,
        warnings=collect_warnings(facts, routes, dispute),
        next_step=_next_step(routes, urgent, dispute),
        urgent=urgent,
    )


def assess(case: Case) -> Assessment:
    """Judge every route for `case` on its `today`, or on the local date when it has none."""
    judged = triage(case)
    facts = judged.facts
    return Assessment(
        today=facts.today,
        case=facts.case,
        protection_end=facts.protection_end,
        completed_on=facts.completed_on,
        routes=judged.routes,
        dispute=judged.dispute,
        timeline=build_timeline(facts, judged.dispute),
        warnings=judged.warnings,
        next_step=judged.next_step,
    )
