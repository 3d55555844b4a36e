"""What the consumer-law routes share: which law applies where, and the day it starts.

Both the right to withdraw and the legal guarantee count from the day the item
reached the buyer. The day typed as received counts; without it, the day the
buyer confirmed receipt, the closest thing known (and never a later day).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from calculator.facts import Facts
from calculator.guides import Guide
from calculator.routes.base import Verdict
from calculator.vocab import Region

__all__ = ["LAW_REGIONS", "REGION_GUIDES", "in_region", "received_on"]

LAW_REGIONS = frozenset({Region.EU, Region.UK, Region.BR, Region.KR})
"""Regions whose law the calculator knows; each law route words its own sentences for each."""

REGION_GUIDES = {
    Region.EU: Guide.COUNTRIES,
    Region.UK: Guide.UK,
    Region.BR: Guide.BRAZIL,
    Region.KR: Guide.KOREA,
    Region.US: Guide.US,
    Region.OTHER: Guide.COUNTRIES,
}
"""Each region's country guide page, one place for the answer to link a reader's own law.

The law routes link there (see `in_region`): the page has the reader's own law,
bodies and payment routes, which no single route can say.
"""


def in_region(judge: Callable[[Facts], Verdict]) -> Callable[[Facts], Verdict]:
    """A law route's judge whose answer links the reader's own country page."""

    def judged(facts: Facts) -> Verdict:
        # The judge made this verdict for this call alone, so it is filled in place:
        # dataclasses.replace costs about sixteen times a new Verdict in Pyodide.
        verdict = judge(facts)
        verdict.guide = verdict.guide or REGION_GUIDES[facts.case.region]
        return verdict

    return judged


def received_on(facts: Facts) -> date | None:
    case = facts.case
    return case.delivered or case.confirmed
