"""Footnotes and endnotes parts to inline notes: each becomes a `Note` at its reference."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from lxml import etree

from toolkit.model import Note, P
from toolkit.ooxml.ns import qn
from toolkit.readers.docx.inlines import InlineReader, Story
from toolkit.readers.docx.scope import is_read
from toolkit.readers.invariants import lifted_out

# Word's separator, continuation separator and continuation notice notes.
_SPECIAL = {"separator", "continuationSeparator", "continuationNotice"}
# How deep notes cited inside notes are followed: a hostile chain must not exhaust the stack.
MAX_DEPTH = 8


class Nesting:
    """The notes being read, shared by the footnotes and the endnotes, and the notes cited inside them.

    The model holds no note inside a note (Word's UI cannot make one; other
    tools can). A note cited inside another is lifted out: it follows the
    outer note at the outer note's reference, so nothing is lost.
    """

    def __init__(self) -> None:
        self.open: list[tuple[str, str]] = []  # (kind, id) of the notes being read, outermost first
        self.lifted: list[Note] = []  # read inside the outermost open note, waiting for its reference
        self.counts = {"footnote": 0, "endnote": 0}  # how many were lifted out, for the invariant
        self.taken: set[tuple[str, str]] = set()  # lifted once: a note is not lifted twice


class NoteBodies:
    """The bodies of one notes part, each read at each reference to it."""

    def __init__(
        self,
        kind: str,
        root: etree._Element | None,
        story: Story,
        source_id: Callable[[str, str], str | None],
        nesting: Nesting,
    ) -> None:
        self.kind = kind
        self.story = story
        self.source_id = source_id
        # Every definition of each id, in order: a tool that merges documents (docxcompose)
        # can give two notes one id, and then each reference takes the next of them.
        self.elements: dict[str, list[etree._Element]] = {}
        self.cited: Counter[str] = Counter()
        self.nesting = nesting
        if root is not None:
            for el in root.findall(qn(f"w:{kind}")):
                if el.get(qn("w:type"), "normal") not in _SPECIAL:
                    self.elements.setdefault(el.get(qn("w:id"), ""), []).append(el)

    def at_reference(self, note_id: str) -> tuple[Note, ...]:
        """What a reference to `note_id` reads as.

        In a paragraph: the note, followed by the notes cited inside it, lifted
        out. Inside another note: nothing there; the note is lifted out.
        """
        nesting = self.nesting
        slot = len(nesting.lifted)  # a lifted note goes before those cited inside it
        note = self._read(note_id)
        if note is None:
            return ()
        if nesting.open:
            self.story.warn(lifted_out(self.kind, note_id))
            nesting.lifted.insert(slot, note)
            nesting.counts[self.kind] += 1
            return ()
        lifted = tuple(nesting.lifted)
        nesting.lifted.clear()
        return (note, *lifted)

    def _read(self, note_id: str) -> Note | None:
        found = self.elements.get(note_id)
        if found is None:
            self.story.warn(f"{self.kind} {note_id} is referenced but missing from the file; kept empty")
            return Note((P(),), self.source_id(self.kind, note_id), self.kind)  # type: ignore[arg-type]
        key = (self.kind, note_id)
        if key in self.nesting.open:
            self.story.warn(f"{self.kind} {note_id} is cited inside its own text; that reference is left out")
            return None
        if self.nesting.open and key in self.nesting.taken:
            # Each lifted note is read once, so that notes citing each other cannot multiply.
            self.story.warn(
                f"{self.kind} {note_id} is cited again inside a note; it follows it once: left out"
            )
            return None
        if len(self.nesting.open) >= MAX_DEPTH:
            self.story.warn(f"{self.kind} {note_id} is cited {MAX_DEPTH} notes deep; left out")
            return None
        if self.nesting.open:
            self.nesting.taken.add(key)
        if len(found) > 1:
            self.story.warn(
                f"{self.kind} id {note_id} is given to {len(found)} notes; "
                "each reference to it takes the next of them, in order"
            )
        el = found[min(self.cited[note_id], len(found) - 1)]
        self.cited[note_id] += 1
        self.nesting.open.append(key)
        try:
            body = self._body(el)
        finally:
            self.nesting.open.pop()
        return Note(body, self.source_id(self.kind, note_id), self.kind)  # type: ignore[arg-type]

    def _body(self, el: etree._Element) -> tuple[P, ...]:
        paragraphs = []
        # Every paragraph the reading rule reads, at any depth (tables and text boxes in a note
        # flatten to paragraphs, in order): not an alternate's other copy, nor deleted text.
        for p in el.iter(qn("w:p")):
            if not is_read(p, self.story.styles.hidden):
                continue
            if any(a.tag == qn("w:tbl") for a in p.iterancestors()):
                self.story.warn("tables inside notes are read as plain paragraphs")
            if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
                self.story.warn("lists inside notes are read as plain paragraphs")
            paragraphs.append(P(InlineReader(self.story).paragraph(p)))
        self.story.extra_blocks.clear()  # text boxes: their paragraphs were among those above
        if paragraphs and paragraphs[0].children and isinstance(paragraphs[0].children[0], str):
            # The text after the number (Word's footnoteRef run) starts with a space or tab.
            first = paragraphs[0].children
            paragraphs[0] = P((first[0].lstrip(" \t"), *first[1:]))  # type: ignore[union-attr]
        # Empty paragraphs are spacing; a note of only a picture keeps one empty paragraph.
        kept = tuple(p for p in paragraphs if p.children)
        if not kept:
            self.story.warn(
                f"{self.kind} {el.get(qn('w:id'), '')} has no text (it is empty, or holds only a picture); kept empty"
            )
        return kept or (P(),)
