"""Item not as described: wrong item, wrong size or colour, fake, missing parts."""

from __future__ import annotations

from calculator.guides import Guide
from calculator.i18n import Message
from calculator.routes.base import RouteSpec
from calculator.routes.item import item_rule
from calculator.vocab import Family, RouteId

STEP = Message(
    "Photograph or film the item next to the listing, message the seller, then open a "
    "dispute (Return/refund) saying it is not as described."
)

ROUTE = RouteSpec(
    RouteId.NOT_AS_DESCRIBED,
    Message("Item not as described", context="route"),
    Family.ALIEXPRESS,
    Guide.NOT_AS_DESCRIBED,
    item_rule(STEP),
    one_per_order=True,
)
