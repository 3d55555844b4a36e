"""Dates in a sentence, per language, without the `locale` module.

Pyodide accepts setlocale("es_ES.UTF-8") and still prints English names, and
Debian refuses the call, so the names and the pattern of each language live
here, checked against CLDR in the tests. English keeps the ISO form its
sentences have always used: unambiguous wherever the reader lives.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "MONTHS",
    "ON",
    "PATTERNS",
    "WEEKDAYS",
    "SentenceDate",
    "on_date",
    "sentence_date",
    "weekday",
]

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "pt_BR": (
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ),
}
"""Monday first, as date.weekday() counts."""
MONTHS = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "pt_BR": (
        "janeiro", "fevereiro", "março", "abril", "maio", "junho",
        "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
    ),
}  # fmt: skip
PATTERNS = {
    "en": "{iso}",
    "es": "{weekday}, {day} de {month} de {year}",
    "pt_BR": "{weekday}, {day} de {month} de {year}",
}
"""The long form a sentence uses: CLDR's full date for Spanish and Portuguese."""


ON = {
    "en": ("on ", "on ", "on ", "on ", "on ", "on ", "on "),
    "es": ("el ", "el ", "el ", "el ", "el ", "el ", "el "),
    "pt_BR": ("na ", "na ", "na ", "na ", "na ", "no ", "no "),
}
"""'On' a day, by weekday: Portuguese says 'na terça-feira' but 'no sábado', so a translation
writes {day:on} rather than a preposition of its own before a weekday it cannot know."""


def weekday(day: date, lang: str) -> str:
    return WEEKDAYS[lang][day.weekday()]


def sentence_date(day: date, lang: str) -> str:
    return PATTERNS[lang].format(
        iso=day.isoformat(),
        weekday=weekday(day, lang),
        day=day.day,
        month=MONTHS[lang][day.month - 1],
        year=day.year,
    )


def on_date(day: date, lang: str) -> str:
    return ON[lang][day.weekday()] + sentence_date(day, lang)


class SentenceDate:
    """A date put into a sentence: '{day}' is its long form, '{day:on}' says 'on' that day."""

    __slots__ = ("day", "lang")

    def __init__(self, day: date, lang: str) -> None:
        self.day = day
        self.lang = lang

    def __format__(self, spec: str) -> str:
        if spec == "on":
            return on_date(self.day, self.lang)
        return sentence_date(self.day, self.lang)
