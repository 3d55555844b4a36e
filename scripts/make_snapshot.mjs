// Makes the memory snapshot the calculator page restores instead of starting Python.
//
// Starting the interpreter and importing the calculator is most of the wait before
// the first answer; a snapshot of a runtime that has already done both restores in a
// fraction of that time. It only works with the exact Pyodide core files it was made
// from, so the site build makes a new one whenever those files or the wheel change.
//
//   node scripts/make_snapshot.mjs --pyodide <dir with pyodide.mjs> --wheel <file.whl> --out <file.gz>
//                                  [--raw-out <file>]
//
// The file is the snapshot packed against the wasm's own data (docs/assets/calculator/
// image.mjs), then gzipped; it is unpacked and compared with the snapshot before it is
// written, so a page that unpacks it gets Pyodide's exact bytes. --raw-out also writes
// the snapshot as Pyodide made it, for the test that checks the same from outside.
//
// Prints one JSON line: {"raw_bytes": n, "packed_bytes": n, "gzip_bytes": n,
// "pyodide": "version", "seconds": s}.
// Exits with status 1 and a one-line message on stderr when anything fails.

import { readFile, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import nodeCrypto from "node:crypto";

import { dataSection, packImage, unpackImage } from "../docs/assets/calculator/image.mjs";

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

// What the warm-up allocated and freed is still in memory, and would travel in the
// snapshot: every free block of the C heap is taken, zeroed and given back (the
// packed image drops zero pages). Only as much is taken as fits below the memory's
// current end, so the memory does not grow. Python's own objects are not touched.
// `_module` (Emscripten's Module, with malloc, free and sbrk) is private Pyodide API.
function zeroFreeMemory(module) {
  const end = module.HEAPU8.length;
  const taken = [];
  for (let size = 1 << 22; size >= 16; size >>= 1) {
    while (module._sbrk(0) + size + 4096 <= end) {
      const block = module._malloc(size);
      if (!block) break;
      taken.push(block);
      module.HEAPU8.fill(0, block, block + size);
    }
  }
  for (const block of taken) module._free(block);
  if (module.HEAPU8.length !== end) throw new Error("zeroing free memory grew the memory");
}

function parseArgs(argv) {
  const wanted = { "--pyodide": "pyodide", "--wheel": "wheel", "--out": "out" };
  const optional = { "--raw-out": "rawOut" };
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = wanted[argv[i]] ?? optional[argv[i]];
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
  zeroFreeMemory(pyodide._module);
  const raw = pyodide.makeMemorySnapshot();
  const section = dataSection(new Uint8Array(await readFile(path.join(indexDir, "pyodide.asm.wasm"))));
  const image = packImage(raw, section);
  const back = unpackImage(image, section);
  if (back.length !== raw.length || !Buffer.from(back.buffer).equals(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength))) {
    throw new Error("the packed snapshot does not unpack to the same bytes");
  }
  const packed = await gzip(image, { level: 9 });
  if (args.rawOut) await writeFile(args.rawOut, raw);
  const partial = `${args.out}.partial`;
  await writeFile(partial, packed);
  await rename(partial, args.out);
  const seconds = (clock() - started) / 1000;
  const summary = {
    raw_bytes: raw.byteLength,
    packed_bytes: image.byteLength,
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
