// Fetches and gunzips the calculator's snapshot on a thread of its own, so that the
// calculator's worker meanwhile compiles the runtime: runtime.mjs starts this
// worker, posts the snapshot's URL and gets back the unpacked bytes (transferred,
// not copied) or {error}.
import { readSnapshot } from "./runtime.mjs";

self.onmessage = async ({ data: url }) => {
  try {
    const bytes = await readSnapshot(await fetch(url));
    postMessage({ bytes }, [bytes]);
  } catch (error) {
    postMessage({ error: String(error?.message ?? error) });
  }
};
