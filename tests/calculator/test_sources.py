"""Every fact in policy.toml names the page that states it, never a site's home page.

The file is read with tomllib here, not through the loader, so the check covers
every table a source can sit in (entries, their history, facts, peak seasons)
whatever the loader keeps.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

POLICY_FILE = Path(__file__).resolve().parents[2] / "calculator" / "policy.toml"


def _sources_by_place(raw: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Where each list of sources sits ("entries.x", "entries.x.history[0]", ...)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for entry_id, entry in raw.get("entries", {}).items():
        found[f"entries.{entry_id}"] = list(entry.get("sources", []))
        for number, version in enumerate(entry.get("history", [])):
            found[f"entries.{entry_id}.history[{number}]"] = list(version.get("sources", []))
    for fact_id, fact in raw.get("facts", {}).items():
        found[f"facts.{fact_id}"] = list(fact.get("sources", []))
    for number, season in enumerate(raw.get("peak_seasons", [])):
        source = season.get("source")
        found[f"peak_seasons[{number}]"] = [] if source is None else [source]
    return found


def bad_sources(raw: dict[str, Any]) -> list[str]:
    """One line per place with no source, or a source that is not a dated page."""
    problems = []
    for place, sources in _sources_by_place(raw).items():
        if not sources:
            problems.append(f"{place}: no source")
        for source in sources:
            url = str(source.get("url", ""))
            parts = urlsplit(url)
            if parts.scheme != "https" or not parts.netloc:
                problems.append(f"{place}: not a full https link: {url!r}")
            elif parts.path in ("", "/"):
                problems.append(f"{place}: a home page, not the page that states it: {url}")
            if not str(source.get("title", "")).strip():
                problems.append(f"{place}: a source without a title: {url}")
            if not isinstance(source.get("seen"), date):
                try:
                    date.fromisoformat(str(source.get("seen")))
                except ValueError:
                    problems.append(f"{place}: no date seen: {url}")
    return problems


def test_every_source_in_the_policy_is_a_dated_page_with_a_real_path() -> None:
    raw = tomllib.loads(POLICY_FILE.read_text("utf-8"))
    assert raw["entries"] and raw["facts"] and raw["peak_seasons"]
    assert bad_sources(raw) == []


def test_every_fact_says_what_it_states() -> None:
    raw = tomllib.loads(POLICY_FILE.read_text("utf-8"))
    for fact_id, fact in raw["facts"].items():
        assert str(fact.get("summary", "")).strip(), fact_id


def test_dated_versions_carry_a_note_and_an_iso_day() -> None:
    raw = tomllib.loads(POLICY_FILE.read_text("utf-8"))
    for entry_id, entry in raw["entries"].items():
        for key in ("from", "as_of"):
            if key in entry:
                date.fromisoformat(str(entry[key]))
        for version in entry.get("history", []):
            assert str(version.get("note", "")).strip(), entry_id
            assert "value" in version or "range" in version, entry_id
            for key in ("from", "until"):
                if key in version:
                    date.fromisoformat(str(version[key]))


GOOD = {"title": "A page", "url": "https://example.org/help/page.html", "seen": "2026-12-01"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"entries": {"a": {"sources": []}}}, "entries.a: no source"),
        ({"entries": {"a": {}}}, "entries.a: no source"),
        ({"facts": {"f": {"summary": "s"}}}, "facts.f: no source"),
        ({"peak_seasons": [{"name": "x"}]}, "peak_seasons[0]: no source"),
        (
            {"entries": {"a": {"sources": [GOOD], "history": [{"value": 1, "sources": []}]}}},
            "entries.a.history[0]: no source",
        ),
        (
            {"entries": {"a": {"sources": [{**GOOD, "url": "https://example.org/"}]}}},
            "entries.a: a home page, not the page that states it: https://example.org/",
        ),
        (
            {"facts": {"f": {"sources": [{**GOOD, "url": "https://example.org"}]}}},
            "facts.f: a home page, not the page that states it: https://example.org",
        ),
        (
            {"entries": {"a": {"sources": [{**GOOD, "url": "example.org/page"}]}}},
            "entries.a: not a full https link: 'example.org/page'",
        ),
        (
            {"entries": {"a": {"sources": [{**GOOD, "title": " "}]}}},
            "entries.a: a source without a title: https://example.org/help/page.html",
        ),
        (
            {"entries": {"a": {"sources": [{**GOOD, "seen": "soon"}]}}},
            "entries.a: no date seen: https://example.org/help/page.html",
        ),
    ],
)
def test_the_check_catches_each_kind_of_bad_source(raw: dict[str, Any], expected: str) -> None:
    assert bad_sources(raw) == [expected]


def test_the_check_accepts_a_page_with_a_path_and_native_dates() -> None:
    raw = {
        "entries": {"a": {"sources": [{**GOOD, "seen": date(2026, 12, 1)}]}},
        "peak_seasons": [{"source": GOOD}],
    }
    assert bad_sources(raw) == []
