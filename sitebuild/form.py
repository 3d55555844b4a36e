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
from calculator.i18n import DEFAULT, Message, render
from calculator.page_labels import page_labels
from calculator.vocab import SITUATION_LABELS

__all__ = ["field_groups", "field_table_json", "labels_json", "situation_buttons"]

FIELD_TABLE_ID = "calc-field-table"
LABELS_ID = "calc-labels"


def _text(text: Message | str, lang: str = DEFAULT) -> str:
    """Text between tags: only <, > and & need escaping, so apostrophes stay readable.

    The engine's labels are messages: each language's page words them in its language."""
    return escape(render(text, lang), quote=False)


def situation_buttons(lang: str = DEFAULT) -> str:
    """One toggle per situation; `data-situation` is what the page and its tests look for."""
    return "\n".join(
        f'<button type="button" class="rc-situation" data-situation="{situation}" '
        f'aria-pressed="false">{_text(label, lang)}</button>'
        for situation, label in SITUATION_LABELS.items()
    )


def _control(field: Field, lang: str) -> str:
    name = escape(field.name)
    common = f'id="{name}" name="{name}" aria-describedby="{name}-help"'
    if field.kind is FieldKind.CHOICE:
        options = "\n".join(
            f'<option value="{escape(value)}">{_text(label, lang)}</option>'
            for value, label in field.choices
        )
        return f"<select {common}>\n{options}\n</select>"
    if field.kind is FieldKind.DAYS:
        return f'<input type="number" {common} inputmode="numeric" step="1">'
    if field.kind is FieldKind.FLAG:
        return f'<input type="checkbox" {common} value="true">'
    return f'<input type="date" {common}>'


def _field(field: Field, lang: str) -> str:
    name = escape(field.name)
    label = f'<label for="{name}">{_text(field.label, lang)}</label>'
    help_text = f'<p class="rc-help" id="{name}-help">{_text(field.help, lang)}</p>'
    control = _control(field, lang)
    if field.kind is FieldKind.FLAG:
        # A checkbox reads best before its label.
        return f'<div class="rc-field rc-check">\n{control}\n{label}\n{help_text}\n</div>'
    return f'<div class="rc-field">\n{label}\n{control}\n{help_text}\n</div>'


def field_groups(lang: str = DEFAULT) -> str:
    """Every field, in fieldsets by group; raw HTML with no blank line, so Markdown keeps it."""
    blocks = []
    for group, members in groupby(FIELDS, key=lambda field: field.group):
        body = "\n".join(_field(field, lang) for field in members)
        blocks.append(f"<fieldset>\n<legend>{_text(group, lang)}</legend>\n{body}\n</fieldset>")
    return "\n".join(blocks)


def _json_block(element_id: str, value: object) -> str:
    """Data for the page's script, inert in the page: a script element of type JSON."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # "</" would end the script element early; JSON allows the escaped slash.
    data = data.replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{data}</script>'


def field_table_json(lang: str = DEFAULT) -> str:
    """The field table as the page's script reads it, in the page itself.

    Which fields each situation asks for is known before Python has started, so a
    reader who taps "It has not arrived" at once sees only its fields.
    """
    return _json_block(FIELD_TABLE_ID, fields_json(lang))


def labels_json(lang: str = DEFAULT) -> str:
    """The page's own words in `lang` (calculator.page_labels), for its script: the
    script draws and fills in placeholders, and writes no sentence of its own."""
    return _json_block(LABELS_ID, page_labels(lang))
