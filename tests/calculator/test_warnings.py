"""Warnings: each fires exactly when its trap is near, and not otherwise."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator import Case, assess
from calculator.policy import POLICY
from calculator.warnings import peak_seasons_between

ORDER = date(2026, 3, 2)
SHIPPED = date(2026, 3, 4)
DAY = timedelta(days=1)
END = SHIPPED + timedelta(days=POLICY.days("protection_days"))


def ids(**values: object) -> list[str]:
    base: dict[str, object] = {"order_date": ORDER}
    base.update(values)
    return [w.id for w in assess(Case(**base)).warnings]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("before_end", "expected"),
    [
        (POLICY.days("extension_request_days") + 1, False),
        (POLICY.days("extension_request_days"), True),
        (1, True),
        (0, True),
        (-1, False),
    ],
)
def test_protection_ending_fires_in_the_last_days(before_end: int, expected: bool) -> None:
    found = ids(shipped=SHIPPED, today=END - before_end * DAY)
    assert ("protection_ending" in found) is expected


def test_no_extension_advice_once_a_dispute_is_open() -> None:
    found = ids(shipped=SHIPPED, dispute_opened=END - DAY, today=END - DAY)
    assert "protection_ending" not in found
    result = assess(
        Case(order_date=ORDER, shipped=SHIPPED, dispute_opened=END - DAY, today=END - DAY)
    )
    assert "ask_extension" not in [e.kind for e in result.timeline]


def test_protection_ending_wording_for_today_and_tomorrow() -> None:
    today = assess(Case(order_date=ORDER, shipped=SHIPPED, today=END)).warnings
    assert any("ends on" in w.message and "today" in w.message for w in today)
    tomorrow = assess(Case(order_date=ORDER, shipped=SHIPPED, today=END - DAY)).warnings
    assert any("tomorrow" in w.message for w in tomorrow)


def test_no_protection_warning_once_delivered() -> None:
    found = ids(shipped=SHIPPED, delivered=END - DAY, today=END - DAY)
    assert "protection_ending" not in found and "confirm_receipt" not in found


def test_confirm_receipt_while_in_transit_only() -> None:
    assert "confirm_receipt" in ids(shipped=SHIPPED, today=SHIPPED)
    assert "confirm_receipt" in ids(shipped=SHIPPED, today=END)
    assert "confirm_receipt" not in ids(shipped=SHIPPED, today=END + DAY)
    assert "confirm_receipt" not in ids(today=ORDER)


@pytest.mark.parametrize(("offset", "expected"), [(-1, True), (0, False)])
def test_a_dispute_before_the_earliest_day_may_be_refused(offset: int, expected: bool) -> None:
    earliest = SHIPPED + timedelta(days=POLICY.days("earliest_dispute_day"))
    found = ids(shipped=SHIPPED, dispute_opened=earliest + offset * DAY, today=earliest + DAY)
    assert ("early_dispute" in found) is expected
    # Before any dispute, the not-received route itself says when it opens.
    assert "early_dispute" not in ids(shipped=SHIPPED, today=earliest - DAY)


def test_an_early_dispute_about_the_item_is_not_flagged() -> None:
    opened = SHIPPED + DAY
    found = ids(
        shipped=SHIPPED, dispute_opened=opened, dispute_reason="damaged", today=opened + DAY
    )
    assert "early_dispute" not in found


def test_no_early_dispute_warning_once_delivered() -> None:
    assert "early_dispute" not in ids(shipped=SHIPPED, delivered=SHIPPED, today=SHIPPED)


def test_do_not_close_on_a_promise_while_the_dispute_runs() -> None:
    opened = SHIPPED + 20 * DAY
    assert "close_on_promise" in ids(shipped=SHIPPED, dispute_opened=opened, today=opened)
    done = ids(
        shipped=SHIPPED, dispute_opened=opened, refund_approved=opened + DAY, today=opened + DAY
    )
    assert "close_on_promise" not in done


def test_peak_season_overlapping_an_open_window() -> None:
    season = POLICY.peak_seasons[0]
    inside = ids(
        order_date=season.start - 30 * DAY,
        shipped=season.start - 20 * DAY,
        today=season.start - DAY,
    )
    assert "peak_season" in inside
    # Nothing open: no peak-season warning even in the middle of a peak.
    closed = ids(
        order_date=season.start - 200 * DAY,
        shipped=season.start - 199 * DAY,
        delivered=season.start - 198 * DAY,
        today=season.start + DAY,
    )
    assert "peak_season" not in closed


def test_peak_season_lookup_is_inclusive_at_both_ends() -> None:
    season = POLICY.peak_seasons[0]
    assert season in peak_seasons_between(season.end, season.end + DAY)
    assert season in peak_seasons_between(season.start - DAY, season.start)
    assert season not in peak_seasons_between(season.end + DAY, season.end + DAY)


def test_no_peak_warning_in_a_quiet_period() -> None:
    quiet = date(2026, 6, 1)
    assert peak_seasons_between(quiet, quiet + 30 * DAY) == []
    assert "peak_season" not in ids(order_date=quiet, today=quiet)


def test_assumed_protection_is_flagged_until_the_user_gives_the_real_end() -> None:
    assert "protection_assumed" in ids(shipped=SHIPPED, today=SHIPPED)
    message = next(
        w.message
        for w in assess(Case(order_date=ORDER, shipped=SHIPPED, today=SHIPPED)).warnings
        if w.id == "protection_assumed"
    )
    protection = POLICY.entries["protection_days"]
    assert f"{protection.low} days" in message and str(protection.high) in message
    assert "shortest period in use" in message
    assert "protection_assumed" not in ids(shipped=SHIPPED, protection_end=END, today=SHIPPED)
    assert "protection_assumed" not in ids(shipped=SHIPPED, protection_days=90, today=SHIPPED)


def test_delivery_after_protection_is_explained() -> None:
    late = ids(shipped=SHIPPED, protection_end=END, delivered=END + DAY, today=END + DAY)
    assert "delivered_after_protection" in late
    assert "delivered_after_protection" not in ids(
        shipped=SHIPPED, protection_end=END, delivered=END, today=END
    )
    # With an assumed end it is not known that protection had ended: the routes say "check".
    assumed = ids(shipped=SHIPPED, delivered=END + DAY, today=END + DAY)
    assert "delivered_after_protection" not in assumed
    assert "protection_assumed" in assumed


@pytest.mark.parametrize(
    ("days_waiting", "expected"),
    [(POLICY.days("tracking_stale_days") - 1, False), (POLICY.days("tracking_stale_days"), True)],
)
def test_an_order_not_shipped_for_a_week_is_flagged(days_waiting: int, expected: bool) -> None:
    assert ("not_shipped" in ids(today=ORDER + days_waiting * DAY)) is expected
    assert "not_shipped" not in ids(shipped=ORDER, today=ORDER + days_waiting * DAY)


def test_the_last_day_warns_about_pacific_time_in_the_right_direction() -> None:
    last = END + timedelta(days=POLICY.days("dispute_window_days"))
    result = assess(Case(order_date=ORDER, shipped=SHIPPED, protection_end=END, today=last))
    warning = next(w for w in result.warnings if w.id == "last_day")
    assert "Item not received" in warning.message
    assert POLICY.timezone_note in warning.message
    # Europe is ahead of California, so the Pacific day ends after the reader's midnight.
    assert "ahead of California" in warning.message and "next morning" in warning.message
    assert "behind" in warning.message and "act on the day shown" in warning.message
    assert "last_day" not in ids(shipped=SHIPPED, protection_end=END, today=last - DAY)
