"""What every route module provides, and the one rule for a window of days.

A route module holds one way to get the money back: its id, title, family,
guide page and the rule that judges it. The rule returns a Verdict; the
registry turns it into the Route the answer shows, adding what every route
shares (days left, the rules used and their sources), so no module can get
those wrong on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from calculator.facts import Facts
from calculator.i18n import Message
from calculator.vocab import Decider, Family, RouteId, Status

__all__ = ["RouteSpec", "Verdict", "window", "window_verdict"]


@dataclass(slots=True)
class Verdict:
    """A route's judgement on one order; not frozen, because a frozen dataclass is built
    field by field through object.__setattr__, and a batch builds nine per row."""

    status: Status
    reason: Message
    next_step: Message
    uses: tuple[str, ...] = ()
    """Policy entry ids the dates came from."""
    opens_on: date | None = None
    act_by: date | None = None
    closes_on: date | None = None
    closes_on_latest: date | None = None
    guide: str | None = None
    """A more precise guide page than the route's own, for this verdict."""


@dataclass(frozen=True)
class RouteSpec:
    id: RouteId
    title: Message
    family: Family
    guide: str
    judge: Callable[[Facts], Verdict]
    one_per_order: bool = False
    """An AliExpress refund request: one per order, so an open one takes the others' place."""
    decider: Decider = Decider.ORDER_PAGE
    """Who can say whether the route is still open while it is in 'check'."""


def window(
    facts: Facts, opens_on: date | None, closes_on: date, closes_on_latest: date | None = None
) -> Status:
    """Not yet, open, check (may have closed: the route's decider says) or closed."""
    today = facts.today
    if opens_on is not None and today < opens_on:
        return Status.NOT_YET
    if today <= closes_on:
        return Status.OPEN
    if closes_on_latest is not None and today <= closes_on_latest:
        return Status.CHECK
    return Status.CLOSED


def window_verdict(
    facts: Facts,
    texts: dict[Status, tuple[Message, Message]],
    values: dict[str, object],
    *,
    uses: tuple[str, ...],
    opens_on: date,
    act_by: date,
    closes_on: date,
    closes_on_latest: date | None = None,
    opens_window: date | None = None,
) -> Verdict:
    """The verdict of a route that is one window of days: its status, and the reason and next
    step written for that status with the route's values filled in.

    `opens_window` is the day before which the window is not yet open, when there is one.
    """
    status = window(facts, opens_window, closes_on, closes_on_latest)
    reason, step = texts[status]
    return Verdict(
        status,
        reason.format(**values),
        step.format(**values),
        uses=uses,
        opens_on=opens_on,
        act_by=act_by,
        closes_on=closes_on,
        closes_on_latest=closes_on_latest,
    )
