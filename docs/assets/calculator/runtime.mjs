// Starts Python in the calculator's worker and imports the calculator.
//
// startRuntime(manifest, report) -> a Pyodide with `calculator.bridge` imported.
// `manifest` is assets/calculator/manifest.json with `indexURL` and `wheelURL`
// already absolute (and `manifestURL`, against which `snapshot` is resolved);
// `report(stage)` is told "download", "start" and "calculator" as loading moves
// on, so the page can say what the reader is waiting for.
//
// Two ways to start. The fast one restores a memory snapshot, made at build time,
// of a Python that has already started and imported the calculator: most of the
// wait is Python starting, and a restore skips it. It relies on Pyodide options
// that are not public API and on the snapshot matching these exact core files, so
// any failure on that way (no snapshot in the manifest, a missing or damaged file,
// an older browser, a restore error, a calculator that does not answer) falls back
// to the normal start, which always works. The worker then posts
// {type: "runtime", path: "snapshot" | "normal"} so the page can show which ran.

const GZIP_MAGIC = [0x1f, 0x8b];

export async function startRuntime(manifest, report) {
  report("download");
  if (manifest.snapshot) {
    try {
      const pyodide = await restoreSnapshot(manifest, report);
      announce("snapshot");
      return pyodide;
    } catch (error) {
      const reason = String(error?.message ?? error).split("\n")[0];
      console.info(`calculator: snapshot not used (${reason}); starting Python normally`);
    }
  }
  const pyodide = await startNormally(manifest, report);
  announce("normal");
  return pyodide;
}

function announce(path) {
  if (typeof postMessage === "function") postMessage({ type: "runtime", path });
}

async function restoreSnapshot(manifest, report) {
  if (typeof DecompressionStream !== "function") {
    throw new Error("this browser has no DecompressionStream");
  }
  const url = new URL(manifest.snapshot, manifest.manifestURL ?? manifest.indexURL).href;
  // Started before Pyodide's own files so that the downloads overlap; loadPyodide
  // sizes the WebAssembly memory from it, so it waits for it before instantiating.
  const snapshot = fetchSnapshot(url).then((bytes) => {
    report("start");
    return bytes;
  });
  snapshot.catch(() => {}); // loadPyodide handles the failure; no unhandled rejection
  const { loadPyodide } = await import(new URL("pyodide.mjs", manifest.indexURL).href);
  const pyodide = await loadPyodide({
    indexURL: manifest.indexURL,
    lockFileContents: { info: manifest.lockInfo, packages: {} },
    packageBaseUrl: manifest.indexURL,
    _loadSnapshot: snapshot,
  });
  report("calculator");
  // A restore that "worked" must also answer: the bridge refuses an empty case
  // with a JSON error, which proves the interpreter and the calculator both run.
  const bridge = pyodide.pyimport("calculator.bridge");
  try {
    const probe = JSON.parse(bridge.assess_json("{}"));
    if (typeof probe?.ok !== "boolean") throw new Error("the restored calculator gave no answer");
  } finally {
    bridge.destroy();
  }
  return pyodide;
}

/** The snapshot's bytes, gunzipped here unless the host already did (Content-Encoding). */
async function fetchSnapshot(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const first = await reader.read();
  if (first.done || first.value.length < GZIP_MAGIC.length) {
    throw new Error("snapshot: empty file");
  }
  const head = first.value;
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const gzipped = GZIP_MAGIC.every((byte, i) => head[i] === byte);
  const bytes = gzipped ? body.pipeThrough(new DecompressionStream("gzip")) : body;
  return new Response(bytes).arrayBuffer();
}

async function startNormally(manifest, report) {
  // Pyodide gives no progress events; the browser records each finished download,
  // and Python starts once both big files are in.
  const pending = new Set(["pyodide.asm.wasm", "python_stdlib.zip"]);
  let observer = null;
  if (typeof PerformanceObserver === "function") {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        pending.delete(entry.name.slice(entry.name.lastIndexOf("/") + 1));
      }
      if (pending.size === 0) {
        observer.disconnect();
        report("start");
      }
    });
    observer.observe({ type: "resource", buffered: true });
  }
  try {
    const { loadPyodide } = await import(new URL("pyodide.mjs", manifest.indexURL).href);
    const pyodide = await loadPyodide({
      indexURL: manifest.indexURL,
      // Only the lock's header is needed: no lockfile package is ever loaded.
      lockFileContents: { info: manifest.lockInfo, packages: {} },
      packageBaseUrl: manifest.indexURL,
    });
    observer?.disconnect();
    report("calculator");
    await pyodide.loadPackage(manifest.wheelURL, { messageCallback: () => {} });
    pyodide.pyimport("calculator.bridge");
    return pyodide;
  } finally {
    observer?.disconnect();
  }
}
