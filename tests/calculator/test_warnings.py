"""Warnings: each fires exactly when its trap is near, and not otherwise."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator import Assessment, Case, PaymentMethod, assess
from calculator.dates import add_working_days
from calculator.facts import Facts, facts_for
from calculator.i18n import Joined, Message
from calculator.policy import POLICY
from calculator.routes import chargeback, not_received
from calculator.warnings import (
    FALLBACK_MAY_HAVE_CLOSED,
    LAST_DAY,
    LAST_DAY_PACIFIC,
    PROTECTION_ASSUMED,
    PROTECTION_ENDING,
    PROTECTION_ENDING_IN,
    REFUND_CLOSES_FIRST,
    aliexpress_expected_end,
    peak_seasons_between,
)

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
    assert PROTECTION_ENDING[0].format(end=END) in [w.message for w in today]
    tomorrow = assess(Case(order_date=ORDER, shipped=SHIPPED, today=END - DAY)).warnings
    assert PROTECTION_ENDING[1].format(end=END) in [w.message for w in tomorrow]
    later = assess(Case(order_date=ORDER, shipped=SHIPPED, today=END - 3 * DAY)).warnings
    assert PROTECTION_ENDING_IN.format(end=END, n=3) in [w.message for w in later]


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
    assert message.params == {"low": protection.low, "high": protection.high}
    assert message.id == PROTECTION_ASSUMED.id
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
    titles = warning.message.params["titles"]
    assert isinstance(titles, Joined) and not_received.ROUTE.title in titles.items
    assert warning.message.id == LAST_DAY_PACIFIC.id
    # The message says the policy's own timezone note, word for word, in English.
    assert POLICY.timezone_note in LAST_DAY_PACIFIC.id
    # Europe is ahead of California, so the Pacific day ends after the reader's midnight.
    assert "ahead of California" in LAST_DAY_PACIFIC.id and "next morning" in LAST_DAY_PACIFIC.id
    assert "last_day" not in ids(shipped=SHIPPED, protection_end=END, today=last - DAY)


# A fallback that closes before AliExpress is likely to decide.
NOTICE = timedelta(days=POLICY.days("card_issuer_notice_days"))
NETWORK = timedelta(days=POLICY.days("chargeback_days"))


def _warning(result: Assessment, warning_id: str) -> Message | None:
    return next((w.message for w in result.warnings if w.id == warning_id), None)


def test_a_fallback_closing_before_aliexpress_decides_is_named_with_its_last_day() -> None:
    delivered = ORDER + 40 * DAY
    result = assess(
        Case(
            order_date=ORDER,
            shipped=SHIPPED,
            protection_end=ORDER + 50 * DAY,
            delivered=delivered,
            today=delivered,
        )
    )
    own = result.route("not_as_described")
    end = aliexpress_expected_end(result_facts(result), result.routes, None)
    assert own.closes_on is not None and end is not None
    expected = add_working_days(
        own.closes_on
        + timedelta(
            days=POLICY.days("seller_response_days") + POLICY.days("escalation_review_days")
        ),
        POLICY.days("refund_working_days"),
    )
    assert end == expected > ORDER + NOTICE
    message = _warning(result, "fallback_closes_first")
    assert message is not None
    assert message.params["title"] == chargeback.ROUTE.title
    assert (message.params["last"], message.params["end"]) == (ORDER + NOTICE, end)


def test_silent_when_aliexpress_finishes_first() -> None:
    # Delivered two days after payment: the dispute and the money come before the card's day.
    result = assess(
        Case(
            order_date=ORDER,
            shipped=ORDER,
            protection_end=ORDER + 30 * DAY,
            delivered=ORDER + 2 * DAY,
            confirmed=ORDER + 2 * DAY,
            today=ORDER + 2 * DAY,
        )
    )
    end = aliexpress_expected_end(result_facts(result), result.routes, None)
    assert end is not None and end < ORDER + NOTICE
    assert _warning(result, "fallback_closes_first") is None
    paypal = assess(
        Case(
            order_date=ORDER,
            shipped=SHIPPED,
            protection_end=ORDER + 50 * DAY,
            delivered=ORDER + 40 * DAY,
            payment_method=PaymentMethod.PAYPAL,
            today=ORDER + 40 * DAY,
        )
    )
    assert _warning(paypal, "fallback_closes_first") is None


def test_an_open_dispute_is_counted_from_its_opening() -> None:
    opened = ORDER + 40 * DAY
    result = assess(Case(order_date=ORDER, shipped=SHIPPED, dispute_opened=opened, today=opened))
    message = _warning(result, "fallback_closes_first")
    assert message is not None and message.params["last"] == ORDER + NOTICE
    early = assess(Case(order_date=ORDER, shipped=SHIPPED, dispute_opened=SHIPPED, today=SHIPPED))
    assert _warning(early, "fallback_closes_first") is None


def test_an_approved_refund_is_counted_from_its_expected_day() -> None:
    opened = ORDER + 30 * DAY
    approved = opened + 10 * DAY
    result = assess(
        Case(
            order_date=ORDER,
            shipped=SHIPPED,
            dispute_opened=opened,
            refund_approved=approved,
            today=approved,
        )
    )
    assert result.dispute is not None and result.dispute.refund_expected_by is not None
    message = _warning(result, "fallback_closes_first")
    # One whole message, asserted by its id and values rather than its English.
    assert message == REFUND_CLOSES_FIRST.format(
        end=result.dispute.refund_expected_by,
        refund=POLICY.days("refund_working_days"),
        title=chargeback.ROUTE.title,
        last=ORDER + NOTICE,
    )


def test_a_fallback_in_check_may_already_have_closed() -> None:
    delivered = ORDER + 100 * DAY
    result = assess(
        Case(
            order_date=ORDER,
            shipped=SHIPPED,
            protection_end=ORDER + 110 * DAY,
            delivered=delivered,
            today=delivered,
        )
    )
    assert result.route("chargeback").status == "check"
    message = _warning(result, "fallback_closes_first")
    # Never a later last day than the strictest limit: it may have closed already.
    assert message is not None and message.id == FALLBACK_MAY_HAVE_CLOSED.id
    assert (message.params["last"], message.params["latest"]) == (ORDER + NOTICE, ORDER + NETWORK)


def test_nothing_to_compare_without_an_aliexpress_last_day() -> None:
    # Not shipped: cancelling has no last day, so nothing says how long AliExpress takes.
    assert "fallback_closes_first" not in ids(today=ORDER)
    closed = ORDER + 30 * DAY
    after = assess(
        Case(
            order_date=ORDER,
            shipped=SHIPPED,
            dispute_opened=SHIPPED + 20 * DAY,
            dispute_closed=closed,
            today=closed,
        )
    )
    assert aliexpress_expected_end(result_facts(after), after.routes, after.dispute) is None
    assert _warning(after, "fallback_closes_first") is None


def test_a_fallbacks_last_day_is_flagged_without_the_pacific_note() -> None:
    last = ORDER + NOTICE
    result = assess(
        Case(
            order_date=ORDER,
            shipped=ORDER,
            protection_end=ORDER + DAY,
            delivered=ORDER,
            today=last,
        )
    )
    message = _warning(result, "last_day")
    assert message == LAST_DAY.format(titles=Joined((chargeback.ROUTE.title,)))
    assert str(message) == "Today is the last day for: Card chargeback."


def result_facts(result: Assessment) -> Facts:
    return facts_for(result.case, result.today)
