"""Calendar-date helpers: strict ISO parsing and Monday-to-Friday counting.

Only YYYY-MM-DD is accepted, because a date typed as 03/04/2026 means
different days to different readers, and a wrong deadline is worse than an
error message.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = [
    "ISO_DATE",
    "add_months",
    "add_working_days",
    "add_years",
    "days",
    "parse_iso",
    "weekday_name",
]

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ONE_DAY = timedelta(days=1)
_WORKING_DAYS_A_WEEK = calendar.SATURDAY
"""Monday (0) to Friday (4): the number of the first weekend day is the count of working days."""
_MONTHS_A_YEAR = len(calendar.month_abbr) - 1
"""Twelve, from the calendar module: month_abbr has an empty first entry."""


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
    if count <= 0:
        return start
    # Any seven days in a row hold five working days, wherever they start; the last
    # few are counted by hand so the answer is a working day, never the weekend after.
    weeks, remaining = divmod(count - 1, _WORKING_DAYS_A_WEEK)
    remaining += 1
    current = start + timedelta(weeks=weeks)
    while remaining > 0:
        current += _ONE_DAY
        if current.weekday() < calendar.SATURDAY:
            remaining -= 1
    return current


def add_months(start: date, count: int) -> date:
    """The same day `count` months later; a day the month lacks becomes its last day.

    31 January plus one month is 28 (or 29) February: the earlier day, never a later one.
    """
    month_index = start.year * _MONTHS_A_YEAR + start.month - 1 + count
    year, month = divmod(month_index, _MONTHS_A_YEAR)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def add_years(start: date, count: int) -> date:
    """The same day `count` years later; 29 February becomes 28 February."""
    return add_months(start, count * _MONTHS_A_YEAR)


def weekday_name(day: date) -> str:
    """Short English weekday name, independent of the process locale."""
    return _NAMES[day.weekday()]


_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
