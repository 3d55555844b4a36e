"""The batch of this checkout against another version of the engine, in one process.

On a shared machine two runs minutes apart differ more than two versions do, so the
two versions run alternately in one process, on the same rows, and the ratio B / A
is what to rely on. A is the other version: a directory holding its `calculator/`
(say `git archive <commit> calculator | tar -x -C /tmp/a`, with the compiled
catalogues copied from this checkout if its messages are the same); B is this checkout.

    .venv/bin/python -m benchmarks.ab_batch /tmp/a

Not run by `make bench`: it needs the other version.
"""

from __future__ import annotations

import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.bench_batch import TODAY, make_csv
from benchmarks.bench_page import batch_csv as page_csv

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
Batch = Callable[[str, date], Any]
Bridge = Callable[[str, str], str]


def load(directory: Path) -> tuple[Batch, Bridge]:
    """`run_batch` and `bridge.batch_json` of the engine in `directory`, imported afresh."""
    for name in [n for n in sys.modules if n == "calculator" or n.startswith("calculator.")]:
        del sys.modules[name]
    sys.path.insert(0, str(directory))
    try:
        engine = importlib.import_module("calculator")
        bridge = importlib.import_module("calculator.bridge")
    finally:
        sys.path.remove(str(directory))
    assert Path(engine.__file__ or "").is_relative_to(directory), engine.__file__
    return engine.run_batch, bridge.batch_json


def compare(text: str, versions: dict[str, tuple[Batch, Bridge]]) -> dict[str, list[float]]:
    """RUNS runs of each version, alternating which goes first: run_batch's wall and CPU
    time, and the page's whole call (the bridge, with JSON and CSV)."""
    times: dict[str, list[float]] = {}
    names = list(versions)
    for run in range(RUNS):
        for name in names if run % 2 == 0 else names[::-1]:
            run_batch, batch_json = versions[name]
            wall, cpu = time.perf_counter(), time.process_time()
            run_batch(text, TODAY)
            times.setdefault(f"{name} run_batch wall", []).append(time.perf_counter() - wall)
            times.setdefault(f"{name} run_batch CPU", []).append(time.process_time() - cpu)
            wall = time.perf_counter()
            batch_json(text, TODAY.isoformat())
            times.setdefault(f"{name} bridge wall", []).append(time.perf_counter() - wall)
    return times


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m benchmarks.ab_batch DIR  (DIR holds the other calculator/)")
        return
    other = Path(args[0]).resolve()
    versions = {"A": load(other), "B": load(ROOT)}
    inputs = (("bench_batch's rows", make_csv()), ("bench_page's rows", page_csv(10_000)))
    for label, text in inputs:
        times = compare(text, versions)
        load_now = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{label}: median of {RUNS}, alternating; load average {load_now}")
        for name, got in times.items():
            print(f"  {name}: {statistics.median(got):.3f} s (fastest {min(got):.3f})")
        for measure in ("run_batch wall", "run_batch CPU", "bridge wall"):
            ratio = statistics.median(times[f"B {measure}"]) / statistics.median(
                times[f"A {measure}"]
            )
            print(f"  B / A, {measure}: {ratio:.2f}")


if __name__ == "__main__":
    main()
