"""Messages worded in the reader's language, and dates in a sentence in its long form."""

from __future__ import annotations

import gettext
import json
import re
from datetime import date, timedelta
from typing import Any

import pytest
from babel.dates import format_date
from test_golden import CASES, GOLDEN, UPDATE

from calculator import assess, i18n, parse_case
from calculator.dates_i18n import MONTHS, WEEKDAYS, on_date, sentence_date
from calculator.i18n import DEFAULT, LANGUAGES, Joined, Message, Option, language, render
from calculator.ics import calendar_ics
from calculator.summary import render_summary

CLDR = {"es": "es", "pt_BR": "pt_BR"}
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != DEFAULT)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_date_tables_are_cldr_s(lang: str) -> None:
    monday = date(2026, 12, 14)
    for offset in range(7):
        day = monday + timedelta(days=offset)
        assert WEEKDAYS[lang][day.weekday()] == format_date(day, "EEEE", locale=CLDR[lang])
    for month in range(1, 13):
        day = date(2026, month, 1)
        assert MONTHS[lang][month - 1] == format_date(day, "MMMM", locale=CLDR[lang])
    for day in (date(2026, 12, 15), date(2028, 2, 29), date(2027, 1, 1)):
        assert sentence_date(day, lang) == format_date(day, "full", locale=CLDR[lang])


def test_the_long_forms_read_as_written() -> None:
    day = date(2026, 12, 15)
    assert sentence_date(day, "es") == "martes, 15 de diciembre de 2026"
    assert sentence_date(day, "pt_BR") == "terça-feira, 15 de dezembro de 2026"
    # English keeps the ISO form its sentences have always had.
    assert sentence_date(day, "en") == "2026-12-15"
    # 'On' a day: Portuguese contracts it by the weekday's gender.
    saturday = date(2026, 12, 19)
    assert on_date(day, "pt_BR") == "na terça-feira, 15 de dezembro de 2026"
    assert on_date(saturday, "pt_BR") == "no sábado, 19 de dezembro de 2026"
    assert on_date(saturday, "es") == "el sábado, 19 de diciembre de 2026"
    assert on_date(day, "en") == "on 2026-12-15"
    text = Message("{day} / {day:on}").format(day=saturday)
    assert (
        render(text, "pt_BR")
        == "sábado, 19 de dezembro de 2026 / no sábado, 19 de dezembro de 2026"
    )


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("es", "es"),
        ("es_AR.UTF-8", "es"),
        ("es-419", "es"),
        ("pt-BR", "pt_BR"),
        ("pt_BR.UTF-8@euro", "pt_BR"),
        ("pt_PT", "pt_BR"),
        ("en_GB.UTF-8", "en"),
        ("fr_FR", None),
        ("C", None),
        ("", None),
        (None, None),
    ],
)
def test_a_language_tag_names_a_language_the_engine_speaks(tag: str | None, lang: str) -> None:
    assert language(tag) == lang


def test_a_message_keeps_only_the_values_its_placeholders_name() -> None:
    template = Message("Last day: {title}")
    filled = template.format(title="x", other=1)
    assert filled.params == {"title": "x"}
    assert filled == Message("Last day: {title}", {"title": "x"})
    assert hash(filled) == hash(template)
    assert str(filled) == filled.render() == "Last day: x"
    assert filled.render("es") == "Último día: x"
    # A value no placeholder names neither changes the message nor makes it a string.
    assert template.format(title="x", other=2) == filled != "Last day: x"
    assert template.format(title="y") != filled


def test_values_are_worded_in_the_language_too() -> None:
    inner = Message("Card chargeback", context="route")
    text = Message("Today is the last day for: {titles}.").format(
        titles=Joined((inner, Option("order-date")))
    )
    assert render(text, "es") == "Hoy es el último día para: Contracargo con tarjeta, order-date."
    dated = Message("The order arrived on {delivered}, so it was received.")
    assert (
        render(dated.format(delivered=date(2026, 12, 15)), "pt_BR")
        == "O pedido chegou na terça-feira, 15 de dezembro de 2026, então foi recebido."
    )
    assert render(None, "es") is None and render("as typed", "es") == "as typed"


@pytest.mark.parametrize(("count", "text"), [(1, "queda 1 día"), (2, "quedan 2 días")])
def test_plurals_go_through_ngettext(count: int, text: str) -> None:
    assert render(Message("{n} day left", plural="{n} days left").format(n=count), "es") == text


def test_a_missing_catalogue_words_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(i18n.catalogue("es"), gettext.GNUTranslations)
    monkeypatch.setattr(i18n, "DOMAIN", "no-such-domain")
    try:
        i18n.load_catalogues()
        assert not isinstance(i18n.catalogue("es"), gettext.GNUTranslations)
        assert render(Message("Cancel the order", context="route"), "es") == "Cancel the order"
    finally:
        monkeypatch.undo()
        i18n.load_catalogues()
    assert render(Message("Cancel the order", context="route"), "es") != "Cancel the order"


def test_a_catalogue_is_kept_packed_until_its_language_first_speaks() -> None:
    i18n.load_catalogues()
    assert "es" not in i18n._CATALOGUES
    packed = i18n._PACKED["es"]
    assert (
        packed is not None
        and render(Message("Cancel the order", context="route"), "es") != "Cancel the order"
    )
    assert "es" in i18n._CATALOGUES
    assert i18n._PACKED["en"] is None and i18n.catalogue("en").gettext("x") == "x"


# Golden answers in Spanish and Portuguese: a few, reviewed like the English ones.
GOLDEN_IN = {
    "es": ("late_parcel_after_countdown", "card_eu_fallbacks_close_first", "seller_silent"),
    "pt_BR": ("brazil_just_delivered", "brazil_boleto_refunded", "korea_just_delivered"),
}
TEXT_KEYS = frozenset(
    {
        "title",
        "family_label",
        "status_label",
        "reason",
        "next_step",
        "stage_label",
        "message",
        "payment_note",
        "label",
        "state_label",
    }
)
ENGLISH = re.compile(
    r"\b(the|and|you|your|is|are|with|before|until|after|order|days?|refund|seller|"
    r"dispute|when|if|not|open|closed|last|from|within|this|that|what)\b",
    re.IGNORECASE,
)


def _texts(value: Any, key: str = "") -> list[str]:
    """The answer's words; the rules' sources are cited by their own (English) titles."""
    if isinstance(value, dict):
        return [text for k, v in value.items() if k != "policy" for text in _texts(v, k)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item, key)]
    return [value] if key in TEXT_KEYS and isinstance(value, str) else []


@pytest.mark.parametrize(
    ("lang", "name"), [(lang, name) for lang, names in GOLDEN_IN.items() for name in names]
)
def test_golden_answers_in_spanish_and_portuguese(lang: str, name: str) -> None:

    result = assess(parse_case(CASES[name])).to_dict(lang)
    path = GOLDEN / lang / f"{name}.json"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == result


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_english_sentence_is_left_in_a_translated_answer(lang: str) -> None:
    for name, fields in CASES.items():
        assessment = assess(parse_case(fields))
        texts = _texts(assessment.to_dict(lang))
        assert texts, name
        for text in texts:
            assert not ENGLISH.search(text), (name, text)
        for line in calendar_ics(assessment, lang).splitlines():
            if line.startswith(("SUMMARY:", "DESCRIPTION:")):
                assert not ENGLISH.search(line.split(":", 1)[1]), (name, line)
        for line in render_summary(assessment, lang=lang).splitlines():
            assert not ENGLISH.search(line), (name, line)


def test_ids_and_dates_stay_the_same_in_every_language() -> None:
    def shape(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: shape(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(item, key) for item in value]
        return None if key in TEXT_KEYS else value

    for fields in CASES.values():
        assessment = assess(parse_case(fields))
        english = shape(assessment.to_dict())
        for lang in TRANSLATED:
            assert shape(assessment.to_dict(lang)) == english
