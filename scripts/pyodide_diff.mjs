// Runs calculator.bridge calls in real Pyodide under Node, for comparison with CPython.
//
// The page runs the engine in Pyodide, the terminal in CPython; the same input must
// give the same JSON in both, and only running both shows that it does.
//
//   node scripts/pyodide_diff.mjs --wheel <file.whl> --calls <calls.json> --out <answers.json>
//                                 [--pyodide <dir with pyodide.mjs>]
//
// calls.json: [{"op": "assess_json" | "ics_json" | "batch_json", "args": [string, ...]}, ...]
// answers.json: the bridge's answer strings, in the same order.
// Prints one JSON line of timings; exits 1 with a one-line message when anything fails.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const OPS = new Set(["assess_json", "ics_json", "batch_json"]);

async function main() {
  const { values } = parseArgs({
    options: {
      pyodide: { type: "string", default: path.join(here, "..", "node_modules", "pyodide") },
      wheel: { type: "string" },
      calls: { type: "string" },
      out: { type: "string" },
    },
  });
  for (const name of ["wheel", "calls", "out"]) {
    if (!values[name]) throw new Error(`--${name} is required`);
  }
  const started = performance.now();
  const { loadPyodide } = await import(pathToFileURL(path.join(values.pyodide, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: path.resolve(values.pyodide) + path.sep });
  const loaded = performance.now();
  // A Node Buffer is refused by unpackArchive; a plain Uint8Array is not.
  pyodide.unpackArchive(new Uint8Array(await readFile(values.wheel)), "wheel");
  const bridge = pyodide.pyimport("calculator.bridge");
  const calls = JSON.parse(await readFile(values.calls, "utf8"));
  const ready = performance.now();
  const answers = calls.map(({ op, args }) => {
    if (!OPS.has(op)) throw new Error(`unknown bridge function ${op}`);
    return bridge[op](...args);
  });
  const done = performance.now();
  await writeFile(values.out, JSON.stringify(answers));
  const seconds = (ms) => Math.round(ms) / 1000;
  console.log(
    JSON.stringify({
      pyodide: pyodide.version,
      load_seconds: seconds(loaded - started),
      wheel_seconds: seconds(ready - loaded),
      calls: calls.length,
      calls_seconds: seconds(done - ready),
    }),
  );
}

main().catch((error) => {
  console.error(`pyodide_diff: ${String(error?.message ?? error).trim().split("\n").pop()}`);
  process.exit(1);
});
