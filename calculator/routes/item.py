"""The rule shared by the routes about an item that came but is wrong: the window after
completion.

The window counts from the day the order completes, and that day is a fact only
once the reader confirms receipt. With the item in hand and nothing confirmed,
the order completes when a delivered scan's automatic completion or the end of
protection comes, whichever is first; the strictest reading gives the dates
shown and the latest gives the day after which the route is surely over. In
between the route is 'check', in words that say what to look for on the order
page.
"""

from __future__ import annotations

from collections.abc import Callable

from calculator.dates import days
from calculator.facts import Facts
from calculator.i18n import Message
from calculator.routes.base import Verdict, window
from calculator.vocab import CompletedBy, Status

__all__ = ["item_rule"]

UNSHIPPED = Message("Nothing has shipped yet, so there is no item to complain about.")
UNSHIPPED_STEP = Message("Cancel the order instead if you no longer want it.")
WAITING = Message(
    "The item has not arrived; once it does, you have {window} days after the order "
    "completes to open a dispute."
)
WAITING_STEP = Message("Check the item as soon as it arrives, before you confirm receipt.")
MISSING = Message(
    "Nothing reached you and the order completed on {completed}, so this is a not-received case."
)
MISSING_STEP = Message(
    "Use the not-received route; if the parcel turns up, enter the day you got it."
)

# While the window is open, by what completes the order (and whether that day is known).
OPEN = {
    CompletedBy.CONFIRMED: Message(
        "You confirmed receipt on {completed}, which completed the order. A dispute is allowed "
        "for {window} days after that, until {closes_on}."
    ),
    CompletedBy.PROTECTION_END: Message(
        "The order's completion day is {completed}, the end of purchase protection. A dispute "
        "is allowed for {window} days after that, until {closes_on}."
    ),
}
OPEN_RANGE = {
    CompletedBy.DELIVERED: Message(
        "You received the item on {delivered} and have not confirmed receipt, so the order has "
        "not surely completed. If tracking said delivered that day, it completes by itself on "
        "{completed}, and a dispute is allowed until {closes_on}. If your order page still "
        "shows the protection countdown after that, you have until {latest}."
    ),
    CompletedBy.TRACKING_DELIVERED: Message(
        "Tracking said delivered on {scan}, so the order completes by itself {scan_low} to "
        "{scan_high} days later. Counting from the earliest, {completed}, a dispute is allowed "
        "until {closes_on}; if your order page still shows the countdown after that, you have "
        "until {latest}."
    ),
    CompletedBy.PROTECTION_END: Message(
        "With the shortest protection period in use, the order completes on {completed}, and a "
        "dispute is allowed until {closes_on}. If your protection is longer, you have until "
        "{latest}: the countdown on your order page decides."
    ),
}
CHECK = {
    CompletedBy.DELIVERED: Message(
        "You received the item on {delivered} and have not confirmed receipt. If tracking said "
        "delivered that day, the order completed by itself on {completed} and the last day for "
        "a dispute was {closes_on}. If your order page still shows the protection countdown or "
        "offers Return/refund, you have until {latest}."
    ),
    CompletedBy.TRACKING_DELIVERED: Message(
        "Tracking said delivered on {scan}. If the order completed by itself {scan_low} days "
        "later, on {completed}, the last day for a dispute was {closes_on}. If your order page "
        "still shows the countdown or offers Return/refund, you have until {latest}."
    ),
    CompletedBy.PROTECTION_END: Message(
        "With the shortest protection period in use, the order completed on {completed} and the "
        "last day for a dispute was {closes_on}. If your protection was longer, it may still be "
        "open until {latest}: the countdown on your order page decides."
    ),
}
# The completion day is known, but the rule of the order date may have allowed no window
# after it: no source dates when the window began.
OLDER_RULE_OPEN = Message(
    "The order completes on {completed}. Under the rules of your order date a dispute may have "
    "to be opened before that day; later rules allow {window_latest} days more, until {latest}."
)
OLDER_RULE_CHECK = Message(
    "The order completed on {completed}. Under the rules of your order date a dispute may not "
    "be accepted after that day; later rules allow one until {latest}: your order page shows "
    "whether Return/refund is offered."
)
CHECK_STEP = Message(
    "Look at your order page now: if it still offers Return/refund, open it today."
)
CLOSED = Message(
    "The {window}-day dispute window after the order completed on {completed} ended on {closes_on}."
)
CLOSED_LATEST = Message(
    "Even on the latest reading, the order completed on {completed_latest} and the "
    "{window_latest}-day dispute window after it ended on {latest}."
)
CLOSED_STEP = Message(
    "AliExpress no longer takes this dispute; ask the seller directly, then try PayPal, your "
    "card issuer or your consumer rights."
)


def _reason(facts: Facts, status: Status, rule_range: bool) -> Message:
    """The reason's template for a window known to be open, in check, or closed."""
    cause = facts.completed_by
    assert cause is not None  # shipped implies a completion day
    known = facts.completed_latest is None
    if status is Status.CLOSED:
        return CLOSED if known else CLOSED_LATEST
    if known and rule_range:
        return OLDER_RULE_CHECK if status is Status.CHECK else OLDER_RULE_OPEN
    if status is Status.CHECK:
        return CHECK[cause]
    return OPEN[cause] if known else OPEN_RANGE[cause]


def item_rule(open_step: Message) -> Callable[[Facts], Verdict]:
    """The judge for one kind of item problem; only the first thing to do differs."""

    def judge(facts: Facts) -> Verdict:
        case = facts.case
        if facts.shipped is None:
            return Verdict(Status.NOT_APPLICABLE, UNSHIPPED, UNSHIPPED_STEP)
        completed = facts.completed_on
        assert completed is not None  # shipped implies a completion day
        uses = ["dispute_window_days"]
        if facts.protection_assumed and case.confirmed is None:
            uses.insert(0, "protection_days")
        rule = facts.rule("dispute_window_days")
        values: dict[str, object] = {"window": rule.low, "completed": completed}
        in_hand = [d for d in (case.delivered, case.confirmed) if d is not None]
        if not in_hand:
            if facts.today <= completed and case.tracking_delivered is None:
                return Verdict(
                    Status.NOT_YET, WAITING.format(**values), WAITING_STEP, uses=tuple(uses)
                )
            return Verdict(
                Status.NOT_APPLICABLE, MISSING.format(**values), MISSING_STEP, uses=tuple(uses)
            )
        if facts.completed_by in (CompletedBy.DELIVERED, CompletedBy.TRACKING_DELIVERED):
            uses.append("delivered_scan_completion_days")
        # An older rule's window may be shorter than its sources allow: the longest goes
        # with the latest completion.
        closes_on = completed + days(rule.low)
        longest = (facts.completed_latest or completed) + days(rule.high)
        latest = longest if longest > closes_on else None
        scan = facts.rule("delivered_scan_completion_days")
        values.update(
            closes_on=closes_on,
            latest=latest,
            completed_latest=facts.completed_latest or completed,
            window_latest=rule.high,
            delivered=case.delivered,
            scan=case.tracking_delivered,
            scan_low=scan.low,
            scan_high=scan.high,
        )
        status = window(facts, None, closes_on, latest)
        step = {Status.OPEN: open_step, Status.CHECK: CHECK_STEP}.get(status, CLOSED_STEP)
        return Verdict(
            status,
            _reason(facts, status, rule.low < rule.high).format(**values),
            step,
            uses=tuple(uses),
            opens_on=min(*in_hand, completed),
            act_by=closes_on,
            closes_on=closes_on,
            closes_on_latest=latest,
        )

    return judge
