// The floor page's worker: the least a snapshot start can do, on the site's files.
// The snapshot is unpacked against the wasm's data, as the calculator does it: the
// wasm's one download is kept when Pyodide fetches it.
const manifestURL = new URL("/assets/calculator/manifest.json", location.href);
const manifest = fetch(manifestURL, { cache: "no-cache" }).then((response) => response.json());
const image = import("/assets/calculator/image.mjs");
let wasmFetched;
const wasm = new Promise((resolve) => {
  wasmFetched = resolve;
});
const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const response = await plainFetch(input, init);
  if (String(input?.url ?? input).endsWith("/pyodide.asm.wasm")) {
    wasmFetched(response.clone().arrayBuffer());
  }
  return response;
};

self.onmessage = async ({ data }) => {
  const { indexURL, lockInfo, snapshot, snapshotStdlib } = await manifest;
  const index = new URL(indexURL, manifestURL).href;
  const { dataSection, isPacked, unpackImage } = await image;
  const bytes = fetch(new URL(snapshot, manifestURL))
    .then((response) =>
      new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer(),
    )
    .then(async (buffer) => {
      const packed = new Uint8Array(buffer);
      if (!isPacked(packed)) return packed;
      return unpackImage(packed, dataSection(new Uint8Array(await wasm)));
    });
  const { loadPyodide } = await import(new URL("pyodide.mjs", index).href);
  const pyodide = await loadPyodide({
    indexURL: index,
    lockFileContents: { info: lockInfo, packages: {} },
    packageBaseUrl: index,
    stdLibURL: snapshotStdlib ? new URL(snapshotStdlib, manifestURL).href : undefined,
    _loadSnapshot: bytes,
  });
  postMessage(pyodide.pyimport("calculator.bridge").assess_json(JSON.stringify(data)));
};
