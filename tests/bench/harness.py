"""Measure in-process calls and whole commands: time and peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PAIRS = 7  # interleaved pairs for every row that compares two commands


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


# Runs the commands it is sent, one at a time, and reports each one's wall time and peak RSS.
# Peak RSS has to come from a small process: Linux keeps a process's peak across exec, and a
# child forked (or vforked) from this benchmark starts with the benchmark's own peak, so wait4
# here would report our hundred megabytes for a 12 MB `briefing --help`. The launcher is a bare
# `python -S -I`, so its own size (printed as the floor) is the least a command can show.
_LAUNCHER = r"""
import json, os, sys, time
for line in sys.stdin:
    job = json.loads(line)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            out = os.open(os.devnull, os.O_WRONLY)
            err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(out, 1)
            os.dup2(err, 2)
            os.execvpe(job["argv"][0], job["argv"], job["env"])
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"seconds": seconds, "rss_kb": usage.ru_maxrss, "code": code}), flush=True)
"""


class Launcher:
    """The process that starts measured commands, one at a time (see _LAUNCHER)."""

    _running: Launcher | None = None

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-I", "-c", _LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        handle, self.stderr = tempfile.mkstemp(prefix="bench-stderr-")
        os.close(handle)
        self.floor_mb = self.run([sys.executable, "-S", "-I", "-c", "pass"], dict(os.environ))[1]

    @classmethod
    def get(cls) -> Launcher:
        if cls._running is None:
            cls._running = cls()
        return cls._running

    def run(self, argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
        """Wall seconds and peak RSS in MB of one run of `argv`; a failure raises."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"argv": list(argv), "env": env, "stderr": self.stderr}) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        if reply["code"] != 0:
            err = Path(self.stderr).read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(argv)} failed ({reply['code']}): {err.strip()}")
        return reply["seconds"], reply["rss_kb"] / 1024  # KiB on Linux


def _environment(env: dict[str, str] | None) -> dict[str, str]:
    # Python may cache compiled modules, as it does for users: an environment that sets
    # PYTHONDONTWRITEBYTECODE would otherwise make every run compile the toolkit from source.
    return {k: v for k, v in {**os.environ, **(env or {})}.items() if k != "PYTHONDONTWRITEBYTECODE"}


def command(
    argv: Sequence[str], repeat: int = 3, env: dict[str, str] | None = None, warmup: bool = True
) -> tuple[float, float]:
    """Median wall time of a whole command and its own peak RSS in MB.

    One untimed run first writes the bytecode caches and warms the file cache;
    pass `warmup=False` for a command that must not run twice (a batch).
    """
    launcher, environment = Launcher.get(), _environment(env)
    if warmup:
        launcher.run(argv, environment)
    runs = [launcher.run(argv, environment) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


@dataclass
class Paired:
    """Two commands run in alternation: A B A B ..., so that both meet the same load."""

    ours: list[float]
    theirs: list[float]
    ours_peak_mb: float
    theirs_peak_mb: float
    load: tuple[float, float]  # one-minute load average before and after

    @property
    def ratios(self) -> list[float]:
        """Per pair: our time over theirs (below 1: we are faster)."""
        return [a / b for a, b in zip(self.ours, self.theirs, strict=True)]

    def ratio_note(self, faster: bool = False) -> str:
        """`1.23x (1.10-1.40) of 7 pairs, load 1.5-1.7`; with `faster`, how many times faster we are."""
        values = [1 / r for r in self.ratios] if faster else self.ratios
        word = "faster: " if faster else "their time: "
        return (
            f"{statistics.median(values):.2f}x {word}median of {len(values)} interleaved pairs, "
            f"range {min(values):.2f}-{max(values):.2f}x; load {self.load[0]:.2f}-{self.load[1]:.2f}"
        )


def paired(
    ours: Sequence[str] | Callable[[int], Sequence[str]],
    theirs: Sequence[str] | Callable[[int], Sequence[str]],
    pairs: int = PAIRS,
    env: dict[str, str] | None = None,
    warmup: bool = True,
) -> Paired:
    """Run `ours` and `theirs` in alternation, `pairs` times each; an argv or a function of the pair number."""
    launcher, environment = Launcher.get(), _environment(env)

    def argv(spec: Sequence[str] | Callable[[int], Sequence[str]], n: int) -> Sequence[str]:
        return spec(n) if callable(spec) else spec

    if warmup:
        launcher.run(argv(ours, -1), environment)
        launcher.run(argv(theirs, -1), environment)
    before = os.getloadavg()[0]
    a, b = [], []
    for n in range(pairs):
        a.append(launcher.run(argv(ours, n), environment))
        b.append(launcher.run(argv(theirs, n), environment))
    return Paired(
        [t for t, _ in a],
        [t for t, _ in b],
        max(m for _, m in a),
        max(m for _, m in b),
        (before, os.getloadavg()[0]),
    )


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
