"""Many orders from CSV: good rows ranked, bad rows reported by line, nothing lost."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from calculator import InputError, batch, run_batch
from calculator.batch import COLUMNS, CSV_COLUMNS
from calculator.fields import FIELDS
from calculator.policy import POLICY
from calculator.vocab import (
    DISPUTE_STAGE_LABELS,
    FAMILY_LABELS,
    STATUS_LABELS,
    DisputeStage,
    Family,
    Status,
)

TODAY = date(2026, 11, 26)

ORDERS = """order_id,order_date,shipped,delivered,protection_end,free_return,payment_method
late,2026-09-01,2026-09-03,,,,
soon,2026-10-01,2026-10-03,,2026-11-28,,
unshipped,2026-11-20,,,,,balance
done,2026-06-01,2026-06-02,2026-06-20,,,
bad-date,2026-02-30,,,,,
bad-order,2026-10-05,2026-10-01,,,,
returns,2026-10-20,2026-10-22,2026-11-20,2026-12-20,yes,paypal
"""


def test_rows_are_ranked_by_the_day_to_act_then_the_last_day() -> None:
    result = run_batch(ORDERS, TODAY)
    assert [row.order_id for row in result.rows] == ["late", "soon", "returns", "unshipped", "done"]
    late = result.rows[0]
    # No countdown typed: its shortest period has passed, its longest not, so "check".
    shortest = timedelta(days=POLICY.entries["protection_days"].low)
    assert (late.route, late.status, late.act_by) == (
        "not_received",
        "check",
        date(2026, 9, 3) + shortest,
    )
    assert late.closes_on_latest is not None and late.closes_on_latest > TODAY
    soon = result.rows[1]
    assert (soon.route, soon.status, soon.act_by, soon.closes_on, soon.days_left) == (
        "not_received",
        "open",
        date(2026, 11, 28),
        date(2026, 12, 13),
        17,
    )
    # The row shows the single answer's next route: here the Free Return, due first.
    returns = result.rows[2]
    assert (returns.route, returns.family) == ("change_of_mind", "aliexpress")
    assert returns.closes_on == date(2026, 12, 5)
    unshipped = result.rows[3]
    assert (unshipped.route, unshipped.closes_on, unshipped.days_left) == ("cancel", None, None)
    done = result.rows[4]
    assert done.route is None and done.title is None and done.status is None


def test_the_row_shows_the_single_answers_next_route() -> None:
    """Each row names what the answer's headline names: AliExpress's own route while one is
    live, even when a fallback's day comes first (the fallback columns name that one)."""
    orders = (
        "order_id,order_date,shipped,protection_end,payment_method\n"
        "A2,2026-09-29,2026-10-01,2026-11-30,card\n"
        "A4,2026-08-30,2026-09-01,2026-11-20,\n"
    )
    result = run_batch(orders, date(2026, 11, 25))
    for row in result.rows:
        assert (row.route, row.family) == ("not_received", "aliexpress")
    a4, a2 = result.rows
    assert (a4.order_id, a4.act_by, a4.closes_on) == ("A4", date(2026, 11, 20), date(2026, 12, 5))
    assert (a2.order_id, a2.act_by, a2.closes_on) == ("A2", date(2026, 11, 30), date(2026, 12, 15))
    notice = timedelta(days=POLICY.days("card_issuer_notice_days"))
    assert (a2.fallback, a2.fallback_closes_on) == ("chargeback", date(2026, 9, 29) + notice)
    assert "chargeback_freezes_order" in a2.warnings
    # No payment column value: no way of paying is assumed, so no payment route either.
    assert (a4.fallback, a4.fallback_closes_on) == (None, None)
    assert not {"fallback_closes_first", "chargeback_freezes_order"} & set(a4.warnings)
    cells = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert [(c["route"], c["fallback"]) for c in cells] == [
        ("not_received", ""),
        ("not_received", "chargeback"),
    ]


def test_the_most_urgent_route_may_be_a_fallback() -> None:
    # Paid by card, receipt confirmed, AliExpress's window long over: the bank is what is left.
    orders = (
        "order_id,order_date,shipped,delivered,confirmed,payment_method\n"
        "card,2026-09-01,2026-09-03,2026-09-20,2026-09-20,card\n"
    )
    row = run_batch(orders, TODAY).rows[0]
    notice = POLICY.days("card_issuer_notice_days")
    assert (row.route, row.family, row.status) == ("chargeback", "payment", "check")
    assert row.act_by == row.closes_on == date(2026, 9, 1) + timedelta(days=notice)
    assert row.closes_on_latest == date(2026, 9, 1) + timedelta(days=POLICY.days("chargeback_days"))
    assert "bank" in str(row.next_step)
    cells = next(csv.DictReader(io.StringIO(run_batch(orders, TODAY).to_csv())))
    assert (cells["route"], cells["family"]) == ("chargeback", "payment")


def test_a_route_not_yet_open_still_ranks_the_row() -> None:
    result = run_batch("order_id,order_date,shipped\nwait,2026-11-20,2026-11-22\n", TODAY)
    row = result.rows[0]
    assert (row.route, row.status) == ("not_received", "not_yet")


def test_bad_rows_are_reported_with_line_and_field() -> None:
    result = run_batch(ORDERS, TODAY)
    assert [(e.line, e.order_id, e.field) for e in result.errors] == [
        (6, "bad-date", "order_date"),
        (7, "bad-order", "shipped"),
    ]
    assert "2026-02-30" in str(result.errors[0].message)
    # Messages speak of columns as the CSV names them.
    assert result.errors[1].message == "shipped 2026-10-01 is before order_date 2026-10-05"


def test_header_order_case_and_hyphens_are_free() -> None:
    text = "Shipped,Order-Date,ORDER ID,notes\n2026-10-03,2026-10-01,A1,fragile\n"
    result = run_batch(text, TODAY)
    assert result.rows[0].order_id == "A1"
    assert result.rows[0].route == "not_received"
    assert result.ignored_columns == ("notes",)


def test_blank_lines_and_a_byte_order_mark_are_tolerated() -> None:
    text = "\ufefforder_date,order_id\n\n2026-11-20,X\n,\n"
    result = run_batch(text, TODAY)
    assert [row.order_id for row in result.rows] == ["X"]
    assert result.errors == ()


def test_the_order_id_column_is_optional() -> None:
    result = run_batch("order_date\n2026-11-20\n", TODAY)
    assert result.rows[0].order_id == "" and result.rows[0].line == 2


def test_old_mac_and_windows_line_endings_are_read() -> None:
    result = run_batch("order_id,order_date\r\nA,2026-11-20\rB,2026-11-21\r", TODAY)
    assert [row.order_id for row in result.rows] == ["A", "B"]


def test_a_row_with_too_many_cells_is_reported() -> None:
    result = run_batch("order_id,order_date\nA,2026-11-20,extra\n", TODAY)
    assert result.rows == ()
    assert result.errors[0].field == "file"
    assert "line 2 has more cells than the header" in str(result.errors[0].message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the CSV file is empty"),
        ("order_id,shipped\nA,2026-10-01\n", "no order_date column"),
        ("order_date,Order-Date\n2026-10-01,2026-10-01\n", "names the column order_date twice"),
        ('"order_date\n2026-10-01\n', "line 1 is not valid CSV"),
    ],
)
def test_file_level_problems_stop_the_batch(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        run_batch(text, TODAY)
    assert caught.value.field == "file"


def test_dispute_stage_and_warnings_are_carried_over() -> None:
    text = "order_id,order_date,shipped,dispute_opened\nD,2026-10-01,2026-10-03,2026-11-10\n"
    row = run_batch(text, TODAY).rows[0]
    assert row.dispute_stage == "seller_silent"
    assert "close_on_promise" in row.warnings


def test_csv_output_round_trips_and_lists_errors_last() -> None:
    result = run_batch(ORDERS, TODAY)
    parsed = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert tuple(parsed[0].keys()) == CSV_COLUMNS
    assert [p["order_id"] for p in parsed] == [
        "late",
        "soon",
        "returns",
        "unshipped",
        "done",
        "bad-date",
        "bad-order",
    ]
    assert parsed[1]["act_by"] == "2026-11-28" and parsed[1]["closes_on"] == "2026-12-13"
    assert parsed[1]["days_left"] == "17" and parsed[1]["status"] == "open"
    assert parsed[0]["status"] == "check" and parsed[0]["closes_on_latest"] != ""
    assert parsed[1]["family"] == "aliexpress"
    assert parsed[-1]["error"].startswith("shipped")
    assert parsed[0]["error"] == ""


def test_csv_output_defuses_spreadsheet_formulas() -> None:
    result = run_batch("order_id,order_date\n=HYPERLINK(1),2026-11-20\n", TODAY)
    parsed = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert parsed[0]["order_id"] == "'=HYPERLINK(1)"


def test_json_shape() -> None:
    data = run_batch(ORDERS, TODAY).to_dict()
    assert data["today"] == "2026-11-26"
    assert data["rows"][1] == {
        "line": 3,
        "order_id": "soon",
        "route": "not_received",
        "family": "aliexpress",
        "family_label": str(FAMILY_LABELS[Family.ALIEXPRESS]),
        "status": "open",
        "status_label": str(STATUS_LABELS[Status.OPEN]),
        "title": "Item not received",
        "act_by": "2026-11-28",
        "closes_on": "2026-12-13",
        "closes_on_latest": None,
        "days_left": 17,
        "fallback": None,
        "fallback_title": None,
        "fallback_closes_on": None,
        "next_step": data["rows"][1]["next_step"],
        "dispute_stage": None,
        "dispute_stage_label": None,
        "warnings": data["rows"][1]["warnings"],
    }
    assert data["errors"][0] == {
        "line": 6,
        "order_id": "bad-date",
        "field": "order_date",
        "code": "not_a_date",
        "message": data["errors"][0]["message"],
    }
    assert data["ignored_columns"] == []


def test_a_disputed_row_names_its_stage_in_words() -> None:
    text = "order_id,order_date,shipped,dispute_opened\nD,2026-11-01,2026-11-02,2026-11-20\n"
    row = run_batch(text, TODAY).to_dict()["rows"][0]
    assert row["dispute_stage"] == DisputeStage.SELLER_SILENT
    assert row["dispute_stage_label"] == str(DISPUTE_STAGE_LABELS[DisputeStage.SELLER_SILENT])


def test_a_row_with_nothing_left_has_no_labels() -> None:
    text = "order_id,order_date,shipped,delivered,protection_end,payment_method,region\n"
    text += "old,2020-01-01,2020-01-02,2020-01-20,2020-02-20,balance,other\n"
    row = run_batch(text, TODAY).to_dict()["rows"][0]
    assert row["route"] is None
    assert row["status_label"] is None and row["family_label"] is None


def test_progress_is_told_as_rows_are_done_and_ends_at_the_total() -> None:
    rows = 250
    text = "order_id,order_date\n" + "".join(f"A{n},2026-11-20\n" for n in range(rows))
    seen: list[tuple[int, int]] = []
    result = run_batch(text, TODAY, lambda done, total: seen.append((done, total)))
    assert len(result.rows) == rows
    assert seen[-1] == (rows, rows)
    assert all(total == rows for _, total in seen)
    done = [d for d, _ in seen]
    assert done == sorted(set(done)) and len(done) <= batch.PROGRESS_STEPS + 1


def test_progress_counts_blank_and_refused_rows_too() -> None:
    seen: list[tuple[int, int]] = []
    run_batch("order_date\n2026-11-20\n\nnot-a-date\n", TODAY, lambda *a: seen.append(a))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    seen.clear()
    run_batch("order_date\n", TODAY, lambda *a: seen.append(a))
    assert seen == [(0, 0)]


def test_columns_come_from_the_field_table_and_are_documented() -> None:
    assert ("order_id", *(f.column for f in FIELDS if f.name != "today")) == COLUMNS
    assert {"confirmed", "tracking_delivered", "dispute_reason", "dispute_closed"} <= set(COLUMNS)
    help_text = batch.column_help()
    for column in COLUMNS:
        assert f"  {column} " in help_text
    assert "(required)" in help_text


def test_new_columns_feed_the_case() -> None:
    text = (
        "order_id,order_date,shipped,protection_end,tracking_delivered\n"
        "scan,2026-10-01,2026-10-03,2026-12-20,2026-11-20\n"
    )
    row = run_batch(text, TODAY).rows[0]
    scan_days = POLICY.entries["delivered_scan_completion_days"].low
    assert row.act_by == date(2026, 11, 20) + timedelta(days=scan_days)


def test_a_cell_too_large_for_csv_is_refused_at_its_line_alone() -> None:
    huge = "x" * (csv.field_size_limit() + 1)
    result = run_batch(f"order_id,order_date\n{huge}\nB,2026-11-20\n", TODAY)
    assert [row.order_id for row in result.rows] == ["B"]
    assert [(e.line, e.field) for e in result.errors] == [(2, "file")]
    assert result.errors[0].message.startswith("line 2 is not valid CSV: field larger")


@pytest.mark.parametrize(
    "stray",
    [
        '"A,2026-11-20',  # an opening quote never closed: the rest of the file would be one cell
        'A,"2026-11-20',
        '"A"x,2026-11-20',  # a quote that closes, then text
    ],
)
def test_a_stray_quote_is_reported_at_its_own_line_and_the_rows_after_it_are_read(
    stray: str,
) -> None:
    rows = "\n".join(f"R{n},2026-11-{n:02}" for n in range(10, 20))
    result = run_batch(f"order_id,order_date\nA0,2026-11-01\n{stray}\n{rows}\n", TODAY)
    assert [(e.line, e.field) for e in result.errors] == [(3, "file")]
    assert result.errors[0].message == 'line 3 is not valid CSV: its quote marks (") do not pair up'
    assert sorted(row.line for row in result.rows) == [2, *range(4, 14)]


def test_two_stray_quotes_that_pair_up_across_lines_do_not_swallow_the_rows_between() -> None:
    text = 'order_id,order_date\n"A,2026-11-01\nB,2026-11-02\nC",2026-11-03,x\nD,2026-11-04\n'
    result = run_batch(text, TODAY)
    assert [e.line for e in result.errors] == [2, 4]
    assert sorted(row.order_id for row in result.rows) == ["B", "D"]


def test_a_quoted_cell_may_still_hold_a_line_break() -> None:
    result = run_batch('order_id,order_date\n"two\nlines",2026-11-20\nB,2026-11-21\n', TODAY)
    assert [(row.order_id, row.line) for row in result.rows] == [("two\nlines", 2), ("B", 4)]
    assert result.errors == ()


def test_a_five_thousand_digit_number_refuses_its_row_alone_naming_the_column() -> None:
    text = f"order_id,order_date,protection_days\nA,2026-11-01,{'9' * 5000}\nB,2026-11-02,30\n"
    result = run_batch(text, TODAY)
    assert [row.order_id for row in result.rows] == ["B"]
    (error,) = result.errors
    assert error.field == "protection_days"
    assert error.message.startswith("protection_days '999")
    assert len(error.message) < 100


def test_each_refused_row_repeats_only_a_few_dozen_characters_of_its_cells() -> None:
    cell = "y" * 2000
    text = f"order_id,order_date\n{'o' * 2000},{cell}\n"
    (error,) = run_batch(text, TODAY).errors
    assert error.field == "order_date"
    assert len(error.message) < 100 and len(error.order_id) <= 40
    assert error.order_id.endswith("…")
