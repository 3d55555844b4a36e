"""The policy data: complete, sourced, conservative, and the only home of numbers."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from calculator import Case, assess
from calculator import facts as facts_module
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


def test_limits_are_present() -> None:
    assert POLICY.limit("protection_days_min") <= POLICY.limit("protection_days_max")
    assert POLICY.limit("year_min") < POLICY.limit("year_max")


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
    assert policy.facts == {}
    assert policy.timezone_note == ""
    assert "Pacific" in POLICY.timezone_note


def test_loader_refuses_an_entry_without_a_number() -> None:
    broken = SMALL.replace("range = [3, 9]\n", "")
    with pytest.raises(ValueError, match="entry a has neither value nor range"):
        load_policy(broken)


# A named constant may hold a number that is not a rule (a terminal width, an exit
# status); a name that speaks of time is a rule, and rules live in policy.toml.
_TIME_WORDS = ("DAY", "HOUR", "WEEK", "MONTH", "YEAR", "WINDOW", "DEADLINE", "PERIOD")


def _named_constant(node: ast.stmt) -> ast.expr | None:
    """The value of a module-level `NAME = ...` that may hold a plain number."""
    if not isinstance(node, ast.Assign) or len(node.targets) != 1:
        return None
    target = node.targets[0]
    if not isinstance(target, ast.Name) or not target.id.isupper():
        return None
    if any(word in target.id for word in _TIME_WORDS):
        return None
    return node.value


def _int_literals(path: Path) -> list[tuple[int, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = {id(value) for value in map(_named_constant, tree.body) if value is not None}
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, int)
            and not isinstance(node.value, bool)
            and node.value not in (0, 1)
            and id(node) not in allowed
        ):
            found.append((node.lineno, node.value))
    return found


def test_no_number_is_typed_in_the_code() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    offenders = {str(path.relative_to(PACKAGE)): _int_literals(path) for path in modules}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_number_scan_would_catch_a_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "WINDOW = 15\nFLAG = True\nSTEP = -1\nLINE_WIDTH = 78\nEXTRA_DAYS = 3\n"
        "def f():\n    return 7\n",
        encoding="utf-8",
    )
    assert _int_literals(sample) == [(1, 15), (5, 3), (7, 7)]


HISTORY = (
    SMALL.replace("[entries.a]\n", '[entries.a]\nfrom = 2017-03-01\nnote = "now 9"\n')
    + """
[[entries.a.history]]
value = 5
from = 2013-01-01
note = "first rule"
sources = [{ title = "old", url = "https://example.org/old", seen = 2026-01-02 }]

[[entries.a.history]]
range = [4, 6]
sources = [{ title = "undated", url = "https://example.org/undated", seen = 2026-01-02 }]

[facts.one_dispute]
summary = "One dispute per order."
sources = [{ title = "t", url = "https://example.org/rules", seen = 2026-01-02 }]
"""
)


def test_an_order_gets_the_version_in_force_on_its_day() -> None:
    entry = load_policy(HISTORY).entries["a"]
    assert [v.from_ for v in entry.versions] == [None, date(2013, 1, 1), date(2017, 3, 1)]
    assert entry.at(date(2017, 2, 28)).default == 5
    assert entry.at(date(2017, 3, 1)).default == 9
    assert entry.at(date(2013, 1, 1)).sources[0].title == "old"
    # Before every dated version the oldest known rule applies.
    assert entry.at(date(2012, 12, 31)).range == (4, 6)
    assert entry.at(date(2030, 1, 1)) == entry.versions[-1]
    assert entry.versions[-1].history == ()
    assert entry.at(date(2013, 5, 5)).unit == entry.unit
    assert entry.at(date(2013, 5, 5)).note == "first rule"


def test_days_takes_the_version_of_a_given_day() -> None:
    policy = load_policy(HISTORY)
    assert policy.days("a") == 9
    assert policy.days("a", on=date(2014, 1, 1)) == 5


def test_dated_history_needs_a_dated_current_version() -> None:
    broken = HISTORY.replace("from = 2017-03-01\n", "")
    with pytest.raises(ValueError, match="dated history but no 'from'"):
        load_policy(broken)


def test_facts_are_loaded_with_their_sources() -> None:
    fact = load_policy(HISTORY).facts["one_dispute"]
    assert fact.summary == "One dispute per order."
    assert fact.why is None
    assert fact.sources[0].url == "https://example.org/rules"


def test_a_protection_period_without_a_range_leaves_nothing_to_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    single = replace(POLICY.entries["protection_days"], range=None, value=60)
    changed = replace(POLICY, entries={**POLICY.entries, "protection_days": single})
    monkeypatch.setattr(facts_module, "POLICY", changed)
    shipped = date(2026, 1, 1)
    result = assess(Case(order_date=shipped, shipped=shipped, today=shipped))
    assert result.protection_end_latest is None
    assert result.route("not_received").closes_on_latest is None


def test_an_entry_with_no_history_is_its_only_version() -> None:
    entry = load_policy(SMALL).entries["a"]
    assert entry.versions == (entry,)
    assert entry.at(date(1999, 1, 1)) is entry


def test_rules_on_a_day_are_the_versions_in_force_and_shared_between_changes() -> None:
    policy = load_policy(HISTORY)
    for entry_id, entry in policy.entries.items():
        for version in entry.versions:
            day = version.from_ or date(1990, 1, 1)
            assert policy.rules_on(day)[entry_id] is entry.at(day)
            assert policy.rules_on(day - timedelta(days=1))[entry_id] is entry.at(
                day - timedelta(days=1)
            )
    changes = sorted({v.from_ for e in policy.entries.values() for v in e.versions if v.from_})
    first = changes[0]
    assert policy.rules_on(first) is not policy.rules_on(first - timedelta(days=1))
    assert policy.rules_on(date(1990, 1, 1)) is policy.rules_on(first - timedelta(days=1))
