"""Fill the guide's tokens in from calculator/policy.toml.

A deadline typed by hand into a page drifts from the calculator the first time a
rule changes; a token cannot. Anything between double braces that is not a known
token stops the build, so a typo never reaches a reader as raw braces.

Tokens:

- `{{ policy.ID }}`, `{{ policy.ID.range|min|max|unit }}`, `{{ policy.rules_as_of }}`
- `{{ policy.ID.from }}`: the day the rule in force took effect, spelled out, so a page
  that says "since 1 July 2026" changes with the data
- `{{ sources: id id ... }}`: the sources of those entries, each once
- `{{ status: open }}`: the engine's own label for a status, so a page never retypes it
- `{{ column: shipped }}`: a batch file's column name, refused if the batch does not take it
- `{{ field: confirmed }}`: the calculator's own label for a field, as the form shows it
- a generated block, by name: see `GENERATED`. A new one is one function:

      @generated("my_table")
      def my_table(context: Context) -> str:
          return "| ... |"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from calculator.batch import COLUMNS
from calculator.fields import FIELD_BY_NAME, FIELDS, Field, FieldKind
from calculator.i18n import DEFAULT, render
from calculator.policy import Entry, Policy, Source
from calculator.vocab import STATUS_LABELS, Status
from sitebuild.form import field_groups, field_table_json, labels_json, situation_buttons

TOKEN = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.DOTALL)
PEAK_SEASONS = "peak_seasons"


class TokenError(ValueError):
    """A token names something the policy data does not hold."""


@dataclass(frozen=True)
class Context:
    """What a token may read: the policy data and the day the site is built."""

    policy: Policy
    today: date = field(default_factory=date.today)
    lang: str = DEFAULT
    """The page's language: the calculator's generated blocks are written in it."""


Generator = Callable[[Context], str]
GENERATED: dict[str, Generator] = {}


def generated(name: str) -> Callable[[Generator], Generator]:
    """Register a function as the generated block `{{ name }}`."""

    def register(function: Generator) -> Generator:
        if name in GENERATED:
            raise ValueError(f"token {name!r} is registered twice")
        GENERATED[name] = function
        return function

    return register


def long_date(day: date) -> str:
    """Spell dates out: readers in many countries misread 03/11."""
    return f"{day.day} {day:%B %Y}"


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell; the engine's messages in English."""
    return " ".join(str(text).split()).replace("|", "\\|")


def entry(policy: Policy, entry_id: str) -> Entry:
    try:
        return policy.entries[entry_id]
    except KeyError:
        raise TokenError(f"no policy entry {entry_id!r}") from None


def _amount(value: int) -> str:
    """Group the thousands of a large amount (30,000); years and day counts stay as they are."""
    return f"{value:,}" if value >= 10_000 else str(value)


def _policy_token(policy: Policy, path: str) -> str:
    if path == "rules_as_of":
        return long_date(policy.rules_as_of)
    entry_id, _, part = path.partition(".")
    found = entry(policy, entry_id)
    if part == "" and found.value is not None:
        return _amount(found.value)
    if part == "unit":
        return found.unit
    if part == "from":
        if found.from_ is None:
            raise TokenError(f"policy entry {entry_id!r} has no 'from' day")
        return long_date(found.from_)
    if found.range is not None:
        low, high = found.range
        pieces = {"min": str(low), "max": str(high), "range": f"{low} to {high}"}
        if part in pieces:
            return pieces[part]
    shown = part or "value"
    raise TokenError(f"policy entry {entry_id!r} has no {shown}")


def _sources_of(policy: Policy, source_id: str) -> tuple[Source, ...]:
    if source_id == PEAK_SEASONS:
        return tuple(s.source for s in policy.peak_seasons)
    if source_id not in policy.entries and source_id in policy.facts:
        return policy.facts[source_id].sources
    return entry(policy, source_id).sources


def _sources_list(policy: Policy, ids: list[str]) -> str:
    if not ids:
        raise TokenError("sources: names no entry")
    seen: dict[tuple[str, str], Source] = {}
    for source_id in ids:
        for source in _sources_of(policy, source_id):
            seen.setdefault((source.title, source.url), source)
    return "\n".join(f"- [{s.title}]({s.url}), seen {long_date(s.seen)}" for s in seen.values())


def status_label(name: str) -> str:
    """The words the calculator shows for a status, read from the engine's vocabulary."""
    try:
        return render(STATUS_LABELS[Status(name)])
    except ValueError:
        raise TokenError(f"no status {name!r}") from None


def batch_column(name: str) -> str:
    """A batch column as code, only if the batch reads it: a renamed column stops the build."""
    if name not in COLUMNS:
        raise TokenError(f"the batch has no column {name!r}")
    return f"`{name}`"


def field_label(name: str) -> str:
    """The form's label for a field, so a page names it in the words the reader sees."""
    try:
        return render(FIELD_BY_NAME[name].label)
    except KeyError:
        raise TokenError(f"no field {name!r}") from None


def expand_token(context: Context, token: str) -> str:
    """Turn the text between the braces into what the reader sees."""
    if token.startswith("policy."):
        return _policy_token(context.policy, token.removeprefix("policy."))
    if token.startswith("sources:"):
        return _sources_list(context.policy, token.removeprefix("sources:").split())
    if token.startswith("status:"):
        return status_label(token.removeprefix("status:").strip())
    if token.startswith("column:"):
        return batch_column(token.removeprefix("column:").strip())
    if token.startswith("field:"):
        return field_label(token.removeprefix("field:").strip())
    if token in GENERATED:
        return GENERATED[token](context)
    raise TokenError("unknown token")


def expand(markdown: str, context: Context) -> str:
    """Replace every token; the first bad one raises TokenError naming it."""

    def replace(match: re.Match[str]) -> str:
        try:
            return expand_token(context, match.group(1))
        except TokenError as exc:
            raise TokenError(f"{match.group(0)}: {exc}") from None

    return TOKEN.sub(replace, markdown)


# Generated blocks -------------------------------------------------------------------------


@generated(PEAK_SEASONS)
def peak_seasons(context: Context) -> str:
    """The busy seasons that have not ended on the day the site is built."""
    ahead = [s for s in context.policy.peak_seasons if s.end >= context.today]
    if not ahead:
        return "*No busy season is listed ahead of today; the order page's countdown still counts.*"
    rows = [f"| {cell(s.name)} | {long_date(s.start)} | {long_date(s.end)} |" for s in ahead]
    return "\n".join(["| Period | From | To |", "| --- | --- | --- |", *rows])


# Units that measure a span of time (a deadline), as opposed to a year or an amount.
SPAN_UNITS = re.compile(r"\b(?:days?|hours?|weeks?|months?|years)\b")


def _figure(found: Entry) -> str:
    if found.value is not None:
        shown = f"**{found.value}** {found.unit}"
        if found.range is not None and found.range != (found.value, found.value):
            shown += f" (sources: {found.range[0]} to {found.range[1]})"
        return shown
    assert found.range is not None  # calculator.policy guarantees value or range
    return f"**{found.range[0]} to {found.range[1]}** {found.unit}"


@generated("deadlines_table")
def deadlines_table(context: Context) -> str:
    """Every time limit in the policy data, in the order of the file, with the figure used."""
    rows = [
        f"| {cell(e.summary)} | {_figure(e)} |"
        for e in context.policy.entries.values()
        if SPAN_UNITS.search(e.unit)
    ]
    return "\n".join(["| Rule | This guide uses |", "| --- | --- |", *rows])


def _sources_inline(sources: tuple[Source, ...]) -> str:
    return ", ".join(f"[{s.title}]({s.url})" for s in sources) or "no source found"


@generated("rules_history")
def rules_history(context: Context) -> str:
    """What changed: every dated version of every rule, newest first, with its sources."""
    changes: list[tuple[date, str, str]] = []
    for found in context.policy.entries.values():
        for version in found.versions:
            if version.from_ is None:
                continue
            what = version.note or "the rule took effect"
            figure = version.span() + " " + version.unit
            line = (
                f"- **{long_date(version.from_)}**: {what.rstrip('.')}. "
                f"{found.summary.rstrip('.')}: {figure}. "
                f"Source: {_sources_inline(version.sources)}."
            )
            changes.append((version.from_, found.id, line))
    if not changes:
        return "*No dated change to these rules is recorded.*"
    changes.sort(key=lambda change: (change[0], change[1]), reverse=True)
    return "\n".join(line for _, _, line in changes)


@generated("calculator_fields")
def calculator_fields(context: Context) -> str:
    """The calculator's fields, group by group, from the one field table."""
    groups: dict[str, list[str]] = {}
    for field_ in FIELDS:
        name = f"**{cell(field_.label)}**" + (" (needed)" if field_.required else "")
        detail = cell(field_.help)
        if field_.choices:
            detail += " One of: " + ", ".join(cell(label) for _, label in field_.choices) + "."
        groups.setdefault(str(field_.group), []).append(f"| {name} | {detail} |")
    blocks = [
        "\n".join([f"**{cell(group)}**", "", "| Field | What to enter |", "| --- | --- |", *rows])
        for group, rows in groups.items()
    ]
    return "\n\n".join(blocks)


@generated("calculator_situations")
def calculator_situations(context: Context) -> str:
    """The calculator's first question: what happened, from the engine's own words."""
    return situation_buttons(context.lang)


@generated("calculator_form")
def calculator_form(context: Context) -> str:
    """The calculator's fields as form controls, from the one field table."""
    return field_groups(context.lang)


@generated("calculator_field_table")
def calculator_field_table(context: Context) -> str:
    """The engine's field table as JSON inside the page, for the form's script."""
    return field_table_json(context.lang)


@generated("calculator_labels")
def calculator_labels(context: Context) -> str:
    """The page's own words as JSON inside the page, for its script to draw with."""
    return labels_json(context.lang)


def _column_values(field_: Field) -> str:
    kind = field_.kind
    if kind is FieldKind.DATE:
        return "A date, year-month-day."
    if kind is FieldKind.DAYS:
        return "A whole number of days."
    if kind is FieldKind.FLAG:
        return "`yes` or `no`."
    values = [f"`{value}`" for value, _ in field_.choices if value]
    return "One of " + ", ".join(values) + "; blank if unknown."


@generated("batch_columns")
def batch_columns(context: Context) -> str:
    """Every column a batch file may hold, from the one field table, in the batch's own order."""
    by_column = {field_.column: field_ for field_ in FIELDS}
    rows = ["| `order_id` | Your own reference for the order (optional). | Any text. |"]
    for column in COLUMNS[1:]:
        found = by_column[column]
        need = " Required." if found.required else ""
        rows.append(f"| `{column}` | {cell(found.help)}{need} | {cell(_column_values(found))} |")
    return "\n".join(["| Column | What it holds | How to write it |", "| --- | --- | --- |", *rows])
