"""The page: A4 from the style, header and footer, page-foot notes, outline and page count.

"Page X of Y" needs Y before it is known. The usual recipe defers every
showPage to a second canvas pass, which broke most internal link targets when
tried here. Instead each footer draws a form XObject that is defined only after
the last page, when Y is known: one pass, and links stay intact.

Header, footer and page label are page furniture: drawn as artifacts, outside the
structure tree (tagging.py), which is written after the last page with the XMP
metadata (metadata.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate
from reportlab.platypus.doctemplate import PageBegin

from toolkit.errors import BriefingError
from toolkit.style import Style

if TYPE_CHECKING:
    from toolkit.model import Translation
from toolkit.record import record
from toolkit.writers.pdf.fonts import FontFamily
from toolkit.writers.pdf.frame import FootnoteFrame
from toolkit.writers.pdf.marked import artifact, on_draw
from toolkit.writers.pdf.metadata import Described, Stamp, describe
from toolkit.writers.pdf.notes import FootnoteArea
from toolkit.writers.pdf.tagging import CALLBACK, StructTree


@record
class Decoration:
    """What the header and footer say, and how they look."""

    title: str
    page_label: str  # e.g. "Pagina {page} van {pages}"
    notice: str | None  # the machine-translation label, repeated in the footer
    family: FontFamily
    size: float
    color: str
    rule_color: str

    @classmethod
    def of(
        cls, style: Style, lang: str, title: str, translation: Translation | None, family: FontFamily
    ) -> Decoration:
        """The header and footer the house style gives a document in `lang`."""
        labels = style.labels_for(lang)
        return cls(
            title=title,
            page_label=labels.page,
            notice=labels.notice(translation),
            family=family,
            size=style.header_footer.size_pt,
            color=style.header_footer.color,
            rule_color=style.header_footer.rule_color,
        )


def page_size(style: Style) -> tuple[float, float]:
    """The page size the style names, in points (the style checked it when loaded)."""
    width, height = style.page.size_mm
    return width * mm, height * mm


def frame_width(style: Style) -> float:
    """The width of the body frame, computed as BaseDocTemplate does (to the last bit).

    Paragraphs broken into lines at this width keep their lines when the frame wraps
    them again (see markup.Para).
    """
    width, _ = page_size(style)
    return float(width - style.page.margin_left_mm * mm - style.page.margin_right_mm * mm)


class BriefingDocTemplate(BaseDocTemplate):
    """One frame per page, notes at its foot, notes-only pages at the end if needed."""

    def __init__(
        self,
        out: Any,
        style: Style,
        area: FootnoteArea,
        decoration: Decoration,
        outline: dict[str, tuple[str, int]],
        tags: StructTree,
        stamp: Stamp,
        pdfua: bool,
        **info: Any,
    ) -> None:
        width, height = page_size(style)
        page = style.page
        super().__init__(
            out,
            pagesize=(width, height),
            leftMargin=page.margin_left_mm * mm,
            rightMargin=page.margin_right_mm * mm,
            topMargin=page.margin_top_mm * mm,
            bottomMargin=page.margin_bottom_mm * mm,
            **info,
        )
        frame = FootnoteFrame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        frame.area = area
        self.body_frame = frame
        self.area = area
        self.decoration = decoration
        self.outline = outline
        self.tags = tags
        self.stamp = stamp
        self.pdfua = pdfua  # the document's text can all be shown: claim PDF/UA if tagging succeeds too
        self._notes_only = False
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    # -- reportlab's build hooks ---------------------------------------------------------------

    def handle_documentBegin(self) -> None:
        self.area.reset()
        self._notes_only = False
        self.canv.setNamedCB("outline", self._outline_entry)
        self.canv.setNamedCB(CALLBACK, on_draw)
        self.canv._doc._timeStamp = self.stamp  # the Info dates: the XMP packet uses the same
        if self.outline:
            self.canv.showOutline()  # open the bookmarks pane
        super().handle_documentBegin()

    def handle_pageBegin(self) -> None:
        # Carried-over notes may take half the page, so the text that refers on goes on;
        # pages after the last text take them whole.
        self.area.begin_page(self.height if self._notes_only else self.height / 2)
        super().handle_pageBegin()

    def handle_pageEnd(self) -> None:
        if self.area.finish_page(self.canv, self.leftMargin, self.bottomMargin):
            self._curPageFlowableCount += 1  # a page holding only notes is not an empty page
        super().handle_pageEnd()
        self.tags.end_page(self.canv)

    def _endBuild(self) -> None:
        # reportlab's _endBuild, with notes-only pages added while note text is still waiting.
        hanging: list[Any] = self._hanging
        self._removeVars(("build", "page", "frame"))
        if hanging and hanging[-1] is PageBegin:
            del hanging[-1]
            self.clean_hanging()
        else:
            self.clean_hanging()
            self.handle_pageBreak()
        self._notes_only = True
        while self.area.pending():
            before = len(self.area.carry) + len(self.area.queued)
            hanging[:] = [h for h in hanging if h is not PageBegin]  # we begin the page ourselves
            self.handle_pageBegin()
            self.handle_pageEnd()
            if not self.area.shown and len(self.area.carry) + len(self.area.queued) >= before:
                raise BriefingError("a footnote cannot be laid out: one of its lines is taller than a page")
        hanging[:] = [h for h in hanging if h is not PageBegin]
        self._define_page_labels(self.page)
        self.tags.write(self.canv)
        describe(
            self.canv,
            Described(
                title=self.title,
                subject=self.subject,
                lang=self.lang,
                creator=self.creator,
                producer=self.producer,
                stamp=self.stamp,
                pdfua=self.pdfua and not self.tags.untagged_annotations,
            ),
        )
        self.canv.save()

    # -- decoration --------------------------------------------------------------------------

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        d = self.decoration
        left, right = self.leftMargin, self.leftMargin + self.width
        canv.saveState()
        canv.setFont(d.family.regular, d.size)
        canv.setFillColor(colors.HexColor(d.color))
        if self.page > 1:  # page 1 shows the title in full above the text
            y = self.pagesize[1] - self.topMargin + 6 * mm
            with artifact(canv, "Pagination", "Header"):
                canv.drawString(left, y, _fit(d.title, d.family.regular, d.size, self.width))
                canv.setStrokeColor(colors.HexColor(d.rule_color))
                canv.setLineWidth(0.5)
                canv.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        y = self.bottomMargin / 2
        with artifact(canv, "Pagination", "Footer"):
            if d.notice:
                canv.drawString(left, y, d.notice)
            canv.translate(right, y)
            canv.doForm(f"page-label-{self.page}")
        canv.restoreState()

    def _define_page_labels(self, pages: int) -> None:
        """Define each footer's form now that the number of pages is known."""
        d = self.decoration
        canv = self.canv
        for page in range(1, pages + 1):
            text = d.page_label.format(page=page, pages=pages, title=d.title)
            canv.beginForm(
                f"page-label-{page}", lowerx=-self.width, lowery=-d.size, upperx=0, uppery=d.size * 2
            )
            with artifact(canv, "Pagination", "Footer"):  # a form is a content stream of its own
                canv.setFont(d.family.regular, d.size)
                canv.setFillColor(colors.HexColor(d.color))
                canv.drawRightString(0, 0, text)
            canv.endForm()

    def _outline_entry(self, canv: Canvas, kind: str, label: str) -> None:
        """Called while a heading is drawn (an onDraw mark in its first line): bookmark it there."""
        title, level = self.outline[label]
        info = canv._curr_tx_info  # set by reportlab around onDraw callbacks
        canv.bookmarkHorizontal(label, info["cur_x"], info["cur_y"] + info["leading"])
        canv.addOutlineEntry(title, label, level=level, closed=False)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis to fit `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"
