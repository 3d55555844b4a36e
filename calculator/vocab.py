"""The named words of the answer: statuses, routes, families, methods, reasons, event kinds.

Each is a StrEnum, so a typo is a type error in code, while the JSON carries
the plain strings the page and the batch files have always read.
"""

from __future__ import annotations

from enum import StrEnum

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
    Status.OPEN: "Open",
    Status.NOT_YET: "Not yet",
    Status.CHECK: "Check",
    Status.IN_DISPUTE: "In dispute",
    Status.CLOSED: "Closed",
    Status.NOT_APPLICABLE: "Does not apply",
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
    Decider.ORDER_PAGE: "Check your order page",
    Decider.PAYPAL: "Check with PayPal",
    Decider.BANK: "Ask your bank",
    Decider.LAW: "Check the law's conditions",
}


def status_label(status: Status, decider: Decider) -> str:
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
    Family.ALIEXPRESS: "AliExpress",
    Family.PAYMENT: "Your payment provider",
    Family.LAW: "Consumer law",
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
    Situation.NOT_RECEIVED: "It has not arrived",
    Situation.DAMAGED: "It arrived broken",
    Situation.NOT_AS_DESCRIBED: "It is not what was described",
    Situation.CANCEL: "I want to cancel",
    Situation.CHANGE_OF_MIND: "I changed my mind",
    Situation.DISPUTE: "A dispute is open",
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
    DisputeStage.AWAITING_SELLER: "Waiting for the seller",
    DisputeStage.SELLER_SILENT: "Seller did not answer",
    DisputeStage.SELLER_REPLIED: "Seller answered",
    DisputeStage.RETURN_AGREED: "Return agreed",
    DisputeStage.REFUND_APPROVED: "Refund approved",
    DisputeStage.CANCELLED: "Cancelled by you",
    DisputeStage.CLOSED: "Closed",
}

OVER = frozenset({DisputeStage.CANCELLED, DisputeStage.CLOSED})
"""Stages of a request that no longer runs: the routes say what comes next."""


class StepState(StrEnum):
    """Where a dispute stands against one of its steps."""

    DONE = "done"
    CURRENT = "current"
    NEXT = "next"


STEP_STATE_LABELS = {
    StepState.DONE: "Done",
    StepState.CURRENT: "Now",
    StepState.NEXT: "Next",
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
