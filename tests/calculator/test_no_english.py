"""No English sentence is left in an answer in Spanish or Portuguese: text, JSON or calendar.

Every realistic order of the golden cases is answered in each language, with the
rules' reasons (--why) and the calendar file; only the sources' own page titles, the
options as typed and the machine-readable keys stay as they are.
"""

from __future__ import annotations

import pytest
from english import english_sentences
from test_golden import CASES

from calculator import assess, parse_case
from calculator.ics import calendar_ics
from calculator.policy import POLICY
from calculator.summary import render_summary

TITLES = [
    *(s.title for entry in POLICY.entries.values() for v in entry.versions for s in v.sources),
    *(s.title for fact in POLICY.facts.values() for s in fact.sources),
]


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def test_the_detector_finds_an_english_sentence_among_spanish_ones() -> None:
    text = "Abre la disputa hoy. Open the dispute before your protection ends."
    assert english_sentences(text) == ["Open the dispute before your protection ends."]
    assert english_sentences("Pulsa «Confirm receipt» en la página del pedido.") == []


@pytest.mark.parametrize("lang", ["es", "pt_BR"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_an_answer_in_the_language_holds_no_english_sentence(lang: str, name: str) -> None:
    assessment = assess(parse_case(CASES[name]))
    texts = [
        render_summary(assessment, why=True, lang=lang),
        calendar_ics(assessment, lang).replace("\r\n ", ""),
        *strings(assessment.to_dict(lang)),
    ]
    left = [sentence for text in texts for sentence in english_sentences(text, TITLES)]
    assert left == []
