"""Benchmark rows for batch: documents per minute, jobs 1 vs 2, rerun time."""

from __future__ import annotations

import json
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.batch_corpus import write_corpus
from tests.bench import harness
from tests.bench.harness import Result

COUNT = 200  # documents per throughput run, and for the rerun row


def rows() -> list[Result]:
    results = []
    harness.command(harness.briefing("--help"), repeat=1)  # write the bytecode caches first
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        write_corpus(src, COUNT)

        def batch(jobs: int) -> Callable[[int], list[str]]:
            # A fresh folder for every run: a finished one would only be skipped.
            def argv(n: int) -> list[str]:
                out = Path(tmp) / f"out{jobs}-{n}"
                return harness.briefing(
                    "batch", str(src), "--out", str(out), "--formats", "xml,docx,pdf", "--jobs", str(jobs)
                )

            return argv

        run = harness.paired(batch(2), batch(1), pairs=harness.PAIRS, warmup=False)
        for jobs, times, peak in ((1, run.theirs, run.theirs_peak_mb), (2, run.ours, run.ours_peak_mb)):
            seconds = statistics.median(times)
            note = f"{COUNT / seconds * 60:.0f} docs/min (median of {len(times)})"
            if jobs == 2:
                speedup = statistics.median(1 / r for r in run.ratios)
                verdict = "meets" if speedup >= 1.7 else "MISSES"
                note += f"; --jobs 1 vs 2 {run.ratio_note(faster=True)} (target >= 1.7x: {verdict})"
            results.append(Result(f"batch {COUNT} docs nl xml+docx+pdf, --jobs {jobs}", seconds, peak, note))
        out = Path(tmp) / "out2-0"  # a --jobs 2 run above finished this batch
        seconds, peak = harness.command(
            harness.briefing(
                "batch", str(src), "--out", str(out), "--formats", "xml,docx,pdf", "--jobs", "2"
            ),
            repeat=1,
            warmup=False,
        )
        skipped = json.loads((out / "batch-report.json").read_text())["skipped"]
        results.append(
            Result("rerun of a finished 200-doc batch", seconds, peak, f"{skipped} skipped; target < 2 s")
        )
        results.extend(_translated_rows(src, Path(tmp)))
    return results


def _translated_rows(src: Path, tmp: Path) -> list[Result]:
    """--lang en with the tiny test model: it shows throughput, not quality."""
    import os

    from tests.translate_support import install_test_model

    models = tmp / "models"
    install_test_model(models)
    env = {"BRIEFING_MODELS_DIR": str(models), "BRIEFING_CACHE_DIR": str(tmp / "cache")}
    results = []
    for jobs in (1, 2):
        out = tmp / f"en{jobs}"
        argv = harness.briefing(
            "batch",
            str(src),
            "--out",
            str(out),
            "--lang",
            "en",
            "--formats",
            "xml",
            "--jobs",
            str(jobs),
            "--no-cache",
        )
        seconds, peak = harness.command(argv, repeat=1, env={**os.environ, **env}, warmup=False)
        results.append(
            Result(
                f"batch {COUNT} docs nl+en xml (tiny test model), --jobs {jobs}",
                seconds,
                peak,
                f"{COUNT / seconds * 60:.0f} docs/min; peak = largest worker",
            )
        )
    return results
