"""Run a batch: skip what is up to date, farm out the rest, record, report."""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from toolkit import formats
from toolkit.atomic import remove_stale_parts
from toolkit.batch.manifest import Manifest
from toolkit.batch.plan import Job, Settings, sha256_file
from toolkit.batch.worker import Outcome, process_chunk, process_one
from toolkit.errors import BriefingError, ExitCode

REPORT_NAME = "batch-report.json"
Progress = Callable[[Outcome], None]


@dataclass
class BatchResult:
    """Every input's outcome, and where the JSON report went."""

    outcomes: list[Outcome]
    report: Path

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def exit_code(self) -> ExitCode:
        return ExitCode.PARTIAL if self.failed else ExitCode.OK


def settings_key(settings: Settings) -> str:
    """A fingerprint of everything besides the input that shapes the outputs."""
    from toolkit import __version__
    from toolkit.style import load_style, style_path

    load_style(settings.style)  # fail now, once, on a bad style rather than per document
    parts = {
        "toolkit": __version__,
        "formats": list(settings.formats),
        "target": settings.target_lang,
        "style": sha256_file(style_path(settings.style)),
    }
    if settings.target_lang:
        from toolkit.translation import model_id

        parts["model"] = model_id("nl", settings.target_lang, settings.models_dir)
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def run_batch(
    jobs: list[Job],
    settings: Settings,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    force: bool = False,
    progress: Progress = lambda outcome: None,
) -> BatchResult:
    """Make every output of `jobs`; a failed input never stops the others."""
    out_dir = Path(settings.out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(
            f"cannot create the output folder: {exc.strerror}", path=str(out_dir), code=ExitCode.OUTPUT
        ) from None
    remove_stale_parts(out_dir)
    key = settings_key(settings)
    manifest = Manifest(out_dir)
    outcomes: list[Outcome] = []
    pending: list[Job] = []
    try:
        for job in jobs:
            try:
                digest = sha256_file(job.source)
            except OSError:
                pending.append(job)  # let the worker report it like any other failure
                continue
            done = None if force else manifest.up_to_date(job.source, digest, key)
            if done is None:
                pending.append(job)
            else:
                outcome = Outcome(job.source, "skipped", outputs={p: "" for p in done}, input_sha256=digest)
                outcomes.append(outcome)
                progress(outcome)
        for outcome in _execute(pending, settings, workers, scheduler):
            if outcome.status == "done":
                manifest.record(outcome.source, outcome.input_sha256, key, outcome.outputs)
            outcomes.append(outcome)
            progress(outcome)
    finally:
        manifest.close()
    order = {job.source: i for i, job in enumerate(jobs)}
    outcomes.sort(key=lambda o: order[o.source])
    return BatchResult(outcomes, write_report(out_dir, outcomes))


def _execute(jobs: list[Job], settings: Settings, workers: int, scheduler: str | None) -> Iterator[Outcome]:
    if not jobs:
        return
    if scheduler:
        yield from _on_dask(jobs, settings, scheduler)
        return
    size = chunk_size(len(jobs), workers, translating=settings.target_lang is not None)
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    if workers <= 1:
        for chunk in chunks:
            yield from process_chunk(chunk, settings)
        return
    # Workers share the cores: each model gets its part, not all of them.
    settings = replace(settings, threads=max(1, (os.cpu_count() or 1) // workers))
    # Import the writers once here, so that forked workers start with them
    # loaded instead of each importing reportlab and the writer modules again.
    for fmt in settings.formats:
        formats.load(formats.WRITERS, fmt)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: list[Future[list[Outcome]]] = [pool.submit(process_chunk, c, settings) for c in chunks]
        try:
            for future in as_completed(futures):
                yield from future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def chunk_size(count: int, workers: int, translating: bool) -> int:
    """Documents per task: enough to share translation batches, small enough
    to keep every worker busy to the end."""
    if not translating:
        return 1
    return max(1, min(16, math.ceil(count / (max(workers, 1) * 4))))


def _on_dask(jobs: list[Job], settings: Settings, address: str) -> Iterator[Outcome]:
    """One task per document on a Dask cluster; outputs go to a shared folder."""
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise BriefingError(
            "--scheduler needs dask.distributed",
            hint="pip install 'briefing-toolkit[cluster]'",
            code=ExitCode.USAGE,
        ) from None
    try:
        client = Client(address, timeout=10)
    except (OSError, TimeoutError) as exc:
        raise BriefingError(
            f"cannot reach the Dask scheduler: {exc}", path=address, code=ExitCode.NETWORK
        ) from None
    settings = Settings(**{**asdict(settings), "out_dir": os.path.abspath(settings.out_dir)})
    try:
        futures = client.map(process_one, jobs, settings=settings, pure=False)
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()


def write_report(out_dir: Path, outcomes: list[Outcome]) -> Path:
    """The JSON report: each input, its outputs, status and error."""
    from toolkit.atomic import write_atomic

    report = {
        "inputs": len(outcomes),
        "done": sum(o.status == "done" for o in outcomes),
        "skipped": sum(o.status == "skipped" for o in outcomes),
        "failed": sum(o.status == "failed" for o in outcomes),
        "documents": [
            {
                "input": o.source,
                "status": o.status,
                "outputs": sorted(o.outputs),
                "error": o.error,
                "exit_code": o.code,
                "warnings": o.warnings,
                "segments": o.segments,
            }
            for o in outcomes
        ],
    }
    path = out_dir / REPORT_NAME
    write_atomic(path, (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode())
    return path
