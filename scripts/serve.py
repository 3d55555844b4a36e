"""Serve the built site from this machine only, with the headers a real host would send.

`python -m http.server` is almost enough, but the calculator page needs the right
types for WebAssembly, modules and wheels, and repeat visits should not fetch
multi-megabyte runtime files again: files whose path carries a content hash never
change under that name, so they may be cached for a year; everything else must be
revalidated so a rebuilt page is seen at once. Revalidation is by content: each
such file's ETag is a hash of its bytes, and its date is never asked about, so a
rebuild or rollback that keeps the files' dates is still seen.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import re
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

# A path part (folder name, or a dot/dash-separated piece of a file name) that is a
# hex digest of at least 8 characters, as in bundle.79ae519e.min.js or pyodide-1a2b3c4d/.
_HASHED_PART = re.compile(r"(?:^|[/._-])[0-9a-f]{8,}(?=$|[/._-])")
# A folder named by an exact release, as in assets/pyodide/314.0.7/: the pinned npm
# package's files (checked against package-lock.json) never change under that version.
_RELEASE_FOLDER = re.compile(r"/\d+\.\d+\.\d+/")

EXTRA_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".ics": "text/calendar",
    ".webmanifest": "application/manifest+json",
}


def is_content_hashed(url_path: str) -> bool:
    """Tell whether a URL path names a file that can never change under that name."""
    path = urlsplit(url_path).path.lower()
    return bool(_HASHED_PART.search(path) or _RELEASE_FOLDER.search(path))


class SiteHandler(SimpleHTTPRequestHandler):
    """Static file handler with correct types and cache headers; quiet unless asked."""

    extensions_map = {  # noqa: RUF012 -- the base class declares it as a plain attribute
        **SimpleHTTPRequestHandler.extensions_map,
        **EXTRA_TYPES,
    }
    verbose: ClassVar[bool] = False
    content_etags: ClassVar[bool] = True
    """False serves like a host that revalidates by date alone (for tests)."""
    policy: ClassVar[str | None] = None
    """A Content-Security-Policy to send with every page, as a host would."""
    _etag: str | None = None

    def send_head(self) -> Any:
        self._etag = None
        target = Path(self.translate_path(self.path))
        if target.is_dir() and urlsplit(self.path).path.endswith("/"):
            target = target / "index.html"
        if not self.content_etags or not target.is_file() or is_content_hashed(self.path):
            return super().send_head()
        # The content decides: a matching hash is "not modified", whatever the dates.
        del self.headers["If-Modified-Since"]
        self._etag = f'"{hashlib.sha256(target.read_bytes()).hexdigest()[:32]}"'
        if self._etag in self.headers.get("If-None-Match", ""):
            self.send_response(304)
            self.end_headers()
            return None
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", IMMUTABLE if is_content_hashed(self.path) else REVALIDATE)
        if self._etag:
            self.send_header("ETag", self._etag)
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if self.verbose:
            super().log_message(format, *args)


class SiteServer(ThreadingHTTPServer):
    """A browser that stops a download half-way (a page left, a fetch aborted) is normal."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the reader's browser hung up; nothing went wrong here
        super().handle_error(request, client_address)


def site_policy(directory: Path) -> str | None:
    """The Content-Security-Policy the build wrote into the site's `_headers`, or None."""
    try:
        lines = (directory / "_headers").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        name, _, value = line.strip().partition(":")
        if name == "Content-Security-Policy":
            return value.strip()
    return None


def make_server(
    directory: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    handler: type[SiteHandler] = SiteHandler,
) -> ThreadingHTTPServer:
    """Bind a server for `directory`; port 0 picks a free port (read it from server_address).
    `handler` may be a subclass that sends other headers (a policy, date-only revalidation)."""
    bound = functools.partial(handler, directory=str(directory))
    return SiteServer((host, port), bound)


@contextlib.contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[str]:
    """Run `server` on a background thread for the duration, yielding its root URL."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the built guide on this machine.")
    parser.add_argument("--dir", type=Path, default=Path("site"), help="built site folder")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port (0 = any free port)")
    parser.add_argument("--log", action="store_true", help="print one line per request")
    parser.add_argument(
        "--csp", action="store_true", help="send the site's Content-Security-Policy (_headers)"
    )
    args = parser.parse_args(argv)
    if not (args.dir / "index.html").is_file():
        print(f"serve: no index.html in {args.dir}; build first: make site", file=sys.stderr)
        return 2
    SiteHandler.verbose = args.log
    if args.csp:
        SiteHandler.policy = site_policy(args.dir)
        if SiteHandler.policy is None:
            print(f"serve: no Content-Security-Policy in {args.dir / '_headers'}", file=sys.stderr)
            return 2
    try:
        server = make_server(args.dir, args.host, args.port)
    except OSError as exc:
        print(f"serve: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    port = server.server_address[1]
    print(f"Serving {args.dir} at http://{args.host}:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
