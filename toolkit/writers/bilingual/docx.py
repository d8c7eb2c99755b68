"""The bilingual handout as DOCX: a two-column table, one row per block, with Word footnotes for both sides.

The cells are written by the DOCX writer's `BodyWriter` (docx/body.py) at the width
of a column; both languages' notes go to the one footnotes part, each note referenced
from its own cell. Every run of a cell, and of the notes it cites, carries the cell's
`w:lang`, so that spell-checking and reading aloud follow the column.
"""

from __future__ import annotations

from lxml import etree

from toolkit.errors import Warn, python_warning
from toolkit.model import Briefing, Heading, ListBlock
from toolkit.model.nodes import NoteKind
from toolkit.model.walk import has_emphasis
from toolkit.ooxml.ns import qn
from toolkit.ooxml.parts import PN, RT
from toolkit.record import replace
from toolkit.style import Style
from toolkit.writers.bilingual import GUTTER_MM, language_name, side_by_side
from toolkit.writers.bilingual.align import Row, rows
from toolkit.writers.docx import note_settings
from toolkit.writers.docx.body import BodyWriter
from toolkit.writers.docx.elements import hex_color, make, sub, twips, word_lang
from toolkit.writers.docx.fonts import embed_fonts
from toolkit.writers.docx.notes import Notes
from toolkit.writers.docx.numbering import Numbering
from toolkit.writers.docx.package import Package
from toolkit.writers.docx.page import header_footer, setup_page
from toolkit.writers.docx.props import set_app, set_core
from toolkit.writers.docx.styles import HEADING_LEVELS, apply_styles

__all__ = ["write_bilingual_docx"]

KINDS: tuple[NoteKind, ...] = ("footnote", "endnote")


class Cells:
    """Writes the two cells of each row, and gives every run in them the cell's language."""

    def __init__(self, writer: BodyWriter, notes: dict[NoteKind, Notes], gutter: int) -> None:
        self.writer = writer
        self.notes = notes
        self.gutter = gutter
        self._items: dict[int, list[list[etree._Element]]] = {}

    def relate(self, url: str) -> str:
        part = self.notes["footnote"].document_part
        return part.rels.relate(RT.HYPERLINK, url, external=True)

    def content(self, row: Row, part: object, doc: Briefing) -> list[etree._Element]:
        """The paragraphs (and tables) of one side of `row`; `part` is its block, heading, list or title."""
        w = self.writer
        match row.kind:
            case "title":
                out = [w.paragraph((doc.meta.title, *doc.meta.title_notes), self.relate, "Title")]
                if (notice := w.style.labels_for(doc.lang).notice(doc.meta.translation)) is not None:
                    out.append(w.paragraph((notice,), self.relate, "MachineTranslationNotice"))
                return out
            case "heading":
                assert isinstance(part, Heading)
                return [w.paragraph(part.children, self.relate, f"Heading{min(row.depth, HEADING_LEVELS)}")]
            case "item":
                assert isinstance(part, ListBlock)
                if row.index == 0:  # the whole list at its first item: one numbering
                    self._items[id(part)] = w.list_items(part, self.relate, row.depth)
                return self._items[id(part)][row.index]
            case "block":
                return w.blocks((part,), self.relate, row.depth)  # type: ignore[arg-type]

    def cell(
        self,
        tr: etree._Element,
        width: int,
        side: int,
        lang: str,
        content: list[etree._Element],
        fill: str | None = None,
    ) -> None:
        """A cell of `width` twips holding `content`, set in from the gutter on its inner side."""
        tc = sub(tr, "w:tc")
        tcpr = sub(tc, "w:tcPr")
        sub(tcpr, "w:tcW", w=str(width), type="dxa")
        if fill:
            sub(tcpr, "w:shd", val="clear", color="auto", fill=fill)
        margins = sub(tcpr, "w:tcMar")
        sub(margins, "w:left", w=str(self.gutter // 2 if side else 0), type="dxa")
        sub(margins, "w:right", w=str(0 if side else self.gutter // 2), type="dxa")
        tc.extend(content)
        if not content or content[-1].tag != qn("w:p"):
            tc.append(self.writer.paragraph((), self.relate))  # a cell ends with a paragraph
        set_lang(tc, lang)

    def written(self) -> list[int]:
        """How many notes each notes part holds so far."""
        return [0 if n.root is None else len(n.root) for n in self.notes.values()]

    def mark_notes(self, before: list[int], lang: str) -> None:
        """Give the notes written since `before` the language `lang`."""
        for n, start in zip(self.notes.values(), before, strict=True):
            if n.root is not None:
                for note in n.root[start:]:
                    set_lang(note, lang)


def set_lang(element: etree._Element, lang: str) -> None:
    """`w:lang` on every run inside `element` (last in `w:rPr`, as the schema orders it)."""
    for run in element.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.Element(qn("w:rPr"))
            run.insert(0, rpr)
        sub(rpr, "w:lang", val=lang)


def write_bilingual_docx(
    source: Briefing, translation: Briefing, style: Style, warn: Warn = python_warning
) -> bytes:
    """The handout as DOCX bytes: the source left, the translation right; reproducible."""
    table_rows = rows(source, translation)
    style = side_by_side(style)
    package = Package()
    main = package.part(PN.DOCUMENT)
    apply_styles(package.part(PN.STYLES).element, style, source.lang)
    body = main.element.find(qn("w:body"))
    sect_pr = body.find(qn("w:sectPr"))
    text_width = setup_page(sect_pr, style)
    title = f"{source.meta.title} \u00b7 {translation.meta.title}"
    running = replace(source.meta, title=title, translation=translation.meta.translation)
    header_footer(package, main, sect_pr, style, Briefing(running, (), source.lang))

    notes = {kind: Notes(kind, package, main) for kind in KINDS}  # one id series for both sides
    gutter = int(twips(GUTTER_MM * 72 / 25.4))
    widths = [text_width // 2, text_width - text_width // 2]
    numbering = Numbering(
        package.part(PN.NUMBERING).element, style.list.bullets, style.list.indent_mm * 72 / 25.4
    )
    cells = Cells(BodyWriter(style, numbering, notes, widths[0] - gutter // 2), notes, gutter)
    docs = (source, translation)
    langs = [word_lang(doc.lang, style) for doc in docs]

    tbl = _table(widths, style)
    header = _row(tbl, header=True)
    for side, doc in enumerate(docs):
        name = cells.writer.paragraph((language_name(doc.lang),), cells.relate, "TableHeading")
        cells.cell(header, widths[side], side, langs[side], [name], hex_color(style.table.header_fill))
    for row in table_rows:
        tr = _row(tbl)
        for side, (doc, part) in enumerate(zip(docs, (row.source, row.target), strict=True)):
            before = cells.written()
            cells.cell(tr, widths[side], side, langs[side], cells.content(row, part, doc))
            cells.mark_notes(before, langs[side])
    sect_pr.addprevious(tbl)
    sect_pr.addprevious(make("w:p"))  # the body ends with a paragraph after a table, as Word writes it

    note_settings(package.part(PN.SETTINGS).element, notes)
    embed_fonts(package, style.body.font, has_emphasis(source) or has_emphasis(translation))
    set_app(package.part("docProps/app.xml").element)
    set_core(package.part(PN.CORE_PROPERTIES).element, title, source.lang)
    return package.to_bytes()


def _table(widths: list[int], style: Style) -> etree._Element:
    tbl = make("w:tbl")
    tpr = sub(tbl, "w:tblPr")
    sub(tpr, "w:tblW", w=str(sum(widths)), type="dxa")
    borders = sub(tpr, "w:tblBorders")
    # Only the line between the columns: the eye crosses it, row by row.
    sub(borders, "w:insideV", val="single", sz="4", space="0", color=hex_color(style.table.border_color))
    sub(tpr, "w:tblLayout", type="fixed")
    sub(
        tpr,
        "w:tblLook",
        val="0000",
        firstRow="1",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    grid = sub(tbl, "w:tblGrid")
    for w in widths:
        sub(grid, "w:gridCol", w=str(w))
    return tbl


def _row(tbl: etree._Element, header: bool = False) -> etree._Element:
    tr = sub(tbl, "w:tr")
    trpr = sub(tr, "w:trPr")
    sub(trpr, "w:cantSplit")  # a row never splits across pages
    if header:
        sub(trpr, "w:tblHeader")  # the language names on every page
    return tr
