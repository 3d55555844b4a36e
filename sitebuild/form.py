"""The calculator page's form, written from the engine's field table.

The page, the command line and the batch columns must ask for the same things
under the same names; writing the form from `calculator.fields.FIELDS` (and the
first question from `SITUATION_LABELS`) means a new field or a changed label is
one row in the engine, never a second edit here. Fields next to each other in
the same group share one fieldset, in the table's order, which follows the order
page.
"""

from __future__ import annotations

import json
from html import escape
from itertools import groupby

from calculator.fields import FIELDS, Field, FieldKind, fields_json
from calculator.vocab import SITUATION_LABELS

__all__ = ["field_groups", "field_table_json", "situation_buttons"]

FIELD_TABLE_ID = "calc-field-table"


def _text(text: object) -> str:
    """Text between tags: only <, > and & need escaping, so apostrophes stay readable.

    The engine's labels are messages: the English page words them in English."""
    return escape(str(text), quote=False)


def situation_buttons() -> str:
    """One toggle per situation; `data-situation` is what the page and its tests look for."""
    return "\n".join(
        f'<button type="button" class="rc-situation" data-situation="{situation}" '
        f'aria-pressed="false">{_text(label)}</button>'
        for situation, label in SITUATION_LABELS.items()
    )


def _control(field: Field) -> str:
    name = escape(field.name)
    common = f'id="{name}" name="{name}" aria-describedby="{name}-help"'
    if field.kind is FieldKind.CHOICE:
        options = "\n".join(
            f'<option value="{escape(value)}">{_text(label)}</option>'
            for value, label in field.choices
        )
        return f"<select {common}>\n{options}\n</select>"
    if field.kind is FieldKind.DAYS:
        return f'<input type="number" {common} inputmode="numeric" step="1">'
    if field.kind is FieldKind.FLAG:
        return f'<input type="checkbox" {common} value="true">'
    return f'<input type="date" {common}>'


def _field(field: Field) -> str:
    name = escape(field.name)
    label = f'<label for="{name}">{_text(field.label)}</label>'
    help_text = f'<p class="rc-help" id="{name}-help">{_text(field.help)}</p>'
    control = _control(field)
    if field.kind is FieldKind.FLAG:
        # A checkbox reads best before its label.
        return f'<div class="rc-field rc-check">\n{control}\n{label}\n{help_text}\n</div>'
    return f'<div class="rc-field">\n{label}\n{control}\n{help_text}\n</div>'


def field_groups() -> str:
    """Every field, in fieldsets by group; raw HTML with no blank line, so Markdown keeps it."""
    blocks = []
    for group, members in groupby(FIELDS, key=lambda field: field.group):
        body = "\n".join(_field(field) for field in members)
        blocks.append(f"<fieldset>\n<legend>{_text(group)}</legend>\n{body}\n</fieldset>")
    return "\n".join(blocks)


def field_table_json() -> str:
    """The field table as the page's script reads it, in the page itself.

    Which fields each situation asks for is known before Python has started, so a
    reader who taps "It has not arrived" at once sees only its fields.
    """
    data = json.dumps(fields_json(), ensure_ascii=False, separators=(",", ":"))
    # "</" would end the script element early; JSON allows the escaped slash.
    data = data.replace("</", "<\\/")
    return f'<script type="application/json" id="{FIELD_TABLE_ID}">{data}</script>'
