"""Footnotes and endnotes parts to inline notes: each becomes a `Note` at its reference."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from lxml import etree

from toolkit.model import Note, P
from toolkit.ooxml.ns import qn
from toolkit.readers.docx.inlines import InlineReader, Story
from toolkit.readers.docx.scope import is_read

# Word's separator, continuation separator and continuation notice notes.
_SPECIAL = {"separator", "continuationSeparator", "continuationNotice"}


class NoteBodies:
    """The bodies of one notes part, each read at each reference to it."""

    def __init__(
        self,
        kind: str,
        root: etree._Element | None,
        story: Story,
        source_id: Callable[[str, str], str | None],
        reading: list[bool],
    ) -> None:
        self.kind = kind
        self.story = story
        self.source_id = source_id
        # Every definition of each id, in order: a tool that merges documents (docxcompose)
        # can give two notes one id, and then each reference takes the next of them.
        self.elements: dict[str, list[etree._Element]] = {}
        self.cited: Counter[str] = Counter()
        self.reading = reading  # shared by the footnotes and the endnotes: is a note being read?
        if root is not None:
            for el in root.findall(qn(f"w:{kind}")):
                if el.get(qn("w:type"), "normal") not in _SPECIAL:
                    self.elements.setdefault(el.get(qn("w:id"), ""), []).append(el)

    def note(self, note_id: str) -> Note | None:
        found = self.elements.get(note_id)
        if found is None:
            self.story.warn(f"{self.kind} {note_id} is referenced but missing from the file; kept empty")
            return Note((P(),), self.source_id(self.kind, note_id), self.kind)  # type: ignore[arg-type]
        if len(found) > 1:
            self.story.warn(
                f"{self.kind} id {note_id} is given to {len(found)} notes; "
                "each reference to it takes the next of them, in order"
            )
        if self.reading[0]:  # of either kind: an endnote cited in a footnote too
            self.story.warn(
                f"a note inside a note is not supported; the reference to {self.kind} {note_id} "
                "inside another note is dropped"
            )
            return None
        el = found[min(self.cited[note_id], len(found) - 1)]
        self.cited[note_id] += 1
        self.reading[0] = True
        try:
            body = self._body(el)
        finally:
            self.reading[0] = False
        return Note(body, self.source_id(self.kind, note_id), self.kind)  # type: ignore[arg-type]

    def _body(self, el: etree._Element) -> tuple[P, ...]:
        paragraphs = []
        # Every paragraph the reading rule reads, at any depth (tables and text boxes in a note
        # flatten to paragraphs, in order): not an alternate's other copy, nor deleted text.
        for p in el.iter(qn("w:p")):
            if not is_read(p):
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
