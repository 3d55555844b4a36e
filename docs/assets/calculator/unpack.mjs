// Fetches, gunzips and unpacks the calculator's snapshot on a thread of its own, so
// that the calculator's worker meanwhile compiles the runtime: runtime.mjs starts
// this worker and posts {url}, then {section}, the wasm's data section the snapshot
// is packed against (image.mjs), or {section: null} if the wasm failed. It gets back
// Pyodide's snapshot (transferred, not copied) or {error}.
import { readSnapshot, unpackSnapshot } from "./runtime.mjs";

let sectionArrived;
const section = new Promise((resolve) => {
  sectionArrived = resolve;
});

self.onmessage = async ({ data }) => {
  if ("section" in data) {
    sectionArrived(data.section);
    return;
  }
  try {
    const bytes = await unpackSnapshot(await readSnapshot(await fetch(data.url)), section);
    postMessage({ bytes: bytes.buffer }, [bytes.buffer]);
  } catch (error) {
    postMessage({ error: String(error?.message ?? error) });
  }
};
