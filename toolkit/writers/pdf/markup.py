"""Inline content of the model as reportlab paragraph markup, with note references and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from reportlab.platypus import Paragraph

from toolkit.model import Emph, Inline, LineBreak, Link, Note, Strong, Sub, Sup, plain_text
from toolkit.writers.pdf.fonts import GlyphCheck
from toolkit.writers.pdf.longpara import pieces
from toolkit.writers.pdf.styles import PdfStyles

# Anchor names. A reference carries `fnref-N` (found again after a paragraph is split, see
# notes.refs_in) and links to `fn-N`, which the note carries and which links back.
FOOTNOTE_REF = "fnref-"
FOOTNOTE = "fn-"
ENDNOTE_REF = "enref-"
ENDNOTE = "en-"


def escape(text: str) -> str:
    """Text made safe for paragraph markup (not xml.sax.saxutils: it imports urllib, 13 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """An attribute value in double quotes."""
    return '"' + escape(text).replace('"', "&quot;") + '"'


def roman(number: int) -> str:
    """Lower-case roman numerals: Word's default numbering of endnotes."""
    out = []
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class Para(Paragraph):
    """A Paragraph that does not break its lines again when wrapped again at the same width.

    Frames wrap a flowable several times (to measure, to place, after a split); line
    breaking is most of the writer's time, and a split part already holds its lines.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if getattr(self, "blPara", None) is not None and getattr(self, "_wrapped_width", None) == availWidth:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Paragraph]:
        parts: list[Paragraph] = super().split(availWidth, availHeight)
        whole = getattr(self, "blPara", None)
        if len(parts) == 2 and whole is not None and whole.kind == 1:
            # Paragraph.split gave the first part its lines and height (only lines of kind 1
            # can be drawn as they are; simple lines are labelled kind 1 and need breaking again).
            parts[0]._wrapped_width = availWidth
        return parts


@dataclass
class NoteBook:
    """The notes met while building: footnote paragraphs by number, endnotes in order."""

    footnotes: dict[int, list[Para]] = field(default_factory=dict)
    endnotes: list[tuple[int, Note, str]] = field(default_factory=list)  # number, note, where


class Markup:
    """Turns inline content into markup; checks glyphs and collects notes on the way."""

    def __init__(
        self, styles: PdfStyles, check: GlyphCheck, numbers: dict[int, int], book: NoteBook, width: float
    ) -> None:
        self.styles = styles
        self.width = width  # of the frame and of the footnote area: long note paragraphs are cut at it
        self.check = check
        self.numbers = numbers  # id(note) -> display number, from toolkit.model.iter_notes
        self.book = book
        self.link_color = styles.link_color

    def text(self, text: str, where: str) -> str:
        """Plain text, checked and escaped."""
        self.check.check(text, where)
        return escape(text)

    def inlines(self, items: tuple[Inline, ...], where: str, in_note: bool = False) -> str:
        """The markup of a run of inline content."""
        return "".join(self._inline(item, where, in_note) for item in items)

    def _inline(self, item: Inline, where: str, in_note: bool) -> str:
        match item:
            case str():
                return self.text(item, where)
            case Emph(children=children):
                return f"<i>{self.inlines(children, where, in_note)}</i>"
            case Strong(children=children):
                return f"<b>{self.inlines(children, where, in_note)}</b>"
            case Sup(children=children):
                return f"<super>{self.inlines(children, where, in_note)}</super>"
            case Sub(children=children):
                return f"<sub>{self.inlines(children, where, in_note)}</sub>"
            case Link(children=children, href=href):
                inner = self.inlines(children, where, in_note) or escape(href)
                if not href:
                    return inner
                return f"<a href={quoteattr(href)} color={quoteattr(self.link_color)}>{inner}</a>"
            case LineBreak():
                return "<br/>"
            case Note():
                if in_note:  # a note inside a note has no number of its own: keep its words inline
                    return f" ({self.text(plain_text(_body_inlines(item)), where)})"
                return self._reference(item, where)
            case _:
                assert_never(item)

    def _reference(self, note: Note, where: str) -> str:
        number = self.numbers[id(note)]
        color = quoteattr(self.link_color)
        if note.kind == "endnote":
            self.book.endnotes.append((number, note, where))
            label, ref, target = roman(number), ENDNOTE_REF, ENDNOTE
        else:
            self.book.footnotes[number] = self.note_paragraphs(note, str(number), number, where)
            label, ref, target = str(number), FOOTNOTE_REF, FOOTNOTE
        # The anchor is glued to the preceding word so the number never starts a line.
        return (
            f'<a name="{ref}{number}"/><super><a href="#{target}{number}" color={color}>{label}</a></super>'
        )

    def note_paragraphs(self, note: Note, label: str, number: int, where: str) -> list[Para]:
        """The paragraphs of a note body; the first starts with the number linking back."""
        footnote = note.kind == "footnote"
        style = self.styles.note if footnote else self.styles.endnote
        anchor, back = (FOOTNOTE, FOOTNOTE_REF) if footnote else (ENDNOTE, ENDNOTE_REF)
        kind = "footnote" if footnote else "endnote"
        head = (
            f'<a name="{anchor}{number}"/><super><a href="#{back}{number}" '
            f"color={quoteattr(self.link_color)}>{label}</a></super>\u00a0"
        )
        texts = [self.inlines(p.children, f"{kind} {label} ({where})", in_note=True) for p in note.body]
        texts = texts or [""]
        texts[0] = head + texts[0]
        return [piece for text in texts for piece in pieces(Para(text, style), self.width)]


def _body_inlines(note: Note) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for p in note.body:
        out.extend(p.children)
        out.append(" ")
    return tuple(out)
