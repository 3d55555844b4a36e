"""Dispute progress: the seller's reply deadline, silence, escalation, refund timing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator import Case, InputError, assess, dispute
from calculator.dates import add_working_days
from calculator.dispute import (
    BALANCE_REFUND,
    BRAZIL_BANK_REFUND,
    CARD_REFUND,
    OTHER_REFUND,
    PAYPAL_REFUND,
    payment_note,
)
from calculator.facts import facts_for
from calculator.i18n import Message
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
        assert result.dispute.message == dispute.SELLER_SILENT_NOW.format(due=due)
    assert result.next_step == result.dispute.message


def test_after_the_seller_replies_escalation_is_offered() -> None:
    result = assess(case(seller_replied=OPENED + DAY, today=OPENED + 10 * DAY))
    assert result.dispute is not None
    assert result.dispute.stage == "seller_replied"
    # Since 2017 AliExpress steps in by itself: the buyer rejects the answer, not escalates.
    assert result.dispute.message == dispute.SELLER_REPLIED.format(
        replied=OPENED + DAY, review=POLICY.days("escalation_review_days")
    )
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
    assert result.dispute.payment_note is not None
    assert result.dispute.payment_note.id == CARD_REFUND.id
    assert result.dispute.payment_note == CARD_REFUND.format(
        posting=POLICY.entries["bank_posting_days"].span()
    )
    # Every rule the note and the dates used is listed on the disputed route.
    disputed = result.route(result.dispute.route)
    assert {"refund_working_days", "bank_posting_days"} <= set(disputed.policy_ids)


def _note(method: PaymentMethod, region: str = "other") -> tuple[Message, tuple[str, ...]]:
    return payment_note(facts_for(case(payment_method=method, region=region), OPENED))


def test_payment_notes_differ_by_method() -> None:
    notes = {method: _note(method)[0] for method in PaymentMethod}
    assert len({note.id for note in notes.values()}) == 4
    assert notes[PaymentMethod.CARD].params["posting"] == POLICY.entries["bank_posting_days"].span()
    assert _note(PaymentMethod.CARD)[1] == ("bank_posting_days",)
    assert notes[PaymentMethod.PAYPAL] == PAYPAL_REFUND
    assert notes[PaymentMethod.BALANCE] == BALANCE_REFUND
    assert notes[PaymentMethod.OTHER] == OTHER_REFUND
    # In Brazil a boleto or bank transfer comes back to a bank account, not to the balance.
    brazil, uses = _note(PaymentMethod.OTHER, "br")
    assert brazil == BRAZIL_BANK_REFUND.format(ebanx=POLICY.days("ebanx_refund_working_days"))
    assert uses == ("ebanx_refund_working_days",)
    approved = assess(case(refund_approved=OPENED, payment_method="paypal", today=OPENED))
    assert (
        approved.dispute is not None
        and approved.dispute.payment_note == notes[PaymentMethod.PAYPAL]
    )


def steps(result_case: Case) -> list[tuple[Message, date | None, StepState]]:
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
    assert closed[-1] == (dispute.CLOSED_BY[None], ended, CURRENT)
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
        {"dispute_closed": OPENED + DAY, "dispute_outcome": "cancelled"},
        {"dispute_closed": OPENED + DAY, "dispute_outcome": "refunded"},
        {"return_agreed": OPENED + DAY},
        {"return_agreed": OPENED, "today": OPENED + 20 * DAY},
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
            "label": str(s.label),
            "date": s.date and s.date.isoformat(),
            "state": str(s.state),
            "state_label": str(STEP_STATE_LABELS[s.state]),
        }
        for s in result.dispute.steps
    ]


RETURN = timedelta(days=POLICY.days("return_ship_days"))


@pytest.mark.parametrize(("offset", "shipping"), [(0, True), (1, False)])
def test_an_agreed_return_has_its_own_last_day(offset: int, shipping: bool) -> None:
    """Once a return is agreed, the money goes to the seller unless it ships in time."""
    agreed = OPENED + 2 * DAY
    ship_by = agreed + RETURN
    result = assess(case(seller_replied=agreed, return_agreed=agreed, today=ship_by + offset * DAY))
    found = result.dispute
    assert found is not None
    assert (found.stage, found.return_ship_by) == ("return_agreed", ship_by)
    assert found.next_date == (ship_by if shipping else None)
    disputed = result.route(found.route)
    assert (disputed.status, disputed.act_by) == ("in_dispute", found.next_date)
    assert "return_ship_days" in disputed.policy_ids
    labels = [(step.label, step.date, step.state) for step in found.steps]
    assert labels[-4:] == [
        (dispute.RETURN_AGREED_STEP, agreed, DONE),
        (dispute.SHIP_RETURN, ship_by, CURRENT if shipping else DONE),
        (dispute.SELLER_RECEIVES, None, NEXT if shipping else CURRENT),
        (dispute.MONEY_BACK, None, NEXT),
    ]
    if shipping:
        assert found.message.id == dispute.RETURN_TO_SHIP.id
        assert found.message.params["ship_by"] == ship_by
        assert result.next_step == found.message
    else:
        assert found.message.id == dispute.RETURN_SHIPPED.id


def test_a_return_before_the_dispute_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        case(return_agreed=OPENED - DAY)
    assert raised.value.field == "return-agreed"


@pytest.mark.parametrize(
    ("outcome", "stage"),
    [
        ("cancelled", "cancelled"),
        ("rejected", "closed"),
        ("refunded", "refund_approved"),
        ("partial", "refund_approved"),
        (None, "closed"),
    ],
)
def test_how_a_request_ended_names_its_stage(outcome: str | None, stage: str) -> None:
    closed = OPENED + DAY
    found = assess(case(dispute_closed=closed, dispute_outcome=outcome, today=closed)).dispute
    assert found is not None and found.stage == stage
    if stage == "refund_approved":
        # A refunded request closed on a day: the money is expected from that day.
        expected = add_working_days(closed, POLICY.days("refund_working_days"))
        assert found.refund_expected_by == expected


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"dispute_outcome": "cancelled"}, "dispute-closed"),
        ({"dispute_outcome": "won", "dispute_closed": OPENED}, "dispute-outcome"),
        (
            {"dispute_outcome": "rejected", "dispute_closed": OPENED, "refund_approved": OPENED},
            "dispute-outcome",
        ),
        ({"dispute_closed": OPENED, "refund_approved": OPENED + DAY}, "dispute-closed"),
    ],
)
def test_an_impossible_outcome_is_refused_naming_the_field(
    values: dict[str, object], field: str
) -> None:
    with pytest.raises(InputError) as raised:
        case(**values)
    assert raised.value.field == field
    assert "\n" not in raised.value.message


def test_before_2017_the_buyer_escalated_by_hand_and_the_seller_had_longer() -> None:
    old = date(2016, 5, 2)
    result = assess(
        Case(
            order_date=old,
            shipped=old,
            dispute_opened=old + 20 * DAY,
            seller_replied=old + 21 * DAY,
            today=old + 22 * DAY,
        )
    )
    assert result.dispute is not None
    assert result.dispute.message.id == dispute.SELLER_REPLIED_BY_HAND.id
    reply = POLICY.entries["seller_response_days"].at(old).default
    assert reply > POLICY.days("seller_response_days")
    assert result.dispute.seller_reply_due == old + (20 + reply) * DAY
