"""Read an XLIFF 2.x or 1.2 file the toolkit wrote: the target-language briefing, and its human translations.

    english = toolkit.read("briefing.xlf")             # every note at its anchor
    learn_xliff(Path("briefing.xlf").read_bytes(), memory)   # reviewed segments teach the memory

The file's skeleton (the source's canonical XML) gives the structure; the
units are rebuilt from it exactly as the writer made them, so every code in a
target is checked against its source. A segment without a target is an error
naming the unit (unless `allow_untranslated`), as is a missing note, an
unknown or doubled code, or overlapping codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.errors import Warn, python_warning
from toolkit.model import Briefing
from toolkit.readers.xliff.parse import Loaded, load
from toolkit.readers.xliff.rebuild import Rebuilder
from toolkit.record import replace
from toolkit.xliff.units import Close, Open, Part, Ph, Text, Token, Unit, key_of

if TYPE_CHECKING:
    from toolkit.readers.headings import HeadingRules
    from toolkit.translation.memory import TranslationMemory

__all__ = ["human_translations", "learn_xliff", "read_xliff", "source_of"]


def read_xliff(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
    lang: str | None = None,
    allow_untranslated: bool = False,
) -> Briefing:
    """The target-language briefing; `headings` is accepted for a uniform reader signature, `lang` relabels it."""
    doc = Rebuilder(load(data, path, warn), path, warn, allow_untranslated).document()
    return doc if lang is None else replace(doc, lang=lang)


def source_of(data: bytes, path: str | None = None, warn: Warn = python_warning) -> Briefing:
    """The source-language briefing an XLIFF file carries as its skeleton."""
    return load(data, path, warn).source


def learn_xliff(
    data: bytes, memory: TranslationMemory, path: str | None = None, warn: Warn = python_warning
) -> int:
    """Store the file's confirmed segments as human translations; returns how many."""
    loaded = load(data, path, warn)
    Rebuilder(loaded, path, warn, allow_untranslated=True).document()  # the same checks as reading
    found = human_translations(loaded)
    memory.put_human(loaded.source.lang, loaded.target_lang, found, origin=loaded.original or (path or ""))
    return len(found)


def human_translations(loaded: Loaded) -> dict[str, str]:
    """Segment key -> translation, in the mapper's form (`⟦k⟧` for notes), for confirmed segments."""
    from toolkit.translation.segments import normalise

    out: dict[str, str] = {}
    for unit in loaded.units:
        if unit.frozen:
            continue
        for part in unit.segments():
            target = loaded.targets.get((unit.id, part.id))
            key = key_of(part)
            if target is None or not target.human or key is None:
                continue
            out[key] = normalise(_placeholders(part, unit, target.tokens))
    return out


def _placeholders(part: Part, unit: Unit, tokens: list[Token]) -> str:
    """A target as the model would have written it: text, with `⟦k⟧` for the k-th object of the source."""
    heads = {}
    for k, atom in enumerate(part.atoms, 1):
        head = atom[0]
        heads[head.code] = k  # type: ignore[union-attr]
    glued = _glued(part)
    text: list[str] = []
    inside: str | None = None  # the code of a superscript kept whole, until it closes
    for token in tokens:
        if inside is not None:
            if isinstance(token, Close) and token.code == inside:
                inside = None
            continue
        if isinstance(token, Text):
            text.append(token.text)
        elif isinstance(token, (Ph, Open)) and token.code in heads:
            k = heads[token.code]
            before = "".join(text)
            text.append(f"{' ' if glued[k - 1] and before and not before[-1].isspace() else ''}⟦{k}⟧")
            if isinstance(token, Open):
                inside = token.code
    return "".join(text)


def _glued(part: Part) -> list[bool]:
    """For each object of the sentence, whether it follows a word without a space (as the mapper encodes it)."""
    out: list[bool] = []
    before = ""
    for item in part.items:
        if isinstance(item, str):
            before += item
        else:
            out.append(bool(before) and not before[-1].isspace() and not before.endswith("⟧"))
            before += "⟦⟧"
    return out
