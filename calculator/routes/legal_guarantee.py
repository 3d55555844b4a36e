"""The legal guarantee for goods that were faulty when delivered, by region.

EU: at least the guarantee's years from delivery, claimed from the seller.
UK: a short period to reject a faulty item for a full refund (the day to act
by), then a time limit for claims that differs across the UK (the shorter one
gives the last day, the longer the latest). Brazil: a complaint about a
visible defect within a short period for non-durable goods and a longer one for
durable goods; which applies depends on the item, so between them it is 'check'.
"""

from __future__ import annotations

from datetime import date

from calculator.dates import add_years, days
from calculator.facts import Facts
from calculator.routes.base import RouteSpec, Verdict, window, window_verdict
from calculator.routes.consumer_law import LAW, received_on
from calculator.vocab import Decider, Family, Region, RouteId, Status

GUIDE = "other-routes/eu-rights/"

NONE = {
    Region.US: (
        "The calculator does not cover US warranty law, which differs from state to state; a "
        "faulty item goes through the seller and the AliExpress dispute."
    ),
    Region.OTHER: (
        "The calculator knows the legal guarantee of the EU, the UK and Brazil only; your "
        "country's consumer law may give one."
    ),
}
NONE_STEP = "Use the damaged or not-as-described route, then PayPal or your card issuer."
WAITING = (
    "Once the item reaches you, {law} lets you claim from the seller for a fault it had on "
    "delivery."
)
WAITING_STEP = "When it arrives, enter the day you got it to see how long the guarantee runs."
CLAIM_STEP = (
    "Message the seller with photos or a video of the fault and the order number: say you claim "
    "under the legal guarantee, and ask for a repair, a replacement or your money back."
)
EU = (
    "The EU legal guarantee covers a fault the item had on delivery for at least {years} years, "
    "until {closes_on}. It is claimed from the seller, who must repair or replace the item, or "
    "cut the price or refund it; AliExpress committed to EU consumer rules in {commitment}."
)
EU_CLOSED = (
    "The EU legal guarantee of {years} years from delivery on {received} ended on {closes_on}."
)
UK = (
    "Under UK law a faulty item can be rejected for a full refund within {reject} days of "
    "delivery, until {act_by}; after that the seller may repair or replace it first. A claim "
    "can be brought for {low} years ({high} outside Scotland), until {closes_on}. It is claimed "
    "from the seller."
)
UK_LATER = (
    "The {reject} days to reject a faulty item for a full refund ended on {reject_by}; the "
    "seller may now repair or replace it first. A claim can be brought for {low} years ({high} "
    "outside Scotland), until {closes_on}. It is claimed from the seller."
)
UK_STEP = (
    "Message the seller with photos or a video of the fault by {reject_by}: say you reject the "
    "item and want a full refund. After that day, ask for a repair or a replacement."
)
UK_CHECK = (
    "The shorter UK time limit for a claim ({low} years, in Scotland) ended on {closes_on}; "
    "elsewhere in the UK a claim can be brought for {high} years, until {latest}."
)
BR = (
    "Under Brazil's consumer code a visible fault must be reported to the seller within {low} "
    "days of delivery for non-durable goods, until {closes_on}, and {high} days for durable "
    "goods such as electronics, until {latest}."
)
BR_CHECK = (
    "The {low} days for non-durable goods ended on {closes_on}; for a durable item, such as "
    "electronics, the {high} days run until {latest}."
)
CHECK_STEP = "If that longer limit fits your item, message the seller about the fault now."
CLOSED = "The legal guarantee's time limit after delivery on {received} ended on {latest}."
CLOSED_STEP = "Ask the seller directly; a consumer body in your country can say what else applies."


_BR_TEXTS = {
    Status.OPEN: (BR, CLAIM_STEP),
    Status.CHECK: (BR_CHECK, CHECK_STEP),
    Status.CLOSED: (CLOSED, CLOSED_STEP),
}


def _eu(facts: Facts, received: date) -> Verdict:
    years = facts.days("eu_guarantee_years")
    closes_on = add_years(received, years)
    values = {
        "years": years,
        "received": received,
        "closes_on": closes_on,
        "commitment": facts.days("eu_commitment_year"),
    }
    status = window(facts, None, closes_on)
    open_now = status is Status.OPEN
    return Verdict(
        status,
        (EU if open_now else EU_CLOSED).format(**values),
        CLAIM_STEP if open_now else CLOSED_STEP,
        uses=("eu_guarantee_years", "eu_commitment_year"),
        opens_on=received,
        act_by=closes_on,
        closes_on=closes_on,
    )


def _uk(facts: Facts, received: date) -> Verdict:
    reject = facts.days("uk_reject_days")
    limit = facts.rule("uk_guarantee_years")
    reject_by = received + days(reject)
    closes_on = add_years(received, limit.low)
    latest = add_years(received, limit.high)
    values = {
        "reject": reject,
        "low": limit.low,
        "high": limit.high,
        "received": received,
        "act_by": reject_by,
        "reject_by": reject_by,
        "closes_on": closes_on,
        "latest": latest,
    }
    # The full refund is the best outcome while it lasts; after it, no day beats another.
    rejecting = facts.today <= reject_by
    act_by = reject_by if rejecting else closes_on
    texts = {
        Status.OPEN: (UK, UK_STEP) if rejecting else (UK_LATER, CLAIM_STEP),
        Status.CHECK: (UK_CHECK, CHECK_STEP),
        Status.CLOSED: (CLOSED, CLOSED_STEP),
    }
    return window_verdict(
        facts,
        texts,
        values,
        uses=("uk_reject_days", "uk_guarantee_years"),
        opens_on=received,
        act_by=act_by,
        closes_on=closes_on,
        closes_on_latest=latest,
    )


def _br(facts: Facts, received: date) -> Verdict:
    limit = facts.rule("br_guarantee_days")
    closes_on = received + days(limit.low)
    latest = received + days(limit.high)
    values = {
        "low": limit.low,
        "high": limit.high,
        "received": received,
        "closes_on": closes_on,
        "latest": latest,
    }
    return window_verdict(
        facts,
        _BR_TEXTS,
        values,
        uses=("br_guarantee_days",),
        opens_on=received,
        act_by=closes_on,
        closes_on=closes_on,
        closes_on_latest=latest,
    )


_BY_REGION = {Region.EU: _eu, Region.UK: _uk, Region.BR: _br}
_USES = {
    Region.EU: ("eu_guarantee_years", "eu_commitment_year"),
    Region.UK: ("uk_reject_days", "uk_guarantee_years"),
    Region.BR: ("br_guarantee_days",),
}


def judge(facts: Facts) -> Verdict:
    region = facts.case.region
    rule = _BY_REGION.get(region)
    if rule is None:
        return Verdict(Status.NOT_APPLICABLE, NONE[region], NONE_STEP)
    received = received_on(facts)
    if received is None:
        return Verdict(
            Status.NOT_YET,
            WAITING.format(law=LAW[region]),
            WAITING_STEP,
            uses=_USES[region],
        )
    return rule(facts, received)


ROUTE = RouteSpec(
    RouteId.LEGAL_GUARANTEE,
    "Legal guarantee for faulty goods",
    Family.LAW,
    GUIDE,
    judge,
    decider=Decider.LAW,
)
