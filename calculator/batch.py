"""Many orders at once, most urgent first, for sellers who reorder on a customer's behalf.

Input is CSV with a header row naming the columns (any order; hyphens or
spaces instead of underscores and any letter case are accepted; blank cells
mean unknown). The columns are the calculator's fields, listed by
`column_help()`, plus your own `order_id`. Other columns are ignored and
listed in the result. A row with bad data is reported with its line number,
the column and what is wrong; the other rows are still assessed.

Each row shows the order's next route, the one the single answer's next step
comes from: AliExpress's own while one is live, then a fallback (PayPal, the
card, consumer law), and the row says which family it is in. Beside it, the
fallback that closes before AliExpress is likely to decide, if one does. Rows
are ranked by the next route's day to act by, then its last day; rows with
nothing left to do come last. A row that does not say how the order was paid
assumes no way of paying, so no payment route is chosen for it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculator.assessment import iso
from calculator.case import InputError, parse_case
from calculator.echo import clip
from calculator.engine import triage
from calculator.fields import FIELDS
from calculator.i18n import DEFAULT, Message, render
from calculator.vocab import (
    DISPUTE_STAGE_LABELS,
    FAMILY_LABELS,
    Decider,
    DisputeStage,
    Family,
    RouteId,
    Status,
    status_label,
)

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "BatchError",
    "BatchResult",
    "BatchRow",
    "Progress",
    "column_help",
    "run_batch",
]

# Today comes from the run, not from a row: every row is judged on the same day.
_CASE_COLUMNS = {field.column: field.name for field in FIELDS if field.name != "today"}
COLUMNS = ("order_id", *_CASE_COLUMNS)
CSV_COLUMNS = (
    "order_id",
    "line",
    "route",
    "family",
    "status",
    "title",
    "act_by",
    "closes_on",
    "closes_on_latest",
    "days_left",
    "fallback",
    "fallback_closes_on",
    "next_step",
    "dispute_stage",
    "warnings",
    "error",
)


ORDER_ID_HELP = Message("your reference for the order (optional)")
REQUIRED = Message("{help} (required)")


def column_help(lang: str = DEFAULT) -> str:
    """One line per input column, for the command's help."""
    width = max(len(column) for column in COLUMNS)
    lines = [f"  {'order_id':<{width}}  {render(ORDER_ID_HELP, lang)}"]
    for field in FIELDS:
        if field.name == "today":
            continue
        text = REQUIRED.format(help=field.help) if field.required else field.help
        lines.append(f"  {field.column:<{width}}  {render(text, lang)}")
    return "\n".join(lines)


_FORMULA_START = ("=", "+", "-", "@")


@dataclass(slots=True)
class BatchRow:
    line: int
    order_id: str
    route: RouteId | None
    family: Family | None
    status: Status | None
    title: Message | None
    act_by: date | None
    closes_on: date | None
    closes_on_latest: date | None
    days_left: int | None
    next_step: Message
    dispute_stage: DisputeStage | None
    warnings: tuple[str, ...]
    decider: Decider = Decider.ORDER_PAGE
    fallback: RouteId | None = None
    """The payment or law route that closes before AliExpress is likely to decide."""
    fallback_title: Message | None = None
    fallback_closes_on: date | None = None

    @property
    def urgency(self) -> tuple[bool, date, date, int]:
        """Sort key: the day to act by, then the last day; nothing left to do comes last."""
        return (
            self.route is None,
            self.act_by or date.max,
            self.closes_on or date.max,
            self.line,
        )

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "line": self.line,
            "order_id": self.order_id,
            "route": self.route,
            "family": self.family,
            "family_label": None
            if self.family is None
            else render(FAMILY_LABELS[self.family], lang),
            "status": self.status,
            "status_label": (
                None
                if self.status is None
                else render(status_label(self.status, self.decider), lang)
            ),
            "title": render(self.title, lang),
            "act_by": iso(self.act_by),
            "closes_on": iso(self.closes_on),
            "closes_on_latest": iso(self.closes_on_latest),
            "days_left": self.days_left,
            "fallback": self.fallback,
            "fallback_title": render(self.fallback_title, lang),
            "fallback_closes_on": iso(self.fallback_closes_on),
            "next_step": render(self.next_step, lang),
            "dispute_stage": self.dispute_stage,
            "dispute_stage_label": (
                None
                if self.dispute_stage is None
                else render(DISPUTE_STAGE_LABELS[self.dispute_stage], lang)
            ),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class BatchError:
    line: int
    order_id: str
    """Cut to a few dozen characters, like every value a message repeats."""
    error: InputError
    """Its field and the field names in its message are the CSV's column names."""

    @property
    def field(self) -> str:
        return self.error.field

    @property
    def message(self) -> str:
        """In English, the source language."""
        return self.error.message

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "line": self.line,
            "order_id": self.order_id,
            "field": self.field,
            "code": self.error.code,
            "message": self.error.worded(lang),
        }


def _csv_cells(shape: dict[str, Any]) -> list[object]:
    """A row's cells in CSV_COLUMNS order, from its JSON shape (left as it is)."""
    cells = {**shape, "warnings": " ".join(shape["warnings"]), "error": ""}
    return [cells[column] for column in CSV_COLUMNS]


def _cell(value: object) -> str:
    """Keep spreadsheet programs from running an order id as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


@dataclass(frozen=True)
class BatchResult:
    today: date
    rows: tuple[BatchRow, ...]
    errors: tuple[BatchError, ...]
    ignored_columns: tuple[str, ...]

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        """The JSON shape; its labels and sentences in `lang`, its keys and values not."""
        return {
            "today": self.today.isoformat(),
            "rows": [row.to_dict(lang) for row in self.rows],
            "errors": [error.to_dict(lang) for error in self.errors],
            "ignored_columns": list(self.ignored_columns),
        }

    def to_csv(self, lang: str = DEFAULT, shapes: list[dict[str, Any]] | None = None) -> str:
        """Rows most urgent first, then one line per bad row with its error.

        The column names and the ids stay as they are; titles, steps and errors are in `lang`.
        `shapes` are the rows' JSON shapes in `lang` when the caller has them already (the
        page asks for both), so that no row is worded twice.
        """
        if shapes is None:
            shapes = [row.to_dict(lang) for row in self.rows]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows([_cell(value) for value in _csv_cells(shape)] for shape in shapes)
        blank = [""] * len(CSV_COLUMNS)
        for error in self.errors:
            cells = dict(zip(CSV_COLUMNS, blank, strict=True))
            cells.update(
                order_id=error.order_id, line=str(error.line), error=error.error.worded(lang)
            )
            writer.writerow([_cell(value) for value in cells.values()])
        return out.getvalue()


def _column(option: str) -> str:
    return option.replace("-", "_")


def _header(names: list[str]) -> tuple[list[str | None], int | None, tuple[str, ...]]:
    """Per column: the case field it feeds (None if none), where order_id is, what is ignored."""
    normal = [
        name.strip().lstrip("\ufeff").lower().replace("-", "_").replace(" ", "_") for name in names
    ]
    seen: set[str] = set()
    for name in normal:
        if name in seen and name in COLUMNS:
            raise InputError("file", "column_twice", name=name)
        seen.add(name)
    if "order_date" not in seen:
        raise InputError("file", "no_order_date")
    ignored = tuple(name for name in normal if name not in COLUMNS)
    keys = [_CASE_COLUMNS.get(name) for name in normal]
    id_column = normal.index("order_id") if "order_id" in seen else None
    return keys, id_column, ignored


def _assess_row(
    line: int, order_id: str, fields: dict[str, str], today: date, *, lean: bool = True
) -> BatchRow:
    """A row from the lean triage; `lean=False` builds it from the single answer's full
    triage, which must give the same row (tests/calculator/test_batch_lean.py)."""
    paid_with = fields.get("payment-method")
    judged = triage(
        parse_case(fields, today=today),
        payment_known=bool(paid_with and paid_with.strip()),
        lean=lean,
    )
    shown = judged.next
    dispute = judged.dispute
    fallback = judged.fallback
    return BatchRow(
        line=line,
        order_id=order_id,
        route=None if shown is None else shown.route,
        family=None if shown is None else shown.family,
        status=None if shown is None else shown.status,
        title=None if shown is None else shown.title,
        act_by=None if shown is None else shown.act_by,
        closes_on=None if shown is None else shown.closes_on,
        closes_on_latest=None if shown is None else shown.closes_on_latest,
        days_left=None if shown is None else shown.days_left,
        # The headline's step: the single answer's, so a row and the answer agree.
        next_step=judged.next_step,
        dispute_stage=None if dispute is None else dispute.stage,
        warnings=judged.warning_ids,
        decider=Decider.ORDER_PAGE if shown is None else shown.decider,
        fallback=None if fallback is None else fallback.route,
        fallback_title=None if fallback is None else fallback.title,
        fallback_closes_on=None if fallback is None else fallback.closes_on,
    )


# A line and its ending, as the csv module counts lines: \r\n, \r or \n.
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_UNPAIRED = "unpaired"


def _records(csv_text: str) -> Iterator[tuple[int, list[str] | InputError]]:
    """(line number, cells) per record, or (line number, error) for one that is not CSV.

    A quoted cell may hold line breaks, so one stray opening quote would swallow
    every line after it into a single cell, and an error would point far from it.
    Quotes are read strictly instead: a record whose quotes do not pair up, or that
    spans lines yet holds more cells than the header, is reported at the line it
    starts on, and reading goes on from the next line.
    """
    lines = _LINES.findall(csv_text)
    at = 0  # lines read so far

    def feed() -> Iterator[str]:
        nonlocal at
        while at < len(lines):
            at += 1
            yield lines[at - 1]

    reader = csv.reader(feed(), strict=True)
    width: int | None = None
    while True:
        first = at + 1
        try:
            cells = next(reader)
            if width is not None and at > first and len(cells) > width:
                raise csv.Error(_UNPAIRED)
        except StopIteration:
            return
        except csv.Error as error:
            if '"' in lines[first - 1] or str(error) == _UNPAIRED:
                yield first, InputError("file", "unpaired_quotes", line=first)
            else:
                yield first, InputError("file", "not_csv", line=first, reason=str(error))
            at = first
            reader = csv.reader(feed(), strict=True)
            continue
        if width is None:
            width = len(cells)
        yield first, cells


Progress = Callable[[int, int], None]
"""Told (rows done, rows in the file) while a batch runs, so a page can show how far it is."""

PROGRESS_STEPS = 100
"""At most this many progress reports per batch, plus the last one."""


def run_batch(csv_text: str, today: date, progress: Progress | None = None) -> BatchResult:
    """Assess every row; file-level problems (no header, no order_date) raise InputError."""
    records = _records(csv_text)
    first = next(records, None)
    if first is None:
        raise InputError("file", "empty_csv")
    if isinstance(first[1], InputError):
        raise first[1]
    keys, id_column, ignored = _header(first[1])
    width = len(keys)
    # Read every record first: a syntax error is found before any work, and the total is known.
    body = list(records)
    total = len(body)
    every = -(-total // PROGRESS_STEPS)  # rounded up, so never more reports than the steps
    rows: list[BatchRow] = []
    errors: list[BatchError] = []
    for done, (line, cells) in enumerate(body):
        if progress is not None and done and done % every == 0:
            progress(done, total)
        if isinstance(cells, InputError):
            errors.append(BatchError(line, "", cells))
            continue
        if not "".join(cells).strip():
            continue
        order_id = ""
        if id_column is not None and id_column < len(cells):
            order_id = cells[id_column].strip()
        if len(cells) > width:
            error = InputError("file", "more_cells", line=line)
            errors.append(BatchError(line, clip(order_id), error))
            continue
        fields = {key: cell for key, cell in zip(keys, cells, strict=False) if key is not None}
        try:
            rows.append(_assess_row(line, order_id, fields, today))
        except InputError as error:
            # Speak of columns as the CSV names them, not as command-line options.
            errors.append(BatchError(line, clip(order_id), error.renamed(_column)))
    if progress is not None:
        progress(total, total)
    rows.sort(key=lambda row: row.urgency)
    return BatchResult(today=today, rows=tuple(rows), errors=tuple(errors), ignored_columns=ignored)
