"""The rule shared by the routes about an item that came but is wrong: the window after
completion.

Completion is the earliest of receipt, confirming receipt, a delivered scan's
automatic completion and the end of protection, so an item that arrives after
protection ended has its window counted from that end, not from its arrival.
"""

from __future__ import annotations

from collections.abc import Callable

from calculator.dates import days
from calculator.facts import Facts
from calculator.routes.base import Verdict, window
from calculator.vocab import Status

__all__ = ["item_rule"]

UNSHIPPED = "Nothing has shipped yet, so there is no item to complain about."
UNSHIPPED_STEP = "Cancel the order instead if you no longer want it."
WAITING = (
    "The item has not arrived; once it does, you have {window} days after the order "
    "completes to open a dispute."
)
WAITING_STEP = "Check the item as soon as it arrives, before you confirm receipt."
MISSING = (
    "Nothing reached you and the order completed on {completed}, so this is a not-received case."
)
MISSING_STEP = "Use the not-received route; if the parcel turns up, enter the day you got it."
OPEN = (
    "The order completed on {completed}, and a dispute is allowed for {window} days after "
    "that, until {closes_on}."
)
CHECK = (
    "With the shortest protection period in use, the order completed on {completed} and the "
    "last day for a dispute was {closes_on}. If your protection was longer, it may still be "
    "open until {latest}: the countdown on your order page decides."
)
CHECK_STEP = "Look at your order page now: if it still offers Return/refund, open it today."
CLOSED = (
    "The {window}-day dispute window after the order completed on {completed} ended on {closes_on}."
)
CLOSED_STEP = (
    "AliExpress no longer takes this dispute; ask the seller directly, then try PayPal, your "
    "card issuer or your consumer rights."
)


def item_rule(open_step: str) -> Callable[[Facts], Verdict]:
    """The judge for one kind of item problem; only the first thing to do differs."""

    def judge(facts: Facts) -> Verdict:
        case = facts.case
        if facts.shipped is None:
            return Verdict(Status.NOT_APPLICABLE, UNSHIPPED, UNSHIPPED_STEP)
        completed = facts.completed_on
        assert completed is not None  # shipped implies a completion day
        uses = ["dispute_window_days"]
        if facts.protection_assumed:
            uses.insert(0, "protection_days")
        window_days = facts.days("dispute_window_days")
        values: dict[str, object] = {"window": window_days, "completed": completed}
        in_hand = [d for d in (case.delivered, case.confirmed) if d is not None]
        if not in_hand:
            if facts.today <= completed and case.tracking_delivered is None:
                return Verdict(
                    Status.NOT_YET, WAITING.format(**values), WAITING_STEP, uses=tuple(uses)
                )
            return Verdict(
                Status.NOT_APPLICABLE, MISSING.format(**values), MISSING_STEP, uses=tuple(uses)
            )
        span = days(window_days)
        closes_on = completed + span
        latest = None if facts.completed_latest is None else facts.completed_latest + span
        values.update(closes_on=closes_on, latest=latest)
        status = window(facts, None, closes_on, latest)
        texts = {
            Status.OPEN: (OPEN, open_step),
            Status.CHECK: (CHECK, CHECK_STEP),
            Status.CLOSED: (CLOSED, CLOSED_STEP),
        }
        reason, step = texts[status]
        return Verdict(
            status,
            reason.format(**values),
            step,
            uses=tuple(uses),
            opens_on=completed,
            act_by=closes_on,
            closes_on=closes_on,
            closes_on_latest=latest,
        )

    return judge
