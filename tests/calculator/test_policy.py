"""The policy data: complete, sourced, conservative, and the only home of numbers."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from calculator.policy import POLICY, load_policy

PACKAGE = Path(__file__).resolve().parents[2] / "calculator"


def test_every_entry_has_a_number_a_unit_and_dated_sources() -> None:
    assert POLICY.entries
    for entry in POLICY.entries.values():
        assert entry.value is not None or entry.range is not None, entry.id
        assert entry.unit and entry.summary, entry.id
        assert entry.sources, entry.id
        for source in entry.sources:
            assert source.url.startswith("https://"), entry.id
            assert source.seen <= POLICY.rules_as_of, entry.id
        if entry.range is not None:
            assert entry.range[0] <= entry.range[1], entry.id
            if entry.value is not None:
                assert entry.range[0] <= entry.value <= entry.range[1], entry.id


def test_entries_whose_sources_disagree_say_why() -> None:
    for entry in POLICY.entries.values():
        if entry.value is not None and entry.range is not None and entry.range[0] != entry.range[1]:
            assert entry.why, entry.id


def test_deadline_defaults_are_the_strictest_figure() -> None:
    # Fewer days of protection is the conservative side: never more time than the strictest source.
    protection = POLICY.entries["protection_days"]
    assert protection.default == protection.low
    # Waiting for money: the longer end, so nobody chases a refund that is still on time.
    refund = POLICY.entries["refund_working_days"]
    assert refund.default == refund.high
    free = POLICY.entries["free_return_days"]
    assert free.default == free.low


def test_entry_figures_and_spans() -> None:
    bank = POLICY.entries["bank_posting_days"]
    assert bank.value is None
    assert bank.default == bank.high
    assert bank.span() == f"{bank.low} to {bank.high}"
    window = POLICY.entries["dispute_window_days"]
    assert window.range is None
    assert window.low == window.high == window.default == POLICY.days("dispute_window_days")
    assert window.span() == str(window.default)


def test_peak_seasons_are_ordered_and_well_formed() -> None:
    starts = [season.start for season in POLICY.peak_seasons]
    assert starts == sorted(starts)
    for season in POLICY.peak_seasons:
        assert season.start <= season.end
        assert season.source.url.startswith("https://")


def test_limits_and_display_settings_are_present() -> None:
    assert POLICY.limit("protection_days_min") <= POLICY.limit("protection_days_max")
    assert POLICY.limit("year_min") < POLICY.limit("year_max")
    assert POLICY.display["line_width"] <= 80


SMALL = """
[meta]
rules_as_of = 2026-11-01
[entries.a]
range = [3, 9]
unit = "days"
summary = "s"
sources = [{ title = "t", url = "https://example.org", seen = 2026-01-02 }]
"""


def test_loader_accepts_native_toml_dates_and_missing_optional_tables() -> None:
    policy = load_policy(SMALL)
    assert policy.rules_as_of == date(2026, 11, 1)
    assert policy.entries["a"].sources[0].seen == date(2026, 1, 2)
    assert policy.entries["a"].why is None
    assert policy.peak_seasons == ()
    assert policy.limits == {}
    assert policy.display == {}
    assert policy.timezone_note == ""
    assert "Pacific" in POLICY.timezone_note


def test_loader_refuses_an_entry_without_a_number() -> None:
    broken = SMALL.replace("range = [3, 9]\n", "")
    with pytest.raises(ValueError, match="entry a has neither value nor range"):
        load_policy(broken)


def _int_literals(path: Path) -> list[tuple[int, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, int)
            and not isinstance(node.value, bool)
            and node.value not in (0, 1)
        ):
            found.append((node.lineno, node.value))
    return found


def test_no_number_is_typed_in_the_code() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) > 10
    offenders = {str(path.name): _int_literals(path) for path in modules}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_number_scan_would_catch_a_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("WINDOW = 15\nFLAG = True\nSTEP = -1\n", encoding="utf-8")
    assert _int_literals(sample) == [(1, 15)]
