"""Run every `bench_*` module in this package, in name order, in one process run."""

import importlib
import pkgutil

import benchmarks


def main() -> None:
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda m: m.name):
        if info.name.startswith("bench_"):
            module = importlib.import_module(f"benchmarks.{info.name}")
            print(f"\n## {info.name}", flush=True)
            module.main()


if __name__ == "__main__":
    main()
