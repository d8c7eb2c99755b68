"""Benchmark rows for reading and converting: the seed and a 100x document."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from tests.bench import harness
from tests.bench.harness import Result
from tests.bench.synthetic import SEED, scaled_seed_text
from toolkit.model import serialise
from toolkit.readers.poi_text import read_poi_text

HELP_TARGET_S = 0.045


def rows() -> list[Result]:
    results = []
    seed = SEED.read_bytes()
    seconds, peak = harness.in_process(lambda: serialise(read_poi_text(seed, "seed.txt")), repeat=50)
    results.append(Result("seed txt->xml, in-process", seconds, peak, "target < 20 ms"))

    per_copy = {}
    for times in (10, 100):
        data = scaled_seed_text(times)
        seconds, peak = harness.in_process(
            lambda data=data: serialise(read_poi_text(data, "big.txt")), repeat=5
        )
        per_copy[times] = seconds / times
        note = f"{len(data) / 1e6:.1f} MB input"
        if times == 100:
            note += (
                f"; target < 2 s; per copy {per_copy[100] / per_copy[10]:.2f}x the 10x run's (1.0 = linear)"
            )
        results.append(Result(f"{times}x seed txt->xml, in-process", seconds, peak, note))

    bare = [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_bytes(scaled_seed_text(100))
        for name, argv in (
            ("seed txt->xml", harness.briefing("convert", str(SEED), "-o", f"{tmp}/seed.xml")),
            ("100x seed txt->xml", harness.briefing("convert", str(big), "-o", f"{tmp}/big.xml")),
        ):
            run = harness.paired(argv, bare)
            results.append(
                Result(
                    f"{name}, whole command",
                    statistics.median(run.ours),
                    run.ours_peak_mb,
                    f"vs `python -c pass`: {run.ratio_note()}",
                )
            )
    run = harness.paired(harness.briefing("--help"), bare)
    median = statistics.median(run.ours)
    verdict = "meets" if median < HELP_TARGET_S else "MISSES"
    results.append(
        Result(
            "briefing --help, whole command",
            median,
            run.ours_peak_mb,
            f"target < {HELP_TARGET_S * 1000:.0f} ms: {verdict}; range {min(run.ours) * 1000:.0f}-"
            f"{max(run.ours) * 1000:.0f} ms; vs `python -c pass` "
            f"({statistics.median(run.theirs) * 1000:.0f} ms, {run.theirs_peak_mb:.1f} MB): {run.ratio_note()}",
        )
    )
    # The floor of `--help` for any command built on argparse: one empty parser printing its help.
    argparse_help = [
        sys.executable,
        "-c",
        "import argparse; argparse.ArgumentParser().parse_args(['--help'])",
    ]
    floor = harness.paired(harness.briefing("--help"), argparse_help)
    results.append(
        Result(
            "floor: an empty argparse parser's --help",
            statistics.median(floor.theirs),
            floor.theirs_peak_mb,
            f"briefing --help takes {floor.ratio_note()} (median of the same pairs' ratios)",
        )
    )
    results.append(
        Result(
            "launcher floor (python -S -I -c pass)",
            0.0,
            harness.Launcher.get().floor_mb,
            "no command can show a peak below this: it is the size of the process that starts them",
        )
    )
    return results
