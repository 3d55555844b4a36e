"""Ships a memory snapshot of a started Python with the calculator already imported.

Starting the interpreter is most of what a reader waits for on the calculator page;
restoring a snapshot of one that has already started takes a fraction of that time.
A snapshot only restores on the exact Pyodide core files it was made from, and it
must hold the current calculator, so it is made from the very files the prepare
step just placed (sitebuild.assets calls `place_snapshot`).

Making one takes several seconds, so snapshots are kept in a cache keyed by a hash
of everything they are made from. The snapshot is an optimisation: when Node or the
snapshot fails, the site is still built, the manifest says `"snapshot": null`, and
the page starts Python the normal way. That is logged at info level: the build
goes on without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from sitebuild import ROOT
from sitebuild.files import write_bytes, write_text

log = logging.getLogger("sitebuild.snapshot")

SCRIPT = ROOT / "scripts" / "make_snapshot.mjs"
# How the snapshot is packed against the wasm's data (the script imports it).
IMAGE_FORMAT = ROOT / "docs" / "assets" / "calculator" / "image.mjs"
MANIFEST = Path("assets") / "calculator" / "manifest.json"
# The files Pyodide reads while starting; the lock file is never read by a restore.
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# A restored interpreter has already imported everything the calculator runs, so the
# page gives it this empty standard library instead of python_stdlib.zip (2.5 MB):
# tests/web/test_pyodide_diff.py shows every bridge call, refusals included, answers
# the same without it. A normal start still gets the real one.
RESTORED_STDLIB = "stdlib-after-restore.zip"
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)
SNAPSHOT_PREFIX = "snapshot-"
SNAPSHOT_SUFFIX = ".bin.gz"
CACHE_DIR_ENV = "SNAPSHOT_CACHE_DIR"
CACHE_KEEP = 8
NODE_TIMEOUT_S = 600


class SnapshotError(Exception):
    """Why this build ships no snapshot, in one line."""


def cache_dir() -> Path:
    """Outside the site and out of version control; npm's own cache folder by default."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    return ROOT / "node_modules" / ".cache" / "calculator-snapshot"


def inputs_key(index_dir: Path, wheel: Path) -> str:
    """A hash of every byte the snapshot depends on, including the recipe itself
    (the Node script and the way this module runs it)."""
    digest = hashlib.sha256()
    recipe = [SCRIPT, IMAGE_FORMAT, Path(__file__)]
    for path in [*(index_dir / name for name in CORE_FILES), wheel, *recipe]:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def make_snapshot(index_dir: Path, wheel: Path, out: Path) -> dict[str, Any]:
    """Run the Node recipe; its one-line error becomes the reason."""
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("node is not on PATH")
    command = [node, str(SCRIPT), "--pyodide", str(index_dir), "--wheel", str(wheel)]
    command += ["--out", str(out)]
    # The interpreter notes the time zone when it starts and the snapshot keeps
    # that; a fixed zone keeps the builder's own zone out of what readers get.
    env = {**os.environ, "TZ": "UTC"}
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=NODE_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise SnapshotError(f"node took longer than {NODE_TIMEOUT_S} s") from None
    if result.returncode != 0 or not out.is_file():
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise SnapshotError(lines[-1] if lines else f"node exited with {result.returncode}")
    try:
        summary: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        summary = {}
    return summary


def cached_snapshot(index_dir: Path, wheel: Path) -> bytes:
    """The snapshot for these inputs, made now unless an earlier build made it.

    Several builds may share the cache at once (tests build sites in parallel), so
    the bytes are read once, a reused entry is marked as recently used, and pruning
    tolerates entries that vanish under it.
    """
    cache = cache_dir()
    cached = cache / f"{inputs_key(index_dir, wheel)}{SNAPSHOT_SUFFIX}"
    try:
        data = cached.read_bytes()
        os.utime(cached)
    except FileNotFoundError:
        pass
    else:
        log.info("snapshot: reusing %s", cached.name[:16])
        return data
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="snapshot-", dir=cache) as tmp:
        made = Path(tmp) / cached.name
        summary = make_snapshot(index_dir, wheel, made)
        data = made.read_bytes()
        made.replace(cached)
    log.info(
        "snapshot: made from Pyodide %s in %.1f s, %d bytes (%d packed, %d gzip)",
        summary.get("pyodide"),
        summary.get("seconds", 0.0),
        summary.get("raw_bytes", 0),
        summary.get("packed_bytes", 0),
        summary.get("gzip_bytes", 0),
    )
    prune(cache)
    return data


def prune(cache: Path) -> None:
    """Keep the most recently used snapshots only."""
    dated: list[tuple[float, Path]] = []
    for entry in cache.glob(f"*{SNAPSHOT_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            dated.append((entry.stat().st_mtime, entry))
    for _, old in sorted(dated)[:-CACHE_KEEP]:
        old.unlink(missing_ok=True)


def place_snapshot(index_dir: Path, wheel: Path, here: Path) -> str | None:
    """Put the snapshot for these files in `here` under its content hash; return its name,
    or None when this build ships none. Other snapshots in `here` are removed."""
    name: str | None = None
    try:
        data = cached_snapshot(index_dir, wheel)
        name = f"{SNAPSHOT_PREFIX}{hashlib.sha256(data).hexdigest()[:16]}{SNAPSHOT_SUFFIX}"
        write_bytes(here / name, data)
    except (SnapshotError, OSError, KeyError, ValueError) as error:
        log.info("snapshot: none in this build (%s); the page will start Python normally", error)
        name = None
    for old in here.glob(f"{SNAPSHOT_PREFIX}*{SNAPSHOT_SUFFIX}"):
        if old.name != name:
            old.unlink()
    return name


def place_restored_stdlib(here: Path) -> str:
    """Put the restored interpreter's empty standard library in `here`; return its name."""
    write_bytes(here / RESTORED_STDLIB, EMPTY_ZIP)
    return RESTORED_STDLIB


def attach_snapshot(site_dir: Path) -> str | None:
    """Name a snapshot in the manifest of an existing site (or rendered docs) folder.

    Returns the name written into the manifest, or None when the site ships none.
    """
    manifest_path = site_dir / MANIFEST
    if not manifest_path.is_file():
        log.info("snapshot: no %s in the site, so no snapshot", MANIFEST.as_posix())
        return None
    manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
    here = manifest_path.parent
    try:
        index_dir = (here / str(manifest["indexURL"])).resolve()
        wheel = here / str(manifest["wheel"])
    except KeyError as error:
        log.info("snapshot: none in this build (no %s in the manifest)", error)
        index_dir, wheel = here, here / "missing"
    manifest["snapshot"] = place_snapshot(index_dir, wheel, here)
    if manifest["snapshot"] is None:
        manifest.pop("snapshotStdlib", None)
    else:
        manifest["snapshotStdlib"] = place_restored_stdlib(here)
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    write_text(manifest_path, text)
    name: str | None = manifest["snapshot"]
    return name
