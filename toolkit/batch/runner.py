"""Run a batch: skip what is up to date, farm out the rest, record, report."""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from toolkit import formats
from toolkit.atomic import remove_stale_parts
from toolkit.batch.manifest import Manifest, sha256_file
from toolkit.batch.plan import Job, Settings
from toolkit.batch.pool import run_chunks
from toolkit.batch.worker import Outcome, process_chunk, process_one
from toolkit.errors import BriefingError, ExitCode

REPORT_NAME = "batch-report.json"
Progress = Callable[[Outcome], None]


@dataclass
class BatchResult:
    """Every input's outcome, and where the JSON report went."""

    outcomes: list[Outcome]
    report: Path
    # Outputs that earlier runs made from these inputs and this run no longer
    # makes (a format or language dropped): removed, or left in place.
    removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def exit_code(self) -> ExitCode:
        return ExitCode.PARTIAL if self.failed else ExitCode.OK


def settings_key(settings: Settings) -> str:
    """A fingerprint of everything besides the input that shapes the outputs."""
    from toolkit.style import load_style, style_path
    from toolkit.version import __version__

    load_style(settings.style)  # fail now, once, on a bad style rather than per document
    parts: dict[str, object] = {
        "toolkit": __version__,
        "formats": list(settings.formats),
        "target": settings.target_lang,
        "style": sha256_file(style_path(settings.style)),
    }
    if settings.target_lang:
        from toolkit.translation import model_id

        # Briefings are Dutch: the nl model decides whether English is stale. A
        # document in another language is translated from its own (worker.py).
        parts["model"] = model_id("nl", settings.target_lang, settings.translation.models_dir)
        parts["beam"] = settings.translation.beam_size  # another beam gives another translation
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def run_batch(
    jobs: list[Job],
    settings: Settings,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    force: bool = False,
    prune: bool = False,
    progress: Progress = lambda outcome: None,
) -> BatchResult:
    """Make every output of `jobs`; a failed input never stops the others.

    With `prune`, outputs that an earlier run made from an input and this run
    no longer makes are removed, unless they were changed since; without it
    they are left in place. Either way the result lists them.
    """
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
    removed: list[str] = []
    stale: list[str] = []
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
        with closing(_execute(pending, settings, workers, scheduler)) as results:
            for outcome in results:
                if outcome.status == "done":
                    # Before the record that forgets them, so that a kill in between loses nothing.
                    gone, kept = _retire(manifest.outputs_of(outcome.source), outcome.outputs, prune)
                    removed.extend(gone)
                    stale.extend(kept)
                    manifest.record(outcome.source, outcome.input_sha256, key, outcome.outputs)
                outcomes.append(outcome)
                progress(outcome)
    finally:
        manifest.close()
    order = {job.source: i for i, job in enumerate(jobs)}
    outcomes.sort(key=lambda o: order[o.source])
    return BatchResult(outcomes, write_report(out_dir, outcomes), removed, stale)


def _retire(before: dict[str, str], now: dict[str, str], prune: bool) -> tuple[list[str], list[str]]:
    """The outputs in `before` (path -> sha256) that `now` no longer has and
    that are still there: those removed, and those left in place.

    With `prune` a file is removed if it still holds what the batch wrote; a
    file changed since is someone's work, and stays.
    """
    made = {Path(p).resolve() for p in now}
    removed, kept = [], []
    for path, digest in before.items():
        if Path(path).resolve() in made or not Path(path).is_file():
            continue
        try:
            if prune and sha256_file(path) == digest:
                os.unlink(path)
                removed.append(path)
                continue
        except OSError:
            pass
        kept.append(path)
    return removed, kept


def _execute(
    jobs: list[Job], settings: Settings, workers: int, scheduler: str | None
) -> Generator[Outcome, None, None]:
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
    threads = max(1, (os.cpu_count() or 1) // workers)
    settings = replace(settings, translation=settings.translation.with_(threads=threads))
    # Import the writers once here, so that forked workers start with them
    # loaded instead of each importing reportlab and the writer modules again.
    for fmt in settings.formats:
        formats.load(formats.WRITERS, fmt)
    yield from run_chunks(chunks, settings, workers)


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
    settings = replace(settings, out_dir=os.path.abspath(settings.out_dir))
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
