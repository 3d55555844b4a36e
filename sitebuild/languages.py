"""The site's languages: one table, and everything the build derives from it.

English is the source: its pages are docs/ and its site is the root. Every other
language is a site of its own in a folder of the root (`es/`, `pt/`), built from
the same page list: a page's translation is `translations/<code>/<same path>.md`,
and a page not translated yet is built from the English source, so the site builds
while translations land. The words of the config (site name, nav titles, the
palette switch's names, ...) live in `translations/<code>.yml`; the nav's structure
stays in mkdocs.yml alone.

mkdocs-material and Zensical 0.0.73 honour no i18n plugin in common (Zensical
ignores plugins), but both honour one config per language: its own docs and site
folders, `theme.language`, the search's `lang` and `extra.alternate`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitebuild import ROOT, BuildError

TRANSLATIONS = ROOT / "translations"


@dataclass(frozen=True)
class Language:
    code: str
    """The sources' name for it: `translations/<code>/`, `translations/<code>.yml`."""
    prefix: str
    """Its folder in the site and in every URL ('' for the root, else 'es/')."""
    theme: str
    """The theme's `language`, which also becomes the pages' `<html lang>`."""
    search: str
    """The search's `lang`: which stemmer and stop words the index uses."""
    catalogue: str
    """The engine's catalogue locale (calculator.i18n.LANGUAGES) for tokens and the form."""
    name: str
    """The language's name in itself, as the language switch shows it."""

    @property
    def source(self) -> bool:
        return self.prefix == ""

    def pages(self, translations: Path = TRANSLATIONS) -> Path:
        return translations / self.code

    def words_file(self, translations: Path = TRANSLATIONS) -> Path:
        return translations / f"{self.code}.yml"

    def root_from(self, other: Language) -> str:
        """The link from `other`'s root to this language's root, relative ('' for itself)."""
        if other == self:
            return ""
        return posixpath.relpath(self.prefix or ".", other.prefix or ".") + "/"


LANGUAGES = (
    Language("en", "", "en", "en", "en", "English"),
    Language("es", "es/", "es", "es", "es", "Español"),
    Language("pt", "pt/", "pt-BR", "pt", "pt_BR", "Português (Brasil)"),
)
SOURCE = LANGUAGES[0]
TRANSLATED = LANGUAGES[1:]
BY_CODE = {language.code: language for language in LANGUAGES}


def words(language: Language, translations: Path = TRANSLATIONS) -> dict[str, Any]:
    """The language's words for the config; English has none (mkdocs.yml is English)."""
    if language.source:
        return {}
    path = language.words_file(translations)
    try:
        found = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"{path} is missing: the config's words") from None
    if not isinstance(found, dict):
        raise BuildError(f"{path.name}: expected a mapping of the config's words")
    return found


def alternates(
    current: Language, languages: tuple[Language, ...] | None = None
) -> list[dict[str, str]]:
    """`extra.alternate` for one language's site: every language, linked from its root
    (`home` is its root from the host's, for the 404 page, which has no place of its own)."""
    return [
        {
            "name": other.name,
            "link": other.root_from(current),
            "lang": other.theme,
            "home": "/" + other.prefix,
        }
        for other in languages or LANGUAGES
    ]
