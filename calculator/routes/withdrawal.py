"""The statutory right to withdraw from a distance purchase, without a reason, by region.

The EU and the UK give a period from receipt and then a period to send the
item back; Brazil's consumer code and Korea's E-Commerce Act give a shorter
period from receipt. No such right is known to the calculator elsewhere, and the
route says so. Korea's longer period for goods that differ from the listing is
not a change of mind: the legal guarantee route counts it. In the EU a
buyer never told of the right gets up to a year more; AliExpress committed to
telling EU buyers about it from a known day, so only older orders can count on it.
"""

from __future__ import annotations

from datetime import date

from calculator.dates import add_months, days
from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict, window_verdict
from calculator.routes.consumer_law import in_region, received_on
from calculator.vocab import Decider, Family, Region, RouteId, Status

GUIDE = Guide.EU_RIGHTS
TITLE = Message("Withdraw under consumer law", context="route")

NONE = {
    Region.US: Message(
        "No US law gives a general right to cancel an online purchase without a reason."
    ),
    Region.OTHER: Message(
        "The calculator knows the right to withdraw of the EU, the UK, Brazil and South Korea "
        "only; your country's consumer law may give one."
    ),
}
NONE_STEP = Message(
    "Use AliExpress's own routes: cancel before shipping, a Free Return where the item has the "
    "label, or a dispute if the item is wrong."
)
WAITING = {
    Region.EU: Message(
        "Under EU law you may withdraw from this purchase without a reason within {days} days "
        "of receiving it; the days start when the item reaches you."
    ),
    Region.UK: Message(
        "Under UK law you may withdraw from this purchase without a reason within {days} days "
        "of receiving it; the days start when the item reaches you."
    ),
    Region.BR: Message(
        "Under Brazil's consumer code you may withdraw from this purchase without a reason "
        "within {days} days of receiving it; the days start when the item reaches you."
    ),
    Region.KR: Message(
        "Under Korea's E-Commerce Act you may withdraw from this purchase without a reason "
        "within {days} days of receiving it; the days start when the item reaches you."
    ),
}
WAITING_STEP = Message("When it arrives, enter the day you got it to see your last day.")
OPEN = {
    Region.EU: Message(
        "Under EU law you may withdraw from this purchase without a reason until {closes_on}, "
        "{days} days after you received it on {received}. Then you have {send} days to send it "
        "back. Personalised and perishable items, and sealed hygiene items once opened, are "
        "excluded."
    ),
    Region.UK: Message(
        "Under UK law you may withdraw from this purchase without a reason until {closes_on}, "
        "{days} days after you received it on {received}. Then you have {send} days to send it "
        "back. Personalised and perishable items, and sealed hygiene items once opened, are "
        "excluded."
    ),
    Region.BR: Message(
        "Under Brazil's consumer code you may withdraw from this purchase without a reason until "
        "{closes_on}, {days} days after you received it on {received}."
    ),
    Region.KR: Message(
        "Under Korea's E-Commerce Act you may withdraw from this purchase without a reason until "
        "{closes_on}, {days} days after you received it on {received}."
    ),
}
OPEN_STEP = Message(
    "Tell the seller in writing, in the order's messages, that you withdraw from the purchase, "
    "by {closes_on}; keep a screenshot. The seller must then refund what you paid."
)
CHECK = Message(
    "The {days} days to withdraw after you received the item on {received} ended on "
    "{closes_on}. If the seller never told you of this right, it runs {months} months longer, "
    "until {latest}."
)
CHECK_STEP = Message(
    "If nobody told you of the right to withdraw when you bought, tell the seller now, in "
    "writing, that you withdraw."
)
CLOSED = Message(
    "The {days} days to withdraw after you received the item on {received} ended on {closes_on}."
)
CLOSED_STEP = Message("If the item is faulty, the legal guarantee may still help.")
KR_CLOSED_STEP = Message(
    "If the item differs from the listing or the contract, Korea's E-Commerce Act gives "
    "longer: the legal guarantee route shows how long."
)

_RULES = {
    Region.EU: ("eu_withdrawal_days", "eu_return_send_days"),
    Region.UK: ("uk_withdrawal_days", "uk_return_send_days"),
    Region.BR: ("br_withdrawal_days", None),
    Region.KR: ("kr_withdrawal_days", None),
}


def _texts(region: Region) -> dict[Status, tuple[Message, Message]]:
    closed_step = KR_CLOSED_STEP if region is Region.KR else CLOSED_STEP
    return {
        Status.OPEN: (OPEN[region], OPEN_STEP),
        Status.CHECK: (CHECK, CHECK_STEP),
        Status.CLOSED: (CLOSED, closed_step),
    }


def judge(facts: Facts) -> Verdict:
    region = facts.case.region
    rule = _RULES.get(region)
    if rule is None:
        return Verdict(Status.NOT_APPLICABLE, NONE[region], NONE_STEP)
    days_id, send_id = rule
    uses = [days_id] if send_id is None else [days_id, send_id]
    period = facts.days(days_id)
    values: dict[str, object] = {"days": period}
    if send_id is not None:
        values["send"] = facts.days(send_id)
    received = received_on(facts)
    if received is None:
        return Verdict(
            Status.NOT_YET, WAITING[region].format(**values), WAITING_STEP, uses=tuple(uses)
        )
    closes_on = received + days(period)
    latest = None
    if region is Region.EU:
        # An undated commitment would mean no order can count on the longer period.
        informed_from = facts.rule("eu_commitment_year").from_ or date.min
        if facts.case.order_date < informed_from:
            months = facts.days("eu_withdrawal_extension_months")
            latest = add_months(closes_on, months)
            values["months"] = months
            uses += ["eu_commitment_year", "eu_withdrawal_extension_months"]
    values.update(received=received, closes_on=closes_on, latest=latest)
    return window_verdict(
        facts,
        _texts(region),
        values,
        uses=tuple(uses),
        opens_on=received,
        act_by=closes_on,
        closes_on=closes_on,
        closes_on_latest=latest,
    )


ROUTE = RouteSpec(
    RouteId.WITHDRAWAL, TITLE, Family.LAW, GUIDE, in_region(judge), decider=Decider.LAW
)
