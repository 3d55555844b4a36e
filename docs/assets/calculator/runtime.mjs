// Starts Python in the calculator's worker and imports the calculator.
//
// startRuntime(manifest, report, wasmData) -> a Pyodide with `calculator.bridge` imported.
// `manifest` is assets/calculator/manifest.json with `indexURL` and `wheelURL`
// already absolute (and `manifestURL`, against which `snapshot` is resolved);
// `report(stage)` is told "download", "start" and "calculator" as loading moves
// on, so the page can say what the reader is waiting for; `wasmData` is a promise
// of the runtime wasm's data section, which the snapshot is packed against
// (image.mjs), taken from the wasm's one download.
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

export async function startRuntime(manifest, report, wasmData = Promise.reject(new Error("no wasm data"))) {
  report("download");
  wasmData.catch(() => {}); // read where it is needed
  if (manifest.snapshot) {
    try {
      const pyodide = await restoreSnapshot(manifest, report, wasmData);
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

async function restoreSnapshot(manifest, report, wasmData) {
  if (typeof DecompressionStream !== "function") {
    throw new Error("this browser has no DecompressionStream");
  }
  const url = new URL(manifest.snapshot, manifest.manifestURL ?? manifest.indexURL).href;
  // Another worker fetches and unpacks the snapshot while this one loads and
  // compiles the runtime. Where a worker cannot start one, the download starts
  // here first, but it is unpacked only once Pyodide has asked for its own files:
  // gunzipping takes this thread for a while, and the runtime's downloads and the
  // wasm's compiling must not wait behind it.
  const aside = unpackAside(url, wasmData);
  const download = aside ? null : fetch(url);
  download?.catch(() => {}); // read below; its failure is reported there
  const { loadPyodide } = await import(new URL("pyodide.mjs", manifest.indexURL).href);
  let runtimeAsked;
  const asked = new Promise((resolve) => {
    runtimeAsked = resolve;
  });
  const here = () => asked.then(() => download).then(readSnapshot).then((bytes) => unpackSnapshot(bytes, wasmData));
  const snapshot = (aside ?? here()).then((bytes) => {
    report("start");
    return bytes;
  });
  snapshot.catch(() => {}); // loadPyodide handles the failure; no unhandled rejection
  // A restored interpreter has imported all it runs: it gets the build's empty
  // standard library, not the 2.5 MB one (sitebuild/snapshot.py says why that is safe).
  const stdlib = manifest.snapshotStdlib ? new URL(manifest.snapshotStdlib, manifest.manifestURL ?? manifest.indexURL).href : undefined;
  const loading = loadPyodide({
    indexURL: manifest.indexURL,
    lockFileContents: { info: manifest.lockInfo, packages: {} },
    packageBaseUrl: manifest.indexURL,
    stdLibURL: stdlib,
    _loadSnapshot: snapshot,
  });
  // loadPyodide has sent its requests (the wasm, the standard library, then its
  // own loader) by the time a task has passed.
  setTimeout(runtimeAsked, 0);
  const pyodide = await loading;
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

/** The snapshot's bytes from unpack.mjs in a worker of its own, or null where no
 * worker starts here; if that worker fails to start, this thread reads them. */
function unpackAside(url, wasmData) {
  if (typeof Worker !== "function") return null;
  let helper;
  try {
    helper = new Worker(new URL("unpack.mjs", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
  return new Promise((resolve, reject) => {
    helper.onmessage = ({ data }) => {
      helper.terminate();
      if (data?.bytes instanceof ArrayBuffer) resolve(new Uint8Array(data.bytes));
      else reject(new Error(data?.error ?? "snapshot: no bytes"));
    };
    helper.onerror = (event) => {
      event.preventDefault();
      helper.terminate();
      resolve(fetch(url).then(readSnapshot).then((bytes) => unpackSnapshot(bytes, wasmData)));
    };
    helper.postMessage({ url });
    wasmData.then(
      (section) => helper.postMessage({ section }),
      () => helper.postMessage({ section: null }),
    );
  });
}

/** A snapshot packed against the wasm's data (image.mjs) unpacked, once that data is
 * in; a plain Pyodide snapshot as it is. */
export async function unpackSnapshot(buffer, wasmData) {
  const { isPacked, unpackImage } = await import("./image.mjs");
  const bytes = new Uint8Array(buffer);
  if (!isPacked(bytes)) return bytes;
  const section = await wasmData;
  if (!section) throw new Error("snapshot: the runtime's wasm did not arrive");
  return unpackImage(bytes, section);
}

/** The snapshot's bytes, gunzipped as they arrive unless they are not gzip: the
 * offline copy keeps them unpacked, and a host may have sent them with
 * Content-Encoding. Only a copy's first bytes pass through JavaScript. */
export async function readSnapshot(response) {
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const peek = response.clone().body.getReader();
  const first = await peek.read();
  peek.cancel().catch(() => {});
  if (first.done || first.value.length < GZIP_MAGIC.length) {
    throw new Error("snapshot: empty file");
  }
  if (!GZIP_MAGIC.every((byte, i) => first.value[i] === byte)) return response.arrayBuffer();
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
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
