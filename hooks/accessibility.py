"""Give the theme's search dialog an accessible name.

The theme marks its search panel role="dialog" without a label, so screen readers
announce an unnamed dialog (axe rule aria-dialog-name). Naming it in the finished
HTML is one attribute; copying the theme's whole search template to add it would
freeze that template across theme updates.
"""

from __future__ import annotations

from typing import Any

SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
NAMED_SEARCH_DIALOG = 'data-md-component="search" role="dialog" aria-label="Search the guide"'


def on_post_page(output: str, page: Any, config: Any) -> str:
    return output.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
