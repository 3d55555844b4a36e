"""Traps worth a sentence before they cost the buyer the refund.

Each warning has a fixed id so the page and the batch output can show or
count them without parsing text.
"""

from __future__ import annotations

from datetime import date

from calculator.assessment import Dispute, Notice, Route
from calculator.dates import days
from calculator.facts import Facts
from calculator.policy import POLICY, PeakSeason
from calculator.routes import LIVE
from calculator.vocab import Status

__all__ = ["collect_warnings", "earliest_dispute_day", "peak_seasons_between"]

PACIFIC = (
    "If your clock is ahead of California's (Europe, Africa, Asia, Australia), that day ends "
    "after your midnight, in Europe the next morning; if it is behind (Hawaii, Alaska), it ends "
    "before your midnight. Either way, act on the day shown."
)


def earliest_dispute_day(facts: Facts, shipped: date) -> date:
    return shipped + days(facts.days("earliest_dispute_day"))


def peak_seasons_between(start: date, end: date) -> list[PeakSeason]:
    return [s for s in POLICY.peak_seasons if s.start <= end and s.end >= start]


def _protection_ending(facts: Facts) -> Notice | None:
    end = facts.protection_end
    if not facts.in_transit or end is None or facts.today > end:
        return None
    if facts.case.dispute_opened is not None:
        return None  # an open dispute already keeps the claim alive
    left = (end - facts.today).days
    if left > facts.days("extension_request_days"):
        return None
    return Notice(
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


def _early_dispute(facts: Facts) -> Notice | None:
    shipped, opened = facts.shipped, facts.case.dispute_opened
    if shipped is None or opened is None or facts.delivered is not None:
        return None
    earliest = earliest_dispute_day(facts, shipped)
    if opened >= earliest or facts.case.disputed != "not_received":
        return None
    return Notice(
        "early_dispute",
        f"The dispute was opened before {earliest}; AliExpress may refuse a "
        "not-received dispute that early, so be ready to open it again.",
    )


def _confirm_receipt(facts: Facts) -> Notice | None:
    end = facts.completed_on
    if not facts.in_transit or end is None or facts.today > end:
        return None
    return Notice(
        "confirm_receipt",
        "Do not confirm receipt until the item has arrived and works: confirming "
        "completes the order and starts the last dispute window early.",
    )


def _close_on_promise(dispute: Dispute | None) -> Notice | None:
    if dispute is None or dispute.stage in ("refund_approved", "closed"):
        return None
    return Notice(
        "close_on_promise",
        "Do not close or cancel the dispute because the seller promises a refund or "
        "a new parcel: a closed dispute usually cannot be opened again.",
    )


def _peak_season(facts: Facts, routes: tuple[Route, ...]) -> Notice | None:
    ends = [r.closes_on or facts.today for r in routes if r.status in LIVE]
    if not ends:
        return None
    seasons = peak_seasons_between(facts.today, max(ends))
    if not seasons:
        return None
    names = "; ".join(f"{s.name}, {s.start} to {s.end}" for s in seasons)
    return Notice(
        "peak_season",
        f"Peak season falls within your open deadlines ({names}): shipping and "
        "support are slower then, so act early.",
    )


def _last_day(facts: Facts, routes: tuple[Route, ...]) -> Notice | None:
    """On a last day the reader's midnight and AliExpress's are hours apart."""
    ending = [r.title for r in routes if r.status is Status.OPEN and r.days_left == 0]
    if not ending:
        return None
    return Notice(
        "last_day",
        f"Today is the last day for: {', '.join(ending)}. {POLICY.timezone_note} {PACIFIC}",
    )


def _protection_assumed(facts: Facts) -> Notice | None:
    if facts.completed_latest is None:
        return None
    protection = facts.rule("protection_days")
    return Notice(
        "protection_assumed",
        f"No countdown was entered, so the dates assume {protection.low} days of protection "
        f"from shipping, the shortest period in use; it can be up to {protection.high}. The "
        "countdown on your order page decides: enter its last day.",
    )


def _delivered_late(facts: Facts) -> Notice | None:
    delivered, end = facts.delivered, facts.protection_end
    if delivered is None or end is None or delivered <= end or facts.protection_assumed:
        return None
    return Notice(
        "delivered_after_protection",
        f"The item arrived after purchase protection ended on {end}, so the dispute "
        "window counts from that day, not from delivery.",
    )


def _not_shipped(facts: Facts) -> Notice | None:
    if facts.shipped is not None:
        return None
    stale = facts.days("tracking_stale_days")
    if (facts.today - facts.case.order_date).days < stale:
        return None
    return Notice(
        "not_shipped",
        f"The order has not shipped {stale} or more days after it was placed: ask the "
        "seller for tracking, or cancel it.",
    )


def collect_warnings(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None
) -> tuple[Notice, ...]:
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
