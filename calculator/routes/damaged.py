"""Item arrived damaged or does not work."""

from __future__ import annotations

from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec
from calculator.routes.item import item_rule
from calculator.vocab import Family, RouteId

STEP = Message(
    "Photograph the damage and the packaging, message the seller, then open a dispute "
    "(Return/refund) for a damaged item."
)

ROUTE = RouteSpec(
    RouteId.DAMAGED,
    Message("Item arrived damaged", context="route"),
    Family.ALIEXPRESS,
    Guide.DAMAGED,
    item_rule(STEP),
    one_per_order=True,
)
