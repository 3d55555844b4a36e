"""Strict ISO parsing and working-day counting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator.dates import add_months, add_working_days, add_years, parse_iso, weekday_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-31", date(2026, 1, 31)),
        ("2028-02-29", date(2028, 2, 29)),
        ("2026-12-31", date(2026, 12, 31)),
    ],
)
def test_real_iso_dates_parse(text: str, expected: date) -> None:
    assert parse_iso(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "2027-02-29",
        "2026-13-01",
        "20260101",
        "2026-1-5",
        "05/01/2026",
        "",
        "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0661",
    ],
)
def test_anything_else_is_refused(text: str) -> None:
    assert parse_iso(text) is None


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 11, 27)
    assert weekday_name(friday) == "Fri"
    assert add_working_days(friday, 1) == date(2026, 11, 30)  # Monday
    assert add_working_days(friday, 5) == date(2026, 12, 4)
    assert add_working_days(friday, 20) == date(2026, 12, 25)
    assert add_working_days(friday, 0) == friday


def test_working_days_from_a_weekend_start_on_monday() -> None:
    saturday = date(2026, 11, 28)
    assert weekday_name(saturday) == "Sat"
    assert add_working_days(saturday, 1) == date(2026, 11, 30)


def test_working_days_across_a_leap_day_and_a_year_end() -> None:
    assert add_working_days(date(2028, 2, 28), 2) == date(2028, 3, 1)
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert add_working_days(date(2027, 12, 31), 1) == date(2028, 1, 3)


def test_weekday_names_do_not_depend_on_locale() -> None:
    names = [weekday_name(date(2026, 11, 23 + offset)) for offset in range(7)]
    assert names == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
        (date(2026, 3, 31), 0, date(2026, 3, 31)),
    ],
)
def test_months_are_added_on_the_calendar_never_past_a_months_end(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_years_from_a_leap_day_end_on_the_28th() -> None:
    assert add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert add_years(date(2028, 2, 29), 4) == date(2032, 2, 29)
    assert add_years(date(2026, 5, 1), 2) == date(2028, 5, 1)


def test_working_days_match_counting_one_day_at_a_time() -> None:
    """The week-at-a-time shortcut lands where counting each day by hand does."""

    def by_hand(start: date, count: int) -> date:
        day = start
        while count > 0:
            day += timedelta(days=1)
            count -= day.weekday() < 5  # Monday to Friday
        return day

    start = date(2026, 11, 23)
    for offset in range(7):
        for count in range(-1, 40):
            day = start + timedelta(days=offset)
            assert add_working_days(day, count) == by_hand(day, count), (day, count)
