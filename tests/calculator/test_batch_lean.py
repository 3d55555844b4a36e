"""The batch's lean path writes what the full answer would, byte for byte.

A batch row leaves out what it never shows (the rules each route used) and the page
words every row once for both its table and its CSV. Each fuzzed batch is answered
twice: as `run_batch` and the page's bridge do it, and with every row built from the
full triage that the single answer uses, worded once for the JSON and again for the
CSV; both must give the same JSON and the same CSV text in every language.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from unittest import mock

import pytest
from fuzz_helpers import Fields, batch_csv, form_fields
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.bench_batch import TODAY, make_csv
from calculator import batch, bridge, run_batch
from calculator.batch import BatchRow
from calculator.dates import parse_iso
from calculator.i18n import language

LANGUAGES = ("en", "es", "pt-BR")


LEAN_ROW = batch._assess_row


def full_row(line: int, order_id: str, fields: dict[str, str], today: date) -> BatchRow:
    """A row as the batch built it before its lean path: from the full triage."""
    return LEAN_ROW(line, order_id, fields, today, lean=False)


def full_answer(text: str, today: date, lang: str) -> dict[str, Any]:
    """The page's answer from full rows, each worded twice: for the JSON, then the CSV."""
    with mock.patch.object(batch, "_assess_row", full_row):
        result = run_batch(text, today)
    rows = [row.to_dict(lang) for row in result.rows]
    shape = result.to_dict(lang)
    assert shape["rows"] == rows
    return {**shape, "csv": result.to_csv(lang)}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(form_fields(), min_size=1, max_size=30), st.sampled_from(LANGUAGES), st.data())
def test_the_lean_path_gives_the_full_paths_json_and_csv(
    cases: list[Fields], tag: str, data: st.DataObject
) -> None:
    text = batch_csv(cases)
    # One row's own today: that row is judged as it was fuzzed, later ones are refused.
    todays = [fields["today"] for fields in cases if parse_iso(fields["today"])]
    today_iso = data.draw(st.sampled_from(todays or ["2026-11-26"]))
    today = date.fromisoformat(today_iso)
    lang = language(tag) or "en"
    expected = full_answer(text, today, lang)
    lean = run_batch(text, today)
    assert lean.to_dict(lang) == {key: expected[key] for key in expected if key != "csv"}
    assert lean.to_csv(lang) == expected["csv"]
    # The page's bridge words each row once for both; its JSON text is the same too.
    assert bridge.batch_json(text, today_iso, None, tag) == json.dumps(
        {"ok": True, "result": expected}
    )


@pytest.mark.parametrize("tag", LANGUAGES)
def test_the_benchmarks_orders_are_written_the_same(tag: str) -> None:
    """Realistic orders paid by card and PayPal: fallbacks and payment rows, which the
    fuzzed rows reach more rarely."""
    text = make_csv(600)
    lang = language(tag) or "en"
    expected = full_answer(text, TODAY, lang)
    assert sum(row["fallback_title"] is not None for row in expected["rows"]) > 100
    assert bridge.batch_json(text, TODAY.isoformat(), None, tag) == json.dumps(
        {"ok": True, "result": expected}
    )


def test_the_fuzzed_batches_reach_every_kind_of_row() -> None:
    """The comparison above means something only if the fuzzed rows are varied."""
    cases: list[Fields] = []

    @settings(max_examples=300, database=None, derandomize=True, deadline=None)
    @given(form_fields())
    def collect(fields: Fields) -> None:
        cases.append(fields)

    collect()
    rows: list[BatchRow] = []
    errors = 0
    for fields in cases:
        result = run_batch(batch_csv([fields]), date.fromisoformat(fields["today"]))
        rows += result.rows
        errors += len(result.errors)
    assert {row.family for row in rows} >= {"aliexpress", "payment", "law", None}
    assert {row.status for row in rows} >= {"open", "in_dispute", "not_yet", "closed"}
    assert {row.fallback for row in rows} >= {"chargeback", None}
    assert errors
