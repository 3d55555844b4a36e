"""Every way to get the money back, one module each, and the registry that runs them.

A new route is one module with a `ROUTE` and one line in `ROUTES`; the
registry adds what all routes share: days left, the rules used with their
sources, and what an open dispute changes (AliExpress takes one refund
request per order, so the open one stands in for the others).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from calculator.assessment import Dispute, PolicyUse, Route
from calculator.facts import Facts
from calculator.i18n import Message
from calculator.policy import Entry
from calculator.routes import (
    cancel,
    change_of_mind,
    chargeback,
    damaged,
    legal_guarantee,
    not_as_described,
    not_received,
    paypal,
    withdrawal,
)
from calculator.routes.base import RouteSpec
from calculator.routes.request import WHAT_IS_LEFT, WHAT_IS_LEFT_GUIDE, after_request
from calculator.vocab import Family, RouteId, Status

__all__ = [
    "LIVE",
    "NOTHING_LEFT",
    "REGISTRY",
    "ROUTES",
    "WHAT_IS_LEFT",
    "WHAT_IS_LEFT_GUIDE",
    "judge_routes",
    "most_urgent",
    "of_family",
]

ROUTES: tuple[RouteSpec, ...] = (
    cancel.ROUTE,
    not_received.ROUTE,
    not_as_described.ROUTE,
    damaged.ROUTE,
    change_of_mind.ROUTE,
    paypal.ROUTE,
    chargeback.ROUTE,
    withdrawal.ROUTE,
    legal_guarantee.ROUTE,
)
REGISTRY: dict[RouteId, RouteSpec] = {spec.id: spec for spec in ROUTES}
_ORDER = {spec.id: index for index, spec in enumerate(ROUTES)}

LIVE = frozenset({Status.OPEN, Status.CHECK, Status.IN_DISPUTE, Status.NOT_YET})
"""Statuses of a route the reader still has: something to do or to wait for."""

NOTHING_LEFT = Message(
    "Nothing is open any more: AliExpress's routes have closed, and no payment or "
    "consumer-law route is left for this order. The guide's page on other routes says what "
    "may still help, such as a consumer body in your country."
)


_USES: dict[int, PolicyUse] = {}
_POLICIES: dict[tuple[int, tuple[str, ...]], tuple[Mapping[str, Entry], tuple[PolicyUse, ...]]] = {}


def _policy(rules: Mapping[str, Entry], uses: tuple[str, ...]) -> tuple[PolicyUse, ...]:
    """The rules a verdict used, as shown; orders whose rules are the same share the tuple.

    The cache holds each rule table it was keyed on, so no key can outlive its table.
    """
    key = (id(rules), uses)
    cached = _POLICIES.get(key)
    if cached is None:
        cached = _POLICIES[key] = (rules, tuple(_use(rules[entry_id]) for entry_id in uses))
    return cached[1]


def _use(entry: Entry) -> PolicyUse:
    """One PolicyUse per rule version, shared by every answer: versions live as long as POLICY."""
    use = _USES.get(id(entry))
    if use is None:
        use = _USES[id(entry)] = PolicyUse(entry)
    return use


def judge_routes(
    facts: Facts, dispute: Dispute | None, *, rules_used: bool = True
) -> tuple[Route, ...]:
    """Every route, in ROUTES order, with what all routes share added to its verdict.

    A batch row shows no rule, so with `rules_used` false each route's `policy` is left
    empty: the batch judges nine routes per order and this is its inner loop.
    """
    routes = []
    today = facts.today
    for spec in ROUTES:
        verdict = spec.judge(facts)
        if dispute is not None and spec.one_per_order:
            verdict = after_request(facts, spec, verdict, dispute, REGISTRY[dispute.route].title)
        status, closes_on = verdict.status, verdict.closes_on
        routes.append(
            Route(
                spec.id,
                spec.title,
                spec.family,
                status,
                verdict.opens_on,
                verdict.act_by,
                closes_on,
                verdict.closes_on_latest,
                # Days left: only while open, to the last day.
                (closes_on - today).days
                if status is Status.OPEN and closes_on is not None
                else None,
                verdict.reason,
                verdict.next_step,
                verdict.guide or spec.guide,
                _policy(facts.rules, verdict.uses) if rules_used else (),
                spec.decider,
            )
        )
    return tuple(routes)


def _urgency(route: Route) -> tuple[date, date, bool, int]:
    return (
        route.act_by or date.max,
        route.closes_on or date.max,
        route.status is Status.NOT_YET,
        _ORDER[route.route],
    )


def most_urgent(routes: tuple[Route, ...]) -> Route | None:
    """The live route to act on first: the earliest day to act by, then the earliest last day.

    A route not yet open counts too, so that waiting for it is still the answer.
    """
    live = [route for route in routes if route.status in LIVE]
    return min(live, key=_urgency, default=None)


def of_family(routes: tuple[Route, ...], aliexpress: bool) -> tuple[Route, ...]:
    """AliExpress's own routes, or (`aliexpress=False`) the fallbacks: payment and law."""
    own = Family.ALIEXPRESS
    return tuple([r for r in routes if (r.family is own) is aliexpress])
