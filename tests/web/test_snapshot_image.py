"""The snapshot travels packed against the wasm's own data and unpacks to the same bytes.

docs/assets/calculator/image.mjs drops the memory's zero pages and what the wasm's
data segments already hold; these run it under Node: on a made-up runtime (every
case of the format), and on the real one, where the page's unpacking must give back
exactly the snapshot Pyodide made.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.node

IMAGE = ROOT / "docs" / "assets" / "calculator" / "image.mjs"
MAKE = ROOT / "scripts" / "make_snapshot.mjs"
PAGE = 4096

# Reads stdin as {"wasm": path, "in": path, "out": path, "op": "pack" | "unpack"}.
RUN = """
import { readFileSync, writeFileSync } from "node:fs";
import { dataSection, isPacked, packImage, unpackImage } from "%s";
const job = JSON.parse(readFileSync(0, "utf8"));
const section = dataSection(new Uint8Array(readFileSync(job.wasm)));
const bytes = new Uint8Array(readFileSync(job.in));
try {
  const out = job.op === "pack" ? packImage(bytes, section) : unpackImage(bytes, section);
  if (job.op === "pack" && !isPacked(out)) throw new Error("not marked as packed");
  writeFileSync(job.out, out);
} catch (error) {
  console.log(String(error.message));
  process.exit(3);
}
"""


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is not installed; the snapshot format cannot be checked without it")
    return found


def run_image(op: str, wasm: Path, source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    job = json.dumps({"op": op, "wasm": str(wasm), "in": str(source), "out": str(out)})
    command = [node(), "--input-type=module", "-e", RUN % IMAGE.as_uri()]
    return subprocess.run(command, input=job, capture_output=True, text=True, check=False)


def leb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def wasm_with(segments: list[tuple[int, bytes]], passive: bytes = b"") -> bytes:
    """A module whose only content is a type section and these data segments."""
    body = leb(len(segments) + (1 if passive else 0))
    for offset, data in segments:
        body += b"\x00\x41" + leb(offset) + b"\x0b" + leb(len(data)) + data
    if passive:
        body += b"\x01" + leb(len(passive)) + passive
    types = b"\x01\x00"
    return b"\0asm\x01\0\0\0" + b"\x01" + leb(len(types)) + types + b"\x0b" + leb(len(body)) + body


def snapshot_like(memory: bytes, header_length: int = 160) -> bytes:
    """Pyodide's layout: magic, the header's length, ..., then the memory."""
    header = bytearray(header_length)
    struct.pack_into("<2I", header, 0, 0x706E7300, header_length)
    header[40:60] = b'{"hiwireKeys": [42]}'
    return bytes(header) + memory


def test_packing_drops_zero_pages_and_the_wasms_data_and_unpacks_exactly(
    tmp_path: Path,
) -> None:
    rng = random.Random(19)
    data = bytes(rng.randrange(256) for _ in range(3 * PAGE + 100))
    memory = bytearray(10 * PAGE + 123)  # the last page is a short one
    memory[PAGE : PAGE + len(data)] = data  # the wasm's data, unchanged...
    memory[2 * PAGE + 7] ^= 0x5A  # ...but for one byte the program changed
    memory[7 * PAGE + 1 : 7 * PAGE + 9] = b"changed!"
    memory[-3:] = b"end"
    raw = snapshot_like(bytes(memory))
    wasm = tmp_path / "runtime.wasm"
    wasm.write_bytes(wasm_with([(PAGE, data)], passive=b"never placed"))
    (tmp_path / "raw").write_bytes(raw)
    packed, back = tmp_path / "packed", tmp_path / "back"
    assert run_image("pack", wasm, tmp_path / "raw", packed).returncode == 0
    # Three pages differ from what the wasm places: the changed byte's, the word's and the end.
    header_and_bitmap = 6 * 4 + 4 + 160
    assert len(packed.read_bytes()) == header_and_bitmap + 2 * PAGE + 123
    assert run_image("unpack", wasm, packed, back).returncode == 0
    assert back.read_bytes() == raw


def test_a_packed_image_refuses_another_wasm_and_a_cut_file(tmp_path: Path) -> None:
    raw = snapshot_like(bytes(range(256)) * 64)
    wasm, other = tmp_path / "a.wasm", tmp_path / "b.wasm"
    wasm.write_bytes(wasm_with([(16, b"abc")]))
    other.write_bytes(wasm_with([(16, b"abcd")]))
    (tmp_path / "raw").write_bytes(raw)
    packed = tmp_path / "packed"
    assert run_image("pack", wasm, tmp_path / "raw", packed).returncode == 0
    refused = run_image("unpack", other, packed, tmp_path / "out")
    assert refused.returncode == 3 and "another wasm" in refused.stdout
    cut = tmp_path / "cut"
    cut.write_bytes(packed.read_bytes()[:-10])
    refused = run_image("unpack", wasm, cut, tmp_path / "out")
    assert refused.returncode == 3 and "wrong length" in refused.stdout


def test_the_shipped_recipe_unpacks_to_pyodides_exact_snapshot(
    built_site: Path, tmp_path: Path
) -> None:
    manifest = json.loads((built_site / "assets/calculator/manifest.json").read_text("utf-8"))
    here = built_site / "assets" / "calculator"
    runtime = (here / manifest["indexURL"]).resolve()
    out, raw = tmp_path / "snapshot.bin.gz", tmp_path / "raw.bin"
    command = [node(), str(MAKE), "--pyodide", str(runtime)]
    command += ["--wheel", str(here / manifest["wheel"]), "--out", str(out), "--raw-out", str(raw)]
    made = subprocess.run(
        command, capture_output=True, text=True, check=False, env={**os.environ, "TZ": "UTC"}
    )
    assert made.returncode == 0, made.stderr
    summary = json.loads(made.stdout)
    (tmp_path / "packed").write_bytes(gzip.decompress(out.read_bytes()))
    back = tmp_path / "back"
    wasm = runtime / "pyodide.asm.wasm"
    assert run_image("unpack", wasm, tmp_path / "packed", back).returncode == 0
    assert back.read_bytes() == raw.read_bytes()
    # Half the memory is zeros and much of the rest the wasm's own data: both stay home.
    assert summary["packed_bytes"] < summary["raw_bytes"] / 2
