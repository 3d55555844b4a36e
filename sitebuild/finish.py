"""What needs the finished HTML: accessible names for controls the theme leaves unnamed.

The theme marks its search panel role="dialog" without a label, and checklist
boxes are rendered with their text outside the <label>, so screen readers announce
an unnamed dialog and bare checkboxes (axe rules aria-dialog-name and label).
Adding the name to the finished HTML is one attribute each; copying the theme's
templates to add it would freeze them across theme updates. The pass is
idempotent: running it twice changes nothing the second time. It runs once over
the whole site, every language's folder included, naming the search dialog in
the page's own language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from sitebuild import BuildError
from sitebuild.csp import write_headers
from sitebuild.files import write_text
from sitebuild.languages import BY_CODE, SOURCE, words
from sitebuild.offline import write_service_worker

SEARCH_DIALOG = re.compile(r'data-md-component="search" role="dialog"(?! aria-label=)')
NAMED_SEARCH_DIALOG = 'data-md-component="search" role="dialog" aria-label="{name}"'
SEARCH_NAME = "Search the guide"
"""English; a translated site's name for it is its `search_dialog` (translations/<code>.yml)."""
HTML_LANG = re.compile(r'<html lang="([A-Za-z]+)')

TASK_BOX = re.compile(
    r'(<label class="task-list-control"><input type="checkbox")'
    r"((?:(?!aria-label=)[^>])*>\s*<span class=\"task-list-indicator\"></span></label>)"
    r"(.*?)(?=</li>|<ul|<ol|<div|<p)",
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")


def _name_task_box(match: re.Match[str]) -> str:
    text = " ".join(html.unescape(TAG.sub("", match.group(3))).split())
    if not text:
        return match.group(0)
    label = html.escape(text, quote=True)
    return f'{match.group(1)} aria-label="{label}"{match.group(2)}{match.group(3)}'


def search_names() -> dict[str, str]:
    """The search dialog's name in each language, by the page's `<html lang>`."""
    names = {SOURCE.code: SEARCH_NAME}
    for code, language in BY_CODE.items():
        if not language.source:
            names[code] = str(words(language).get("search_dialog", SEARCH_NAME))
    return names


def name_controls(output: str, search_name: str = SEARCH_NAME) -> str:
    named = NAMED_SEARCH_DIALOG.format(name=html.escape(search_name, quote=True))
    output = SEARCH_DIALOG.sub(named, output, count=1)
    return TASK_BOX.sub(_name_task_box, output)


def name_pages(site_dir: Path) -> int:
    """Name the controls in every page of the site, in the page's language; returns how
    many files changed."""
    names = search_names()
    changed = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        found = HTML_LANG.search(text)
        name = names.get(found.group(1).lower() if found else "", SEARCH_NAME)
        changed += write_text(page, name_controls(text, name))
    return changed


# Each step takes the site folder. The policy's script hashes come after the pages'
# last change; the service worker's list comes last: it hashes every file the steps
# before it wrote.
STEPS: list[Callable[[Path], object]] = [name_pages, write_headers, write_service_worker]


def finish(site_dir: Path) -> None:
    if not (site_dir / "index.html").is_file():
        raise BuildError(f"{site_dir} holds no built site (no index.html): build it first")
    for step in STEPS:
        step(site_dir)
