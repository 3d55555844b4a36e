"""Whether a returning reader's browser reuses the runtime's compiled wasm.

Chromium keeps the machine code of a wasm module (its "wasm code cache") only for a
module compiled by streaming from a Response it can attach data to (its HTTP cache,
or the offline copy's Cache Storage), and only when V8 asks for it: once some of the
module runs in its optimising tier and then no new optimised code comes for a while
(V8's --wasm-caching-threshold and --wasm-caching-timeout-ms), or at once past
--wasm-caching-hard-threshold. A repeat visit that gets the cache skips most of the
lazy compiling of the functions a restore and the first answer call.

This measures what actually happens, in Debian's Chromium: one kept profile (not an
in-memory one as bench_page uses, since a reader's is kept), one fresh browser process
per visit (a reader coming back later): a cold visit, then repeat visits served by the
offline copy, each traced with V8's wasm events. It prints, per visit, the first
answer, how many functions were compiled lazily, and how often the code cache was
written, found, and found but refused. `--js-flags` passes V8 flags to every visit
(`--js-flags=--wasm-caching-timeout-ms=0` shows what a written cache would give; V8
refuses a cache written under other flags). `--batch N` runs an N-row batch after the
first answer of the cold visit, as a reader's use that makes the wasm hot.

    .venv/bin/python -m benchmarks.wasm_cache [--visits 3] [--batch 0] [--js-flags=...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.bench_page import (
    BATCH_RUN,
    BENCH_ARGS,
    PROBE,
    SITE,
    TIMEOUT_MS,
    Urls,
    batch_csv,
    serve,
    visit,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from chromium import ARGS as CHROMIUM_ARGS  # scripts/ is not a package
from chromium import EXECUTABLE as CHROMIUM

CATEGORIES = ["disabled-by-default-devtools.timeline", "v8.wasm"]
# The trace events counted, by the name printed for them.
EVENTS = {
    "lazy compiles": "wasm.CompileLazy",
    "optimised units": "wasm.TopTierCompilation",
    "cache written": "v8.wasm.cachedModule",
    "cache found": "v8.wasm.moduleCacheHit",
    "cache refused": "v8.wasm.moduleCacheInvalid",
}
# The trace events whose time is summed (milliseconds of a thread), by their label.
TIMED = {
    "lazy compiling": "wasm.CompileLazy",
    "reading the cache": "wasm.Deserialize",
    "checking it": "v8.wasm.compileDigestForConsume",
    "writing it": "v8.wasm.compileDigestForCreate",
}
# The time to wait after each visit's first answer, so that what V8 does once the
# page is idle (caching after its timeout) lands in that visit's trace.
IDLE_S = 4.0


def summarise(trace: Path) -> str:
    """How often each of EVENTS happened, and the time each of TIMED took."""
    data = json.loads(trace.read_text(encoding="utf-8"))
    events = data["traceEvents"] if isinstance(data, dict) else data
    names = Counter(str(event.get("name", "")) for event in events)
    spent: dict[str, float] = {}
    for event in events:
        name = str(event.get("name", ""))
        spent[name] = spent.get(name, 0.0) + float(event.get("dur") or 0) / 1000
    counts = [f"{label} {names[name]}" for label, name in EVENTS.items()]
    times = [f"{label} {spent.get(name, 0.0):.0f} ms" for label, name in TIMED.items()]
    return ", ".join(counts) + "; " + ", ".join(times)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def connect(playwright: Any, port: int) -> Any:
    """The browser on `port`, once it listens."""
    for _ in range(150):
        try:
            return playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
        except Exception:
            time.sleep(0.2)
    raise RuntimeError("wasm_cache: Chromium did not start")


def one_visit(playwright: Any, profile: Path, url: str, extra: list[str], rows: int) -> str:
    """One visit in a browser process of its own on `profile`: its line of the report."""
    port = free_port()
    args = [*CHROMIUM_ARGS, *BENCH_ARGS, *extra]
    command = [str(CHROMIUM), "--headless", f"--remote-debugging-port={port}"]
    command += [f"--user-data-dir={profile}", *args, "about:blank"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        browser = connect(playwright, port)
        context = browser.contexts[0]
        context.add_init_script(PROBE)
        page = context.new_page()
        trace = profile.parent / "trace.json"
        browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
        seen = visit(page, url)
        # The offline copy is complete before the reader leaves, as in bench_page.
        page.wait_for_selector(
            "#calc-result[data-offline=ready]", state="attached", timeout=TIMEOUT_MS
        )
        if rows:
            page.evaluate(BATCH_RUN, batch_csv(rows))
        time.sleep(IDLE_S)
        browser.stop_tracing()
        browser.close()
        return f"{seen.first_answer_ms:.0f} ms ({seen.runtime}); {summarise(trace)}"
    finally:
        process.terminate()
        process.wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="benchmarks.wasm_cache")
    parser.add_argument("--visits", type=int, default=3, help="repeat visits after the cold one")
    parser.add_argument("--batch", type=int, default=0, help="rows run after the cold answer")
    parser.add_argument("--js-flags", default="", help="V8 flags for every visit")
    options = parser.parse_args(argv)
    if not (SITE / "calculator" / "index.html").is_file():
        print("wasm_cache: site/ is not built; run `make site` first")
        return
    extra = [f"--js-flags={options.js_flags}"] if options.js_flags else []
    print(f"load average {os.getloadavg()[0]:.1f}; V8 flags: {options.js_flags or 'none'}")
    with tempfile.TemporaryDirectory(prefix="wasm-cache-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(SITE, site)
        profile = Path(tmp) / "profile"
        with serve(site) as site_url, sync_playwright() as playwright:
            urls = Urls.for_sites(site_url, site_url)
            print("cold:", one_visit(playwright, profile, urls.calculator, extra, options.batch))
            for n in range(1, options.visits + 1):
                url = urls.repeat.replace("visit=2", f"visit=r{n}")
                print(f"repeat {n}:", one_visit(playwright, profile, url, extra, 0))


if __name__ == "__main__":
    main()
