"""The field table is the only list of inputs: every other list is derived or checked here."""

from __future__ import annotations

import re
from dataclasses import fields as dataclass_fields
from pathlib import Path

from calculator import Case
from calculator.batch import COLUMNS
from calculator.cli import build_parser
from calculator.fields import FIELD_BY_NAME, FIELDS, fields_json
from calculator.vocab import Situation

ROOT = Path(__file__).resolve().parents[2]


def test_names_are_unique_and_in_case_order() -> None:
    assert len(FIELD_BY_NAME) == len(FIELDS)
    assert [f.attr for f in FIELDS] == [f.name for f in dataclass_fields(Case)]
    assert [f.name for f in FIELDS if f.required] == ["order-date"]


def test_the_command_line_has_one_option_per_field() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assess = commands.choices["assess"]  # type: ignore[index]
    options = {a.option_strings[0] for a in assess._actions if a.option_strings}
    assert {f"--{f.name}" for f in FIELDS} <= options
    assert options - {f"--{f.name}" for f in FIELDS} == {"-h", "--json", "--why", "--lang"}


def test_batch_columns_are_the_fields_less_today() -> None:
    assert set(COLUMNS) == {"order_id"} | {f.column for f in FIELDS if f.name != "today"}


def test_the_page_writes_its_form_from_the_table() -> None:
    page = (ROOT / "docs" / "calculator.md").read_text(encoding="utf-8")
    assert "{{ calculator_form }}" in page and "{{ calculator_situations }}" in page
    # Nothing typed by hand may shadow a field of the table.
    assert re.findall(r'<(?:input|select)[^>]* name="([a-z-]+)"', page) == []


def test_the_readme_names_every_option() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f.name for f in FIELDS if f"--{f.name}" not in readme]
    assert missing == []


def test_situations_and_json() -> None:
    data = fields_json()
    assert [d["name"] for d in data] == [f.name for f in FIELDS]
    covered = {s for f in FIELDS for s in f.situations}
    assert covered == set(Situation)
    assert FIELD_BY_NAME["today"].situations == ()


def test_the_countdown_is_asked_first_wherever_it_is_asked() -> None:
    first = [f for f in FIELDS if f.asked_first]
    assert [f.name for f in first] == ["protection-end"]
    assert set(first[0].situations) == {
        Situation.NOT_RECEIVED,
        Situation.DAMAGED,
        Situation.NOT_AS_DESCRIBED,
        Situation.DISPUTE,
    }
    assert all(d["asked_first"] is (d["name"] == "protection-end") for d in fields_json())
