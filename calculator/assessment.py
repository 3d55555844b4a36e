"""The answer for one order, as typed values that serialise to the shared JSON shape.

The JSON shape is a contract with the browser page and the batch output, so
it is built in one place: `Assessment.to_dict()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.case import Case

__all__ = [
    "ROUTE_IDS",
    "STATUSES",
    "Assessment",
    "Dispute",
    "Event",
    "Route",
    "Warning",
    "iso",
]

ROUTE_IDS = ("cancel", "not_received", "not_as_described", "damaged", "change_of_mind")
STATUSES = ("open", "not_yet", "closed", "not_applicable")


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


@dataclass(slots=True)
class Route:
    route: str
    title: str
    status: str
    opens_on: date | None
    closes_on: date | None
    days_left: int | None
    reason: str
    next_step: str
    guide: str
    policy: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "route": self.route,
            "title": self.title,
            "status": self.status,
            "opens_on": iso(self.opens_on),
            "closes_on": iso(self.closes_on),
            "days_left": self.days_left,
            "reason": self.reason,
            "next_step": self.next_step,
            "guide": self.guide,
            "policy": list(self.policy),
        }


@dataclass(frozen=True)
class Dispute:
    opened: date
    seller_reply_due: date
    stage: str
    message: str
    refund_expected_by: date | None
    payment_note: str | None
    guide: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "opened": iso(self.opened),
            "seller_reply_due": iso(self.seller_reply_due),
            "stage": self.stage,
            "message": self.message,
            "refund_expected_by": iso(self.refund_expected_by),
            "payment_note": self.payment_note,
            "guide": self.guide,
        }


@dataclass(slots=True)
class Event:
    date: date
    kind: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "kind": self.kind, "label": self.label}


@dataclass(slots=True)
class Warning:
    id: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "message": self.message}


def case_dict(case: Case) -> dict[str, Any]:
    return {
        "order_date": iso(case.order_date),
        "shipped": iso(case.shipped),
        "delivered": iso(case.delivered),
        "protection_end": iso(case.protection_end),
        "protection_days": case.protection_days,
        "dispute_opened": iso(case.dispute_opened),
        "seller_replied": iso(case.seller_replied),
        "refund_approved": iso(case.refund_approved),
        "payment_method": case.payment_method,
        "free_return": case.free_return,
    }


@dataclass(frozen=True)
class Assessment:
    today: date
    case: Case
    protection_end: date | None
    completed_on: date | None
    routes: tuple[Route, ...]
    dispute: Dispute | None
    timeline: tuple[Event, ...]
    warnings: tuple[Warning, ...]
    next_step: str

    def route(self, route_id: str) -> Route:
        for route in self.routes:
            if route.route == route_id:
                return route
        raise KeyError(route_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "case": case_dict(self.case),
            "protection_end": iso(self.protection_end),
            "completed_on": iso(self.completed_on),
            "routes": [route.to_dict() for route in self.routes],
            "dispute": None if self.dispute is None else self.dispute.to_dict(),
            "timeline": [event.to_dict() for event in self.timeline],
            "warnings": [warning.to_dict() for warning in self.warnings],
            "next_step": self.next_step,
        }
