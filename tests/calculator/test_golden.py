"""Whole answers for realistic orders, compared with reviewed snapshots in golden/.

A change to any rule, text or date shows up here as a readable JSON diff.
After a deliberate change, regenerate with UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from calculator import assess, parse_case

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

CASES: dict[str, dict[str, str]] = {
    "just_ordered": {"order-date": "2026-11-26", "today": "2026-11-26"},
    "not_shipped_after_ten_days": {"order-date": "2026-11-16", "today": "2026-11-26"},
    "in_transit_too_early_to_dispute": {
        "order-date": "2026-11-15",
        "shipped": "2026-11-20",
        "today": "2026-11-26",
    },
    "in_transit_protection_ending": {
        "order-date": "2026-09-25",
        "shipped": "2026-09-29",
        "today": "2026-11-26",
    },
    "in_transit_with_order_page_countdown": {
        "order-date": "2026-09-25",
        "shipped": "2026-09-29",
        "protection-end": "2027-01-12",
        "today": "2026-11-26",
    },
    "never_arrived_protection_over": {
        "order-date": "2026-08-01",
        "shipped": "2026-08-04",
        "today": "2026-11-26",
    },
    "arrived_wrong_item": {
        "order-date": "2026-10-10",
        "shipped": "2026-10-12",
        "delivered": "2026-11-20",
        "today": "2026-11-26",
    },
    "arrived_last_day_to_dispute": {
        "order-date": "2026-10-01",
        "shipped": "2026-10-03",
        "delivered": "2026-11-11",
        "today": "2026-11-26",
    },
    "free_return_change_of_mind": {
        "order-date": "2026-10-20",
        "shipped": "2026-10-22",
        "delivered": "2026-11-18",
        "free-return": "true",
        "payment-method": "paypal",
        "today": "2026-11-26",
    },
    "arrived_after_protection_ended": {
        "order-date": "2026-08-20",
        "shipped": "2026-08-24",
        "protection-days": "75",
        "delivered": "2026-11-10",
        "today": "2026-11-26",
    },
    "dispute_waiting_for_seller": {
        "order-date": "2026-09-01",
        "shipped": "2026-09-03",
        "dispute-opened": "2026-11-24",
        "today": "2026-11-26",
    },
    "seller_silent": {
        "order-date": "2026-09-01",
        "shipped": "2026-09-03",
        "dispute-opened": "2026-11-10",
        "today": "2026-11-26",
    },
    "seller_rejected_escalate": {
        "order-date": "2026-10-01",
        "shipped": "2026-10-02",
        "delivered": "2026-11-12",
        "dispute-opened": "2026-11-14",
        "seller-replied": "2026-11-17",
        "today": "2026-11-26",
    },
    "refund_approved_card": {
        "order-date": "2026-10-01",
        "shipped": "2026-10-02",
        "delivered": "2026-11-12",
        "dispute-opened": "2026-11-14",
        "refund-approved": "2026-11-20",
        "today": "2026-11-26",
    },
    "refund_approved_boleto": {
        "order-date": "2026-10-01",
        "shipped": "2026-10-02",
        "dispute-opened": "2026-11-14",
        "refund-approved": "2026-11-20",
        "payment-method": "other",
        "today": "2026-11-26",
    },
    "leap_year_delivery": {
        "order-date": "2028-01-30",
        "shipped": "2028-02-01",
        "delivered": "2028-02-20",
        "today": "2028-02-29",
    },
    # The cases a newcomer brings: each was answered wrongly before these rules.
    "late_parcel_after_countdown": {
        "order-date": "2026-09-20",
        "shipped": "2026-09-22",
        "protection-end": "2026-11-21",
        "today": "2026-11-26",
    },
    "tracking_delivered_nothing_came": {
        "order-date": "2026-10-10",
        "shipped": "2026-10-12",
        "protection-end": "2026-12-26",
        "tracking-delivered": "2026-11-22",
        "today": "2026-11-26",
    },
    "confirmed_receipt_by_mistake": {
        "order-date": "2026-10-10",
        "shipped": "2026-10-12",
        "protection-end": "2026-12-26",
        "confirmed": "2026-11-20",
        "today": "2026-11-26",
    },
    "open_dispute_damaged": {
        "order-date": "2026-10-10",
        "shipped": "2026-10-12",
        "protection-end": "2026-12-26",
        "delivered": "2026-11-18",
        "dispute-opened": "2026-11-19",
        "dispute-reason": "damaged",
        "today": "2026-11-26",
    },
    "dispute_closed_lost": {
        "order-date": "2026-09-10",
        "shipped": "2026-09-12",
        "protection-end": "2026-11-26",
        "dispute-opened": "2026-11-02",
        "seller-replied": "2026-11-05",
        "dispute-closed": "2026-11-20",
        "dispute-outcome": "rejected",
        "payment-method": "paypal",
        "today": "2026-11-26",
    },
    "no_countdown_may_have_closed": {
        "order-date": "2026-09-01",
        "shipped": "2026-09-03",
        "today": "2026-11-20",
    },
    # Beyond AliExpress: the payment's and the law's own clocks on the same timeline.
    "card_eu_no_countdown": {
        "order-date": "2026-09-01",
        "shipped": "2026-09-03",
        "payment-method": "card",
        "region": "eu",
        "today": "2026-11-20",
    },
    "card_eu_fallbacks_close_first": {
        "order-date": "2026-09-01",
        "shipped": "2026-09-03",
        "protection-end": "2026-10-20",
        "delivered": "2026-10-15",
        "payment-method": "card",
        "region": "eu",
        "today": "2026-10-16",
    },
    "paypal_dispute_to_escalate_uk": {
        "order-date": "2026-09-10",
        "paid-on": "2026-09-11",
        "shipped": "2026-09-12",
        "protection-end": "2026-11-01",
        "delivered": "2026-10-20",
        "payment-method": "paypal",
        "paypal-opened": "2026-11-20",
        "region": "uk",
        "today": "2026-11-26",
    },
    "brazil_just_delivered": {
        "order-date": "2026-10-20",
        "shipped": "2026-10-22",
        "protection-end": "2027-01-19",
        "delivered": "2026-11-22",
        "payment-method": "other",
        "region": "br",
        "today": "2026-11-26",
    },
    "brazil_hidden_defect_after_the_periods": {
        "order-date": "2026-05-02",
        "shipped": "2026-05-04",
        "protection-end": "2026-07-20",
        "delivered": "2026-06-10",
        "confirmed": "2026-06-12",
        "payment-method": "card",
        "region": "br",
        "today": "2026-11-26",
    },
    "eu_fault_notice_before_two_months": {
        "order-date": "2026-09-20",
        "shipped": "2026-09-22",
        "protection-end": "2026-11-21",
        "delivered": "2026-10-25",
        "confirmed": "2026-10-26",
        "payment-method": "paypal",
        "region": "eu",
        "today": "2026-11-26",
    },
    "korea_just_delivered": {
        "order-date": "2026-11-10",
        "shipped": "2026-11-12",
        "protection-end": "2027-01-11",
        "delivered": "2026-11-23",
        "payment-method": "card",
        "region": "kr",
        "today": "2026-11-26",
    },
    "korea_unlike_listing_found_later": {
        "order-date": "2026-08-25",
        "shipped": "2026-08-27",
        "protection-end": "2026-10-26",
        "delivered": "2026-09-20",
        "confirmed": "2026-09-21",
        "payment-method": "balance",
        "region": "kr",
        "today": "2026-11-26",
    },
    "us_balance_nothing_left": {
        "order-date": "2026-03-02",
        "shipped": "2026-03-04",
        "protection-end": "2026-05-03",
        "delivered": "2026-04-10",
        "dispute-opened": "2026-04-15",
        "dispute-closed": "2026-05-02",
        "payment-method": "balance",
        "region": "us",
        "today": "2026-11-26",
    },
    "received_not_confirmed_countdown_running": {
        "order-date": "2026-06-20",
        "shipped": "2026-06-22",
        "delivered": "2026-07-01",
        "protection-end": "2026-08-01",
        "today": "2026-07-20",
    },
    "dispute_cancelled_open_again": {
        "order-date": "2026-09-20",
        "shipped": "2026-09-22",
        "protection-end": "2026-12-10",
        "dispute-opened": "2026-11-10",
        "dispute-closed": "2026-11-14",
        "dispute-outcome": "cancelled",
        "today": "2026-11-15",
    },
    "dispute_closed_outcome_not_given": {
        "order-date": "2026-09-20",
        "shipped": "2026-09-22",
        "protection-end": "2026-12-10",
        "dispute-opened": "2026-11-10",
        "dispute-closed": "2026-11-14",
        "today": "2026-11-15",
    },
    "return_agreed_ship_by": {
        "order-date": "2026-10-01",
        "shipped": "2026-10-03",
        "delivered": "2026-11-02",
        "dispute-opened": "2026-11-05",
        "dispute-reason": "not_as_described",
        "seller-replied": "2026-11-08",
        "return-agreed": "2026-11-20",
        "payment-method": "card",
        "today": "2026-11-26",
    },
    "order_before_2017_seller_replied": {
        "order-date": "2016-03-01",
        "shipped": "2016-03-03",
        "dispute-opened": "2016-04-10",
        "seller-replied": "2016-04-20",
        "payment-method": "paypal",
        "today": "2016-04-22",
    },
    "cancel_before_2020_needs_agreement": {
        "order-date": "2019-11-11",
        "today": "2019-11-12",
    },
    "brazil_boleto_refunded": {
        "order-date": "2026-10-01",
        "shipped": "2026-10-03",
        "dispute-opened": "2026-11-10",
        "dispute-closed": "2026-11-20",
        "dispute-outcome": "refunded",
        "payment-method": "other",
        "region": "br",
        "today": "2026-11-26",
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_the_reviewed_snapshot(name: str) -> None:
    result = assess(parse_case(CASES[name])).to_dict()
    path = GOLDEN / f"{name}.json"
    text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot for {name}; run with UPDATE_GOLDEN=1 and review it"
    assert json.loads(path.read_text(encoding="utf-8")) == result


def test_every_snapshot_has_a_case() -> None:
    assert {path.stem for path in GOLDEN.glob("*.json")} == set(CASES)
