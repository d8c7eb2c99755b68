"""The story: the model's blocks as reportlab flowables, in reading order."""

from __future__ import annotations

from typing import assert_never

from reportlab.lib import colors
from reportlab.lib.geomutils import normalizeTRBL
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from toolkit.model import Block, Briefing, Inline, ListBlock, P, Section, plain_text
from toolkit.model import Table as TableBlock
from toolkit.style import Style, is_number
from toolkit.writers.pdf.longpara import pieces
from toolkit.writers.pdf.marked import artifact
from toolkit.writers.pdf.markup import Markup, Para, tagged
from toolkit.writers.pdf.styles import PdfStyles
from toolkit.writers.pdf.tagging import StructNode

CELL_PAD = 4.0
MIN_TABLE_SCALE = 0.7  # a wide table's text shrinks to 70% at most before words are cut


class Builder:
    """Builds the flowables of one document and their structure elements, in reading order.

    It remembers the headings for the outline. Each element is made as its flowable is,
    under the element of the block that holds it; the notes a paragraph cites follow
    its element, as siblings.
    """

    def __init__(self, doc: Briefing, style: Style, styles: PdfStyles, markup: Markup, width: float) -> None:
        self.doc = doc
        self.style = style
        self.styles = styles
        self.markup = markup
        self.width = width
        self.outline: dict[str, tuple[str, int]] = {}  # onDraw label -> (title, level from 0)
        self.root = markup.tags.root

    def story(self) -> list[Flowable]:
        """Title, first-page notices, the body, then the endnotes."""
        story = self.front()
        story.extend(self.blocks(self.doc.body, 1, self.styles.body, "the body", self.root))
        story.extend(self.endnotes())
        return story

    def front(self) -> list[Flowable]:
        """The title, the title block (drawn in page 1's header zone) and the machine-translation notice."""
        doc, styles, markup = self.doc, self.styles, self.markup
        root = self.root
        title: tuple[Inline, ...] = (doc.meta.title, *doc.meta.title_notes)
        story: list[Flowable] = self.paragraph(markup.inlines(title, "the title"), styles.title, root, "H1")
        meta = doc.meta
        lines = self.style.title_block(doc.lang, meta.kind, meta.date, meta.refs)
        if lines:
            paras = []
            for i, line in enumerate(lines):
                text = markup.text(line, "the title block")
                para = Para(f"<b>{text}</b>" if i == 0 and (meta.kind or "").strip() else text, styles.block)
                paras.extend(tagged([para], root.add("P")))
            story.append(TitleBlock(paras, self.style))
        if (label := self.style.labels_for(doc.lang).notice(doc.meta.translation)) is not None:
            text = markup.text(label, "the translation notice")
            band = Band(text, styles.notice, fill=self.style.table.header_fill)
            story.extend(tagged([band], root.add("P")))
        return story

    def paragraph(
        self,
        text: str,
        pstyle: ParagraphStyle,
        parent: StructNode,
        role: str = "P",
        in_frame: bool = True,
        bullet: str | None = None,
        label: StructNode | None = None,
    ) -> list[Flowable]:
        """A paragraph (cut into pieces if long) as the element `role` of `parent`, then its notes."""
        para = Para(text, pstyle, bulletText=bullet)
        out = tagged(pieces(para, self.width) if in_frame else [para], parent.add(role), label)
        parent.adopt(self.markup.take_notes())
        return list(out)

    def blocks(
        self,
        blocks: tuple[Block, ...],
        depth: int,
        pstyle: ParagraphStyle,
        where: str,
        parent: StructNode,
        in_frame: bool = True,
        cell_heading: ParagraphStyle | None = None,
    ) -> list[Flowable]:
        """Flowables for a run of blocks; `depth` is the section depth, `where` names the place.

        `in_frame` is false inside table cells: they are narrower than the frame, and a
        row is not split across pages, so long paragraphs are not cut into pieces there.
        A heading in a cell is set in `cell_heading`, the cell's text in bold: the
        column is measured for that, not for a heading's size.
        """
        out: list[Flowable] = []
        count = 0
        for block in blocks:
            match block:
                case P(children=children):
                    count += 1
                    text = self.markup.inlines(children, f"paragraph {count} of {where}")
                    out.extend(self.paragraph(text, pstyle, parent, in_frame=in_frame))
                case Section(heading=heading, blocks=inner):
                    title = plain_text(heading.children)
                    place = f"section \u201c{_short(title)}\u201d"
                    in_cell = cell_heading or (None if in_frame else self.styles.header_cell)
                    out.extend(self.heading(heading.children, title, depth, place, parent, in_cell))
                    out.extend(self.blocks(inner, depth + 1, pstyle, place, parent, in_frame, cell_heading))
                case ListBlock():
                    out.extend(self.list_block(block, 1, where, parent, in_frame))
                case TableBlock():
                    out.append(self.table(block, where, parent))
                case _:
                    assert_never(block)
        return out

    def heading(
        self,
        children: tuple,
        title: str,
        depth: int,
        where: str,
        parent: StructNode,
        cell_style: ParagraphStyle | None = None,
    ) -> list[Flowable]:
        """A heading, with an outline entry, kept with the first lines that follow it.

        Its element is H2 for a top-level section (H1 is the title), one level deeper
        for each level of nesting, H6 at most. In a table cell (`cell_style`) it is kept
        with nothing: a row does not split, and a page break in a cell claims the frame.
        """
        key = f"h{len(self.outline)}"
        self.outline[key] = (title or "\u2014", depth - 1)
        hstyle = cell_style or self.styles.heading(depth)
        text = self.markup.inlines(children, f"the heading of {where}")
        [para] = self.paragraph(
            f'<onDraw name="outline" label="{key}"/>{text}', hstyle, parent, f"H{min(depth + 1, 6)}", False
        )
        if cell_style is not None:
            return [para]
        _, height = para.wrap(self.width, 1e6)
        # Keep-with-next without KeepTogether: start a new page unless the heading and two lines
        # of what follows fit (two lines, because orphan control will not leave one).
        need = hstyle.spaceBefore + height + hstyle.spaceAfter + 2 * self.styles.body.leading
        return [CondPageBreak(need), para]

    def list_block(
        self, block: ListBlock, depth: int, where: str, parent: StructNode, in_frame: bool = True
    ) -> list[Flowable]:
        """A list as indented paragraphs with bullets or numbers; nested lists indent further."""
        return [f for item in self.list_items(block, depth, where, parent, in_frame) for f in item]

    def list_items(
        self, block: ListBlock, depth: int, where: str, parent: StructNode, in_frame: bool = True
    ) -> list[list[Flowable]]:
        """The flowables of each item of a list, item by item.

        Its elements: L, holding an LI per item, holding the Lbl (the bullet or number)
        and the LBody (the item's blocks).
        """
        items: list[list[Flowable]] = []
        lstyle = self.styles.list_item(depth, block.ordered)
        element = parent.add("L")
        for number, item in enumerate(block.items, 1):
            out: list[Flowable] = []
            items.append(out)
            bullets = self.style.list.bullets
            bullet = f"{number}." if block.ordered else bullets[min(depth, len(bullets)) - 1]
            place = f"item {number} of a list in {where}"
            li = element.add("LI")
            label, body = li.add("Lbl"), li.add("LBody")
            first = True
            for inner in item.blocks or (P(),):
                if isinstance(inner, P):
                    text = self.markup.inlines(inner.children, place)
                    if first:
                        out.extend(self.paragraph(text, lstyle, body, "P", in_frame, bullet, label))
                    else:
                        out.extend(self.paragraph(text, lstyle, body, "P", in_frame))
                elif isinstance(inner, ListBlock):
                    if first:
                        out.extend(self.paragraph("", lstyle, body, "P", False, bullet, label))
                    out.extend(self.list_block(inner, depth + 1, where, body, in_frame))
                else:
                    out.extend(self.blocks((inner,), depth, lstyle, place, body, in_frame))
                first = False
        return items

    def table(self, block: TableBlock, where: str, parent: StructNode) -> Table:
        """A table that fits the frame: columns scaled to the width, cell text wrapping.

        Its elements: Table, holding a TR per row, holding a TH or TD per cell (a header
        row's cells are column headers, other header cells row headers).
        """
        ncols = max((len(row.cells) for row in block.rows), default=0) or 1
        texts = [
            [
                (
                    " ".join(_block_text(b) for b in cell.blocks),
                    cell.header or any(isinstance(b, Section) for b in cell.blocks),
                )
                for cell in row.cells
            ]
            for row in block.rows
        ]
        widths, scale = self.column_widths(texts, ncols)
        body, head, number_style = self.styles.cell_styles(scale)
        element = parent.add("Table")
        data: list[list[list[Flowable]]] = []
        for r, row in enumerate(block.rows, 1):
            tr = element.add("TR")
            header_row = bool(row.cells) and all(cell.header for cell in row.cells)
            cells: list[list[Flowable]] = []
            for c, cell in enumerate(row.cells, 1):
                td = tr.add("TH" if cell.header else "TD")
                if cell.header:
                    td.attributes = {"Scope": "Column" if header_row else "Row"}
                place = f"row {r}, cell {c} of a table in {where}"
                style = head if cell.header else number_style if is_number(texts[r - 1][c - 1][0]) else body
                cells.append(self.blocks(cell.blocks, 1, style, place, td, in_frame=False, cell_heading=head))
            for _ in range(ncols - len(row.cells)):
                tr.add("TD")
                cells.append([])
            data.append(cells)
        data = data or [[[]]]
        header_rows = 0
        for row in block.rows:
            if not row.cells or not all(cell.header for cell in row.cells):
                break
            header_rows += 1
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(self.style.table.border_color)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Cells hold paragraphs, but the table sets its own font first: one that is embedded.
            ("FONTNAME", (0, 0), (-1, -1), self.styles.family.regular),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header_rows:
            commands.append(
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(self.style.table.header_fill))
            )
        table = TaggedTable(
            data,
            colWidths=widths,
            repeatRows=header_rows,
            style=TableStyle(commands),
            hAlign="LEFT",
            spaceBefore=2,
            spaceAfter=self.styles.body.spaceAfter + 2,
            splitInRow=0,  # a row never splits: it moves to the next page whole
        )
        return table

    def column_widths(self, texts: list[list[tuple[str, bool]]], ncols: int) -> tuple[list[float], float]:
        """Column widths by CSS's automatic table layout, and the scale of the cell font.

        Each column gets at least its longest word (its minimum) and at most its text on
        one line (its maximum); the room between is shared in proportion to the difference.
        If even the longest words do not fit, the font shrinks (to 70% at most) before
        words are cut.
        """
        regular, bold, size = (
            self.styles.cell.fontName,
            self.styles.header_cell.fontName,
            self.styles.cell.fontSize,
        )
        pad = 2 * CELL_PAD + 1
        low = [0.0] * ncols
        high = [0.0] * ncols
        for row in texts:
            for c, (text, header) in enumerate(row):
                font = bold if header else regular
                high[c] = max(high[c], stringWidth(text, font, size))
                for word in text.split():
                    low[c] = max(low[c], stringWidth(word, font, size))
        width = self.width
        scale = 1.0
        if sum(low) + pad * ncols > width:
            scale = max(MIN_TABLE_SCALE, (width - pad * ncols) / max(sum(low), 1.0))
        low = [w * scale + pad for w in low]
        high = [w * scale + pad for w in high]
        if sum(high) <= width:  # everything fits on one line: share the spare room by content
            return [w * width / sum(high) for w in high], scale
        if sum(low) >= width:  # the longest words do not fit even so: they will be cut
            return [w * width / sum(low) for w in low], scale
        spare = (width - sum(low)) / (sum(high) - sum(low))
        return [lo + (hi - lo) * spare for lo, hi in zip(low, high, strict=True)], scale

    def endnotes(self) -> list[Flowable]:
        """The endnotes list at the end of the document, under its own heading."""
        book = self.markup.book
        if not book.endnotes:
            return []
        title = self.style.labels_for(self.doc.lang).notes
        out = self.heading((title,), title, 1, "the notes", self.root)
        for key, label, note, where, element in book.endnotes:
            # Drawn here, at the end; in the structure each note follows the text citing it.
            out.extend(self.markup.note_paragraphs(note, label, key, where, element))
        return out


class TaggedTable(Table):
    """A table whose grid and shading are artifacts; its cells' paragraphs tag themselves."""

    def _drawBkgrnd(self) -> None:
        with artifact(self.canv):
            super()._drawBkgrnd()

    def _drawLines(self) -> None:
        with artifact(self.canv):
            super()._drawLines()


class Band(Para):
    """The machine-translation notice: its text a paragraph, its shaded band an artifact."""

    def __init__(self, text: str, style: ParagraphStyle, fill: str) -> None:
        super().__init__(text, style)
        self.fill = colors.HexColor(fill)

    def draw(self) -> None:
        canv, style = self.canv, self.style
        top, right, bottom, left = normalizeTRBL(style.borderPadding)
        with artifact(canv):
            canv.saveState()
            canv.setFillColor(self.fill)
            canv.rect(
                style.leftIndent - left,
                -bottom,
                self.width - (style.leftIndent + style.rightIndent) + left + right,
                self.height + top + bottom,
                fill=1,
                stroke=0,
            )
            canv.restoreState()
        super().draw()


class TitleBlock(Flowable):
    """The title block: kind, date and references, in page 1's header zone (as the DOCX's first-page header).

    It takes no room in the frame; it draws its paragraphs, each a P right after the
    title's H1, from `page.header_mm` below the top edge, over a rule (an artifact).
    """

    def __init__(self, paras: list[Para], style: Style) -> None:
        super().__init__()
        self.paras = paras
        self.top = style.page.size_mm[1] * mm - style.page.header_mm * mm
        self.rule_color = colors.HexColor(style.header_footer.rule_color)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = availWidth
        return 0.0, 0.0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top = self.top
        for para in self.paras:
            height = para.wrap(self.avail, 1e6)[1]
            para.drawOn(canvas, x, top - height)
            top -= height
        with artifact(canvas):
            canvas.saveState()
            canvas.setStrokeColor(self.rule_color)
            canvas.setLineWidth(0.5)
            canvas.line(x, top - 1.2 * mm, x + self.avail, top - 1.2 * mm)
            canvas.restoreState()


def _block_text(block: Block) -> str:
    if isinstance(block, P):
        return plain_text(block.children)
    if isinstance(block, Section):
        return plain_text(block.heading.children)
    if isinstance(block, ListBlock):
        return " ".join(_block_text(b) for item in block.items for b in item.blocks)
    return " ".join(_block_text(b) for row in block.rows for cell in row.cells for b in cell.blocks)


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
