"""Traps worth a sentence before they cost the buyer the refund.

Each warning has a fixed id so the page and the batch output can show or
count them without parsing text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from calculator.assessment import Dispute, Notice, Route
from calculator.dates import add_working_days, days
from calculator.facts import Facts
from calculator.i18n import Joined, Message
from calculator.policy import POLICY, PeakSeason
from calculator.routes import LIVE, most_urgent, of_family
from calculator.vocab import OVER, DisputeStage, RouteId, Status

__all__ = [
    "ClosingFirst",
    "aliexpress_expected_end",
    "closing_first",
    "collect_warnings",
    "earliest_dispute_day",
    "peak_seasons_between",
    "warning_ids",
]

PROTECTION_ENDING = {
    0: Message(
        "Purchase protection ends on {end}, today: if the parcel is still on its way, ask the "
        "seller to extend it now, or open a dispute before then."
    ),
    1: Message(
        "Purchase protection ends on {end}, tomorrow: if the parcel is still on its way, ask "
        "the seller to extend it now, or open a dispute before then."
    ),
}
PROTECTION_ENDING_IN = Message(
    "Purchase protection ends on {end}, in {n} day: if the parcel is still on its way, ask the "
    "seller to extend it now, or open a dispute before then.",
    plural="Purchase protection ends on {end}, in {n} days: if the parcel is still on its way, "
    "ask the seller to extend it now, or open a dispute before then.",
)
EARLY_DISPUTE = Message(
    "The dispute was opened before {earliest}; AliExpress may refuse a not-received dispute "
    "that early, so be ready to open it again."
)
CONFIRM_RECEIPT = Message(
    "Do not confirm receipt until the item has arrived and works: confirming completes the "
    "order and starts the last dispute window early."
)
CLOSE_ON_PROMISE = Message(
    "Do not close or cancel the dispute because the seller promises a refund or a new parcel: "
    "a closed dispute usually cannot be opened again."
)
PEAK_SEASON = Message(
    "Peak season falls within your open deadlines ({names}): shipping and support are slower "
    "then, so act early."
)
PEAK_SEASON_ITEM = Message("{name}, {start} to {end}")
LAST_DAY = Message("Today is the last day for: {titles}.")
LAST_DAY_PACIFIC = Message(
    "Today is the last day for: {titles}. AliExpress states its deadlines in US Pacific time "
    "(PST/PDT). If your clock is ahead of California's (Europe, Africa, Asia, Australia), that "
    "day ends after your midnight, in Europe the next morning; if it is behind (Hawaii, "
    "Alaska), it ends before your midnight. Either way, act on the day shown."
)
"""Its second sentence is policy.toml's timezone note, which a test keeps the same."""
PROTECTION_ASSUMED = Message(
    "No countdown was entered, so the dates assume {low} days of protection from shipping, "
    "the shortest period in use; it can be up to {high}. The countdown on your order page "
    "decides: enter its last day."
)
DELIVERED_LATE = Message(
    "The item arrived after purchase protection ended on {end}, so the dispute window counts "
    "from that day, not from delivery."
)
NOT_SHIPPED = Message(
    "The order has not shipped {stale} or more days after it was placed: ask the seller for "
    "tracking, or cancel it."
)
# If the reader waits for AliExpress (a case still to decide, or an approved refund on its
# way), and a fallback closes first (or may already have closed): whole sentences for each.
FALLBACK_CLOSES_FIRST = Message(
    "If you wait for AliExpress, its decision and the money may take until about {end} "
    "({seller} days for the seller, {review} for AliExpress to step in, up to {refund} working "
    "days for the refund). Another route closes first: {title}, on {last}. Act on it by then, "
    "even if the AliExpress case is still open."
)
FALLBACK_MAY_HAVE_CLOSED = Message(
    "If you wait for AliExpress, its decision and the money may take until about {end} "
    "({seller} days for the seller, {review} for AliExpress to step in, up to {refund} working "
    "days for the refund). Another route may already have closed: {title}, on {last} by the "
    "strictest limit, and on {latest} at the latest. Ask about it now, even if the AliExpress "
    "case is still open."
)
REFUND_CLOSES_FIRST = Message(
    "The approved refund may take until about {end} to arrive (up to {refund} working days). "
    "Another route closes first: {title}, on {last}. If the money has not come by then, act on "
    "it before that day."
)
REFUND_MAY_HAVE_CLOSED = Message(
    "The approved refund may take until about {end} to arrive (up to {refund} working days). "
    "Another route may already have closed: {title}, on {last} by the strictest limit, and on "
    "{latest} at the latest. Ask about it now, even if the AliExpress case is still open."
)
CHARGEBACK_FREEZES = Message(
    "A chargeback freezes the AliExpress order and its dispute until the bank decides, and "
    "the bank's decision then stands. Tell the bank about any open dispute, and if AliExpress "
    "refunds you first, tell the bank at once: never keep two refunds."
)


Found = tuple[str, Callable[[], Message]]
"""A warning's id, and how to word it: a batch row shows the id alone."""


def earliest_dispute_day(facts: Facts, shipped: date) -> date:
    return shipped + days(facts.days("earliest_dispute_day"))


def peak_seasons_between(start: date, end: date) -> list[PeakSeason]:
    return [s for s in POLICY.peak_seasons if s.start <= end and s.end >= start]


def _protection_ending(facts: Facts) -> Found | None:
    end = facts.protection_end
    if not facts.in_transit or end is None or facts.today > end:
        return None
    if facts.case.dispute_opened is not None:
        return None  # an open dispute already keeps the claim alive
    left = (end - facts.today).days
    if left > facts.days("extension_request_days"):
        return None
    message = PROTECTION_ENDING.get(left, PROTECTION_ENDING_IN)
    return "protection_ending", lambda: message.format(end=end, n=left)


def _early_dispute(facts: Facts) -> Found | None:
    shipped, opened = facts.shipped, facts.case.dispute_opened
    if shipped is None or opened is None or facts.delivered is not None:
        return None
    earliest = earliest_dispute_day(facts, shipped)
    if opened >= earliest or facts.case.disputed != "not_received":
        return None
    return "early_dispute", lambda: EARLY_DISPUTE.format(earliest=earliest)


def _confirm_receipt(facts: Facts) -> Found | None:
    end = facts.completed_on
    if not facts.in_transit or end is None or facts.today > end:
        return None
    return "confirm_receipt", lambda: CONFIRM_RECEIPT


def _close_on_promise(dispute: Dispute | None) -> Found | None:
    if dispute is None or dispute.stage in OVER or dispute.stage is DisputeStage.REFUND_APPROVED:
        return None
    return "close_on_promise", lambda: CLOSE_ON_PROMISE


def _peak_season(facts: Facts, routes: tuple[Route, ...]) -> Found | None:
    """Only AliExpress's own deadlines: peak season slows shipping and support, not the law."""
    own = of_family(routes, aliexpress=True)
    ends = [r.closes_on or facts.today for r in own if r.status in LIVE]
    if not ends:
        return None
    seasons = peak_seasons_between(facts.today, max(ends))
    if not seasons:
        return None

    def word() -> Message:
        names = tuple(
            PEAK_SEASON_ITEM.format(name=Message(s.name), start=s.start, end=s.end) for s in seasons
        )
        return PEAK_SEASON.format(names=Joined(names, "; "))

    return "peak_season", word


def _last_day(facts: Facts, routes: tuple[Route, ...]) -> Found | None:
    """On an AliExpress last day the reader's midnight and AliExpress's are hours apart."""
    ending = [r for r in routes if r.status is Status.OPEN and r.days_left == 0]
    if not ending:
        return None
    text = LAST_DAY_PACIFIC if of_family(tuple(ending), aliexpress=True) else LAST_DAY
    return "last_day", lambda: text.format(titles=Joined(tuple(r.title for r in ending)))


def _protection_assumed(facts: Facts) -> Found | None:
    """Only while the assumed countdown still moves a date: a confirmed receipt fixes them."""
    if not facts.protection_assumed or facts.completed_latest is None:
        return None
    protection = facts.rule("protection_days")
    return "protection_assumed", lambda: PROTECTION_ASSUMED.format(
        low=protection.low, high=protection.high
    )


def _delivered_late(facts: Facts) -> Found | None:
    delivered, end = facts.delivered, facts.protection_end
    if delivered is None or end is None or delivered <= end or facts.protection_assumed:
        return None
    return "delivered_after_protection", lambda: DELIVERED_LATE.format(end=end)


def _not_shipped(facts: Facts) -> Found | None:
    if facts.shipped is not None:
        return None
    stale = facts.days("tracking_stale_days")
    if (facts.today - facts.case.order_date).days < stale:
        return None
    return "not_shipped", lambda: NOT_SHIPPED.format(stale=stale)


def aliexpress_expected_end(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None
) -> date | None:
    """The day AliExpress's case is likely decided and paid, if the reader waits for it.

    With an open dispute: from its opening (or the refund's expected day once approved).
    Without one, or after the buyer cancelled it: AliExpress's route to act on first, opened
    on its last day (or today, if that day has passed), then the seller's reply, AliExpress's
    review and the refund wait.
    """
    if dispute is not None and dispute.stage is not DisputeStage.CANCELLED:
        if dispute.refund_expected_by is not None:
            return dispute.refund_expected_by
        if dispute.stage is DisputeStage.CLOSED:
            return None
        start = dispute.opened
    else:
        own = most_urgent(of_family(routes, aliexpress=True))
        if own is None or own.closes_on is None:
            return None
        start = max(own.closes_on, facts.today)
    waited = start + days(facts.days("seller_response_days") + facts.days("escalation_review_days"))
    return add_working_days(waited, facts.days("refund_working_days"))


class ClosingFirst(NamedTuple):
    """A fallback that closes before AliExpress is likely to decide, and that day."""

    route: Route
    aliexpress_end: date


def closing_first(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None
) -> ClosingFirst | None:
    """The payment or law route whose last day comes first, if it comes before AliExpress
    is likely to decide; worked out once per answer, since two warnings and the batch's
    fallback columns all ask.

    The last day is the strictest one: a route in 'check' may already have closed, and the
    warning says so rather than count on its latest day.
    """
    end = aliexpress_expected_end(facts, routes, dispute)
    if end is None:
        return None
    closing = [
        route
        for route in of_family(routes, aliexpress=False)
        if route.status in LIVE and route.closes_on is not None and route.closes_on < end
    ]
    first = min(
        closing, key=lambda route: (route.closes_on or date.max, route.title.id), default=None
    )
    return None if first is None else ClosingFirst(first, end)


def _fallback_first(
    facts: Facts, first: ClosingFirst | None, dispute: Dispute | None
) -> Found | None:
    if first is None:
        return None
    route = first.route

    def word() -> Message:
        values = {
            "end": first.aliexpress_end,
            "seller": facts.days("seller_response_days"),
            "review": facts.days("escalation_review_days"),
            "refund": facts.days("refund_working_days"),
            "title": route.title,
            "last": route.closes_on,
            "latest": route.closes_on_latest,
        }
        refunding = dispute is not None and dispute.refund_expected_by is not None
        may_have_closed = route.status is Status.CHECK
        text = {
            (False, False): FALLBACK_CLOSES_FIRST,
            (False, True): FALLBACK_MAY_HAVE_CLOSED,
            (True, False): REFUND_CLOSES_FIRST,
            (True, True): REFUND_MAY_HAVE_CLOSED,
        }[refunding, may_have_closed]
        return text.format(**values)

    return "fallback_closes_first", word


def _chargeback_freezes(first: ClosingFirst | None) -> Found | None:
    """A chargeback suggested while AliExpress can still decide: it stops AliExpress's case.

    Suggested means named by the fallback warning: its last day comes before AliExpress is
    likely to decide, so the reader may have to choose between the two.
    """
    if first is None or first.route.route is not RouteId.CHARGEBACK:
        return None
    return "chargeback_freezes_order", lambda: CHARGEBACK_FREEZES


def _found(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None, first: ClosingFirst | None
) -> list[Found]:
    found = (
        _last_day(facts, routes),
        _protection_ending(facts),
        _early_dispute(facts),
        _confirm_receipt(facts),
        _close_on_promise(dispute),
        _not_shipped(facts),
        _delivered_late(facts),
        _protection_assumed(facts),
        _fallback_first(facts, first, dispute),
        _chargeback_freezes(first),
        _peak_season(facts, routes),
    )
    return [w for w in found if w is not None]


def collect_warnings(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None, first: ClosingFirst | None
) -> tuple[Notice, ...]:
    """`first` is `closing_first` for the same routes."""
    return tuple(Notice(id, word()) for id, word in _found(facts, routes, dispute, first))


def warning_ids(
    facts: Facts, routes: tuple[Route, ...], dispute: Dispute | None, first: ClosingFirst | None
) -> tuple[str, ...]:
    """The ids of `collect_warnings`, in its order, without their words: all a batch row
    shows of them."""
    return tuple(id for id, _ in _found(facts, routes, dispute, first))
