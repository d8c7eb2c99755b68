"""Translation: Dutch to English offline, with argos model packages run through CTranslate2.

    from toolkit.translation import translate_document, Translator
    english = translate_document(doc, "nl", "en", TranslateOptions(beam_size=1))   # one document
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
from toolkit.translation.options import DEFAULT_BEAM_SIZE, TranslateOptions

if TYPE_CHECKING:
    from toolkit.model.nodes import Briefing
    from toolkit.translation.pipeline import Stats, Translator

__all__ = [
    "DEFAULT_BEAM_SIZE",
    "Stats",
    "TranslateOptions",
    "Translator",
    "has_model",
    "model_id",
    "translate_document",
]


def translate_document(
    doc: Briefing,
    source: str = "nl",
    target: str = "en",
    options: TranslateOptions | None = None,
    *,
    warn: Warn = python_warning,
    stats: Stats | None = None,
) -> Briefing:
    """Translate `doc` with the installed `source`->`target` argos model.

    A missing model raises BriefingError with ExitCode.NO_MODEL, saying how
    to install one. `options` (a `TranslateOptions`) chooses the model folder,
    decoding, hardware, memory and glossary; `stats` collects segment, cache
    and timing counts. The result has lang=`target` and meta.translation set;
    meta.source is kept.
    """
    from toolkit.translation.pipeline import Translator

    with Translator(source, target, options, warn=warn) as translator:
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
