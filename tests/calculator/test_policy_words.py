"""The policy data's own words read in the reader's language, each from its catalogue entry."""

from __future__ import annotations

import pytest

from calculator import policy_words
from calculator.i18n import render
from calculator.policy import POLICY


@pytest.mark.parametrize("lang", ["es", "pt_BR"])
def test_every_summary_note_and_unit_of_the_policy_is_translated(lang: str) -> None:
    untranslated = []
    for entry in POLICY.entries.values():
        for version in entry.versions:
            words = [policy_words.summary(version.summary), policy_words.unit(version.unit)]
            if version.note:
                words.append(policy_words.note(version.note))
            untranslated += [w.id for w in words if render(w, lang) == w.id and w.id.isascii()]
    # Units written the same in every language (a currency code) are the only exceptions.
    assert set(untranslated) <= {"USD", "EUR", "GBP"}


def test_a_note_reads_in_spanish() -> None:
    note = POLICY.entries["es_guarantee_years"].history[0].note
    assert note is not None
    assert render(policy_words.note(note), "es").startswith("Antes del 1 de enero de 2022")
