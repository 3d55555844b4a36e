"""The snapshot the site ships answers exactly as CPython does.

The snapshot is a Python that has already imported the calculator and run each
bridge function once; if those warm-up calls left any state behind (a cache keyed on
the wrong thing, a default fixed at build time), answers after a restore would drift
from the engine's. The same generated cases as the Pyodide comparison run through the
restored snapshot here, under Node.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_pyodide_diff import assert_same_answers, build_calls, generate_cases, run_in_cpython

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "snapshot_answers.mjs"

pytestmark = pytest.mark.node

SHIFT_DAYS = 400
NO_TODAY = {"order-date": "2024-01-05", "shipped": "2024-01-07"}


def shipped(built_site: Path) -> tuple[Path, Path]:
    """The runtime folder and the snapshot exactly as the built site serves them."""
    here = built_site / "assets" / "calculator"
    manifest = json.loads((here / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["snapshot"], "the build shipped no snapshot"
    return (here / manifest["indexURL"]).resolve(), here / manifest["snapshot"]


def answer_from_snapshot(
    built_site: Path,
    calls: list[dict[str, Any]],
    tmp_path: Path,
    snapshot: Path | None = None,
    preload: Path | None = None,
) -> list[str]:
    """Restore the site's snapshot (or another one) and answer `calls` from it;
    `preload` is a module Node imports first."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the snapshot cannot be checked without it")
    runtime, site_snapshot = shipped(built_site)
    calls_file = tmp_path / "calls.json"
    calls_file.write_text(json.dumps(calls), encoding="utf-8")
    out = tmp_path / "answers.json"
    command = [node] + (["--import", preload.as_uri()] if preload else []) + [str(SCRIPT)]
    command += ["--pyodide", str(runtime), "--snapshot", str(snapshot or site_snapshot)]
    command += ["--calls", str(calls_file), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    answers: list[str] = json.loads(out.read_text(encoding="utf-8"))
    return answers


def test_the_restored_snapshot_gives_cpythons_json(built_site: Path, tmp_path: Path) -> None:
    calls = build_calls(generate_cases())
    expected = run_in_cpython(calls)
    actual = answer_from_snapshot(built_site, calls, tmp_path)
    assert_same_answers(calls, actual, expected, "snapshot")


def test_a_snapshot_made_on_another_day_answers_with_the_readers_today(
    built_site: Path, tmp_path: Path
) -> None:
    """A reader who clears "today" gets the date of their visit, not of the build.

    The snapshot here is made with the clock Python reads (JavaScript's Date.now)
    set back by SHIFT_DAYS; running the same restore with that clock shows the shift
    reaches Python, and running it with the real clock must give the real date.
    """
    runtime, _ = shipped(built_site)
    here = built_site / "assets" / "calculator"
    wheel = here / json.loads((here / "manifest.json").read_text(encoding="utf-8"))["wheel"]
    shift = tmp_path / "shift.mjs"
    shift.write_text(
        f"const realNow = Date.now.bind(Date);\n"
        f"Date.now = () => realNow() - {SHIFT_DAYS} * 86400000;\n",
        encoding="utf-8",
    )
    old = tmp_path / "made-earlier.bin.gz"
    node = shutil.which("node")
    assert node is not None
    command = [node, "--import", shift.as_uri(), str(ROOT / "scripts" / "make_snapshot.mjs")]
    command += ["--pyodide", str(runtime), "--wheel", str(wheel), "--out", str(old)]
    made = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert made.returncode == 0, made.stderr
    call = [{"op": "assess_json", "args": [json.dumps(NO_TODAY)]}]
    before = date.today()
    [then] = answer_from_snapshot(built_site, call, tmp_path, snapshot=old, preload=shift)
    [now] = answer_from_snapshot(built_site, call, tmp_path, snapshot=old)
    after = date.today()
    shifted = {(day - timedelta(days=SHIFT_DAYS)).isoformat() for day in (before, after)}
    assert json.loads(then)["result"]["today"] in shifted
    assert json.loads(now)["result"]["today"] in {before.isoformat(), after.isoformat()}
