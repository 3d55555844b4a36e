"""What a refund request does to the routes AliExpress handles as one: one per order.

While a request is open it stands in for the others. How it ended decides the
rest: a decision is final, so the routes close; a request the buyer cancelled
decided nothing, so each route is back on its own clock, except that a new
request is only surely accepted while purchase protection runs. Closed with no
outcome given, both readings are possible, so the route is 'check' until the
cancelled reading's last day has passed. Either way a route still live on its own
clock stays live until its own latest day, so neither reading can close it sooner.
"""

from __future__ import annotations

from dataclasses import replace

from calculator.assessment import Dispute
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict, window
from calculator.vocab import DECIDED, DisputeOutcome, Status

__all__ = ["WHAT_IS_LEFT", "WHAT_IS_LEFT_GUIDE", "after_request"]

IN_DISPUTE = Message(
    "You opened a dispute about this on {opened}; what matters now is how it goes."
)
OTHER_OPEN = Message(
    "A dispute ({disputed}) has been open since {opened}, and AliExpress takes one per "
    "order, so this cannot be a second one."
)
OTHER_OPEN_STEP = Message(
    "Add photos or messages about this problem to the open dispute: both sides can change the "
    "reason and the evidence until it closes."
)
OTHER_DECIDED = Message(
    "The dispute ({disputed}) opened on {opened} was decided on {closed}, and AliExpress takes "
    "one per order."
)
DECIDED_TEXTS = {
    DisputeOutcome.REFUNDED: Message(
        "The dispute opened on {opened} was decided on {closed} with a full refund; a decided "
        "dispute is final."
    ),
    DisputeOutcome.PARTIAL: Message(
        "The dispute opened on {opened} was decided on {closed} with a partial refund; "
        "AliExpress does not reopen a decided dispute."
    ),
    DisputeOutcome.REJECTED: Message(
        "The dispute opened on {opened} was decided against you on {closed}; AliExpress does "
        "not reopen a decided dispute."
    ),
}
REFUNDED_STEP = Message("If the money has not arrived by the day shown, trace it with your bank.")
WHAT_IS_LEFT = Message(
    "If the decision went against you, PayPal, your card issuer or consumer law may still "
    "get the money back: see what is left after a lost dispute."
)
WHAT_IS_LEFT_GUIDE = Guide.PAYPAL_AND_CARD
REOPEN_OPEN = Message(
    "You cancelled the request on {closed}, which decided nothing: a new one can be opened "
    "while purchase protection runs, until {closes_on}."
)
REOPEN_RANGE = Message(
    "You cancelled the request on {closed}, which decided nothing: a new one is surely "
    "accepted while purchase protection runs, until {closes_on}, and may be until {latest}: "
    "your order page shows whether Return/refund is offered."
)
REOPEN_CHECK = Message(
    "You cancelled the request on {closed}. A new one was surely accepted until {closes_on}, "
    "and may still be until {latest}: your order page shows whether Return/refund is offered."
)
UNKNOWN_CHECK = Message(
    "The request closed on {closed}. If AliExpress or the seller decided it, the decision is "
    "final. If you cancelled it yourself, a new one may be accepted until {latest}: your order "
    "page shows whether Return/refund is offered."
)
REOPEN_STEP = Message(
    "Look at your order page now: if it offers Return/refund, open a new request today with "
    "all your evidence, and do not cancel it on the seller's promise."
)
ENDED_STEP = Message(
    "AliExpress no longer takes a request for this order; PayPal, your card issuer or consumer "
    "law may still help."
)


def _reopened(facts: Facts, verdict: Verdict, values: dict[str, object]) -> Verdict:
    """A cancelled request: the route's own clock, surely only while protection runs."""
    own_last = verdict.closes_on
    end = facts.protection_end
    if own_last is None or end is None or verdict.status not in (Status.OPEN, Status.CHECK):
        return verdict
    own_latest = verdict.closes_on_latest or own_last
    closes_on = min(own_last, end)
    latest = own_latest if own_latest > closes_on else None
    status = window(facts, None, closes_on, latest)
    values = {**values, "closes_on": closes_on, "latest": latest}
    if status is Status.OPEN:
        reason = REOPEN_OPEN if latest is None else REOPEN_RANGE
        return replace(
            verdict,
            status=status,
            reason=reason.format(**values),
            act_by=min(verdict.act_by or closes_on, closes_on),
            closes_on=closes_on,
            closes_on_latest=latest,
            uses=(*verdict.uses, "protection_days")
            if facts.protection_assumed and "protection_days" not in verdict.uses
            else verdict.uses,
        )
    # Still live on its own clock, so never over on the reopened one: its latest is the same.
    assert status is Status.CHECK
    return replace(
        verdict,
        status=status,
        reason=REOPEN_CHECK.format(**values),
        next_step=REOPEN_STEP,
        act_by=closes_on,
        closes_on=closes_on,
        closes_on_latest=latest,
    )


def _outcome_unknown(facts: Facts, verdict: Verdict, values: dict[str, object]) -> Verdict:
    """Closed, how not given: final if decided, open again if cancelled; 'check' between."""
    closed = facts.case.dispute_closed
    assert closed is not None  # only called for a closed request
    if verdict.status not in (Status.OPEN, Status.CHECK):
        return verdict  # its own clock says it is over, or not for this order
    cancelled = _reopened(facts, verdict, values)
    last = cancelled.closes_on_latest or cancelled.closes_on
    assert last is not None  # an open or checked route has a last day
    return replace(
        cancelled,
        status=Status.CHECK,
        reason=UNKNOWN_CHECK.format(**values, latest=last),
        next_step=REOPEN_STEP,
        act_by=closed,
        closes_on=closed,
        closes_on_latest=last,
    )


def after_request(
    facts: Facts, spec: RouteSpec, verdict: Verdict, dispute: Dispute, title: Message
) -> Verdict:
    """What the open or ended request makes of one of the one-per-order routes.

    `title` names the route the request is about.
    """
    case = facts.case
    outcome = case.dispute_outcome
    if outcome is None and case.refund_approved is not None:
        outcome = DisputeOutcome.REFUNDED  # an approved refund is a decision
    values: dict[str, object] = {
        "opened": dispute.opened,
        "closed": case.dispute_closed,
        "disputed": title,
    }
    mine = spec.id == dispute.route
    if case.dispute_closed is None:
        if not mine:
            return Verdict(
                Status.NOT_APPLICABLE, OTHER_OPEN.format(**values), OTHER_OPEN_STEP, verdict.uses
            )
        return Verdict(
            Status.IN_DISPUTE,
            IN_DISPUTE.format(**values),
            dispute.message,
            (*verdict.uses, *(u for u in dispute.uses if u not in verdict.uses)),
            opens_on=dispute.opened,
            act_by=dispute.next_date,
            guide=dispute.guide,
        )
    if outcome is DisputeOutcome.CANCELLED:
        return _reopened(facts, verdict, values)
    if outcome in DECIDED:
        assert outcome is not None  # DECIDED holds outcomes only
        if not mine:
            return Verdict(
                Status.NOT_APPLICABLE,
                OTHER_DECIDED.format(**values),
                ENDED_STEP,
                verdict.uses,
                guide=WHAT_IS_LEFT_GUIDE,
            )
        refunded = outcome is DisputeOutcome.REFUNDED
        return Verdict(
            Status.CLOSED,
            DECIDED_TEXTS[outcome].format(**values),
            REFUNDED_STEP if refunded else WHAT_IS_LEFT,
            verdict.uses,
            opens_on=dispute.opened,
            guide=dispute.guide if refunded else WHAT_IS_LEFT_GUIDE,
        )
    return _outcome_unknown(facts, verdict, values)
