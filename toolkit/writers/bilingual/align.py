"""The rows of a bilingual handout: a document and its translation, paired block by block.

Translation maps blocks one to one (`toolkit.translation.segments.Mapper`), so the
two bodies have the same shape. A row is the unit a reader's eye crosses over:

    title                      -> Row("title")
    Section(heading, blocks)   -> Row("heading"), then the rows of its blocks
    P                          -> Row("block")
    ListBlock(items)           -> Row("item") per item (nested lists stay in their item)
    Table                      -> Row("block"), the whole table

Documents whose shapes differ are refused, naming the first block where they part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Block, Briefing, Heading, Inline, ListBlock, P, Section, Table, plain_text

RowKind = Literal["title", "heading", "block", "item"]


@dataclass(frozen=True)
class Row:
    """One row: the source's part and the translation's, at a section `depth` (headings from 1).

    For "item", `source`/`target` are the lists and `index` the item; for "title",
    the titles with their notes.
    """

    kind: RowKind
    source: Block | Heading | tuple[Inline, ...]
    target: Block | Heading | tuple[Inline, ...]
    depth: int
    index: int = 0
    where: str = "the title"  # the place, for messages


def rows(source: Briefing, target: Briefing) -> list[Row]:
    """The rows of the handout, in reading order; `BriefingError` (exit 4) where the shapes part."""
    out = [
        Row(
            "title",
            (source.meta.title, *source.meta.title_notes),
            (target.meta.title, *target.meta.title_notes),
            0,
        )
    ]
    _blocks(source.body, target.body, 1, "the body", out)
    return out


def _blocks(
    source: tuple[Block, ...], target: tuple[Block, ...], depth: int, where: str, out: list[Row]
) -> None:
    for i, (a, b) in enumerate(zip(source, target, strict=False), 1):
        place = f"block {i} of {where} ({_describe(a)})"
        if type(a) is not type(b):
            _part(place, f"the translation has {_describe(b)} there")
        match a:
            case Section():
                assert isinstance(b, Section)
                section = f"section \u201c{_short(plain_text(a.heading.children))}\u201d"
                out.append(Row("heading", a.heading, b.heading, depth, where=section))
                _blocks(a.blocks, b.blocks, depth + 1, section, out)
            case ListBlock():
                assert isinstance(b, ListBlock)
                if len(a.items) != len(b.items) or a.ordered != b.ordered:
                    _part(place, f"the translation's list has {len(b.items)} items")
                for k, (x, y) in enumerate(zip(a.items, b.items, strict=True)):
                    if _shape(x.blocks) != _shape(y.blocks):
                        _part(f"item {k + 1} of {place}", "the translation's item differs")
                    out.append(Row("item", a, b, depth, k, where))
            case Table():
                assert isinstance(b, Table)
                if _shape((a,)) != _shape((b,)):
                    _part(place, "the translation's table has other rows or cells")
                out.append(Row("block", a, b, depth, where=where))
            case P():
                out.append(Row("block", a, b, depth, where=where))
    if len(source) != len(target):
        first = min(len(source), len(target)) + 1
        more = "source" if len(source) > len(target) else "translation"
        _part(f"block {first} of {where}", f"only the {more} has it")


def _shape(blocks: tuple[Block, ...]) -> tuple[object, ...]:
    """The block structure, without the text: what a faithful translation keeps."""
    out: list[object] = []
    for block in blocks:
        match block:
            case P():
                out.append("p")
            case Section():
                out.append(("section", _shape(block.blocks)))
            case ListBlock():
                out.append(("list", block.ordered, tuple(_shape(i.blocks) for i in block.items)))
            case Table():
                rows = tuple(tuple((c.header, _shape(c.blocks)) for c in r.cells) for r in block.rows)
                out.append(("table", rows))
    return tuple(out)


def _part(place: str, what: str) -> None:
    raise BriefingError(
        f"the translation does not match its source at {place}: {what}",
        hint="a bilingual handout needs the translation made from this very source",
        code=ExitCode.BAD_INPUT,
    )


def _describe(block: Block) -> str:
    match block:
        case P():
            return f"paragraph \u201c{_short(plain_text(block.children))}\u201d"
        case Section():
            return f"section \u201c{_short(plain_text(block.heading.children))}\u201d"
        case ListBlock():
            return f"a list of {len(block.items)} items"
        case Table():
            return f"a table of {len(block.rows)} rows"
    return type(block).__name__


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
