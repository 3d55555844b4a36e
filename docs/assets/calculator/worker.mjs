// The calculator's module worker: Python never runs on the page's own thread.
//
// It starts loading as soon as the page creates it, while the reader types.
// Messages in:  {id, op: "assess" | "ics", fields}  or  {id, op: "batch", csv, today}.
// Messages out: {type: "stage", stage}  while loading ("download", "start", "calculator", "ready"),
//               {type: "failed", message}  when Python could not start,
//               {type: "reply", id, json}  the bridge's JSON answer as text.

const manifestURL = new URL("manifest.json", import.meta.url);

async function readManifest() {
  const response = await fetch(manifestURL, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${manifestURL.pathname}: HTTP ${response.status}`);
  const manifest = await response.json();
  manifest.manifestURL = manifestURL.href;
  manifest.indexURL = new URL(manifest.indexURL, manifestURL).href;
  manifest.wheelURL = new URL(manifest.wheel, manifestURL).href;
  return manifest;
}

const report = (stage) => postMessage({ type: "stage", stage });

// The loader and the manifest are fetched side by side rather than one after the other.
const bridge = Promise.all([import("./runtime.mjs"), readManifest()])
  .then(([{ startRuntime }, manifest]) => startRuntime(manifest, report))
  .then((pyodide) => {
    report("ready");
    return pyodide.pyimport("calculator.bridge");
  });

bridge.catch((error) => {
  postMessage({ type: "failed", message: String(error?.message ?? error) });
});

function call(api, message) {
  switch (message.op) {
    case "assess":
      return api.assess_json(JSON.stringify(message.fields));
    case "ics":
      return api.ics_json(JSON.stringify(message.fields));
    case "batch":
      return api.batch_json(message.csv, message.today);
    default:
      return JSON.stringify({ ok: false, error: { field: null, message: `unknown operation ${message.op}` } });
  }
}

self.onmessage = async ({ data }) => {
  let api;
  try {
    api = await bridge;
  } catch {
    return; // already reported as "failed"
  }
  let json;
  try {
    json = call(api, data);
  } catch (error) {
    const lines = String(error?.message ?? error).trim().split("\n");
    json = JSON.stringify({ ok: false, error: { field: null, message: lines[lines.length - 1] } });
  }
  postMessage({ type: "reply", id: data.id, json });
};
