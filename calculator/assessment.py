"""The answer for one order, as typed values that serialise to the shared JSON shape.

The JSON shape is a contract with the browser page and the batch output, so
it is built in one place: `Assessment.to_dict()`. The answer holds messages, not
sentences: `to_dict(lang)` words them in the reader's language, while keys,
ids and dates stay the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.case import Case
from calculator.fields import FIELDS
from calculator.i18n import DEFAULT, Message, render
from calculator.policy import Entry
from calculator.vocab import (
    DISPUTE_STAGE_LABELS,
    FAMILY_LABELS,
    STEP_STATE_LABELS,
    CompletedBy,
    Decider,
    DisputeOutcome,
    DisputeReason,
    DisputeStage,
    EventKind,
    Family,
    RouteId,
    Status,
    StepState,
    status_label,
)

__all__ = [
    "Assessment",
    "Dispute",
    "DisputeStep",
    "Event",
    "Notice",
    "PolicyUse",
    "Route",
    "case_dict",
    "iso",
]


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


@dataclass(frozen=True)
class PolicyUse:
    """One rule a date was worked out with: the figure used and where it comes from."""

    entry: Entry

    def to_dict(self) -> dict[str, Any]:
        entry = self.entry
        return {
            "id": entry.id,
            "value": entry.default,
            "unit": entry.unit,
            "from": iso(entry.from_),
            "sources": [
                {"title": s.title, "url": s.url, "seen": s.seen.isoformat()} for s in entry.sources
            ],
        }


@dataclass(slots=True)
class Route:
    route: RouteId
    title: Message
    family: Family
    status: Status
    opens_on: date | None
    act_by: date | None
    """The last day the guide recommends acting; on or before closes_on."""
    closes_on: date | None
    """The last day AliExpress (or the provider, or the law) still accepts the action."""
    closes_on_latest: date | None
    """Where the real last day is unknown: the latest it can be. Between the two: 'check'."""
    days_left: int | None
    reason: Message
    next_step: Message
    guide: str
    policy: tuple[PolicyUse, ...]
    decider: Decider = Decider.ORDER_PAGE
    """Who says whether the route is still open while it is in 'check'."""

    @property
    def status_label(self) -> Message:
        return status_label(self.status, self.decider)

    @property
    def policy_ids(self) -> tuple[str, ...]:
        return tuple(use.entry.id for use in self.policy)

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "route": self.route,
            "title": render(self.title, lang),
            "family": self.family,
            "family_label": render(FAMILY_LABELS[self.family], lang),
            "status": self.status,
            "status_label": render(self.status_label, lang),
            "opens_on": iso(self.opens_on),
            "act_by": iso(self.act_by),
            "closes_on": iso(self.closes_on),
            "closes_on_latest": iso(self.closes_on_latest),
            "days_left": self.days_left,
            "reason": render(self.reason, lang),
            "next_step": render(self.next_step, lang),
            "guide": self.guide,
            "policy": [use.to_dict() for use in self.policy],
        }


@dataclass(frozen=True)
class DisputeStep:
    """One step of a dispute's progress, in the words the page shows."""

    label: Message
    date: date | None
    """The day it happened or is due, if one is known."""
    state: StepState

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "label": render(self.label, lang),
            "date": iso(self.date),
            "state": self.state,
            "state_label": render(STEP_STATE_LABELS[self.state], lang),
        }


@dataclass(frozen=True)
class Dispute:
    opened: date
    reason: DisputeReason
    seller_reply_due: date
    stage: DisputeStage
    message: Message
    next_date: date | None
    """The next day the reader should look at the dispute again, if one is known."""
    refund_expected_by: date | None
    payment_note: Message | None
    guide: str
    steps: tuple[DisputeStep, ...]
    """From the opening to the money back: done, then the one current step, then next."""
    outcome: DisputeOutcome | None = None
    """How the request ended, where the reader said."""
    return_ship_by: date | None = None
    """The last day to ship an agreed return."""
    uses: tuple[str, ...] = ()
    """Policy entry ids the dispute's dates and notes came from."""

    @property
    def route(self) -> RouteId:
        """The route the dispute is about: one id for each reason."""
        return RouteId(self.reason)

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "opened": iso(self.opened),
            "reason": self.reason,
            "route": self.route,
            "seller_reply_due": iso(self.seller_reply_due),
            "stage": self.stage,
            "stage_label": render(DISPUTE_STAGE_LABELS[self.stage], lang),
            "message": render(self.message, lang),
            "next_date": iso(self.next_date),
            "refund_expected_by": iso(self.refund_expected_by),
            "payment_note": render(self.payment_note, lang),
            "guide": self.guide,
            "steps": [step.to_dict(lang) for step in self.steps],
            "outcome": self.outcome,
            "return_ship_by": iso(self.return_ship_by),
        }


@dataclass(slots=True)
class Event:
    date: date
    kind: EventKind
    label: Message
    route: RouteId | None = None

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "label": render(self.label, lang),
            "route": self.route,
        }


@dataclass(slots=True)
class Notice:
    """A trap worth a sentence; `id` is fixed so pages and batches can count them."""

    id: str
    message: Message

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {"id": self.id, "message": render(self.message, lang)}


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def case_dict(case: Case) -> dict[str, Any]:
    """Every field but today, by its attribute name, as the reader gave it."""
    return {
        field.attr: _json_value(getattr(case, field.attr))
        for field in FIELDS
        if field.name != "today"
    }


@dataclass(frozen=True)
class Assessment:
    today: date
    case: Case
    protection_end: date | None
    protection_end_latest: date | None
    completed_on: date | None
    completed_by: CompletedBy | None
    routes: tuple[Route, ...]
    completed_on_latest: date | None
    """The latest day the order may complete; None when completed_on is known for certain."""
    dispute: Dispute | None
    timeline: tuple[Event, ...]
    warnings: tuple[Notice, ...]
    next_step: Message
    next_route: RouteId | None
    """The route the next step comes from, if it comes from one."""
    next_guide: str | None = None
    """The guide page that explains the next step."""

    def route(self, route_id: str) -> Route:
        for route in self.routes:
            if route.route == route_id:
                return route
        raise KeyError(route_id)

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        """The JSON shape, its words in `lang`."""
        return {
            "today": self.today.isoformat(),
            "case": case_dict(self.case),
            "protection_end": iso(self.protection_end),
            "protection_end_latest": iso(self.protection_end_latest),
            "completed_on": iso(self.completed_on),
            "completed_by": self.completed_by,
            "completed_on_latest": iso(self.completed_on_latest),
            "routes": [route.to_dict(lang) for route in self.routes],
            "dispute": None if self.dispute is None else self.dispute.to_dict(lang),
            "timeline": [event.to_dict(lang) for event in self.timeline],
            "warnings": [warning.to_dict(lang) for warning in self.warnings],
            "next_step": render(self.next_step, lang),
            "next_route": self.next_route,
            "next_guide": self.next_guide,
        }
