"""Dispute progress: the seller's reply deadline, silence, escalation, refund timing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator import Case, assess, dispute
from calculator.dates import add_working_days
from calculator.dispute import payment_note
from calculator.policy import POLICY
from calculator.vocab import STEP_STATE_LABELS, PaymentMethod, StepState

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


def steps(result_case: Case) -> list[tuple[str, date | None, StepState]]:
    dispute = assess(result_case).dispute
    assert dispute is not None
    return [(step.label, step.date, step.state) for step in dispute.steps]


DONE, CURRENT, NEXT = StepState.DONE, StepState.CURRENT, StepState.NEXT


def test_the_steps_follow_the_dispute_from_opening_to_the_money() -> None:
    due = OPENED + REPLY
    waiting = steps(case(today=due))
    assert waiting == [
        (dispute.OPENED, OPENED, DONE),
        (dispute.SELLER_DUE, due, CURRENT),
        (dispute.AGREED_OR_ESCALATED, None, NEXT),
        (dispute.MONEY_BACK, None, NEXT),
    ]
    assert steps(case(today=due + DAY))[1:3] == [
        (dispute.SELLER_SILENT, due, DONE),
        (dispute.PROPOSAL_STANDS, None, CURRENT),
    ]
    replied = OPENED + DAY
    assert steps(case(seller_replied=replied, today=replied))[1:3] == [
        (dispute.SELLER_ANSWERED, replied, DONE),
        (dispute.ACCEPT_OR_ESCALATE, None, CURRENT),
    ]


@pytest.mark.parametrize("replied", [None, OPENED + DAY])
@pytest.mark.parametrize("ended", [OPENED + REPLY, OPENED + REPLY + DAY])
def test_an_approved_or_closed_dispute_says_how_it_ended(replied: date | None, ended: date) -> None:
    approved = steps(case(seller_replied=replied, refund_approved=ended, today=ended))
    closed = steps(case(seller_replied=replied, dispute_closed=ended, today=ended))
    expected = add_working_days(ended, POLICY.days("refund_working_days"))
    assert approved[-2:] == [
        (dispute.APPROVED, ended, DONE),
        (dispute.MONEY_EXPECTED, expected, CURRENT),
    ]
    assert closed[-1] == (dispute.CLOSED, ended, CURRENT)
    # The seller's part: the answer if there was one, the silence once the last day
    # had passed, nothing when it ended before the seller had to answer.
    if replied is not None:
        seller = [(dispute.SELLER_ANSWERED, replied, DONE)]
    elif ended > OPENED + REPLY:
        seller = [(dispute.SELLER_SILENT, OPENED + REPLY, DONE)]
    else:
        seller = []
    assert approved[1:-2] == seller and closed[1:-1] == seller
    assert approved[0] == closed[0] == (dispute.OPENED, OPENED, DONE)


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"today": OPENED + 30 * DAY},
        {"seller_replied": OPENED + DAY},
        {"refund_approved": OPENED + DAY},
        {"dispute_closed": OPENED + DAY},
    ],
)
def test_one_step_is_current_with_the_done_before_and_the_next_after(
    values: dict[str, date],
) -> None:
    states = [state for _, _, state in steps(case(**{"today": OPENED + DAY, **values}))]
    assert states.count(CURRENT) == 1
    now = states.index(CURRENT)
    assert set(states[:now]) <= {DONE} and set(states[now + 1 :]) <= {NEXT}
    result = assess(case(**{"today": OPENED + DAY, **values}))
    assert result.dispute is not None
    shown = result.to_dict()["dispute"]
    assert shown["route"] == result.dispute.reason
    assert shown["steps"] == [
        {
            "label": s.label,
            "date": s.date and s.date.isoformat(),
            "state": str(s.state),
            "state_label": STEP_STATE_LABELS[s.state],
        }
        for s in result.dispute.steps
    ]
