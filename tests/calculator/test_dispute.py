"""Dispute progress: the seller's reply deadline, silence, escalation, refund timing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator import Case, assess
from calculator.dates import add_working_days
from calculator.dispute import payment_note
from calculator.policy import POLICY
from calculator.vocab import PaymentMethod

ORDER = date(2026, 10, 1)
SHIPPED = date(2026, 10, 3)
OPENED = date(2026, 11, 2)
DAY = timedelta(days=1)
REPLY = timedelta(days=POLICY.days("seller_response_days"))


def case(**values: object) -> Case:
    base: dict[str, object] = {"order_date": ORDER, "shipped": SHIPPED, "dispute_opened": OPENED}
    base.update(values)
    return Case(**base)  # type: ignore[arg-type]


def test_no_dispute_without_an_opening_date() -> None:
    assert assess(Case(order_date=ORDER, today=ORDER)).dispute is None


@pytest.mark.parametrize(
    ("offset", "stage"), [(-1, "awaiting_seller"), (0, "awaiting_seller"), (1, "seller_silent")]
)
def test_silence_after_the_reply_deadline_counts_as_acceptance(offset: int, stage: str) -> None:
    due = OPENED + REPLY
    assert due == date(2026, 11, 7)
    result = assess(case(today=due + offset * DAY))
    assert result.dispute is not None
    assert (result.dispute.seller_reply_due, result.dispute.stage) == (due, stage)
    assert result.dispute.guide == "disputes/seller-reply/"
    if stage == "seller_silent":
        assert "silence counts as accepting" in result.dispute.message
    assert result.next_step == result.dispute.message


def test_after_the_seller_replies_escalation_is_offered() -> None:
    result = assess(case(seller_replied=OPENED + DAY, today=OPENED + 10 * DAY))
    assert result.dispute is not None
    assert result.dispute.stage == "seller_replied"
    assert "escalate" in result.dispute.message
    assert f"within {POLICY.days('escalation_review_days')} days" in result.dispute.message
    assert result.dispute.guide == "disputes/escalation/"
    assert result.dispute.refund_expected_by is None and result.dispute.payment_note is None


def test_an_approved_refund_is_expected_within_working_days() -> None:
    approved = date(2026, 11, 27)  # a Friday
    result = assess(case(refund_approved=approved, today=approved))
    assert result.dispute is not None
    assert result.dispute.stage == "refund_approved"
    expected = add_working_days(approved, POLICY.days("refund_working_days"))
    assert result.dispute.refund_expected_by == expected
    assert expected.weekday() < 5
    assert result.dispute.guide == "refunds/money-back/#trace-a-refund-with-the-arn"
    assert result.dispute.payment_note == payment_note(PaymentMethod.CARD)
    assert "ARN" in (result.dispute.payment_note or "")


def test_payment_notes_differ_by_method() -> None:
    notes = {method: payment_note(method) for method in PaymentMethod}
    assert len(set(notes.values())) == 4
    assert POLICY.entries["bank_posting_days"].span() in notes[PaymentMethod.CARD]
    assert "PayPal" in notes[PaymentMethod.PAYPAL]
    assert "balance" in notes[PaymentMethod.BALANCE]
    assert "coupon" in notes[PaymentMethod.OTHER] and "boleto" in notes[PaymentMethod.OTHER]
    approved = assess(case(refund_approved=OPENED, payment_method="paypal", today=OPENED))
    assert (
        approved.dispute is not None
        and approved.dispute.payment_note == notes[PaymentMethod.PAYPAL]
    )
