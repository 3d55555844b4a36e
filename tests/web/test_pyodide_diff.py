"""The engine gives the same JSON in real Pyodide as in CPython.

The page runs the calculator in Pyodide (Python 3.14 compiled to WebAssembly), the
terminal and the other tests in CPython 3.11: a difference in date handling, JSON
output or the standard library between the two would show up only here. The cases
come from Hypothesis strategies, including impossible dates and garbage, so the
error paths are compared as well as the answers.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fuzz_helpers import Fields, batch_csv, form_fields
from hypothesis import given, settings

from calculator import bridge
from calculator.vocab import Status
from sitebuild import assets

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "pyodide_diff.mjs"
RESTORE = ROOT / "scripts" / "snapshot_answers.mjs"
CASES = 1200
BATCH_SIZE = 60

pytestmark = pytest.mark.node


def load_assets_hook() -> ModuleType:
    """The wheel is built by the site build's own code, so the test checks what ships."""
    return assets


def generate_cases() -> list[Fields]:
    cases: list[Fields] = []

    @settings(max_examples=CASES, database=None, derandomize=True, deadline=None)
    @given(form_fields())
    def collect(fields: Fields) -> None:
        cases.append(fields)

    collect()
    return cases


LANGUAGES = ("en", "es", "pt-BR")
"""The page's languages: the wheel must hold every catalogue, so each is compared too."""


def build_calls(cases: list[Fields]) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    for number, fields in enumerate(cases):
        lang = LANGUAGES[number % len(LANGUAGES)]
        # English by default: the page's calls without a language keep working.
        args = [json.dumps(fields)] if number % 6 == 0 else [json.dumps(fields), lang]
        calls.append({"op": "assess_json", "args": args})
        if number % 4 == 0:
            calls.append({"op": "ics_json", "args": args})
    for start in range(0, len(cases), BATCH_SIZE):
        chunk = cases[start : start + BATCH_SIZE]
        today = max(fields["today"] for fields in chunk)
        lang = LANGUAGES[(start // BATCH_SIZE) % len(LANGUAGES)]
        calls.append({"op": "batch_json", "args": [batch_csv(chunk), today, None, lang]})
    calls.append({"op": "batch_json", "args": ["order_id,shipped\n1,2026-01-01\n", "2026-02-01"]})
    calls.append({"op": "assess_json", "args": ["not json"]})
    return calls


def run_in_cpython(calls: list[dict[str, Any]]) -> list[str]:
    functions: dict[str, Callable[..., str]] = {
        "assess_json": bridge.assess_json,
        "ics_json": bridge.ics_json,
        "batch_json": bridge.batch_json,
    }
    return [functions[call["op"]](*call["args"]) for call in calls]


def run_in_pyodide(calls: list[dict[str, Any]], tmp_path: Path) -> list[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the page's engine cannot be checked without it")
    wheel = load_assets_hook().build_wheel(tmp_path / "wheel")
    calls_file = tmp_path / "calls.json"
    calls_file.write_text(json.dumps(calls), encoding="utf-8")
    out = tmp_path / "answers.json"
    command = [node, str(SCRIPT), "--wheel", str(wheel), "--calls", str(calls_file)]
    command += ["--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    answers: list[str] = json.loads(out.read_text(encoding="utf-8"))
    return answers


def run_restored_without_stdlib(
    calls: list[dict[str, Any]], site: Path, tmp_path: Path
) -> list[str]:
    """The calls answered as the page answers them after a restore: the site's own
    snapshot, with the empty standard library the site gives it."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the page's engine cannot be checked without it")
    here = site / "assets" / "calculator"
    manifest = json.loads((here / "manifest.json").read_text(encoding="utf-8"))
    stdlib = here / manifest["snapshotStdlib"]
    with zipfile.ZipFile(stdlib) as empty:
        assert empty.namelist() == [], "the restored interpreter's standard library is not empty"
    calls_file = tmp_path / "calls.json"
    calls_file.write_text(json.dumps(calls), encoding="utf-8")
    out = tmp_path / "restored.json"
    command = [node, str(RESTORE), "--pyodide", str(here / manifest["indexURL"])]
    command += ["--snapshot", str(here / manifest["snapshot"]), "--stdlib", str(stdlib)]
    command += ["--calls", str(calls_file), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    answers: list[str] = json.loads(out.read_text(encoding="utf-8"))
    return answers


def assert_same_answers(
    calls: list[dict[str, Any]], actual: list[str], expected: list[str], source: str = "pyodide"
) -> None:
    """Every answer the same as CPython's; else how many differ and the first, in full."""
    assert len(actual) == len(expected)
    differing = [index for index, (a, b) in enumerate(zip(actual, expected, strict=True)) if a != b]
    if differing:
        first = differing[0]
        pytest.fail(
            f"{len(differing)} of {len(calls)} answers differ; first: {calls[first]}\n"
            f"  {source}: {actual[first][:600]}\n  cpython: {expected[first][:600]}"
        )


def test_generated_cases_cover_answers_and_refusals() -> None:
    """Guards the comparison below against a generator that only makes one kind of case."""
    cases = generate_cases()
    assert len(cases) >= 1000
    replies = [json.loads(bridge.assess_json(json.dumps(case))) for case in cases]
    answered = [reply for reply in replies if reply["ok"]]
    refused = {reply["error"]["field"] for reply in replies if not reply["ok"]}
    # Hypothesis mixes literals from the project's own code into what it draws, so the share
    # of answers moves a little whenever the code's strings change (356 of 1200 with the
    # catalogued messages, 404 before): a quarter still proves both kinds are there.
    assert len(answered) > len(cases) // 4
    assert {
        "shipped",
        "protection-days",
        "payment-method",
        "dispute-reason",
        "region",
        "paid-on",
    } <= refused
    statuses = {route["status"] for reply in answered for route in reply["result"]["routes"]}
    assert statuses == set(Status)
    families = {
        route["family"]
        for reply in answered
        for route in reply["result"]["routes"]
        if route["status"] in ("open", "check", "in_dispute")
    }
    assert families == {"aliexpress", "payment", "law"}
    assert any(reply["result"]["dispute"] for reply in answered)


def test_pyodide_gives_the_same_json_as_cpython(tmp_path: Path) -> None:
    calls = build_calls(generate_cases())
    expected = run_in_cpython(calls)
    actual = run_in_pyodide(calls, tmp_path)
    assert_same_answers(calls, actual, expected)
    batches = [json.loads(a) for a, c in zip(actual, calls, strict=True) if c["op"] == "batch_json"]
    assert sum(len(b["result"]["rows"]) for b in batches if b["ok"]) > 400


def test_a_restored_interpreter_answers_the_same_without_the_standard_library(
    built_site: Path, tmp_path: Path
) -> None:
    """The page spares a restored interpreter python_stdlib.zip: every call above,
    refusals and garbage included, must still give CPython's JSON. A call that
    imported a module the snapshot does not hold would fail here, not in a reader's
    browser."""
    calls = build_calls(generate_cases())
    actual = run_restored_without_stdlib(calls, built_site, tmp_path)
    assert_same_answers(calls, actual, run_in_cpython(calls))
