"""Targets for units from the memory and the model, sentence by sentence as `toolkit.translate` makes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from toolkit.errors import BriefingWarning, Warn, python_warning
from toolkit.model import Note
from toolkit.translation.segments import Mapper
from toolkit.xliff.units import STAND_IN, Close, Open, Part, Text, Token, Unit

if TYPE_CHECKING:
    from toolkit.translation.pipeline import Stats, Translator

Origin = Literal["mt", "tm", "copy"]
ROUNDS = 3  # as the pipeline: collect; re-ask sentences whose URLs were lost, protected; rebuild


@dataclass(frozen=True, slots=True)
class Filled:
    """A target: its tokens, and where it came from (the model, a human entry in the memory, or a copy)."""

    tokens: list[Token]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Provenance:
    """The engine and model that made the machine targets, as the file records them."""

    source_lang: str
    engine: str
    model: str
    model_version: str
    decoding: str

    def origin(self) -> str:
        return " ".join(p for p in (self.engine, self.model, self.model_version, self.decoding) if p)


def provenance(translator: Translator) -> Provenance:
    e = translator.engine
    return Provenance(translator.source, e.name, e.model, e.model_version, e.decoding)


def fill(
    units: list[Unit], translator: Translator, stats: Stats | None = None, warn: Warn = python_warning
) -> dict[tuple[str, str], Filled]:
    """Targets for every part that needs one, keyed by (unit id, part id)."""
    from toolkit.translation.pipeline import Stats

    stats = stats if stats is not None else Stats()
    sentences = [(u, p) for u in units if not u.frozen for p in u.segments()]
    known: dict[str, str] = {}
    human: set[str] = set()
    missing: dict[str, None] = {}  # insertion-ordered set: segments in document order

    def collect(segment: str) -> str | None:
        if segment not in known:
            missing[segment] = None
        return known.get(segment)

    for _ in range(ROUNDS):
        missing.clear()

        for _unit, part in sentences:
            Mapper(collect).inlines(part.items)
        if not missing:
            break
        found, found_human = _translate(translator, list(missing), stats)
        known.update(found)
        human |= found_human
    out: dict[tuple[str, str], Filled] = {}
    reported: set[str] = set()
    for unit in units:
        kept = {cid for cid, code in unit.codes.items() if code.kept or unit.frozen}
        for part in unit.parts:
            if part.segment and not unit.frozen:
                out[unit.id, part.id] = _sentence(part, kept, known, human, translator, warn, reported)
            elif part.segment:
                out[unit.id, part.id] = Filled(list(part.source), "copy")
            elif _drop(part.source, kept) != part.source:
                out[unit.id, part.id] = Filled(_drop(part.source, kept), "copy")
    return out


def _translate(translator: Translator, segments: list[str], stats: Stats) -> tuple[dict[str, str], set[str]]:
    """What `Translator.translate_segments` does, telling human entries from the memory apart."""
    stats.segments += len(segments)
    memory = translator.memory
    human, machine = memory.get_split(translator.key, segments) if memory else ({}, {})
    stats.cache_hits += len(human) + len(machine)
    todo = [s for s in segments if s not in human and s not in machine]
    outputs = translator.engine.translate(todo) if todo else []
    if len(outputs) != len(todo):
        raise RuntimeError(f"the engine returned {len(outputs)} translations for {len(todo)} segments")
    stats.model_calls += len(todo)
    fresh = dict(zip(todo, outputs, strict=True))
    if memory:
        memory.put_many(translator.key, fresh)
    return {**machine, **fresh, **human}, set(human)


def _sentence(
    part: Part,
    kept: set[str],
    known: dict[str, str],
    human: set[str],
    translator: Translator,
    warn: Warn,
    reported: set[str],
) -> Filled:
    used: list[str] = []

    def lookup(segment: str) -> str | None:
        used.append(segment)
        output = known.get(segment)
        if output is None or translator.glossary is None:
            return output
        fixed, problems = translator.glossary.check(segment, output)
        if problems and segment not in reported:
            reported.add(segment)
            warn(BriefingWarning(f"glossary: {'; '.join(problems)} in {fixed!r} (from {segment!r})"))
        return fixed

    decoded = Mapper(lookup, warn).inlines(part.items)
    if not used:  # nothing for the model: numbers, symbols, a lone note
        return Filled(_drop(part.source, kept), "copy")
    tokens: list[Token] = list(part.source[: part.lead])
    for item in decoded:
        if isinstance(item, str):
            tokens.append(Text(item))
        elif isinstance(item, Note) and (item.source_id or "").startswith(STAND_IN):
            tokens.extend(part.atoms[int(item.source_id[len(STAND_IN) :])])  # type: ignore[index]
        else:
            raise AssertionError(f"the mapper returned {item!r} for a sentence of text and notes")
    if part.trail:
        tokens.extend(part.source[-part.trail :])
    return Filled(tokens, "tm" if used[-1] in human else "mt")


def _drop(tokens: list[Token], kept: set[str]) -> list[Token]:
    """`tokens` without the codes machine translation drops (spans inside a sentence)."""
    return [t for t in tokens if not isinstance(t, (Open, Close)) or t.code in kept]
