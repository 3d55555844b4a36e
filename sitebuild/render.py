"""Render docs/ into the folder a generator builds from, one folder per language.

Every Markdown page gets its tokens filled in (sitebuild.tokens) and, where the
theme override needs to know something about the page, a front matter key:
`start_script` and `start_worker` on the calculator page. A `flowchart` block
is drawn into an SVG here (sitebuild.flowchart), so no page needs a diagram
script. Every other file is copied as it is, and the calculator's
runtime is placed beside them. Unchanged outputs are left alone; files whose
source is gone are removed.

A translated language's folder holds the same pages: each from
`translations/<code>/` where translated, else from docs/ (sitebuild.languages).
It gets docs/'s other files too, except `assets/`: the calculator's runtime and
scripts ship once, at the root, and every language's page reaches them through
`{{ asset: PATH }}`, a link to the root's `assets/PATH` (see fill_links).
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT, BuildError, assets, flowchart
from sitebuild.files import copy_file, prune, write_text
from sitebuild.languages import SOURCE, TRANSLATIONS, Language
from sitebuild.tokens import Context, TokenError, expand

DOCS = ROOT / "docs"
CALCULATOR_PAGE = "calculator.md"
START_SCRIPT = "assets/calculator/start.js"
WORKER = "assets/calculator/worker.mjs"
SHARED = "assets/"
LINK = re.compile(r"\{\{\s*(asset|page):\s*(.*?)\s*\}\}")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Rendered:
    docs_dir: Path
    pages: int
    written: int


def page_url(rel: str) -> str:
    """The page's URL relative to the site root, as `use_directory_urls` lays it out."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative(target: str, page: str) -> str:
    """A link from the page at URL `page` to the site file `target`."""
    return posixpath.relpath(target, page.rstrip("/") or ".")


def with_meta(markdown: str, meta: dict[str, str]) -> str:
    """Add keys to the page's front matter (JSON strings are valid YAML scalars)."""
    if not meta:
        return markdown
    lines = "".join(f"{key}: {json.dumps(value)}\n" for key, value in meta.items())
    found = FRONT_MATTER.match(markdown)
    if found is None:
        return f"---\n{lines}---\n\n{markdown}"
    body = found.group(1) or ""
    return f"---\n{body}{lines}---\n{markdown[found.end() :]}"


def html_base(rel: str, prefix: str, generator: str) -> str:
    """What a relative URL in a page's raw HTML is read against, in the whole site.

    mkdocs leaves raw HTML alone: the browser reads it against the page's URL.
    Zensical rewrites it as it does a Markdown link: relative to the source file,
    then one level deeper for a page that becomes a folder (`calculator.md` ->
    `calculator/`), so it is written relative to the source file's folder."""
    if generator == "zensical":
        folder = posixpath.dirname(rel)
        return prefix + (folder + "/" if folder else "")
    return prefix + page_url(rel)


def _link_target(kind: str, path: str, prefix: str, source: Path) -> str | None:
    """The site path a link token names, if that file or page is there."""
    if kind == "asset":
        return SHARED + path if (source / SHARED / path).is_file() else None
    page, _, fragment = path.partition("#")
    stem = page.rstrip("/") or "index"
    if (source / f"{stem}.md").is_file() or (source / stem / "index.md").is_file():
        return prefix + page + (f"#{fragment}" if fragment else "")
    return None


def fill_links(markdown: str, rel: str, prefix: str, generator: str, source: Path = DOCS) -> str:
    """Links in a page's raw HTML, written for the generator that reads them:
    `{{ asset: calculator/x.css }}` -> the root's `assets/calculator/x.css` (one copy for
    every language); `{{ page: refunds/time-limits/ }}` -> that page in the page's language."""
    base = html_base(rel, prefix, generator)

    def link(match: re.Match[str]) -> str:
        target = _link_target(match.group(1), match.group(2), prefix, source)
        if target is None:
            raise TokenError(f"{match.group(0)}: docs/ has no such {match.group(1)}")
        path, _, fragment = target.partition("#")
        return (
            relative(path, base)
            + ("/" if path.endswith("/") else "")
            + (f"#{fragment}" if fragment else "")
        )

    return LINK.sub(link, markdown)


def page_meta(rel: str, source: Path, prefix: str = "") -> dict[str, str]:
    url = prefix + page_url(rel)
    meta: dict[str, str] = {}
    if rel == CALCULATOR_PAGE:
        meta["start_worker"] = relative(WORKER, url)
        meta["start_script"] = (source / START_SCRIPT).read_text(encoding="utf-8")
    return meta


def render(
    out: Path,
    context: Context,
    source: Path = DOCS,
    with_calculator: bool = True,
    with_snapshot: bool = True,
    *,
    language: Language = SOURCE,
    translations: Path = TRANSLATIONS,
    generator: str = "mkdocs",
) -> Rendered:
    """Render `source` (in `language`) into `out`; a bad token raises BuildError naming
    page and token."""
    out.mkdir(parents=True, exist_ok=True)
    keep: set[Path] = set()
    written = pages = 0
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(source).as_posix()
        target = out / rel
        if path.suffix != ".md":
            if language.source or not rel.startswith(SHARED):
                keep.add(target)
                written += copy_file(path, target)
            continue
        keep.add(target)
        pages += 1
        translated = language.pages(translations) / rel
        page = path if language.source or not translated.is_file() else translated
        markdown = page.read_text(encoding="utf-8")
        try:
            markdown = fill_links(markdown, rel, language.prefix, generator, source)
            text = flowchart.render_all(expand(markdown, context))
        except (TokenError, flowchart.FlowchartError) as exc:
            shown = rel if page == path else f"translations/{language.code}/{rel}"
            raise BuildError(f"{shown}: {exc}") from None
        text = with_meta(text, page_meta(rel, source, language.prefix))
        written += write_text(target, text)
    if with_calculator and language.source and (source / CALCULATOR_PAGE).is_file():
        _, placed = assets.write_assets(out, with_snapshot=with_snapshot)
        keep |= placed
    prune(out, keep)
    return Rendered(docs_dir=out, pages=pages, written=written)
