"""Benchmark rows for reading and converting: the seed and a 100x document."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.bench import harness
from tests.bench.harness import Result
from tests.bench.synthetic import SEED, scaled_seed_text
from toolkit.model import serialise
from toolkit.readers.poi_text import read_poi_text


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

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_bytes(scaled_seed_text(100))
        seconds, peak = harness.command(harness.briefing("convert", str(SEED), "-o", f"{tmp}/seed.xml"))
        results.append(Result("seed txt->xml, whole command", seconds, peak))
        seconds, peak = harness.command(harness.briefing("convert", str(big), "-o", f"{tmp}/big.xml"))
        results.append(Result("100x seed txt->xml, whole command", seconds, peak))
    seconds, peak = harness.command(harness.briefing("--help"), repeat=5)
    results.append(Result("briefing --help, whole command", seconds, peak, "target < 300 ms"))
    return results
