"""Translation in the server: the model loaded once, one document at a time, a bounded queue, progress.

CTranslate2 and SQLite both want one thread: the translation memory's
connection may only be used by the thread that opened it, so the
translators live in a single dedicated thread and every translation runs
there. CTranslate2 releases the GIL while it works, so the event loop and
the render workers carry on meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from toolkit.errors import BriefingError, BriefingWarning, ExitCode
from toolkit.model import Briefing
from toolkit.serve.config import ServeConfig
from toolkit.serve.problems import RequestError

log = logging.getLogger("toolkit.serve")
Progress = Callable[[int, int], None]  # (sentences done, sentences to do)
T = TypeVar("T")
CHUNK = 32  # sentences per engine call: small enough for steady progress, large enough to batch well


class ProgressEngine:
    """An engine that passes sentences to another in chunks and reports after each one."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name, self.model = inner.name, inner.model
        self.model_version, self.decoding = inner.model_version, inner.decoding
        self.report: Progress = lambda done, total: None

    def translate(self, sentences: list[str]) -> list[str]:
        out: list[str] = []
        self.report(0, len(sentences))
        for start in range(0, len(sentences), CHUNK):
            out.extend(self.inner.translate(sentences[start : start + CHUNK]))
            self.report(len(out), len(sentences))
        return out


class TranslationService:
    """Translators per language pair, created and used in one thread."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="translate")
        self._translators: dict[tuple[str, str], Any] = {}
        self._learning: Any = None
        self.waiting = 0  # translations queued or running

    def preload(self) -> None:
        """Load the nl->en model now if one is installed, so the first request does not wait for it."""
        from toolkit.translation import has_model

        if has_model("nl", "en", self.config.models_dir):
            self._thread.submit(self._translator, "nl", "en").result()
            log.info("nl->en translation model loaded")

    async def translate(
        self, doc: Briefing, target: str, name: str, progress: Progress, warnings: list[str]
    ) -> Briefing:
        """`doc` translated to `target`, waiting for its turn; 503 when the queue is full."""

        def run(translator: Any) -> Briefing:
            return translator.translate_document(doc, name=name)  # type: ignore[no-any-return]

        return await self._queued(doc.lang, target, run, progress, warnings)

    async def translate_xliff(
        self, doc: Briefing, target: str, version: str, progress: Progress, warnings: list[str]
    ) -> bytes:
        """XLIFF for post-editing: every target filled from the memory's human translations, else the model."""
        from toolkit.writers.xliff import XliffOptions, translate_xliff

        options = XliffOptions(target, version)  # type: ignore[arg-type]

        def run(translator: Any) -> bytes:
            return translate_xliff(doc, options, translator=translator, warn=translator.warn)

        return await self._queued(doc.lang, target, run, progress, warnings)

    async def learn(self, data: bytes, name: str) -> int:
        """Store an uploaded XLIFF's reviewed segments in the memory as human translations; how many."""
        from toolkit.readers.xliff import learn_xliff

        def run() -> int:
            return learn_xliff(data, self._memory(), name, warn=_drop)  # read once already: no warnings twice

        return await asyncio.get_running_loop().run_in_executor(self._thread, run)

    async def _queued(
        self, source: str, target: str, fn: Callable[[Any], T], progress: Progress, warnings: list[str]
    ) -> T:
        """`fn(translator)` in the translation thread, waiting for its turn; 503 when the queue is full."""
        if self.waiting > self.config.translation_queue:
            raise RequestError(
                f"the server is busy: {self.waiting} translations are waiting",
                status=503,
                hint="try again in a minute",
                code=ExitCode.OUTPUT,
            )
        self.waiting += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._thread, self._run, source, target, fn, progress, warnings)
        finally:
            self.waiting -= 1

    def _run(
        self, source: str, target: str, fn: Callable[[Any], T], progress: Progress, warnings: list[str]
    ) -> T:
        translator = self._translator(source, target)
        translator.engine.report = progress
        previous = translator.warn
        translator.warn = lambda w: warnings.append(str(w))
        try:
            return fn(translator)
        finally:
            translator.engine.report = lambda done, total: None
            translator.warn = previous

    def _memory(self) -> Any:
        """The memory uploads teach (with learn=1), opened in this thread on first use."""
        from toolkit.translation.memory import TranslationMemory

        if self._learning is None:
            cache = self.config.cache
            self._learning = TranslationMemory(None if cache is True else cache)  # type: ignore[arg-type]
        return self._learning

    def _translator(self, source: str, target: str) -> Any:
        key = (source, target)
        if key not in self._translators:
            from toolkit.translation import packages
            from toolkit.translation.engine import Ct2Engine, EngineOptions
            from toolkit.translation.options import TranslateOptions
            from toolkit.translation.pipeline import Translator

            if source == target:
                raise BriefingError(f"the document is already in {source!r}", code=ExitCode.USAGE)
            package = packages.find(source, target, self.config.models_dir)
            engine = ProgressEngine(Ct2Engine(package, EngineOptions(beam_size=self.config.beam_size)))
            options = TranslateOptions(
                models_dir=self.config.models_dir, beam_size=self.config.beam_size, cache=self.config.cache
            )
            self._translators[key] = Translator(source, target, options, engine=engine, warn=_drop)
        return self._translators[key]

    def close(self) -> None:
        def close_all() -> None:
            for translator in self._translators.values():
                translator.close()
            self._translators.clear()
            if self._learning is not None:
                self._learning.close()
                self._learning = None

        self._thread.submit(close_all).result()
        self._thread.shutdown(wait=True, cancel_futures=True)


def _drop(warning: BriefingWarning) -> None:
    pass
