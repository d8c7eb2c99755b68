"""`briefing serve` benchmarks: seed -> PDF latency against LibreOffice, DOCX throughput, translation.

Servers run on 127.0.0.1 in subprocesses (`python -m toolkit.serve`), as users start them.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import toolkit
from tests.bench.harness import Result, briefing, command
from tests.test_serve_live import LiveServer, hammer
from tests.translate_support import install_test_model

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
PAIRS = 7
LATENCY_REQUESTS = 40
THROUGHPUT_REQUESTS = 200
CONCURRENCY = 8


def rows() -> list[Result]:
    import httpx

    out: list[Result] = []
    seed = SEED.read_bytes()
    with LiveServer("--workers", "1", "--no-cache") as server, httpx.Client(base_url=server.url) as client:

        def ours() -> float:
            start = time.perf_counter()
            response = client.post("/api/convert", files={"file": (SEED.name, seed)}, data={"to": "pdf"})
            response.raise_for_status()
            return time.perf_counter() - start

        for _ in range(5):
            ours()  # warm: the first requests pay for the connection and the first allocations
        latencies = [ours() for _ in range(LATENCY_REQUESTS)]
        median = statistics.median(latencies)
        out.append(
            Result(
                "serve: seed -> PDF via /api/convert, 1 worker",
                median,
                server.rss_mb(),
                f"median of {LATENCY_REQUESTS} sequential requests, "
                f"range {min(latencies) * 1000:.0f}-{max(latencies) * 1000:.0f} ms; peak = server RSS",
            )
        )
        out.extend(_against_libreoffice(ours))
    out.extend(_throughput(seed))
    out.extend(_translation())
    return out


def _against_libreoffice(ours: object) -> list[Result]:
    """Interleaved pairs: one of our requests, then one warm `soffice --convert-to pdf` of our DOCX."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("bench_serve: soffice not found, skipping the LibreOffice row", file=sys.stderr)
        return []
    assert callable(ours)
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "seed.docx"
        docx.write_bytes(toolkit.render(toolkit.read(SEED), "docx"))
        argv = [
            soffice,
            f"-env:UserInstallation=file://{tmp}/lo-profile",  # its own profile, warmed by the first run
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            f"{tmp}/lo",
            str(docx),
        ]
        command(argv, repeat=1)  # creates the profile: not what we measure
        ratios, theirs = [], []
        for _ in range(PAIRS):
            mine = ours()
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            lo = time.perf_counter() - start
            theirs.append(lo)
            ratios.append(lo / mine)
    ratio = statistics.median(ratios)
    verdict = "meets" if ratio >= 20 else "MISSES"
    return [
        Result(
            "serve: soffice --headless --convert-to pdf (our DOCX of the seed, warm profile)",
            statistics.median(theirs),
            None,
            f"{PAIRS} interleaved pairs: serve is {ratio:.0f}x faster (median; range "
            f"{min(ratios):.0f}-{max(ratios):.0f}x), {verdict} the 20x target",
        )
    ]


def _throughput(seed: bytes) -> list[Result]:
    out = []
    for workers in (1, 2):
        with LiveServer("--workers", str(workers), "--no-cache") as server:
            jobs = [(SEED.name, seed, "docx")] * THROUGHPUT_REQUESTS
            asyncio.run(hammer(server.url, jobs[:20], CONCURRENCY))  # warm
            start = time.perf_counter()
            results = asyncio.run(hammer(server.url, jobs, CONCURRENCY))
            elapsed = time.perf_counter() - start
            assert all(status == 200 for status, _, _ in results)
            latencies = sorted(seconds for _, seconds, _ in results)
            out.append(
                Result(
                    f"serve: seed -> DOCX throughput, {workers} worker(s)",
                    elapsed / THROUGHPUT_REQUESTS,
                    server.rss_mb(),
                    f"{THROUGHPUT_REQUESTS / elapsed:.0f} requests/s, {CONCURRENCY} at a time; time = per request; "
                    f"p95 latency {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms",
                )
            )
    return out


def _translation() -> list[Result]:
    """Seed -> English XML with the model loaded, against `briefing translate` as a whole command.

    Only the tiny test model is available offline: this measures the path
    (loading, segmenting, the engine call, rebuilding), not a real model.
    """
    with tempfile.TemporaryDirectory() as tmp:
        models = install_test_model(Path(tmp) / "models")
        with LiveServer("--workers", "1", "--no-cache", "--models-dir", str(models)) as server:
            import httpx

            with httpx.Client(base_url=server.url, timeout=120) as client:
                times = []
                for i in range(6):
                    start = time.perf_counter()
                    response = client.post(
                        "/api/convert",
                        files={"file": (SEED.name, SEED.read_bytes())},
                        data={"to": "xml", "lang": "en"},
                    )
                    response.raise_for_status()
                    if i:  # the first one is a warm-up
                        times.append(time.perf_counter() - start)
        served = statistics.median(times)
        argv = briefing(
            "translate", str(SEED), "-o", f"{tmp}/seed.en.xml", "--models-dir", str(models), "--no-cache"
        )
        whole, peak = command(argv, repeat=3)
    return [
        Result(
            "serve: seed -> English XML via /api/convert (test model loaded)",
            served,
            None,
            "tiny test model: the path's cost, not a real model's",
        ),
        Result(
            "serve: briefing translate seed -> English XML, whole command (test model)",
            whole,
            peak,
            f"the server is {whole / served:.1f}x faster per document with the model loaded",
        ),
    ]
