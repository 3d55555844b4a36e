"""`python -m sitebuild prepare`: docs/ and the policy data -> rendered folder + config."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from calculator.i18n import DEFAULT
from calculator.i18n import render as word
from calculator.policy import Policy, load_policy
from sitebuild import ROOT, render
from sitebuild.config import SOURCE_CONFIG, write_config
from sitebuild.languages import LANGUAGES, SOURCE, TRANSLATIONS, Language, words
from sitebuild.tokens import RULES_AS_OF, Context, long_date

POLICY_FILE = ROOT / "calculator" / "policy.toml"
DEFAULT_OUT = ROOT / "build" / "docs"


def read_policy(path: Path = POLICY_FILE) -> Policy:
    """Parse the file afresh on every build, so a rebuild shows an edited number at once."""
    return load_policy(path.read_text(encoding="utf-8"))


def footer(policy: Policy, lang: str = DEFAULT) -> str:
    return word(RULES_AS_OF.format(day=long_date(policy.rules_as_of, lang)), lang)


@dataclass(frozen=True)
class Site:
    """One language's generator run: its rendered pages, its config, where its site goes."""

    language: Language
    docs_dir: Path
    config: Path
    site_dir: Path


@dataclass(frozen=True)
class Prepared:
    docs_dir: Path
    config: Path
    pages: int
    sites: tuple[Site, ...] = ()
    """Every language's run, English (the root) first: a generator empties its site
    folder, so the root is built before the languages' folders inside it."""


def beside(path: Path, language: Language) -> Path:
    """A language's own file or folder, named after the English one: docs -> docs-es."""
    if language.source:
        return path
    return path.with_name(f"{path.stem}-{language.code}{path.suffix}")


def prepare(
    out: Path = DEFAULT_OUT,
    *,
    site_dir: Path | None = None,
    config: Path | None = None,
    source: Path = render.DOCS,
    source_config: Path = SOURCE_CONFIG,
    today: date | None = None,
    with_snapshot: bool = True,
    translations: Path | None = None,
    generator: str = "mkdocs",
) -> Prepared:
    """Render `source` into `out` and write the generator config beside it, then the
    same for every other language: `out-es` and `mkdocs-es.yml`, its site in `site/es/`.

    The config defaults to `<out>/../mkdocs.yml` and the site to `<out>/../site`.
    Another `source` than docs/ (a test's few pages) builds English alone, unless it
    brings its own `translations` folder.
    """
    languages: tuple[Language, ...] = LANGUAGES
    if translations is None:
        ours = source.resolve() == render.DOCS.resolve()
        translations, languages = (TRANSLATIONS, LANGUAGES) if ours else (TRANSLATIONS, (SOURCE,))
    policy = read_policy()
    config = config or out.parent / "mkdocs.yml"
    site_dir = site_dir or out.parent / "site"
    sites: list[Site] = []
    pages = 0
    for language in languages:
        context = Context(policy=policy, today=today or date.today(), lang=language.catalogue)
        docs_dir, site_config = beside(out, language), beside(config, language)
        site = Site(language, docs_dir, site_config, site_dir / language.prefix)
        done = render.render(
            site.docs_dir,
            context,
            source=source,
            with_snapshot=with_snapshot,
            language=language,
            translations=translations,
            generator=generator,
        )
        pages = pages or done.pages
        write_config(
            site.config,
            site.docs_dir,
            site.site_dir,
            footer(policy, language.catalogue),
            source=source_config,
            language=language,
            words=words(language, translations),
            languages=languages,
        )
        sites.append(site)
    return Prepared(docs_dir=out, config=config, pages=pages, sites=tuple(sites))
