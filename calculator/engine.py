"""One call from a Case to the full answer: routes, dispute, timeline, warnings.

The top-level next step is chosen here because it weighs everything else:
an open dispute comes first, then the route to act on first. The batch
needs everything but the timeline, so `triage` stops short of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculator.assessment import Assessment, Dispute, Notice, Route
from calculator.case import Case
from calculator.dispute import dispute_progress
from calculator.facts import Facts, facts_for
from calculator.routes import WHAT_IS_LEFT, judge_routes, most_urgent
from calculator.timeline import build_timeline
from calculator.vocab import RouteId
from calculator.warnings import collect_warnings

__all__ = ["Triage", "assess", "triage"]

NOTHING_LEFT = (
    "No AliExpress route is open any more; a PayPal dispute (within {paypal} days of payment) "
    "or a card chargeback (about {card} days) may still work."
)


@dataclass(slots=True)
class Triage:
    facts: Facts
    routes: tuple[Route, ...]
    dispute: Dispute | None
    warnings: tuple[Notice, ...]
    next_step: str
    next_route: RouteId | None
    urgent: Route | None
    """The live route to act on first, if any."""


def _next_step(
    facts: Facts, urgent: Route | None, dispute: Dispute | None
) -> tuple[str, RouteId | None]:
    if dispute is not None and dispute.stage != "closed":
        return dispute.message, RouteId(dispute.reason)
    if urgent is not None:
        return urgent.next_step, urgent.route
    if dispute is not None:
        return WHAT_IS_LEFT, None
    text = NOTHING_LEFT.format(
        paypal=facts.days("paypal_dispute_days"), card=facts.days("chargeback_days")
    )
    return text, None


def triage(case: Case) -> Triage:
    """Everything but the timeline, for `case` on its `today` (the local date when unset)."""
    if case.today is None:
        case = case.with_today(date.today())
    today = case.today
    assert today is not None  # set just above
    facts = facts_for(case, today)
    dispute = dispute_progress(facts)
    routes = judge_routes(facts, dispute)
    urgent = most_urgent(routes)
    next_step, next_route = _next_step(facts, urgent, dispute)
    return Triage(
        facts=facts,
        routes=routes,
        dispute=dispute,
        warnings=collect_warnings(facts, routes, dispute),
        next_step=next_step,
        next_route=next_route,
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
        protection_end_latest=facts.protection_end_latest,
        completed_on=facts.completed_on,
        completed_by=facts.completed_by,
        routes=judged.routes,
        dispute=judged.dispute,
        timeline=build_timeline(facts, judged.routes, judged.dispute),
        warnings=judged.warnings,
        next_step=judged.next_step,
        next_route=judged.next_route,
    )
