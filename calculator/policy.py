"""The refund rules as typed data, read from policy.toml once, at import.

Reading at import matters: the browser build snapshots the interpreter's
memory after `import calculator`, and the package files are gone when the
snapshot is restored. Every number the rules use comes from here, so a
number is typed once, in policy.toml, next to its sources.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

__all__ = ["POLICY", "Entry", "PeakSeason", "Policy", "Source", "load_policy"]


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    seen: date


@dataclass(frozen=True)
class Entry:
    """One rule's number; `value` is the conservative default when sources disagree."""

    id: str
    value: int | None
    range: tuple[int, int] | None
    unit: str
    summary: str
    why: str | None
    sources: tuple[Source, ...]

    @property
    def low(self) -> int:
        """The shortest figure the sources give (or the only one)."""
        if self.range is not None:
            return self.range[0]
        return self.default

    @property
    def high(self) -> int:
        """The longest figure the sources give (or the only one)."""
        if self.range is not None:
            return self.range[-1]
        return self.default

    @property
    def default(self) -> int:
        """The figure the calculator uses; an entry with only a range uses its longer end."""
        if self.value is not None:
            return self.value
        assert self.range is not None  # guaranteed by _entry
        return self.range[-1]

    def span(self) -> str:
        """'7 to 15' for a range, '15' for a single figure: for sentences shown to readers."""
        if self.low == self.high:
            return str(self.low)
        return f"{self.low} to {self.high}"


@dataclass(frozen=True)
class PeakSeason:
    name: str
    start: date
    end: date
    source: Source


@dataclass(frozen=True)
class Policy:
    rules_as_of: date
    entries: dict[str, Entry]
    peak_seasons: tuple[PeakSeason, ...]
    limits: dict[str, int]
    display: dict[str, int]
    timezone_note: str = ""

    def days(self, entry_id: str) -> int:
        """The default figure of an entry; a KeyError here is a typo in code, caught by tests."""
        return self.entries[entry_id].default

    def limit(self, name: str) -> int:
        return self.limits[name]


def _date(raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    return date.fromisoformat(str(raw))


def _source(raw: dict[str, Any]) -> Source:
    return Source(title=str(raw["title"]), url=str(raw["url"]), seen=_date(raw["seen"]))


def _entry(entry_id: str, raw: dict[str, Any]) -> Entry:
    value = raw.get("value")
    span = raw.get("range")
    if value is None and span is None:
        raise ValueError(f"policy entry {entry_id} has neither value nor range")
    return Entry(
        id=entry_id,
        value=None if value is None else int(value),
        range=None if span is None else (int(span[0]), int(span[-1])),
        unit=str(raw["unit"]),
        summary=str(raw["summary"]),
        why=None if raw.get("why") is None else str(raw["why"]),
        sources=tuple(_source(s) for s in raw["sources"]),
    )


def load_policy(text: str) -> Policy:
    """Parse policy TOML text; kept separate from the file so tests can feed variants."""
    raw = tomllib.loads(text)
    entries = {key: _entry(key, value) for key, value in raw["entries"].items()}
    seasons = tuple(
        PeakSeason(
            name=str(s["name"]),
            start=_date(s["start"]),
            end=_date(s["end"]),
            source=_source(s["source"]),
        )
        for s in raw.get("peak_seasons", [])
    )
    limits = {key: int(value) for key, value in raw.get("limits", {}).items()}
    display = {key: int(value) for key, value in raw.get("display", {}).items()}
    return Policy(
        rules_as_of=_date(raw["meta"]["rules_as_of"]),
        entries=entries,
        peak_seasons=tuple(sorted(seasons, key=lambda s: s.start)),
        limits=limits,
        display=display,
        timezone_note=str(raw["meta"].get("timezone_note", "")),
    )


POLICY = load_policy(resources.files("calculator").joinpath("policy.toml").read_text("utf-8"))
