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
from calculator.i18n import DEFAULT, Message, render
from calculator.policy import POLICY
from calculator.timeline import DEADLINE_KINDS

__all__ = ["calendar_filename", "calendar_ics", "future_deadlines"]

_CRLF = "\r\n"
SUMMARY = Message("AliExpress order {order}: {label}")
DESCRIPTION = Message("{label}. Next step: {step}")
CALENDAR_NAME = Message("AliExpress order {order}")
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


def _event_lines(assessment: Assessment, event: Event, stamp: str, lang: str) -> list[str]:
    reminder = POLICY.days("reminder_days")
    start = event.date.strftime("%Y%m%d")
    end = (event.date + days(1)).strftime("%Y%m%d")
    order = assessment.case.order_date.isoformat()
    summary = render(SUMMARY.format(order=order, label=event.label), lang)
    description = render(DESCRIPTION.format(label=event.label, step=assessment.next_step), lang)
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
        f"DESCRIPTION:{_escape(render(event.label, lang))}",
        f"TRIGGER:-P{reminder}D",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar_ics(assessment: Assessment, lang: str = DEFAULT) -> str:
    """The .ics text in `lang`; the stamp is the assessment day, so output depends on input
    alone."""
    stamp = assessment.today.strftime("%Y%m%dT000000Z")
    order = assessment.case.order_date.isoformat()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//refund-calc//AliExpress refund deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(render(CALENDAR_NAME.format(order=order), lang))}",
    ]
    for event in future_deadlines(assessment):
        lines.extend(_event_lines(assessment, event, stamp, lang))
    lines.append("END:VCALENDAR")
    return "".join(piece + _CRLF for line in lines for piece in _fold(line))
