"""The named words of the answer: statuses, routes, families, methods, reasons, event kinds.

Each is a StrEnum, so a typo is a type error in code, while the JSON carries
the plain strings the page and the batch files have always read.
"""

from __future__ import annotations

from enum import StrEnum

from calculator.i18n import Message

__all__ = [
    "CHECK_LABELS",
    "DECIDED",
    "DISPUTE_STAGE_LABELS",
    "FAMILY_LABELS",
    "OVER",
    "REFUNDING",
    "SITUATION_LABELS",
    "STATUS_LABELS",
    "STEP_STATE_LABELS",
    "CompletedBy",
    "Decider",
    "DisputeOutcome",
    "DisputeReason",
    "DisputeStage",
    "EventKind",
    "Family",
    "PaymentMethod",
    "Region",
    "RouteId",
    "Situation",
    "Status",
    "StepState",
    "status_label",
]


class Status(StrEnum):
    OPEN = "open"
    """Can be used now."""
    NOT_YET = "not_yet"
    """Opens later."""
    CHECK = "check"
    """May have closed: something only the reader can look up decides (see Decider)."""
    IN_DISPUTE = "in_dispute"
    """This is the problem the open dispute is about; its progress is what matters."""
    CLOSED = "closed"
    NOT_APPLICABLE = "not_applicable"


STATUS_LABELS = {
    Status.OPEN: Message("Open", context="status"),
    Status.NOT_YET: Message("Not yet", context="status"),
    Status.CHECK: Message("Check", context="status"),
    Status.IN_DISPUTE: Message("In dispute", context="status"),
    Status.CLOSED: Message("Closed", context="status"),
    Status.NOT_APPLICABLE: Message("Does not apply", context="status"),
}
"""What the page shows for each status: the words live with the rules, not in the page.

A route in 'check' says who decides instead (CHECK_LABELS): see `status_label`.
"""


class Decider(StrEnum):
    """Who can tell a reader whether a route in 'check' is still open.

    Each route names its own, so no route sends a reader to the order page about
    something the order page does not show.
    """

    ORDER_PAGE = "order_page"
    """AliExpress's own routes: the countdown and the Return/refund button on the order page."""
    PAYPAL = "paypal"
    BANK = "bank"
    """The card issuer's own terms, which no page of the order shows."""
    LAW = "law"
    """The law's own conditions: how the reader was informed, the kind of item or fault."""


CHECK_LABELS = {
    Decider.ORDER_PAGE: Message("Check your order page", context="status"),
    Decider.PAYPAL: Message("Check with PayPal", context="status"),
    Decider.BANK: Message("Ask your bank", context="status"),
    Decider.LAW: Message("Check the law's conditions", context="status"),
}


def status_label(status: Status, decider: Decider) -> Message:
    """The words for a route's status; a 'check' names who decides."""
    if status is Status.CHECK:
        return CHECK_LABELS[decider]
    return STATUS_LABELS[status]


class RouteId(StrEnum):
    CANCEL = "cancel"
    NOT_RECEIVED = "not_received"
    NOT_AS_DESCRIBED = "not_as_described"
    DAMAGED = "damaged"
    CHANGE_OF_MIND = "change_of_mind"
    PAYPAL = "paypal"
    CHARGEBACK = "chargeback"
    WITHDRAWAL = "withdrawal"
    LEGAL_GUARANTEE = "legal_guarantee"


class Family(StrEnum):
    """Who decides: AliExpress itself, the payment provider, or the law."""

    ALIEXPRESS = "aliexpress"
    PAYMENT = "payment"
    LAW = "law"


FAMILY_LABELS = {
    Family.ALIEXPRESS: Message("AliExpress", context="family"),
    Family.PAYMENT: Message("Your payment provider", context="family"),
    Family.LAW: Message("Consumer law", context="family"),
}


class PaymentMethod(StrEnum):
    CARD = "card"
    PAYPAL = "paypal"
    BALANCE = "balance"
    OTHER = "other"


class Region(StrEnum):
    EU = "eu"
    UK = "uk"
    BR = "br"
    KR = "kr"
    US = "us"
    OTHER = "other"


class DisputeReason(StrEnum):
    """What an open dispute is about; each names the item route it replaces."""

    NOT_RECEIVED = "not_received"
    NOT_AS_DESCRIBED = "not_as_described"
    DAMAGED = "damaged"


class CompletedBy(StrEnum):
    """What completed the order, which starts the last dispute window."""

    CONFIRMED = "confirmed"
    PROTECTION_END = "protection_end"
    TRACKING_DELIVERED = "tracking_delivered"
    DELIVERED = "delivered"


class Situation(StrEnum):
    """What happened, as the reader would say it: the page's first question."""

    NOT_RECEIVED = "not_received"
    DAMAGED = "damaged"
    NOT_AS_DESCRIBED = "not_as_described"
    CANCEL = "cancel"
    CHANGE_OF_MIND = "change_of_mind"
    DISPUTE = "dispute"


SITUATION_LABELS = {
    Situation.NOT_RECEIVED: Message("It has not arrived"),
    Situation.DAMAGED: Message("It arrived broken"),
    Situation.NOT_AS_DESCRIBED: Message("It is not what was described"),
    Situation.CANCEL: Message("I want to cancel"),
    Situation.CHANGE_OF_MIND: Message("I changed my mind"),
    Situation.DISPUTE: Message("A dispute is open"),
}
"""The first question's answers, in the order the guide's home page lists them."""


class DisputeOutcome(StrEnum):
    """How a refund request ended: withdrawn by the buyer, or decided.

    Only a decision is final: a request the buyer cancelled decided nothing, and a new
    one can be opened while protection runs.
    """

    CANCELLED = "cancelled"
    REFUNDED = "refunded"
    PARTIAL = "partial"
    REJECTED = "rejected"


DECIDED = frozenset({DisputeOutcome.REFUNDED, DisputeOutcome.PARTIAL, DisputeOutcome.REJECTED})
"""Outcomes that are a decision, final on AliExpress."""
REFUNDING = frozenset({DisputeOutcome.REFUNDED, DisputeOutcome.PARTIAL})
"""Outcomes that send money back."""


class DisputeStage(StrEnum):
    """Where an open (or ended) dispute stands, in the order a dispute goes."""

    AWAITING_SELLER = "awaiting_seller"
    SELLER_SILENT = "seller_silent"
    SELLER_REPLIED = "seller_replied"
    RETURN_AGREED = "return_agreed"
    REFUND_APPROVED = "refund_approved"
    CANCELLED = "cancelled"
    CLOSED = "closed"


DISPUTE_STAGE_LABELS = {
    DisputeStage.AWAITING_SELLER: Message("Waiting for the seller", context="dispute stage"),
    DisputeStage.SELLER_SILENT: Message("Seller did not answer", context="dispute stage"),
    DisputeStage.SELLER_REPLIED: Message("Seller answered", context="dispute stage"),
    DisputeStage.RETURN_AGREED: Message("Return agreed", context="dispute stage"),
    DisputeStage.REFUND_APPROVED: Message("Refund approved", context="dispute stage"),
    DisputeStage.CANCELLED: Message("Cancelled by you", context="dispute stage"),
    DisputeStage.CLOSED: Message("Closed", context="dispute stage"),
}

OVER = frozenset({DisputeStage.CANCELLED, DisputeStage.CLOSED})
"""Stages of a request that no longer runs: the routes say what comes next."""


class StepState(StrEnum):
    """Where a dispute stands against one of its steps."""

    DONE = "done"
    CURRENT = "current"
    NEXT = "next"


STEP_STATE_LABELS = {
    StepState.DONE: Message("Done", context="step"),
    StepState.CURRENT: Message("Now", context="step"),
    StepState.NEXT: Message("Next", context="step"),
}
"""What the page shows beside each step, so its state is said in words, not by colour alone."""


class EventKind(StrEnum):
    """Timeline kinds in real-life order; the order breaks ties between events on one day."""

    ORDER_PLACED = "order_placed"
    PAID = "paid"
    SHIPPED = "shipped"
    TRACKING_DELIVERED = "tracking_delivered"
    DELIVERED = "delivered"
    CONFIRMED = "confirmed"
    DISPUTE_OPENED = "dispute_opened"
    SELLER_REPLIED = "seller_replied"
    RETURN_AGREED = "return_agreed"
    RETURN_SHIP_BY = "return_ship_by"
    REFUND_APPROVED = "refund_approved"
    DISPUTE_CLOSED = "dispute_closed"
    PAYPAL_OPENED = "paypal_opened"
    OPENS_ON = "opens_on"
    ASK_EXTENSION = "ask_extension"
    SELLER_REPLY_DUE = "seller_reply_due"
    ACT_BY = "act_by"
    PROTECTION_END = "protection_end"
    ORDER_COMPLETES = "order_completes"
    CLOSES_ON = "closes_on"
    CLOSES_ON_LATEST = "closes_on_latest"
    REFUND_EXPECTED_BY = "refund_expected_by"
