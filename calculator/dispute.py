"""Where an open dispute stands, and when the money should arrive.

The seller's silence is worth knowing about: after the reply deadline it
counts as accepting the buyer's proposal, which many buyers do not realise.
An agreed return has its own deadline, after which the money goes to the
seller. And how a request ended matters: one the buyer cancelled decided
nothing, while a decision is final.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from calculator.assessment import Dispute, DisputeStep
from calculator.case import Case
from calculator.dates import add_working_days, days
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.vocab import (
    DISPUTE_STAGE_LABELS,
    REFUNDING,
    DisputeOutcome,
    DisputeStage,
    PaymentMethod,
    Region,
    StepState,
)

__all__ = ["dispute_progress", "dispute_steps", "payment_note"]

_TRACE_GUIDE = Guide.TRACE_REFUND

# The steps' words, as the page shows them; a step that is a stage reached uses its name.
OPENED = Message("Dispute opened")
SELLER_DUE = Message("Seller's last day to answer")
SELLER_SILENT = DISPUTE_STAGE_LABELS[DisputeStage.SELLER_SILENT]
SELLER_ANSWERED = DISPUTE_STAGE_LABELS[DisputeStage.SELLER_REPLIED]
AGREED_OR_ESCALATED = Message("Refund agreed, or the dispute escalated to AliExpress")
PROPOSAL_STANDS = Message("Your proposed refund goes ahead")
ACCEPT_OR_ESCALATE = Message("Accept the answer, or reject it for AliExpress to decide")
RETURN_AGREED_STEP = DISPUTE_STAGE_LABELS[DisputeStage.RETURN_AGREED]
SHIP_RETURN = Message("Ship the return by this day")
SELLER_RECEIVES = Message("The seller confirms receipt of the return")
APPROVED = DISPUTE_STAGE_LABELS[DisputeStage.REFUND_APPROVED]
CLOSED_BY = {
    None: Message("Closed; how it ended not given"),
    DisputeOutcome.CANCELLED: DISPUTE_STAGE_LABELS[DisputeStage.CANCELLED],
    DisputeOutcome.REJECTED: Message("Decided against you"),
}
MONEY_BACK = Message("Money back")
MONEY_EXPECTED = Message("Money expected by this day")

_DONE, _CURRENT, _NEXT = StepState.DONE, StepState.CURRENT, StepState.NEXT

# What the dispute's stage means for the reader, and what to do next.
REFUND_APPROVED = Message(
    "The refund was approved on {approved}; allow up to {working} working days (Monday to "
    "Friday), until {expected}, before chasing it."
)
DISPUTE_DECIDED = Message(
    "The dispute was decided against you on {closed}; AliExpress does not reopen a decided dispute."
)
DISPUTE_CANCELLED = Message(
    "You cancelled the request on {closed}. A cancelled request decides nothing: a new one can "
    "be opened while purchase protection runs."
)
DISPUTE_CLOSED = Message(
    "The request closed on {closed}. If AliExpress or the seller decided it, the decision is "
    "final; if you cancelled it yourself, a new one can be opened while purchase protection "
    "runs."
)
SELLER_REPLIED = Message(
    "The seller answered on {replied}. If you do not accept the answer, reject it in the "
    "dispute and add your evidence: AliExpress steps in within {review} days."
)
SELLER_REPLIED_BY_HAND = Message(
    "The seller answered on {replied}. If you do not accept the answer, escalate the dispute "
    "to AliExpress; it steps in within {review} days."
)
RETURN_TO_SHIP = Message(
    "The return was agreed on {agreed}: ship it by {ship_by}, or the money goes to the seller. "
    "The return address is in the dispute's details on your order page; keep the shipping "
    "receipt and add the tracking number to the dispute."
)
RETURN_SHIPPED = Message(
    "The last day to ship the return was {ship_by}. If you shipped it, make sure its tracking "
    "number is in the dispute and wait for the seller to confirm receipt; if you did not, "
    "AliExpress pays the seller."
)
SELLER_SILENT_NOW = Message(
    "The seller did not answer by {due}; silence counts as accepting your proposal, so the "
    "refund you asked for should go ahead. Keep the dispute open until it does."
)
AWAITING_SELLER = Message(
    "The seller has until {due} to accept or reject the dispute; if they stay silent, your "
    "proposal is carried out."
)
CARD_REFUND = Message(
    "The money goes back to the card. After AliExpress marks the refund completed, the bank "
    "may need {posting} more working days to post it; if it does not show, ask the bank to "
    "trace it with the ARN (acquirer reference number)."
)
PAYPAL_REFUND = Message(
    "The money goes back to your PayPal account; look there first, then at the card or bank "
    "account PayPal charged."
)
BALANCE_REFUND = Message(
    "The money goes back to your AliExpress balance, the fastest way to get it."
)
OTHER_REFUND = Message(
    "For cash, bank transfer and other local methods, the refund details on the order page "
    "show where the money goes; ask customer service if they are unclear."
)
"""No source states one destination for these methods (guides name the balance, an Alipay
account or a coupon), so the note sends the reader to the order's own refund details, as
the guide's money-back page does."""
BRAZIL_BANK_REFUND = Message(
    "A boleto or bank-transfer payment in Brazil is refunded to a bank account: the payment "
    "processor (EBANX) emails a form for the account details and pays within {ebanx} working "
    "days of it. Look for that email, in the spam folder too."
)


def _seller_step(case: Case, reply_due: date, ended: date) -> tuple[DisputeStep, ...]:
    """The seller's part of a dispute that is over (refund approved or closed on `ended`):
    none to show if it ended before the seller's last day without an answer given."""
    if case.seller_replied is not None:
        return (DisputeStep(SELLER_ANSWERED, case.seller_replied, _DONE),)
    if ended > reply_due:
        return (DisputeStep(SELLER_SILENT, reply_due, _DONE),)
    return ()


def _return_steps(case: Case, ship_by: date | None, today: date) -> tuple[DisputeStep, ...]:
    """An agreed return: agreed, shipped by its last day, received by the seller."""
    if case.return_agreed is None or ship_by is None:
        return ()
    shipping = _CURRENT if today <= ship_by else _DONE
    receiving = _NEXT if today <= ship_by else _CURRENT
    return (
        DisputeStep(RETURN_AGREED_STEP, case.return_agreed, _DONE),
        DisputeStep(SHIP_RETURN, ship_by, shipping),
        DisputeStep(SELLER_RECEIVES, None, receiving),
    )


def dispute_steps(
    case: Case,
    stage: DisputeStage,
    reply_due: date,
    refund_expected_by: date | None,
    ship_by: date | None = None,
) -> tuple[DisputeStep, ...]:
    """The dispute from its opening to the money back: done, the current step, then next."""
    opened = DisputeStep(OPENED, case.dispute_opened, _DONE)
    money = DisputeStep(MONEY_BACK, None, _NEXT)
    approved_on = _approved_on(case)
    ended = approved_on or case.dispute_closed
    if ended is not None:
        returned = tuple(
            replace(step, state=_DONE) for step in _return_steps(case, ship_by, date.max)
        )
        done = (opened, *_seller_step(case, reply_due, ended), *returned)
        if approved_on is not None:
            return (
                *done,
                DisputeStep(APPROVED, approved_on, _DONE),
                DisputeStep(MONEY_EXPECTED, refund_expected_by, _CURRENT),
            )
        return (*done, DisputeStep(CLOSED_BY[case.dispute_outcome], ended, _CURRENT))
    if stage is DisputeStage.RETURN_AGREED:
        assert case.return_agreed is not None and ship_by is not None  # the stage says so
        answered = _seller_step(case, reply_due, case.return_agreed)
        today = case.today or date.max
        return (opened, *answered, *_return_steps(case, ship_by, today), money)
    if stage is DisputeStage.SELLER_REPLIED:
        seller = DisputeStep(SELLER_ANSWERED, case.seller_replied, _DONE)
        return opened, seller, DisputeStep(ACCEPT_OR_ESCALATE, None, _CURRENT), money
    if stage is DisputeStage.SELLER_SILENT:
        seller = DisputeStep(SELLER_SILENT, reply_due, _DONE)
        return opened, seller, DisputeStep(PROPOSAL_STANDS, None, _CURRENT), money
    seller = DisputeStep(SELLER_DUE, reply_due, _CURRENT)
    return opened, seller, DisputeStep(AGREED_OR_ESCALATED, None, _NEXT), money


def _approved_on(case: Case) -> date | None:
    """The day a refund was approved: as given, else the closing day of a refunded request."""
    if case.refund_approved is not None:
        return case.refund_approved
    if case.dispute_outcome in REFUNDING:
        return case.dispute_closed
    return None


def payment_note(facts: Facts) -> tuple[Message, tuple[str, ...]]:
    """Where the refund lands for each way of paying, and what to do if it does not show,
    with the rules the note used."""
    case = facts.case
    method = case.payment_method
    if method == PaymentMethod.CARD:
        posting = facts.rule("bank_posting_days").span()
        return CARD_REFUND.format(posting=posting), ("bank_posting_days",)
    if method == PaymentMethod.PAYPAL:
        return PAYPAL_REFUND, ()
    if method == PaymentMethod.BALANCE:
        return BALANCE_REFUND, ()
    if case.region == Region.BR:
        ebanx = facts.days("ebanx_refund_working_days")
        return BRAZIL_BANK_REFUND.format(ebanx=ebanx), ("ebanx_refund_working_days",)
    return OTHER_REFUND, ()


def _closed_message(case: Case, closed: date) -> tuple[DisputeStage, Message]:
    outcome = case.dispute_outcome
    if outcome is DisputeOutcome.CANCELLED:
        return DisputeStage.CANCELLED, DISPUTE_CANCELLED.format(closed=closed)
    if outcome is DisputeOutcome.REJECTED:
        return DisputeStage.CLOSED, DISPUTE_DECIDED.format(closed=closed)
    return DisputeStage.CLOSED, DISPUTE_CLOSED.format(closed=closed)


def dispute_progress(facts: Facts) -> Dispute | None:
    case = facts.case
    opened, reason = case.dispute_opened, case.disputed
    if opened is None or reason is None:
        return None
    reply_due = opened + days(facts.days("seller_response_days"))
    uses = ["seller_response_days"]
    ship_by = None
    if case.return_agreed is not None:
        ship_by = case.return_agreed + days(facts.days("return_ship_days"))
        uses.append("return_ship_days")

    def make(
        *,
        stage: DisputeStage,
        message: Message,
        next_date: date | None,
        refund_expected_by: date | None = None,
        note: Message | None = None,
        guide: str,
        used: tuple[str, ...] = (),
    ) -> Dispute:
        return Dispute(
            opened=opened,
            reason=reason,
            seller_reply_due=reply_due,
            stage=stage,
            message=message,
            next_date=next_date,
            refund_expected_by=refund_expected_by,
            payment_note=note,
            guide=guide,
            steps=dispute_steps(case, stage, reply_due, refund_expected_by, ship_by),
            outcome=case.dispute_outcome,
            return_ship_by=ship_by,
            uses=(*uses, *used),
        )

    approved = _approved_on(case)
    if approved is not None:
        working = facts.days("refund_working_days")
        expected = add_working_days(approved, working)
        note, note_uses = payment_note(facts)
        return make(
            stage=DisputeStage.REFUND_APPROVED,
            message=REFUND_APPROVED.format(approved=approved, working=working, expected=expected),
            next_date=expected,
            refund_expected_by=expected,
            note=note,
            guide=_TRACE_GUIDE,
            used=("refund_working_days", *note_uses),
        )
    if case.dispute_closed is not None:
        stage, message = _closed_message(case, case.dispute_closed)
        return make(
            stage=stage,
            message=message,
            next_date=None,
            guide=Guide.LOST_DISPUTE if stage is DisputeStage.CLOSED else Guide.OPEN_DISPUTE,
        )
    if ship_by is not None:
        assert case.return_agreed is not None  # ship_by comes from it
        shipping = facts.today <= ship_by
        template = RETURN_TO_SHIP if shipping else RETURN_SHIPPED
        return make(
            stage=DisputeStage.RETURN_AGREED,
            message=template.format(agreed=case.return_agreed, ship_by=ship_by),
            next_date=ship_by if shipping else None,
            guide=Guide.RETURNS,
        )
    if case.seller_replied is not None:
        review = facts.rule("escalation_review_days")
        by_hand = review.from_ is None or case.order_date < review.from_
        template = SELLER_REPLIED_BY_HAND if by_hand else SELLER_REPLIED
        return make(
            stage=DisputeStage.SELLER_REPLIED,
            message=template.format(replied=case.seller_replied, review=review.default),
            next_date=None,
            guide=Guide.ESCALATION,
            used=("escalation_review_days",),
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
        guide=Guide.SELLER_REPLY,
    )
