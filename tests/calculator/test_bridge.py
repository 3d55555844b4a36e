"""The Web Worker bridge: JSON in, JSON out, never an exception."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from calculator import bridge
from calculator.fields import FIELDS as FIELD_TABLE
from calculator.policy import POLICY

FIELDS = {
    "order-date": "2026-10-01",
    "shipped": "2026-10-03",
    "free-return": "",
    "today": "2026-11-26",
}


def answer(text: str) -> Any:
    return json.loads(text)


def test_assess_json_returns_the_assessment() -> None:
    data = answer(bridge.assess_json(json.dumps(FIELDS)))
    assert data["ok"] is True
    result = data["result"]
    assert result["today"] == "2026-11-26"
    assert [r["route"] for r in result["routes"]][1] == "not_received"
    route = result["routes"][1]
    # No countdown: the shortest period in use gives the dates, the longest the range.
    protection = POLICY.entries["protection_days"]
    assert route["act_by"] == (date(2026, 10, 3) + timedelta(days=protection.low)).isoformat()
    assert route["closes_on_latest"] is not None


def test_fields_json_is_the_field_table() -> None:
    data = answer(bridge.fields_json())
    assert data["ok"] is True
    assert [f["name"] for f in data["result"]] == [f.name for f in FIELD_TABLE]
    first = data["result"][0]
    assert first["name"] == "order-date" and first["required"] is True
    reason = next(f for f in data["result"] if f["name"] == "dispute-reason")
    assert reason["kind"] == "choice" and ["damaged", "Damaged or defective"] in reason["choices"]
    assert "dispute" in reason["situations"]


def test_errors_name_the_field() -> None:
    bad = {**FIELDS, "shipped": "2026-09-01"}
    data = answer(bridge.assess_json(json.dumps(bad)))
    assert data == {
        "ok": False,
        "error": {
            "field": "shipped",
            "code": "before",
            "values": {
                "field": "shipped",
                "value": "2026-09-01",
                "other": "order-date",
                "earlier": "2026-10-01",
            },
            "message": "shipped 2026-09-01 is before order-date 2026-10-01",
        },
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('"x"', "must be a JSON object"),
    ],
)
def test_malformed_input_is_an_input_error(text: str, message: str) -> None:
    data = answer(bridge.assess_json(text))
    assert data["ok"] is False
    assert data["error"]["field"] == "input"
    assert message in data["error"]["message"]


def test_ics_json_returns_a_file_name_and_text() -> None:
    data = answer(bridge.ics_json(json.dumps(FIELDS)))
    assert data["ok"] is True
    assert data["result"]["filename"].endswith(".ics")
    assert data["result"]["ics"].startswith("BEGIN:VCALENDAR")
    assert data["result"]["events"] == data["result"]["ics"].count("BEGIN:VEVENT") > 0
    past = {**FIELDS, "confirmed": "2026-10-05", "payment-method": "balance"}
    assert answer(bridge.ics_json(json.dumps(past)))["result"]["events"] == 0
    assert answer(bridge.ics_json("{}"))["error"]["field"] == "order-date"


def test_batch_json_adds_the_csv() -> None:
    data = answer(bridge.batch_json("order_id,order_date\nA,2026-11-20\n", "2026-11-26"))
    assert data["ok"] is True
    assert data["result"]["rows"][0]["order_id"] == "A"
    assert data["result"]["csv"].startswith("order_id,line,")


def test_batch_json_tells_its_progress() -> None:
    seen: list[tuple[int, int]] = []
    text = "order_id,order_date\nA,2026-11-20\nB,2026-11-21\n"
    data = answer(bridge.batch_json(text, "2026-11-26", lambda *done: seen.append(done)))
    assert len(data["result"]["rows"]) == 2
    assert seen == [(1, 2), (2, 2)]


@pytest.mark.parametrize(
    ("csv_text", "today", "field"),
    [
        ("order_date\n", "26/11/2026", "today"),
        ("order_date\n", 20261126, "today"),
        (None, "2026-11-26", "file"),
    ],
)
def test_batch_json_refuses_bad_arguments(csv_text: object, today: object, field: str) -> None:
    data = answer(bridge.batch_json(csv_text, today))  # type: ignore[arg-type]
    assert data["ok"] is False and data["error"]["field"] == field


def test_an_unexpected_failure_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(bridge, "assess", broken)
    data = answer(bridge.assess_json(json.dumps(FIELDS)))
    assert data == {
        "ok": False,
        "error": {
            "field": "input",
            "code": "unexpected",
            "values": {"kind": "RuntimeError"},
            "message": "could not handle this input (RuntimeError)",
        },
    }


def test_every_function_takes_the_page_s_language() -> None:
    spanish = answer(bridge.assess_json(json.dumps(FIELDS), "es"))
    english = answer(bridge.assess_json(json.dumps(FIELDS)))
    assert spanish["ok"] and spanish["result"]["today"] == english["result"]["today"]
    assert spanish["result"]["routes"][0]["title"] == "Cancelar el pedido"
    table = answer(bridge.fields_json("pt-BR"))["result"]
    assert table[0]["label"] == "Data do pedido" and table[0]["name"] == "order-date"
    ics = answer(bridge.ics_json(json.dumps(FIELDS), "pt_BR"))["result"]
    assert "SUMMARY:Pedido do AliExpress de " in ics["ics"]
    # What is no function (JavaScript's null, as Pyodide passes it) asks for no progress.
    batch = answer(bridge.batch_json("order_date\n2026-10-01\n", "2026-11-26", "null", "es"))  # type: ignore[arg-type]
    assert batch["result"]["rows"][0]["title"] == "Cancelar el pedido"
    assert "order_id,line,route" in batch["result"]["csv"]


def test_errors_are_worded_in_the_page_s_language_and_unknown_ones_are_english() -> None:
    bad = json.dumps({**FIELDS, "shipped": "2026-09-01"})
    error = answer(bridge.assess_json(bad, "es"))["error"]
    assert error["code"] == "before" and "es anterior a" in error["message"]
    assert answer(bridge.assess_json(bad, "fr")) == answer(bridge.assess_json(bad))
    assert answer(bridge.assess_json(bad, None)) == answer(bridge.assess_json(bad))  # type: ignore[arg-type]
