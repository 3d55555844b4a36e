// Answers calculator.bridge calls from a restored snapshot, as the page does, under Node.
//
// The snapshot holds a Python that has already run the warm-up calls; whatever
// state they left must not change an answer. Comparing these answers with CPython's
// shows that it does not.
//
//   node scripts/snapshot_answers.mjs --pyodide <dir with pyodide.mjs> --snapshot <file.gz>
//                                     --calls <calls.json> --out <answers.json> [--stdlib <zip>]
//
// --stdlib gives the restored interpreter that file as its standard library instead
// of the runtime's python_stdlib.zip (an empty zip shows what it still reads).
//
// calls.json: [{"op": "assess_json" | "ics_json" | "batch_json", "args": [string, ...]}, ...]
// answers.json: the bridge's answer strings, in the same order.
// Prints one JSON line of timings; exits 1 with a one-line message when anything fails.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";

import { dataSection, isPacked, unpackImage } from "../docs/assets/calculator/image.mjs";

const OPS = new Set(["assess_json", "ics_json", "batch_json"]);

async function main() {
  const { values } = parseArgs({
    options: {
      pyodide: { type: "string" },
      snapshot: { type: "string" },
      calls: { type: "string" },
      out: { type: "string" },
      stdlib: { type: "string" },
    },
  });
  for (const name of ["pyodide", "snapshot", "calls", "out"]) {
    if (!values[name]) throw new Error(`--${name} is required`);
  }
  const started = performance.now();
  const indexURL = path.resolve(values.pyodide) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
  const unzipped = gunzipSync(await readFile(values.snapshot));
  let raw = new Uint8Array(unzipped.buffer, unzipped.byteOffset, unzipped.byteLength);
  if (isPacked(raw)) {
    // Unpacked as the page does it, against the data of the wasm it loads.
    raw = unpackImage(raw, dataSection(new Uint8Array(await readFile(path.join(indexURL, "pyodide.asm.wasm")))));
  }
  const stdlib = values.stdlib ? { stdLibURL: path.resolve(values.stdlib) } : {};
  const pyodide = await loadPyodide({ indexURL, _loadSnapshot: raw, ...stdlib });
  const bridge = pyodide.pyimport("calculator.bridge");
  const restored = performance.now();
  const calls = JSON.parse(await readFile(values.calls, "utf8"));
  const answers = calls.map(({ op, args }) => {
    if (!OPS.has(op)) throw new Error(`unknown bridge function ${op}`);
    return bridge[op](...args);
  });
  const done = performance.now();
  await writeFile(values.out, JSON.stringify(answers));
  const seconds = (ms) => Math.round(ms) / 1000;
  console.log(
    JSON.stringify({
      restore_seconds: seconds(restored - started),
      calls: calls.length,
      calls_seconds: seconds(done - restored),
    }),
  );
}

main().catch((error) => {
  console.error(`snapshot_answers: ${String(error?.message ?? error).trim().split("\n").pop()}`);
  process.exit(1);
});
