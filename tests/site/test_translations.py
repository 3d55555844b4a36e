"""The translated pages mirror the English ones: every page, the same heading ids in the
same order (links and anchors are shared by every language), the same tokens.

Translators keep each English heading's id with ` { #english-id }` on every heading,
so a link such as `time-limits.md#when-an-order-completes` or the calculator's guide
anchors lead to the same place in every language. A page not translated yet builds
from the English source (sitebuild/languages.py); the first test lists what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]  # no stubs pinned
import pytest
from conftest import ROOT

from sitebuild.languages import TRANSLATED, TRANSLATIONS, Language
from sitebuild.render import FRONT_MATTER

DOCS = ROOT / "docs"
FIXTURES = Path(__file__).parent / "fixtures" / "translation"
TOKEN = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.DOTALL)
FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^#{1,6}\s")
EXPLICIT_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}\s*$")
# The extensions of mkdocs.yml that change which headings a page has.
EXTENSIONS = ["toc", "attr_list", "md_in_html", "pymdownx.superfences", "admonition", "def_list"]
EXTENSIONS += ["tables", "pymdownx.details", "pymdownx.tabbed"]


def english_pages() -> list[str]:
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


def translated_pages(language: Language) -> list[Path]:
    return sorted(language.pages(TRANSLATIONS).rglob("*.md"))


def _ids(tokens: list[dict[str, Any]]) -> Iterator[str]:
    for token in tokens:
        yield token["id"]
        yield from _ids(token["children"])


def body(text: str) -> str:
    """The page without its front matter, whose comments are not headings, and with its
    tokens filled in by a word, as the build fills them before the generator reads it."""
    found = FRONT_MATTER.match(text)
    return TOKEN.sub("token", text[found.end() :] if found else text)


def heading_ids(text: str) -> list[str]:
    """The ids of a page's headings, in order, as the toc extension gives them."""
    parser = markdown.Markdown(extensions=EXTENSIONS)
    parser.convert(body(text))
    return list(_ids(parser.toc_tokens))


def headings_without_an_id(text: str) -> list[str]:
    """Markdown headings (outside code fences) that do not set their id themselves."""
    lacking, fenced = [], False
    for line in body(text).splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and HEADING.match(line) and not EXPLICIT_ID.search(line):
            lacking.append(line)
    return lacking


def tokens(text: str) -> set[str]:
    return {" ".join(found.split()) for found in TOKEN.findall(text)}


def mismatches(english: str, translated: str) -> list[str]:
    """What a translation changes that it must keep: heading ids, their order, tokens."""
    problems = [f"heading without {{ #id }}: {line}" for line in headings_without_an_id(translated)]
    if heading_ids(translated) != heading_ids(english):
        problems.append(f"heading ids {heading_ids(translated)} != {heading_ids(english)}")
    if tokens(translated) != tokens(english):
        missing = sorted(tokens(english) - tokens(translated))
        extra = sorted(tokens(translated) - tokens(english))
        problems.append(f"tokens missing {missing}, not in English {extra}")
    return problems


def test_the_checks_accept_a_faithful_translation_and_name_each_fault() -> None:
    english = (FIXTURES / "english.md").read_text("utf-8")
    assert heading_ids(english) == ["open-a-dispute", "evidence", "photos-and-video", "in-time"]
    assert mismatches(english, (FIXTURES / "good.md").read_text("utf-8")) == []
    problems = mismatches(english, (FIXTURES / "bad.md").read_text("utf-8"))
    assert problems == [
        "heading without { #id }: # Abrir una disputa",
        "heading ids ['abrir-una-disputa', 'photos-and-video', 'evidence'] != "
        "['open-a-dispute', 'evidence', 'photos-and-video', 'in-time']",
        "tokens missing ['policy.dispute_window_days', 'sources: dispute_window_days'], "
        "not in English ['policy.protection_days']",
    ]


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_every_english_page_has_a_translation(language: Language) -> None:
    """Fails until the translations are in: the site meanwhile shows the English page."""
    folder = language.pages(TRANSLATIONS)
    missing = [rel for rel in english_pages() if not (folder / rel).is_file()]
    assert missing == [], f"{len(missing)} pages not yet in translations/{language.code}/"


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_no_translation_lacks_its_english_page(language: Language) -> None:
    folder = language.pages(TRANSLATIONS)
    stray = [p.relative_to(folder).as_posix() for p in translated_pages(language)]
    assert [rel for rel in stray if not (DOCS / rel).is_file()] == []


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_each_translation_keeps_the_english_ids_and_tokens(language: Language) -> None:
    folder = language.pages(TRANSLATIONS)
    problems = {}
    for page in translated_pages(language):
        english = DOCS / page.relative_to(folder)
        if english.is_file():
            found = mismatches(english.read_text("utf-8"), page.read_text("utf-8"))
            if found:
                problems[page.relative_to(ROOT).as_posix()] = found
    assert problems == {}
