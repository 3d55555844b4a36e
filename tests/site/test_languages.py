"""One site per language in both generators: what differs between the languages' sites.

The checks every page passes in any language (tokens, links, footers, the calculator's
files) run over the whole site in their own modules; here is only what a language
changes: its config, `<html lang>`, the language switch, its search index and the
offline copy's list.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from calculator.i18n import render
from calculator.policy import POLICY
from calculator.vocab import STATUS_LABELS, Status
from sitebuild import BuildError
from sitebuild.config import nav_keys, read_source, translate_nav, write_config
from sitebuild.csp import inline_script_hashes
from sitebuild.languages import (
    BY_CODE,
    LANGUAGES,
    SOURCE,
    TRANSLATED,
    alternates,
    words,
)
from sitebuild.offline import precache_list
from sitebuild.prepare import prepare
from sitebuild.render import fill_links
from sitebuild.tokens import TokenError, long_date

Site = tuple[str, Path]
HTML_LANG = re.compile(r'<html lang="([^"]+)"')
SWITCH = re.compile(r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"')


def site_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in BY_CODE and not BY_CODE[first].source else SOURCE.code


# The table ------------------------------------------------------------------------------


def test_the_table_of_languages_agrees_with_the_engine_and_the_theme() -> None:
    from calculator.i18n import LANGUAGES as ENGINE  # noqa: PLC0415

    assert [language.catalogue for language in LANGUAGES] == list(ENGINE)
    assert SOURCE.prefix == "" and all(lang.prefix == f"{lang.code}/" for lang in TRANSLATED)
    assert {lang.theme for lang in LANGUAGES} == {"en", "es", "pt-BR"}
    assert [lang.root_from(BY_CODE["es"]) for lang in LANGUAGES] == ["../", "", "../pt/"]
    assert [alt["link"] for alt in alternates(SOURCE)] == ["", "es/", "pt/"]


def test_no_page_hands_the_theme_s_script_a_language_home_to_redirect_to(any_site: Site) -> None:
    """The theme's script reads `link[rel=alternate]` to fetch each language's sitemap
    and to send a click on the switch to that language's home instead of this page."""
    _, site = any_site
    heads = [page.read_text("utf-8").split("</head>")[0] for page in site_pages(site)]
    assert [head for head in heads if re.search(r'<link rel="alternate" href=[^>]*hreflang', head)] == []


# The config's words ---------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_each_language_titles_every_page_and_section_and_nothing_else(language: Any) -> None:
    found = words(language)
    source = read_source()
    assert set(found["nav"]) == set(nav_keys(source["nav"]))
    toggles = {option["toggle"]["name"] for option in source["theme"]["palette"]}
    assert set(found["palette"]) == toggles
    for key in ("site_name", "site_description", "search_dialog"):
        assert found[key] and found[key] != source.get(key), key


def test_the_nav_keeps_its_structure_and_takes_the_language_s_titles() -> None:
    nav = [{"Start": "index.md"}, {"Refunds": [{"Cancel": "refunds/cancel.md"}, "x.md"]}]
    titles = {"index.md": "Inicio", "Refunds": "Reembolsos"}
    assert translate_nav(nav, titles) == [
        {"Inicio": "index.md"},
        {"Reembolsos": [{"Cancel": "refunds/cancel.md"}, "x.md"]},
    ]
    assert nav_keys(nav) == ["index.md", "Refunds", "refunds/cancel.md"]


def test_each_language_s_config_sets_what_differs(tmp_path: Path) -> None:
    language = BY_CODE["pt"]
    target = write_config(
        tmp_path / "mkdocs-pt.yml",
        tmp_path / "docs-pt",
        tmp_path / "site" / "pt",
        "Regras",
        language=language,
        words=words(language),
    )
    config = yaml.safe_load(target.read_text("utf-8").replace("!!python/name:", ""))
    assert config["docs_dir"] == "docs-pt" and config["site_dir"] == "site/pt"
    assert config["theme"]["language"] == "pt-BR"
    assert config["plugins"] == [{"search": {"lang": "pt"}}]
    assert config["site_name"] == "Guia de reembolsos do AliExpress"
    assert config["nav"][0] == {"Comece aqui": "index.md"}
    assert config["theme"]["palette"][0]["toggle"]["name"] == "Mudar para o modo escuro"
    assert config["extra"]["alternate"] is True
    assert config["extra"]["languages"] == [
        {"name": "English", "link": "../", "lang": "en", "home": "/"},
        {"name": "Español", "link": "../es/", "lang": "es", "home": "/es/"},
        {"name": "Português (Brasil)", "link": "", "lang": "pt-BR", "home": "/pt/"},
    ]


def test_a_missing_words_file_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"es\.yml is missing"):
        words(BY_CODE["es"], tmp_path)


# The built sites, both generators ------------------------------------------------------


def test_every_page_says_its_language(any_site: Site) -> None:
    _, site = any_site
    wrong = []
    for page in site_pages(site):
        found = HTML_LANG.search(page.read_text("utf-8"))
        said = found.group(1) if found else None
        # The theme writes the language's first part: "pt" for pt-BR.
        if said != BY_CODE[language_of(site, page)].theme.split("-")[0]:
            wrong.append(f"{page.relative_to(site)}: {said}")
    assert wrong == []


def test_the_language_switch_leads_to_the_same_page_in_each_language(any_site: Site) -> None:
    _, site = any_site
    problems = []
    for page in site_pages(site):
        rel = page.relative_to(site).as_posix()
        here = BY_CODE[language_of(site, page)]
        same = rel.removeprefix(here.prefix)
        links = SWITCH.findall(page.read_text("utf-8"))
        if [lang for _, lang in links] != [language.theme for language in LANGUAGES]:
            problems.append(f"{rel}: switch {links}")
            continue
        if same == "404.html":  # served for any URL: its switch leads to each home
            same = "index.html"
        for (href, _), language in zip(links, LANGUAGES, strict=True):
            base = "/" + posixpath.dirname(rel)  # a link from "/" starts at the host's root
            target = posixpath.normpath(posixpath.join(base, href))
            target = target.lstrip("/") or "."
            target += "/index.html" if href.endswith("/") and target != "." else ""
            target = "index.html" if target == "." else target
            if target != language.prefix + same or not (site / target).is_file():
                problems.append(f"{rel}: {href} -> {target}")
    assert problems == []


def _search_index(generator: str, root: Path) -> dict[str, Any]:
    path = root / ("search/search_index.json" if generator == "mkdocs" else "search.json")
    found: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return found


def test_each_language_has_its_own_search_index_in_its_language(any_site: Site) -> None:
    generator, site = any_site
    for language in LANGUAGES:
        index = _search_index(generator, site / language.prefix)
        # Zensical (0.0.73) reads no search plugin's `lang`: its index takes the theme's
        # language ("pt-BR" where mkdocs has "pt").
        wanted = language.search if generator == "mkdocs" else language.theme
        assert index["config"]["lang"] == [wanted]
        # The calculator page names the statuses in the page's own language.
        text = json.dumps(index, ensure_ascii=False)
        label = render(STATUS_LABELS[Status.CHECK], language.catalogue)
        assert label in text, (language.code, label)
        others = [lang for lang in LANGUAGES if lang != language]
        assert all(render(STATUS_LABELS[Status.CHECK], o.catalogue) != label for o in others)


def test_the_offline_copy_holds_every_language_s_pages_and_stemmer(built_site: Path) -> None:
    urls = {str(entry["url"]) for entry in precache_list(built_site)}
    for language in LANGUAGES:
        for page in ("", "calculator/", "refunds/cancel/", "countries/brazil/"):
            assert (language.prefix + page or "./") in urls, language.prefix + page
    lunr = {url for url in urls if "/lunr/" in url}
    assert lunr == {
        "es/assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "es/assets/javascripts/lunr/min/lunr.es.min.js",
        "pt/assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "pt/assets/javascripts/lunr/min/lunr.pt.min.js",
    }
    assert not any("pyodide" in url for url in urls if url.startswith(("es/", "pt/")))


def test_the_service_worker_and_headers_are_written_once_at_the_root(any_site: Site) -> None:
    _, site = any_site
    assert [p.relative_to(site).as_posix() for p in site.rglob("sw.js")] == ["sw.js"]
    assert [p.relative_to(site).as_posix() for p in site.rglob("_headers")] == ["_headers"]
    # The policy's script hashes cover the languages' pages too, so their scripts run.
    headers = (site / "_headers").read_text("utf-8")
    for language in TRANSLATED:
        hashes = inline_script_hashes(site / language.prefix)
        assert hashes and [h for h in hashes if h not in headers] == []


def test_the_search_dialog_is_named_in_the_page_s_language(built_site: Path) -> None:
    for language in LANGUAGES:
        html = (built_site / language.prefix / "index.html").read_text("utf-8")
        name = words(language).get("search_dialog", "Search the guide")
        assert f'role="dialog" aria-label="{name}"' in html, language.code


# Links in a page's raw HTML ------------------------------------------------------------


@pytest.mark.parametrize(
    ("generator", "prefix", "rel", "css", "page"),
    [
        ("mkdocs", "", "calculator.md", "../assets/calculator/calculator.css", "../dropshippers/"),
        ("mkdocs", "es/", "calculator.md", "../../assets/calculator/calculator.css", "../dropshippers/"),
        # Zensical reads raw HTML against the source file and adds the page's depth itself.
        ("zensical", "", "calculator.md", "assets/calculator/calculator.css", "dropshippers/"),
        ("zensical", "pt/", "calculator.md", "../assets/calculator/calculator.css", "dropshippers/"),
        ("zensical", "pt/", "refunds/index.md", "../../assets/calculator/calculator.css", "../dropshippers/"),
    ],
)
def test_link_tokens_reach_the_shared_assets_and_the_language_s_pages(
    generator: str, prefix: str, rel: str, css: str, page: str
) -> None:
    text = '<link href="{{ asset: calculator/calculator.css }}"><a href="{{page: dropshippers/#batch-columns}}">'
    assert fill_links(text, rel, prefix, generator) == f'<link href="{css}"><a href="{page}#batch-columns">'


@pytest.mark.parametrize("token", ["{{ asset: calculator/nope.css }}", "{{ page: nowhere/ }}"])
def test_a_link_token_to_nothing_is_refused(token: str) -> None:
    with pytest.raises(TokenError, match="docs/ has no such"):
        fill_links(token, "calculator.md", "", "mkdocs")


def test_prepare_renders_each_language_from_its_translation_or_the_english_page(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    (docs / "stylesheets").mkdir(parents=True)
    (docs / "assets").mkdir()
    (docs / "index.md").write_text("# Home\n\nRules as of {{ policy.rules_as_of }}.\n", "utf-8")
    (docs / "other.md").write_text("# Other\n", "utf-8")
    (docs / "stylesheets" / "extra.css").write_text("a {}\n", "utf-8")
    (docs / "assets" / "logo.svg").write_text("<svg/>\n", "utf-8")
    translations = tmp_path / "translations"
    (translations / "es").mkdir(parents=True)
    (translations / "es" / "index.md").write_text(
        "# Inicio { #home }\n\nReglas: {{ policy.rules_as_of }}.\n", "utf-8"
    )
    for language in TRANSLATED:
        (translations / f"{language.code}.yml").write_text("site_name: X\n", "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\ntheme: {name: material}\n", "utf-8")
    done = prepare(
        out=tmp_path / "build" / "docs",
        source=docs,
        source_config=config,
        translations=translations,
        with_snapshot=False,
    )
    assert [(s.language.code, s.docs_dir.name, s.config.name) for s in done.sites] == [
        ("en", "docs", "mkdocs.yml"),
        ("es", "docs-es", "mkdocs-es.yml"),
        ("pt", "docs-pt", "mkdocs-pt.yml"),
    ]
    spanish = tmp_path / "build" / "docs-es"
    assert (spanish / "index.md").read_text("utf-8").startswith("# Inicio { #home }\n\nReglas: ")
    # The tokens in Spanish.
    assert long_date(POLICY.rules_as_of, "es") in (spanish / "index.md").read_text("utf-8")
    assert (spanish / "other.md").read_text("utf-8") == "# Other\n"  # not translated yet
    assert (spanish / "stylesheets" / "extra.css").is_file()
    assert not (spanish / "assets").exists()  # one assets/ at the root
    assert (tmp_path / "build" / "docs" / "assets" / "logo.svg").is_file()
