"""Messages instead of sentences: the engine's words, worded in the reader's language.

A Message is a catalogue entry's id (its English text, the source language) and
the values of its named placeholders. The rules build Messages; only the front
ends word them, in the language they were asked for, through the standard
library's gettext and the catalogues compiled into the package (read at import,
so the browser's snapshot of the interpreter holds them all, packed until first
used). Dates put into a sentence take the language's long form ('{day:on}' adds the
language's 'on'); numbers are plain digits.
"""

from __future__ import annotations

import gettext
import io
import string
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import overload

from calculator.dates_i18n import SentenceDate

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "Joined",
    "Message",
    "Option",
    "catalogue",
    "language",
    "load_catalogues",
    "render",
]

DEFAULT = "en"
LANGUAGES = ("en", "es", "pt_BR")
"""English first: it is the source language, every other one has a catalogue."""
DOMAIN = "calculator"
_TAGS = {"en": "en", "es": "es", "pt": "pt_BR", "pt_br": "pt_BR"}
"""A language tag's first part, or its first two, to the language the engine speaks.

Spanish is one catalogue for Spain and Latin America; Portuguese is Brazil's.
"""


def language(tag: str | None) -> str | None:
    """The engine's language for a tag such as 'es', 'pt-BR' or 'es_AR.UTF-8'; None if
    it speaks no such language."""
    if not tag:
        return None
    base = tag.split(".")[0].split("@")[0].replace("-", "_").lower()
    first, _, rest = base.partition("_")
    region = rest.partition("_")[0]
    return _TAGS.get(f"{first}_{region}") or _TAGS.get(first)


def _read(lang: str) -> bytes | None:
    """The compiled catalogue in the package's own data; None when there is none."""
    path = resources.files("calculator") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        return path.read_bytes()
    except OSError:
        return None


_PACKED: dict[str, bytes | None] = {}
"""Each language's catalogue as read at import, compressed: the browser's snapshot of the
interpreter carries every catalogue in a tenth of the memory that worded tables take
(and so in fewer bytes over the wire); a language is unpacked the first time it speaks."""
_CATALOGUES: dict[str, gettext.NullTranslations] = {}


def load_catalogues() -> None:
    """Read every language's catalogue; done at import, and again after a build."""
    _CATALOGUES.clear()
    for lang in LANGUAGES:
        data = _read(lang)
        _PACKED[lang] = None if data is None else zlib.compress(data)


load_catalogues()


def catalogue(lang: str) -> gettext.NullTranslations:
    found = _CATALOGUES.get(lang)
    if found is None:
        packed = _PACKED[lang]
        if packed is None:
            found = gettext.NullTranslations()
        else:
            found = gettext.GNUTranslations(io.BytesIO(zlib.decompress(packed)))
        _CATALOGUES[lang] = found
    return found


class Option(str):
    """A field's name as a placeholder's value: the option a reader typed, which the batch
    writes as its column name instead."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Joined:
    """A list put into a sentence: its items worded one by one, then joined."""

    items: tuple[object, ...]
    separator: str = ", "


_FIELDS: dict[str, frozenset[str]] = {}


def _names(text: str) -> frozenset[str]:
    names = _FIELDS.get(text)
    if names is None:
        names = _FIELDS[text] = frozenset(
            name for _, name, _, _ in string.Formatter().parse(text) if name
        )
    return names


@dataclass(slots=True, eq=False)
class Message:
    """One catalogue entry and the values for its placeholders.

    `plural` is the English plural form of an entry counted by its `n` value;
    `context` tells apart two entries that read the same in English (a counted entry
    needs none: its plural form tells it apart).

    Never changed once made, yet not a frozen dataclass: a frozen one is built field by
    field through object.__setattr__, which in Pyodide costs four times a plain one, and
    a batch fills about ten messages per order.
    """

    id: str
    given: Mapping[str, object] = field(default_factory=dict)
    """The values it was filled with, some perhaps for other entries; see `params`."""
    plural: str | None = None
    context: str | None = None

    def format(self, **values: object) -> Message:
        """This entry with the values its placeholders name (the others are left out).

        They are picked out when read (`params`), not here: a batch fills the texts of
        every route of every order and words those of one route per order.
        """
        return Message(self.id, values, self.plural, self.context)

    @property
    def params(self) -> Mapping[str, object]:
        """The values its placeholders name."""
        names = _names(self.id) | (_names(self.plural) if self.plural else frozenset())
        given = self.given
        if names.issuperset(given):
            return given
        return {key: value for key, value in given.items() if key in names}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.id, self.plural, self.context, self.params) == (
            other.id,
            other.plural,
            other.context,
            other.params,
        )

    def render(self, lang: str = DEFAULT) -> str:
        return render(self, lang)

    def __hash__(self) -> int:
        """Equal messages share an id and a context; the values may be unhashable."""
        return hash((self.id, self.context))

    def __str__(self) -> str:
        return render(self, DEFAULT)


def _word(lang: str, message: Message) -> str:
    words = catalogue(lang)
    if message.plural is not None:
        count = message.params["n"]
        assert isinstance(count, int)  # a plural entry is counted by its n
        return words.ngettext(message.id, message.plural, count)
    if message.context is not None:
        return words.pgettext(message.context, message.id)
    return words.gettext(message.id)


def _value(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, date):
        return SentenceDate(value, lang)
    if isinstance(value, Joined):
        return value.separator.join(format(_value(item, lang)) for item in value.items)
    return value


@overload
def render(message: Message | str, lang: str = DEFAULT) -> str: ...
@overload
def render(message: Message | str | None, lang: str = DEFAULT) -> str | None: ...
def render(message: Message | str | None, lang: str = DEFAULT) -> str | None:
    """A message worded in `lang`; text that is no message (a reader's own) stays as it is."""
    if not isinstance(message, Message):
        return message
    text = _word(lang, message)
    params = message.params
    if not params:
        return text
    return text.format(**{key: _value(value, lang) for key, value in params.items()})
