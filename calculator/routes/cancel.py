"""Cancel the order: possible until the seller ships."""

from __future__ import annotations

from calculator.facts import Facts
from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec, Verdict
from calculator.vocab import Family, RouteId, Status

OPEN = Message("The order has not shipped, so it can still be cancelled.")
STEP = Message(
    "On the order page, choose Cancel order; if the seller does not answer within "
    "{hours} hours, the order cancels by itself."
)
STEP_AGREED = Message(
    "On the order page, choose Cancel order and ask the seller to agree: under the rules of "
    "the order date, an order cancels only with the seller's agreement."
)
SHIPPED = Message("The seller shipped the order on {shipped}, so it can no longer be cancelled.")
SHIPPED_STEP = Message(
    "Wait for the parcel; if it does not come or is wrong, use the route for that problem."
)


def cancel_step(facts: Facts) -> Message:
    """Shared with change of mind: before shipping, cancelling is how to change one's mind.

    Before the automatic cancellation began, the rule holds no hours (0): the seller decides.
    """
    hours = facts.days("cancel_seller_response_hours")
    return STEP.format(hours=hours) if hours else STEP_AGREED


def judge(facts: Facts) -> Verdict:
    order = facts.case.order_date
    if facts.shipped is None:
        return Verdict(
            Status.OPEN,
            OPEN,
            cancel_step(facts),
            uses=("cancel_seller_response_hours",),
            opens_on=order,
        )
    return Verdict(
        Status.CLOSED, SHIPPED.format(shipped=facts.shipped), SHIPPED_STEP, opens_on=order
    )


ROUTE = RouteSpec(
    RouteId.CANCEL,
    Message("Cancel the order", context="route"),
    Family.ALIEXPRESS,
    Guide.CANCEL,
    judge,
)
