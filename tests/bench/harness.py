"""Measure in-process calls and whole commands: time and peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass
class Result:
    """One row of the benchmark table."""

    name: str
    seconds: float
    peak_mb: float | None = None
    note: str = ""  # ratios, targets, sizes: whatever the row needs to say


def in_process(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """Median wall time of `fn()` and its peak Python allocation in MB.

    The peak is measured on one extra run under tracemalloc, so that the
    tracing overhead does not distort the timings.
    """
    fn()  # warm-up: imports and caches are not what we measure
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 1e6


def command(
    argv: Sequence[str], repeat: int = 3, env: dict[str, str] | None = None, warmup: bool = True
) -> tuple[float, float]:
    """Median wall time of a whole command and its peak RSS in MB (from wait4).

    Python may cache compiled modules, as it does for users: an environment
    that sets PYTHONDONTWRITEBYTECODE would otherwise make every run compile
    the toolkit from source. One untimed run first writes those caches;
    pass `warmup=False` for a command that must not run twice (a batch).
    """
    environment = {k: v for k, v in {**os.environ, **(env or {})}.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if warmup:
        subprocess.run(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    times, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment
        )
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"{' '.join(argv)} failed: {err.strip()}")
        if proc.stderr:
            proc.stderr.close()
        peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
    return statistics.median(times), max(peaks)


def briefing(*args: str) -> list[str]:
    """argv for the `briefing` command run by this Python."""
    return [sys.executable, "-m", "toolkit", *args]


def print_table(results: list[Result]) -> None:
    """Print the rows as an aligned plain-text table."""
    width = max([len(r.name) for r in results] + [9])
    print(f"{'benchmark':<{width}}  {'time':>10}  {'peak MB':>8}  notes")
    print(f"{'-' * width}  {'-' * 10}  {'-' * 8}  {'-' * 5}")
    for r in results:
        peak = f"{r.peak_mb:8.1f}" if r.peak_mb is not None else f"{'-':>8}"
        print(f"{r.name:<{width}}  {format_seconds(r.seconds):>10}  {peak}  {r.note}")


def format_seconds(seconds: float) -> str:
    """Milliseconds below a second, seconds above."""
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"
