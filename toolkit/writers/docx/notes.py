"""The footnotes and endnotes parts: `word/footnotes.xml`, `word/endnotes.xml`."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from lxml import etree

from toolkit.model import Note
from toolkit.model.nodes import NoteKind
from toolkit.ooxml.ns import nspfxmap, qn
from toolkit.ooxml.parts import CT, PN, RT
from toolkit.writers.docx.body import BodyWriter, RunProps
from toolkit.writers.docx.elements import sub, twips
from toolkit.writers.docx.package import Package, Part

_PARTS = {
    "footnote": (PN.FOOTNOTES, CT.WML_FOOTNOTES, RT.FOOTNOTES),
    "endnote": (PN.ENDNOTES, CT.WML_ENDNOTES, RT.ENDNOTES),
}


def valid_id(source_id: str | None) -> int | None:
    """`source_id` as a Word note id, if it can be one: a positive integer in canonical form.

    -1 and 0 are the separator notes, so they are never available.
    """
    if (
        source_id is None
        or not (source_id.isascii() and source_id.isdigit())
        or str(int(source_id)) != source_id
    ):
        return None
    value = int(source_id)
    return value if 1 <= value <= 32767 else None


class Notes:
    """One notes part. A note's `w:id` is its source id where the source ids can be Word's.

    That is, where they are numbers that rise through the document, each once (the usual
    case: a DOCX's own ids, or the seed's 2, 3 …). Otherwise the notes are numbered 1, 2,
    3 … in the order they are cited: LibreOffice pairs references with bodies by the order
    of their ids, so ids that fall (a note moved in review, two documents side by side)
    would show each body at another reference. `renamed` records every source id that is
    not the note's `w:id`, so the reader restores it (see `toolkit.ooxml.custom_props`).
    """

    def __init__(
        self, kind: NoteKind, package: Package, document_part: Part, source_ids: Sequence[str | None] = ()
    ) -> None:
        self.kind = kind
        self.package = package
        self.document_part = document_part
        self.reference_tag = f"w:{kind}Reference"
        self.reference_style = f"{kind.capitalize()}Reference"
        ids = [i for i in map(valid_id, source_ids) if i is not None]
        # The source ids, in citing order, serve as Word ids when each is one and they rise.
        self.keep = 0 < len(ids) == len(source_ids) and all(a < b for a, b in pairwise(ids))
        self.count = 0
        self.renamed: dict[int, str | None] = {}
        self.part: Part | None = None
        self.root: etree._Element | None = None

    def _start(self) -> tuple[Part, etree._Element]:
        if self.part is not None and self.root is not None:
            return self.part, self.root
        partname, content_type, reltype = _PARTS[self.kind]
        root = etree.Element(qn(f"w:{self.kind}s"), nsmap=nspfxmap("w", "r"))
        # The separator (-1) and continuation separator (0) notes Word expects.
        for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
            note = sub(root, f"w:{self.kind}", type=kind, id=note_id)
            ppr = sub(sub(note, "w:p"), "w:pPr")
            sub(ppr, "w:spacing", after="0", line="240", lineRule="auto")
            sub(ppr.getparent(), "w:r").append(etree.Element(qn(f"w:{kind}")))
        self.part = Part.of(partname, content_type, root)
        self.root = root
        self.package.add(self.document_part, self.part, reltype)
        return self.part, root

    def _id_for(self, note: Note) -> int:
        kept = valid_id(note.source_id) if self.keep else None
        if kept is not None:
            return kept
        self.count += 1
        if valid_id(note.source_id) != self.count:
            self.renamed[self.count] = note.source_id
        return self.count

    def add(self, note: Note, writer: BodyWriter) -> int:
        """Write `note`'s body into the part; return its `w:id`."""
        part, root = self._start()
        note_id = self._id_for(note)
        el = sub(root, f"w:{self.kind}", id=str(note_id))
        text_style = f"{self.kind.capitalize()}Text"

        def relate(url: str) -> str:
            return part.rels.relate(RT.HYPERLINK, url, external=True)

        hang = twips(writer.style.footnote.hanging_mm * 72 / 25.4)
        for i, p in enumerate(note.body):
            p_el = writer.paragraph((), relate, text_style)
            if i == 0:
                # The number hangs in the indent, and a tab takes the text to it (the PDF's grid).
                sub(p_el.find(qn("w:pPr")), "w:ind", left=hang, hanging=hang)
                if note.mark is None:
                    ref = writer.run(p_el, RunProps(char_style=self.reference_style))
                    ref.append(etree.Element(qn(f"w:{self.kind}Ref")))
                else:  # where Word writes a custom mark: as text, in place of the number
                    writer.text(p_el, note.mark, RunProps(char_style=self.reference_style))
                writer.text(p_el, "\t", RunProps())
            writer.inlines(p_el, p.children, relate, RunProps())
            el.append(p_el)
        return note_id

    def settings(self) -> etree._Element | None:
        """The `w:footnotePr` / `w:endnotePr` for settings.xml, naming the separators."""
        if self.part is None:
            return None
        pr = etree.Element(qn(f"w:{self.kind}Pr"))
        for note_id in ("-1", "0"):
            sub(pr, f"w:{self.kind}", id=note_id)
        return pr
