"""Bad input as data: the field, a code and its values, worded by the catalogue.

Every value a message repeats is cut short first (calculator.echo): the reader needs
to recognise it, not to read a pasted megabyte back.

A front end shows the message in the reader's language and a script reads the
code; nothing has to read an English sentence back. Field names in a message
are Options, so the batch can call them by its column names instead.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from calculator.echo import MORE, clip
from calculator.i18n import DEFAULT, Message, Option, render

__all__ = ["ERRORS", "InputError"]

ERRORS = {
    # Reading one value.
    "unknown_field": Message("{field} is not a known field"),
    "required": Message("{field} is required"),
    "not_text": Message("{field} must be text, not {kind}"),
    "not_a_date": Message("{field} '{text}' is not a real date in YYYY-MM-DD form"),
    "date_type": Message("{field} must be a date"),
    "not_days": Message("{field} '{text}' is not a whole number of days"),
    "too_many_digits": Message("{field} '{text}' has more than {most} digits"),
    "not_yes_no": Message("{field} '{text}' is not yes or no"),
    "not_one_of": Message("{field} '{text}' is not one of {choices}"),
    # Values that cannot all be true.
    "years": Message("{field} {value} is outside the years {low} to {high}"),
    "range": Message("{field} {value} is outside {low} to {high}"),
    "not_both": Message("give {field} or {other}, not both"),
    "before": Message("{field} {value} is before {other} {earlier}"),
    "after_today": Message("{field} {value} is after today {today}"),
    "needed_with": Message("{field} is needed with {other}"),
    "needs_paypal": Message("{field} needs {other} paypal"),
    "outcome_refund": Message("{field} {value} does not fit a refund approved on {approved}"),
    # The command line.
    "no_command": Message("choose a command: assess, ics or batch (see --help)"),
    "unknown_option": Message("{field} is not an option of this command (see --help)"),
    "bad_option": Message("{field} is not given as this command expects (see --help)"),
    "no_file": Message("give the CSV file's name, or - for standard input"),
    "unreadable": Message("file {name} cannot be read: {reason}"),
    "not_utf8": Message("file {name} cannot be read: it is not UTF-8 text"),
    "language": Message("{field} '{text}' is not one of {choices}"),
    # A batch file.
    "empty_csv": Message("the CSV file is empty"),
    "no_order_date": Message("the CSV header has no order_date column"),
    "column_twice": Message("the CSV header names the column {name} twice"),
    "not_csv": Message("line {line} is not valid CSV: {reason}"),
    "more_cells": Message("line {line} has more cells than the header"),
    "unpaired_quotes": Message('line {line} is not valid CSV: its quote marks (") do not pair up'),
    # The page's worker.
    "not_json": Message("input is not valid JSON: {reason}"),
    "not_object": Message("input must be a JSON object of field names and values"),
    "csv_not_text": Message("the CSV must be text"),
    "unexpected": Message("could not handle this input ({kind})"),
}
"""Every input error by its code. {reason} is a message of the system or the parser that
read the input, which only it can word."""


def _short(value: object) -> object:
    """A value as a message may repeat it: a pasted cell can be any length."""
    if isinstance(value, Option):
        return Option(clip(value))
    if isinstance(value, str):
        return clip(value)
    if isinstance(value, int) and not isinstance(value, bool):
        shown = clip(value)
        return shown if shown.endswith(MORE) else value
    return value


def _json(value: object) -> object:
    """Values are text, numbers and dates; dates as ISO, as everywhere in JSON."""
    return value.isoformat() if isinstance(value, date) else value


class InputError(ValueError):
    """Bad input, named by the option the user typed so they can find it at once."""

    def __init__(self, field: str, code: str, /, **values: object) -> None:
        self.field = clip(field)
        self.code = code
        self.values = {key: _short(value) for key, value in values.items()}
        super().__init__(self.message)

    @property
    def text(self) -> Message:
        """The message; a date in it is as the reader typed it, YYYY-MM-DD, in any language."""
        return ERRORS[self.code].format(**{key: _json(v) for key, v in self.values.items()})

    @property
    def message(self) -> str:
        """In English, the source language."""
        return self.worded(DEFAULT)

    def worded(self, lang: str) -> str:
        return render(self.text, lang)

    def renamed(self, rename: Any) -> InputError:
        """The same error with every field name passed through `rename` (the batch's
        column names)."""
        values = {
            key: Option(rename(value)) if isinstance(value, Option) else value
            for key, value in self.values.items()
        }
        return InputError(rename(self.field), self.code, **values)

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "field": self.field,
            "code": self.code,
            "values": {key: _json(value) for key, value in self.values.items()},
            "message": self.worded(lang),
        }
