"""Benchmark: the fuzz harness's figures per reader (cases, documents, clean errors, crashes) and its speed."""

from __future__ import annotations

from tests.bench.harness import Result
from tests.fuzz import runner

CASES = 2000  # per reader; `python -m tests.fuzz --cases 10000` for the full goal


def rows(cases: int = CASES) -> list[Result]:
    """One row per reader: seconds per case, and the outcome counts in the notes."""
    results = []
    for reader in runner.READERS:
        tally = runner.run(reader, cases)
        verdict = "ok" if tally.crashes == 0 else "CRASHES: " + ", ".join(tally.signatures)
        results.append(
            Result(
                f"fuzz: {reader} reader, per case",
                tally.seconds / max(tally.cases, 1),
                note=f"{tally.cases} cases: {tally.documents} documents, {tally.errors} clean errors, "
                f"{tally.crashes} crashes ({verdict})",
            )
        )
    return results
