"""The calculator page's own words: its progress, buttons, headings and notes.

The page's script writes no sentence: the build writes these into each language's
page as JSON (`page_labels`), the way it writes the field table, and the script
fills in their named placeholders. They live in the engine's catalogue, beside the
engine's words, so one `.po` per language translates the whole calculator. A
counted entry is written as its two forms, `one` and `other`, with `{n}` left in;
the page picks one with `Intl.PluralRules` in the page's language.
"""

from __future__ import annotations

from typing import TypedDict

from calculator.i18n import DEFAULT, Message, catalogue, render

__all__ = ["COUNTED", "LABELS", "PageLabels", "page_labels"]


class PageLabels(TypedDict):
    text: dict[str, str]
    counted: dict[str, dict[str, str]]


MANY = 2
"""A count every plural rule in use words with its plural form (pt_BR's 0 is singular)."""


LABELS: dict[str, Message] = {
    # The start, stage by stage.
    "stage_download": Message("Downloading Python…", context="page"),
    "stage_download_share": Message("Downloading Python… {percent}%", context="page"),
    "stage_start": Message("Starting Python…", context="page"),
    "stage_calculator": Message("Loading the calculator…", context="page"),
    "stage_ready": Message("Ready.", context="page"),
    # Errors of the page itself, not the engine's.
    "no_answer": Message("The calculator gave no answer.", context="page"),
    "unknown_operation": Message(
        "The calculator was asked something it cannot do.", context="page"
    ),
    # The answer.
    "when_both": Message("Best by {act_by} · last day {closes_on}", context="page"),
    "when_closes": Message("Last day {closes_on}", context="page"),
    "when_act": Message("Best by {act_by}", context="page"),
    "opens_on": Message("Opens on", context="page"),
    "days_left": Message("Days left", context="page"),
    "check_note": Message("The last day is between {first} and {last}.", context="page"),
    "how_this_works": Message("How this works", context="page"),
    "how_this_works_about": Message("How this works: {title}", context="page"),
    "why_this_date": Message("Why this date?", context="page"),
    "rule_value": Message("{value} {unit}", context="page"),
    "rule_value_since": Message("{value} {unit}, in force since {since}", context="page"),
    "source_seen": Message("(seen {seen})", context="page"),
    "watch_out": Message("Watch out", context="page"),
    "today": Message("Today", context="page"),
    "worked_out_for": Message("As worked out for {today}:", context="page"),
    "folded": Message("Does not apply here ({n})", context="page"),
    # Sharing and the calendar.
    "link_copied": Message("Link copied.", context="page"),
    "copy_from_box": Message("Copy the link from the box.", context="page"),
    "saved_file": Message("Saved {name}.", context="page"),
    # Many orders.
    "batch_more": Message("Show more rows ({shown} of {total} shown)", context="page"),
    "batch_every_status": Message("Every status ({n})", context="page"),
    "batch_status_option": Message("{status} ({n})", context="page"),
    "batch_error": Message("Line {line}: {message}", context="page"),
    "batch_error_order": Message("Line {line} ({order}): {message}", context="page"),
    "batch_file_name": Message("refund-deadlines.csv", context="page"),
    # The batch table's column headings, by the batch's JSON key.
    "column_rank": Message("Urgency", context="batch column"),
    "column_order_id": Message("Order", context="batch column"),
    "column_line": Message("Line", context="batch column"),
    "column_title": Message("Next route", context="batch column"),
    "column_closes_on": Message("Last day", context="batch column"),
    "column_days_left": Message("Days left", context="batch column"),
    "column_act_by": Message("Best by", context="batch column"),
    "column_status": Message("Status", context="batch column"),
    "column_family": Message("Family", context="batch column"),
    "column_dispute_stage": Message("Dispute", context="batch column"),
    "column_fallback_title": Message("Closes first", context="batch column"),
    "column_fallback_closes_on": Message("Its last day", context="batch column"),
    "column_next_step": Message("Next step", context="batch column"),
}
"""Each label by the key the page's script asks for; placeholders are filled in by it."""

COUNTED: dict[str, Message] = {
    "days_left_count": Message("{n} day left", plural="{n} days left"),
    "batch_checked": Message("{n} order checked.", plural="{n} orders checked."),
    "batch_refused": Message(
        "{n} line refused (listed below).", plural="{n} lines refused (listed below)."
    ),
    "batch_checking": Message("Checking {n} order…", plural="Checking {n} orders…"),
    "batch_checking_share": Message(
        "Checking {done} of {n} order…", plural="Checking {done} of {n} orders…"
    ),
}
"""Labels counted by their `n`: the page picks the form for its number."""


def _forms(message: Message, lang: str) -> dict[str, str]:
    """The two forms with `{n}` left in: what gettext says for one, and for many.

    Both rules in use pick the singular for 1 and the plural for 2 (pt_BR's 0 is
    singular, and so is CLDR's, which the page's Intl.PluralRules follows).
    """
    assert message.plural is not None  # a counted label has its plural
    words = catalogue(lang)
    return {
        "one": words.ngettext(message.id, message.plural, 1),
        "other": words.ngettext(message.id, message.plural, MANY),
    }


def page_labels(lang: str = DEFAULT) -> PageLabels:
    """Every label in `lang`, as the page reads them from the build-written JSON."""
    return {
        "text": {key: render(message, lang) for key, message in LABELS.items()},
        "counted": {key: _forms(message, lang) for key, message in COUNTED.items()},
    }
