"""The legal guarantee for goods that were faulty when delivered, by region.

EU: at least the guarantee's years from delivery, claimed from the seller; the
buyer's country is unknown, so Spain's longer period (for goods bought since it
took effect) gives only the latest day, named as Spain's. Some EU countries also
want the fault reported within a short time of finding it; no official list says
which, and the day it was found is unknown, so the day to act by counts that
time from delivery, the earliest it can start.
UK: a short period to reject a faulty item for a full refund (the day to act
by), then a time limit for claims that differs across the UK (the shorter one
gives the last day, the longer the latest).
Brazil: a complaint about a visible defect within a short period for
non-durable goods and a longer one for durable goods; which applies depends on
the item, so between them it is 'check'. After both, a hidden defect (counted
from when it shows) or a complaint still unanswered keeps the claim alive, and
no source bounds those by a number, so the route never says 'closed': it stays
'check', naming those two conditions.
South Korea: goods that differ from the listing or the contract (E-Commerce Act
art. 17(3)) can be returned within days of the day the buyer knew or could have
known, and never past months from receipt. A difference seen on arrival gives
the last day, the months the latest; past the months the right is gone, as the
government's legal interpretations read the two limits.
"""

from __future__ import annotations

from datetime import date

from calculator.dates import add_months, add_years, days
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict, window_verdict
from calculator.routes.consumer_law import in_region, received_on
from calculator.vocab import Decider, Family, Region, RouteId, Status

GUIDE = Guide.EU_RIGHTS

NONE = {
    Region.US: Message(
        "The calculator does not cover US warranty law, which differs from state to state; a "
        "faulty item goes through the seller and the AliExpress dispute."
    ),
    Region.OTHER: Message(
        "The calculator knows the legal guarantee of the EU, the UK, Brazil and South Korea "
        "only; your country's consumer law may give one."
    ),
}
NONE_STEP = Message("Use the damaged or not-as-described route, then PayPal or your card issuer.")
WAITING = {
    Region.EU: Message(
        "Once the item reaches you, EU law lets you claim from the seller for a fault it had on "
        "delivery."
    ),
    Region.UK: Message(
        "Once the item reaches you, UK law lets you claim from the seller for a fault it had on "
        "delivery."
    ),
    Region.BR: Message(
        "Once the item reaches you, Brazil's consumer code lets you claim from the seller for a "
        "fault it had on delivery."
    ),
    Region.KR: Message(
        "Once the item reaches you, Korea's E-Commerce Act lets you return it for a refund if it "
        "differs from the listing or the contract."
    ),
}
WAITING_STEP = Message(
    "When it arrives, enter the day you got it to see how long the guarantee runs."
)
CLAIM_STEP = Message(
    "Message the seller with photos or a video of the fault and the order number: say you claim "
    "under the legal guarantee, and ask for a repair, a replacement or your money back."
)
EU = Message(
    "The EU legal guarantee covers a fault the item had on delivery for at least {years} years, "
    "until {closes_on}. It is claimed from the seller, who must repair or replace the item, or "
    "cut the price or refund it; AliExpress committed to EU consumer rules in {commitment}. "
    "Some EU countries also require you to tell the seller of a fault within {months} months "
    "of finding it."
)
EU_NOTICE_STEP = Message(
    "Tell the seller of any fault in writing as soon as you find it: some EU countries require "
    "it within {months} months of finding it, and counted from delivery that is by {notice_by}. "
    "Send photos or a video and the order number, and ask for a repair, a replacement or your "
    "money back."
)
EU_LATER_STEP = Message(
    "Tell the seller of a fault in writing within {months} months of finding it, as some EU "
    "countries require: send photos or a video and the order number, and ask for a repair, a "
    "replacement or your money back."
)
EU_CHECK = Message(
    "The EU minimum of {years} years from delivery on {received} ended on {closes_on}. In "
    "Spain, goods bought since {es_from} have {es_years} years, until {latest}."
)
EU_CHECK_STEP = Message(
    "If you live in Spain, message the seller about the fault by {latest}: say you claim under "
    "the legal guarantee, and ask for a repair, a replacement or your money back."
)
EU_CLOSED = Message(
    "The EU legal guarantee of {years} years from delivery on {received} ended on {closes_on}."
)
UK = Message(
    "Under UK law a faulty item can be rejected for a full refund within {reject} days of "
    "delivery, until {act_by}; after that the seller may repair or replace it first. A claim "
    "can be brought for {low} years ({high} outside Scotland), until {closes_on}. It is claimed "
    "from the seller."
)
UK_LATER = Message(
    "The {reject} days to reject a faulty item for a full refund ended on {reject_by}; the "
    "seller may now repair or replace it first. A claim can be brought for {low} years ({high} "
    "outside Scotland), until {closes_on}. It is claimed from the seller."
)
UK_STEP = Message(
    "Message the seller with photos or a video of the fault by {reject_by}: say you reject the "
    "item and want a full refund. After that day, ask for a repair or a replacement."
)
UK_CHECK = Message(
    "The shorter UK time limit for a claim ({low} years, in Scotland) ended on {closes_on}; "
    "elsewhere in the UK a claim can be brought for {high} years, until {latest}."
)
UK_CHECK_STEP = Message(
    "If you live in England, Wales or Northern Ireland, message the seller about the fault by "
    "{latest}: say you claim under the legal guarantee."
)
BR = Message(
    "Under Brazil's consumer code a visible fault must be reported to the seller within {low} "
    "days of delivery for non-durable goods, until {closes_on}, and {high} days for durable "
    "goods such as electronics, until {latest}. For a hidden fault the days count from the day "
    "it shows."
)
BR_CHECK = Message(
    "The {low} days for non-durable goods ended on {closes_on}; for a durable item, such as "
    "electronics, the {high} days run until {latest}. A hidden fault counts from the day it "
    "shows."
)
BR_CHECK_STEP = Message(
    "If your item is durable, such as electronics, message the seller about the fault by "
    "{latest}, and keep the message: a complaint stops the clock until the seller answers."
)
BR_HIDDEN = Message(
    "The {low} and {high} days for a fault visible on delivery on {received} have ended. Only "
    "a hidden defect, counted from when it showed, or a complaint to the seller still "
    "unanswered keeps the claim alive under Brazil's consumer code."
)
BR_HIDDEN_STEP = Message(
    "If the fault only showed later, message the seller within {low} days of the day it showed "
    "({high} for a durable item), with photos and that day. If you complained before and the "
    "seller never answered, say so and attach that complaint."
)
KR = Message(
    "Under Korea's E-Commerce Act goods that differ from the listing or the contract can be "
    "returned for a refund within {days} days of the day you knew or could have known of the "
    "difference, and at the latest {months} months after receipt, by {latest}. A difference "
    "you could see on arrival on {received} gives you until {closes_on}."
)
KR_STEP = Message(
    "Message the seller with photos that show how the item differs from the listing, and say "
    "you withdraw from the purchase under the E-Commerce Act, by {closes_on}."
)
KR_CHECK = Message(
    "If the difference from the listing could be seen on arrival on {received}, its {days} days "
    "ended on {closes_on}. If you could only find it out later, you have {days} days from the "
    "day you could, but never past {latest}, {months} months after receipt."
)
KR_CHECK_STEP = Message(
    "If you only found out later that the item differs from the listing, message the seller "
    "within {days} days of that day, and by {latest} at the latest: say you withdraw from the "
    "purchase under the E-Commerce Act."
)
KR_CLOSED = Message(
    "The {months} months to return goods that differ from the listing, counted from receipt on "
    "{received}, ended on {latest}; the right ends then even if the difference was found later."
)
CLOSED = Message("The legal guarantee's time limit after delivery on {received} ended on {latest}.")
CLOSED_STEP = Message(
    "Ask the seller directly; a consumer body in your country can say what else applies."
)


_BR_TEXTS = {
    Status.OPEN: (BR, CLAIM_STEP),
    Status.CHECK: (BR_CHECK, BR_CHECK_STEP),
}
_KR_TEXTS = {
    Status.OPEN: (KR, KR_STEP),
    Status.CHECK: (KR_CHECK, KR_CHECK_STEP),
    Status.CLOSED: (KR_CLOSED, CLOSED_STEP),
}
_EU_USES = ("eu_guarantee_years", "eu_fault_notice_months", "eu_commitment_year")
_ES_USES = (*_EU_USES, "es_guarantee_years")
_KR_USES = ("kr_mismatch_days", "kr_mismatch_months")


def _eu(facts: Facts, received: date) -> Verdict:
    years = facts.days("eu_guarantee_years")
    months = facts.days("eu_fault_notice_months")
    spain = facts.rule("es_guarantee_years")
    closes_on = add_years(received, years)
    notice_by = add_months(received, months)
    # The country is unknown: the EU minimum gives the last day, and a longer national
    # period in force on the order date only the latest one, named as that country's.
    longer = spain.default > years
    latest = add_years(received, spain.default) if longer else None
    values = {
        "years": years,
        "months": months,
        "received": received,
        "closes_on": closes_on,
        "notice_by": notice_by,
        "latest": latest,
        "es_years": spain.default,
        "es_from": spain.from_,
        "commitment": facts.days("eu_commitment_year"),
    }
    # The notice is the thing to do first while it can still be due from delivery;
    # after it, no day beats another until the guarantee's end.
    noticing = facts.today <= notice_by
    texts = {
        Status.OPEN: (EU, EU_NOTICE_STEP if noticing else EU_LATER_STEP),
        Status.CHECK: (EU_CHECK, EU_CHECK_STEP),
        Status.CLOSED: (EU_CLOSED, CLOSED_STEP),
    }
    return window_verdict(
        facts,
        texts,
        values,
        uses=_ES_USES if longer else _EU_USES,
        opens_on=received,
        act_by=notice_by if noticing else closes_on,
        closes_on=closes_on,
        closes_on_latest=latest,
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
        Status.CHECK: (UK_CHECK, UK_CHECK_STEP),
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
    if facts.today > latest:
        # Past both periods for a visible fault, only conditions no date bounds remain:
        # 'check' from the last period's end on, with no latest day.
        return Verdict(
            Status.CHECK,
            BR_HIDDEN.format(**values),
            BR_HIDDEN_STEP.format(**values),
            uses=("br_guarantee_days",),
            opens_on=received,
            closes_on=latest,
        )
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


def _kr(facts: Facts, received: date) -> Verdict:
    period = facts.days("kr_mismatch_days")
    months = facts.days("kr_mismatch_months")
    closes_on = received + days(period)
    latest = add_months(received, months)
    values = {
        "days": period,
        "months": months,
        "received": received,
        "closes_on": closes_on,
        "latest": latest,
    }
    return window_verdict(
        facts,
        _KR_TEXTS,
        values,
        uses=_KR_USES,
        opens_on=received,
        act_by=closes_on,
        closes_on=closes_on,
        closes_on_latest=latest,
    )


_BY_REGION = {Region.EU: _eu, Region.UK: _uk, Region.BR: _br, Region.KR: _kr}
_USES = {
    Region.EU: _EU_USES,
    Region.UK: ("uk_reject_days", "uk_guarantee_years"),
    Region.BR: ("br_guarantee_days",),
    Region.KR: _KR_USES,
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
            WAITING[region],
            WAITING_STEP,
            uses=_USES[region],
        )
    return rule(facts, received)


ROUTE = RouteSpec(
    RouteId.LEGAL_GUARANTEE,
    Message("Legal guarantee for faulty goods", context="route"),
    Family.LAW,
    GUIDE,
    in_region(judge),
    decider=Decider.LAW,
)
