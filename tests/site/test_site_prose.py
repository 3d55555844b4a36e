"""The guide reads plainly in every language: each page's reading ease (sitebuild.prose)."""

from __future__ import annotations

from statistics import median

import pytest
from conftest import ROOT

from sitebuild.prose import (
    SCALES,
    english_syllables,
    page_score,
    portuguese_syllables,
    prose,
    spanish_syllables,
)

DOCS = ROOT / "docs"
TRANSLATIONS = ROOT / "translations"


def flesch(text: str) -> float:
    return SCALES["en"].score(text)


def scores(lang: str) -> dict[str, float]:
    folder = DOCS if lang == "en" else TRANSLATIONS / lang
    pages = sorted(folder.rglob("*.md"))
    assert pages, f"no {lang} pages in {folder}"
    return {str(p.relative_to(folder)): page_score(lang, p.read_text("utf-8")) for p in pages}


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("a", 1),
        ("the", 1),
        ("refund", 2),
        ("seller", 2),
        ("dispute", 2),
        ("delivered", 3),
        ("parcel", 2),
        ("make", 1),
        ("shipped", 1),
        ("boxes", 2),
        ("table", 2),
        ("people", 2),
        ("protection", 3),
        ("escalation", 4),
        ("AliExpress", 4),
        ("evidence", 3),
        ("yes", 1),
        ("you're", 1),
        ("every", 3),
        ("period", 3),
        ("customs", 2),
        ("guarantee", 3),
    ],
)
def test_syllable_counter_on_known_words(word: str, count: int) -> None:
    assert english_syllables(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("reembolso", 4),
        ("día", 2),
        ("pedido", 3),
        ("muy", 1),
        ("historia", 3),
        ("poeta", 3),
        ("leer", 2),
        ("que", 1),
        ("guía", 2),
        ("país", 2),
        ("aéreo", 4),
        ("hoy", 1),
        ("ya", 1),
        ("pingüino", 3),
        ("AliExpress", 4),
    ],
)
def test_spanish_syllables_on_known_words(word: str, count: int) -> None:
    assert spanish_syllables(word) == count


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("devolução", 4),
        ("saída", 3),
        ("você", 2),
        ("leão", 2),
        ("baú", 2),
        ("quando", 2),
        ("água", 2),
        ("coordenação", 5),
        ("põe", 1),
        ("aquele", 3),
    ],
)
def test_portuguese_syllables_on_known_words(word: str, count: int) -> None:
    assert portuguese_syllables(word) == count


def test_prose_drops_what_is_not_read_and_keeps_list_items_as_sentences() -> None:
    markdown = (
        "---\nsearch:\n  boost: 20\n---\n"
        "# Title here\n\n"
        '!!! tip "Do this first"\n'
        "    1. Open the [order page](https://example.invalid/long/path) now\n"
        "    2. Write `code here` down\n\n"
        "| a | b |\n|---|---|\n| table cell | words |\n\n"
        "```text\nnot prose at all\n```\n\n"
        "<div markdown>Wait {{ policy.seller_response_days }} days.</div>\n"
    )
    assert prose(markdown).splitlines() == [
        "Title here.",
        "Do this first.",
        "Open the order page now.",
        "Write down.",
        "Wait days.",
    ]


def test_short_words_in_short_sentences_score_high_and_long_ones_low() -> None:
    easy = "Open the app. Tap the order. Send the form. Wait a day."
    hard = (
        "Notwithstanding considerable administrative complications, international "
        "consumer organisations systematically recommend documenting communications."
    )
    assert flesch(easy) > 90
    assert flesch(hard) < 0


def test_the_spanish_and_portuguese_scales_rank_plain_text_above_dense_text() -> None:
    easy = {
        "es": "Abre la disputa hoy. Manda las fotos.",
        "pt": "Abra a disputa hoje. Mande as fotos.",
    }
    hard = {
        "es": "Independientemente de las consideraciones administrativas internacionales, "
        "las organizaciones recomiendan sistemáticamente documentar las comunicaciones.",
        "pt": "Independentemente das considerações administrativas internacionais, "
        "as organizações recomendam sistematicamente documentar as comunicações.",
    }
    for lang in ("es", "pt"):
        assert SCALES[lang].score(easy[lang]) > 80
        assert SCALES[lang].score(hard[lang]) < 20


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_every_page_reads_easily_and_the_median_page_very_easily(lang: str) -> None:
    scale = SCALES[lang]
    found = scores(lang)
    bar = scale.every_page_at_least
    low = {page: round(score, 1) for page, score in found.items() if score < bar}
    assert low == {}, f"{lang}: pages under {bar}: {low}"
    middle = median(found.values())
    assert middle >= scale.median_at_least, f"{lang}: median {middle:.1f}: {found}"
