"""PayPal dispute: for a payment made with PayPal, within PayPal's window from the payment.

A PayPal dispute is its own clock, started by the payment, not by the parcel:
long shipping eats into it. Once opened, a dispute must be escalated to a
claim within PayPal's own limit, or PayPal closes it for good.
"""

from __future__ import annotations

from calculator.dates import days
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict, window
from calculator.vocab import Decider, Family, PaymentMethod, RouteId, Status

GUIDE = Guide.PAYPAL_AND_CARD

NOT_PAYPAL = Message(
    "You did not pay with PayPal, so PayPal's buyer protection does not cover this order."
)
NOT_PAYPAL_STEP = Message(
    "Use the AliExpress routes first; the card or consumer-law routes show what else is left."
)
OPEN = Message(
    "PayPal takes a dispute about this payment for {days} days after you paid on {paid}, until "
    "{closes_on}. It is the fallback for when AliExpress says no or takes too long."
)
OPEN_STEP = Message(
    "If AliExpress does not refund you, open a dispute in PayPal's Resolution Centre by "
    "{closes_on}; then escalate it to a claim within {escalate} days of opening it, or it closes "
    "for good."
)
CLOSED = Message("The {days} days PayPal allows after the payment on {paid} ended on {closes_on}.")
CLOSED_STEP = Message(
    "Ask the bank or card issuer behind your PayPal payment; consumer law may also help."
)
ESCALATE = Message(
    "You opened a PayPal dispute on {opened}. PayPal closes it unless you escalate it to a claim "
    "within {escalate} days, by {escalate_by}; a closed PayPal dispute cannot be reopened."
)
ESCALATE_STEP = Message(
    "If the seller has not settled it, escalate the dispute to a claim in PayPal's Resolution "
    "Centre by {escalate_by}, and add your evidence."
)
ESCALATE_PASSED = Message(
    "The PayPal dispute opened on {opened} had to be escalated to a claim by {escalate_by}. If "
    "you escalated it, PayPal is deciding the claim; if not, it closed and cannot be reopened."
)
ESCALATE_PASSED_STEP = Message(
    "If PayPal is deciding a claim, answer its messages in the Resolution Centre; if the dispute "
    "closed, ask the bank or card issuer behind your PayPal payment."
)
USES = ("paypal_dispute_days", "paypal_escalate_days")


def judge(facts: Facts) -> Verdict:
    case = facts.case
    if case.payment_method is not PaymentMethod.PAYPAL:
        return Verdict(Status.NOT_APPLICABLE, NOT_PAYPAL, NOT_PAYPAL_STEP)
    paid = case.paid
    window_days = facts.days("paypal_dispute_days")
    escalate = facts.days("paypal_escalate_days")
    values: dict[str, object] = {
        "days": window_days,
        "paid": paid,
        "closes_on": paid + days(window_days),
        "escalate": escalate,
    }
    opened = case.paypal_opened
    if opened is not None:
        escalate_by = opened + days(escalate)
        values.update(opened=opened, escalate_by=escalate_by)
        running = facts.today <= escalate_by
        return Verdict(
            Status.IN_DISPUTE if running else Status.CLOSED,
            (ESCALATE if running else ESCALATE_PASSED).format(**values),
            (ESCALATE_STEP if running else ESCALATE_PASSED_STEP).format(**values),
            uses=USES,
            opens_on=opened,
            act_by=escalate_by,
            closes_on=escalate_by,
        )
    closes_on = paid + days(window_days)
    status = window(facts, paid, closes_on)
    texts = {Status.OPEN: (OPEN, OPEN_STEP), Status.CLOSED: (CLOSED, CLOSED_STEP)}
    reason, step = texts[status]
    return Verdict(
        status,
        reason.format(**values),
        step.format(**values),
        uses=USES,
        opens_on=paid,
        act_by=closes_on,
        closes_on=closes_on,
    )


ROUTE = RouteSpec(
    RouteId.PAYPAL,
    Message("PayPal dispute", context="route"),
    Family.PAYMENT,
    GUIDE,
    judge,
    decider=Decider.PAYPAL,
)
