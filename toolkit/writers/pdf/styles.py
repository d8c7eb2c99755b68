"""Paragraph styles for reportlab, derived from the house style."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from toolkit.record import field, record
from toolkit.style import Style
from toolkit.writers.pdf.fonts import FontFamily

BULLET_AT = 1.5 * mm  # from the item's indent to its bullet (a number ends at the text)


@record
class PdfStyles:
    """Every ParagraphStyle the writer uses, plus the colours it draws with."""

    body: ParagraphStyle
    title: ParagraphStyle
    meta: ParagraphStyle
    notice: ParagraphStyle
    block: ParagraphStyle  # the title block: kind, date and references above the title
    headings: tuple[ParagraphStyle, ...]  # level 1, 2, 3...; deeper levels use the last
    note: ParagraphStyle  # a note's first paragraph: the number hangs in the indent
    endnote: ParagraphStyle
    note_more: ParagraphStyle  # a note's later paragraphs, at the indent
    endnote_more: ParagraphStyle
    number_cell: ParagraphStyle  # a table cell holding a number: right-aligned
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    link_color: str
    family: FontFamily
    list_indent: float  # points per nesting level
    _lists: dict[tuple[int, bool], ParagraphStyle] = field(default_factory=dict)

    def heading(self, level: int) -> ParagraphStyle:
        """The style of a heading at `level` (1-based)."""
        return self.headings[min(level, len(self.headings)) - 1]

    def cell_styles(self, scale: float) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
        """Body, header and number cell styles with the font scaled (wide tables shrink their text)."""
        if scale >= 1:
            return self.cell, self.header_cell, self.number_cell
        size, leading = self.cell.fontSize * scale, self.cell.leading * scale
        return (
            ParagraphStyle(f"cell-{scale:.2f}", parent=self.cell, fontSize=size, leading=leading),
            ParagraphStyle(
                f"header-cell-{scale:.2f}", parent=self.header_cell, fontSize=size, leading=leading
            ),
            ParagraphStyle(
                f"number-cell-{scale:.2f}", parent=self.number_cell, fontSize=size, leading=leading
            ),
        )

    def list_item(self, depth: int, ordered: bool) -> ParagraphStyle:
        """Body text indented for a list item at `depth` (1-based), with room for its bullet."""
        key = (depth, ordered)
        if key not in self._lists:
            # The item text at one indent per level; the bullet a little in from the level
            # before, a number right-aligned on its full stop just before the text, so "9."
            # and "10." line up. The DOCX numbering (docx/numbering.py) uses the same grid.
            text_at = depth * self.list_indent
            self._lists[key] = ParagraphStyle(
                f"list-{depth}-{'ordered' if ordered else 'bullet'}",
                parent=self.body,
                bulletAnchor="end" if ordered else "start",
                bulletIndent=text_at - BULLET_AT if ordered else text_at - self.list_indent + BULLET_AT,
                leftIndent=text_at,
                spaceAfter=self.body.spaceAfter / 2,
            )
        return self._lists[key]


def make_styles(style: Style, family: FontFamily) -> PdfStyles:
    """Build the reportlab styles once per document."""
    body_leading = style.body.size_pt * style.body.line_spacing
    body = ParagraphStyle(
        "body",
        fontName=family.regular,
        fontSize=style.body.size_pt,
        leading=body_leading,
        textColor=colors.HexColor(style.body.color),
        spaceAfter=style.body.space_after_pt,
        bulletFontName=family.regular,
        bulletFontSize=style.body.size_pt,
        # Widows and orphans: never leave a single line of a paragraph alone on a page.
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,  # a word wider than the line is cut rather than overflowing the margin
        # Not uriWasteReduce: in reportlab 5.1 it lets the rest of a cut URL overflow the margin.
    )
    headings = tuple(
        ParagraphStyle(
            f"heading-{level}",
            parent=body,
            fontName=family.bold,
            fontSize=size,
            leading=size * 1.25,
            textColor=colors.HexColor(style.heading.color),
            spaceBefore=style.heading.space_before_pt,
            spaceAfter=style.heading.space_after_pt,
        )
        for level, size in enumerate(style.heading.sizes_pt, 1)
    )
    title = ParagraphStyle(
        "title",
        parent=body,
        fontName=family.bold,
        fontSize=style.title.size_pt,
        leading=style.title.size_pt * 1.2,
        textColor=colors.HexColor(style.title.color),
        spaceAfter=style.title.space_after_pt,
    )
    small = style.header_footer.size_pt
    meta = ParagraphStyle(
        "meta",
        parent=body,
        fontSize=small + 1,
        leading=(small + 1) * 1.3,
        textColor=colors.HexColor(style.header_footer.color),
        spaceBefore=-style.title.space_after_pt / 2,
        spaceAfter=style.title.space_after_pt,
    )
    block = ParagraphStyle(
        "title-block",
        parent=body,
        fontSize=small + 1,
        leading=(small + 1) * 1.3,
        textColor=colors.HexColor(style.header_footer.color),
        spaceAfter=0,
    )
    notice = ParagraphStyle(
        "notice",
        parent=body,
        fontName=family.bold,
        textColor=colors.HexColor(style.title.color),
        # The band (build.Band) spans the text column; its text is set in from the band's edges,
        # as the DOCX notice's borders and shading do.
        leftIndent=6,
        rightIndent=6,
        borderPadding=(4, 6, 4, 6),
        spaceBefore=4,
        spaceAfter=style.title.space_after_pt,
    )
    fn_size = style.footnote.size_pt
    hang = style.footnote.hanging_mm * mm
    note_more = ParagraphStyle(
        "footnote-more",
        parent=body,
        fontSize=fn_size,
        leading=fn_size * style.footnote.line_spacing,
        leftIndent=hang,
        spaceAfter=0,
        # Notes are cut at any line: the page-foot layout enforces its own two-line minimum.
        allowWidows=1,
        allowOrphans=1,
    )
    note = ParagraphStyle("footnote", parent=note_more, firstLineIndent=-hang)
    endnote_more = ParagraphStyle(
        "endnote-more", parent=note_more, spaceAfter=fn_size / 2, allowWidows=0, allowOrphans=0
    )
    endnote = ParagraphStyle("endnote", parent=endnote_more, firstLineIndent=-hang)
    cell = ParagraphStyle(
        "cell",
        parent=body,
        fontSize=style.table.size_pt,
        leading=style.table.size_pt * 1.25,
        spaceAfter=0,
        allowWidows=1,
    )
    header_cell = ParagraphStyle("header-cell", parent=cell, fontName=family.bold)
    number_cell = ParagraphStyle("number-cell", parent=cell, alignment=TA_RIGHT)
    return PdfStyles(
        body=body,
        title=title,
        meta=meta,
        notice=notice,
        block=block,
        headings=headings,
        note=note,
        endnote=endnote,
        note_more=note_more,
        endnote_more=endnote_more,
        number_cell=number_cell,
        cell=cell,
        header_cell=header_cell,
        link_color=style.heading.color,
        family=family,
        list_indent=style.list.indent_mm * mm,
    )
