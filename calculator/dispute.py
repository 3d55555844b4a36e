"""Where an open dispute stands, and when the money should arrive.

The seller's silence is worth knowing about: after the reply deadline it
counts as accepting the buyer's proposal, which many buyers do not realise.
"""

from __future__ import annotations

from datetime import date

from calculator.assessment import Dispute, DisputeStep
from calculator.case import Case
from calculator.dates import add_working_days, days
from calculator.facts import Facts
from calculator.policy import POLICY
from calculator.vocab import DISPUTE_STAGE_LABELS, DisputeStage, PaymentMethod, StepState

__all__ = ["dispute_progress", "dispute_steps", "payment_note"]

_TRACE_GUIDE = "refunds/money-back/#trace-a-refund-with-the-arn"

# The steps' words, as the page shows them; a step that is a stage reached uses its name.
OPENED = "Dispute opened"
SELLER_DUE = "Seller's last day to answer"
SELLER_SILENT = DISPUTE_STAGE_LABELS[DisputeStage.SELLER_SILENT]
SELLER_ANSWERED = DISPUTE_STAGE_LABELS[DisputeStage.SELLER_REPLIED]
AGREED_OR_ESCALATED = "Refund agreed, or the dispute escalated to AliExpress"
PROPOSAL_STANDS = "Your proposed refund goes ahead"
ACCEPT_OR_ESCALATE = "Accept the answer, or escalate to AliExpress"
APPROVED = DISPUTE_STAGE_LABELS[DisputeStage.REFUND_APPROVED]
CLOSED = "Closed without a refund"
MONEY_BACK = "Money back"
MONEY_EXPECTED = "Money expected by this day"

_DONE, _CURRENT, _NEXT = StepState.DONE, StepState.CURRENT, StepState.NEXT

# What the dispute's stage means for the reader, and what to do next.
REFUND_APPROVED = (
    "The refund was approved on {approved}; allow up to {working} working days (Monday to "
    "Friday), until {expected}, before chasing it."
)
DISPUTE_CLOSED = (
    "The dispute closed on {closed} without a refund approved; AliExpress does not reopen a "
    "closed dispute."
)
SELLER_REPLIED = (
    "The seller answered on {replied}. If you do not accept the answer, escalate the dispute: "
    "AliExpress steps in within {review} days."
)
SELLER_SILENT_NOW = (
    "The seller did not answer by {due}; silence counts as accepting your proposal, so the "
    "refund you asked for should go ahead. Keep the dispute open until it does."
)
AWAITING_SELLER = (
    "The seller has until {due} to accept or reject the dispute; if they stay silent, your "
    "proposal is carried out."
)
CARD_REFUND = (
    "The money goes back to the card. After AliExpress marks the refund completed, the bank "
    "may need {posting} more working days to post it; if it does not show, ask the bank to "
    "trace it with the ARN (acquirer reference number)."
)
PAYPAL_REFUND = (
    "The money goes back to your PayPal account; look there first, then at the card or bank "
    "account PayPal charged."
)
BALANCE_REFUND = "The money goes back to your AliExpress balance, the fastest way to get it."
OTHER_REFUND = (
    "Cash, boleto, bank transfer and Western Union payments are refunded to your AliExpress "
    "balance; cash on delivery is refunded as a coupon."
)


def _seller_step(case: Case, reply_due: date, ended: date) -> tuple[DisputeStep, ...]:
    """The seller's part of a dispute that is over (refund approved or closed on `ended`):
    none to show if it ended before the seller's last day without an answer given."""
    if case.seller_replied is not None:
        return (DisputeStep(SELLER_ANSWERED, case.seller_replied, _DONE),)
    if ended > reply_due:
        return (DisputeStep(SELLER_SILENT, reply_due, _DONE),)
    return ()


def dispute_steps(
    case: Case, stage: DisputeStage, reply_due: date, refund_expected_by: date | None
) -> tuple[DisputeStep, ...]:
    """The dispute from its opening to the money back: done, the current step, then next."""
    opened = DisputeStep(OPENED, case.dispute_opened, _DONE)
    money = DisputeStep(MONEY_BACK, None, _NEXT)
    if case.refund_approved is not None:
        return (
            opened,
            *_seller_step(case, reply_due, case.refund_approved),
            DisputeStep(APPROVED, case.refund_approved, _DONE),
            DisputeStep(MONEY_EXPECTED, refund_expected_by, _CURRENT),
        )
    if case.dispute_closed is not None:
        return (
            opened,
            *_seller_step(case, reply_due, case.dispute_closed),
            DisputeStep(CLOSED, case.dispute_closed, _CURRENT),
        )
    if stage is DisputeStage.SELLER_REPLIED:
        seller = DisputeStep(SELLER_ANSWERED, case.seller_replied, _DONE)
        return opened, seller, DisputeStep(ACCEPT_OR_ESCALATE, None, _CURRENT), money
    if stage is DisputeStage.SELLER_SILENT:
        seller = DisputeStep(SELLER_SILENT, reply_due, _DONE)
        return opened, seller, DisputeStep(PROPOSAL_STANDS, None, _CURRENT), money
    seller = DisputeStep(SELLER_DUE, reply_due, _CURRENT)
    return opened, seller, DisputeStep(AGREED_OR_ESCALATED, None, _NEXT), money


def payment_note(method: PaymentMethod) -> str:
    """Where the refund lands for each way of paying, and what to do if it does not show."""
    if method == PaymentMethod.CARD:
        return CARD_REFUND.format(posting=POLICY.entries["bank_posting_days"].span())
    if method == PaymentMethod.PAYPAL:
        return PAYPAL_REFUND
    if method == PaymentMethod.BALANCE:
        return BALANCE_REFUND
    return OTHER_REFUND


def dispute_progress(facts: Facts) -> Dispute | None:
    case = facts.case
    opened, reason = case.dispute_opened, case.disputed
    if opened is None or reason is None:
        return None
    reply_due = opened + days(facts.days("seller_response_days"))

    def make(
        *,
        stage: DisputeStage,
        message: str,
        next_date: date | None,
        refund_expected_by: date | None,
        payment_note: str | None,
        guide: str,
    ) -> Dispute:
        return Dispute(
            opened=opened,
            reason=reason,
            seller_reply_due=reply_due,
            stage=stage,
            message=message,
            next_date=next_date,
            refund_expected_by=refund_expected_by,
            payment_note=payment_note,
            guide=guide,
            steps=dispute_steps(case, stage, reply_due, refund_expected_by),
        )

    if case.refund_approved is not None:
        working = facts.days("refund_working_days")
        expected = add_working_days(case.refund_approved, working)
        return make(
            stage=DisputeStage.REFUND_APPROVED,
            message=REFUND_APPROVED.format(
                approved=case.refund_approved, working=working, expected=expected
            ),
            next_date=expected,
            refund_expected_by=expected,
            payment_note=payment_note(case.payment_method),
            guide=_TRACE_GUIDE,
        )
    if case.dispute_closed is not None:
        return make(
            stage=DisputeStage.CLOSED,
            message=DISPUTE_CLOSED.format(closed=case.dispute_closed),
            next_date=None,
            refund_expected_by=None,
            payment_note=None,
            guide="other-routes/paypal-and-card/",
        )
    if case.seller_replied is not None:
        review = facts.days("escalation_review_days")
        return make(
            stage=DisputeStage.SELLER_REPLIED,
            message=SELLER_REPLIED.format(replied=case.seller_replied, review=review),
            next_date=None,
            refund_expected_by=None,
            payment_note=None,
            guide="disputes/escalation/",
        )
    if facts.today > reply_due:
        message = SELLER_SILENT_NOW.format(due=reply_due)
        stage, next_date = DisputeStage.SELLER_SILENT, None
    else:
        message = AWAITING_SELLER.format(due=reply_due)
        stage, next_date = DisputeStage.AWAITING_SELLER, reply_due
    return make(
        stage=stage,
        message=message,
        next_date=next_date,
        refund_expected_by=None,
        payment_note=None,
        guide="disputes/seller-reply/",
    )
