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
  // Another worker fetches and unpacks the snapshot while this one loads and
  // compiles the runtime. Where a worker cannot start one, the download starts
  // here first, but it is unpacked only once Pyodide has asked for its own files:
  // gunzipping takes this thread for a while, and the runtime's downloads and the
  // wasm's compiling must not wait behind it.
  const aside = unpackAside(url);
  const download = aside ? null : fetch(url);
  download?.catch(() => {}); // read below; its failure is reported there
  const { loadPyodide } = await import(new URL("pyodide.mjs", manifest.indexURL).href);
  let runtimeAsked;
  const asked = new Promise((resolve) => {
    runtimeAsked = resolve;
  });
  const snapshot = (aside ?? asked.then(() => download).then(readSnapshot)).then((bytes) => {
    report("start");
    return bytes;
  });
  snapshot.catch(() => {}); // loadPyodide handles the failure; no unhandled rejection
  const loading = loadPyodide({
    indexURL: manifest.indexURL,
    lockFileContents: { info: manifest.lockInfo, packages: {} },
    packageBaseUrl: manifest.indexURL,
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
function unpackAside(url) {
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
      if (data?.bytes instanceof ArrayBuffer) resolve(data.bytes);
      else reject(new Error(data?.error ?? "snapshot: no bytes"));
    };
    helper.onerror = (event) => {
      event.preventDefault();
      helper.terminate();
      resolve(fetch(url).then(readSnapshot));
    };
    helper.postMessage(url);
  });
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
