"""Puts everything the in-page calculator runs on into the rendered docs folder.

The calculator page must work from any static host with no other host involved,
so the pinned Pyodide core files and a wheel of `calculator/` are placed beside the
pages, where every generator copies them as static files. Their paths change
whenever their content does (the Pyodide version, the wheel's hash), so a host may
cache them forever, and the worker learns them from one small manifest that is
never cached for long.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from sitebuild import ROOT, BuildError, snapshot
from sitebuild.catalogues import compile_catalogues
from sitebuild.files import copy_file, write_text
from sitebuild.zipfiles import normalised_zip

PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# The lock file is not fetched by the calculator (its `info` travels in the
# manifest), but a bare `loadPyodide({indexURL})` on the same files needs it.
CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
WHEEL_TAIL = "-py3-none-any.whl"
# Zip entries carry timestamps; a fixed one makes the same source give the same
# wheel, hence the same hashed name, on every build (and sitebuild.zipfiles then
# fixes every entry's date and mode whatever the builder wrote).
REPRODUCIBLE_EPOCH = "315532800"
PYODIDE_URL = "assets/pyodide/{version}/"
CALCULATOR_URL = "assets/calculator/"
MANIFEST = "manifest.json"
WHEEL_CACHE = ROOT / "build" / "cache" / "wheels"
WHEEL_CACHE_KEEP = 4


def pyodide_version() -> str:
    """The npm package's own version names the directory, so a new Pyodide never
    meets an old cached file."""
    try:
        package = json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(
            "node_modules/pyodide is missing: run `npm ci` (scripts/bootstrap.sh does)"
        ) from None
    return str(package["version"])


def lock_info() -> dict[str, Any]:
    """Pyodide refuses a lock whose ABI differs from its own; handing the worker this
    block lets it skip downloading the whole lock file."""
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    info: dict[str, Any] = lock["info"]
    return info


def _wheel_sources() -> list[Path]:
    sources = [ROOT / "pyproject.toml", ROOT / "README.md"]
    sources += sorted(
        p
        for p in (ROOT / "calculator").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".mo")
    )
    return [p for p in sources if p.exists()]


def wheel_key() -> str:
    """A hash of every file the wheel is built from, and of this recipe."""
    digest = hashlib.sha256()
    for path in [*_wheel_sources(), Path(__file__), ROOT / "sitebuild" / "zipfiles.py"]:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_wheel(out_dir: Path, root: Path = ROOT) -> Path:
    """Build `calculator/` as a pure wheel named with a hash of its bytes.

    The build runs on a copy of the sources so that the working tree gets no build/
    or egg-info litter, and without build isolation so that it works offline. The
    hash goes in the wheel's build tag (which must start with a digit): Pyodide
    reads the name and version from the file name and accepts the tag. `root` is
    the checkout to build from.
    """
    with tempfile.TemporaryDirectory(prefix="calculator-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        shutil.copy2(root / "pyproject.toml", src / "pyproject.toml")
        if (root / "README.md").exists():
            shutil.copy2(root / "README.md", src / "README.md")
        shutil.copytree(
            root / "calculator",
            src / "calculator",
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"),
        )
        # Every catalogue goes into the wheel, compiled from the .po files of this build.
        compile_catalogues(src / "calculator" / "locale")
        dist = Path(tmp) / "dist"
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
        command += ["--outdir", str(dist), str(src)]
        env = {**os.environ, "SOURCE_DATE_EPOCH": REPRODUCIBLE_EPOCH}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        wheels = sorted(dist.glob("*" + WHEEL_TAIL)) if result.returncode == 0 else []
        if len(wheels) != 1:
            tail = " | ".join((result.stdout + result.stderr).strip().splitlines()[-5:])
            raise BuildError(f"could not build the calculator wheel: {tail}")
        data = normalised_zip(wheels[0].read_bytes())
        digest = hashlib.sha256(data).hexdigest()
        name, version = wheels[0].name[: -len(WHEEL_TAIL)].split("-")
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{name}-{version}-0{digest[:12]}{WHEEL_TAIL}"
        target.write_bytes(data)
        return target


def cached_wheel(cache: Path = WHEEL_CACHE) -> Path:
    """The wheel for the current sources, built only when they changed."""
    folder = cache / wheel_key()
    found = sorted(folder.glob("*" + WHEEL_TAIL)) if folder.is_dir() else []
    if len(found) == 1:
        os.utime(folder)
        return found[0]
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wheel-", dir=cache) as tmp:
        built = build_wheel(Path(tmp) / "out")
        if not folder.exists():
            built.parent.rename(folder)
    dated = sorted((p.stat().st_mtime, p) for p in cache.iterdir() if p.is_dir())
    for _, old in dated[:-WHEEL_CACHE_KEEP]:
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return next(folder.glob("*" + WHEEL_TAIL))


def write_assets(docs_dir: Path, with_snapshot: bool = True) -> tuple[dict[str, Any], set[Path]]:
    """Place the runtime and the wheel (and the snapshot) and describe them in the manifest.

    Returns the manifest and every file written, so the caller can remove stale ones.
    Paths in the manifest are relative to the manifest itself, so the site works
    under any base path.
    """
    written: set[Path] = set()
    version = pyodide_version()
    runtime_dir = docs_dir / PYODIDE_URL.format(version=version)
    for name in CORE_FILES:
        copy_file(PYODIDE_DIR / name, runtime_dir / name)
        written.add(runtime_dir / name)
    calculator_dir = docs_dir / CALCULATOR_URL
    source = cached_wheel()
    wheel = calculator_dir / source.name
    copy_file(source, wheel)
    written.add(wheel)
    data = wheel.read_bytes()
    manifest: dict[str, Any] = {
        "pyodide": version,
        "indexURL": os.path.relpath(runtime_dir, calculator_dir) + "/",
        "lockInfo": lock_info(),
        "wheel": wheel.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "snapshot": None,
    }
    if with_snapshot:
        shipped = snapshot.place_snapshot(runtime_dir, wheel, calculator_dir)
        manifest["snapshot"] = shipped
        if shipped is not None:
            written.add(calculator_dir / shipped)
            manifest["snapshotStdlib"] = snapshot.place_restored_stdlib(calculator_dir)
            written.add(calculator_dir / manifest["snapshotStdlib"])
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    write_text(calculator_dir / MANIFEST, text)
    written.add(calculator_dir / MANIFEST)
    return manifest, written
