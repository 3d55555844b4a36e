"""Shared fixtures: the built site, a local server for it, and a watched headless Chromium.

Building once per session keeps the browser tests fast; every page opened through
`new_page` is watched for requests to other hosts and for console errors, because
"nothing leaves the site" and "no errors" must hold for every test, not just the
ones that remember to check.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from chromium import ARGS as CHROMIUM_ARGS  # noqa: E402 -- scripts/ is not a package
from chromium import executable as chromium_executable  # noqa: E402
from serve import make_server, serving  # noqa: E402

from sitebuild import BuildError  # noqa: E402
from sitebuild.generators import build_site as pipeline  # noqa: E402

LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


def _compile_stale_catalogues() -> None:
    """The engine's catalogues are built files: compile them when a .po is newer than its
    .mo, so the tests run from a fresh clone without `make`."""
    from calculator import i18n  # noqa: PLC0415
    from sitebuild.catalogues import TRANSLATED, compile_catalogues, po_path  # noqa: PLC0415

    for lang in TRANSLATED:
        po = po_path(lang)
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            compile_catalogues()
            i18n.load_catalogues()
            return


_compile_stale_catalogues()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> NoReturn:
    """CI must run every test; on a workstation a missing tool only skips."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: required)")
    pytest.skip(reason)


GENERATORS = ("mkdocs", "zensical")


def build_site(out: Path, generator: str = "mkdocs", work: Path | None = None) -> Path:
    """Run the same pipeline as `make site` / `make site-zensical` into `out`.

    The rendered pages and generated config go to `work` (beside `out` by default), so
    a test never shares the working tree's build/ folder."""
    try:
        pipeline(generator, out, work=work or out.parent / f"work-{generator}")
    except BuildError as error:
        pytest.fail(f"the {generator} build failed: {error}")
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make site` builds it (mkdocs)."""
    return build_site(tmp_path_factory.mktemp("mkdocs") / "site")


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make site-zensical` builds it."""
    return build_site(tmp_path_factory.mktemp("zensical") / "site", "zensical")


@pytest.fixture(scope="session", params=GENERATORS)
def any_site(request: pytest.FixtureRequest) -> tuple[str, Path]:
    """Each generator's site in turn, for the checks both must pass: (generator, folder)."""
    fixture = "built_site" if request.param == "mkdocs" else "zensical_site"
    return request.param, request.getfixturevalue(fixture)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serving(make_server(built_site)) as url:
        yield url


@pytest.fixture(scope="session")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serving(make_server(zensical_site)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_executable()
    if path is None:
        skip_or_fail("chromium is not installed (scripts/bootstrap.sh installs it as root)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=path,
            args=CHROMIUM_ARGS,
            headless=True,
        )
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageWatch:
    """What the pages of one test did that they must not do."""

    origin: str
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def on_request(self, request: Any) -> None:
        url = request.url
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.external_requests.append(url)

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            self.console_errors.append(f"console.error: {message.text} ({where})")

    def on_page_error(self, error: Any) -> None:
        self.console_errors.append(f"uncaught: {error}")

    def problems(self) -> list[str]:
        return [f"request to another host: {u}" for u in self.external_requests] + list(
            self.console_errors
        )


NewPage = Callable[..., Any]


@pytest.fixture
def page_watch(site_url: str) -> PageWatch:
    parts = urlsplit(site_url)
    return PageWatch(origin=f"{parts.scheme}://{parts.netloc}")


@pytest.fixture
def new_page(browser: Any, page_watch: PageWatch) -> Iterator[NewPage]:
    """Open a fresh context and page; keyword arguments go to `browser.new_context`
    (e.g. timezone_id="Pacific/Auckland", viewport={"width": 375, "height": 740}).
    The test fails at teardown if any page made a request to another host or logged
    an error; tests may also read `page_watch` themselves."""
    contexts: list[Any] = []

    def open_page(**context_options: Any) -> Any:
        context = browser.new_context(**context_options)
        contexts.append(context)
        context.on("request", page_watch.on_request)
        context.on("console", page_watch.on_console)
        page = context.new_page()
        page.on("pageerror", page_watch.on_page_error)
        page.on("websocket", lambda ws: page_watch.external_requests.append(ws.url))
        return page

    yield open_page
    for context in contexts:
        context.close()
    problems = page_watch.problems()
    if problems:
        pytest.fail("the page misbehaved:\n  " + "\n  ".join(problems))


@pytest.fixture
def page(new_page: NewPage) -> Any:
    """One watched page with default settings."""
    return new_page()
