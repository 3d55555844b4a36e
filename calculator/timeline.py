"""Every key date of the order and of every route as one ordered list, the backbone of
the calendar file.

Events on the same day keep the order in which they happen in real life
(an order is placed before it ships), so the list reads as a story. Each live
route adds its own dates, so no deadline can be in an answer and missing here.
"""

from __future__ import annotations

from calculator import dispute as dispute_words
from calculator.assessment import Dispute, Event, Route
from calculator.case import Case
from calculator.dates import days
from calculator.facts import Facts
from calculator.i18n import Message
from calculator.routes import LIVE
from calculator.vocab import DECIDED, CompletedBy, EventKind, Family, Status

__all__ = ["DEADLINE_KINDS", "build_timeline"]

DEADLINE_KINDS = frozenset(
    {
        EventKind.OPENS_ON,
        EventKind.ASK_EXTENSION,
        EventKind.SELLER_REPLY_DUE,
        EventKind.RETURN_SHIP_BY,
        EventKind.ACT_BY,
        EventKind.PROTECTION_END,
        EventKind.ORDER_COMPLETES,
        EventKind.CLOSES_ON,
        EventKind.CLOSES_ON_LATEST,
        EventKind.REFUND_EXPECTED_BY,
    }
)
"""Kinds that are something to act on or wait for, rather than a record of the past."""
_RANK = {kind: index for index, kind in enumerate(EventKind)}

COMPLETES = {
    CompletedBy.CONFIRMED: Message("Order completed: receipt confirmed"),
    CompletedBy.DELIVERED: Message(
        "Earliest day the order completes by itself, if tracking said delivered when it came"
    ),
    CompletedBy.TRACKING_DELIVERED: Message("Order completes by itself after the delivered scan"),
}
OPENS = Message("From this day: {title}")
ACT_BY = Message("Best day to act: {title}")
CLOSES = Message("Last day: {title}")
LATEST = Message("Latest possible last day, if the order completes later: {title}")
LATEST_ELSEWHERE = Message("Latest possible last day, if the longer limit applies: {title}")
SHIP_RETURN = Message("Last day to ship the return, or the money goes to the seller")
PAID = Message("Paid", context="timeline")
ORDER_PLACED = Message("Order placed", context="timeline")
SHIPPED = Message("Seller shipped the order", context="timeline")
TRACKING_DELIVERED = Message("Tracking said delivered", context="timeline")
DELIVERED = Message("Item received", context="timeline")
CONFIRMED = Message("Receipt confirmed", context="timeline")
PROTECTION_ENDS = Message("Purchase protection ends", context="timeline")
PROTECTION_ENDS_ASSUMED = Message(
    "Purchase protection ends (shortest period in use; check your order page)",
    context="timeline",
)
ASK_EXTENSION = Message(
    "Ask the seller to extend protection if still in transit", context="timeline"
)
# The dispute's own days, in the words its steps use (calculator.dispute).
DISPUTE_OPENED = dispute_words.OPENED
SELLER_ANSWERED = dispute_words.SELLER_ANSWERED
SELLER_DUE = dispute_words.SELLER_DUE
RETURN_AGREED = dispute_words.RETURN_AGREED_STEP
APPROVED = dispute_words.APPROVED
REFUND_DUE = Message("Refund should have arrived; chase it after this day", context="timeline")
DISPUTE_CLOSED = Message("Dispute closed", context="timeline")
PAYPAL_OPENED = Message("PayPal dispute opened")


def _order_events(facts: Facts) -> list[Event]:
    case = facts.case
    events = [Event(case.order_date, EventKind.ORDER_PLACED, ORDER_PLACED)]
    records = (
        (case.paid if case.paid != case.order_date else None, EventKind.PAID, PAID),
        (case.paypal_opened, EventKind.PAYPAL_OPENED, PAYPAL_OPENED),
        (case.shipped, EventKind.SHIPPED, SHIPPED),
        (case.tracking_delivered, EventKind.TRACKING_DELIVERED, TRACKING_DELIVERED),
        (case.delivered, EventKind.DELIVERED, DELIVERED),
        (case.confirmed, EventKind.CONFIRMED, CONFIRMED),
    )
    events += [Event(day, kind, label) for day, kind, label in records if day is not None]
    end, shipped = facts.protection_end, case.shipped
    if end is None or shipped is None:
        return events
    # Until receipt is confirmed, the end of protection may be the day the order completes;
    # while a request runs or once one is decided, its own dates matter instead.
    if case.confirmed is None and not _request_settles(case):
        label = PROTECTION_ENDS_ASSUMED if facts.protection_assumed else PROTECTION_ENDS
        events.append(Event(end, EventKind.PROTECTION_END, label))
    if facts.in_transit and case.dispute_opened is None:
        ask = max(shipped, end - days(facts.days("extension_request_days")))
        events.append(
            Event(
                ask,
                EventKind.ASK_EXTENSION,
                ASK_EXTENSION,
            )
        )
    cause, completed = facts.completed_by, facts.completed_on
    if cause is not None and cause is not CompletedBy.PROTECTION_END and completed is not None:
        events.append(Event(completed, EventKind.ORDER_COMPLETES, COMPLETES[cause]))
    return events


def _request_settles(case: Case) -> bool:
    """A request is open, or was decided: either way it, not the countdown, settles things."""
    if case.dispute_opened is None:
        return False
    if case.dispute_closed is None:
        return True
    return case.dispute_outcome in DECIDED or case.refund_approved is not None


def _dispute_events(facts: Facts, dispute: Dispute) -> list[Event]:
    case = facts.case
    events = [Event(dispute.opened, EventKind.DISPUTE_OPENED, DISPUTE_OPENED)]
    if case.seller_replied is not None:
        events.append(Event(case.seller_replied, EventKind.SELLER_REPLIED, SELLER_ANSWERED))
    elif case.dispute_closed is None:
        events.append(Event(dispute.seller_reply_due, EventKind.SELLER_REPLY_DUE, SELLER_DUE))
    if case.return_agreed is not None:
        events.append(Event(case.return_agreed, EventKind.RETURN_AGREED, RETURN_AGREED))
    if dispute.return_ship_by is not None and case.dispute_closed is None:
        events.append(Event(dispute.return_ship_by, EventKind.RETURN_SHIP_BY, SHIP_RETURN))
    if case.refund_approved is not None:
        events.append(Event(case.refund_approved, EventKind.REFUND_APPROVED, APPROVED))
    if dispute.refund_expected_by is not None:
        events.append(
            Event(
                dispute.refund_expected_by,
                EventKind.REFUND_EXPECTED_BY,
                REFUND_DUE,
            )
        )
    if case.dispute_closed is not None:
        events.append(Event(case.dispute_closed, EventKind.DISPUTE_CLOSED, DISPUTE_CLOSED))
    return events


def _route_events(route: Route) -> list[Event]:
    if route.status not in LIVE:
        return []
    aliexpress = route.family is Family.ALIEXPRESS
    if aliexpress and route.status is Status.IN_DISPUTE:
        return []  # the dispute's own events carry its dates
    title = route.title
    dates = (
        (route.opens_on if route.status is Status.NOT_YET else None, EventKind.OPENS_ON, OPENS),
        (route.act_by if route.act_by != route.closes_on else None, EventKind.ACT_BY, ACT_BY),
        (route.closes_on, EventKind.CLOSES_ON, CLOSES),
        (
            route.closes_on_latest,
            EventKind.CLOSES_ON_LATEST,
            LATEST if aliexpress else LATEST_ELSEWHERE,
        ),
    )
    return [
        Event(day, kind, label.format(title=title), route.route)
        for day, kind, label in dates
        if day is not None
    ]


def build_timeline(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None
) -> tuple[Event, ...]:
    events = _order_events(facts)
    if dispute is not None:
        events += _dispute_events(facts, dispute)
    for route in routes:
        events += _route_events(route)
    events.sort(key=lambda e: (e.date, _RANK[e.kind]))
    return tuple(events)
