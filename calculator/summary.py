"""The assessment as short lines for an 80-column terminal.

A worried buyer reads this once, top to bottom: the next step first, then
each route with its last day written with the weekday, since "Monday" is
easier to act on than a bare date.
"""

from __future__ import annotations

import textwrap
from datetime import date

from calculator.assessment import Assessment, Route
from calculator.dates import weekday_name
from calculator.policy import POLICY

__all__ = ["days_left_phrase", "long_date", "render_summary"]

LINE_WIDTH = 78
"""Columns of the terminal summary: fits an 80-column terminal with room to spare."""
_INDENT = "  "
_INNER = _INDENT + _INDENT


def long_date(day: date) -> str:
    return f"{weekday_name(day)} {day.isoformat()}"


def days_left_phrase(days_left: int) -> str:
    if days_left == 0:
        return "today is the last day"
    if days_left == 1:
        return "1 day left"
    return f"{days_left} days left"


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=LINE_WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def _status(route: Route) -> str:
    if route.status == "open":
        if route.closes_on is None or route.days_left is None:
            return "OPEN, no fixed last day"
        return f"OPEN until {long_date(route.closes_on)} ({days_left_phrase(route.days_left)})"
    if route.status == "closed":
        if route.closes_on is None:
            return "closed"
        return f"closed (last day was {long_date(route.closes_on)})"
    if route.status == "not_yet":
        return "not yet"
    return "does not apply"


def _route_lines(route: Route) -> list[str]:
    lines = _wrap(f"{route.title}: {_status(route)}", _INNER, _INDENT)
    lines += _wrap(route.reason, _INNER)
    if route.status in ("open", "closed"):
        lines += _wrap(f"Next: {route.next_step}", _INNER)
    return lines


def render_summary(assessment: Assessment) -> str:
    case = assessment.case
    lines = [
        f"AliExpress order placed {long_date(case.order_date)}",
        f"Checked on {long_date(assessment.today)} (rules as of {POLICY.rules_as_of.isoformat()})",
    ]
    if assessment.completed_on is not None:
        lines.append(f"Order completed {long_date(assessment.completed_on)}")
    elif assessment.protection_end is not None:
        verb = "ended" if assessment.protection_end < assessment.today else "ends"
        lines.append(f"Purchase protection {verb} {long_date(assessment.protection_end)}")
    lines.append("")
    lines += _wrap(f"Next step: {assessment.next_step}", _INDENT, "")
    lines += ["", "Refund routes"]
    for route in assessment.routes:
        lines += _route_lines(route)
    dispute = assessment.dispute
    if dispute is not None:
        lines += ["", f"Dispute opened {long_date(dispute.opened)}"]
        lines += _wrap(dispute.message, _INNER, _INDENT)
        if dispute.payment_note is not None:
            lines += _wrap(dispute.payment_note, _INNER, _INDENT)
    if assessment.warnings:
        lines += ["", "Watch out"]
        for warning in assessment.warnings:
            lines += _wrap(warning.message, _INNER, _INDENT + "! ")
    lines += ["", "Timeline (> still ahead)"]
    for event in assessment.timeline:
        marker = "  " if event.date < assessment.today else "> "
        lines += _wrap(
            event.label,
            " " * len(f"{marker}{long_date(event.date)}  "),
            f"{marker}{long_date(event.date)}  ",
        )
    return "\n".join(lines) + "\n"
