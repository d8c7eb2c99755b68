"""Benchmarks: `python -m tests.bench` prints a table of timings and memory."""
