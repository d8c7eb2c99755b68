"""Compare what the readers make of the third-party corpus with the facts Word's XML holds."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import toolkit
from toolkit.errors import BriefingWarning
from toolkit.model import Block, Briefing, Inline, LineBreak, Note, P, Section, Table
from toolkit.model.nodes import child_blocks, child_inlines

CORPUS = Path(__file__).parent / "corpus"
SPACE = re.compile(r"\s+")


NAMED_NOTE = re.compile(r"\b(footnote|endnote) (-?\d+)\b")


def documents() -> list[str]:
    return sorted(p.name.removesuffix(".facts.json") for p in CORPUS.glob("*.facts.json"))


def facts(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((CORPUS / f"{name}.facts.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@dataclass
class Read:
    """A corpus document read by one reader, with its warnings."""

    doc: Briefing
    warnings: list[BriefingWarning] = field(default_factory=list)


def read(name: str, fmt: str) -> Read:
    warnings: list[BriefingWarning] = []
    suffix = ".docx" if fmt == "docx" else ".txt"
    doc = toolkit.read(str(CORPUS / f"{name}{suffix}"), warn=warnings.append)
    return Read(doc, warnings)


def _collapse(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def _text(items: tuple[Inline, ...]) -> str:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, LineBreak):
            out.append(" ")
        elif not isinstance(item, Note):
            out.append(_text(child_inlines(item)))
    return "".join(out)


def _notes_in(items: tuple[Inline, ...], before: list[str]) -> Iterator[tuple[Note, str]]:
    for item in items:
        if isinstance(item, Note):
            yield item, _collapse("".join(before))
        elif isinstance(item, str):
            before.append(item)
        elif isinstance(item, LineBreak):
            before.append(" ")
        else:
            yield from _notes_in(child_inlines(item), before)


def notes(doc: Briefing) -> list[dict]:  # type: ignore[type-arg]
    """Every note in document order as the facts spell it, with the text before it."""
    found = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Section):
                emit(block.heading.children)
            if isinstance(block, P):
                emit(block.children)
            else:
                walk(child_blocks(block))

    def emit(items: tuple[Inline, ...]) -> None:
        for note, before in _notes_in(items, []):
            body = [_collapse(_text(p.children)) for p in note.body]
            fact = {
                "kind": note.kind,
                "source_id": note.source_id,
                "body": [b for b in body if b],
                "before": before,
            }
            if note.mark is not None:
                fact["mark"] = note.mark
            found.append(fact)

    emit((doc.meta.title, *doc.meta.title_notes))
    walk(doc.body)
    return found


def headings(doc: Briefing) -> list[dict]:  # type: ignore[type-arg]
    """Every heading in order, with its level; in a table cell only the text counts.

    The model's levels are its nesting, and a heading in a table cell is a
    section inside the cell, whose level Word's style names but the nesting
    cannot tell. Such headings compare by text (level None).
    """
    found = []

    def walk(blocks: tuple[Block, ...], level: int | None) -> None:
        for block in blocks:
            if isinstance(block, Section):
                found.append({"level": level, "text": _collapse(_text(block.heading.children))})
                walk(block.blocks, None if level is None else level + 1)
            elif isinstance(block, Table):
                walk(child_blocks(block), None)
            elif not isinstance(block, P):
                walk(child_blocks(block), level)

    walk(doc.body, 1)
    return found


def depths(levels: list[int]) -> list[int]:
    """Word's heading levels as the depth of nested sections: H2 without an H1 above is depth 1."""
    open_: list[int] = []
    out = []
    for level in levels:
        while open_ and open_[-1] >= level:
            open_.pop()
        open_.append(level)
        out.append(len(open_))
    return out


def headings_match(got: list[dict], want: list[dict]) -> bool:  # type: ignore[type-arg]
    # Headings in table cells (level None) nest on their own, so only the others set depths.
    outside = [w["level"] for g, w in zip(got, want, strict=False) if g["level"] is not None]
    expected = iter(depths(outside))
    return len(got) == len(want) and all(
        g["text"] == w["text"] and (g["level"] is None or g["level"] == next(expected))
        for g, w in zip(got, want, strict=True)
    )


def note_matches(got: dict, want: dict, docx: bool) -> bool:  # type: ignore[type-arg]
    """The same note at the same anchor.

    POI prints a line break in a note like a paragraph break, and joins a
    table row's cells into one line, so on the text path bodies compare as one
    text, and the text before the note only has to end the same way.
    """
    if (got["kind"], got["source_id"]) != (want["kind"], want["source_id"]):
        return False
    if docx:
        return bool(got["body"] == want["body"] and got["before"][-30:] == want["before"])
    return bool(" ".join(got["body"]) == " ".join(want["body"]) and got["before"].endswith(want["before"]))


def f1(got: list[str], want: list[str]) -> float:
    if not got and not want:
        return 1.0
    common = sum((Counter(got) & Counter(want)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


POI_MARKER = re.compile(r"\[(footnote|endnote)Ref:(-?\d+)\]")


@dataclass
class Score:
    """How one reader did on one corpus document."""

    name: str
    notes: int  # notes Word's XML holds
    exact: int  # read exactly: kind, id, body, anchor
    poi_lost: int  # not exact because POI printed no reference or no body for it
    wrong: list[str]  # the others, described
    headings_f1: float
    headings_exact: bool


def score(name: str, fmt: str) -> Score:
    """Compare one reader's notes and headings on `name` with the facts."""
    want = facts(name)
    got = read(name, fmt)
    found = notes(got.doc)
    wrong: list[str] = []
    exact = lost = 0
    expected = want["notes"]
    if fmt == "text":
        # POI loses references inside run-level content controls: the facts
        # keep them, POI's text (our input) has none, so align on what it printed.
        printed = [(m[1], m[2]) for m in POI_MARKER.finditer((CORPUS / f"{name}.txt").read_text("utf-8"))]
        aligned, k = [], 0
        for note in expected:
            if k < len(printed) and printed[k] == (note["kind"], note["source_id"]):
                aligned.append(note)
                k += 1
            else:
                lost += 1
        expected = aligned
    if len(found) != len(expected):
        wrong.append(f"{len(found)} notes read, {len(expected)} expected")
    # The notes POI printed no body for, as the reader's warnings name them: `footnote 4 has no body …`.
    no_body = {
        (m[1], m[2])
        for w in got.warnings
        if "has no body" in w.message or "could not find" in w.message
        if (m := NAMED_NOTE.search(w.message))
    }
    for g, w in zip(found, expected, strict=False):
        if note_matches(g, w, fmt == "docx"):
            exact += 1
        elif (
            fmt == "text"
            and (g["kind"], g["source_id"]) == (w["kind"], w["source_id"])
            and (
                (not g["body"] and (g["kind"], g["source_id"]) in no_body)
                or (
                    " ".join(g["body"]) == " ".join(w["body"])
                    and g["before"].split()[-1:] == w["before"].split()[-1:]
                )
            )
        ):
            lost += (
                1  # POI printed no body, or deleted text before the reference (the body itself read whole)
            )
        else:
            wrong.append(f"got {g}, expected {w}")
    want_h = want["headings"]
    got_h = headings(got.doc)
    return Score(
        name,
        len(want["notes"]),
        exact,
        lost,
        wrong,
        f1([h["text"] for h in got_h], [h["text"] for h in want_h]),
        headings_match(got_h, want_h),
    )


def report() -> str:
    """A table: per document, notes read exactly on both paths, and the headings."""
    rows = [
        "document                  notes | docx exact | text exact  POI lost | headings: docx  text F1",
    ]
    f1s = []
    for name in documents():
        d, t = score(name, "docx"), score(name, "text")
        f1s.append(t.headings_f1)
        rows.append(
            f"{name:<25} {d.notes:>5} | {d.exact:>10} | {t.exact:>10} {t.poi_lost:>9} |"
            f" {'exact' if d.headings_exact else 'DIFF':>14} {t.headings_f1:>8.2f}"
        )
    rows.append(f"mean heading F1 on the text path: {sum(f1s) / len(f1s):.2f} over {len(f1s)} documents")
    return "\n".join(rows)


if __name__ == "__main__":
    print(report())
