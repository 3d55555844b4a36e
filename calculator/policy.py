"""The refund rules as typed data, read from policy.toml once, at import.

Reading at import matters: the browser build snapshots the interpreter's
memory after `import calculator`, and the package files are gone when the
snapshot is restored. Every number the rules use comes from here, so a
number is typed once, in policy.toml, next to its sources.

Rules change. An entry is the version in force now; older versions sit in its
history with the day each took effect, so an order is judged by the rule that
applied when it was placed, and the guide can say what changed and when.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["POLICY", "Entry", "Fact", "PeakSeason", "Policy", "Source", "load_policy"]


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    seen: date


@dataclass(frozen=True)
class Entry:
    """One rule's number; `value` is the conservative default when sources disagree.

    `from_` is the day this version took effect, None when no source dates it.
    `history` holds the versions before this one; `note` says what a version changed.
    """

    id: str
    value: int | None
    range: tuple[int, int] | None
    unit: str
    summary: str
    why: str | None
    sources: tuple[Source, ...]
    from_: date | None = None
    as_of: date | None = None
    note: str | None = None
    history: tuple[Entry, ...] = ()

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

    @cached_property
    def versions(self) -> tuple[Entry, ...]:
        """Every version, oldest first; an undated version counts as the oldest.

        Worked out once per entry: every order of a batch asks for it.
        """
        if not self.history:
            return (self,)
        return (*self.history, replace(self, history=()))

    def at(self, day: date) -> Entry:
        """The version in force on `day`: the newest one that took effect on or before it.

        A day before every dated version gets the oldest version, since that is
        the rule closest to the day asked about.
        """
        if not self.history:
            return self
        versions = self.versions
        chosen = versions[0]
        for version in versions:
            if version.from_ is None or version.from_ <= day:
                chosen = version
        return chosen


@dataclass(frozen=True)
class Fact:
    """Something the guide states that has no number: a button's name, an exclusion."""

    id: str
    summary: str
    why: str | None
    sources: tuple[Source, ...]


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
    facts: dict[str, Fact]
    timezone_note: str = ""

    def days(self, entry_id: str, on: date | None = None) -> int:
        """The default figure of an entry, in force `on` a day when given.

        A KeyError here is a typo in code, caught by tests.
        """
        entry = self.entries[entry_id]
        return (entry if on is None else entry.at(on)).default

    def limit(self, name: str) -> int:
        return self.limits[name]

    @cached_property
    def _changes(self) -> tuple[date, ...]:
        """Every day on which some rule took effect, in order."""
        days = {v.from_ for e in self.entries.values() for v in e.versions if v.from_}
        return tuple(sorted(days))

    _books: dict[int, Mapping[str, Entry]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def rules_on(self, day: date) -> Mapping[str, Entry]:
        """Every rule in the version in force on `day`.

        Between two days on which some rule changed, every day has the same rules, so
        those days share one read-only table: a batch of orders looks each rule up once
        per period, not once per order.
        """
        era = bisect_right(self._changes, day)
        book = self._books.get(era)
        if book is None:
            rules = {entry_id: entry.at(day) for entry_id, entry in self.entries.items()}
            book = self._books[era] = MappingProxyType(rules)
        return book


def _date(raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    return date.fromisoformat(str(raw))


def _optional_date(raw: Any) -> date | None:
    return None if raw is None else _date(raw)


def _text(raw: Any) -> str | None:
    return None if raw is None else str(raw)


def _source(raw: dict[str, Any]) -> Source:
    return Source(title=str(raw["title"]), url=str(raw["url"]), seen=_date(raw["seen"]))


def _version(entry_id: str, raw: dict[str, Any], base: Entry | None) -> Entry:
    value = raw.get("value")
    span = raw.get("range")
    if value is None and span is None:
        raise ValueError(f"policy entry {entry_id} has neither value nor range")
    return Entry(
        id=entry_id,
        value=None if value is None else int(value),
        range=None if span is None else (int(span[0]), int(span[-1])),
        unit=str(raw["unit"]) if base is None else base.unit,
        summary=str(raw.get("summary") or (base.summary if base else "")),
        why=_text(raw.get("why")),
        sources=tuple(_source(s) for s in raw["sources"]),
        from_=_optional_date(raw.get("from")),
        as_of=_optional_date(raw.get("as_of")),
        note=_text(raw.get("note")),
    )


def _entry(entry_id: str, raw: dict[str, Any]) -> Entry:
    current = _version(entry_id, raw, None)
    older = [_version(entry_id, version, current) for version in raw.get("history", [])]
    for version in older:
        if version.from_ is not None and current.from_ is None:
            raise ValueError(f"policy entry {entry_id} has dated history but no 'from'")
    older.sort(key=lambda v: v.from_ or date.min)
    return replace(current, history=tuple(older))


def _fact(fact_id: str, raw: dict[str, Any]) -> Fact:
    return Fact(
        id=fact_id,
        summary=str(raw["summary"]),
        why=_text(raw.get("why")),
        sources=tuple(_source(s) for s in raw["sources"]),
    )


def load_policy(text: str) -> Policy:
    """Parse policy TOML text; kept separate from the file so tests can feed variants."""
    raw = tomllib.loads(text)
    entries = {key: _entry(key, value) for key, value in raw["entries"].items()}
    facts = {key: _fact(key, value) for key, value in raw.get("facts", {}).items()}
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
    return Policy(
        rules_as_of=_date(raw["meta"]["rules_as_of"]),
        entries=entries,
        peak_seasons=tuple(sorted(seasons, key=lambda s: s.start)),
        limits=limits,
        facts=facts,
        timezone_note=str(raw["meta"].get("timezone_note", "")),
    )


POLICY = load_policy(resources.files("calculator").joinpath("policy.toml").read_text("utf-8"))
