"""Benchmarks run by `make bench`: figures with medians and ratios, never timed tests."""
