"""Change of mind: free before shipping, then only with a Free Return label (or the
seller's goodwill, at the buyer's cost)."""

from __future__ import annotations

from datetime import date

from calculator.dates import days
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict, window
from calculator.routes.cancel import cancel_step
from calculator.routes.withdrawal import TITLE as WITHDRAWAL_ROUTE
from calculator.vocab import Family, Region, RouteId, Status

UNSHIPPED = Message("The order has not shipped, so cancelling it costs nothing.")
FREE_OPEN = Message(
    "The item has a Free Return label, so it can go back free, unused, until {closes_on}."
)
FREE_STEP = Message(
    "On the order page choose Return/refund, then Return & refund, pick Free Return, and ship "
    "it within {ship} days of the agreement."
)
FREE_OPEN_RANGE = Message(
    "The item has a Free Return label, so it can go back free, unused, until {closes_on}; "
    "labels that give the longer period run until {latest}."
)
FREE_CHECK = Message(
    "The shorter Free Return period ended on {closes_on}; labels that give the longer period "
    "run until {latest}."
)
FREE_CHECK_STEP = Message(
    "Look at the order page now: if Return/refund still offers Free Return, start it today."
)
FREE_CLOSED = Message("The Free Return window ended on {latest}.")
FREE_CLOSED_STEP = Message("Ask the seller whether they will take it back at your cost.")
FREE_LATER = Message(
    "The Free Return window starts on delivery; until then a return at your cost needs the "
    "seller's agreement."
)
AT_COST = Message(
    "Without a Free Return label, a return because you changed your mind is at your cost and "
    "needs the seller's agreement."
)
# The law's own period is the withdrawal route's to state, once, on its own card: each
# region's step names that card ({route}).
AT_COST_STEP = {
    Region.EU: Message(
        "Ask the seller whether they will take it back. EU law also lets you withdraw without "
        "a reason: see \u201c{route}\u201d below."
    ),
    Region.UK: Message(
        "Ask the seller whether they will take it back. UK law also lets you withdraw without "
        "a reason: see \u201c{route}\u201d below."
    ),
    Region.BR: Message(
        "Ask the seller whether they will take it back. Brazil's consumer code also lets you "
        "withdraw without a reason: see \u201c{route}\u201d below."
    ),
    Region.KR: Message(
        "Ask the seller whether they will take it back. Korea's E-Commerce Act also lets you "
        "withdraw without a reason: see \u201c{route}\u201d below."
    ),
    Region.US: Message("Ask the seller whether they will take it back."),
    Region.OTHER: Message(
        "Ask the seller whether they will take it back. Your country's consumer law may also "
        "let you withdraw: choose your region to see."
    ),
}


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
        guide=Guide.RETURNS,
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
    return Verdict(
        Status.NOT_APPLICABLE,
        FREE_LATER if case.free_return else AT_COST,
        AT_COST_STEP[case.region].format(route=WITHDRAWAL_ROUTE),
        uses=("free_return_days",),
        guide=Guide.RETURNS,
    )


ROUTE = RouteSpec(
    RouteId.CHANGE_OF_MIND,
    Message("Change of mind", context="route"),
    Family.ALIEXPRESS,
    Guide.CHANGE_OF_MIND,
    judge,
    one_per_order=True,
)
