"""Card chargeback: the card issuer reverses a card payment the merchant did not make good.

Two limits apply and neither is printed on the order page. A card issuer may
want notice within a short time of the statement that shows the charge; the
statement day is not known here, so that limit is counted from the payment,
which is never later than the real one. The card networks' own limit is longer
and, for goods that never came, counts from the expected delivery day (the end
of purchase protection, on its longest credible reading). Between the two the
route is 'check': the issuer's own terms decide, so the reader asks the bank now.
"""

from __future__ import annotations

from calculator.dates import days
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict, window_verdict
from calculator.vocab import Decider, Family, PaymentMethod, RouteId, Status

GUIDE = Guide.PAYPAL_AND_CARD

NOT_CARD = Message("You did not pay by card, so a card chargeback does not apply to this order.")
NOT_CARD_STEP = Message("Use the AliExpress routes first; the other routes show what else is left.")
PAYPAL = Message(
    "You paid with PayPal, so PayPal's dispute comes first; the card or bank behind PayPal "
    "may help only once PayPal has said no."
)
PAYPAL_STEP = Message("Use the PayPal route if AliExpress does not refund you.")
# The card networks' limit counts from the payment, or for goods that never came from the
# expected delivery day: each reading has its own whole sentences.
OPEN = {
    False: Message(
        "If AliExpress does not refund you, your card issuer can reverse the payment (a "
        "chargeback). Some issuers want notice within {notice} days of the statement that shows "
        "the charge; counted from the payment on {paid}, that is {closes_on}. The card networks "
        "allow up to {network} days from the payment, until {latest}."
    ),
    True: Message(
        "If AliExpress does not refund you, your card issuer can reverse the payment (a "
        "chargeback). Some issuers want notice within {notice} days of the statement that shows "
        "the charge; counted from the payment on {paid}, that is {closes_on}. The card networks "
        "allow up to {network} days from the expected delivery day, {expected}, until {latest}."
    ),
}
OPEN_STEP = Message(
    "Keep the order page, the messages and the tracking. If AliExpress has not refunded you "
    "by {closes_on}, call your card issuer and ask for a chargeback; if a refund comes later, "
    "tell the issuer at once."
)
CHECK = {
    False: Message(
        "The strictest issuer limit, {notice} days counted from the payment on {paid}, passed "
        "on {closes_on}. The card networks allow up to {network} days from the payment, until "
        "{latest}; your issuer's terms decide which applies."
    ),
    True: Message(
        "The strictest issuer limit, {notice} days counted from the payment on {paid}, passed "
        "on {closes_on}. The card networks allow up to {network} days from the expected "
        "delivery day, {expected}, until {latest}; your issuer's terms decide which applies."
    ),
}
CHECK_STEP = Message("Ask your bank now whether it still takes a chargeback for this payment.")
CLOSED = {
    False: Message(
        "Even the card networks' limit, {network} days from the payment, ended on {latest}, so "
        "a chargeback is no longer accepted."
    ),
    True: Message(
        "Even the card networks' limit, {network} days from the expected delivery day, "
        "{expected}, ended on {latest}, so a chargeback is no longer accepted."
    ),
}
CLOSED_STEP = Message(
    "Consumer law, where it applies, is what is left; ask the seller directly too."
)


def _texts(from_delivery: bool) -> dict[Status, tuple[Message, Message]]:
    return {
        Status.OPEN: (OPEN[from_delivery], OPEN_STEP),
        Status.CHECK: (CHECK[from_delivery], CHECK_STEP),
        Status.CLOSED: (CLOSED[from_delivery], CLOSED_STEP),
    }


def judge(facts: Facts) -> Verdict:
    case = facts.case
    if case.payment_method is PaymentMethod.PAYPAL:
        return Verdict(Status.NOT_APPLICABLE, PAYPAL, PAYPAL_STEP)
    if case.payment_method is not PaymentMethod.CARD:
        return Verdict(Status.NOT_APPLICABLE, NOT_CARD, NOT_CARD_STEP)
    paid = case.paid
    notice = facts.days("card_issuer_notice_days")
    network = facts.days("chargeback_days")
    uses = ["card_issuer_notice_days", "chargeback_days", "chargeback_max_days"]
    closes_on = paid + days(notice)
    start = paid
    expected = facts.protection_end_latest or facts.protection_end
    if case.delivered is None and expected is not None and expected > paid:
        # Goods not received: the networks count from the day delivery was expected.
        start = expected
        if facts.protection_assumed:
            uses.insert(0, "protection_days")
    latest = min(start + days(network), paid + days(facts.days("chargeback_max_days")))
    values = {
        "notice": notice,
        "network": network,
        "paid": paid,
        "closes_on": closes_on,
        "latest": latest,
        "expected": expected,
    }
    return window_verdict(
        facts,
        _texts(start is not paid),
        values,
        uses=tuple(uses),
        opens_on=paid,
        act_by=closes_on,
        closes_on=closes_on,
        closes_on_latest=latest,
        opens_window=paid,
    )


ROUTE = RouteSpec(
    RouteId.CHARGEBACK,
    Message("Card chargeback", context="route"),
    Family.PAYMENT,
    GUIDE,
    judge,
    decider=Decider.BANK,
)
