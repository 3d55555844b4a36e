"""Change of mind: free before shipping, then only with a Free Return label (or the
seller's goodwill, at the buyer's cost)."""

from __future__ import annotations

from datetime import date

from calculator.dates import days
from calculator.facts import Facts
from calculator.routes.base import RouteSpec, Verdict, window
from calculator.routes.cancel import cancel_step
from calculator.routes.consumer_law import LAW
from calculator.routes.withdrawal import TITLE as WITHDRAWAL_ROUTE
from calculator.vocab import Family, Region, RouteId, Status

UNSHIPPED = "The order has not shipped, so cancelling it costs nothing."
FREE_OPEN = "The item has a Free Return label, so it can go back free, unused, until {closes_on}."
FREE_STEP = (
    "On the order page choose Return/refund, then Return & refund, pick Free Return, and ship "
    "it within {ship} days of the agreement."
)
FREE_OPEN_RANGE = (
    "The item has a Free Return label, so it can go back free, unused, until {closes_on}; "
    "labels that give the longer period run until {latest}."
)
FREE_CHECK = (
    "The shorter Free Return period ended on {closes_on}; labels that give the longer period "
    "run until {latest}."
)
FREE_CHECK_STEP = (
    "Look at the order page now: if Return/refund still offers Free Return, start it today."
)
FREE_CLOSED = "The Free Return window ended on {latest}."
FREE_CLOSED_STEP = "Ask the seller whether they will take it back at your cost."
FREE_LATER = (
    "The Free Return window starts on delivery; until then a return at your cost needs the "
    "seller's agreement."
)
AT_COST = (
    "Without a Free Return label, a return because you changed your mind is at your cost and "
    "needs the seller's agreement."
)
ASK_SELLER = "Ask the seller whether they will take it back."
AT_COST_STEP = {
    Region.US: ASK_SELLER,
    Region.OTHER: (
        ASK_SELLER + " Your country's consumer law may also let you withdraw: choose your region "
        "to see."
    ),
}
LAW_STEP = ASK_SELLER + " {law} also lets you withdraw without a reason: see {route} below."


def _free_return(facts: Facts, in_hand: date) -> Verdict:
    """Labels give the shorter or the longer period: the item page says which, not us."""
    period = facts.rule("free_return_days")
    closes_on = in_hand + days(period.low)
    longest = in_hand + days(period.high)
    latest = longest if longest > closes_on else None
    status = window(facts, None, closes_on, latest)
    texts = {
        Status.OPEN: (FREE_OPEN if latest is None else FREE_OPEN_RANGE, FREE_STEP),
        Status.CHECK: (FREE_CHECK, FREE_CHECK_STEP),
        Status.CLOSED: (FREE_CLOSED, FREE_CLOSED_STEP),
    }
    reason, step = texts[status]
    values = {"closes_on": closes_on, "latest": latest or closes_on}
    return Verdict(
        status,
        reason.format(**values),
        step.format(ship=facts.days("return_ship_days")),
        uses=("free_return_days", "return_ship_days"),
        opens_on=in_hand,
        act_by=closes_on,
        closes_on=closes_on,
        closes_on_latest=latest,
        guide="refunds/returns/",
    )


def judge(facts: Facts) -> Verdict:
    case = facts.case
    if facts.shipped is None:
        return Verdict(
            Status.OPEN,
            UNSHIPPED,
            cancel_step(facts),
            uses=("cancel_seller_response_hours",),
            opens_on=case.order_date,
        )
    in_hand = case.delivered or case.confirmed
    if in_hand is not None and case.free_return:
        return _free_return(facts, in_hand)
    # The law's own period is the withdrawal route's to state, once, on its own card.
    law = LAW.get(case.region)
    step = (
        AT_COST_STEP[case.region]
        if law is None
        else LAW_STEP.format(law=law, route=f"\u201c{WITHDRAWAL_ROUTE}\u201d")
    )
    return Verdict(
        Status.NOT_APPLICABLE,
        FREE_LATER if case.free_return else AT_COST,
        step,
        uses=("free_return_days",),
        guide="refunds/returns/",
    )


ROUTE = RouteSpec(
    RouteId.CHANGE_OF_MIND,
    "Change of mind",
    Family.ALIEXPRESS,
    "refunds/change-of-mind/",
    judge,
    one_per_order=True,
)
