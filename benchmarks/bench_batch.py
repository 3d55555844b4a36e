"""How fast the batch ranks a dropshipper's order list: 10,000 realistic rows.

Prints the median of several runs, rows per second, the ratio to a one-second
budget and the peak memory of one run. A benchmark, never a timed test.
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from datetime import date, timedelta

from calculator import run_batch
from calculator.policy import POLICY

ROWS = 10_000
RUNS = 7
TODAY = date(2026, 11, 26)
BUDGET_SECONDS = 0.5  # issue 19: run_batch of 10,000 rows at most 0.5 s in CPython
PROTECTION_RANGE = POLICY.entries["protection_days"].range or (1, 1)
HEADER = (
    "order_id,order_date,shipped,delivered,protection_end,protection_days,"
    "dispute_opened,seller_replied,refund_approved,payment_method,free_return"
)


def _row(rng: random.Random, number: int) -> str:
    """One order at a random stage: unshipped, in transit, delivered, disputed or refunded."""
    order = TODAY - timedelta(days=rng.randint(0, 150))
    cells: dict[str, str] = {"order_id": f"AE{number:08d}", "order_date": order.isoformat()}
    stage = rng.random()
    if stage > 0.1:
        shipped = min(TODAY, order + timedelta(days=rng.randint(0, 10)))
        cells["shipped"] = shipped.isoformat()
        if rng.random() < 0.2:
            cells["protection_end"] = (
                shipped + timedelta(days=rng.randint(*PROTECTION_RANGE))
            ).isoformat()
        delivered = shipped + timedelta(days=rng.randint(7, 60))
        if stage > 0.5 and delivered <= TODAY:
            cells["delivered"] = delivered.isoformat()
        if stage > 0.8:
            opened = min(
                TODAY,
                max(shipped, delivered if delivered <= TODAY else shipped)
                + timedelta(days=rng.randint(0, 10)),
            )
            cells["dispute_opened"] = opened.isoformat()
            if stage > 0.9:
                cells["refund_approved"] = min(
                    TODAY, opened + timedelta(days=rng.randint(0, 7))
                ).isoformat()
    cells["payment_method"] = rng.choice(["card", "card", "paypal", "balance", "other"])
    cells["free_return"] = rng.choice(["", "", "yes"])
    if rng.random() < 0.01:
        cells["shipped"] = "2026-02-30"  # a typo, as real exports have
    return ",".join(cells.get(name, "") for name in HEADER.split(","))


def make_csv(rows: int = ROWS, seed: int = 2026) -> str:
    rng = random.Random(seed)
    return "\n".join([HEADER, *(_row(rng, n) for n in range(rows))]) + "\n"


def _median_run(text: str) -> tuple[float, float, float, float]:
    """Median and spread of wall time, and median CPU time (less noisy on a busy machine)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        run_batch(text, TODAY)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), min(wall), max(wall), statistics.median(cpu)


def main() -> None:
    text = make_csv()
    result = run_batch(text, TODAY)
    print(f"rows: {ROWS} ({len(result.rows)} assessed, {len(result.errors)} reported as bad)")
    median, fastest, slowest, cpu = _median_run(text)
    print(f"run_batch wall time, median of {RUNS}: {median:.3f} s")
    print(f"  fastest {fastest:.3f} s, slowest {slowest:.3f} s; median CPU time {cpu:.3f} s")
    print(f"rows per second: {ROWS / median:,.0f}")
    print(f"ratio to the {BUDGET_SECONDS:g} s budget: {median / BUDGET_SECONDS:.2f}")
    tracemalloc.start()
    run_batch(text, TODAY)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory of one run (tracemalloc): {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
