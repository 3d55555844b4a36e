// Starts Python in the calculator's worker and imports the calculator.
//
// startRuntime(manifest, report) -> a Pyodide with `calculator.bridge` imported.
// `manifest` is assets/calculator/manifest.json with `indexURL` and `wheelURL`
// already absolute; `report(stage)` is told "download", "start" and "calculator"
// as loading moves on, so the page can say what the reader is waiting for.

export async function startRuntime(manifest, report) {
  report("download");
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
