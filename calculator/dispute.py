"""Where an open dispute stands, and when the money should arrive.

The seller's silence is worth knowing about: after the reply deadline it
counts as accepting the buyer's proposal, which many buyers do not realise.
"""

from __future__ import annotations

from functools import partial

from calculator.assessment import Dispute
from calculator.dates import add_working_days, days
from calculator.facts import Facts
from calculator.policy import POLICY
from calculator.vocab import PaymentMethod

__all__ = ["dispute_progress", "payment_note"]

_TRACE_GUIDE = "refunds/money-back/#trace-a-refund-with-the-arn"


def payment_note(method: PaymentMethod) -> str:
    """Where the refund lands for each way of paying, and what to do if it does not show."""
    if method == PaymentMethod.CARD:
        posting = POLICY.entries["bank_posting_days"].span()
        return (
            "The money goes back to the card. After AliExpress marks the refund "
            f"completed, the bank may need {posting} more working days to post it; "
            "if it does not show, ask the bank to trace it with the ARN "
            "(acquirer reference number)."
        )
    if method == PaymentMethod.PAYPAL:
        return (
            "The money goes back to your PayPal account; look there first, then at "
            "the card or bank account PayPal charged."
        )
    if method == PaymentMethod.BALANCE:
        return "The money goes back to your AliExpress balance, the fastest way to get it."
    return (
        "Cash, boleto, bank transfer and Western Union payments are refunded to your "
        "AliExpress balance; cash on delivery is refunded as a coupon."
    )


def dispute_progress(facts: Facts) -> Dispute | None:
    case = facts.case
    opened, reason = case.dispute_opened, case.disputed
    if opened is None or reason is None:
        return None
    reply_due = opened + days(facts.days("seller_response_days"))
    make = partial(Dispute, opened=opened, reason=reason, seller_reply_due=reply_due)
    if case.refund_approved is not None:
        working = facts.days("refund_working_days")
        expected = add_working_days(case.refund_approved, working)
        return make(
            stage="refund_approved",
            message=(
                f"The refund was approved on {case.refund_approved}; allow up to {working} "
                f"working days (Monday to Friday), until {expected}, before chasing it."
            ),
            next_date=expected,
            refund_expected_by=expected,
            payment_note=payment_note(case.payment_method),
            guide=_TRACE_GUIDE,
        )
    if case.dispute_closed is not None:
        return make(
            stage="closed",
            message=(
                f"The dispute closed on {case.dispute_closed} without a refund approved; "
                "AliExpress does not reopen a closed dispute."
            ),
            next_date=None,
            refund_expected_by=None,
            payment_note=None,
            guide="other-routes/paypal-and-card/",
        )
    if case.seller_replied is not None:
        review = facts.days("escalation_review_days")
        return make(
            stage="seller_replied",
            message=(
                f"The seller answered on {case.seller_replied}. If you do not accept "
                f"the answer, escalate the dispute: AliExpress steps in within {review} days."
            ),
            next_date=None,
            refund_expected_by=None,
            payment_note=None,
            guide="disputes/escalation/",
        )
    if facts.today > reply_due:
        message = (
            f"The seller did not answer by {reply_due}; silence counts as accepting "
            "your proposal, so the refund you asked for should go ahead. Keep the "
            "dispute open until it does."
        )
        stage, next_date = "seller_silent", None
    else:
        message = (
            f"The seller has until {reply_due} to accept or reject the dispute; if "
            "they stay silent, your proposal is carried out."
        )
        stage, next_date = "awaiting_seller", reply_due
    return make(
        stage=stage,
        message=message,
        next_date=next_date,
        refund_expected_by=None,
        payment_note=None,
        guide="disputes/seller-reply/",
    )
