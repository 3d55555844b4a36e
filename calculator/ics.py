"""The future deadlines as an RFC 5545 calendar, so reminders reach the buyer in time.

All-day events, because the rules count calendar days; every event carries a
display alarm some days before, since a reminder on the last day is too late
to gather evidence. Output is deterministic for a given assessment, so the
same order exported twice updates the same calendar entries.
"""

from __future__ import annotations

import json
import uuid

from calculator.assessment import Assessment, Event, case_dict
from calculator.dates import days
from calculator.policy import POLICY
from calculator.timeline import DEADLINE_KINDS

__all__ = ["calendar_filename", "calendar_ics", "future_deadlines"]

_CRLF = "\r\n"
FOLD_OCTETS = 75
"""RFC 5545 section 3.1: content lines longer than this many octets are folded."""


def future_deadlines(assessment: Assessment) -> list[Event]:
    return [
        e for e in assessment.timeline if e.kind in DEADLINE_KINDS and e.date >= assessment.today
    ]


def calendar_filename(assessment: Assessment) -> str:
    return f"aliexpress-order-{assessment.case.order_date.isoformat()}-deadlines.ics"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most the folding limit in UTF-8 octets."""
    pieces: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode("utf-8")) > FOLD_OCTETS:
            pieces.append(current)
            current = " "
        current += char
    pieces.append(current)
    return pieces


def _uid(assessment: Assessment, event: Event) -> str:
    """Stable across days for the same order, so a re-import updates instead of duplicating."""
    key = json.dumps(case_dict(assessment.case), sort_keys=True) + event.kind + (event.route or "")
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, key)}@refund-calc"


def _event_lines(assessment: Assessment, event: Event, stamp: str) -> list[str]:
    reminder = POLICY.days("reminder_days")
    start = event.date.strftime("%Y%m%d")
    end = (event.date + days(1)).strftime("%Y%m%d")
    summary = f"AliExpress order {assessment.case.order_date}: {event.label}"
    description = f"{event.label}. Next step: {assessment.next_step}"
    return [
        "BEGIN:VEVENT",
        f"UID:{_uid(assessment, event)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start}",
        f"DTEND;VALUE=DATE:{end}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(event.label)}",
        f"TRIGGER:-P{reminder}D",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar_ics(assessment: Assessment) -> str:
    """The .ics text; the stamp is the assessment day, so output depends on input alone."""
    stamp = assessment.today.strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//refund-calc//AliExpress refund deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape('AliExpress order ' + str(assessment.case.order_date))}",
    ]
    for event in future_deadlines(assessment):
        lines.extend(_event_lines(assessment, event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(piece + _CRLF for line in lines for piece in _fold(line))
