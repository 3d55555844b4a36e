"""Rank the pages that explain a whole topic first in the site's search.

A reader who types "dispute" wants the page that walks through the dispute, not
the one that happens to use the word most; the theme ranks by word statistics
alone. The factors live in mkdocs.yml (extra.search_boost, page -> factor) so the
pages stay plain Markdown.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError


def _boosts(config: Any) -> dict[str, float]:
    return dict(config["extra"].get("search_boost") or {})


def on_files(files: Any, config: Any) -> Any:
    known = {f.src_uri for f in files.documentation_pages()}
    unknown = sorted(set(_boosts(config)) - known)
    if unknown:
        raise PluginError(f"extra.search_boost names pages that do not exist: {', '.join(unknown)}")
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    factor = _boosts(config).get(page.file.src_uri)
    if factor is not None:
        search = page.meta.get("search") or {}
        page.meta["search"] = {**search, "boost": factor}
    return markdown
