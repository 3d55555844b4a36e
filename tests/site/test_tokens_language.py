"""The guide's tokens and generated blocks are written in the page's language."""

from __future__ import annotations

from datetime import date

import pytest

from calculator.dates_i18n import MONTHS
from sitebuild.prepare import footer, read_policy
from sitebuild.tokens import Context, expand, long_date

POLICY = read_policy()
DAY = date(2026, 12, 4)


def context(lang: str) -> Context:
    return Context(policy=POLICY, today=DAY, lang=lang)


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "4 December 2026"),
        ("es", "4 de diciembre de 2026"),
        ("pt_BR", "4 de dezembro de 2026"),
    ],
)
def test_dates_are_spelled_out_in_the_page_language(lang: str, shown: str) -> None:
    assert long_date(DAY, lang) == shown
    assert shown in footer(POLICY, lang)


def test_a_range_and_a_unit_read_in_the_page_language() -> None:
    entry = POLICY.entries["delivered_scan_completion_days"]
    assert entry.range is not None
    low, high = entry.range
    token = (
        "{{ policy.delivered_scan_completion_days.range }} {{ policy.dispute_window_days.unit }}"
    )
    assert expand(token, context("en")) == f"{low} to {high} calendar days"
    assert expand(token, context("es")) == f"{low} a {high} días naturales"
    assert expand(token, context("pt_BR")) == f"{low} a {high} dias corridos"


@pytest.mark.parametrize("lang", ["es", "pt_BR"])
@pytest.mark.parametrize(
    "block", ["deadlines_table", "rules_history", "batch_columns", "calculator_fields"]
)
def test_generated_blocks_hold_no_english_words_of_their_own(lang: str, block: str) -> None:
    """Each block's words differ from the English block's (source titles aside)."""
    english = expand("{{ " + block + " }}", context("en"))
    translated = expand("{{ " + block + " }}", context(lang))
    english_lines = {line for line in english.splitlines() if line.strip()}
    same = [
        line
        for line in translated.splitlines()
        if line in english_lines and line.strip("| -") and not line.startswith("| `")
    ]
    assert same == []


@pytest.mark.parametrize("lang", ["es", "pt_BR"])
def test_peak_seasons_and_sources_use_the_page_language_dates(lang: str) -> None:
    months = MONTHS[lang]
    seasons = expand("{{ peak_seasons }}", context(lang))
    sources = expand("{{ sources: dispute_window_days }}", context(lang))
    assert any(month in seasons for month in months)
    assert long_date(POLICY.entries["dispute_window_days"].sources[0].seen, lang) in sources
    assert "seen" not in sources.replace("](", " ").split(")")[-1]
