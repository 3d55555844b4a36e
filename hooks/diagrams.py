"""Serve the diagram renderer from the site itself, and only to pages that draw a diagram.

The theme fetches mermaid from a public CDN when no `mermaid` global exists. Loading
our own pinned copy first stops that request; loading it only where a diagram is
drawn spares every other page five megabytes of script.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
MARKER = 'class="mermaid"'
META_KEY = "diagram_script"

_script_uri: str | None = None


def script_uri(source: Path = MERMAID) -> str:
    """Name the copy after its content, so it can be cached for good and replaced by a rebuild."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    return f"assets/vendor/mermaid.{digest}.min.js"


def on_files(files: Any, config: Any) -> Any:
    global _script_uri  # noqa: PLW0603 -- mkdocs hooks share state only through module globals
    if not MERMAID.is_file():
        raise PluginError(f"{MERMAID} is missing; run scripts/bootstrap.sh to install npm packages")
    _script_uri = script_uri()
    files.append(File.generated(config, _script_uri, abs_src_path=str(MERMAID)))
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if MARKER in html and _script_uri is not None:
        page.meta[META_KEY] = _script_uri
    return html
