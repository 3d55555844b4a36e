"""The five refund routes and the rule that decides each one's status and last day.

Each rule names the policy entries it used, so the guide can show the
sources behind any date the calculator gives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from calculator.assessment import Route
from calculator.dates import days
from calculator.facts import Facts
from calculator.policy import POLICY

__all__ = ["judge_routes", "most_urgent"]

_TITLES = {
    "cancel": "Cancel the order",
    "not_received": "Item not received",
    "not_as_described": "Item not as described",
    "damaged": "Item arrived damaged",
    "change_of_mind": "Change of mind",
}
_GUIDES = {
    "cancel": "refunds/cancel/",
    "not_received": "refunds/not-received/",
    "not_as_described": "refunds/not-as-described/",
    "damaged": "refunds/damaged/",
    "change_of_mind": "refunds/change-of-mind/",
}


_WINDOW = POLICY.days("dispute_window_days")
_WINDOW_SPAN = days(_WINDOW)
_FREE_RETURN = days(POLICY.days("free_return_days"))
_RETURN_SHIP = POLICY.days("return_ship_days")
_WITHDRAWAL = POLICY.days("eu_withdrawal_days")
_CANCEL_STEP = (
    "Request cancellation on the order page; if the seller does not answer within "
    f"{POLICY.days('cancel_seller_response_hours')} hours, the order cancels by itself."
)


def _route(
    facts: Facts,
    route_id: str,
    status: str,
    reason: str,
    next_step: str,
    *,
    policy: tuple[str, ...],
    opens_on: date | None = None,
    closes_on: date | None = None,
    guide: str | None = None,
) -> Route:
    days_left = None
    if status == "open" and closes_on is not None:
        days_left = (closes_on - facts.today).days
    return Route(
        route=route_id,
        title=_TITLES[route_id],
        status=status,
        opens_on=opens_on,
        closes_on=closes_on,
        days_left=days_left,
        reason=reason,
        next_step=next_step,
        guide=guide or _GUIDES[route_id],
        policy=policy,
    )


def _window(today: date, closes_on: date) -> str:
    return "open" if today <= closes_on else "closed"


def _protection_ids(facts: Facts) -> tuple[str, ...]:
    return ("protection_days",) if facts.case.protection_end is None else ()


def cancel(facts: Facts) -> Route:
    order = facts.case.order_date
    if facts.shipped is None:
        return _route(
            facts,
            "cancel",
            "open",
            "The order has not shipped, so it can still be cancelled.",
            _CANCEL_STEP,
            policy=("cancel_seller_response_hours",),
            opens_on=order,
        )
    return _route(
        facts,
        "cancel",
        "closed",
        f"The seller shipped the order on {facts.shipped}, so it can no longer be cancelled.",
        "Wait for the parcel; if it does not come or is wrong, a dispute is the way.",
        policy=(),
        opens_on=order,
    )


def not_received(facts: Facts) -> Route:
    route_id = "not_received"
    if facts.shipped is None:
        return _route(
            facts,
            route_id,
            "not_applicable",
            "Nothing has shipped yet, so nothing can be missing in transit.",
            "Cancel the order instead, or wait for the seller to ship it.",
            policy=(),
        )
    if facts.delivered is not None:
        return _route(
            facts,
            route_id,
            "not_applicable",
            f"The order arrived on {facts.delivered}, so it was received.",
            "If something is wrong with the item, use the not-as-described or damaged route.",
            policy=(),
        )
    protection_end = facts.protection_end
    assert protection_end is not None  # shipped implies P
    window = _WINDOW
    ids = (*_protection_ids(facts), "dispute_window_days", "earliest_dispute_day")
    if facts.today <= protection_end:
        return _route(
            facts,
            route_id,
            "open",
            f"Purchase protection lasts until {protection_end}, and a not-received "
            "dispute can be opened until that day.",
            "If tracking has stopped moving, message the seller, then open a "
            f"not-received dispute by {protection_end}; if the parcel is still moving, "
            "ask the seller to extend protection.",
            policy=ids,
            opens_on=facts.shipped,
            closes_on=protection_end,
        )
    opened = facts.case.dispute_opened
    if opened is not None and opened <= protection_end:
        return _route(
            facts,
            route_id,
            "closed",
            f"Purchase protection ended on {protection_end}, but the dispute opened on "
            f"{opened} was in time and keeps the claim alive.",
            "Follow the dispute through to its end; do not close it on a promise.",
            policy=ids,
            opens_on=facts.shipped,
            closes_on=protection_end,
            guide="disputes/",
        )
    return _route(
        facts,
        route_id,
        "closed",
        f"Purchase protection ended on {protection_end}; AliExpress may still accept "
        f"a dispute within {window} days after the order completes, so try at once.",
        "Open a not-received dispute today with your tracking evidence; if AliExpress "
        "refuses it, turn to PayPal or your card issuer.",
        policy=ids,
        opens_on=facts.shipped,
        closes_on=protection_end,
        guide="refunds/time-limits/",
    )


_ITEM_STEPS = {
    "not_as_described": (
        "Photograph or film the item next to the listing, message the seller, "
        "then open a not-as-described dispute."
    ),
    "damaged": (
        "Photograph the damage and the packaging, message the seller, then open "
        "a dispute for a damaged item."
    ),
}


def _item_problem(facts: Facts, route_id: str) -> Route:
    """Not as described and damaged share one rule: the window after completion."""
    window = _WINDOW
    ids = (*_protection_ids(facts), "dispute_window_days")
    if facts.shipped is None:
        return _route(
            facts,
            route_id,
            "not_applicable",
            "Nothing has shipped yet, so there is no item to complain about.",
            "Cancel the order instead if you no longer want it.",
            policy=(),
        )
    protection_end = facts.protection_end
    assert protection_end is not None  # shipped implies P
    completed = facts.completed_on
    if completed is None:
        if facts.today <= protection_end:
            return _route(
                facts,
                route_id,
                "not_yet",
                f"The item has not arrived; once it does, you have {window} days "
                "after the order completes to open a dispute.",
                "Check the item as soon as it arrives, before confirming receipt.",
                policy=ids,
            )
        return _route(
            facts,
            route_id,
            "not_applicable",
            f"Purchase protection ended on {protection_end} with no delivery, so "
            "this is a not-received case.",
            "Use the not-received route.",
            policy=ids,
        )
    closes_on = completed + _WINDOW_SPAN
    status = _window(facts.today, closes_on)
    if status == "open":
        reason = (
            f"The order completed on {completed}, and a dispute is allowed for "
            f"{window} days after that, until {closes_on}."
        )
        step = _ITEM_STEPS[route_id]
    else:
        reason = (
            f"The {window}-day dispute window after the order completed on "
            f"{completed} ended on {closes_on}."
        )
        step = (
            "AliExpress no longer takes this dispute; ask the seller directly, then "
            "try PayPal, your card issuer or your consumer rights."
        )
    return _route(
        facts,
        route_id,
        status,
        reason,
        step,
        policy=ids,
        opens_on=completed,
        closes_on=closes_on,
    )


def not_as_described(facts: Facts) -> Route:
    return _item_problem(facts, "not_as_described")


def damaged(facts: Facts) -> Route:
    return _item_problem(facts, "damaged")


def change_of_mind(facts: Facts) -> Route:
    route_id = "change_of_mind"
    if facts.shipped is None:
        return _route(
            facts,
            route_id,
            "open",
            "The order has not shipped, so cancelling it costs nothing.",
            _CANCEL_STEP,
            policy=("cancel_seller_response_hours",),
            opens_on=facts.case.order_date,
        )
    withdrawal = _WITHDRAWAL
    delivered = facts.delivered
    if delivered is not None and facts.case.free_return:
        closes_on = delivered + _FREE_RETURN
        ids = ("free_return_days", "return_ship_days")
        if facts.today <= closes_on:
            return _route(
                facts,
                route_id,
                "open",
                "The item has a Free Return label, so it can go back free, unused, "
                f"until {closes_on}.",
                "Request a return on the order page, choose Free Return, then ship it "
                f"within {_RETURN_SHIP} days of the agreement.",
                policy=ids,
                opens_on=delivered,
                closes_on=closes_on,
                guide="refunds/returns/",
            )
        return _route(
            facts,
            route_id,
            "closed",
            f"The Free Return window ended on {closes_on}.",
            "Ask the seller whether they will take it back at your cost.",
            policy=ids,
            opens_on=delivered,
            closes_on=closes_on,
            guide="refunds/returns/",
        )
    if facts.case.free_return:
        reason = (
            "The Free Return window starts on delivery; until then a return at your "
            "cost needs the seller's agreement."
        )
    else:
        reason = (
            "Without a Free Return label, a return because you changed your mind is "
            "at your cost and needs the seller's agreement."
        )
    return _route(
        facts,
        route_id,
        "not_applicable",
        reason,
        "Ask the seller whether they will take it back; in the EU you may also "
        f"withdraw within {withdrawal} days of receipt.",
        policy=("free_return_days", "eu_withdrawal_days"),
        guide="refunds/returns/",
    )


RULES: tuple[Callable[[Facts], Route], ...] = (
    cancel,
    not_received,
    not_as_described,
    damaged,
    change_of_mind,
)


def judge_routes(facts: Facts) -> tuple[Route, ...]:
    return tuple(rule(facts) for rule in RULES)


def most_urgent(routes: tuple[Route, ...]) -> Route | None:
    """The open route that closes first; an open route with no fixed end comes after."""
    best: Route | None = None
    for route in routes:
        if route.status != "open":
            continue
        if best is None or (
            route.closes_on is not None
            and (best.closes_on is None or route.closes_on < best.closes_on)
        ):
            best = route
    return best
