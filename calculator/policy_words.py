"""The policy data's own words (summaries, notes, units) as catalogue entries.

policy.toml is written in English, once. Its summaries, version notes and units are
extracted into the catalogues by `python -m sitebuild.catalogues extract` (context
"policy" and "unit"), so the command line's --why and the guide's tables read them in
the reader's language; a text with no translation yet stays English.
"""

from __future__ import annotations

from calculator.i18n import Message

__all__ = ["NOTE", "SUMMARY", "UNIT", "note", "summary", "unit"]

SUMMARY = "policy"
NOTE = "policy note"
UNIT = "unit"


def summary(text: str) -> Message:
    return Message(text, context=SUMMARY)


def note(text: str) -> Message:
    return Message(text, context=NOTE)


def unit(text: str) -> Message:
    return Message(text, context=UNIT)
