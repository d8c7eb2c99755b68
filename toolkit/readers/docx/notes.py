"""Footnotes and endnotes parts to inline notes: each becomes a `Note` at its reference."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from toolkit.model import Note, P
from toolkit.ooxml.ns import local_name, qn
from toolkit.readers.docx.inlines import InlineReader, Story

# Word's separator, continuation separator and continuation notice notes.
_SPECIAL = {"separator", "continuationSeparator", "continuationNotice"}


class NoteBodies:
    """The bodies of one notes part, read on first reference."""

    def __init__(
        self,
        kind: str,
        root: etree._Element | None,
        story: Story,
        source_id: Callable[[str, str], str | None],
    ) -> None:
        self.kind = kind
        self.story = story
        self.source_id = source_id
        self.elements: dict[str, etree._Element] = {}
        self.reading = False
        if root is not None:
            for el in root.findall(qn(f"w:{kind}")):
                if el.get(qn("w:type"), "normal") not in _SPECIAL:
                    self.elements[el.get(qn("w:id"), "")] = el

    def note(self, note_id: str) -> Note | None:
        el = self.elements.get(note_id)
        if el is None:
            self.story.warn(f"{self.kind} {note_id} is referenced but missing from the file; kept empty")
            return Note((P(),), self.source_id(self.kind, note_id), self.kind)  # type: ignore[arg-type]
        if self.reading:
            self.story.warn("a note inside a note is not supported; the inner reference is dropped")
            return None
        self.reading = True
        try:
            body = self._body(el)
        finally:
            self.reading = False
        return Note(body, self.source_id(self.kind, note_id), self.kind)  # type: ignore[arg-type]

    def _body(self, el: etree._Element) -> tuple[P, ...]:
        paragraphs = []
        for p in el.iter(qn("w:p")):
            if local_name(p.getparent().tag) != self.kind:
                self.story.warn("lists and tables inside notes are read as plain paragraphs")
            paragraphs.append(P(InlineReader(self.story).paragraph(p)))
        if paragraphs and paragraphs[0].children and isinstance(paragraphs[0].children[0], str):
            # The text after the number (Word's footnoteRef run) starts with a space or tab.
            first = paragraphs[0].children
            paragraphs[0] = P((first[0].lstrip(" \t"), *first[1:]))  # type: ignore[union-attr]
        # Empty paragraphs are spacing; a note of only a picture keeps one empty paragraph.
        kept = tuple(p for p in paragraphs if p.children)
        if not kept:
            self.story.warn(f"{self.kind} {el.get(qn('w:id'), '')} has no text (a picture?); kept empty")
        return kept or (P(),)
