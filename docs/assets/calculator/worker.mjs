// The calculator's module worker: Python never runs on the page's own thread.
//
// It starts loading as soon as the page creates it, while the reader types.
// The messages in and out are protocol.mjs's, shared with the page; each question
// carries the engine's language for the page, and the bridge answers in it.

import { ERROR, failedReply } from "./protocol.mjs";

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

// Pyodide reports no progress, and once its files are in it starts Python in one
// long synchronous run that would starve any later notice. So the worker watches
// the two big downloads itself, on a copy of each byte stream, and says "start"
// the moment both have arrived.
const BIG_FILES = ["pyodide.asm.wasm", "python_stdlib.zip"];
const downloads = new Map();
let startSaid = false;
let lastProgress = 0;

function onBytes() {
  const all = [...downloads.values()];
  if (BIG_FILES.every((name) => downloads.get(name)?.done)) {
    if (!startSaid) report("start");
    startSaid = true;
    return;
  }
  const now = performance.now();
  if (now - lastProgress < 100) return;
  lastProgress = now;
  const loaded = all.reduce((sum, file) => sum + file.loaded, 0);
  const total = all.reduce((sum, file) => sum + file.total, 0);
  postMessage({ type: "progress", loaded, total });
}

// The snapshot is stored against the wasm's own data (image.mjs), so unpacking it
// needs the wasm's data section: kept from the counted copy of its download, so
// that the wasm crosses the wire once. Rejected if the download fails, so that the
// snapshot's start gives up and the normal start runs.
let wasmArrived;
const wasmData = new Promise((resolve, reject) => {
  wasmArrived = { resolve, reject };
});
wasmData.catch(() => {}); // runtime.mjs reads the failure where it needs the bytes

async function countBytes(stream, file, keep) {
  const reader = stream.getReader();
  const chunks = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      file.loaded += value.byteLength;
      if (keep) chunks.push(value);
      onBytes();
    }
  } catch (error) {
    if (keep) wasmArrived.reject(error);
    return; // the loader reads the same failure on its own copy and reports it
  }
  file.done = true;
  onBytes();
  if (keep) {
    const wasm = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
    chunks.reduce((at, chunk) => (wasm.set(chunk, at), at + chunk.byteLength), 0);
    import("./image.mjs").then(({ dataSection }) => dataSection(wasm).slice()).then(
      wasmArrived.resolve,
      wasmArrived.reject,
    );
  }
}

// Pyodide compiles its wasm only once its other files (and the snapshot) are in. The
// wasm's own Response is compiled here the moment Pyodide asks for it instead, so
// compiling overlaps the other downloads; and since it is the browser's own
// Response (a clone of it is what gets counted), the browser can keep the compiled code
// for the next visit, as it does for a wasm file from its cache or the offline copy.
const compiled = new WeakMap();
const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const url = String(input?.url ?? input);
  const name = url.slice(url.lastIndexOf("/") + 1);
  const isWasm = name === "pyodide.asm.wasm";
  let response;
  try {
    response = await plainFetch(input, init);
  } catch (error) {
    if (isWasm) wasmArrived.reject(error);
    throw error;
  }
  if (isWasm && (!response.ok || !response.body)) wasmArrived.reject(new Error(`${name}: HTTP ${response.status}`));
  if (!BIG_FILES.includes(name) || !response.ok || !response.body) return response;
  // A compressed transfer counts more bytes than Content-Length says; no total then.
  const encoded = response.headers.get("content-encoding");
  const file = { loaded: 0, total: encoded ? 0 : Number(response.headers.get("content-length")) || 0 };
  downloads.set(name, file);
  countBytes(response.clone().body, file, isWasm);
  if (isWasm && typeof WebAssembly.compileStreaming === "function") {
    const module = WebAssembly.compileStreaming(response);
    module.catch(() => {}); // instantiateStreaming below fetches and compiles again
    compiled.set(response, module);
  }
  return response;
};

const plainInstantiateStreaming = WebAssembly.instantiateStreaming?.bind(WebAssembly);
if (plainInstantiateStreaming) {
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (!compiled.has(response)) return plainInstantiateStreaming(response, imports);
    let module;
    try {
      module = await compiled.get(response);
    } catch {
      return plainInstantiateStreaming(plainFetch(response.url), imports);
    }
    const instance = await WebAssembly.instantiate(module, imports);
    return { module, instance };
  };
}

// The loader and the manifest are fetched side by side rather than one after the other.
const bridge = Promise.all([import("./runtime.mjs"), readManifest()])
  .then(([{ startRuntime }, manifest]) => startRuntime(manifest, report, wasmData))
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
      return api.assess_json(JSON.stringify(message.fields), message.lang);
    case "ics":
      return api.ics_json(JSON.stringify(message.fields), message.lang);
    case "batch":
      // Python calls this as rows are assessed; each message reaches the page at once,
      // while Python goes on with the rest.
      return api.batch_json(
        message.csv,
        message.today,
        (done, total) => {
          postMessage({ type: "batch-progress", id: message.id, done, total });
        },
        message.lang,
      );
    default:
      return failedReply(ERROR.unknownOperation);
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
