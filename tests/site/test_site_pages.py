"""Every guide page ends with the sources of its own facts, and only those.

A page that shows a policy number must cite that entry, so a reader can check it; a page
that cites an entry it never uses sends the reader to pages that say nothing about it.
Facts without a number (`[facts.ID]`) and `peak_seasons` are cited by id and not shown
as numbers, so they only have to exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from calculator.policy import Policy, load_policy
from sitebuild.tokens import SPAN_UNITS

DOCS = ROOT / "docs"
# The calculator page is owned and sourced by the calculator's own work; it cites no entry.
NOT_A_GUIDE_PAGE = {"calculator.md"}

POLICY_TOKEN = re.compile(r"\{\{\s*policy\.([a-z0-9_]+)(?:\.[a-z]+)?\s*\}\}")
SOURCES_TOKEN = re.compile(r"\{\{\s*sources:\s*([^}]*?)\s*\}\}")
PEAK = "peak_seasons"


def guide_pages() -> list[Path]:
    pages = sorted(DOCS.rglob("*.md"))
    return [p for p in pages if str(p.relative_to(DOCS)) not in NOT_A_GUIDE_PAGE]


def generated(policy: Policy) -> dict[str, set[str]]:
    """The entries each generated block shows: its page must cite them."""
    return {
        PEAK: {PEAK},
        "deadlines_table": {e.id for e in policy.entries.values() if SPAN_UNITS.search(e.unit)},
        "rules_history": {
            e.id for e in policy.entries.values() if any(v.from_ for v in e.versions)
        },
    }


def used_entries(text: str, blocks: dict[str, set[str]] | None = None) -> set[str]:
    used = {m.group(1) for m in POLICY_TOKEN.finditer(text)} - {"rules_as_of"}
    for name, ids in (blocks or {PEAK: {PEAK}}).items():
        if re.search(r"\{\{\s*" + name + r"\s*\}\}", text):
            used |= ids
    return used


def cited(text: str) -> set[str]:
    return {i for m in SOURCES_TOKEN.finditer(text) for i in m.group(1).split()}


def problems(
    name: str,
    text: str,
    entries: set[str],
    facts: set[str],
    blocks: dict[str, set[str]] | None = None,
) -> list[str]:
    found = []
    tail = text.rstrip().rsplit("\n## ", 1)
    if len(tail) != 2 or not tail[1].startswith("Sources\n") or not SOURCES_TOKEN.search(tail[1]):
        found.append(f"{name}: does not end with '## Sources' and a sources token")
    used, listed = used_entries(text, blocks), cited(text)
    found += [f"{name}: shows {i} but does not cite it" for i in sorted(used - listed)]
    found += [
        f"{name}: cites {i}, which it never uses"
        for i in sorted(listed - used)
        if i in entries or i == PEAK
    ]
    found += [f"{name}: cites unknown id {i}" for i in sorted(listed - entries - facts - {PEAK})]
    return found


def test_checker_reports_missing_unused_and_unknown_citations() -> None:
    text = "Wait {{ policy.a }} days.\n\n## Sources\n\n{{ sources: b zz f }}\n"
    assert problems("p.md", text, {"a", "b"}, {"f"}) == [
        "p.md: shows a but does not cite it",
        "p.md: cites b, which it never uses",
        "p.md: cites unknown id zz",
    ]
    table = "{{ deadlines_table }}\n\n## Sources\n\n{{ sources: a }}\n"
    assert problems("t.md", table, {"a", "b"}, set(), {"deadlines_table": {"a", "b"}}) == [
        "t.md: shows b but does not cite it"
    ]
    assert problems("q.md", "No sources here.\n", set(), set()) == [
        "q.md: does not end with '## Sources' and a sources token"
    ]


@pytest.mark.parametrize("page", guide_pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_page_cites_exactly_the_entries_it_shows(page: Path) -> None:
    policy = load_policy((ROOT / "calculator" / "policy.toml").read_text("utf-8"))
    name = str(page.relative_to(DOCS))
    text = page.read_text("utf-8")
    found = problems(name, text, set(policy.entries), set(policy.facts), generated(policy))
    assert found == []
