"""Calendar-date helpers: strict ISO parsing and Monday-to-Friday counting.

Only YYYY-MM-DD is accepted, because a date typed as 03/04/2026 means
different days to different readers, and a wrong deadline is worse than an
error message.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = ["ISO_DATE", "add_working_days", "days", "parse_iso", "weekday_name"]

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ONE_DAY = timedelta(days=1)


def days(count: int) -> timedelta:
    return timedelta(days=count)


def parse_iso(text: str) -> date | None:
    """The date for an exact YYYY-MM-DD string, or None when it is not one (or not real)."""
    if ISO_DATE.fullmatch(text) is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def add_working_days(start: date, count: int) -> date:
    """The day `count` working days (Monday to Friday) after `start`; holidays are not known."""
    current = start
    remaining = count
    while remaining > 0:
        current += _ONE_DAY
        if current.weekday() < calendar.SATURDAY:
            remaining -= 1
    return current


def weekday_name(day: date) -> str:
    """Short English weekday name, independent of the process locale."""
    return _NAMES[day.weekday()]


_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
