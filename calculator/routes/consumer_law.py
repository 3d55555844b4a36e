"""What the consumer-law routes share: which law applies where, and the day it starts.

Both the right to withdraw and the legal guarantee count from the day the item
reached the buyer. The day typed as received counts; without it, the day the
buyer confirmed receipt, the closest thing known (and never a later day).
"""

from __future__ import annotations

from datetime import date

from calculator.facts import Facts
from calculator.vocab import Region

__all__ = ["LAW_REGIONS", "REGION_GUIDES", "received_on"]

LAW_REGIONS = frozenset({Region.EU, Region.UK, Region.BR, Region.KR})
"""Regions whose law the calculator knows; each law route words its own sentences for each."""

REGION_GUIDES = {
    Region.EU: "countries/",
    Region.UK: "countries/uk/",
    Region.BR: "countries/brazil/",
    Region.KR: "countries/korea/",
    Region.US: "countries/us/",
    Region.OTHER: "countries/",
}
"""Each region's country guide page, one place for the answer to link a reader's own law.

Kept as data, not yet any route's guide: the pages are written apart from the
calculator, and the route contract test requires a route's guide page to exist.
Once they exist, the law routes can take their guide from here.
"""


def received_on(facts: Facts) -> date | None:
    case = facts.case
    return case.delivered or case.confirmed
