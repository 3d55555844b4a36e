"""JSON in, JSON out, for the browser's Web Worker: these functions never raise.

A Python exception crossing into JavaScript would surface as an opaque
error in the page; an {"ok": false} answer lets the page point at the field.
Each function takes the page's language last, English by default, so a caller
that passes none keeps working; a language the engine does not speak is English.
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
from calculator.i18n import DEFAULT, Option, language
from calculator.ics import calendar_filename, calendar_ics, future_deadlines

__all__ = ["assess_json", "batch_json", "fields_json", "ics_json"]


def _ok(result: Any) -> str:
    return json.dumps({"ok": True, "result": result})


def _fail(error: InputError, lang: str) -> str:
    return json.dumps({"ok": False, "error": error.to_dict(lang)})


def _fields(fields_json: str) -> dict[str, object]:
    try:
        fields = json.loads(fields_json)
    except ValueError as error:
        raise InputError("input", "not_json", reason=str(error)) from None
    if not isinstance(fields, dict):
        raise InputError("input", "not_object")
    return fields


def _lang(tag: object) -> str:
    return (language(tag) if isinstance(tag, str) else None) or DEFAULT


def _guarded(work: Any, lang: str, *args: Any) -> str:
    try:
        return _ok(work(*args, lang))
    except InputError as error:
        return _fail(error, lang)
    except Exception as error:  # last resort: the page must always get an answer
        return _fail(InputError("input", "unexpected", kind=type(error).__name__), lang)


def _assess(fields_json: str, lang: str) -> Any:
    return assess(parse_case(_fields(fields_json))).to_dict(lang)


def _ics(fields_json: str, lang: str) -> Any:
    assessment = assess(parse_case(_fields(fields_json)))
    return {
        "filename": calendar_filename(assessment),
        "ics": calendar_ics(assessment, lang),
        "events": len(future_deadlines(assessment)),
    }


def _batch(csv_text: str, today_iso: str, progress: Progress | None, lang: str) -> Any:
    today: date | None = parse_iso(today_iso.strip()) if isinstance(today_iso, str) else None
    if today is None:
        raise InputError("today", "not_a_date", field=Option("today"), text=clip(today_iso))
    if not isinstance(csv_text, str):
        raise InputError("file", "csv_not_text")
    # JavaScript's null reaches Python as Pyodide's own null object, not None: anything that
    # cannot be called is no progress report.
    result = run_batch(csv_text, today, progress if callable(progress) else None)
    shape = result.to_dict(lang)
    return {**shape, "csv": result.to_csv(lang, shape["rows"])}


def assess_json(fields_json: str, lang: str = DEFAULT) -> str:
    """Assessment.to_dict() for the fields, or the error naming the field, in `lang`."""
    return _guarded(_assess, _lang(lang), fields_json)


def ics_json(fields_json: str, lang: str = DEFAULT) -> str:
    """{"filename", "ics", "events"}; "events" is 0 when no deadline lies ahead."""
    return _guarded(_ics, _lang(lang), fields_json)


def batch_json(
    csv_text: str, today_iso: str, progress: Progress | None = None, lang: str = DEFAULT
) -> str:
    """BatchResult.to_dict() plus "csv", the same rows as CSV text.

    `progress(done, total)`, when given, is called as rows are assessed: in the browser it
    posts a message from the worker, which the page draws while Python is still busy.
    """
    return _guarded(_batch, _lang(lang), csv_text, today_iso, progress)


def fields_json(lang: str = DEFAULT) -> str:
    """The field table the page builds its form and share links from, its words in `lang`."""
    return _guarded(field_table, _lang(lang))
