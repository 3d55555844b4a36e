"""Every key date of the order as one ordered list, the backbone of the calendar file.

Events on the same day keep the order in which they happen in real life
(an order is placed before it ships), so the list reads as a story.
"""

from __future__ import annotations

from calculator.assessment import Dispute, Event
from calculator.dates import days
from calculator.facts import Facts
from calculator.policy import POLICY
from calculator.warnings import earliest_dispute_day

__all__ = ["DEADLINE_KINDS", "KINDS", "build_timeline"]

# Kinds in real-life order; it breaks ties between events on the same day.
KINDS = (
    "order_placed",
    "shipped",
    "earliest_dispute",
    "delivered",
    "dispute_opened",
    "seller_replied",
    "refund_approved",
    "ask_extension",
    "seller_reply_due",
    "free_return_deadline",
    "dispute_deadline",
    "protection_end",
    "refund_expected_by",
)
# Kinds that are something to act on or wait for, rather than a record of the past.
DEADLINE_KINDS = frozenset(
    {
        "earliest_dispute",
        "ask_extension",
        "seller_reply_due",
        "free_return_deadline",
        "dispute_deadline",
        "protection_end",
        "refund_expected_by",
    }
)
_RANK = {kind: index for index, kind in enumerate(KINDS)}


def build_timeline(facts: Facts, dispute: Dispute | None) -> tuple[Event, ...]:
    case = facts.case
    events = [Event(case.order_date, "order_placed", "Order placed")]
    shipped, delivered, end = facts.shipped, facts.delivered, facts.protection_end
    if shipped is not None:
        events.append(Event(shipped, "shipped", "Seller shipped the order"))
    if shipped is not None and end is not None and delivered is None:
        events.append(
            Event(
                earliest_dispute_day(shipped),
                "earliest_dispute",
                "First day AliExpress reliably accepts a not-received dispute",
            )
        )
        if case.dispute_opened is None:
            ask = max(shipped, end - days(POLICY.days("extension_request_days")))
            events.append(
                Event(
                    ask, "ask_extension", "Ask the seller to extend protection if still in transit"
                )
            )
    if end is not None and (delivered is None or delivered > end):
        events.append(Event(end, "protection_end", "Purchase protection ends"))
    if delivered is not None and facts.completed_on is not None:
        events.append(Event(delivered, "delivered", "Item delivered"))
        window_end = facts.completed_on + days(POLICY.days("dispute_window_days"))
        events.append(
            Event(window_end, "dispute_deadline", "Last day to open a dispute about the item")
        )
        if case.free_return:
            events.append(
                Event(
                    delivered + days(POLICY.days("free_return_days")),
                    "free_return_deadline",
                    "Last day to request a Free Return",
                )
            )
    if dispute is not None:
        events.append(Event(dispute.opened, "dispute_opened", "Dispute opened"))
        if case.seller_replied is None:
            events.append(
                Event(dispute.seller_reply_due, "seller_reply_due", "Seller's last day to answer")
            )
        else:
            events.append(Event(case.seller_replied, "seller_replied", "Seller answered"))
        if case.refund_approved is not None and dispute.refund_expected_by is not None:
            events.append(Event(case.refund_approved, "refund_approved", "Refund approved"))
            events.append(
                Event(
                    dispute.refund_expected_by,
                    "refund_expected_by",
                    "Refund should have arrived; chase it after this day",
                )
            )
    events.sort(key=lambda e: (e.date, _RANK[e.kind]))
    return tuple(events)
