"""After one visit to the calculator, the site answers with the network off.

Each test serves its own copy of the built site on its own origin, so that what
one test's service worker keeps cannot reach another's, and so that a test can
rebuild its copy under the same origin. Every page is watched as `new_page` does:
no request to another host, no console error.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import posixpath
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from conftest import ROOT, PageWatch
from serve import SiteHandler, make_server, serving
from test_calculator_page import IN_TRANSIT, LOAD_MS, expected_cards, wait_for_cards

from sitebuild.offline import SERVICE_WORKER, precache_list, write_service_worker

pytestmark = pytest.mark.browser

MANIFEST = Path("assets") / "calculator" / "manifest.json"
REBUILT = "Refund deadline calculator (rebuilt)"


@pytest.fixture
def own_site(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with serving(make_server(site)) as url:
        yield site, url


@pytest.fixture
def watched(browser: Any, own_site: tuple[Path, str]) -> Iterator[tuple[Any, PageWatch]]:
    """One context on the test's own origin, watched like `new_page`'s."""
    parts = urlsplit(own_site[1])
    watch = PageWatch(origin=f"{parts.scheme}://{parts.netloc}")
    context = browser.new_context()
    context.on("request", watch.on_request)
    context.on("console", watch.on_console)
    try:
        yield context, watch
    finally:
        context.close()
    assert watch.problems() == []


def new_tab(context: Any, watch: PageWatch) -> Any:
    page = context.new_page()
    page.on("pageerror", watch.on_page_error)
    return page


def first_visit(page: Any, url: str) -> None:
    """Answer once online and wait until the offline copy is complete."""
    page.goto(f"{url}calculator/#{urlencode(IN_TRANSIT)}")
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    page.wait_for_selector("#calc-result[data-offline=ready]", state="attached", timeout=LOAD_MS)


def search(page: Any, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta')"
        ".innerText.includes('Initializing')",
        timeout=LOAD_MS,
    )
    box.press_sequentially(query, delay=20)
    results = "li.md-search-result__item a.md-search-result__link"
    page.wait_for_selector(results, timeout=LOAD_MS)
    links: list[str] = page.eval_on_selector_all(results, "els => els.map(a => a.href)")
    return links


def test_the_offline_list_is_the_built_site(built_site: Path) -> None:
    urls = {str(entry["url"]) for entry in precache_list(built_site)}
    manifest = json.loads((built_site / MANIFEST).read_text(encoding="utf-8"))
    calculator = "assets/calculator/"
    runtime = posixpath.normpath(calculator + manifest["indexURL"])
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert f"{runtime}/{name}" in urls
    for name in ("manifest.json", manifest["wheel"], manifest["snapshot"], "worker.mjs"):
        assert calculator + name in urls
    # Every module of the page's script, however it is split.
    scripts = sorted((ROOT / "docs" / calculator).glob("*.*js"))
    assert len(scripts) > 5
    for script in scripts:
        assert calculator + script.name in urls
    assert {"./", "calculator/", "refunds/time-limits/", "search/search_index.json"} <= urls
    assert not [u for u in urls if u.endswith(".map") or u == SERVICE_WORKER]
    # The worker names its set by the files' hashes.
    text = (built_site / SERVICE_WORKER).read_text(encoding="utf-8")
    for entry in precache_list(built_site):
        assert f'"integrity": "{entry["integrity"]}"' in text


def test_the_service_worker_is_always_revalidated(own_site: tuple[Path, str]) -> None:
    with urllib.request.urlopen(own_site[1] + SERVICE_WORKER) as response:
        assert response.headers["Cache-Control"] == "no-cache"
        assert response.headers["Content-Type"].startswith("text/javascript")


def test_after_one_visit_the_calculator_and_the_guide_work_offline(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    context, watch = watched
    _, url = own_site
    page = new_tab(context, watch)
    first_visit(page, url)
    context.set_offline(True)
    page.reload()
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    assert page.get_attribute("#calc-result", "data-runtime") == "snapshot"
    # Another answer, worked out offline.
    page.fill("#today", "2026-11-02")
    wait_for_cards(page, expected_cards({**IN_TRANSIT, "today": "2026-11-02"}))
    # The guide and its search, offline too.
    guide = new_tab(context, watch)
    response = guide.goto(f"{url}refunds/time-limits/")
    assert response is not None and response.ok
    assert guide.locator("h1").first.is_visible()
    links = search(guide, "dispute")
    assert any("/disputes/" in link for link in links)


def rebuild(site: Path) -> str:
    """The site rebuilt with a changed calculator: a new wheel named in a new
    manifest and a changed page, then the offline list made again. Returns the
    new wheel's name."""
    manifest_path = site / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    old = site / "assets" / "calculator" / str(manifest["wheel"])
    data = old.read_bytes() + b"\0"  # a zip still reads with trailing bytes
    tag = old.name.split("-")[2]
    name = old.name.replace(tag, "0" + hashlib.sha256(data).hexdigest()[:12])
    (old.parent / name).write_bytes(data)
    old.unlink()
    manifest["wheel"] = name
    manifest["sha256"] = hashlib.sha256(data).hexdigest()
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    page = site / "calculator" / "index.html"
    html = page.read_text(encoding="utf-8")
    changed = html.replace(">Refund deadline calculator<", f">{REBUILT}<", 1)
    assert changed != html
    page.write_text(changed, "utf-8")
    write_service_worker(site)
    return name


def test_a_new_build_replaces_the_offline_copy_whole(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    context, watch = watched
    site, url = own_site
    page = new_tab(context, watch)
    first_visit(page, url)
    old_caches = page.evaluate("caches.keys()")
    assert len(old_caches) == 1
    new_wheel = rebuild(site)
    # The open page keeps its set and says an update is ready.
    page.reload()
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert REBUILT not in page.inner_text("h1")
    page.wait_for_selector("#calc-updated", state="visible", timeout=LOAD_MS)
    with page.expect_navigation(timeout=LOAD_MS):
        page.click("#calc-reload")
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.inner_text("h1").startswith(REBUILT)
    caches = page.evaluate("caches.keys()")
    assert len(caches) == 1 and caches != old_caches
    shipped = page.evaluate(
        "async () => (await (await fetch('../assets/calculator/manifest.json')).json()).wheel"
    )
    assert shipped == new_wheel
    kept = page.evaluate(
        "async () => (await (await caches.open((await caches.keys())[0])).keys()).map(r => r.url)"
    )
    wheels = [u for u in kept if u.endswith(".whl")]
    assert [w.rsplit("/", 1)[1] for w in wheels] == [new_wheel]
    # And the new set answers offline.
    context.set_offline(True)
    page.reload()
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.inner_text("h1").startswith(REBUILT)


def test_a_half_changed_site_never_replaces_the_copy(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    """Files changed after the list was made fail their hashes: the old set stays."""
    context, watch = watched
    site, url = own_site
    page = new_tab(context, watch)
    first_visit(page, url)
    old_caches = page.evaluate("caches.keys()")
    rebuild(site)
    runtime = site / "assets" / "calculator" / "worker.mjs"
    runtime.write_text(runtime.read_text(encoding="utf-8") + "\n// changed\n", "utf-8")
    page.reload()
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    page.wait_for_function(
        "async () => { const r = await navigator.serviceWorker.getRegistration();"
        " await r.update().catch(() => {}); return !r.installing; }",
        timeout=LOAD_MS,
    )
    assert page.evaluate("caches.keys()") == old_caches
    assert page.is_hidden("#calc-updated")
    context.set_offline(True)
    page.reload()
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert REBUILT not in page.inner_text("h1")


def test_without_service_workers_the_page_answers_as_before(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    context, watch = watched
    _, url = own_site
    context.add_init_script("delete Navigator.prototype.serviceWorker")
    page = new_tab(context, watch)
    page.goto(f"{url}calculator/#{urlencode(IN_TRANSIT)}")
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.get_attribute("#calc-result", "data-offline") is None
    assert page.evaluate("caches.keys()") == []


KEPT_SNAPSHOT = """async (name) => {
  const cache = await caches.open((await caches.keys())[0]);
  const found = (await cache.keys()).filter((r) => r.url.endsWith('/' + name));
  if (found.length !== 1) return null;
  const bytes = new Uint8Array(await (await cache.match(found[0])).arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [bytes.length, Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')];
}"""


def kept_snapshot(page: Any, name: str) -> tuple[int, str] | None:
    """The size and SHA-256 of the snapshot the offline copy keeps under `name`."""
    kept = page.evaluate(KEPT_SNAPSHOT, name)
    return None if kept is None else (int(kept[0]), str(kept[1]))


def unpacked(path: Path) -> tuple[int, str]:
    raw = gzip.decompress(path.read_bytes())
    return len(raw), hashlib.sha256(raw).hexdigest()


def snapshot_requests(context: Any) -> list[Any]:
    """The snapshot's responses the page and its worker get from here on."""
    seen: list[Any] = []
    context.on(
        "response",
        lambda response: seen.append(response) if "/snapshot-" in response.url else None,
    )
    return seen


def test_a_repeat_visit_restores_the_kept_unpacked_snapshot(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    """The offline copy keeps the snapshot gunzipped; the next visit restores it
    from there as it is (no download, no gunzip) and answers."""
    context, watch = watched
    site, url = own_site
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    packed = site / "assets" / "calculator" / str(manifest["snapshot"])
    page = new_tab(context, watch)
    first_visit(page, url)
    assert kept_snapshot(page, packed.name) == unpacked(packed)
    seen = snapshot_requests(context)
    page.goto(f"{url}calculator/?again#{urlencode(IN_TRANSIT)}")
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.get_attribute("#calc-result", "data-runtime") == "snapshot"
    assert [r.url.rsplit("/", 1)[1] for r in seen] == [packed.name]
    assert seen[0].from_service_worker
    assert seen[0].headers.get("content-length") == str(unpacked(packed)[0])


def test_a_rebuilt_snapshot_replaces_the_kept_one(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    """A build with a new snapshot (here the same image packed anew, so another
    file and name) is kept unpacked in the new set, and the old unpacked copy goes
    with the old set: a page never gets an old snapshot with new core files."""
    context, watch = watched
    site, url = own_site
    page = new_tab(context, watch)
    first_visit(page, url)
    manifest_path = site / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    old = site / "assets" / "calculator" / str(manifest["snapshot"])
    data = gzip.compress(gzip.decompress(old.read_bytes()), compresslevel=1, mtime=0)
    new = old.with_name(f"snapshot-{hashlib.sha256(data).hexdigest()[:16]}.bin.gz")
    assert new != old
    new.write_bytes(data)
    old.unlink()
    manifest["snapshot"] = new.name
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")
    rebuild(site)
    page.reload()
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    page.wait_for_selector("#calc-updated", state="visible", timeout=LOAD_MS)
    with page.expect_navigation(timeout=LOAD_MS):
        page.click("#calc-reload")
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.inner_text("h1").startswith(REBUILT)
    assert len(page.evaluate("caches.keys()")) == 1
    assert kept_snapshot(page, old.name) is None
    assert kept_snapshot(page, new.name) == unpacked(new)
    seen = snapshot_requests(context)
    context.set_offline(True)
    page.reload()
    wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    assert page.get_attribute("#calc-result", "data-runtime") == "snapshot"
    assert [r.url.rsplit("/", 1)[1] for r in seen] == [new.name]


def test_offline_a_folder_opens_with_or_without_its_slash_or_index_html(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    context, watch = watched
    _, url = own_site
    page = new_tab(context, watch)
    first_visit(page, url)
    context.set_offline(True)
    for path in ("calculator", "calculator/index.html", "calculator/?x=1"):
        page.goto(f"{url}{path}#{urlencode(IN_TRANSIT)}")
        wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
        assert urlsplit(page.url).path.startswith("/calculator/"), path
        assert page.evaluate("location.hash") == f"#{urlencode(IN_TRANSIT)}"


def test_every_open_tab_follows_an_update_when_its_reader_reloads(
    watched: tuple[Any, PageWatch], own_site: tuple[Path, str]
) -> None:
    """The first tab lets the new set in; the second tab's Reload must load it too,
    not keep the notice and the old code under the new service worker."""
    context, watch = watched
    site, url = own_site
    first = new_tab(context, watch)
    first_visit(first, url)
    second = new_tab(context, watch)
    second.goto(f"{url}calculator/#{urlencode(IN_TRANSIT)}")
    wait_for_cards(second, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
    rebuild(site)
    for tab in (first, second):
        tab.reload()
        wait_for_cards(tab, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
        tab.wait_for_selector("#calc-updated", state="visible", timeout=LOAD_MS)
    for tab in (first, second):
        with tab.expect_navigation(timeout=LOAD_MS):
            tab.click("#calc-reload")
        wait_for_cards(tab, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
        assert tab.inner_text("h1").startswith(REBUILT)
        assert tab.is_hidden("#calc-updated")


class ByDateOnly(SiteHandler):
    """A host that revalidates by date alone, as many static hosts do."""

    content_etags = False


def test_a_rollback_under_the_same_dates_reaches_a_returning_reader(
    browser: Any, built_site: Path, tmp_path: Path
) -> None:
    """Build A, then B, then A again with B's file dates: the host says "not modified"
    for every unhashed file, and the reader must still end up on A."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    kept = tmp_path / "a"
    shutil.copytree(site, kept)
    with serving(make_server(site, handler=ByDateOnly)) as url:
        parts = urlsplit(url)
        watch = PageWatch(origin=f"{parts.scheme}://{parts.netloc}")
        context = browser.new_context()
        context.on("console", watch.on_console)
        try:
            page = new_tab(context, watch)
            first_visit(page, url)
            rebuild(site)
            page.reload()
            page.wait_for_selector("#calc-updated", state="visible", timeout=LOAD_MS)
            with page.expect_navigation(timeout=LOAD_MS):
                page.click("#calc-reload")
            wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
            assert page.inner_text("h1").startswith(REBUILT)
            # The rollback: A's files again, each dated like the B file it replaces.
            for path in sorted(kept.rglob("*")):
                if path.is_dir():
                    continue
                target = site / path.relative_to(kept)
                stamp = target.stat().st_mtime if target.exists() else path.stat().st_mtime
                shutil.copyfile(path, target)
                os.utime(target, (stamp, stamp))
            page.reload()
            page.wait_for_selector("#calc-updated", state="visible", timeout=LOAD_MS)
            with page.expect_navigation(timeout=LOAD_MS):
                page.click("#calc-reload")
            wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
            assert not page.inner_text("h1").startswith(REBUILT)
            context.set_offline(True)
            page.reload()
            wait_for_cards(page, expected_cards(IN_TRANSIT), timeout=LOAD_MS)
            assert not page.inner_text("h1").startswith(REBUILT)
        finally:
            context.close()
        assert watch.problems() == []
