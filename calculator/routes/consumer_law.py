"""What the consumer-law routes share: which law applies where, and the day it starts.

Both the right to withdraw and the legal guarantee count from the day the item
reached the buyer. The day typed as received counts; without it, the day the
buyer confirmed receipt, the closest thing known (and never a later day).
"""

from __future__ import annotations

from datetime import date

from calculator.facts import Facts
from calculator.vocab import Region

__all__ = ["LAW", "received_on"]

LAW = {
    Region.EU: "EU law",
    Region.UK: "UK law",
    Region.BR: "Brazil's consumer code",
}
"""How a sentence names each region's law; a region missing here has no rule in the calculator."""


def received_on(facts: Facts) -> date | None:
    case = facts.case
    return case.delivered or case.confirmed
