"""The Content-Security-Policy a host can send with the built site, written by the build.

The pages carry small inline scripts (the theme's, the calculator's start), so a
policy that allows them must name each by its hash, and the hashes change with
every build: only the build can write them. The calculator compiles Pyodide's
WebAssembly, which needs 'wasm-unsafe-eval' and nothing wider ('unsafe-eval' is
never allowed). Every other source is the site itself, as the privacy promise
says.

The policy goes into `_headers` at the site's root, the form Netlify and
Cloudflare Pages read; other hosts copy its lines (README, "For hosts").
`scripts/serve.py --csp` sends it, so the browser tests run under it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from pathlib import Path

from sitebuild.files import write_text

__all__ = [
    "HEADERS_FILE",
    "content_security_policy",
    "inline_script_hashes",
    "write_headers",
]

HEADERS_FILE = "_headers"
SERVICE_WORKER_URL = "/sw.js"
# A script element and its text; the attributes decide whether it runs.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
# Script types a browser runs; anything else (JSON data, templates) is inert.
_RUNS = {"", "text/javascript", "application/javascript", "module"}

# Every directive the site needs; the script hashes are added to script-src.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("worker-src", "'self'"),
    ("connect-src", "'self'"),
    # The theme's icons and the diagram's styles are inline SVG and style attributes.
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'self'"),
)


def _runs(attributes: str) -> bool:
    if _SRC.search(attributes):
        return False
    found = _TYPE.search(attributes)
    kind = unescape(found.group(1)).lower() if found else ""
    return kind in _RUNS


def inline_script_hashes(site_dir: Path) -> list[str]:
    """The CSP source of every inline script that runs in any page, sorted, each once."""
    found: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        for match in _SCRIPT.finditer(page.read_text(encoding="utf-8")):
            if not _runs(match.group(1)):
                continue
            digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(found)


def content_security_policy(site_dir: Path) -> str:
    hashes = " ".join(inline_script_hashes(site_dir))
    return "; ".join(
        f"{name} {sources} {hashes}" if name == "script-src" and hashes else f"{name} {sources}"
        for name, sources in DIRECTIVES
    )


def write_headers(site_dir: Path) -> bool:
    """Write `_headers`: the policy for every path, and no caching of the service worker."""
    text = (
        "/*\n"
        f"  Content-Security-Policy: {content_security_policy(site_dir)}\n"
        "  X-Content-Type-Options: nosniff\n"
        f"{SERVICE_WORKER_URL}\n"
        "  Cache-Control: no-cache\n"
    )
    return write_text(site_dir / HEADERS_FILE, text)
