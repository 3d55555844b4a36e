"""The catalogues, in the manner of the `holidays` package's: the template is the code's
entries, every language has every entry and no other, each translated, with a translator
comment, and with the same named placeholders as the English."""

from __future__ import annotations

import string

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from sitebuild.catalogues import POT, TRANSLATED, extract, read_catalogue


def _forms(value: object) -> tuple[str, ...]:
    """An id or a translation as its forms: one, or one per plural form."""
    if isinstance(value, tuple | list):
        return tuple(str(form) for form in value)
    return (str(value or ""),)


def _key(message: Message) -> tuple[str, str | None]:
    return (_forms(message.id)[0], message.context)


def _entries(catalog: Catalog) -> dict[tuple[str, str | None], Message]:
    return {_key(message): message for message in catalog if message.id}


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _template() -> Catalog:
    with POT.open("rb") as source:
        return read_po(source)


CODE = {(entry.id, entry.context): entry for entry in extract()}


def test_the_template_is_the_code_s_entries() -> None:
    template = _entries(_template())
    # Run `python -m sitebuild.catalogues update` after changing a message in the code.
    assert set(template) == set(CODE)
    for key, message in template.items():
        forms = _forms(message.id)
        assert (forms[1] if len(forms) > 1 else None) == CODE[key].plural, key
        assert message.auto_comments, key


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_language_has_every_entry_and_none_obsolete(lang: str) -> None:
    catalog = read_catalogue(lang)
    assert set(_entries(catalog)) == set(CODE)
    assert not catalog.obsolete


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_entry_is_translated_with_a_translator_comment(lang: str) -> None:
    for key, message in _entries(read_catalogue(lang)).items():
        forms = _forms(message.string)
        assert all(form.strip() for form in forms), key
        assert len(forms) == len(_forms(message.id)), key
        assert not message.fuzzy, key
        assert message.auto_comments, key


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_named_placeholders(lang: str) -> None:
    for key, message in _entries(read_catalogue(lang)).items():
        forms = _forms(message.string)
        expected = set().union(*(_names(text) for text in _forms(message.id)))
        # Every form says the same things; a singular may leave out the count itself.
        for form in forms:
            assert _names(form) <= expected, (key, form)
            assert expected - {"n"} <= _names(form), (key, form)
            # The one format a translation may add: {day:on}, 'on' that day.
            specs = {spec for _, name, spec, _ in string.Formatter().parse(form) if name}
            assert specs <= {"", "on"}, (key, form)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_plural_rule_is_the_language_s(lang: str) -> None:
    catalog = read_catalogue(lang)
    assert catalog.num_plurals == 2
    assert catalog.plural_expr == {"es": "(n != 1)", "pt_BR": "(n > 1)"}[lang]
