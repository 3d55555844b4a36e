"""No English sentence is left in a translated guide page, as the reader reads it.

Each page is written the way the build writes it (tokens in the page's language), then
reduced to what a reader reads: code, scripts, link targets, heading ids and the
sources' own titles (links to other sites) are not the page's words. The built pages
of both generators are scanned too, theme and navigation included, with the labels a
screen reader reads (alt, aria-label, title).
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from english import english_sentences

from sitebuild.languages import BY_CODE, TRANSLATED, TRANSLATIONS, Language
from sitebuild.prepare import read_policy
from sitebuild.prose import (
    ATTR_LIST,
    BARE_URL,
    FENCE,
    FRONT_MATTER,
    HTML_COMMENT,
    HTML_TAG,
    INLINE_CODE,
)
from sitebuild.render import fill_links
from sitebuild.tokens import Context, expand

POLICY = read_policy()
SCRIPT = re.compile(r"<script.*?</script>", re.DOTALL)
EXTERNAL_LINK = re.compile(r"\[([^\]]*)\]\((?:https?:)?//[^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
NOT_READ = re.compile(r"<(script|style|code|pre|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
EXTERNAL_ANCHOR = re.compile(
    r'<a\b[^>]*href="(?:https?:)?//[^"]*"[^>]*>.*?</a>', re.DOTALL | re.IGNORECASE
)
HEARD = re.compile(r'(?:alt|aria-label|title)="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


def reader_text(markdown: str, language: Language, rel: str = "index.md") -> str:
    text = fill_links(markdown, rel, language.prefix, "mkdocs")
    context = Context(policy=POLICY, today=date(2026, 12, 4), lang=language.catalogue)
    text = expand(text, context)
    text = FRONT_MATTER.sub("", text)
    for pattern in (SCRIPT, FENCE, HTML_COMMENT, INLINE_CODE, EXTERNAL_LINK):
        text = pattern.sub("", text)
    text = LINK.sub(r"\1", text)
    for pattern in (ATTR_LIST, HTML_TAG, BARE_URL):
        text = pattern.sub(" ", text)
    return text


def pages() -> list[tuple[Language, Path]]:
    return [(language, page) for language in TRANSLATED for page in sorted(language.pages().rglob("*.md"))]


def test_the_reader_text_drops_ids_links_and_code_but_keeps_words() -> None:
    markdown = (
        "## Abre la disputa { #open-the-dispute }\n"
        "Mira [la guía](../refunds/cancel.md#when-this-route-is-open) y "
        "[Your Europe: the right of withdrawal](https://europa.eu/x) con `--order-date`.\n"
    )
    spanish = BY_CODE["es"]
    text = reader_text(markdown, spanish)
    assert "open-the-dispute" not in text and "Your Europe" not in text
    assert "Abre la disputa" in text and "la guía" in text and "--order-date" not in text
    assert english_sentences(reader_text("Open the dispute before your protection ends.", spanish))


@pytest.mark.parametrize(
    ("language", "page"),
    pages(),
    ids=[page.relative_to(TRANSLATIONS).as_posix() for _, page in pages()],
)
def test_a_translated_page_holds_no_english_sentence(language: Language, page: Path) -> None:
    rel = page.relative_to(language.pages()).as_posix()
    text = reader_text(page.read_text(encoding="utf-8"), language, rel)
    left = [found for line in text.splitlines() for found in english_sentences(line)]
    assert left == []


def built_text(page_html: str) -> list[str]:
    """The lines a reader sees or hears on a built page, its sources' titles aside."""
    body = page_html[page_html.find("<body") :]
    body = EXTERNAL_ANCHOR.sub(" ", NOT_READ.sub(" ", body))
    heard = [html.unescape(label) for label in HEARD.findall(body)]
    return html.unescape(TAG.sub("\n", body)).splitlines() + heard


def test_the_built_page_text_keeps_words_and_labels_but_not_code() -> None:
    page = (
        '<html><body><p>Abre la disputa.</p><img alt="Un esquema del pedido">'
        "<code>the order and the seller</code>"
        '<a href="https://europa.eu/x">Your Europe: what you can do with the seller</a></body>'
    )
    lines = [line for line in built_text(page) if line.strip()]
    assert lines == ["Abre la disputa.", "Un esquema del pedido"]


def test_every_built_page_of_each_translated_site_holds_no_english_sentence(
    any_site: tuple[str, Path],
) -> None:
    _, site = any_site
    left = {}
    for language in TRANSLATED:
        pages = sorted((site / language.prefix).rglob("*.html"))
        assert len(pages) >= len(list(language.pages().rglob("*.md")))
        for page in pages:
            found = [
                sentence
                for line in built_text(page.read_text(encoding="utf-8"))
                for sentence in english_sentences(line)
            ]
            if found:
                left[page.relative_to(site).as_posix()] = found
    assert left == {}
