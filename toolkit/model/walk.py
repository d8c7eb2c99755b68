"""One walk over a briefing: every node in document order, notes with their display numbers.

Writers, translation and the readers' checks take document order and note
numbers from here (pandoc's `walk`, docutils' `traverse`), so that two equal
documents are numbered alike and no writer keeps its own count.

    walk(doc) ->  Step(Meta title note, number=1)      notes on the title first
                  Step(Section, depth=1)
                  Step(Heading, depth=1)
                  Step(P, depth=1)
                  Step(Note, depth=1, number=2)        at its anchor
                  ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from toolkit.errors import BriefingError, ExitCode
from toolkit.model.nodes import (
    Block,
    Briefing,
    Cell,
    Emph,
    Heading,
    Inline,
    Item,
    ListBlock,
    Note,
    P,
    Row,
    Section,
    Table,
    child_inlines,
)
from toolkit.record import record

Node = Block | Heading | Item | Row | Cell | Note


@record
class Step:
    """A node met on the walk: its section depth, and a note's display number (none for a marked note)."""

    node: Node
    depth: int
    number: int | None = None


def walk(doc: Briefing) -> Iterator[Step]:
    """Every block, heading, item, row, cell and note, in document order.

    Footnotes and endnotes are numbered apart, from 1, as Word numbers them; a
    note with its own mark takes no number, so the next note has the one it would.
    """
    counters = {"footnote": 0, "endnote": 0}

    def note(n: Note, depth: int) -> Step:
        if n.mark is not None:
            return Step(n, depth)
        counters[n.kind] += 1
        return Step(n, depth, counters[n.kind])

    def inlines(items: tuple[Inline, ...], depth: int) -> Iterator[Step]:
        for item in items:
            if isinstance(item, Note):
                yield note(item, depth)
            else:
                yield from inlines(child_inlines(item), depth)

    def blocks(items: tuple[Block, ...], depth: int) -> Iterator[Step]:
        for block in items:
            yield Step(block, depth)
            match block:
                case P():
                    yield from inlines(block.children, depth)
                case Section():
                    yield Step(block.heading, depth + 1)
                    yield from inlines(block.heading.children, depth + 1)
                    yield from blocks(block.blocks, depth + 1)
                case ListBlock():
                    for item in block.items:
                        yield Step(item, depth)
                        yield from blocks(item.blocks, depth)
                case Table():
                    for row in block.rows:
                        yield Step(row, depth)
                        for cell in row.cells:
                            yield Step(cell, depth)
                            yield from blocks(cell.blocks, depth)

    for title_note in doc.meta.title_notes:
        yield note(title_note, 0)
    yield from blocks(doc.body, 0)


def has_emphasis(doc: Briefing) -> bool:
    """Whether any text is emphasised, in notes too: the only text the writers set in the italic faces."""
    for step in walk(doc):
        node = step.node
        if isinstance(node, Note):
            paragraphs: tuple[P | Heading, ...] = node.body
        elif isinstance(node, (P, Heading)):
            paragraphs = (node,)
        else:
            continue
        if any(_emphasised(p.children) for p in paragraphs):
            return True
    return False


def _emphasised(items: tuple[Inline, ...]) -> bool:
    # Notes come as steps of their own; child_inlines gives none for a note.
    return any(isinstance(item, Emph) or _emphasised(child_inlines(item)) for item in items)


def iter_notes(doc: Briefing) -> Iterator[tuple[int | None, Note]]:
    """Yield `(display_number, note)` in document order, numbered from 1; None for a marked note."""
    for step in walk(doc):
        if isinstance(step.node, Note):
            yield step.number, step.node


def note_label(note: Note, number: int | None, numeral: Callable[[int], str] = str) -> str:
    """What the reference shows: the note's own mark, else its number written by `numeral`."""
    if note.mark is not None:
        return note.mark
    assert number is not None, "the walk numbers every note without a mark"
    return numeral(number)


class NoteNumbers:
    """The display numbers of a document's notes, handed out by position.

    A writer calls `take(note)` as it meets each note; the number comes from
    the walk's order, so equal documents get equal numbers whatever objects
    they share, and a writer that meets notes out of order is caught at once.
    """

    def __init__(self, doc: Briefing) -> None:
        self._order = list(iter_notes(doc))
        self._next = 0
        self._taken = {"footnote": 0, "endnote": 0}

    def taken(self, kind: str) -> int:
        """How many notes of `kind` were taken so far: the last one's place among them, a key every note has."""
        return self._taken[kind]

    def take(self, note: Note) -> int | None:
        if self._next >= len(self._order) or self._order[self._next][1] != note:
            raise BriefingError(
                "a writer met the notes out of document order",
                hint="a bug in the toolkit: please report it with this file",
                code=ExitCode.INTERNAL,
            )
        number = self._order[self._next][0]
        self._next += 1
        self._taken[note.kind] += 1
        return number
