"""Translate whole documents: segments collected, deduplicated, cached, batched and put back."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import BriefingError, BriefingWarning, ExitCode, Location, Warn, python_warning
from toolkit.model.nodes import Briefing, Translation
from toolkit.record import replace
from toolkit.translation import glossary as glossaries
from toolkit.translation.engine import Engine, EngineOptions
from toolkit.translation.memory import MemoryKey, TranslationMemory
from toolkit.translation.options import TranslateOptions
from toolkit.translation.segments import Mapper

# Walks needed at most: collect sentences; re-ask sentences whose URLs or
# file names were lost with those protected by placeholders; rebuild.
MAX_ROUNDS = 3


@dataclass
class Stats:
    """Counters of one or more translations; `line()` is what `--stats` prints.

    `segments` counts distinct segments; each is either a cache hit or a
    model call (one sentence sent to the model).
    """

    segments: int = 0
    cache_hits: int = 0
    model_calls: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"segments: {self.segments}, cache hits: {self.cache_hits}, "
            f"model calls: {self.model_calls}, seconds: {self.seconds:.2f}"
        )


class Translator:
    """A model loaded once, translating many documents with shared batches and one cache.

    `cache`: True for the default translation memory, a path for another
    file, a TranslationMemory, or False/None for none. `glossary`: None for
    the glossary shipped for the pair, a path, a Glossary, or False for none.
    `engine` replaces the CTranslate2 engine (tests use a fake one).
    """

    def __init__(
        self,
        source: str = "nl",
        target: str = "en",
        options: TranslateOptions | None = None,
        *,
        warn: Warn = python_warning,
        engine: Engine | None = None,
        memory: TranslationMemory | None = None,
        decode: dict[str, Any] | None = None,
    ) -> None:
        """`engine` and `memory` replace the ones `options` would make (tests and servers share them)."""
        if source == target:
            raise BriefingError(f"source and target language are both {source!r}", code=ExitCode.USAGE)
        options = options or TranslateOptions()
        self.source, self.target, self.warn, self.options = source, target, warn, options
        self.glossary = _glossary(options.glossary, source, target)
        if engine is None:
            from toolkit.translation import packages
            from toolkit.translation.engine import Ct2Engine

            engine_options = EngineOptions(
                options.beam_size,
                options.device,
                options.threads,
                options.max_batch_size,
                decode=decode or {},
            )
            engine = Ct2Engine(packages.find(source, target, options.models_dir), engine_options)
        self.engine = engine
        self.memory = memory if memory is not None else _memory(options.cache)
        self._owns_memory = memory is None
        self.key = MemoryKey(
            # A different beam gives a different translation: it is part of the key.
            f"{engine.name} {engine.decoding}".strip(),
            engine.model,
            engine.model_version,
            source,
            target,
            self.glossary.version if self.glossary else "none",
        )

    def translate_document(
        self, doc: Briefing, stats: Stats | None = None, name: str | None = None
    ) -> Briefing:
        """One document; see `translate_documents`."""
        return self.translate_documents([doc], stats, names=[name])[0]

    def translate_documents(
        self,
        docs: Sequence[Briefing],
        stats: Stats | None = None,
        warns: Sequence[Warn] | None = None,
        names: Sequence[str | None] | None = None,
    ) -> list[Briefing]:
        """Translate documents together: each distinct sentence reaches the model at most once.

        `warns` gives each document its own warning sink (a batch reports
        warnings per input); by default they all go to this translator's.
        `names` are the files the documents were read from, for the warnings;
        without one, a warning names the document's recorded source, which
        for a DOCX or XML made by the toolkit is the original text file.
        """
        started = time.perf_counter()
        stats = stats if stats is not None else Stats()
        sinks = list(warns) if warns is not None else [self.warn] * len(docs)
        given = list(names) if names is not None else [None] * len(docs)
        wheres = [_where(doc, name) for doc, name in zip(docs, given, strict=True)]
        for doc, sink, where in zip(docs, sinks, wheres, strict=True):
            if doc.lang != self.source:
                sink(
                    BriefingWarning(
                        f"the document says its language is {doc.lang!r}, not {self.source!r}", where
                    )
                )
        known: dict[str, str] = {}
        human: set[str] = set()  # segments a translator confirmed: the glossary leaves them alone
        missing: dict[str, None] = {}  # insertion-ordered set: segments in document order

        def collect(segment: str) -> str | None:
            if segment in known:
                return known[segment]
            missing[segment] = None
            return None

        for _ in range(MAX_ROUNDS):
            missing.clear()
            mapper = Mapper(collect)
            for doc in docs:
                mapper.briefing(doc)
            if not missing:
                break
            known.update(self.translate_segments(list(missing), stats, human))
        translated = [
            self._rebuild(doc, known, human, sink, where)
            for doc, sink, where in zip(docs, sinks, wheres, strict=True)
        ]
        stats.seconds += time.perf_counter() - started
        return translated

    def segment_count(self, doc: Briefing) -> int:
        """How many distinct segments `doc` has (what `--stats` counts for one document)."""
        seen: dict[str, None] = {}

        def record(segment: str) -> None:
            seen[segment] = None

        Mapper(record).briefing(doc)
        return len(seen)

    def translate_segments(
        self, segments: list[str], stats: Stats | None = None, human: set[str] | None = None
    ) -> dict[str, str]:
        """Raw output for distinct segments: from the memory (human translations first), else the engine.

        The segments a human translation answered are added to `human`.
        """
        stats = stats if stats is not None else Stats()
        stats.segments += len(segments)
        if self.memory:
            by_human, by_machine = self.memory.get_split(self.key, segments)
            cached = {**by_machine, **by_human}
            if human is not None:
                human.update(by_human)
        else:
            cached = {}
        stats.cache_hits += len(cached)
        todo = [s for s in segments if s not in cached]
        outputs = self.engine.translate(todo) if todo else []
        if len(outputs) != len(todo):
            raise RuntimeError(f"the engine returned {len(outputs)} translations for {len(todo)} segments")
        stats.model_calls += len(todo)
        fresh = dict(zip(todo, outputs, strict=True))
        if self.memory:
            self.memory.put_many(self.key, fresh)
        return {**cached, **fresh}

    def _rebuild(
        self, doc: Briefing, known: dict[str, str], human: set[str], sink: Warn, where: Location
    ) -> Briefing:
        reported: set[str] = set()

        def warn(warning: BriefingWarning) -> None:
            # Name the document the warning is about: a batch translates many at once.
            sink(BriefingWarning(warning.message, where) if warning.where == Location() else warning)

        def lookup(segment: str) -> str | None:
            output = known.get(segment)
            if output is None or self.glossary is None or segment in human:
                return output
            fixed, problems = self.glossary.check(segment, output)
            if problems and segment not in reported:
                reported.add(segment)
                warn(BriefingWarning(f"glossary: {'; '.join(problems)} in {fixed!r} (from {segment!r})"))
            return fixed

        body = Mapper(lookup, warn).briefing(doc)
        meta = replace(
            body.meta,
            translation=Translation(
                source_lang=self.source,
                engine=self.engine.name,
                model=self.engine.model,
                model_version=self.engine.model_version,
            ),
        )
        return Briefing(meta=meta, body=body.body, lang=self.target)

    def close(self) -> None:
        if self.memory and self._owns_memory:
            self.memory.close()

    def __enter__(self) -> Translator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _where(doc: Briefing, name: str | None) -> Location:
    """Where a document's translation warnings point: the file given, else its recorded source."""
    if name is not None:
        return Location(name)
    return Location(doc.meta.source.name if doc.meta.source else None)


def _glossary(
    given: glossaries.Glossary | str | Path | bool | None, source: str, target: str
) -> glossaries.Glossary | None:
    if given is False:
        return None
    if given is None or given is True:
        return glossaries.default(source, target)
    chosen = given if isinstance(given, glossaries.Glossary) else glossaries.load(given)
    if (chosen.source, chosen.target) != (source, target):
        raise BriefingError(
            f"the glossary is for {chosen.source}->{chosen.target}, not {source}->{target}",
            code=ExitCode.USAGE,
        )
    return chosen


def _memory(cache: bool | str | Path) -> TranslationMemory | None:
    if cache is False:
        return None
    return TranslationMemory(None if cache is True else cache)
