"""The calculator page starts from its memory snapshot, and answers without one.

A normal visit must restore the snapshot the build made (no wheel download, no
Python start-up). Every way the snapshot can be unusable in the wild is forced here
with a routed response, and each time the page must still reach `ready` with the
engine's own cards, by the normal start. The cards expected are computed by the same
engine in CPython. The `new_page` fixture fails a test whose pages request another
host or log an error, so a fallback must also be silent.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from conftest import NewPage
from test_calculator_page import LOAD_MS, wait_for_cards

from calculator import bridge

pytestmark = pytest.mark.browser

CASE = {
    "order-date": "2026-10-01",
    "shipped": "2026-10-03",
    "delivered": "2026-10-20",
    "dispute-opened": "2026-10-22",
    "today": "2026-10-25",
}
# Records which start the worker reports, whatever the page's own glue does with it.
RUNTIME_SPY = """
window.__runtimePaths = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => {
      if (data && data.type === "runtime") window.__runtimePaths.push(data.path);
    });
  }
};
"""
SNAPSHOT_MAGIC_OFFSET = 16
BUILD_ID_WORDS = 8
# The shipped file is Pyodide's snapshot packed against the wasm's data
# (docs/assets/calculator/image.mjs): six words, a bitmap of pages, then Pyodide's header.
PACKED_MAGIC = b"PYSI"
PACKED_WORDS = 6


def manifest(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (built_site / "assets" / "calculator" / "manifest.json").read_text(encoding="utf-8")
    )
    return data


def snapshot_file(built_site: Path) -> Path:
    name = manifest(built_site)["snapshot"]
    assert name, "the build shipped no snapshot"
    return built_site / "assets" / "calculator" / str(name)


def expected_cards() -> list[list[str]]:
    routes = json.loads(bridge.assess_json(json.dumps(CASE)))["result"]["routes"]
    return sorted([r["route"], r["status"], r["closes_on"] or ""] for r in routes)


def pyodide_header_at(unzipped: bytes) -> int:
    """Where Pyodide's own header starts: after the packed image's words and bitmap."""
    assert unzipped[:4] == PACKED_MAGIC, "the snapshot is not packed"
    words: tuple[int, ...] = struct.unpack_from("<6I", unzipped)
    _, _, header_length, image_length, page_size, _ = words
    pages = -(-(image_length - header_length) // page_size)
    return PACKED_WORDS * 4 + -(-pages // 32) * 4


def build_id(unzipped: bytes) -> str:
    """The Pyodide build a snapshot was made on, as Pyodide itself spells it."""
    at = pyodide_header_at(unzipped) + SNAPSHOT_MAGIC_OFFSET
    words = struct.unpack_from(f"<{BUILD_ID_WORDS}I", unzipped, at)
    return "".join(f"{word:08x}" for word in words)


def with_other_build_id(unzipped: bytes) -> bytes:
    """The same snapshot as if made on other core files: only the build id differs."""
    changed = bytearray(unzipped)
    changed[pyodide_header_at(unzipped) + SNAPSHOT_MAGIC_OFFSET] ^= 0xFF
    return bytes(changed)


def open_and_answer(page: Any, site_url: str) -> tuple[list[str], list[str]]:
    """Open the calculator on CASE, wait for the engine's cards; return the starts
    the worker reported and the URLs the page fetched."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.add_init_script(RUNTIME_SPY)
    page.goto(f"{site_url}calculator/#{urlencode(CASE)}")
    wait_for_cards(page, expected_cards(), timeout=LOAD_MS)
    assert page.get_attribute("#calc-result", "data-state") == "ready"
    paths: list[str] = page.evaluate("window.__runtimePaths")
    # The page shows the start the worker reported, for bug reports and tests alike.
    assert [page.get_attribute("#calc-result", "data-runtime")] == paths[-1:]
    return paths, requests


def test_the_build_ships_a_snapshot_of_its_own_runtime(built_site: Path) -> None:
    path = snapshot_file(built_site)
    packed = path.read_bytes()
    assert re.fullmatch(r"snapshot-[0-9a-f]{16}\.bin\.gz", path.name)
    assert path.name == f"snapshot-{hashlib.sha256(packed).hexdigest()[:16]}.bin.gz"
    raw = gzip.decompress(packed)
    # Pyodide refuses a snapshot made on other core files; this one names the
    # build of the pyodide.mjs that the same site ships.
    runtime = built_site / "assets" / "calculator" / manifest(built_site)["indexURL"]
    loader = (runtime / "pyodide.mjs").read_text(encoding="utf-8")
    shipped = re.search(r'BUILD_ID:"([0-9a-f]{64})"', loader)
    assert shipped is not None
    assert build_id(raw) == shipped.group(1)
    # Compressed it stays under the 6.25 MiB a browser's in-memory cache keeps per
    # file, so a private window's second visit does not download it again.
    assert len(packed) < 6.25 * 2**20


def test_the_snapshot_is_served_for_caching_and_the_manifest_for_revalidation(
    site_url: str, built_site: Path
) -> None:
    """A repeat visit reuses the big file without asking; a rebuilt site names a new
    one in the manifest, which is always checked."""
    base = f"{site_url}assets/calculator/"
    with urllib.request.urlopen(base + snapshot_file(built_site).name) as response:
        assert "immutable" in response.headers["Cache-Control"]
        assert response.headers.get("Content-Encoding") is None
    with urllib.request.urlopen(base + "manifest.json") as response:
        assert response.headers["Cache-Control"] == "no-cache"


def test_a_visit_restores_the_snapshot_and_fetches_no_wheel(
    new_page: NewPage, site_url: str, built_site: Path
) -> None:
    paths, requests = open_and_answer(new_page(), site_url)
    assert paths == ["snapshot"]
    assert any(url.endswith("/" + snapshot_file(built_site).name) for url in requests)
    assert not [url for url in requests if url.endswith(".whl")]
    # Nor the standard library: a restored interpreter gets the build's empty one.
    assert not [url for url in requests if url.endswith("/python_stdlib.zip")]
    assert [url for url in requests if url.endswith("/" + manifest(built_site)["snapshotStdlib"])]


def test_the_restored_calculator_also_makes_calendars_and_batches(
    new_page: NewPage, site_url: str
) -> None:
    """Everything the worker calls must survive the restore, not only assess: the
    wheel's files are gone after a restore, so a late file read would fail here."""
    page = new_page(accept_downloads=True)
    paths, _ = open_and_answer(page, site_url)
    assert paths == ["snapshot"]
    with page.expect_download(timeout=LOAD_MS) as download:
        page.click("#calc-ics")
    ics = Path(download.value.path()).read_bytes().decode("utf-8")
    assert ics == json.loads(bridge.ics_json(json.dumps(CASE)))["result"]["ics"]
    batch = "order_id,order_date,shipped,delivered\nB-1,2026-10-01,2026-10-03,\nB-2,2026-09-01,,\n"
    want = json.loads(bridge.batch_json(batch, CASE["today"]))["result"]
    page.fill("#batch-csv", batch)
    page.wait_for_selector("#batch-table tbody tr", timeout=LOAD_MS)
    shown = page.eval_on_selector_all(
        "#batch-table tbody tr td:nth-child(2)", "els => els.map(e => e.textContent)"
    )
    assert shown == [row["order_id"] for row in want["rows"]]


def test_the_snapshot_is_unpacked_in_a_worker_of_its_own(
    new_page: NewPage, site_url: str, built_site: Path
) -> None:
    """The calculator's worker hands the snapshot to unpack.mjs, so that gunzipping
    it does not hold up loading and compiling the runtime."""
    page = new_page(service_workers="block")
    paths, requests = open_and_answer(page, site_url)
    assert paths == ["snapshot"]
    assert [url for url in requests if url.endswith("/assets/calculator/unpack.mjs")]
    assert any(url.endswith("/" + snapshot_file(built_site).name) for url in requests)


def without_nested_workers(route: Any) -> None:
    answer = route.fetch()
    route.fulfill(response=answer, body="globalThis.Worker = undefined;\n" + answer.text())


def test_where_a_worker_cannot_start_another_it_unpacks_the_snapshot_itself(
    new_page: NewPage, site_url: str
) -> None:
    page = new_page(service_workers="block")
    page.context.route("**/assets/calculator/worker.mjs", without_nested_workers)
    paths, requests = open_and_answer(page, site_url)
    assert paths == ["snapshot"]
    assert not [url for url in requests if url.endswith("/unpack.mjs")]


Route = Callable[[Any], None]


def respond(status: int = 200, body: bytes = b"") -> Callable[[bytes], Route]:
    """A handler that answers the snapshot's URL with this instead of the file."""
    return lambda _packed: lambda route: route.fulfill(status=status, body=body)


def respond_with(change: Callable[[bytes], bytes]) -> Callable[[bytes], Route]:
    """A handler that answers with the real snapshot file, changed."""
    return lambda packed: lambda route: route.fulfill(status=200, body=change(packed))


def other_build(packed: bytes) -> bytes:
    return gzip.compress(with_other_build_id(gzip.decompress(packed)), compresslevel=1)


def packed_for_another_wasm(packed: bytes) -> bytes:
    """The same packed image as if packed against another wasm's data."""
    changed = bytearray(gzip.decompress(packed))
    struct.pack_into("<I", changed, 20, struct.unpack_from("<I", changed, 20)[0] + 1)
    return gzip.compress(bytes(changed), compresslevel=1)


def without_snapshot(route: Any) -> None:
    answer = route.fetch()
    data = answer.json()
    data["snapshot"] = None
    route.fulfill(response=answer, body=json.dumps(data))


def without_decompression_stream(route: Any) -> None:
    answer = route.fetch()
    body = "globalThis.DecompressionStream = undefined;\n" + answer.text()
    route.fulfill(response=answer, body=body)


SNAPSHOT_URL = "**/snapshot-*"
# Each way a snapshot can be unusable: which URL to intercept, and the handler to
# use, made from the real snapshot's bytes.
FAILURES: dict[str, tuple[str, Callable[[bytes], Route]]] = {
    "the build made none": ("**/manifest.json", lambda _packed: without_snapshot),
    "file missing": (SNAPSHOT_URL, respond(404, b"not found")),
    "server error": (SNAPSHOT_URL, respond(500, b"oops")),
    "empty file": (SNAPSHOT_URL, respond(200, b"")),
    "corrupt gzip": (SNAPSHOT_URL, respond(200, b"\x1f\x8b" + b"\0garbage" * 4096)),
    "not a snapshot": (SNAPSHOT_URL, respond(200, b"<html>a host's error page</html>")),
    "cut short": (SNAPSHOT_URL, respond_with(lambda packed: packed[: len(packed) // 2])),
    "made on other core files": (SNAPSHOT_URL, respond_with(other_build)),
    "packed against another wasm": (SNAPSHOT_URL, respond_with(packed_for_another_wasm)),
    "no DecompressionStream": ("**/worker.mjs", lambda _packed: without_decompression_stream),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_an_unusable_snapshot_falls_back_to_the_normal_start(
    failure: str, new_page: NewPage, site_url: str, built_site: Path
) -> None:
    pattern, make_handler = FAILURES[failure]
    # The routed snapshot is for the page; the offline copy (test_offline.py) stays out.
    page = new_page(service_workers="block")
    page.context.route(pattern, make_handler(snapshot_file(built_site).read_bytes()))
    paths, requests = open_and_answer(page, site_url)
    assert paths == ["normal"]
    assert [url for url in requests if url.endswith("-py3-none-any.whl")]
    assert [url for url in requests if url.endswith("/python_stdlib.zip")]
