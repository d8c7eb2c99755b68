"""Turn documents into their outputs: the unit of work a batch hands out.

Functions here run in worker processes (local or Dask), so they take and
return plain picklable values. Each worker loads the translation model once,
and translates the documents of a chunk together so that their sentences
share batches.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from toolkit.formats import WriteFormat

from toolkit.batch.plan import Job, Settings
from toolkit.errors import BriefingError, BriefingWarning, ExitCode


@dataclass
class Outcome:
    """What became of one input."""

    source: str
    status: str  # "done", "skipped" or "failed"
    outputs: dict[str, str] = field(default_factory=dict)  # path -> sha256
    error: str | None = None
    code: int = 0
    segments: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    input_sha256: str = ""
    worker_peak_mb: float = 0.0


_translators: dict[tuple[Any, ...], Any] = {}


def translator_for(settings: Settings, source: str) -> Any:
    """This process's translator from `source` to the settings' language, loaded on first use."""
    from toolkit.translation.pipeline import Translator

    key = (source, settings.target_lang, settings.translation)
    if key not in _translators:
        _translators[key] = Translator(source, settings.target_lang or "en", settings.translation)
    return _translators[key]


def process_chunk(jobs: list[Job], settings: Settings) -> list[Outcome]:
    """Read, translate (all together) and render the documents of a chunk."""
    from toolkit import read
    from toolkit.batch.manifest import sha256_file

    started = time.perf_counter()
    outcomes: dict[str, Outcome] = {}
    docs: dict[str, Any] = {}
    for job in jobs:
        outcome = outcomes[job.source] = Outcome(job.source, "done")
        try:
            outcome.input_sha256 = sha256_file(job.source)
            docs[job.source] = read(job.source, warn=_collector(outcome))
        except BriefingError as exc:
            _fail(outcome, exc)
        except OSError as exc:
            _fail(
                outcome,
                BriefingError(f"cannot read: {exc.strerror}", path=job.source, code=ExitCode.NO_INPUT),
            )
    translated: dict[str, Any] = {}
    # Each document is translated from its own language; one already in the
    # target language is not translated again.
    by_lang: dict[str, list[str]] = {}
    for source, doc in docs.items():
        if settings.target_lang and doc.lang != settings.target_lang:
            by_lang.setdefault(doc.lang, []).append(source)
    for lang, sources in by_lang.items():
        try:
            translator = translator_for(settings, lang)
            sinks = [_collector(outcomes[s]) for s in sources]
            results = translator.translate_documents([docs[s] for s in sources], warns=sinks, names=sources)
            translated.update(zip(sources, results, strict=True))
            for source in sources:
                outcomes[source].segments = translator.segment_count(docs[source])
        except BriefingError as exc:
            for source in sources:
                _fail(outcomes[source], exc.located(source) if exc.where.path is None else exc)
                del docs[source]
    for job in jobs:
        outcome = outcomes[job.source]
        if outcome.status == "failed":
            continue
        versions = [docs[job.source]] + ([translated[job.source]] if job.source in translated else [])
        try:
            _write_outputs(job, versions, settings, outcome)
        except BriefingError as exc:
            _fail(outcome, exc.located(job.source) if exc.where.path is None else exc)
        except Exception as exc:  # a bug in a writer must not stop the batch
            _fail(
                outcome,
                BriefingError(
                    f"internal error: {type(exc).__name__}: {exc}", path=job.source, code=ExitCode.INTERNAL
                ),
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    elapsed = (time.perf_counter() - started) / max(len(jobs), 1)
    for outcome in outcomes.values():
        outcome.seconds = elapsed
        outcome.worker_peak_mb = peak
    return list(outcomes.values())


def process_one(job: Job, settings: Settings) -> Outcome:
    """One document: the task of the Dask path."""
    return process_chunk([job], settings)[0]


def _write_outputs(job: Job, versions: list[Any], settings: Settings, outcome: Outcome) -> None:
    """Render every output first, then write them all: a render that fails
    leaves no output of this document behind."""
    import hashlib

    from toolkit import render
    from toolkit.atomic import write_atomic
    from toolkit.batch.plan import BILINGUAL

    rendered = []
    for doc in versions:
        for fmt in settings.formats:
            if fmt not in BILINGUAL:
                path = settings.output(job.name, doc.lang, fmt)
                data = render(doc, cast("WriteFormat", fmt), settings.style, warn=_collector(outcome))
                rendered.append((path, data))
    if len(versions) == 2:  # a document and its translation: the side-by-side handouts too
        from toolkit.writers.bilingual import render as render_bilingual

        source, translation = versions
        for fmt in settings.formats:
            if fmt in BILINGUAL:
                path = settings.output(job.name, f"{source.lang}-{translation.lang}", fmt)
                style, sink = settings.style, _collector(outcome)
                data = render_bilingual(source, translation, BILINGUAL[fmt], style, warn=sink)
                rendered.append((path, data))
    for path, data in rendered:
        write_atomic(path, data)
        outcome.outputs[str(path)] = hashlib.sha256(data).hexdigest()


def _collector(outcome: Outcome) -> Any:
    def warn(warning: BriefingWarning) -> None:
        outcome.warnings.append(str(warning))

    return warn


def _fail(outcome: Outcome, exc: BriefingError) -> None:
    outcome.status = "failed"
    outcome.error = str(exc)
    outcome.code = int(exc.code)
