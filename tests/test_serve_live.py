"""`briefing serve` as a real server on 127.0.0.1: a bounded load test, and the helper that starts it.

The browser test and the serve benchmark start their servers with `LiveServer` too.
"""

from __future__ import annotations

import asyncio
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    """`python -m toolkit.serve` (the same as `briefing serve`) in a subprocess on a free local port."""

    def __init__(self, *options: str, start_timeout: float = 90.0) -> None:
        self.options = options
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start_timeout = start_timeout
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in __exit__)

    def __enter__(self) -> LiveServer:
        argv = [sys.executable, "-m", "toolkit.serve", "--port", str(self.port), "--log-level", "warning"]
        self.proc = subprocess.Popen([*argv, *self.options], cwd=ROOT, stdout=self._log, stderr=self._log)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server stopped at start-up:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"the server did not answer within {self.start_timeout} s:\n{self.log()}")

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def rss_mb(self) -> float:
        """Resident memory of the server and its worker processes together, in MB."""
        return sum(_rss_kb(pid) for pid in _family(self.proc.pid)) / 1024


def _family(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in children:
            pids.extend(_family(int(child)))
    return pids


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def mixed_uploads() -> list[tuple[str, bytes, str]]:
    """(name, bytes, output format): every reader to every writer, from the seed (XLIFF as reviewed)."""
    import toolkit
    from tests.test_xliff import fill_targets
    from tests.test_xliff_memory import reviewed

    doc = toolkit.read(SEED)
    inputs = [
        (SEED.name, SEED.read_bytes()),
        ("seed.docx", toolkit.render(doc, "docx")),
        ("seed.xml", toolkit.render(doc, "xml")),
        ("seed.nl-en.xlf", fill_targets(toolkit.render(doc, "xlf"), reviewed)),
    ]
    return [(name, data, fmt) for name, data in inputs for fmt in ("pdf", "docx", "xml", "xlf")]


def bad_uploads() -> list[tuple[str, bytes]]:
    import toolkit

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<" + b"a" * (30 * 1024 * 1024) + b"/>")
    return [
        ("marker.txt", b"Titel\n\nTekst[footnoteRef:x].\n"),
        ("bom.docx", bomb.getvalue()),
        ("garbage.docx", b"PK\x03\x04" + os.urandom(2000)),
        ("doctype.xml", b'<!DOCTYPE b [<!ENTITY x "y">]><briefing version="1"/>'),
        ("binary.txt", os.urandom(4000)),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100),
        ("huge.txt", b"x" * (2 * 1024 * 1024 + 1)),  # just over the limit: within the form slack
        ("untranslated.xlf", toolkit.render(toolkit.read(SEED), "xlf")),
        ("empty.xlf", b"<xliff/>"),
    ]


async def hammer(url: str, jobs: list[tuple[str, bytes, str]], concurrency: int) -> list[Any]:
    """POST every job to /api/convert, `concurrency` at a time; (status, seconds, body) per job."""
    import httpx

    slots = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def one(name: str, data: bytes, fmt: str) -> tuple[int, float, bytes]:
            async with slots:
                start = time.perf_counter()
                response = await client.post("/api/convert", files={"file": (name, data)}, data={"to": fmt})
                return response.status_code, time.perf_counter() - start, response.content

        return await asyncio.gather(*(one(*job) for job in jobs))


RSS_GROWTH_BOUND_MB = 40  # over 160 requests after warm-up; a leak of one upload or output each would pass it


@pytest.mark.slow
def test_load_200_requests_8_at_a_time_memory_flat_and_healthy_after_bad_uploads() -> None:
    pytest.importorskip("httpx", reason="the load test needs httpx")
    pytest.importorskip("uvicorn", reason="briefing serve needs the serve extra")
    kinds = mixed_uploads()
    jobs = [kinds[i % len(kinds)] for i in range(200)]
    started = time.monotonic()
    with LiveServer("--workers", "2", "--max-upload-mb", "2", "--no-cache") as server:
        warm = asyncio.run(hammer(server.url, jobs[:40], 8))
        before = server.rss_mb()
        rest = asyncio.run(hammer(server.url, jobs[40:], 8))
        after = server.rss_mb()
        statuses = [status for status, _, _ in warm + rest]
        assert statuses == [200] * 200, {s: statuses.count(s) for s in set(statuses)}
        assert after - before < RSS_GROWTH_BOUND_MB, f"RSS grew from {before:.0f} MB to {after:.0f} MB"

        bad = asyncio.run(hammer(server.url, [(n, d, "pdf") for n, d in bad_uploads()] * 3, 8))
        assert {status for status, _, _ in bad} <= {413, 422}, [s for s, _, _ in bad]
        with urllib.request.urlopen(f"{server.url}/api/health", timeout=5) as response:
            assert b'"status":"ok"' in response.read()
        again = asyncio.run(hammer(server.url, kinds, 8))
        assert [status for status, _, _ in again] == [200] * len(kinds)
        print(f"\nRSS {before:.0f} -> {after:.0f} MB; {time.monotonic() - started:.1f} s in all")
    assert time.monotonic() - started < 240
