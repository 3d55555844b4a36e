"""JSON in, JSON out, for the browser's Web Worker: these functions never raise.

A Python exception crossing into JavaScript would surface as an opaque
error in the page; an {"ok": false} answer lets the page point at the field.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from calculator.batch import Progress, run_batch
from calculator.case import InputError, parse_case
from calculator.dates import parse_iso
from calculator.echo import clip
from calculator.engine import assess
from calculator.fields import fields_json as field_table
from calculator.ics import calendar_filename, calendar_ics, future_deadlines

__all__ = ["assess_json", "batch_json", "fields_json", "ics_json"]


def _ok(result: Any) -> str:
    return json.dumps({"ok": True, "result": result})


def _fail(field: str, message: str) -> str:
    return json.dumps({"ok": False, "error": {"field": field, "message": message}})


def _fields(fields_json: str) -> dict[str, object]:
    try:
        fields = json.loads(fields_json)
    except ValueError as error:
        raise InputError("input", f"input is not valid JSON: {error}") from None
    if not isinstance(fields, dict):
        raise InputError("input", "input must be a JSON object of field names and values")
    return fields


def _guarded(work: Any, *args: Any) -> str:
    try:
        return _ok(work(*args))
    except InputError as error:
        return _fail(error.field, error.message)
    except Exception as error:  # last resort: the page must always get an answer
        return _fail("input", f"could not handle this input ({type(error).__name__})")


def _assess(fields_json: str) -> Any:
    return assess(parse_case(_fields(fields_json))).to_dict()


def _ics(fields_json: str) -> Any:
    assessment = assess(parse_case(_fields(fields_json)))
    return {
        "filename": calendar_filename(assessment),
        "ics": calendar_ics(assessment),
        "events": len(future_deadlines(assessment)),
    }


def _batch(csv_text: str, today_iso: str, progress: Progress | None) -> Any:
    today: date | None = parse_iso(today_iso.strip()) if isinstance(today_iso, str) else None
    if today is None:
        shown = clip(today_iso)
        raise InputError("today", f"today '{shown}' is not a real date in YYYY-MM-DD form")
    if not isinstance(csv_text, str):
        raise InputError("file", "the CSV must be text")
    result = run_batch(csv_text, today, progress)
    return {**result.to_dict(), "csv": result.to_csv()}


def assess_json(fields_json: str) -> str:
    """Assessment.to_dict() for the fields, or the error naming the field."""
    return _guarded(_assess, fields_json)


def ics_json(fields_json: str) -> str:
    """{"filename", "ics", "events"}; "events" is 0 when no deadline lies ahead."""
    return _guarded(_ics, fields_json)


def batch_json(csv_text: str, today_iso: str, progress: Progress | None = None) -> str:
    """BatchResult.to_dict() plus "csv", the same rows as CSV text.

    `progress(done, total)`, when given, is called as rows are assessed: in the browser it
    posts a message from the worker, which the page draws while Python is still busy.
    """
    return _guarded(_batch, csv_text, today_iso, progress)


def fields_json() -> str:
    """The field table the page builds its form and share links from."""
    return _guarded(field_table)
