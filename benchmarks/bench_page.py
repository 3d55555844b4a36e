"""How long a reader waits on the calculator page, against a bare and a floor page.

Serves the built site (`make site`) with the project's own server, plus two bench
pages on the same files: benchmarks/pages/bare.html does only loadPyodide +
loadPackage(wheel) and one answer on the main thread; benchmarks/pages/floor.html
is the least a snapshot start can do (a worker that restores the snapshot and calls
the bridge once, no theme, no form); benchmarks/pages/worker-floor.html runs the
calculator's own worker.mjs on an empty page, which splits the calculator page's
distance from the floor into the worker's part and the page's. Drives Debian's
Chromium in fresh browser contexts (a fresh in-memory profile each) and prints a
Markdown table of medians of five, with the ratios the page is held to.

Times come from inside the page (`performance.now()`, whose origin is the start of
navigation), recorded by an init script the moment the cards are in the document,
so polling from the test driver adds nothing to them.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from chromium import ARGS as CHROMIUM_ARGS  # noqa: E402 -- scripts/ is not a package
from chromium import EXECUTABLE as CHROMIUM  # noqa: E402
from serve import SiteHandler, serving  # noqa: E402

from sitebuild.languages import TRANSLATED  # noqa: E402
from sitebuild.offline import write_service_worker  # noqa: E402

SITE = ROOT / "site"
PAGES = Path(__file__).resolve().parent / "pages"
BENCH_PREFIX = "/__bench__/"
SAMPLES = 5
EDITS = 200
BATCH_ROWS = 10_000
TIMEOUT_MS = 180_000
CASE = {
    "order-date": "2026-10-01",
    "shipped": "2026-10-03",
    "delivered": "2026-10-20",
    "today": "2026-11-26",
}
GUIDE_PAGE = "refunds/time-limits/"
GUIDE_SETTLE_MS = 1000

# Targets from the calculator page's requirements.
TARGET_NORMAL_RATIO = 1.10
TARGET_SNAPSHOT_RATIO = 0.20  # issue 19: a cold first answer at most 0.20 of the bare page
TARGET_FLOOR_RATIO = 1.2
TARGET_REPEAT_RATIO = 0.12
TARGET_P95_MS = 16.0
TARGET_LONGEST_TASK_MS = 200.0
TARGET_TBT_MS = 50.0
TARGET_BATCH_MS = 1500.0
TARGET_COLD_BYTES = 8 * 2**20
LONG_TASK_MS = 50.0
# Headless Chromium's own omnibox WebUI renderer costs about a second of CPU per
# fresh context on two cores; without these, part of every figure is Chromium's.
BENCH_ARGS = [
    "--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,"
    "WebUIOmniboxFullPopup,WebUIOmniboxAimPopup",
]

# Recorded in every page before its own scripts run: when the first answer is in the
# document, the main thread's long tasks, which start the worker reported, and when
# the page posted each question to the worker.
PROBE = """
window.__firstAnswer = null;
window.__longTasks = [];
window.__runtimePaths = [];
window.__posted = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
} catch (error) {}
// The first answer is in when the headline shows the engine's next step.
const answered = () =>
  document.getElementById("calc-result")?.dataset.state === "ready" &&
  Boolean(document.getElementById("calc-next")?.textContent);
new MutationObserver(() => {
  if (window.__firstAnswer === null && answered()) window.__firstAnswer = performance.now();
}).observe(document, { subtree: true, childList: true, attributes: true });
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({ data }) => {
      if (data && data.type === "runtime") window.__runtimePaths.push(data.path);
    });
  }
  postMessage(message, ...rest) {
    if (message && message.op) window.__posted.push([message.op, performance.now()]);
    return super.postMessage(message, ...rest);
  }
};
"""

# One edit at a time: change the delivery date (to a different valid day each time,
# so every answer differs), then time the input event, the question posted to the
# worker (after any pause the page waits for), and the answer in the page.
EDIT_LOOP = """
async ({ edits, shipped }) => {
  const input = document.getElementById("delivered");
  const box = document.getElementById("calc-result");
  const start = new Date(shipped + "T00:00:00Z");
  const samples = [];
  for (let i = 0; i < edits; i++) {
    const day = new Date(start.getTime() + (1 + ((i * 7) % 50)) * 86400000);
    const changed = new Promise((resolve) => {
      const seen = new MutationObserver(() => { seen.disconnect(); resolve(performance.now()); });
      seen.observe(box, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const before = window.__posted.length;
    const typed = performance.now();
    input.value = day.toISOString().slice(0, 10);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const shown = await changed;
    const posted = window.__posted.slice(before).find(([op]) => op === "assess");
    samples.push([shown - typed, posted ? shown - posted[1] : null]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return samples;
}
"""

BATCH_RUN = """
async (csv) => {
  const area = document.getElementById("batch-csv");
  const rows = () => document.querySelectorAll("#batch-table tbody tr").length;
  const done = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (rows() > 0) { seen.disconnect(); resolve(performance.now()); }
    });
    seen.observe(document.getElementById("batch-table"), { subtree: true, childList: true });
  });
  const pasted = performance.now();
  area.value = csv;
  area.dispatchEvent(new Event("input", { bubbles: true }));
  const shown = await done;
  return [shown - pasted, document.getElementById("batch-status").textContent];
}
"""


class BenchHandler(SiteHandler):
    """The site as served to readers, plus the bench pages under one private prefix."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if url_path.startswith(BENCH_PREFIX):
            return str(PAGES / Path(url_path[len(BENCH_PREFIX) :]).name)
        return super().translate_path(path)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(BenchHandler, directory=str(site))
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), handler)) as url:
        SERVED[url] = site
        try:
            yield url
        finally:
            del SERVED[url]


# The folder each bench server serves, by its URL: where a response's body can no
# longer be read from the browser, it is the file that was sent.
SERVED: dict[str, Path] = {}


def body_of(response: Any) -> bytes:
    """The bytes a response carried. A worker that is done is terminated, and the
    browser forgets its requests' bodies with it (the snapshot's, read by unpack.mjs,
    went uncounted in some runs); a static server sent the file itself."""
    try:
        body: bytes = response.body()
    except Exception:
        for url, site in SERVED.items():
            path = urlsplit(response.url).path
            if response.url.startswith(url) and response.status == 200:
                file = site / path.lstrip("/")
                sent: bytes = (file / "index.html" if file.is_dir() else file).read_bytes()
                return sent
        raise
    return body


@dataclass
class Visit:
    """What one page load showed: time to first answer, the start used, long tasks."""

    first_answer_ms: float
    runtime: str
    long_tasks: list[tuple[float, float]] = field(default_factory=list)

    @property
    def longest_task_ms(self) -> float:
        return max((d for s, d in self.long_tasks if s < self.first_answer_ms), default=0.0)

    @property
    def blocking_ms(self) -> float:
        """Total blocking time from navigation to the first answer."""
        return sum(
            max(0.0, d - LONG_TASK_MS) for s, d in self.long_tasks if s < self.first_answer_ms
        )


def visit(page: Any, url: str) -> Visit:
    page.goto(url)
    page.wait_for_function("window.__firstAnswer !== null", timeout=TIMEOUT_MS, polling=50)
    data = page.evaluate("() => [window.__firstAnswer, window.__runtimePaths, window.__longTasks]")
    answer, paths, tasks = data
    return Visit(
        first_answer_ms=float(answer),
        runtime=",".join(paths) or "main thread",
        long_tasks=[(float(s), float(d)) for s, d in tasks],
    )


def without_snapshot(site: Path, to: Path) -> None:
    """The same site as a build that made no snapshot: the manifest says so.

    A second copy on its own server, rather than a routed request, so that the
    normal start is timed with nothing in the way that the snapshot start lacks.
    """
    shutil.copytree(site, to, copy_function=os.link)
    manifest = to / "assets" / "calculator" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["snapshot"] = None
    manifest.unlink()  # a hard link: writing through it would change the original
    manifest.write_text(json.dumps(data), encoding="utf-8")


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def batch_csv(rows: int) -> str:
    """Orders spread over the weeks before the case's today, some delivered."""
    today = date.fromisoformat(CASE["today"])
    lines = ["order_id,order_date,shipped,delivered"]
    for n in range(rows):
        ordered = today - timedelta(days=5 + n % 90)
        shipped = ordered + timedelta(days=1 + n % 4)
        delivered = (shipped + timedelta(days=10 + n % 20)) if n % 3 == 0 else None
        if delivered is not None and delivered > today:
            delivered = None
        cells = [f"AE{n:06d}", ordered.isoformat(), shipped.isoformat()]
        cells.append(delivered.isoformat() if delivered else "")
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


@dataclass
class Transfer:
    """Bytes a page fetched: as the server sent them, and gzip-compressed per file."""

    files: int = 0
    served: int = 0
    gzipped: int = 0
    pyodide_files: int = 0

    def line(self) -> str:
        return f"{mib(self.served)} / {mib(self.gzipped)} in {self.files} files"

    def add(self, url: str, body: bytes) -> None:
        self.files += 1
        self.served += len(body)
        self.gzipped += len(gzip.compress(body, compresslevel=6))
        if "/assets/pyodide/" in url or "/assets/calculator/" in url:
            self.pyodide_files += 1


def measure_transfer(browser: Any, url: str, wait: Callable[[Any], None]) -> Transfer:
    transfer = Transfer()
    context = browser.new_context()
    bodies: list[tuple[str, bytes]] = []

    def keep(response: Any) -> None:
        with contextlib.suppress(Exception):  # a redirect or an aborted request has no body
            bodies.append((response.url, body_of(response)))

    context.on("response", keep)
    page = context.new_page()
    page.goto(url)
    wait(page)
    page.wait_for_load_state("networkidle")
    context.close()
    for response_url, body in bodies:
        transfer.add(response_url, body)
    return transfer


@dataclass
class Visits:
    """Bytes over the wire for a cold visit (the page's own files, then what the
    offline copy fetches after the answer) and for a repeat visit."""

    page: Transfer = field(default_factory=Transfer)
    offline_copy: Transfer = field(default_factory=Transfer)
    repeat: Transfer = field(default_factory=Transfer)


def measure_visits(browser: Any, url: str, repeat_url: str) -> Visits:
    visits = Visits()
    context = browser.new_context()
    bodies: list[tuple[str, bytes, Transfer]] = []
    current = {"visit": visits.page}

    def keep(response: Any) -> None:
        if response.from_service_worker or response.status == 304:
            return  # not over the wire
        into = visits.offline_copy if response.request.service_worker else current["visit"]
        with contextlib.suppress(Exception):
            bodies.append((response.url, body_of(response), into))

    context.on("response", keep)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#calc-result[data-offline=ready]", state="attached", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    current["visit"] = visits.repeat
    page.goto(repeat_url)
    page.wait_for_function("window.__firstAnswer !== null", timeout=TIMEOUT_MS, polling=50)
    page.wait_for_load_state("networkidle")
    context.close()
    for response_url, body, into in bodies:
        into.add(response_url, body)
    return visits


def mib(size: int) -> str:
    return f"{size / 2**20:.2f} MiB"


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


@dataclass(frozen=True)
class Urls:
    """The pages measured; the normal start is served from a site without a snapshot."""

    site: str
    calculator: str
    repeat: str
    offline: str
    normal: str
    bare: str
    floor: str
    worker: str
    languages: dict[str, str]
    """Each other language's calculator page, by its start's kind ("snapshot_es")."""

    @classmethod
    def for_sites(cls, site_url: str, normal_site_url: str) -> Urls:
        fragment = f"#{urlencode(CASE)}"
        bench = f"{site_url}{BENCH_PREFIX.strip('/')}/"
        return cls(
            site=site_url,
            calculator=f"{site_url}calculator/{fragment}",
            repeat=f"{site_url}calculator/?visit=2{fragment}",
            offline=f"{site_url}calculator/?visit=3{fragment}",
            normal=f"{normal_site_url}calculator/{fragment}",
            bare=f"{bench}bare.html{fragment}",
            floor=f"{bench}floor.html{fragment}",
            worker=f"{bench}worker-floor.html{fragment}",
            languages={
                f"snapshot_{lang.code}": f"{site_url}{lang.prefix}calculator/{fragment}"
                for lang in TRANSLATED
            },
        )


def run(
    urls: Urls, only: tuple[str, ...] | None = None, variant: Urls | None = None
) -> list[tuple[str, str, str, str]]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *BENCH_ARGS]
        )
        try:
            if only is None:
                return measure(browser, urls)
            starts = tuple(kind for kind in only if kind in KINDS)
            rows = start_rows(sample_starts(browser, urls, starts, variant)) if starts else []
            if BYTES in only:
                visits = measure_visits(browser, urls.calculator, urls.repeat)
                guide = measure_transfer(browser, f"{urls.site}{GUIDE_PAGE}", lambda p: None)
                rows += byte_rows(visits, guide)
            return rows + measure_interactions(browser, urls, only)
        finally:
            browser.close()


def fresh_page(browser: Any) -> tuple[Any, Any]:
    context = browser.new_context()
    context.add_init_script(PROBE)
    return context, context.new_page()


# The other languages' calculator pages (/es/calculator/, ...), on the same runtime.
LANGUAGE_KINDS = tuple(f"snapshot_{lang.code}" for lang in TRANSLATED)
KINDS = ("snapshot", "repeat", "offline", "normal", "bare", "floor", "worker", *LANGUAGE_KINDS)
# The B side of an A/B run (`--without KEY`): the same site, its manifest without KEY.
VARIANT = " (B)"
# Not a start: `--only bytes` measures what crosses the wire (cold, offline copy, repeat).
BYTES = "bytes"
# Not starts either: `--only edits` times edits to answers, `--only batch` the batch panel.
EDITS_KIND = "edits"
BATCH_KIND = "batch"
EDIT_RUNS = 3
OTHERS = (BYTES, EDITS_KIND, BATCH_KIND)


def sample_starts(
    browser: Any, urls: Urls, kinds: tuple[str, ...] = KINDS, variant: Urls | None = None
) -> dict[str, list[Visit]]:
    """SAMPLES visits of each kind in `kinds`, interleaved, so that a slow spell of
    the machine hits every kind alike. A repeat or offline visit needs a first one,
    so asking for either also runs (and reports) the cold snapshot start. With a
    `variant` site (`--without KEY`), its snapshot, repeat and offline visits are
    sampled alongside, as kind + VARIANT."""
    runs: dict[str, list[Visit]] = {kind: [] for kind in kinds}
    visits_site = any(kind in kinds for kind in ("snapshot", "repeat", "offline"))
    sites = [(urls, "")] + ([(variant, VARIANT)] if variant else [])
    for sample in range(SAMPLES):
        # A and B alternate which goes first, so neither always meets a warmer machine.
        for site_urls, suffix in sites[:: 1 if sample % 2 == 0 else -1] if visits_site else []:
            context, page = fresh_page(browser)
            runs.setdefault("snapshot" + suffix, []).append(visit(page, site_urls.calculator))
            if "repeat" in kinds or "offline" in kinds:
                # The next visits come once the offline copy is complete, as they
                # would for a reader coming back later.
                page.wait_for_selector(
                    "#calc-result[data-offline=ready]", state="attached", timeout=TIMEOUT_MS
                )
                page.wait_for_load_state("networkidle")
                if "repeat" in kinds:
                    runs.setdefault("repeat" + suffix, []).append(visit(page, site_urls.repeat))
                if "offline" in kinds:
                    context.set_offline(True)
                    runs.setdefault("offline" + suffix, []).append(visit(page, site_urls.offline))
            context.close()
        others = [
            ("normal", urls.normal),
            ("bare", urls.bare),
            ("floor", urls.floor),
            ("worker", urls.worker),
        ]
        for kind, url in [*others, *urls.languages.items()]:
            if kind in kinds:
                context, page = fresh_page(browser)
                runs[kind].append(visit(page, url))
                context.close()
    for kind, used_by, want in (
        (
            "snapshot",
            [v for k in ("snapshot", "repeat", "offline") for v in runs.get(k, [])],
            "snapshot",
        ),
        ("normal", runs.get("normal", []), "normal"),
        *((kind, runs.get(kind, []), "snapshot") for kind in LANGUAGE_KINDS),
    ):
        used = {v.runtime for v in used_by}
        if used_by and used != {want}:
            print(f"warning: the {kind} runs used {sorted(used)}", flush=True)
    return runs


def language_name(kind: str) -> str:
    return f"First answer on /{kind.removeprefix('snapshot_')}/calculator/, snapshot start (cold)"


def start_rows(runs: dict[str, list[Visit]]) -> list[tuple[str, str, str, str]]:
    """The medians of the kinds sampled (for `--only`), and the ratios between them
    where both sides were measured in this run."""
    names = {
        **{kind: language_name(kind) for kind in LANGUAGE_KINDS},
        "snapshot": "First answer, snapshot start (cold)",
        "repeat": "Repeat visit (offline copy in place)",
        "offline": "Offline reload",
        "normal": "First answer, normal start (cold)",
        "bare": "Bare page (cold)",
        "floor": "Floor page (cold)",
        "worker": "Worker floor page: the calculator's worker, no page (cold)",
    }
    ms = {kind: median([v.first_answer_ms for v in got]) for kind, got in runs.items() if got}
    rows = [(names[kind], f"{ms[kind]:.0f} ms", "", "") for kind in KINDS if kind in ms]
    for kind in ("snapshot", "repeat", "offline"):
        if kind + VARIANT in ms and kind in ms:
            b = ms[kind + VARIANT]
            rows.append((f"{names[kind]}{VARIANT}", f"{b:.0f} ms", "", ""))
            rows.append((f"{names[kind]}: A / B", f"{ms[kind] / b:.2f}", "", ""))
            for over in ("bare", "floor"):
                if over in ms:
                    rows.append(
                        (f"{names[kind]}{VARIANT} / {over} page", f"{b / ms[over]:.2f}", "", "")
                    )
    for kind in ("snapshot", "repeat", "normal"):
        if kind in ms:
            got = runs[kind]
            rows.append(
                (
                    f"{names[kind]}: longest task / total blocking time",
                    f"{median([v.longest_task_ms for v in got]):.0f}"
                    f" / {median([v.blocking_ms for v in got]):.0f} ms",
                    f"< {TARGET_TBT_MS:.0f} ms",
                    verdict(median([v.blocking_ms for v in got]) < TARGET_TBT_MS),
                )
            )
    # No target: where the distance from the floor lies, the worker or the page around it.
    for kind, over, name in (
        ("worker", "floor", "Worker floor page / floor page"),
        ("snapshot", "worker", "First answer, snapshot start (cold) / worker floor page"),
    ):
        if kind in ms and over in ms:
            rows.append((name, f"{ms[kind] / ms[over]:.2f}", "", ""))
    for kind, over, target in (
        ("snapshot", "bare", TARGET_SNAPSHOT_RATIO),
        *((kind, "bare", TARGET_SNAPSHOT_RATIO) for kind in LANGUAGE_KINDS),
        ("snapshot", "floor", TARGET_FLOOR_RATIO),
        ("normal", "bare", TARGET_NORMAL_RATIO),
        ("repeat", "bare", TARGET_REPEAT_RATIO),
        ("offline", "bare", TARGET_REPEAT_RATIO),
    ):
        if kind in ms and over in ms:
            ratio = ms[kind] / ms[over]
            rows.append(
                (
                    f"{names[kind]} / {over} page",
                    f"{ratio:.2f}",
                    f"<= {target}",
                    verdict(ratio <= target),
                )
            )
    return rows


def measure(browser: Any, urls: Urls) -> list[tuple[str, str, str, str]]:
    runs = sample_starts(browser, urls)
    snapshot, repeat, offline = runs["snapshot"], runs["repeat"], runs["offline"]
    normal, bare, floor = runs["normal"], runs["bare"], runs["floor"]

    context, page = fresh_page(browser)
    visit(page, urls.calculator)
    typed, answered = edit_times(page)
    batch_ms, batch_status = batch_time(page)
    context.close()

    # The theme's own start-up on a page without the calculator, for comparison.
    guide_longest: list[float] = []
    for _ in range(SAMPLES):
        context, page = fresh_page(browser)
        page.goto(f"{urls.site}{GUIDE_PAGE}")
        page.wait_for_load_state("load")
        page.wait_for_timeout(GUIDE_SETTLE_MS)
        tasks = page.evaluate("window.__longTasks")
        guide_longest.append(max((float(d) for _, d in tasks), default=0.0))
        context.close()

    visits = measure_visits(browser, urls.calculator, urls.repeat)
    guide_bytes = measure_transfer(browser, f"{urls.site}{GUIDE_PAGE}", lambda p: None)

    snap_ms = median([v.first_answer_ms for v in snapshot])
    repeat_ms = median([v.first_answer_ms for v in repeat])
    offline_ms = median([v.first_answer_ms for v in offline])
    normal_ms = median([v.first_answer_ms for v in normal])
    bare_ms = median([v.first_answer_ms for v in bare])
    floor_ms = median([v.first_answer_ms for v in floor])
    worker_ms = median([v.first_answer_ms for v in runs["worker"]])
    longest = median([v.longest_task_ms for v in snapshot])
    tbt = median([v.blocking_ms for v in snapshot])
    repeat_tbt = median([v.blocking_ms for v in repeat])
    normal_longest = median([v.longest_task_ms for v in normal])
    normal_tbt = median([v.blocking_ms for v in normal])
    bare_tbt = median([v.blocking_ms for v in bare])
    languages = {kind: median([v.first_answer_ms for v in runs[kind]]) for kind in LANGUAGE_KINDS}
    rows = [
        ("First answer, snapshot start (cold)", f"{snap_ms:.0f} ms", "", ""),
        *(
            (
                f"{language_name(kind)} / bare page",
                f"{ms:.0f} ms = {ms / bare_ms:.2f}",
                f"<= {TARGET_SNAPSHOT_RATIO}",
                verdict(ms / bare_ms <= TARGET_SNAPSHOT_RATIO),
            )
            for kind, ms in languages.items()
        ),
        ("First answer, normal start (cold)", f"{normal_ms:.0f} ms", "", ""),
        ("Bare page: loadPyodide + loadPackage, main thread (cold)", f"{bare_ms:.0f} ms", "", ""),
        (
            "Floor page: snapshot restore in a worker, one answer (cold)",
            f"{floor_ms:.0f} ms",
            "",
            "",
        ),
        (
            "Worker floor page: the calculator's own worker, no page (cold)",
            f"{worker_ms:.0f} ms = {worker_ms / floor_ms:.2f} of the floor page",
            "",
            "",
        ),
        (
            "Cold first answer / bare page",
            f"{snap_ms / bare_ms:.2f}",
            f"<= {TARGET_SNAPSHOT_RATIO}",
            verdict(snap_ms / bare_ms <= TARGET_SNAPSHOT_RATIO),
        ),
        (
            "Cold first answer / floor page",
            f"{snap_ms / floor_ms:.2f}",
            f"<= {TARGET_FLOOR_RATIO}",
            verdict(snap_ms / floor_ms <= TARGET_FLOOR_RATIO),
        ),
        (
            "Normal start / bare page",
            f"{normal_ms / bare_ms:.2f}",
            f"<= {TARGET_NORMAL_RATIO}",
            verdict(normal_ms / bare_ms <= TARGET_NORMAL_RATIO),
        ),
        (
            "Repeat visit (offline copy in place) / bare page cold",
            f"{repeat_ms:.0f} ms = {repeat_ms / bare_ms:.2f}",
            f"<= {TARGET_REPEAT_RATIO}",
            verdict(repeat_ms / bare_ms <= TARGET_REPEAT_RATIO),
        ),
        (
            "Offline reload / bare page cold",
            f"{offline_ms:.0f} ms = {offline_ms / bare_ms:.2f}",
            f"<= {TARGET_REPEAT_RATIO}",
            verdict(offline_ms / bare_ms <= TARGET_REPEAT_RATIO),
        ),
        *edit_rows([(typed, answered)]),
        (
            "Longest main-thread task while loading (snapshot / normal start)",
            f"{longest:.0f} / {normal_longest:.0f} ms",
            f"<= {TARGET_LONGEST_TASK_MS:.0f} ms",
            verdict(max(longest, normal_longest) <= TARGET_LONGEST_TASK_MS),
        ),
        (
            "Total blocking time while loading (cold / repeat / normal start; bare page)",
            f"{tbt:.0f} / {repeat_tbt:.0f} / {normal_tbt:.0f} ms; {bare_tbt:.0f} ms",
            f"< {TARGET_TBT_MS:.0f} ms",
            verdict(max(tbt, repeat_tbt, normal_tbt) < TARGET_TBT_MS),
        ),
        (
            "Longest main-thread task on a guide page (the theme's start-up, no calculator)",
            f"{median(guide_longest):.0f} ms",
            "",
            "",
        ),
        *batch_rows([(batch_ms, batch_status)]),
    ]
    return rows + byte_rows(visits, guide_bytes)


def edit_times(page: Any) -> tuple[list[float], list[float]]:
    """EDITS edits on a page showing an answer: input event to answer shown, and
    question posted to answer shown."""
    edits = page.evaluate(EDIT_LOOP, {"edits": EDITS, "shipped": CASE["shipped"]})
    typed = [float(t) for t, _ in edits]
    answered = [float(a) for _, a in edits if a is not None]
    return typed, answered


def batch_time(page: Any) -> tuple[float, str]:
    """The BATCH_ROWS-row batch pasted on a page showing an answer: paste to table."""
    batch_ms, batch_status = page.evaluate(BATCH_RUN, batch_csv(BATCH_ROWS))
    return float(batch_ms), str(batch_status)


def edit_rows(runs: list[tuple[list[float], list[float]]]) -> list[tuple[str, str, str, str]]:
    """One row per run of EDITS edits; the target is met when every run meets it."""
    rows = []
    for number, (typed, answered) in enumerate(runs, start=1):
        run = f" (run {number} of {len(runs)})" if len(runs) > 1 else ""
        p50_typed, p95_typed = percentile(typed, 0.5), percentile(typed, 0.95)
        p50_after, p95_after = percentile(answered, 0.5), percentile(answered, 0.95)
        rows += [
            (
                f"Edit to answer shown, p50 / p95 of {len(typed)} edits (input event to cards)"
                + run,
                f"{p50_typed:.1f} / {p95_typed:.1f} ms",
                f"p95 <= {TARGET_P95_MS:.0f} ms",
                verdict(p95_typed <= TARGET_P95_MS),
            ),
            (
                "Question posted to the worker to answer shown, p50 / p95" + run,
                f"{p50_after:.1f} / {p95_after:.1f} ms",
                "",
                "",
            ),
        ]
    return rows


def batch_rows(runs: list[tuple[float, str]]) -> list[tuple[str, str, str, str]]:
    """The median of the batch runs; every run must have shown every row."""
    times = [ms for ms, _ in runs]
    whole = all(str(BATCH_ROWS) in status for _, status in runs)
    spread = f" (of {len(runs)}: {min(times):.0f} to {max(times):.0f} ms)" if len(runs) > 1 else ""
    return [
        (
            f"{BATCH_ROWS:,}-row batch, paste to table",
            f"{median(times):.0f} ms{spread}",
            f"<= {TARGET_BATCH_MS:.0f} ms",
            verdict(median(times) <= TARGET_BATCH_MS and whole),
        )
    ]


def measure_interactions(
    browser: Any, urls: Urls, kinds: tuple[str, ...]
) -> list[tuple[str, str, str, str]]:
    """`--only edits` (three runs of EDITS edits) and `--only batch` (the batch, SAMPLES
    times): each run in a fresh context, on the calculator page once it has answered."""
    edits: list[tuple[list[float], list[float]]] = []
    batches: list[tuple[float, str]] = []
    runs = {EDITS_KIND: EDIT_RUNS, BATCH_KIND: SAMPLES}
    for kind in (EDITS_KIND, BATCH_KIND):
        for _ in range(runs[kind] if kind in kinds else 0):
            context, page = fresh_page(browser)
            visit(page, urls.calculator)
            if kind == EDITS_KIND:
                edits.append(edit_times(page))
            else:
                batches.append(batch_time(page))
            context.close()
    return (edit_rows(edits) if edits else []) + (batch_rows(batches) if batches else [])


def byte_rows(visits: Visits, guide_bytes: Transfer) -> list[tuple[str, str, str, str]]:
    """What crosses the wire for a cold visit, the offline copy, a repeat visit and a
    guide page."""
    return [
        (
            "Bytes over the wire, cold visit to the answer (as served / gzip)",
            visits.page.line(),
            f"gzip <= {mib(TARGET_COLD_BYTES)}",
            verdict(visits.page.gzipped <= TARGET_COLD_BYTES),
        ),
        (
            "Bytes over the wire, then the offline copy (as served / gzip)",
            visits.offline_copy.line(),
            "",
            "",
        ),
        ("Bytes over the wire, repeat visit (as served / gzip)", visits.repeat.line(), "", ""),
        (
            "Bytes fetched, a guide page (as served / gzip per file)",
            f"{guide_bytes.line()}, {guide_bytes.pyodide_files} of the calculator's",
            "0 calculator files",
            verdict(guide_bytes.pyodide_files == 0),
        ),
    ]


def parse_only(argv: list[str]) -> tuple[tuple[str, ...] | None, str | None]:
    """`--only repeat,floor` samples only those kinds of start (see KINDS) and prints
    their medians and ratios, `--only bytes` the bytes over the wire, `--only edits`
    and `--only batch` the edits' and the batch's times; without it, every figure is
    measured. `--without KEY` (with --only) is an A/B run: the site
    as built (A) against the same site whose manifest lacks KEY (B), visits of both
    alternating in the same run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_page")
    parser.add_argument(
        "--only",
        help=f"comma-separated kinds of start: {','.join(KINDS)}, or {', '.join(OTHERS)}",
    )
    parser.add_argument("--without", help="B side: the manifest without this key")
    parsed = parser.parse_args(argv)
    only, without = parsed.only, parsed.without
    if only is None:
        if without:
            parser.error("--without needs --only")
        return None, None
    kinds = tuple(kind.strip() for kind in only.split(",") if kind.strip())
    unknown = sorted(set(kinds) - {*KINDS, *OTHERS})
    if unknown or not kinds:
        parser.error(
            f"--only: unknown kind {', '.join(unknown) or '(none)'};"
            f" use {','.join((*KINDS, *OTHERS))}"
        )
    return kinds, without


def without_key(site: Path, to: Path, key: str) -> None:
    """The same site with `key` taken out of the calculator's manifest (hard links but
    for the manifest and the service worker, whose list of files checks the
    manifest's hash, so the B side gets its offline copy too)."""
    shutil.copytree(site, to, copy_function=os.link)
    manifest = to / "assets" / "calculator" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data.pop(key, None)
    manifest.unlink()
    manifest.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if (to / "sw.js").exists():
        (to / "sw.js").unlink()
        write_service_worker(to)


def main(argv: list[str] | None = None) -> None:
    only, without = parse_only(sys.argv[1:] if argv is None else argv)
    if not (SITE / "calculator" / "index.html").is_file():
        print("bench_page: site/ is not built; run `make bench` (it builds the site first)")
        return
    load_before = os.getloadavg()[0]
    # A copy, so that a rebuild of site/ during the run cannot pull files away.
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(SITE, site)
        without_snapshot(site, Path(tmp) / "normal")
        without_key(site, Path(tmp) / "variant", without or "")
        with (
            serve(site) as site_url,
            serve(Path(tmp) / "normal") as normal_site_url,
            serve(Path(tmp) / "variant") as variant_url,
        ):
            variant = Urls.for_sites(variant_url, normal_site_url) if without else None
            rows = run(Urls.for_sites(site_url, normal_site_url), only, variant)
    load_after = os.getloadavg()[0]
    print(
        f"Median of {SAMPLES} fresh browser contexts, headless Chromium, loopback server;"
        f" {os.cpu_count()} CPUs, load average {load_before:.1f} before, {load_after:.1f} after.\n"
    )
    if without:
        print(f"A: the site as built; B: the same site, its manifest without {without!r}.\n")
    print("| Measure | Result | Target | Met |")
    print("|---|---|---|---|")
    for name, result, target, met in rows:
        print(f"| {name} | {result} | {target} | {met} |")


if __name__ == "__main__":
    main()
