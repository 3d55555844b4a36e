// The floor page's worker: the least a snapshot start can do, on the site's files.
const manifestURL = new URL("/assets/calculator/manifest.json", location.href);
const manifest = fetch(manifestURL, { cache: "no-cache" }).then((response) => response.json());

self.onmessage = async ({ data }) => {
  const { indexURL, lockInfo, snapshot } = await manifest;
  const index = new URL(indexURL, manifestURL).href;
  const bytes = fetch(new URL(snapshot, manifestURL)).then((response) =>
    new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
  );
  const { loadPyodide } = await import(new URL("pyodide.mjs", index).href);
  const pyodide = await loadPyodide({
    indexURL: index,
    lockFileContents: { info: lockInfo, packages: {} },
    packageBaseUrl: index,
    _loadSnapshot: bytes,
  });
  postMessage(pyodide.pyimport("calculator.bridge").assess_json(JSON.stringify(data)));
};
