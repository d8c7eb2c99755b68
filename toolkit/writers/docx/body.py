"""The model's blocks and inlines as WordprocessingML paragraphs, runs and tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol, assert_never

from lxml import etree

from toolkit.model import (
    Block,
    Emph,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    P,
    Section,
    Strong,
    Sub,
    Sup,
    Table,
    plain_text,
)
from toolkit.model.nodes import NoteKind
from toolkit.ooxml.ns import qn
from toolkit.record import record, replace
from toolkit.style import Style, is_number
from toolkit.writers.docx.elements import hex_color, make, sub, twips
from toolkit.writers.docx.numbering import Numbering
from toolkit.writers.docx.styles import HEADING_LEVELS, LIST_LEVELS, list_continue_id

# Hyperlink targets are relationships of the part the text lives in: the
# document, or the footnotes part for links inside notes.
Relate = Callable[[str], str]


class NotesPart(Protocol):
    """What the body needs of a notes part (`toolkit.writers.docx.notes.Notes`): how a reference is written."""

    reference_tag: str  # `w:footnoteReference` / `w:endnoteReference`
    reference_style: str  # the character style of the reference mark

    def add(self, note: Note, writer: BodyWriter) -> int:
        """Write `note`'s body into the part; return its `w:id`."""
        ...


@record
class RunProps:
    """Direct run formatting inherited from enclosing spans."""

    bold: bool = False
    italic: bool = False
    vert: str | None = None  # superscript | subscript
    char_style: str | None = None


class BodyWriter:
    """Writes blocks to a list of `w:p` / `w:tbl` elements."""

    def __init__(
        self, style: Style, numbering: Numbering, notes: Mapping[NoteKind, NotesPart], text_width: int
    ) -> None:
        self.style = style
        self.numbering = numbering
        self.notes = notes
        self.text_width = text_width  # twips, for table grids

    # --- blocks ---------------------------------------------------------------

    def blocks(
        self, blocks: tuple[Block, ...], relate: Relate, level: int = 1, p_style: str | None = None
    ) -> list[etree._Element]:
        """The elements for `blocks`; `level` is the heading level of a section here."""
        out: list[etree._Element] = []
        for block in blocks:
            self.block(block, out, relate, level, p_style)
        return out

    def block(
        self, block: Block, out: list[etree._Element], relate: Relate, level: int, p_style: str | None
    ) -> None:
        match block:
            case P():
                out.append(self.paragraph(block.children, relate, p_style))
            case Section():
                heading = f"Heading{min(level, HEADING_LEVELS)}"
                out.append(self.paragraph(block.heading.children, relate, heading))
                for child in block.blocks:
                    self.block(child, out, relate, level + 1, p_style)
            case ListBlock():
                self.list_block(block, out, relate, level, 0)
            case Table():
                out.append(self.table(block, relate, level))
            case _:
                assert_never(block)

    def list_block(
        self, block: ListBlock, out: list[etree._Element], relate: Relate, level: int, depth: int
    ) -> None:
        for item in self.list_items(block, relate, level, depth):
            out.extend(item)

    def list_items(
        self, block: ListBlock, relate: Relate, level: int, depth: int = 0
    ) -> list[list[etree._Element]]:
        """The paragraphs of each item of a list, item by item, in one numbering."""
        num_id = str(self.numbering.new_list(block.ordered))
        ilvl = str(min(depth, LIST_LEVELS - 1))
        items: list[list[etree._Element]] = []
        for item in block.items:
            out: list[etree._Element] = []
            items.append(out)
            numbered = False
            if not item.blocks or not isinstance(item.blocks[0], P):
                # Every item needs its numbered paragraph, even an empty one.
                out.append(self.paragraph((), relate, "ListParagraph", (num_id, ilvl)))
                numbered = True
            for child in item.blocks:
                if isinstance(child, P):
                    if not numbered:
                        out.append(self.paragraph(child.children, relate, "ListParagraph", (num_id, ilvl)))
                        numbered = True
                    else:
                        # Later paragraphs of an item: Word's "List Continue N".
                        cont = list_continue_id(min(depth + 1, LIST_LEVELS))
                        out.append(self.paragraph(child.children, relate, cont))
                elif isinstance(child, ListBlock):
                    self.list_block(child, out, relate, level, depth + 1)
                else:
                    self.block(child, out, relate, level, None)
        return items

    def paragraph(
        self,
        items: tuple[Inline, ...],
        relate: Relate,
        p_style: str | None = None,
        numbering: tuple[str, str] | None = None,
    ) -> etree._Element:
        p = make("w:p")
        if p_style or numbering:
            ppr = sub(p, "w:pPr")
            if p_style:
                sub(ppr, "w:pStyle", val=p_style)
            if numbering:
                numpr = sub(ppr, "w:numPr")
                sub(numpr, "w:ilvl", val=numbering[1])
                sub(numpr, "w:numId", val=numbering[0])
        self.inlines(p, items, relate, RunProps())
        return p

    def table(self, table: Table, relate: Relate, level: int) -> etree._Element:
        tbl = make("w:tbl")
        tpr = sub(tbl, "w:tblPr")
        sub(tpr, "w:tblW", w="5000", type="pct")
        borders = sub(tpr, "w:tblBorders")
        color = hex_color(self.style.table.border_color)
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            sub(borders, f"w:{edge}", val="single", sz="4", space="0", color=color)
        sub(
            tpr,
            "w:tblLook",
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="0",
            noVBand="1",
        )
        # Our widths, as the PDF's, not Word's autofit; the PDF's cell padding (before tblLook).
        look = tpr.find(qn("w:tblLook"))
        look.addprevious(make("w:tblLayout", type="fixed"))
        margins = make("w:tblCellMar")
        sub(margins, "w:left", w=twips(CELL_PAD), type="dxa")
        sub(margins, "w:right", w=twips(CELL_PAD), type="dxa")
        look.addprevious(margins)
        columns = max((len(row.cells) for row in table.rows), default=1) or 1
        texts = [[plain_cell(c) for c in row.cells] for row in table.rows]
        widths = column_widths(texts, columns, self.text_width, self.style.table.size_pt)
        grid = sub(tbl, "w:tblGrid")
        for w in widths:
            sub(grid, "w:gridCol", w=str(w))
        fill = hex_color(self.style.table.header_fill)
        for row in table.rows:
            tr = sub(tbl, "w:tr")
            short = columns - len(row.cells)
            header_row = bool(row.cells) and all(c.header for c in row.cells)
            trpr = sub(tr, "w:trPr")
            if short:
                sub(trpr, "w:gridAfter", val=str(short))
            sub(trpr, "w:cantSplit")  # a row never splits across pages, as in the PDF
            if header_row:  # repeated on every page, and read back as header cells
                sub(trpr, "w:tblHeader")
            for c, cell in enumerate(row.cells):
                tc = sub(tr, "w:tc")
                tcpr = sub(tc, "w:tcPr")
                sub(tcpr, "w:tcW", w=str(widths[c]), type="dxa")
                if cell.header:
                    sub(tcpr, "w:shd", val="clear", color="auto", fill=fill)
                p_style = "TableHeading" if cell.header else "TableText"
                if not cell.header and is_number(texts[table.rows.index(row)][c]):
                    p_style = "TableNumber"
                children = self.blocks(cell.blocks, relate, level, p_style)
                tc.extend(children)
                # A cell must end with a paragraph; the reader drops empty ones.
                if not children or children[-1].tag != make("w:p").tag:
                    tc.append(self.paragraph((), relate, p_style))
        return tbl

    # --- inlines --------------------------------------------------------------

    def inlines(
        self, parent: etree._Element, items: tuple[Inline, ...], relate: Relate, props: RunProps
    ) -> None:
        for item in items:
            match item:
                case str():
                    self.text(parent, item, props)
                case Emph():
                    self.inlines(parent, item.children, relate, replace(props, italic=True))
                case Strong():
                    self.inlines(parent, item.children, relate, replace(props, bold=True))
                case Sup():
                    self.inlines(parent, item.children, relate, replace(props, vert="superscript"))
                case Sub():
                    self.inlines(parent, item.children, relate, replace(props, vert="subscript"))
                case Link():
                    if item.href.startswith("#"):
                        link = sub(parent, "w:hyperlink", anchor=item.href[1:])
                    else:
                        link = sub(parent, "w:hyperlink", r__id=relate(item.href))
                    self.inlines(link, item.children, relate, replace(props, char_style="Hyperlink"))
                case LineBreak():
                    sub(self.run(parent, props), "w:br")
                case Note():
                    notes = self.notes[item.kind]
                    note_id = notes.add(item, self)
                    mark_props = replace(props, char_style=notes.reference_style, vert=None)
                    run = self.run(parent, mark_props)
                    if item.mark is None:
                        sub(run, notes.reference_tag, id=str(note_id))
                    else:  # Word shows the text of the run that follows, and numbers the note not
                        sub(run, notes.reference_tag, customMarkFollows="1", id=str(note_id))
                        self.text(parent, item.mark, mark_props)
                case _:
                    assert_never(item)

    def text(self, parent: etree._Element, text: str, props: RunProps) -> None:
        run = self.run(parent, props)
        for i, piece in enumerate(text.split("\t")):
            if i:
                sub(run, "w:tab")
            if piece:
                t = sub(run, "w:t")
                t.text = piece
                if piece != piece.strip(" ") or "  " in piece:
                    t.set(qn("xml:space"), "preserve")

    def run(self, parent: etree._Element, props: RunProps) -> etree._Element:
        run = sub(parent, "w:r")
        if props != RunProps():
            rpr = sub(run, "w:rPr")  # children in schema order
            if props.char_style:
                sub(rpr, "w:rStyle", val=props.char_style)
            if props.bold:
                sub(rpr, "w:b")
            if props.italic:
                sub(rpr, "w:i")
            if props.vert:
                sub(rpr, "w:vertAlign", val=props.vert)
        return run


CELL_PAD = 4.0  # points, left and right in a cell, as the PDF's (pdf/build.py)
_EM = 0.55  # Noto Sans's mean advance, in ems: a column's text width measured without the font


def plain_cell(cell: object) -> str:
    """The text of a table cell, for widths and number alignment."""
    return " ".join(plain_text(b.children) for b in getattr(cell, "blocks", ()) if isinstance(b, P))


def column_widths(texts: list[list[str]], columns: int, width: int, size_pt: float) -> list[int]:
    """Column widths in twips by CSS's automatic table layout, as the PDF sets them (pdf/build.py).

    Each column gets at least its longest word and at most its text on one line; the room
    between is shared in proportion. Text is measured by characters at a mean advance.
    """
    char = size_pt * _EM * 20
    pad = (2 * CELL_PAD + 1) * 20
    low, high = [0.0] * columns, [0.0] * columns
    for row in texts:
        for c, text in enumerate(row):
            high[c] = max(high[c], len(text) * char)
            low[c] = max([low[c], *(len(w) * char for w in text.split())])
    low = [w + pad for w in low]
    high = [w + pad for w in high]
    if sum(high) <= width:
        out = [w * width / sum(high) for w in high]
    elif sum(low) >= width:
        out = [w * width / sum(low) for w in low]
    else:
        spare = (width - sum(low)) / (sum(high) - sum(low))
        out = [lo + (hi - lo) * spare for lo, hi in zip(low, high, strict=True)]
    widths = [int(w) for w in out]
    widths[-1] += width - sum(widths)  # whole twips that add up to the column
    return widths
