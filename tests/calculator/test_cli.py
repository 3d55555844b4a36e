"""The refund-calc command, run as a user would: real processes, real exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from calculator.cli import EXIT_BAD_INPUT, main
from calculator.policy import POLICY
from calculator.summary import long_date

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "refund-calc"
BAD = EXIT_BAD_INPUT
ASSESS = [
    "assess",
    "--order-date",
    "2026-10-01",
    "--shipped",
    "2026-10-03",
    "--protection-end",
    "2026-12-02",
    "--today",
    "2026-11-26",
]


def run(
    *args: str, stdin: str | None = None, module: bool = True
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "calculator"] if module else [str(SCRIPT)]
    # English whatever the machine's language: the language tests set it themselves.
    env = {**os.environ, "LC_ALL": "", "LANG": "C.UTF-8"}
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def in_process(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err, stdin=io.StringIO(stdin), environ={})
    return code, out.getvalue(), err.getvalue()


def test_readable_summary_through_python_dash_m() -> None:
    done = run(*ASSESS)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    text = done.stdout
    assert (
        "Item not received: OPEN · best by Wed 2026-12-02 · last day Thu 2026-12-17 "
        "(21 days left)" in text.replace("\n    ", " ")
    )
    assert "Next step:" in text and "Watch out" in text and "Timeline" in text
    assert "Purchase protection ends Wed 2026-12-02" in text
    assert "> Wed 2026-12-02  Purchase protection ends" in text
    assert "> Thu 2026-12-17  Last day: Item not received" in text
    assert "Rule:" not in text
    assert "  Thu 2026-10-01  Order placed" in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_the_console_script_gives_the_same_answer() -> None:
    assert SCRIPT.exists(), "install the package: pip install --no-build-isolation --no-deps -e ."
    by_script = run(*ASSESS, "--json", module=False)
    by_module = run(*ASSESS, "--json")
    assert by_script.returncode == 0
    assert json.loads(by_script.stdout) == json.loads(by_module.stdout)


def test_json_output_has_the_documented_shape() -> None:
    code, out, err = in_process(*ASSESS, "--json")
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    assert set(data) == {
        "today",
        "case",
        "protection_end",
        "protection_end_latest",
        "completed_on",
        "completed_by",
        "completed_on_latest",
        "routes",
        "dispute",
        "timeline",
        "warnings",
        "next_step",
        "next_route",
        "next_guide",
    }
    assert (data["completed_on"], data["completed_by"]) == ("2026-12-02", "protection_end")
    route = data["routes"][1]
    assert route["route"] == "not_received"
    assert (route["status"], route["opens_on"], route["act_by"], route["closes_on"]) == (
        "open",
        "2026-10-14",
        "2026-12-02",
        "2026-12-17",
    )
    assert (route["closes_on_latest"], route["days_left"], route["family"]) == (
        None,
        21,
        "aliexpress",
    )
    assert {use["id"] for use in route["policy"]} == {"dispute_window_days", "earliest_dispute_day"}
    use = route["policy"][0]
    assert set(use) == {"id", "value", "unit", "from", "sources"}
    assert use["sources"] and set(use["sources"][0]) == {"title", "url", "seen"}
    assert data["routes"][2]["closes_on"] is None
    assert {"date", "kind", "label", "route"} == set(data["timeline"][0])
    assert data["next_route"] == "not_received"


def test_why_lists_the_rules_behind_each_date() -> None:
    code, out, _ = in_process(*ASSESS, "--why")
    assert code == 0
    text = out.replace("\n    ", " ")
    window = POLICY.entries["dispute_window_days"]
    assert f"Rule: {window.summary} ({window.default} {window.unit}, since {window.from_};" in text
    assert window.sources[0].title in text


def test_new_inputs_reach_the_answer() -> None:
    code, out, _ = in_process(
        "assess",
        "--order-date",
        "2026-10-01",
        "--shipped",
        "2026-10-03",
        "--tracking-delivered",
        "2026-11-20",
        "--protection-end",
        "2026-12-20",
        "--today",
        "2026-11-22",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["completed_by"] == "tracking_delivered"
    assert data["case"]["tracking_delivered"] == "2026-11-20"
    code, out, err = in_process(
        "assess", "--order-date", "2026-10-01", "--dispute-reason", "lost", "--shipped",
        "2026-10-02", "--dispute-opened", "2026-10-20", "--today", "2026-11-01",
    )  # fmt: skip
    assert code == 2 and "dispute-reason 'lost' is not one of" in err


@pytest.mark.parametrize(
    ("args", "field", "text"),
    [
        (["assess", "--order-date", "2026-02-30"], "order-date", "'2026-02-30' is not a real date"),
        (
            [
                "assess",
                "--order-date",
                "2026-01-05",
                "--shipped",
                "2026-01-01",
                "--today",
                "2026-02-01",
            ],
            "shipped",
            "shipped 2026-01-01 is before order-date 2026-01-05",
        ),
        (
            [
                "assess",
                "--order-date",
                "2026-01-01",
                "--shipped",
                "2026-01-05",
                "--delivered",
                "2026-01-01",
            ],
            "delivered",
            "delivered 2026-01-01 is before shipped 2026-01-05",
        ),
        (["assess", "--order-date", "1999-12-31"], "order-date", "outside the years 2000 to 2100"),
        (["assess", "--order-date", "2101-01-01"], "order-date", "outside the years 2000 to 2100"),
        (
            ["assess", "--order-date", "2026-01-01", "--protection-days", "0"],
            "protection-days",
            "outside 1 to 365",
        ),
        (
            ["assess", "--order-date", "2026-01-01", "--protection-days", "366"],
            "protection-days",
            "outside 1 to 365",
        ),
        (
            [
                "assess",
                "--order-date",
                "2026-01-01",
                "--shipped",
                "2026-01-02",
                "--protection-days",
                "60",
                "--protection-end",
                "2026-03-01",
            ],
            "protection-days",
            "not both",
        ),
        (
            ["assess", "--order-date", "2026-01-05", "--today", "2026-01-04"],
            "today",
            "today 2026-01-04 is before order-date 2026-01-05",
        ),
        (
            [
                "ics",
                "--order-date",
                "2026-01-05",
                "--dispute-opened",
                "2026-01-09",
                "--seller-replied",
                "2026-01-08",
            ],
            "seller-replied",
            "seller-replied 2026-01-08 is before dispute-opened 2026-01-09",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_status_two(args: list[str], field: str, text: str) -> None:
    done = run(*args)
    assert done.returncode == BAD == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and text in lines[0]
    assert "Traceback" not in done.stderr
    with_json = run(*args, "--json")
    assert with_json.returncode == 2
    assert json.loads(with_json.stdout)["error"]["field"] == field
    assert len(with_json.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["assess", "--json"], "order-date"),
        (["assess", "--json", "--shipped"], "shipped"),
        (["assess", "--json", "--bogus"], "arguments"),
        (["frobnicate", "--json"], "command"),
        (["--json"], "arguments"),
    ],
)
def test_usage_mistakes_are_one_line_too(args: list[str], field: str) -> None:
    code, out, err = in_process(*args)
    assert code == 2
    assert len(err.splitlines()) == 1
    assert json.loads(out)["error"]["field"] == field


def test_no_command_is_a_usage_mistake() -> None:
    code, out, err = in_process()
    assert code == 2 and out == ""
    assert err == "refund-calc: choose a command: assess, ics or batch (see --help)\n"


def test_help_exits_cleanly_and_documents_the_batch_columns() -> None:
    done = run("batch", "--help")
    assert done.returncode == 0
    for column in ("order_id", "order_date", "protection_end", "free_return"):
        assert column in done.stdout
    top = run("--help")
    assert top.returncode == 0 and "assess" in top.stdout and "batch" in top.stdout


def test_ics_goes_to_standard_output() -> None:
    code, out, err = in_process("ics", *ASSESS[1:])
    assert code == 0 and err == ""
    assert out.startswith("BEGIN:VCALENDAR\r\n") and "BEGIN:VALARM" in out


def test_an_empty_calendar_is_explained() -> None:
    code, out, err = in_process(
        "ics", *ASSESS[1:], "--confirmed", "2026-10-05", "--payment-method", "balance"
    )
    assert code == 0
    assert "BEGIN:VEVENT" not in out
    assert err == "refund-calc: no deadline lies ahead, so the calendar has no events\n"


CSV_TEXT = "order_id,order_date,shipped\nA,2026-10-01,2026-10-03\nB,2026-11-20,\nC,2026-02-30,\n"


def test_batch_from_a_file_as_text_json_and_csv(tmp_path: Path) -> None:
    source = tmp_path / "orders.csv"
    source.write_text(CSV_TEXT, encoding="utf-8")
    done = run("batch", str(source), "--today", "2026-11-26")
    assert done.returncode == 0
    assert "2 orders assessed on 2026-11-26" in done.stdout
    assert "line 4: order_date '2026-02-30'" in done.stdout
    assert "1 row could not be read" in done.stdout
    code, out, _ = in_process("batch", str(source), "--today", "2026-11-26", "--json")
    assert code == 0 and [r["order_id"] for r in json.loads(out)["rows"]] == ["A", "B"]
    code, out, _ = in_process("batch", str(source), "--today", "2026-11-26", "--csv")
    assert code == 0 and out.splitlines()[0].startswith("order_id,line,route")


def test_batch_reads_standard_input() -> None:
    done = run("batch", "-", "--today", "2026-11-26", "--json", stdin=CSV_TEXT)
    assert done.returncode == 0
    assert json.loads(done.stdout)["errors"][0]["line"] == 4


def test_batch_text_lists_ignored_columns_and_rows_with_nothing_open() -> None:
    text = "order_id,order_date,shipped,delivered,note\nZ,2026-01-01,2026-01-02,2026-01-03,x\n"
    code, out, _ = in_process("batch", "-", "--today", "2026-11-26", stdin=text)
    assert code == 0
    assert "Z: nothing open" in out and "Ignored columns: note" in out
    assert out.startswith("1 order assessed")
    code, out, _ = in_process("batch", "-", stdin="order_id,order_date\nN,2026-01-01\n")
    assert code == 0 and "N: Cancel the order: OPEN, no fixed last day" in out


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["batch", "missing.csv"], "file missing.csv cannot be read"),
        (["batch", "-", "--today", "tomorrow"], "today 'tomorrow' is not a real date"),
    ],
)
def test_batch_errors(args: list[str], text: str) -> None:
    code, out, err = in_process(*args, stdin="order_date\n")
    assert code == 2 and text in err and out == ""


def test_batch_refuses_a_file_that_is_not_text(tmp_path: Path) -> None:
    binary = tmp_path / "orders.csv"
    binary.write_bytes(b"\xff\xfe\x00order")
    code, _, err = in_process("batch", str(binary))
    assert code == 2 and "not UTF-8 text" in err


def test_summary_covers_a_dispute_and_a_completed_order() -> None:
    code, out, _ = in_process(
        "assess",
        "--order-date",
        "2026-09-01",
        "--shipped",
        "2026-09-03",
        "--delivered",
        "2026-10-20",
        "--dispute-opened",
        "2026-10-25",
        "--refund-approved",
        "2026-11-02",
        "--today",
        "2026-11-26",
    )
    assert code == 0
    assert "Dispute opened Sun 2026-10-25" in out
    assert "ARN" in out
    assert "Item not as described: IN DISPUTE · look again on Mon 2026-11-30" in out
    assert "does not apply" in out


def test_summary_says_when_protection_has_ended() -> None:
    code, out, _ = in_process(*ASSESS[:-1], "2026-12-03")
    assert code == 0 and "Purchase protection ended Wed 2026-12-02" in out
    code, out, _ = in_process(*ASSESS[:5], "--today", "2026-11-26")
    shortest = date(2026, 10, 3) + timedelta(days=POLICY.entries["protection_days"].low)
    last = shortest + timedelta(days=POLICY.days("dispute_window_days"))
    assert f"Purchase protection ended {long_date(shortest)} (or as late as" in out
    check = f"CHECK YOUR ORDER PAGE: may have closed on {long_date(last)}"
    assert check in out.replace("\n    ", " ")
    # Confirming completes the order that day: the button shows only on an open order.
    code, out, _ = in_process(*ASSESS[:5], "--confirmed", "2026-11-20", "--today", "2026-11-26")
    assert "Order completed Fri 2026-11-20" in out


def test_completion_is_said_as_a_fact_only_when_it_is_one() -> None:
    """The reported case: received, not confirmed, the countdown still running."""
    received = (
        "assess",
        "--order-date",
        "2026-06-20",
        "--shipped",
        "2026-06-22",
        "--delivered",
        "2026-07-01",
        "--protection-end",
        "2026-08-01",
        "--today",
        "2026-07-20",
    )
    code, out, _ = in_process(*received)
    assert code == 0
    assert "Order completed" not in out and "AliExpress can no longer help" not in out
    scan = POLICY.entries["delivered_scan_completion_days"].low
    earliest = date(2026, 7, 1) + timedelta(days=scan)
    assert f"Order completes between {long_date(earliest)} and Sat 2026-08-01" in out
    window = timedelta(days=POLICY.days("dispute_window_days"))
    text = out.replace("\n    ", " ")
    assert f"Item arrived damaged: OPEN · last day {long_date(earliest + window)}" in text
    code, out, _ = in_process(*received, "--json")
    data = json.loads(out)
    damaged = next(r for r in data["routes"] if r["route"] == "damaged")
    assert (damaged["closes_on_latest"], data["completed_on_latest"]) == (
        str(date(2026, 8, 1) + window),
        "2026-08-01",
    )


def test_summary_of_a_dispute_waiting_for_the_seller() -> None:
    code, out, _ = in_process(
        "assess",
        "--order-date",
        "2026-10-01",
        "--shipped",
        "2026-10-03",
        "--dispute-opened",
        "2026-11-24",
        "--today",
        "2026-11-26",
    )
    assert code == 0
    assert "Dispute opened Tue 2026-11-24" in out
    assert "The seller has until 2026-11-29" in out.replace("\n    ", " ")


def test_summary_for_an_unshipped_order_and_a_last_day() -> None:
    code, out, _ = in_process("assess", "--order-date", "2026-11-26", "--today", "2026-11-26")
    assert code == 0 and "Cancel the order: OPEN, no fixed last day" in out
    code, out, _ = in_process(
        "assess",
        "--order-date",
        "2026-10-01",
        "--shipped",
        "2026-10-03",
        "--protection-end",
        "2026-11-12",
        "--today",
        "2026-11-26",
    )
    assert "1 day left" in out
    code, out, _ = in_process(
        "assess",
        "--order-date",
        "2026-10-01",
        "--shipped",
        "2026-10-03",
        "--protection-end",
        "2026-11-11",
        "--today",
        "2026-11-26",
    )
    assert "today is the last day" in out
    assert "Purchase protection ended Wed 2026-11-11" in out
    code, out, _ = in_process(
        "assess", "--order-date", "2026-10-01", "--shipped", "2026-10-03", "--protection-end",
        "2026-12-20", "--confirmed", "2026-11-20", "--today", "2026-11-26",
    )  # fmt: skip
    assert "Order completed Fri 2026-11-20" in out


def test_main_reads_sys_argv_by_default(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["refund-calc", *ASSESS])
    assert main() == 0
    assert "Refund routes" in capsys.readouterr().out


def test_summary_of_a_route_not_yet_open_shows_when_it_will_be() -> None:
    code, out, _ = in_process(
        "assess", "--order-date", "2026-11-18", "--shipped", "2026-11-20", "--protection-end",
        "2027-01-19", "--today", "2026-11-26",
    )  # fmt: skip
    text = out.replace("\n    ", " ")
    assert code == 0
    assert "Item not received: not yet · best by Tue 2027-01-19 · last day Wed 2027-02-03" in text
    assert "from 2026-12-01 you can open a dispute" in text


DONE_WHEN = [
    "assess",
    "--order-date",
    "2026-09-01",
    "--shipped",
    "2026-09-03",
    "--payment-method",
    "card",
    "--region",
    "eu",
    "--today",
    "2026-11-20",
]


def test_a_card_buyer_in_the_eu_sees_every_route_with_dates_and_sources() -> None:
    done = run(*DONE_WHEN, "--why")
    assert done.returncode == 0, done.stderr
    text = done.stdout.replace("\n    ", " ").replace("\n  ", " ")
    assert "Refund routes with AliExpress" in text
    assert "If AliExpress says no: your payment" in text
    assert "If AliExpress says no: consumer law" in text
    assert (
        "Card chargeback: ASK YOUR BANK: may have closed on Sat 2026-10-31 and may be open until "
        "Sat 2027-05-01 The strictest issuer limit" in text
    )
    assert "Next: Ask your bank now" in text
    assert "Withdraw under consumer law: not yet" in text
    assert "Legal guarantee for faulty goods: not yet" in text
    for entry_id in ("card_issuer_notice_days", "chargeback_days", "eu_withdrawal_days"):
        entry = POLICY.entries[entry_id]
        assert entry.sources[0].title in text, entry_id
    assert "since 2014-06-13" in text  # the EU withdrawal rule's day
    assert "Last day: Card chargeback" in text
    # AliExpress may take past the card's strictest day, which has already gone by.
    assert "Another route may already have closed: Card chargeback, on 2026-10-31" in text


def test_the_fallback_warning_and_the_fallback_rows_in_the_terminal() -> None:
    code, out, _ = in_process(
        "assess",
        "--order-date",
        "2026-09-01",
        "--shipped",
        "2026-09-03",
        "--protection-end",
        "2026-10-20",
        "--delivered",
        "2026-10-15",
        "--region",
        "eu",
        "--today",
        "2026-10-16",
    )
    assert code == 0
    text = out.replace("\n    ", " ")
    assert "Another route closes first: Withdraw under consumer law, on 2026-10-29" in text
    code, out, _ = in_process(
        "assess",
        "--order-date",
        "2026-09-01",
        "--payment-method",
        "paypal",
        "--paypal-opened",
        "2026-09-10",
        "--today",
        "2026-09-12",
    )
    assert code == 0 and "PayPal dispute: IN DISPUTE · act by Wed 2026-09-30" in out
    orders = (
        "order_id,order_date,shipped,delivered,confirmed,payment_method\n"
        "A,2026-09-01,2026-09-03,2026-09-10,2026-09-10,card\n"
    )
    code, out, _ = in_process("batch", "-", "--today", "2026-12-01", stdin=orders)
    assert (
        "Card chargeback: ASK YOUR BANK: may have closed on Sat 2026-10-31 and may be open until "
        "Wed 2026-12-30\n" in out
    )
    code, out, _ = in_process("assess", "--order-date", "2026-09-01", "--today", "2027-06-01")
    assert "Card chargeback: closed (last day was Wed 2026-12-30)" in out


@pytest.mark.parametrize(
    ("args", "field", "text"),
    [
        (["--region", "mars"], "region", "region 'mars' is not one of eu, uk, br, kr, us, other"),
        (["--paid-on", "2026-08-31"], "paid-on", "paid-on 2026-08-31 is before order-date"),
        (["--paypal-opened", "2026-09-05"], "paypal-opened", "needs payment-method paypal"),
    ],
)
def test_odd_input_for_the_new_fields_is_one_line(args: list[str], field: str, text: str) -> None:
    code, out, err = in_process(*DONE_WHEN, *args, "--json")
    assert code == BAD
    assert err.count("\n") == 1 and text in err
    assert json.loads(out)["error"]["field"] == field


def test_a_five_thousand_digit_number_is_one_line_naming_the_field() -> None:
    done = run(*ASSESS[:5], "--protection-days", "9" * 5000, "--today", "2026-11-26")
    assert done.returncode == BAD and "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("refund-calc: protection-days '999") and len(line) < 120
    code, out, err = in_process(
        "batch", "-", stdin=f"order_date,protection_days\n2026-11-01,{'9' * 5000}\n"
    )
    assert code == 0 and "line 2: protection_days '999" in out and "Traceback" not in err


ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m"
"""A window title, a bell, clear screen, red: a terminal obeys each of them."""


def test_terminal_escapes_in_a_batch_never_reach_the_terminal() -> None:
    text = (
        f"order_id,order_date,note{ESCAPES}\n"
        f"A{ESCAPES},2026-11-20,x\n"
        f"B{ESCAPES},2026-02-30{ESCAPES},x\n"
    )
    for args in ([], ["--csv"]):
        code, out, err = in_process("batch", "-", "--today", "2026-11-26", *args, stdin=text)
        assert code == 0 and err == ""
        assert not [c for c in out if c != "\n" and (ord(c) < 32 or 127 <= ord(c) < 160)]
    code, out, _ = in_process("batch", "-", "--today", "2026-11-26", stdin=text)
    assert "A?]0;owned??[2J?31m: " in out and "Ignored columns: note?]0;owned??[2j?31m" in out
    code, out, _ = in_process("batch", "-", "--today", "2026-11-26", "--json", stdin=text)
    assert json.loads(out)["rows"][0]["order_id"] == f"A{ESCAPES}"


def test_terminal_escapes_in_an_error_never_reach_the_terminal() -> None:
    code, _, err = in_process("assess", "--order-date", f"2026-01-01\r{ESCAPES}")
    assert code == BAD
    assert err.startswith("refund-calc: order-date '2026-01-01??]0;owned??[2J?31m' is not a real")


def test_a_long_refused_value_is_echoed_in_a_few_dozen_characters() -> None:
    code, _, err = in_process("batch", "-", "--today", "x" * 10_000)
    assert code == BAD and len(err) < 120
    code, out, _ = in_process(
        "batch", "-", "--today", "2026-11-26", stdin=f"order_date\n{'7' * 2000}\n"
    )
    assert code == 0 and max(len(line) for line in out.splitlines()) < 120


def test_the_answer_is_in_the_language_asked_for() -> None:
    code, out, err = in_process(*ASSESS, "--lang", "es")
    assert (code, err) == (0, "")
    assert out.startswith("Pedido de AliExpress hecho el jueves, 1 de octubre de 2026\n")
    assert "Vías de reembolso con AliExpress" in out
    code, out, _ = in_process(*ASSESS, "--lang=pt-BR", "--json")
    document = json.loads(out)
    english = json.loads(in_process(*ASSESS, "--json")[1])
    # Keys, ids and dates stay; the words beside them are Portuguese.
    assert document["today"] == english["today"] and document.keys() == english.keys()
    assert [r["route"] for r in document["routes"]] == [r["route"] for r in english["routes"]]
    assert document["routes"][0]["title"] == "Cancelar o pedido"


def test_the_language_may_come_before_the_command() -> None:
    code, out, err = in_process("--lang", "es", *ASSESS)
    assert (code, err) == (0, "")
    assert out == in_process(*ASSESS, "--lang", "es")[1]


def test_the_language_comes_from_the_environment_else_english() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(ASSESS, stdout=out, stderr=err, environ={"LANG": "es_MX.UTF-8"}) == 0
    assert "Vías de reembolso" in out.getvalue()
    out = io.StringIO()
    environ = {"LC_ALL": "pt_BR.UTF-8", "LANG": "es_ES.UTF-8"}
    assert main(ASSESS, stdout=out, stderr=err, environ=environ) == 0
    assert "Caminhos de reembolso" in out.getvalue()
    out = io.StringIO()
    assert main(ASSESS, stdout=out, stderr=err, environ={"LANG": "fr_FR.UTF-8"}) == 0
    assert "Refund routes with AliExpress" in out.getvalue()
    # A subprocess with the machine's language variables reads them too.
    env = {**os.environ, "LC_ALL": "", "LANG": "pt_BR.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "calculator", *ASSESS],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert "Caminhos de reembolso" in done.stdout, done.stderr


def test_an_unknown_language_is_an_input_error_with_its_code() -> None:
    code, out, err = in_process(*ASSESS, "--lang", "fr", "--json")
    assert code == BAD
    assert err == "refund-calc: lang 'fr' is not one of en, es, pt-BR\n"
    error = json.loads(out)["error"]
    assert (error["field"], error["code"], error["values"]["text"]) == ("lang", "language", "fr")


def test_errors_are_worded_in_the_language_asked_for() -> None:
    code, out, err = in_process(*ASSESS, "--shipped", "2026-09-01", "--lang", "es", "--json")
    assert code == BAD
    assert err == "refund-calc: shipped 2026-09-01 es anterior a order-date 2026-10-01\n"
    assert json.loads(out)["error"]["code"] == "before"


def test_the_calendar_and_the_batch_in_portuguese() -> None:
    code, out, _ = in_process(*ASSESS, "--lang", "pt-BR")
    code, ics, _ = in_process(*[a if a != "assess" else "ics" for a in ASSESS], "--lang", "pt-BR")
    assert code == 0
    assert "SUMMARY:Pedido do AliExpress de 2026-10-01: " in ics
    text = "order_id,order_date,shipped\nA1,2026-10-01,2026-10-03\nB2,2026-10-01,2026-10-05\n"
    code, out, _ = in_process("batch", "-", "--today", "2026-11-26", "--lang", "pt-BR", stdin=text)
    assert code == 0
    assert out.startswith("2 pedidos avaliados em 2026-11-26, o mais urgente primeiro\n")
    code, out, _ = in_process(
        "batch", "-", "--today", "2026-11-26", "--csv", "--lang", "es", stdin=text
    )
    # Column names and ids stay as they are; titles and steps are Spanish.
    assert out.startswith("order_id,line,route,family,status,title,")
    assert ",not_received,aliexpress,check,Artículo no recibido," in out


def test_a_summary_in_spanish_words_each_kind_of_line() -> None:
    # A Brazilian guarantee past both periods is 'check' with no latest day; a dispute whose
    # seller stayed silent is in dispute with no day to look again.
    code, out, _ = in_process(
        "assess",
        "--order-date", "2026-05-02", "--shipped", "2026-05-04",
        "--protection-end", "2026-07-20", "--delivered", "2026-06-10",
        "--confirmed", "2026-06-12", "--region", "br", "--today", "2026-11-26", "--lang", "es",
    )  # fmt: skip
    assert code == 0
    assert "defectuosos: REVISA LAS CONDICIONES DE LA LEY:\n    puede haber cerrado el " in out
    code, out, _ = in_process(
        "assess", "--order-date", "2026-09-01", "--shipped", "2026-09-03",
        "--dispute-opened", "2026-11-10", "--today", "2026-11-26", "--lang", "es",
    )  # fmt: skip
    assert "Artículo no recibido: EN DISPUTA\n" in out
    # A batch with no file names none, in the language asked for.
    code, _, err = in_process("batch", "--lang", "es")
    assert (code, err) == (
        BAD,
        "refund-calc: indica el nombre del archivo CSV, o - para la entrada estándar\n",
    )
