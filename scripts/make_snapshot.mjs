// Makes the memory snapshot the calculator page restores instead of starting Python.
//
// Starting the interpreter and importing the calculator is most of the wait before
// the first answer; a snapshot of a runtime that has already done both restores in a
// fraction of that time. It only works with the exact Pyodide core files it was made
// from, so the site build makes a new one whenever those files or the wheel change.
//
//   node scripts/make_snapshot.mjs --pyodide <dir with pyodide.mjs> --wheel <file.whl> --out <file.gz>
//
// Prints one JSON line: {"raw_bytes": n, "gzip_bytes": n, "pyodide": "version", "seconds": s}.
// Exits with status 1 and a one-line message on stderr when anything fails.

import { readFile, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import nodeCrypto from "node:crypto";

const gzip = promisify(zlib.gzip);

// Imported and exercised before the snapshot is taken. After a restore the wheel's
// files are gone, so anything the worker calls that reads a package file or imports
// a module lazily must have done so here; each bridge function runs once for that
// reason, on inputs it must accept (a refusal would leave the rest of the path cold).
// Only what the worker uses is imported: every extra module costs snapshot bytes.
const WARM_UP = `
import gc
import json

import calculator
from calculator import bridge

_fields = json.dumps({
    "order-date": "2026-10-01",
    "shipped": "2026-10-03",
    "delivered": "2026-10-20",
    "dispute-opened": "2026-10-22",
    "payment-method": "card",
    "free-return": "",
    "today": "2026-10-25",
})
_answers = [json.loads(bridge.assess_json(_fields)), json.loads(bridge.ics_json(_fields))]
_answers.append(json.loads(bridge.batch_json("order_id,order_date,shipped\\nW-1,2026-10-01,2026-10-03\\n", "2026-10-25")))
for _answer in _answers:
    if not _answer.get("ok"):
        raise RuntimeError("the calculator refused the warm-up case: " + json.dumps(_answer))
del _fields, _answers, _answer
gc.collect()
`;

function parseArgs(argv) {
  const wanted = { "--pyodide": "pyodide", "--wheel": "wheel", "--out": "out" };
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = wanted[argv[i]];
    if (!key || i + 1 >= argv.length) {
      throw new Error(`unknown or incomplete option ${JSON.stringify(argv[i])}`);
    }
    args[key] = argv[i + 1];
  }
  for (const [flag, key] of Object.entries(wanted)) {
    if (!args[key]) throw new Error(`missing ${flag}`);
  }
  return args;
}

// The snapshot holds what the runtime drew at random and read from the clock while
// starting (hash seeds, its C library's random state, file times). Drawn from a
// fixed seed and a fixed clock here, the same inputs make the same bytes on every
// build, so an unchanged commit never sends readers a new snapshot. Every reader
// restores this one snapshot anyway: a fixed seed gives them nothing a random one
// would not, and after the restore the clock and randomness are the browser's own.
function sameEveryTime() {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const fill = (array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff;
    return array;
  };
  const webCrypto = globalThis.crypto;
  Object.defineProperty(globalThis, "crypto", {
    value: { subtle: webCrypto.subtle, getRandomValues: fill },
    configurable: true,
  });
  nodeCrypto.randomFillSync = fill;
  nodeCrypto.randomBytes = (size) => fill(Buffer.alloc(size));
  Math.random = () => next() / 2 ** 32;
  const epoch = Date.UTC(2000, 0, 1);
  Date.now = () => epoch;
  let ticks = 0;
  performance.now = () => (ticks += 1);
  // The script's own path is kept too: the same wherever the project is checked out.
  process.argv[1] = path.basename(process.argv[1]);
}

async function main() {
  const clock = performance.now.bind(performance);
  const started = clock();
  sameEveryTime();
  const args = parseArgs(process.argv.slice(2));
  const indexDir = path.resolve(args.pyodide) + path.sep;
  const { loadPyodide, version } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")));
  const wheel = await readFile(args.wheel);
  const quiet = () => {};
  const pyodide = await loadPyodide({
    indexURL: indexDir,
    _makeSnapshot: true,
    stdout: quiet,
    stderr: quiet,
  });
  // loadPackage before a snapshot leaves JS references the snapshot cannot hold
  // ("Unexpected hiwire entry"); unpacking the wheel into site-packages does not.
  pyodide.unpackArchive(new Uint8Array(wheel.buffer, wheel.byteOffset, wheel.byteLength), "wheel");
  pyodide.runPython(WARM_UP);
  const raw = pyodide.makeMemorySnapshot();
  const packed = await gzip(raw, { level: 9 });
  const partial = `${args.out}.partial`;
  await writeFile(partial, packed);
  await rename(partial, args.out);
  const seconds = (clock() - started) / 1000;
  const summary = {
    raw_bytes: raw.byteLength,
    gzip_bytes: packed.byteLength,
    pyodide: version,
    seconds: Math.round(seconds * 100) / 100,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    const text = String(error?.message ?? error).trim().split("\n").filter(Boolean);
    process.stderr.write(`make_snapshot: ${text.length ? text[text.length - 1] : "failed"}\n`);
    process.exit(1);
  },
);
