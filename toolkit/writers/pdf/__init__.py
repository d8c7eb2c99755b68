"""The PDF writer: a briefing as a typeset A4 handout with footnotes at the foot of their page."""

from __future__ import annotations

import io

from reportlab.platypus.doctemplate import LayoutError

from toolkit.errors import BriefingError, ExitCode, Warn, python_warning
from toolkit.model import Briefing, NoteNumbers
from toolkit.style import Style
from toolkit.version import __version__
from toolkit.writers.pdf.build import Builder
from toolkit.writers.pdf.fonts import GlyphCheck, family_for
from toolkit.writers.pdf.markup import Markup, NoteBook
from toolkit.writers.pdf.metadata import render_time
from toolkit.writers.pdf.notes import FootnoteArea
from toolkit.writers.pdf.styles import make_styles
from toolkit.writers.pdf.tagging import StructTree
from toolkit.writers.pdf.template import BriefingDocTemplate, Decoration, frame_width

__all__ = ["write_pdf"]


def write_pdf(doc: Briefing, style: Style, warn: Warn = python_warning) -> bytes:
    """The bytes of `doc` as a tagged PDF in the house `style`.

    A character the font cannot show is reported to `warn` with its code point and
    place. A document that cannot be laid out raises `BriefingError`. The file is
    dated now, or at `SOURCE_DATE_EPOCH` when that is set: then the same document
    gives the same bytes.
    """
    stamp = render_time()
    family = family_for(style.body.font, warn)
    styles = make_styles(style, family)
    check = GlyphCheck(family)
    book = NoteBook()
    numbers = NoteNumbers(doc)
    width = frame_width(style)
    tags = StructTree(doc.lang)
    markup = Markup(styles, check, numbers, book, width, tags)
    builder = Builder(doc, style, styles, markup, width)
    story = builder.story()
    labels = style.labels_for(doc.lang)
    check.check(labels.page + labels.machine_translation, "the labels of the house style")
    check.report(warn)

    area = FootnoteArea(book.footnotes, width, style)
    decoration = Decoration(
        title=doc.meta.title,
        page_label=labels.page,
        notice=labels.machine_translation if doc.meta.translation else None,
        family=family,
        size=style.header_footer.size_pt,
        color=style.header_footer.color,
        rule_color=style.header_footer.rule_color,
    )
    out = io.BytesIO()
    template = BriefingDocTemplate(
        out,
        style,
        area,
        decoration,
        builder.outline,
        tags,
        stamp,
        pdfua=not check.missing,  # PDF/UA forbids .notdef glyphs: no claim when a character has none
        title=doc.meta.title,
        subject=doc.meta.kind or doc.meta.title,
        author="",
        creator=f"briefing toolkit {__version__}",
        producer=f"briefing toolkit {__version__} (reportlab)",
        lang=doc.lang,
        initialFontName=family.regular,
    )
    try:
        template.build(story)
    except LayoutError as exc:
        raise BriefingError(
            f"the document cannot be laid out as PDF: {str(exc).splitlines()[0][:200]}",
            hint="a table row or a picture may be taller than a page",
            code=ExitCode.BAD_INPUT,
        ) from None
    return out.getvalue()
