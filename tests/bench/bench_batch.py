"""Benchmark rows for batch: documents per minute, jobs 1 vs 2, rerun time."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from tests.batch_corpus import write_corpus
from tests.bench import harness
from tests.bench.harness import Result

COUNT = 200  # documents per throughput run, and for the rerun row


def _batch(src: Path, out: Path, *extra: str) -> tuple[float, float]:
    return harness.command(
        harness.briefing("batch", str(src), "--out", str(out), *extra), repeat=1, warmup=False
    )


def rows() -> list[Result]:
    results = []
    harness.command(harness.briefing("--help"), repeat=1)  # write the bytecode caches first
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        write_corpus(src, COUNT)
        per_minute = {}
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            seconds, peak = _batch(src, out, "--formats", "xml,docx,pdf", "--jobs", str(jobs))
            per_minute[jobs] = COUNT / seconds * 60
            note = f"{per_minute[jobs]:.0f} docs/min"
            if jobs == 2:
                note += f"; {per_minute[2] / per_minute[1]:.2f}x jobs 1 (target >= 1.7x)"
            results.append(Result(f"batch {COUNT} docs nl xml+docx+pdf, --jobs {jobs}", seconds, peak, note))
        out = Path(tmp) / "out2"  # the --jobs 2 run above finished this batch
        seconds, peak = _batch(src, out, "--formats", "xml,docx,pdf", "--jobs", "2")
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
