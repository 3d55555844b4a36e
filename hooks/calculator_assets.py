"""Puts everything the in-page calculator runs on into the built site.

The calculator page must work from any static host with no other host involved,
so the pinned Pyodide core files and a wheel of `calculator/` are copied into the
site at build time. Their paths change whenever their content does (the Pyodide
version, the wheel's hash), so a host may cache them forever, and the worker
learns them from one small manifest that is never cached for long.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
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
# wheel, hence the same hashed name, on every build.
REPRODUCIBLE_EPOCH = "315532800"
PYODIDE_URL = "assets/pyodide/{version}/"
CALCULATOR_URL = "assets/calculator/"
MANIFEST = "manifest.json"
CALCULATOR_PAGE = "calculator.md"
START_SCRIPT = ROOT / "docs" / CALCULATOR_URL / "start.js"


def pyodide_version() -> str:
    """The npm package's own version names the directory, so a new Pyodide never
    meets an old cached file."""
    try:
        package = json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PluginError(
            "node_modules/pyodide is missing: run `npm ci` (scripts/bootstrap.sh does)"
        ) from None
    return str(package["version"])


def lock_info() -> dict[str, Any]:
    """Pyodide refuses a lock whose ABI differs from its own; handing the worker this
    block lets it skip downloading the whole lock file."""
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    info: dict[str, Any] = lock["info"]
    return info


def build_wheel(out_dir: Path) -> Path:
    """Build `calculator/` as a pure wheel named with a hash of its bytes.

    The build runs on a copy of the sources so that the shared working tree gets no
    build/ or egg-info litter, and without build isolation so that it works offline.
    The hash goes in the wheel's build tag (which must start with a digit): Pyodide
    reads the name and version from the file name and accepts the tag.
    """
    with tempfile.TemporaryDirectory(prefix="calculator-wheel-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        shutil.copy2(ROOT / "pyproject.toml", src / "pyproject.toml")
        if (ROOT / "README.md").exists():
            shutil.copy2(ROOT / "README.md", src / "README.md")
        shutil.copytree(
            ROOT / "calculator",
            src / "calculator",
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
        dist = Path(tmp) / "dist"
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation"]
        command += ["--outdir", str(dist), str(src)]
        env = {**os.environ, "SOURCE_DATE_EPOCH": REPRODUCIBLE_EPOCH}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        wheels = sorted(dist.glob("*" + WHEEL_TAIL)) if result.returncode == 0 else []
        if len(wheels) != 1:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
            raise PluginError(f"could not build the calculator wheel:\n{tail}")
        data = wheels[0].read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        name, version = wheels[0].name[: -len(WHEEL_TAIL)].split("-")
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{name}-{version}-0{digest[:12]}{WHEEL_TAIL}"
        target.write_bytes(data)
        return target


def write_assets(site_dir: Path) -> dict[str, Any]:
    """Copy the runtime, build the wheel and describe both in the manifest.

    Paths in the manifest are relative to the manifest itself, so the site works
    under any base path.
    """
    version = pyodide_version()
    runtime_dir = site_dir / PYODIDE_URL.format(version=version)
    runtime_dir.mkdir(parents=True, exist_ok=True)
    for name in CORE_FILES:
        shutil.copy2(PYODIDE_DIR / name, runtime_dir / name)
    calculator_dir = site_dir / CALCULATOR_URL
    for old in calculator_dir.glob("*" + WHEEL_TAIL):
        old.unlink()
    wheel = build_wheel(calculator_dir)
    manifest: dict[str, Any] = {
        "pyodide": version,
        "indexURL": os.path.relpath(runtime_dir, calculator_dir) + "/",
        "lockInfo": lock_info(),
        "wheel": wheel.name,
        "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
    }
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    (calculator_dir / MANIFEST).write_text(text, encoding="utf-8")
    return manifest


def start_script(page_url: str) -> str:
    """The worker starter, inline, so that it costs no request before it runs."""
    worker = posixpath.relpath(CALCULATOR_URL + "worker.mjs", page_url or ".")
    code = START_SCRIPT.read_text(encoding="utf-8")
    return f'<script data-worker="{html.escape(worker)}">\n{code}</script>\n'


def on_post_page(output: str, page: Any, **_: Any) -> str:
    """Put the worker starter first in the calculator page's head, before the
    stylesheets: an inline script after a stylesheet waits for it to load."""
    if page.file.src_uri != CALCULATOR_PAGE:
        return output
    anchor = output.find("<head>")
    if anchor < 0:
        raise PluginError(f"{CALCULATOR_PAGE}: the theme's page has no <head>")
    charset = output.find("<meta charset", anchor)
    end = output.find(">", charset) + 1 if charset >= 0 else anchor + len("<head>")
    return output[:end] + "\n" + start_script(page.url) + output[end:]


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    write_assets(Path(config["site_dir"]))
