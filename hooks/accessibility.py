"""Name the controls the theme and the task-list extension leave unnamed.

The theme marks its search panel role="dialog" without a label, and checklist
boxes are rendered with their text outside the <label>, so screen readers announce
an unnamed dialog and bare checkboxes (axe rules aria-dialog-name and label).
Adding the name to the finished HTML is one attribute each; copying the theme's
templates to add it would freeze them across theme updates.
"""

from __future__ import annotations

import html
import re
from typing import Any

SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
NAMED_SEARCH_DIALOG = 'data-md-component="search" role="dialog" aria-label="Search the guide"'

TASK_BOX = re.compile(
    r'(<label class="task-list-control"><input type="checkbox")'
    r'([^>]*>\s*<span class="task-list-indicator"></span></label>)'
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
    output = output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
    return TASK_BOX.sub(_name_task_box, output)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return name_controls(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The 404 page is rendered as a template, not a page, and needs the same names."""
    return name_controls(output_content)
