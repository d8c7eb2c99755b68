"""Paragraph styles for reportlab, derived from the house style."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from toolkit.style import Style
from toolkit.writers.pdf.fonts import FontFamily

LIST_INDENT = 6 * mm  # each nesting level of a list
BULLET_GAP = 4.5 * mm  # from a bullet to the item text
NUMBER_GAP = 6 * mm  # from a number ("12.") to the item text


@dataclass(frozen=True)
class PdfStyles:
    """Every ParagraphStyle the writer uses, plus the colours it draws with."""

    body: ParagraphStyle
    title: ParagraphStyle
    meta: ParagraphStyle
    notice: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]  # level 1, 2, 3...; deeper levels use the last
    note: ParagraphStyle
    endnote: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    link_color: str
    family: FontFamily
    _lists: dict[tuple[int, bool], ParagraphStyle] = field(default_factory=dict)

    def heading(self, level: int) -> ParagraphStyle:
        """The style of a heading at `level` (1-based)."""
        return self.headings[min(level, len(self.headings)) - 1]

    def cell_styles(self, scale: float) -> tuple[ParagraphStyle, ParagraphStyle]:
        """Body and header cell styles with the font scaled (wide tables shrink their text)."""
        if scale >= 1:
            return self.cell, self.header_cell
        size, leading = self.cell.fontSize * scale, self.cell.leading * scale
        return (
            ParagraphStyle(f"cell-{scale:.2f}", parent=self.cell, fontSize=size, leading=leading),
            ParagraphStyle(
                f"header-cell-{scale:.2f}", parent=self.header_cell, fontSize=size, leading=leading
            ),
        )

    def list_item(self, depth: int, ordered: bool) -> ParagraphStyle:
        """Body text indented for a list item at `depth` (1-based), with room for its bullet."""
        key = (depth, ordered)
        if key not in self._lists:
            bullet_at = (depth - 1) * LIST_INDENT + 1.5 * mm
            self._lists[key] = ParagraphStyle(
                f"list-{depth}-{'ordered' if ordered else 'bullet'}",
                parent=self.body,
                # Numbers are right-aligned on their full stop, so "9." and "10." line up.
                bulletAnchor="end" if ordered else "start",
                bulletIndent=bullet_at + NUMBER_GAP - 1.5 * mm if ordered else bullet_at,
                leftIndent=bullet_at + (NUMBER_GAP if ordered else BULLET_GAP),
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
    notice = ParagraphStyle(
        "notice",
        parent=body,
        fontName=family.bold,
        textColor=colors.HexColor(style.title.color),
        borderPadding=(4, 6, 4, 6),  # around the band the notice draws itself (build.Band)
        spaceBefore=4,
        spaceAfter=style.title.space_after_pt,
    )
    fn_size = style.footnote.size_pt
    note = ParagraphStyle(
        "footnote",
        parent=body,
        fontSize=fn_size,
        leading=fn_size * style.footnote.line_spacing,
        spaceAfter=0,
        # Notes are cut at any line: the page-foot layout enforces its own two-line minimum.
        allowWidows=1,
        allowOrphans=1,
    )
    endnote = ParagraphStyle("endnote", parent=note, spaceAfter=fn_size / 2, allowWidows=0, allowOrphans=0)
    cell = ParagraphStyle(
        "cell",
        parent=body,
        fontSize=style.table.size_pt,
        leading=style.table.size_pt * 1.25,
        spaceAfter=0,
        allowWidows=1,
    )
    header_cell = ParagraphStyle("header-cell", parent=cell, fontName=family.bold)
    return PdfStyles(
        body=body,
        title=title,
        meta=meta,
        notice=notice,
        headings=headings,
        note=note,
        endnote=endnote,
        cell=cell,
        header_cell=header_cell,
        link_color=style.heading.color,
        family=family,
    )
