"""Change of mind: free before shipping, then only with a Free Return label (or the
seller's goodwill, at the buyer's cost)."""

from __future__ import annotations

from calculator.dates import days
from calculator.facts import Facts
from calculator.routes.base import RouteSpec, Verdict, window
from calculator.routes.cancel import cancel_step
from calculator.vocab import Family, RouteId, Status

UNSHIPPED = "The order has not shipped, so cancelling it costs nothing."
FREE_OPEN = "The item has a Free Return label, so it can go back free, unused, until {closes_on}."
FREE_STEP = (
    "On the order page choose Return/refund, then Return & refund, pick Free Return, and ship "
    "it within {ship} days of the agreement."
)
FREE_CLOSED = "The Free Return window ended on {closes_on}."
FREE_CLOSED_STEP = "Ask the seller whether they will take it back at your cost."
FREE_LATER = (
    "The Free Return window starts on delivery; until then a return at your cost needs the "
    "seller's agreement."
)
AT_COST = (
    "Without a Free Return label, a return because you changed your mind is at your cost and "
    "needs the seller's agreement."
)
AT_COST_STEP = (
    "Ask the seller whether they will take it back; in the EU you may also withdraw within "
    "{withdrawal} days of receipt."
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
        closes_on = in_hand + days(facts.days("free_return_days"))
        status = window(facts, None, closes_on)
        open_now = status is Status.OPEN
        return Verdict(
            status,
            (FREE_OPEN if open_now else FREE_CLOSED).format(closes_on=closes_on),
            FREE_STEP.format(ship=facts.days("return_ship_days")) if open_now else FREE_CLOSED_STEP,
            uses=("free_return_days", "return_ship_days"),
            opens_on=in_hand,
            act_by=closes_on,
            closes_on=closes_on,
            guide="refunds/returns/",
        )
    return Verdict(
        Status.NOT_APPLICABLE,
        FREE_LATER if case.free_return else AT_COST,
        AT_COST_STEP.format(withdrawal=facts.days("eu_withdrawal_days")),
        uses=("free_return_days", "eu_withdrawal_days"),
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
