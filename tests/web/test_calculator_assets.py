"""What the site build ships for the in-page calculator, checked in the built files.

The worker trusts the manifest blindly, so every path in it must exist; the wheel
name must change exactly when its content does, or a host caching it forever would
serve an old calculator; and no page but the calculator may pull any of it in.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from conftest import ROOT
from test_pyodide_diff import load_assets_hook

from sitebuild.assets import WHEEL_TAIL, cached_wheel

CALCULATOR = Path("assets") / "calculator"


def manifest(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / CALCULATOR / "manifest.json").read_text("utf-8"))
    return data


def test_the_manifest_names_files_that_exist(any_site: tuple[str, Path]) -> None:
    _, built_site = any_site
    info = manifest(built_site)
    package = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text("utf-8"))
    assert info["pyodide"] == package["version"]
    runtime = (built_site / CALCULATOR / info["indexURL"]).resolve()
    assert runtime == (built_site / "assets" / "pyodide" / info["pyodide"]).resolve()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        shipped = (runtime / name).read_bytes()
        assert shipped == (ROOT / "node_modules" / "pyodide" / name).read_bytes(), name
    lock = json.loads((runtime / "pyodide-lock.json").read_text("utf-8"))
    assert info["lockInfo"] == lock["info"]
    wheel = built_site / CALCULATOR / info["wheel"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == info["sha256"]
    assert len(list((built_site / CALCULATOR).glob("*.whl"))) == 1


def test_the_wheel_is_pure_and_named_by_its_content(built_site: Path) -> None:
    info = manifest(built_site)
    name, version, build, *tags = info["wheel"].removesuffix(".whl").split("-")
    assert tags == ["py3", "none", "any"]
    assert name == "aliexpress_refund_calculator"
    assert build[0].isdigit() and build[1:] == info["sha256"][: len(build) - 1]
    with zipfile.ZipFile(built_site / CALCULATOR / info["wheel"]) as wheel:
        names = set(wheel.namelist())
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "calculator").glob("*.py")}
    assert source <= names
    assert "calculator/policy.toml" in names
    assert f"{name}-{version}.dist-info/WHEEL" in names


def test_the_same_source_gives_the_same_wheel(tmp_path: Path) -> None:
    hook = load_assets_hook()
    first = hook.build_wheel(tmp_path / "a")
    second = hook.build_wheel(tmp_path / "b")
    assert first.name == second.name
    assert first.read_bytes() == second.read_bytes()


def test_the_wheel_is_built_once_for_the_same_source(tmp_path: Path) -> None:
    first = cached_wheel(tmp_path)
    built = first.stat().st_mtime_ns
    second = cached_wheel(tmp_path)
    assert second == first and second.stat().st_mtime_ns == built
    assert second.name.endswith(WHEEL_TAIL)
    assert [p.name for p in tmp_path.iterdir()] == [first.parent.name]


def test_only_the_calculator_page_loads_the_calculator(any_site: tuple[str, Path]) -> None:
    _, built_site = any_site
    pages = [p for p in built_site.rglob("*.html") if "assets" not in p.parts]
    loading = sorted(
        str(p.relative_to(built_site))
        for p in pages
        if "assets/calculator/" in p.read_text("utf-8")
    )
    # One calculator page per language, all on the one runtime at the root's assets/.
    assert loading == [
        "calculator/index.html",
        "es/calculator/index.html",
        "pt/calculator/index.html",
    ]
    for language in ("es", "pt"):
        page = (built_site / language / "calculator" / "index.html").read_text("utf-8")
        assert '<script data-worker="../../assets/calculator/worker.mjs">' in page
        stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+calculator\.css)"', page)
        assert stylesheet and stylesheet.group(1) == "../../assets/calculator/calculator.css"
    assert not (built_site / "es" / "assets" / "calculator").exists()
    assert not (built_site / "pt" / "assets" / "pyodide").exists()


def test_the_worker_starts_before_the_page_waits_for_styles(any_site: tuple[str, Path]) -> None:
    """An inline script after a stylesheet waits for it; this one must come first."""
    _, built_site = any_site
    page = (built_site / "calculator" / "index.html").read_text("utf-8")
    starter = page.find('<script data-worker="../assets/calculator/worker.mjs">')
    assert 0 < starter < page.find('<link rel="stylesheet"')
    assert starter < page.find("</head>")
    worker = built_site / "calculator" / "../assets/calculator/worker.mjs"
    assert worker.resolve().is_file()
