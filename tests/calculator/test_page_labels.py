"""The page's labels: every one worded in every language, placeholders kept for the page."""

from __future__ import annotations

import string

import pytest

from calculator.i18n import LANGUAGES
from calculator.page_labels import COUNTED, LABELS, page_labels


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_label_is_written_with_its_placeholders_left_for_the_page(lang: str) -> None:
    labels = page_labels(lang)
    text = labels["text"]
    counted = labels["counted"]
    assert set(text) == set(LABELS)
    for key, message in LABELS.items():
        assert text[key].strip(), key
        assert _names(text[key]) == _names(message.id), key
    assert set(counted) == set(COUNTED)
    for key, message in COUNTED.items():
        assert set(counted[key]) == {"one", "other"}
        assert _names(counted[key]["other"]) == _names(message.id) | {"n"}, key


def test_the_english_labels_are_the_source_and_the_others_are_translated() -> None:
    english, spanish, portuguese = (page_labels(lang) for lang in ("en", "es", "pt_BR"))
    assert english["text"]["stage_download"] == "Downloading Python…"
    assert english["counted"]["days_left_count"] == {
        "one": "{n} day left",
        "other": "{n} days left",
    }
    assert spanish["text"]["why_this_date"] == "¿Por qué esta fecha?"
    assert portuguese["counted"]["batch_checked"]["other"] == "{n} pedidos avaliados."
