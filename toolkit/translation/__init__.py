"""Translation: Dutch to English offline, with argos model packages run through CTranslate2.

    from toolkit.translation import translate_document, Translator
    english = translate_document(doc, "nl", "en", beam_size=1)   # one document
    with Translator("nl", "en") as t:                            # a model loaded once
        translated = t.translate_documents(docs)                 # batches shared across docs

This module imports nothing heavy: ctranslate2 and sentencepiece load only
when a model does. Layout: `packages` (install, find), `download` (the Argos
index), `splitter` (Dutch sentences), `segments` (document <-> sentences with
note placeholders), `engine` (CTranslate2), `glossary`, `memory` (SQLite
translation memory), `pipeline` (all of it together).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import Warn, python_warning

if TYPE_CHECKING:
    from toolkit.model.nodes import Briefing
    from toolkit.translation.glossary import Glossary
    from toolkit.translation.memory import TranslationMemory
    from toolkit.translation.pipeline import Stats, Translator

__all__ = ["Stats", "Translator", "has_model", "model_id", "translate_document"]


def translate_document(
    doc: Briefing,
    source: str = "nl",
    target: str = "en",
    *,
    models_dir: str | Path | None = None,
    beam_size: int = 4,
    device: str = "cpu",
    threads: int = 0,
    max_batch_size: int = 16,
    cache: bool | str | Path | TranslationMemory | None = True,
    glossary: Glossary | str | Path | bool | None = None,
    warn: Warn = python_warning,
    stats: Stats | None = None,
    **engine: Any,
) -> Briefing:
    """Translate `doc` with the installed `source`->`target` argos model.

    A missing model raises BriefingError with ExitCode.NO_MODEL, saying how
    to install one. beam_size=1 is the fast mode. `cache` and `glossary` are
    as for `Translator`; `stats` collects segment, cache and timing counts.
    The result has lang=`target` and meta.translation set; meta.source is kept.
    """
    from toolkit.translation.pipeline import Translator

    with Translator(
        source,
        target,
        models_dir=models_dir,
        beam_size=beam_size,
        device=device,
        threads=threads,
        max_batch_size=max_batch_size,
        cache=cache,
        glossary=glossary,
        warn=warn,
        **engine,
    ) as translator:
        return translator.translate_document(doc, stats)


def has_model(source: str, target: str, models_dir: str | Path | None = None) -> bool:
    """Whether a model for the pair is installed; cheap, loads nothing."""
    from toolkit.errors import BriefingError
    from toolkit.translation import packages

    try:
        packages.find(source, target, models_dir)
    except BriefingError:
        return False
    return True


def model_id(source: str, target: str, models_dir: str | Path | None = None) -> str:
    """What decides the output besides the text: model name and version and glossary version.

    Batch runs compare it to decide whether an English handout is stale.
    NO_MODEL if the pair is not installed.
    """
    from toolkit.translation import glossary, packages

    pkg = packages.find(source, target, models_dir)
    terms = glossary.default(source, target)
    return f"ctranslate2 {pkg.name} {pkg.version} glossary {terms.version if terms else 'none'}"


def __getattr__(name: str) -> Any:
    # Translator and Stats load with the pipeline, on first use.
    if name in ("Translator", "Stats"):
        from toolkit.translation import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
