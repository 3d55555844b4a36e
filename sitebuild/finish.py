"""What needs the finished HTML: accessible names for controls the theme leaves unnamed.

The theme marks its search panel role="dialog" without a label, and checklist
boxes are rendered with their text outside the <label>, so screen readers announce
an unnamed dialog and bare checkboxes (axe rules aria-dialog-name and label).
Adding the name to the finished HTML is one attribute each; copying the theme's
templates to add it would freeze them across theme updates. The pass is
idempotent: running it twice changes nothing the second time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from sitebuild import BuildError
from sitebuild.csp import write_headers
from sitebuild.files import write_text
from sitebuild.offline import write_service_worker

SEARCH_DIALOG = re.compile(r'data-md-component="search" role="dialog"(?! aria-label=)')
NAMED_SEARCH_DIALOG = 'data-md-component="search" role="dialog" aria-label="Search the guide"'

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


def name_controls(output: str) -> str:
    output = SEARCH_DIALOG.sub(NAMED_SEARCH_DIALOG, output, count=1)
    return TASK_BOX.sub(_name_task_box, output)


def name_pages(site_dir: Path) -> int:
    """Name the controls in every page of the site; returns how many files changed."""
    changed = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed += write_text(page, name_controls(text))
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
