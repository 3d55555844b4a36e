"""One call from a Case to the full answer: routes, dispute, timeline, warnings.

The top-level next step is chosen here because it weighs everything else:
an open dispute comes first, then AliExpress's own route to act on first,
then, once AliExpress is done, the payment or consumer-law route. The batch
needs everything but the timeline, so `triage` stops short of it, and it
shows each order's next route, so that a row and the single answer agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculator.assessment import Assessment, Dispute, Notice, Route
from calculator.case import Case
from calculator.dispute import dispute_progress
from calculator.facts import Facts, facts_for
from calculator.i18n import Message
from calculator.routes import (
    NOTHING_LEFT,
    WHAT_IS_LEFT_GUIDE,
    judge_routes,
    most_urgent,
    of_family,
)
from calculator.timeline import build_timeline
from calculator.vocab import OVER, Family, RouteId
from calculator.warnings import closing_first, collect_warnings, warning_ids

__all__ = ["Triage", "assess", "triage"]

ALIEXPRESS_DONE = Message("AliExpress can no longer help with this order. Next: {title}. {step}")
"""{step} is the fallback route's own next step: whole sentences of their own."""


@dataclass(slots=True)
class Triage:
    facts: Facts
    routes: tuple[Route, ...]
    dispute: Dispute | None
    warnings: tuple[Notice, ...]
    """Empty on a lean triage, which has `warning_ids` alone."""
    warning_ids: tuple[str, ...]
    next_step: Message
    next_route: RouteId | None
    next_guide: str
    """The guide page for the next step."""
    fallback: Route | None
    """The payment or law route that closes before AliExpress is likely to decide, if any."""

    @property
    def next(self) -> Route | None:
        """The route the next step comes from: what a batch row shows for the order."""
        if self.next_route is None:
            return None
        # Every route is judged, so the next one is always among them.
        return next(route for route in self.routes if route.route is self.next_route)


def _next_step(
    routes: tuple[Route, ...], dispute: Dispute | None
) -> tuple[Message, RouteId | None, str]:
    """An open dispute first; then AliExpress's own route to act on first; then the fallbacks.

    AliExpress's routes come first while any is live, even when a fallback's day is
    earlier: the fallbacks want AliExpress tried first, and a warning says when one of
    them closes before AliExpress is likely to decide.
    """
    if dispute is not None and dispute.stage not in OVER:
        return dispute.message, dispute.route, dispute.guide
    own = most_urgent(of_family(routes, aliexpress=True))
    if own is not None:
        return own.next_step, own.route, own.guide
    fallback = most_urgent(of_family(routes, aliexpress=False))
    if fallback is not None:
        text = ALIEXPRESS_DONE.format(title=fallback.title, step=fallback.next_step)
        return text, fallback.route, fallback.guide
    return NOTHING_LEFT, None, WHAT_IS_LEFT_GUIDE


def triage(case: Case, *, payment_known: bool = True, lean: bool = False) -> Triage:
    """Everything but the timeline, for `case` on its `today` (the local date when unset).

    With `payment_known` false (a batch row with no payment column), the payment routes
    are judged but never chosen, warned about or ranked by: they would rest on a way of
    paying the reader never gave. `lean` (a batch row) leaves out what a row never shows:
    the rules each route used and the warnings' words.
    """
    if case.today is None:
        case = case.with_today(date.today())
    today = case.today
    assert today is not None  # set just above
    facts = facts_for(case, today)
    dispute = dispute_progress(facts)
    routes = judge_routes(facts, dispute, rules_used=not lean)
    weighed = routes
    if not payment_known:
        weighed = tuple(route for route in routes if route.family is not Family.PAYMENT)
    next_step, next_route, next_guide = _next_step(weighed, dispute)
    first = closing_first(facts, weighed, dispute)
    if lean:
        warnings: tuple[Notice, ...] = ()
        ids = warning_ids(facts, weighed, dispute, first)
    else:
        warnings = collect_warnings(facts, weighed, dispute, first)
        ids = tuple(warning.id for warning in warnings)
    return Triage(
        facts=facts,
        routes=routes,
        dispute=dispute,
        warnings=warnings,
        warning_ids=ids,
        next_step=next_step,
        next_route=next_route,
        next_guide=next_guide,
        fallback=None if first is None else first.route,
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
        completed_on_latest=facts.completed_latest,
        routes=judged.routes,
        dispute=judged.dispute,
        timeline=build_timeline(facts, judged.routes, judged.dispute),
        warnings=judged.warnings,
        next_step=judged.next_step,
        next_route=judged.next_route,
        next_guide=judged.next_guide,
    )
