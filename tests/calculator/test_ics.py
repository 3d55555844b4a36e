"""The calendar file, read back with the icalendar library."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar

from calculator import Case, PaymentMethod, assess, calendar_ics
from calculator.ics import FOLD_OCTETS, _escape, _fold, calendar_filename, future_deadlines
from calculator.policy import POLICY

DAY = timedelta(days=1)


def events(text: str) -> list[icalendar.cal.Component]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def test_future_deadlines_become_all_day_events_with_reminders() -> None:
    order, shipped = date(2026, 10, 1), date(2026, 10, 3)
    today = shipped + DAY
    result = assess(Case(order_date=order, shipped=shipped, today=today))
    text = calendar_ics(result)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    found = events(text)
    expected = future_deadlines(result)
    assert len(found) == len(expected) >= 2
    assert {e.kind for e in expected} == {
        "opens_on",
        "ask_extension",
        "act_by",
        "protection_end",
        "closes_on",
        "closes_on_latest",
    }
    # Two routes' deadlines on one day stay two events: the uid holds the route.
    assert len({str(event["UID"]) for event in found}) == len(found)
    for event, source in zip(found, expected, strict=True):
        start = event.decoded("DTSTART")
        assert start == source.date and not hasattr(start, "hour")
        assert event.decoded("DTEND") == source.date + DAY
        assert str(source.label) in str(event["SUMMARY"])
        assert event["UID"]
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert alarms[0]["ACTION"] == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == -timedelta(days=POLICY.days("reminder_days"))


def test_past_deadlines_are_left_out() -> None:
    order = date(2026, 1, 1)
    # Paid from the balance and no consumer law known: no card or PayPal clock runs on.
    result = assess(
        Case(
            order_date=order,
            shipped=order,
            delivered=order,
            confirmed=order,
            payment_method=PaymentMethod.BALANCE,
            today=order + 100 * DAY,
        )
    )
    assert events(calendar_ics(result)) == []


def test_the_file_is_stable_for_the_same_order() -> None:
    order = date(2026, 10, 1)
    first = assess(Case(order_date=order, shipped=order, today=order))
    later = assess(Case(order_date=order, shipped=order, today=order + DAY))
    uid = {str(e["SUMMARY"]): str(e["UID"]) for e in events(calendar_ics(first))}
    uid_later = {str(e["SUMMARY"]): str(e["UID"]) for e in events(calendar_ics(later))}
    assert uid and uid == uid_later
    assert calendar_ics(first) == calendar_ics(first)
    assert calendar_filename(first) == "aliexpress-order-2026-10-01-deadlines.ics"


def test_long_lines_are_folded_within_the_octet_limit() -> None:
    order = date(2026, 10, 1)
    text = calendar_ics(assess(Case(order_date=order, shipped=order, today=order)))
    limit = FOLD_OCTETS
    lines = text.split("\r\n")
    assert any(line.startswith(" ") for line in lines)
    assert all(len(line.encode("utf-8")) <= limit for line in lines)
    description = next(iter(events(text)))["DESCRIPTION"]
    assert "Next step:" in str(description)


def test_text_values_are_escaped() -> None:
    assert _escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = _fold("é" * 80)
    assert all(len(piece.encode("utf-8")) <= FOLD_OCTETS for piece in folded)
    assert "".join(piece.removeprefix(" ") for piece in folded) == "é" * 80
