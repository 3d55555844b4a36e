"""The engine's own test suite passes inside real Pyodide, on the wheel the site ships.

The differential test compares answers for generated cases; this runs every engine
test where the page's Python actually runs. Three modules stay on CPython only, each
for a reason of the platform rather than of the engine: the command-line tests start
processes, which WebAssembly cannot, and the property tests need Hypothesis, whose
installed build carries a native part compiled for this machine's CPython (the lean
batch's comparison with the full one draws its orders from Hypothesis too).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_pyodide_diff import load_assets_hook

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "pyodide_pytest.mjs"
SELECTION = [
    "--noconftest",
    "tests/calculator",
    "--ignore=tests/calculator/test_cli.py",
    "--ignore=tests/calculator/test_properties.py",
    # Hypothesis does not import in Pyodide; the lean batch's answers are compared with
    # the full ones in CPython, and Pyodide's with CPython's by test_pyodide_diff.
    "--ignore=tests/calculator/test_batch_lean.py",
]

pytestmark = pytest.mark.node


def collected_in_cpython() -> int:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        command + SELECTION, capture_output=True, text=True, cwd=ROOT, check=False
    )
    found = re.search(r"(\d+) tests? collected", result.stdout)
    assert found is not None, result.stdout[-2000:] + result.stderr[-2000:]
    return int(found.group(1))


def test_engine_suite_passes_in_pyodide(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the page's engine cannot be checked without it")
    wheel = load_assets_hook().build_wheel(tmp_path)
    site_packages = Path(pytest.__file__).resolve().parents[1]
    command = [node, str(SCRIPT), "--wheel", str(wheel), "--repo", str(ROOT)]
    command += ["--site-packages", str(site_packages), "--", "-q", *SELECTION]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, output[-4000:]
    summary = re.fullmatch(r"(\d+) passed in [\d.]+s", output.splitlines()[-1])
    assert summary is not None, output[-2000:]
    # Every test CPython collects from the same selection ran, and passed, in Pyodide.
    assert int(summary.group(1)) == collected_in_cpython()
