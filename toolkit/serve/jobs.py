"""Conversion jobs: read, translate and render one upload, with progress the page can poll.

`POST /api/convert` runs one job and waits for it; the page starts one with
`POST /api/jobs` and polls `GET /api/jobs/ID`. Finished jobs keep their
files in memory for `job_ttl` seconds, at most `max_jobs` of them.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Briefing
from toolkit.serve import work
from toolkit.serve.config import ServeConfig
from toolkit.serve.problems import RequestError, body_of, internal
from toolkit.serve.translation import TranslationService
from toolkit.serve.upload import Upload, ascii_name
from toolkit.serve.workers import Workers

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xml": "application/xml",
    "xlf": "application/xliff+xml",
}
ALIASES = {"xliff": "xlf"}


@dataclass(frozen=True, slots=True)
class Spec:
    """What to make from an upload (`recipe`), and whether its reviewed XLIFF segments teach the memory."""

    upload: Upload
    recipe: work.Recipe
    learn: bool = False


@dataclass(frozen=True, slots=True)
class Output:
    """One file of a job; `kind` is document, bilingual, xliff (sources only) or xliff-mt."""

    lang: str
    format: str
    data: bytes
    name: str
    kind: str = "document"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]

    def disposition(self) -> str:
        from urllib.parse import quote

        return f"attachment; filename=\"{ascii_name(self.name)}\"; filename*=UTF-8''{quote(self.name)}"


@dataclass
class Job:
    """One upload's way through the server; `state` is queued, running, done or failed."""

    spec: Spec
    id: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    state: str = "queued"
    phase: str = "waiting"  # waiting, reading, translating, rendering
    done: int = 0
    total: int = 0
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: BriefingError | None = None
    learned: int | None = None  # reviewed XLIFF segments stored as human translations (with learn=1)
    finished: float | None = None
    task: asyncio.Task[None] | None = None

    def progress(self, done: int, total: int) -> None:
        # Called from the translation thread: plain assignments, read by the event loop.
        self.done, self.total = done, total

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "phase": self.phase,
            "progress": {"done": self.done, "total": self.total},
            "outputs": [
                {
                    "name": o.name,
                    "lang": o.lang,
                    "format": o.format,
                    "kind": o.kind,
                    "size": len(o.data),
                    "url": f"/api/jobs/{self.id}/files/{i}",
                }
                for i, o in enumerate(self.outputs)
            ],
            "warnings": self.warnings,
            "learned": self.learned,
            "error": body_of(self.error) if self.error else None,
        }


def check_formats(formats: list[str]) -> tuple[str, ...]:
    """The output formats asked for, each known (`xliff` is `xlf`)."""
    if not formats:
        raise RequestError("no output format: give to=pdf, docx, xml or xlf", status=400)
    formats = [ALIASES.get(fmt, fmt) for fmt in formats]
    for fmt in formats:
        if fmt not in CONTENT_TYPES:
            raise RequestError(
                f"cannot write format {fmt!r}", status=400, hint="choose one of: pdf, docx, xml, xlf"
            )
    return tuple(dict.fromkeys(formats))


class Runner:
    """Runs jobs on the workers and the translation service, within the request timeout."""

    def __init__(self, config: ServeConfig, workers: Workers, translation: TranslationService) -> None:
        self.config, self.workers, self.translation = config, workers, translation
        self.jobs: dict[str, Job] = {}

    async def run(self, job: Job) -> None:
        """Run `job` to its end; its state says how it ended. Never raises."""
        job.state = "running"
        try:
            await asyncio.wait_for(self._steps(job), self.config.timeout)
            job.state = "done"
        except BriefingError as exc:
            job.error, job.state = exc, "failed"
        except TimeoutError:
            job.error = RequestError(
                f"the request took longer than the limit of {self.config.timeout:g} seconds",
                status=504,
                path=job.spec.upload.name,
                hint="for a long document, start the server with a higher --timeout",
                code=ExitCode.OUTPUT,
            )
            job.state = "failed"
        except Exception as exc:
            job.error, job.state = internal(exc), "failed"
        finally:
            job.finished = time.monotonic()

    async def _steps(self, job: Job) -> None:
        spec, recipe, name = job.spec, job.spec.recipe, job.spec.upload.name
        job.phase = "reading"
        first = await self.workers.run(work.read_and_render, spec.upload.data, name, recipe)
        job.warnings.extend(first.warnings)
        if first.failure:
            raise first.failure.error()
        if spec.learn:  # only once the file has read cleanly: a broken file teaches nothing
            job.learned = await self.translation.learn(spec.upload.data, name)
        self._collect(job, first)
        source = first.doc
        if source is None:
            if recipe.bilingual:
                raise BriefingError(
                    f"a side-by-side handout needs a translation; the document is already in {first.lang!r}",
                    hint="ask for another language with lang, e.g. lang=en",
                    code=ExitCode.USAGE,
                )
            return
        for lang in recipe.langs:
            if lang != first.lang:
                await self._translated(job, source, lang)

    async def _translated(self, job: Job, source: Briefing, lang: str) -> None:
        """The files in `lang`: a machine-filled XLIFF, and the translation rendered (or side by side)."""
        recipe, name, made = job.spec.recipe, job.spec.upload.name, len(job.outputs)
        job.phase = "translating"
        if "xlf" in recipe.formats:
            data = await self.translation.translate_xliff(
                source, lang, recipe.xliff_version, job.progress, job.warnings
            )
            mt_name = f"{job.spec.upload.stem}.{source.lang}-{lang}.mt.xlf"
            job.outputs.append(Output(lang, "xlf", data, mt_name, "xliff-mt"))
        if any(fmt != "xlf" for fmt in recipe.formats):
            translated = await self.translation.translate(source, lang, name, job.progress, job.warnings)
            job.phase = "rendering"
            outcome = await self.workers.run(
                work.render, translated, recipe, name, source if recipe.bilingual else None
            )
            job.warnings.extend(outcome.warnings)
            if outcome.failure:
                raise outcome.failure.error()
            self._collect(job, outcome)
        # In the order the formats were asked for, as for the document's own language.
        job.outputs[made:] = sorted(job.outputs[made:], key=lambda o: recipe.formats.index(o.format))

    def _collect(self, job: Job, outcome: work.Outcome) -> None:
        for fmt, data in outcome.files.items():
            ending = outcome.names[fmt]
            # "nl.pdf" is one language; "nl-en.pdf", a language pair, is side by side.
            kind = "xliff" if fmt == "xlf" else "bilingual" if "-" in ending.partition(".")[0] else "document"
            job.outputs.append(Output(outcome.lang, fmt, data, f"{job.spec.upload.stem}.{ending}", kind))

    def start(self, job: Job) -> Job:
        """Keep `job` for polling and run it in the background."""
        self._forget_old()
        if len(self.jobs) >= self.config.max_jobs:
            raise RequestError(
                f"the server is busy: {len(self.jobs)} conversions are running",
                status=503,
                hint="try again in a minute",
                code=ExitCode.OUTPUT,
            )
        self.jobs[job.id] = job
        job.task = asyncio.get_running_loop().create_task(self.run(job))
        return job

    def get(self, job_id: str) -> Job:
        self._forget_old()
        job = self.jobs.get(job_id)
        if job is None:
            raise RequestError(
                "no such job; finished jobs are kept for a while only",
                status=404,
                hint="convert the file again",
            )
        return job

    def _forget_old(self) -> None:
        now = time.monotonic()
        finished = sorted(
            (j for j in self.jobs.values() if j.finished is not None), key=lambda j: j.finished or 0
        )
        for job in finished:
            too_many = len(self.jobs) >= self.config.max_jobs
            if too_many or now - (job.finished or now) > self.config.job_ttl:
                del self.jobs[job.id]

    async def close(self) -> None:
        for job in list(self.jobs.values()):
            if job.task and not job.task.done():
                job.task.cancel()
