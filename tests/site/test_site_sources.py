"""The guide's words are its own, and its numbers come from the policy data."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import ROOT, skip_or_fail

DOCS = ROOT / "docs"
SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed-overlap"

TOKEN = re.compile(r"\{\{.*?\}\}")
_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred"
)
_NUMBER = r"(?:\d+(?:\.\d+)?(?:st|nd|rd|th)?|(?:" + _WORDS + r")(?:-[a-z]+)?)"
_UNIT = r"(?:(?:calendar|working|business)[ -]+)?(?:days?|hours?|weeks?|months?|years?)"
# "15 days", "5-7 working days", "5 to 11 days", "sixty-day", "48h", "day 11", "year 2021".
NUMBER_WITH_UNIT = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:-|\u2013|to|or|and)\s*{_NUMBER})?[ -]+{_UNIT}\b"
    rf"|\b\d+\s?(?:h|hrs?)\b"
    rf"|\b(?:days?|hours?|weeks?|months?|years?)[ -]+\d+\b",
    re.IGNORECASE,
)


def untokened_numbers(text: str) -> list[tuple[int, str]]:
    """Line numbers and phrases where a time span is typed instead of taken from policy.toml."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        bare = TOKEN.sub("TOKEN", line)
        found += [(number, m.group(0)) for m in NUMBER_WITH_UNIT.finditer(bare)]
    return found


@pytest.mark.parametrize(
    "line",
    [
        "You have 15 days to open a dispute.",
        "Refunds take 3-20 working days.",
        "between 5 and 7 business days",
        "a sixty-day window",
        "Sellers answer within 48h.",
        "You can open it from day 11.",
        "It lasts two years.",
        "the 11th day after shipping",
        "a weekend adds two calendar days",
        "Half a year, or 6 months.",
    ],
)
def test_checker_catches_a_typed_time_span(line: str) -> None:
    assert untokened_numbers(line), line


@pytest.mark.parametrize(
    "line",
    [
        "You have {{ policy.dispute_window_days }} days to open a dispute.",
        "Refunds take {{ policy.refund_working_days.range }} working days.",
        "from day {{ policy.earliest_dispute_day }} after shipping",
        "Chinese New Year falls on 17 February.",
        "Step 2: open the order page. A few days later, check again.",
        "Keep 3 photos and 1 video.",
    ],
)
def test_checker_lets_tokens_and_other_numbers_through(line: str) -> None:
    assert untokened_numbers(line) == []


def test_every_time_span_in_the_guide_comes_from_policy_data() -> None:
    typed = [
        f"{md.relative_to(ROOT)}:{line}: {phrase}"
        for md in sorted(DOCS.rglob("*.md"))
        for line, phrase in untokened_numbers(md.read_text("utf-8"))
    ]
    assert typed == [], "use a {{ policy.ID }} token instead:\n" + "\n".join(typed)


def test_guide_shares_no_long_run_of_words_with_the_source_document() -> None:
    if not SEED_OVERLAP.is_file():
        skip_or_fail(f"{SEED_OVERLAP} is missing")
    targets = [p for p in ("docs", "README.md") if (ROOT / p).exists()]
    result = subprocess.run(
        [str(SEED_OVERLAP), *targets], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.stdout == "", result.stdout
    assert result.returncode == 0, result.stderr
