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
from calculator.vocab import CompletedBy, Decider, Family, Status, status_label

__all__ = ["days_left_phrase", "long_date", "render_summary", "when_phrase"]

LINE_WIDTH = 78
"""Columns of the terminal summary: fits an 80-column terminal with room to spare."""
_INDENT = "  "
_INNER = _INDENT + _INDENT
ALIEXPRESS_HEADING = "Refund routes with AliExpress"
PAYMENT_HEADING = "If AliExpress says no: your payment"
LAW_HEADING = "If AliExpress says no: consumer law"


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


def _dates(act_by: date | None, closes_on: date | None, days_left: int | None) -> str:
    if closes_on is None:
        return ""
    last = f"last day {long_date(closes_on)}"
    if days_left is not None:
        last += f" ({days_left_phrase(days_left)})"
    if act_by is not None and act_by != closes_on:
        return f"best by {long_date(act_by)} · {last}"
    return last


def when_phrase(
    status: Status | None,
    act_by: date | None,
    closes_on: date | None,
    days_left: int | None,
    latest: date | None = None,
    *,
    family: Family = Family.ALIEXPRESS,
    decider: Decider = Decider.ORDER_PAGE,
) -> str:
    """A route's status and dates in one line: 'OPEN · best by … · last day …'.

    A 'check' leads with who decides (the order page, the bank, the law), in the route's
    own words.
    """
    if status is Status.OPEN or status is Status.NOT_YET:
        dates = _dates(act_by, closes_on, days_left)
        word = "OPEN" if status is Status.OPEN else "not yet"
        return f"{word} · {dates}" if dates else f"{word}, no fixed last day"
    if status is Status.CHECK:
        assert closes_on is not None  # a check always has its range
        until = f" and may be open until {long_date(latest)}" if latest is not None else ""
        label = status_label(status, decider).upper()
        return f"{label}: may have closed on {long_date(closes_on)}{until}"
    if status is Status.IN_DISPUTE:
        look = "look again on" if family is Family.ALIEXPRESS else "act by"
        return "IN DISPUTE" + (f" · {look} {long_date(act_by)}" if act_by else "")
    last = latest or closes_on
    if status is Status.CLOSED:
        return f"closed (last day was {long_date(last)})" if last else "closed"
    return "does not apply"


def _policy_lines(route: Route) -> list[str]:
    lines = []
    for use in route.policy:
        entry = use.entry
        since = f", since {entry.from_}" if entry.from_ is not None else ""
        titles = "; ".join(source.title for source in entry.sources)
        lines += _wrap(
            f"Rule: {entry.summary} ({entry.default} {entry.unit}{since}; {titles})", _INNER
        )
    return lines


def _route_lines(route: Route, why: bool) -> list[str]:
    phrase = when_phrase(
        route.status,
        route.act_by,
        route.closes_on,
        route.days_left,
        route.closes_on_latest,
        family=route.family,
        decider=route.decider,
    )
    lines = _wrap(f"{route.title}: {phrase}", _INNER, _INDENT)
    lines += _wrap(route.reason, _INNER)
    if route.status is not Status.NOT_APPLICABLE:
        lines += _wrap(f"Next: {route.next_step}", _INNER)
    if why:
        lines += _policy_lines(route)
    return lines


COMPLETED = "Order completed {day}"
COMPLETES = "Order completes {day}"
COMPLETES_BETWEEN = "Order completes between {day} and {latest}: check your order page"


def _completion_lines(assessment: Assessment) -> list[str]:
    """'Completed' is said as a fact only when it is one; a range says so.

    The end of protection has its own line, so a completion on that day adds none.
    """
    completed, latest = assessment.completed_on, assessment.completed_on_latest
    if completed is None:
        return []
    if latest is not None:
        return [COMPLETES_BETWEEN.format(day=long_date(completed), latest=long_date(latest))]
    if assessment.completed_by is CompletedBy.PROTECTION_END:
        return []
    text = COMPLETED if completed <= assessment.today else COMPLETES
    return [text.format(day=long_date(completed))]


def render_summary(assessment: Assessment, why: bool = False) -> str:
    """The answer as text; with `why`, each route lists the rules behind its dates."""
    case = assessment.case
    lines = [
        f"AliExpress order placed {long_date(case.order_date)}",
        f"Checked on {long_date(assessment.today)} (rules as of {POLICY.rules_as_of.isoformat()})",
    ]
    end = assessment.protection_end
    if end is not None:
        verb = "ended" if end < assessment.today else "ends"
        line = f"Purchase protection {verb} {long_date(end)}"
        if assessment.protection_end_latest is not None:
            line += f" (or as late as {long_date(assessment.protection_end_latest)}: check)"
        lines.append(line)
    lines += _completion_lines(assessment)
    lines.append("")
    lines += _wrap(f"Next step: {assessment.next_step}", _INDENT, "")
    for heading, family in (
        (ALIEXPRESS_HEADING, Family.ALIEXPRESS),
        (PAYMENT_HEADING, Family.PAYMENT),
        (LAW_HEADING, Family.LAW),
    ):
        lines += ["", heading]
        for route in assessment.routes:
            if route.family is family:
                lines += _route_lines(route, why)
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
