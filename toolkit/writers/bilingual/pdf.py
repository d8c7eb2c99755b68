"""The bilingual handout as tagged PDF: the PDF writer's story, built once per language, row by row.

Each language has its own `Builder` and `Markup` (pdf/build.py, pdf/markup.py) at the
width of one column, its own note numbers, and its own `Part` in the structure tree
with its `/Lang`: the tree reads the source, then the translation. The translation's
notes are keyed after the source's (`Markup.key_offset`), so the two sets never meet.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus.doctemplate import LayoutError

from toolkit.errors import BriefingError, ExitCode, Warn, python_warning
from toolkit.model import Briefing, Heading, ListBlock, NoteNumbers, iter_notes, plain_text
from toolkit.model.walk import has_emphasis
from toolkit.style import Style
from toolkit.version import __version__
from toolkit.writers.bilingual import GUTTER_MM, side_by_side, tag_lang
from toolkit.writers.bilingual.align import Row, rows
from toolkit.writers.bilingual.columns import PairedNotes, RowPair
from toolkit.writers.pdf.build import Builder
from toolkit.writers.pdf.fonts import GlyphCheck, family_for
from toolkit.writers.pdf.markup import Markup, NoteBook
from toolkit.writers.pdf.metadata import render_time
from toolkit.writers.pdf.notes import FootnoteArea
from toolkit.writers.pdf.styles import make_styles
from toolkit.writers.pdf.tagging import StructTree
from toolkit.writers.pdf.template import BriefingDocTemplate, Decoration, frame_width

__all__ = ["write_bilingual_pdf"]


class Side:
    """One language's builder, and the items of the lists it has set so far."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self._items: dict[int, list[list[Flowable]]] = {}

    def flowables(self, row: Row, part: object) -> list[Flowable]:
        """This side's flowables for `row`; `part` is the row's block, heading, list or title."""
        b = self.builder
        match row.kind:
            case "title":
                return b.front()
            case "heading":
                assert isinstance(part, Heading)
                title = plain_text(part.children)
                return b.heading(part.children, title, row.depth, row.where, b.root)
            case "item":
                assert isinstance(part, ListBlock)
                if row.index == 0:  # the whole list at its first item: one L element, one numbering
                    self._items[id(part)] = b.list_items(part, 1, row.where, b.root)
                return self._items[id(part)][row.index]
            case "block":
                return b.blocks((part,), row.depth, b.styles.body, row.where, b.root)  # type: ignore[arg-type]


def write_bilingual_pdf(
    source: Briefing, translation: Briefing, style: Style, warn: Warn = python_warning
) -> bytes:
    """The handout as PDF bytes: the source left, the translation right, notes under their column."""
    table = rows(source, translation)
    style = side_by_side(style)
    stamp = render_time()
    family = family_for(style.body.font, warn, italic=has_emphasis(source) or has_emphasis(translation))
    styles = make_styles(style, family)
    check = GlyphCheck(family)
    gutter = GUTTER_MM * mm
    column = (frame_width(style) - gutter) / 2
    tags = StructTree(source.lang)
    offset = len(list(iter_notes(source)))  # the translation's note keys follow every source key
    outline: dict[str, tuple[str, int]] = {}
    sides: list[Side] = []
    books: list[NoteBook] = []
    for i, doc in enumerate((source, translation)):
        part = tags.root.add("Part")
        part.lang = tag_lang(doc.lang, style)
        books.append(NoteBook())
        markup = Markup(styles, check, NoteNumbers(doc), books[-1], column, tags, doc.lang, i * offset, warn)
        builder = Builder(doc, style, styles, markup, column)
        builder.root = part
        builder.outline = outline  # one outline: the headings in row order, each language's
        sides.append(Side(builder))

    story: list[Flowable] = []
    for row in table:
        story.extend(
            _row(sides[0].flowables(row, row.source), sides[1].flowables(row, row.target), column, gutter)
        )
    story.extend(_row(sides[0].builder.endnotes(), sides[1].builder.endnotes(), column, gutter))
    labels = style.labels_for(source.lang)  # the page furniture speaks the source's language
    notice = labels.notice(translation.meta.translation) or ""
    check.check(labels.page + notice, "the labels of the house style")
    check.report(warn)

    area = PairedNotes(
        FootnoteArea(books[0].footnotes, column, style),
        FootnoteArea(books[1].footnotes, column, style),
        offset,
        column + gutter,
    )
    title = f"{source.meta.title} \u00b7 {translation.meta.title}"
    decoration = Decoration.of(style, source.lang, title, translation.meta.translation, family)
    out = io.BytesIO()
    template = BriefingDocTemplate(
        out,
        style,
        area,
        decoration,
        outline,
        tags,
        stamp,
        pdfua=not check.missing,
        title=f"{source.meta.title} / {translation.meta.title}",
        subject=source.meta.kind or source.meta.title,
        author="",
        creator=f"briefing toolkit {__version__}",
        producer=f"briefing toolkit {__version__} (reportlab)",
        lang=tag_lang(source.lang, style),
        initialFontName=family.regular,
    )
    try:
        template.build(story)
    except LayoutError as exc:
        raise BriefingError(
            f"the handout cannot be laid out as PDF: {str(exc).splitlines()[0][:200]}",
            hint="a table row may be taller than a page",
            code=ExitCode.BAD_INPUT,
        ) from None
    return out.getvalue()


def _row(left: list[Flowable], right: list[Flowable], column: float, gutter: float) -> list[Flowable]:
    """A row, after a page break unless it fits with the two lines that follow a heading in it."""
    if not left and not right:
        return []
    need = max((f.height for f in (*left, *right) if isinstance(f, CondPageBreak)), default=0.0)
    pair = RowPair(left, right, column, gutter)
    return [CondPageBreak(need), pair] if need else [pair]
