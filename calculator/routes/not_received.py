"""Item not received: a dispute from the earliest day AliExpress accepts one until the
window after the order completes.

The end of purchase protection is not the end of this route: the order then
completes by itself and a dispute is still accepted for the window after it.
For a slow parcel that window is the normal way, since AliExpress often
refuses a not-received dispute while tracking still moves.
"""

from __future__ import annotations

from calculator.dates import days
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict, window
from calculator.vocab import CompletedBy, Family, RouteId, Status

UNSHIPPED = Message("Nothing has shipped yet, so nothing can be missing in transit.")
UNSHIPPED_STEP = Message("Cancel the order instead, or wait for the seller to ship it.")
ARRIVED = Message("The order arrived on {delivered}, so it was received.")
ARRIVED_STEP = Message(
    "If something is wrong with the item, use the not-as-described or damaged route."
)
TOO_EARLY = Message(
    "AliExpress usually refuses a not-received dispute before {opens_on}, unless delivery "
    "was promised within a few days. Purchase protection lasts until {end}."
)
TOO_EARLY_ASSUMED = Message(
    "AliExpress usually refuses a not-received dispute before {opens_on}, unless delivery "
    "was promised within a few days. Purchase protection lasts until {end} (the shortest "
    "period in use; your order page shows the real countdown)."
)
TOO_EARLY_STEP = Message(
    "Watch the tracking and message the seller if it stops moving; from {opens_on} you can "
    "open a dispute."
)
RUNNING = Message(
    "Purchase protection lasts until {end}. Then the order completes by itself, and "
    "AliExpress still accepts a not-received dispute until {closes_on}."
)
RUNNING_ASSUMED = Message(
    "Purchase protection lasts until {end} (the shortest period in use; your order page "
    "shows the real countdown). Then the order completes by itself, and AliExpress still "
    "accepts a not-received dispute until {closes_on}."
)
RUNNING_STEP = Message(
    "If tracking has stopped moving, message the seller, then open a dispute (Return/refund, "
    "then Refund only) by {act_by}. If the parcel is still moving, ask the seller to extend "
    "protection before {act_by}."
)
ENDED = Message(
    "Purchase protection ended on {end}, and the order completed that day. AliExpress still "
    "accepts a not-received dispute until {closes_on}: open it at once."
)
ENDED_STEP = Message(
    "Open a not-received dispute today (Return/refund, then Refund only) with the tracking "
    "page as evidence."
)
SCAN = Message(
    "Tracking said delivered on {scan}, so the order completes by itself on {completed}, "
    "{scan_low} days later. AliExpress accepts a not-received dispute until {closes_on}."
)
SCAN_RANGE = Message(
    "Tracking said delivered on {scan}, so the order completes by itself {scan_low} to "
    "{scan_high} days later. Counting from the earliest, {completed}, AliExpress accepts a "
    "not-received dispute until {closes_on}; if your order page still shows the countdown "
    "after that, you have until {latest}."
)
SCAN_STEP = Message(
    "Ask the carrier for proof of delivery (a photo, a signature or the GPS point) and check "
    "with neighbours and pick-up points, then open a not-received dispute by {act_by}."
)
CONFIRMED = Message(
    "You confirmed receipt on {confirmed}, which completed the order. AliExpress still "
    "accepts a dispute until {closes_on}."
)
CONFIRMED_STEP = Message(
    "If nothing came, open a not-received dispute today, say the confirmation was a mistake, "
    "and add the tracking page."
)
CHECK = Message(
    "With the shortest protection period in use, the order completed on {completed} and the "
    "last day for a dispute was {closes_on}. If your protection was longer, it may still be "
    "open until {latest}: the countdown on your order page decides."
)
CHECK_OLDER_RULE = Message(
    "The order completed on {completed}. Under the rules of your order date a dispute may not "
    "be accepted after that day; later rules allow one until {latest}: your order page shows "
    "whether Return/refund is offered."
)
CHECK_SCAN = Message(
    "Tracking said delivered on {scan}. If the order completed by itself {scan_low} days "
    "later, on {completed}, the last day for a not-received dispute was {closes_on}. If your "
    "order page still shows the countdown or offers Return/refund, you have until {latest}."
)
CHECK_STEP = Message(
    "Look at your order page now: if it still offers Return/refund, open a not-received "
    "dispute today."
)
CLOSED = Message(
    "The last day to open a not-received dispute was {final_day}, {window} days after the "
    "order completed on {final_completed}, even on the latest reading."
)
CLOSED_STEP = Message(
    "AliExpress no longer takes this dispute; ask the seller directly, then try PayPal, your "
    "card issuer or your consumer rights."
)


def _live(facts: Facts) -> tuple[Message, Message]:
    """Reason and next step while a dispute is still accepted, by what completes the order."""
    cause = facts.completed_by
    if cause is CompletedBy.CONFIRMED:
        return CONFIRMED, CONFIRMED_STEP
    if cause is CompletedBy.TRACKING_DELIVERED:
        return (SCAN if facts.completed_latest is None else SCAN_RANGE), SCAN_STEP
    assert facts.completed_on is not None  # shipped implies a completion day
    if facts.today <= facts.completed_on:
        return RUNNING, RUNNING_STEP
    return ENDED, ENDED_STEP


_ASSUMED = {TOO_EARLY.id: TOO_EARLY_ASSUMED, RUNNING.id: RUNNING_ASSUMED}
_SETTLED = {
    Status.NOT_YET: (TOO_EARLY, TOO_EARLY_STEP),
    Status.CHECK: (CHECK, CHECK_STEP),
    Status.CLOSED: (CLOSED, CLOSED_STEP),
}


def judge(facts: Facts) -> Verdict:
    case = facts.case
    if facts.shipped is None:
        return Verdict(Status.NOT_APPLICABLE, UNSHIPPED, UNSHIPPED_STEP)
    if case.delivered is not None:
        return Verdict(
            Status.NOT_APPLICABLE, ARRIVED.format(delivered=case.delivered), ARRIVED_STEP
        )
    completed, end = facts.completed_on, facts.protection_end
    assert completed is not None and end is not None  # shipped implies both
    period = facts.rule("dispute_window_days")
    opens_on = min(facts.shipped + days(facts.days("earliest_dispute_day")), completed)
    closes_on = completed + days(period.low)
    longest = (facts.completed_latest or completed) + days(period.high)
    latest = longest if longest > closes_on else None
    uses = ["dispute_window_days", "earliest_dispute_day"]
    if facts.protection_assumed:
        uses.insert(0, "protection_days")
    if facts.scan_completion is not None:
        uses.append("delivered_scan_completion_days")
    status = window(facts, opens_on, closes_on, latest)
    values: dict[str, object] = {
        "opens_on": opens_on,
        "end": end,
        "closes_on": closes_on,
        "act_by": completed,
        "completed": completed,
        "latest": latest,
        "final_day": latest or closes_on,
        "final_completed": facts.completed_latest or completed,
        "scan": case.tracking_delivered,
        "scan_low": facts.rule("delivered_scan_completion_days").low,
        "scan_high": facts.rule("delivered_scan_completion_days").high,
        "confirmed": case.confirmed,
        "window": period.high,
    }
    if status is Status.CHECK and facts.completed_latest is None:
        reason, step = CHECK_OLDER_RULE, CHECK_STEP
    elif status is Status.CHECK and facts.completed_by is CompletedBy.TRACKING_DELIVERED:
        reason, step = CHECK_SCAN, CHECK_STEP
    else:
        reason, step = _SETTLED[status] if status in _SETTLED else _live(facts)
    if facts.protection_assumed:
        # The end of protection is the shortest period's: the sentence says so, whole.
        reason = _ASSUMED.get(reason.id, reason)
    return Verdict(
        status,
        reason.format(**values),
        step.format(**values),
        uses=tuple(uses),
        opens_on=opens_on,
        act_by=completed,
        closes_on=closes_on,
        closes_on_latest=latest,
        guide=Guide.TIME_LIMITS if status is Status.CHECK else None,
    )


ROUTE = RouteSpec(
    RouteId.NOT_RECEIVED,
    Message("Item not received", context="route"),
    Family.ALIEXPRESS,
    Guide.NOT_RECEIVED,
    judge,
    one_per_order=True,
)
