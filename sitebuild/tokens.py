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

from calculator import policy_words
from calculator.batch import COLUMNS
from calculator.dates_i18n import MONTHS
from calculator.fields import FIELD_BY_NAME, FIELDS, Field, FieldKind
from calculator.i18n import DEFAULT, Message, render
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


# The guide's generated blocks speak the page's language: their words are catalogue
# entries (context "guide"), extracted from this file with the engine's own.
LONG_DATE = Message("{day} {month} {year}", context="guide date")
RULES_AS_OF = Message("Rules as of {day}", context="guide")
RANGE = Message("{low} to {high}", context="guide")
SEEN = Message("seen {day}", context="guide")
NO_SOURCE = Message("no source found", context="guide")
NO_SEASON = Message(
    "No busy season is listed ahead of today; the order page's countdown still counts.",
    context="guide",
)
SEASONS_HEAD = Message("| Period | From | To |", context="guide table")
DEADLINES_HEAD = Message("| Rule | This guide uses |", context="guide table")
FROM_SOURCES = Message("(sources: {low} to {high})", context="guide")
TOOK_EFFECT = Message("the rule took effect", context="guide")
SOURCE = Message("Source: {sources}.", context="guide")
NO_CHANGE = Message("No dated change to these rules is recorded.", context="guide")
FIELDS_HEAD = Message("| Field | What to enter |", context="guide table")
NEEDED = Message("(needed)", context="guide")
ONE_OF_LABELS = Message("One of: {choices}.", context="guide")
COLUMNS_HEAD = Message("| Column | What it holds | How to write it |", context="guide table")
ORDER_ID = Message("Your own reference for the order (optional).", context="guide")
ANY_TEXT = Message("Any text.", context="guide")
REQUIRED = Message("Required.", context="guide")
A_DATE = Message("A date, year-month-day.", context="guide")
DAYS = Message("A whole number of days.", context="guide")
YES_NO = Message("`yes` or `no`.", context="guide")
ONE_OF_VALUES = Message("One of {choices}; blank if unknown.", context="guide")


def long_date(day: date, lang: str = DEFAULT) -> str:
    """Spell dates out: readers in many countries misread 03/11."""
    month = MONTHS[lang][day.month - 1]
    return render(LONG_DATE.format(day=day.day, month=month, year=day.year), lang)


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _words(message: Message, context: Context) -> str:
    return render(message, context.lang)


def entry(policy: Policy, entry_id: str) -> Entry:
    try:
        return policy.entries[entry_id]
    except KeyError:
        raise TokenError(f"no policy entry {entry_id!r}") from None


def _amount(value: int) -> str:
    """Group the thousands of a large amount (30,000); years and day counts stay as they are."""
    return f"{value:,}" if value >= 10_000 else str(value)


def _policy_token(policy: Policy, path: str, lang: str = DEFAULT) -> str:
    if path == "rules_as_of":
        return long_date(policy.rules_as_of, lang)
    entry_id, _, part = path.partition(".")
    found = entry(policy, entry_id)
    if part == "" and found.value is not None:
        return _amount(found.value)
    if part == "unit":
        return render(policy_words.unit(found.unit), lang)
    if part == "from":
        if found.from_ is None:
            raise TokenError(f"policy entry {entry_id!r} has no 'from' day")
        return long_date(found.from_, lang)
    if found.range is not None:
        low, high = found.range
        shown_range = render(RANGE.format(low=low, high=high), lang)
        pieces = {"min": str(low), "max": str(high), "range": shown_range}
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


def _sources_list(policy: Policy, ids: list[str], lang: str = DEFAULT) -> str:
    if not ids:
        raise TokenError("sources: names no entry")
    seen: dict[tuple[str, str], Source] = {}
    for source_id in ids:
        for source in _sources_of(policy, source_id):
            seen.setdefault((source.title, source.url), source)
    return "\n".join(
        f"- [{s.title}]({s.url}), {render(SEEN.format(day=long_date(s.seen, lang)), lang)}"
        for s in seen.values()
    )


def status_label(name: str, lang: str = DEFAULT) -> str:
    """The words the calculator shows for a status, read from the engine's vocabulary."""
    try:
        return render(STATUS_LABELS[Status(name)], lang)
    except ValueError:
        raise TokenError(f"no status {name!r}") from None


def batch_column(name: str) -> str:
    """A batch column as code, only if the batch reads it: a renamed column stops the build."""
    if name not in COLUMNS:
        raise TokenError(f"the batch has no column {name!r}")
    return f"`{name}`"


def field_label(name: str, lang: str = DEFAULT) -> str:
    """The form's label for a field, so a page names it in the words the reader sees."""
    try:
        return render(FIELD_BY_NAME[name].label, lang)
    except KeyError:
        raise TokenError(f"no field {name!r}") from None


def expand_token(context: Context, token: str) -> str:
    """Turn the text between the braces into what the reader sees."""
    if token.startswith("policy."):
        return _policy_token(context.policy, token.removeprefix("policy."), context.lang)
    if token.startswith("sources:"):
        ids = token.removeprefix("sources:").split()
        return _sources_list(context.policy, ids, context.lang)
    if token.startswith("status:"):
        return status_label(token.removeprefix("status:").strip(), context.lang)
    if token.startswith("column:"):
        return batch_column(token.removeprefix("column:").strip())
    if token.startswith("field:"):
        return field_label(token.removeprefix("field:").strip(), context.lang)
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
        return f"*{_words(NO_SEASON, context)}*"
    lang = context.lang
    rows = [
        f"| {cell(render(Message(s.name), lang))} | {long_date(s.start, lang)} "
        f"| {long_date(s.end, lang)} |"
        for s in ahead
    ]
    return "\n".join([_words(SEASONS_HEAD, context), "| --- | --- | --- |", *rows])


# Units that measure a span of time (a deadline), as opposed to a year or an amount.
SPAN_UNITS = re.compile(r"\b(?:days?|hours?|weeks?|months?|years)\b")


def _figure(found: Entry, lang: str) -> str:
    unit = render(policy_words.unit(found.unit), lang)
    if found.value is not None:
        shown = f"**{found.value}** {unit}"
        if found.range is not None and found.range != (found.value, found.value):
            low, high = found.range
            shown += " " + render(FROM_SOURCES.format(low=low, high=high), lang)
        return shown
    assert found.range is not None  # calculator.policy guarantees value or range
    low, high = found.range
    return f"**{render(RANGE.format(low=low, high=high), lang)}** {unit}"


@generated("deadlines_table")
def deadlines_table(context: Context) -> str:
    """Every time limit in the policy data, in the order of the file, with the figure used."""
    lang = context.lang
    rows = [
        f"| {cell(render(policy_words.summary(e.summary), lang))} | {_figure(e, lang)} |"
        for e in context.policy.entries.values()
        if SPAN_UNITS.search(e.unit)
    ]
    return "\n".join([_words(DEADLINES_HEAD, context), "| --- | --- |", *rows])


def _sources_inline(sources: tuple[Source, ...], lang: str) -> str:
    return ", ".join(f"[{s.title}]({s.url})" for s in sources) or render(NO_SOURCE, lang)


@generated("rules_history")
def rules_history(context: Context) -> str:
    """What changed: every dated version of every rule, newest first, with its sources."""
    changes: list[tuple[date, str, str]] = []
    lang = context.lang
    for found in context.policy.entries.values():
        for version in found.versions:
            if version.from_ is None:
                continue
            what = render(policy_words.note(version.note) if version.note else TOOK_EFFECT, lang)
            low, high = version.low, version.high
            span = str(low) if low == high else render(RANGE.format(low=low, high=high), lang)
            figure = span + " " + render(policy_words.unit(version.unit), lang)
            summary = render(policy_words.summary(found.summary), lang)
            sources = render(SOURCE.format(sources=_sources_inline(version.sources, lang)), lang)
            line = (
                f"- **{long_date(version.from_, lang)}**: {what.rstrip('.')}. "
                f"{summary.rstrip('.')}: {figure}. {sources}"
            )
            changes.append((version.from_, found.id, line))
    if not changes:
        return f"*{_words(NO_CHANGE, context)}*"
    changes.sort(key=lambda change: (change[0], change[1]), reverse=True)
    return "\n".join(line for _, _, line in changes)


@generated("calculator_fields")
def calculator_fields(context: Context) -> str:
    """The calculator's fields, group by group, from the one field table."""
    groups: dict[str, list[str]] = {}
    lang = context.lang
    for field_ in FIELDS:
        name = f"**{cell(render(field_.label, lang))}**"
        if field_.required:
            name += " " + _words(NEEDED, context)
        detail = cell(render(field_.help, lang))
        if field_.choices:
            labels = ", ".join(cell(render(label, lang)) for _, label in field_.choices)
            detail += " " + render(ONE_OF_LABELS.format(choices=labels), lang)
        group = cell(render(field_.group, lang))
        groups.setdefault(group, []).append(f"| {name} | {detail} |")
    head = _words(FIELDS_HEAD, context)
    blocks = [
        "\n".join([f"**{group}**", "", head, "| --- | --- |", *rows])
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


def _column_values(field_: Field) -> Message:
    kind = field_.kind
    if kind is FieldKind.DATE:
        return A_DATE
    if kind is FieldKind.DAYS:
        return DAYS
    if kind is FieldKind.FLAG:
        return YES_NO
    values = [f"`{value}`" for value, _ in field_.choices if value]
    return ONE_OF_VALUES.format(choices=", ".join(values))


@generated("batch_columns")
def batch_columns(context: Context) -> str:
    """Every column a batch file may hold, from the one field table, in the batch's own order."""
    by_column = {field_.column: field_ for field_ in FIELDS}
    lang = context.lang
    rows = [f"| `order_id` | {_words(ORDER_ID, context)} | {_words(ANY_TEXT, context)} |"]
    for column in COLUMNS[1:]:
        found = by_column[column]
        need = " " + _words(REQUIRED, context) if found.required else ""
        held = cell(render(found.help, lang)) + need
        rows.append(f"| `{column}` | {held} | {cell(render(_column_values(found), lang))} |")
    head = _words(COLUMNS_HEAD, context)
    return "\n".join([head, "| --- | --- | --- |", *rows])
