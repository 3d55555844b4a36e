"""Traps worth a sentence before they cost the buyer the refund.

Each warning has a fixed id so the page and the batch output can show or
count them without parsing text.
"""

from __future__ import annotations

from datetime import date

from calculator.assessment import Dispute, Route, Warning
from calculator.dates import days
from calculator.facts import Facts
from calculator.policy import POLICY, PeakSeason

__all__ = ["collect_warnings", "earliest_dispute_day", "peak_seasons_between"]


_EARLIEST = days(POLICY.days("earliest_dispute_day"))
_ASK_EXTENSION = POLICY.days("extension_request_days")
_STALE = POLICY.days("tracking_stale_days")


def earliest_dispute_day(shipped: date) -> date:
    return shipped + _EARLIEST


def peak_seasons_between(start: date, end: date) -> list[PeakSeason]:
    return [s for s in POLICY.peak_seasons if s.start <= end and s.end >= start]


def _protection_ending(facts: Facts) -> Warning | None:
    end = facts.protection_end
    if not facts.in_transit or end is None or facts.today > end:
        return None
    if facts.case.dispute_opened is not None:
        return None  # an open dispute already keeps the claim alive
    left = (end - facts.today).days
    if left > _ASK_EXTENSION:
        return None
    return Warning(
        "protection_ending",
        f"Purchase protection ends on {end}, {_days_phrase(left)}: if the parcel is "
        "still on its way, ask the seller to extend it now, or open a dispute before then.",
    )


def _days_phrase(left: int) -> str:
    if left == 0:
        return "today"
    if left == 1:
        return "tomorrow"
    return f"in {left} days"


def _early_dispute(facts: Facts) -> Warning | None:
    shipped = facts.shipped
    if shipped is None or facts.delivered is not None:
        return None
    earliest = earliest_dispute_day(shipped)
    opened = facts.case.dispute_opened
    if opened is not None and opened < earliest:
        return Warning(
            "early_dispute",
            f"The dispute was opened before {earliest}; AliExpress may refuse a "
            "not-received dispute that early, so be ready to open it again.",
        )
    if opened is None and facts.today < earliest:
        return Warning(
            "early_dispute",
            f"AliExpress may refuse a not-received dispute before {earliest}, unless "
            "delivery was promised within a few days.",
        )
    return None


def _confirm_receipt(facts: Facts) -> Warning | None:
    end = facts.protection_end
    if not facts.in_transit or end is None or facts.today > end:
        return None
    return Warning(
        "confirm_receipt",
        "Do not confirm receipt until the item has arrived and works: confirming "
        "completes the order and starts the last dispute window early.",
    )


def _close_on_promise(dispute: Dispute | None) -> Warning | None:
    if dispute is None or dispute.stage == "refund_approved":
        return None
    return Warning(
        "close_on_promise",
        "Do not close or cancel the dispute because the seller promises a refund or "
        "a new parcel: a closed dispute usually cannot be opened again.",
    )


def _peak_season(facts: Facts, routes: tuple[Route, ...]) -> Warning | None:
    ends = [r.closes_on or facts.today for r in routes if r.status == "open"]
    if not ends:
        return None
    seasons = peak_seasons_between(facts.today, max(ends))
    if not seasons:
        return None
    names = "; ".join(f"{s.name}, {s.start} to {s.end}" for s in seasons)
    return Warning(
        "peak_season",
        f"Peak season falls within your open deadlines ({names}): shipping and "
        "support are slower then, so act early.",
    )


def _last_day(facts: Facts, routes: tuple[Route, ...]) -> Warning | None:
    """On a last day the user's midnight may come after AliExpress's own."""
    ending = [r.title for r in routes if r.status == "open" and r.days_left == 0]
    if not ending:
        return None
    return Warning(
        "last_day",
        f"Today is the last day for: {', '.join(ending)}. {POLICY.timezone_note} "
        "The day may end earlier than midnight where you are, so act now.",
    )


def _protection_assumed(facts: Facts) -> Warning | None:
    if not facts.protection_assumed or not facts.in_transit:
        return None
    length = POLICY.days("protection_days")
    return Warning(
        "protection_assumed",
        f"The end of purchase protection assumes {length} days from shipping, the "
        "shortest period in use; the countdown on the order page is the real one, "
        "so enter its date if it shows another.",
    )


def _delivered_late(facts: Facts) -> Warning | None:
    delivered, end = facts.delivered, facts.protection_end
    if delivered is None or end is None or delivered <= end:
        return None
    return Warning(
        "delivered_after_protection",
        f"The item arrived after purchase protection ended on {end}, so the dispute "
        "window counts from that day, not from delivery.",
    )


def _not_shipped(facts: Facts) -> Warning | None:
    if facts.shipped is not None:
        return None
    stale = _STALE
    if (facts.today - facts.case.order_date).days < stale:
        return None
    return Warning(
        "not_shipped",
        f"The order has not shipped {stale} or more days after it was placed: ask the "
        "seller for tracking, or cancel it.",
    )


def collect_warnings(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None
) -> tuple[Warning, ...]:
    found = (
        _last_day(facts, routes),
        _protection_ending(facts),
        _early_dispute(facts),
        _confirm_receipt(facts),
        _close_on_promise(dispute),
        _not_shipped(facts),
        _delivered_late(facts),
        _protection_assumed(facts),
        _peak_season(facts, routes),
    )
    return tuple(w for w in found if w is not None)
