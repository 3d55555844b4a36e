// Runs the engine's own test suite inside real Pyodide under Node.
//
// The differential test compares answers; this one runs every engine test where the
// page's Python actually is, so a behaviour that only the tests pin down (a message,
// an edge of a date rule) is checked in Pyodide too. The calculator comes from the
// wheel the site ships; pytest and the other test tools are the project's own
// pure-Python copies, mounted read-only from the host, so nothing is downloaded.
//
//   node scripts/pyodide_pytest.mjs --wheel <file.whl> --repo <project dir>
//        --site-packages <dir with pytest, hypothesis, icalendar> [--pyodide <dir>] [-- pytest args]
//
// Exits with pytest's own exit status, or 1 with a one-line message on failure to start.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pyodide: { type: "string", default: path.join(here, "..", "node_modules", "pyodide") },
      wheel: { type: "string" },
      repo: { type: "string" },
      "site-packages": { type: "string" },
    },
  });
  for (const name of ["wheel", "repo", "site-packages"]) {
    if (!values[name]) throw new Error(`--${name} is required`);
  }
  const { loadPyodide } = await import(pathToFileURL(path.join(values.pyodide, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: path.resolve(values.pyodide) + path.sep,
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
  });
  pyodide.unpackArchive(new Uint8Array(await readFile(values.wheel)), "wheel");
  for (const [host, guest] of [
    [values.repo, "/repo"],
    [values["site-packages"], "/host-site-packages"],
  ]) {
    pyodide.FS.mkdirTree(guest);
    pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(host) }, guest);
  }
  pyodide.globals.set("pytest_args", pyodide.toPy(positionals));
  const status = await pyodide.runPythonAsync(`
import os, sys
# The host's tree is mounted: leave no Python 3.14 bytecode in it.
sys.dont_write_bytecode = True
os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = "/tmp/hypothesis"
# After the interpreter's own paths, so the calculator imported is the wheel's.
sys.path.append("/host-site-packages")
os.chdir("/repo")
import calculator
assert calculator.__file__.startswith(sys.prefix), calculator.__file__
import pytest
int(pytest.main(["-p", "no:cacheprovider", *pytest_args]))
`);
  process.exitCode = status;
}

main().catch((error) => {
  console.error(`pyodide_pytest: ${String(error?.message ?? error).trim().split("\n").pop()}`);
  process.exit(1);
});
