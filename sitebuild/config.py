"""The generator's config: mkdocs.yml, pointed at the rendered folder.

mkdocs.yml stays the one config a person edits. The prepare step writes a copy
that differs only in what the build decides: where the rendered pages are, where
the site goes, the theme override's absolute path, and the "Rules as of" footer
taken from the policy data. mkdocs and Zensical both read it (Zensical requires
the docs and site folders to sit under the config file's folder, so the copy is
written where that holds).

Each language gets its own copy (sitebuild.languages): the theme's language, the
search's, the language switch, and the words of `translations/<code>.yml` (site
name, description, nav titles, the palette switch's names) over mkdocs.yml's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from sitebuild import ROOT, BuildError
from sitebuild.files import write_text
from sitebuild.languages import LANGUAGES, SOURCE, Language, alternates

SOURCE_CONFIG = ROOT / "mkdocs.yml"
# Keys the build sets; mkdocs.yml must not set them itself.
OWNED = ("docs_dir", "site_dir", "copyright", "hooks", "plugins")


class _Loader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships no types
    """Reads mkdocs.yml's `!!python/name:` tags as names, so they are written back unchanged."""


class _Name(str):
    """A `!!python/name:` value, kept as text."""


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Name:
    return _Name(suffix)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]
    pass


def _name_out(dumper: yaml.SafeDumper, value: _Name) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value}", "")


_Dumper.add_representer(_Name, _name_out)


def read_source(path: Path = SOURCE_CONFIG) -> dict[str, Any]:
    config: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    set_here = [key for key in OWNED if key in config]
    if set_here:
        raise BuildError(f"{path.name}: the build sets {', '.join(set_here)}; remove it there")
    return config


def translate_nav(nav: Any, titles: dict[str, str]) -> Any:
    """The nav with its titles in a language: pages by path, sections by English title.

    A title the language does not give stays English, so the site builds while
    translations land (tests/site/test_languages.py asks for every one)."""
    if isinstance(nav, list):
        return [translate_nav(item, titles) for item in nav]
    if isinstance(nav, dict):
        translated: dict[str, Any] = {}
        for title, target in nav.items():
            key = target if isinstance(target, str) else title
            translated[str(titles.get(key, title))] = translate_nav(target, titles)
        return translated
    return nav


def nav_keys(nav: Any) -> list[str]:
    """What a language's `nav:` words are keyed by: every page's path and section's title."""
    if isinstance(nav, list):
        return [key for item in nav for key in nav_keys(item)]
    if isinstance(nav, dict):
        keys: list[str] = []
        for title, target in nav.items():
            keys += [target] if isinstance(target, str) else [title, *nav_keys(target)]
        return keys
    return []


def in_language(
    config: dict[str, Any],
    language: Language,
    words: dict[str, Any],
    languages: tuple[Language, ...] = LANGUAGES,
) -> None:
    """Set what differs per language: the theme's language, search, the switch, the words."""
    for key in ("site_name", "site_description"):
        if key in words:
            config[key] = words[key]
    theme = config.setdefault("theme", {})
    theme["language"] = language.theme
    toggles = words.get("palette", {})
    for option in theme.get("palette", []):
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if isinstance(toggle, dict) and toggle.get("name") in toggles:
            toggle["name"] = toggles[toggle["name"]]
    if "nav" in config:
        config["nav"] = translate_nav(config["nav"], words.get("nav", {}))
    config["plugins"] = [{"search": {"lang": language.search}}]
    # The switch's links are `extra.languages`, drawn by overrides/partials/alternate.html;
    # `alternate: true` only turns the switch on. A list under `alternate` would also put
    # each language's home into every page's head as rel=alternate, which the theme's
    # script reads to fetch every sitemap and send a click on the switch to that home.
    if len(languages) > 1:
        extra = config.setdefault("extra", {})
        extra["alternate"] = True
        extra["languages"] = alternates(language, languages)


def write_config(
    target: Path,
    docs_dir: Path,
    site_dir: Path,
    copyright_line: str,
    source: Path = SOURCE_CONFIG,
    *,
    language: Language = SOURCE,
    words: dict[str, Any] | None = None,
    languages: tuple[Language, ...] = LANGUAGES,
) -> Path:
    """Write the generator config for one language's site to `target`.

    The docs and site folders are written relative to the config's folder (Zensical
    panics on an absolute docs_dir and refuses folders outside the config's folder);
    the theme override's path is absolute, so the config works from anywhere.
    """
    config = read_source(source)
    in_language(config, language, words or {}, languages)
    here = target.resolve().parent
    config["docs_dir"] = os.path.relpath(docs_dir.resolve(), here)
    config["site_dir"] = os.path.relpath(site_dir.resolve(), here)
    config["copyright"] = copyright_line
    theme = config.get("theme")
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = os.path.normpath(source.parent / theme["custom_dir"])
    config.pop("watch", None)
    text = "# Written by `python -m sitebuild prepare` from mkdocs.yml: edit that file.\n"
    text += yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
    write_text(target, text)
    return target
