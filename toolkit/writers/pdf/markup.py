"""Inline content of the model as reportlab paragraph markup, with note references and links."""

from __future__ import annotations

from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph

from toolkit.errors import BriefingWarning, Warn, python_warning
from toolkit.model import Emph, Inline, LineBreak, Link, Note, NoteNumbers, Strong, Sub, Sup, note_label
from toolkit.record import field, record
from toolkit.writers.pdf.fonts import GlyphCheck
from toolkit.writers.pdf.longpara import pieces
from toolkit.writers.pdf.marked import TaggedText, artifact
from toolkit.writers.pdf.styles import PdfStyles
from toolkit.writers.pdf.tagging import CALLBACK, InlineSpec, StructNode, StructTree, link_target

# Anchor names. A reference carries `fnref-N` (found again after a paragraph is split, see
# notes.refs_in) and links to `fn-N`, which the note carries and which links back.
FOOTNOTE_REF = "fnref-"
FOOTNOTE = "fn-"
ENDNOTE_REF = "enref-"
ENDNOTE = "en-"
END = f'<onDraw name="{CALLBACK}" label="end"/>'  # ends the inline element opened last (tagging)

# What a note link says to a screen reader (the annotation's /Contents), by language.
_LINK_WORDS = {
    "nl": {"footnote": "voetnoot {n}", "endnote": "eindnoot {n}", "back": "terug naar verwijzing {n}"},
    "en": {"footnote": "footnote {n}", "endnote": "endnote {n}", "back": "back to reference {n}"},
}


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
    """A Paragraph that keeps its line breaks, and draws its text tagged for its structure element.

    Frames wrap a flowable several times (to measure, to place, after a split); line
    breaking is most of the writer's time, and a split part already holds its lines.
    Every part of a split paragraph keeps the paragraph's element (`node`), so one
    element gets marked content on each page the paragraph reaches.
    """

    node: StructNode | None = None  # the element of this paragraph's text (P, H2, ...)
    label_node: StructNode | None = None  # the Lbl element of a list item's bullet or number
    _drawn = False
    _tagged_text: TaggedText | None = None

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
        for i, part in enumerate(parts):
            if isinstance(part, Para) and part is not self:
                part.node = self.node
                part.label_node = self.label_node if i == 0 else None
        return parts

    def beginText(self, x: float, y: float) -> PDFTextObject:
        if self.node is None or self._drawn:
            return super().beginText(x, y)
        self._tagged_text = TaggedText(self.canv, x, y, self.node)
        return self._tagged_text

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        node = self.node
        if node is None or self._drawn:
            # Drawn a second time: a table's header row repeated on the next page.
            links = len(canvas._annotationrefs)
            with artifact(canvas, "Pagination"):
                super().drawOn(canvas, x, y, _sW)
            if node is not None:  # a link drawn here has no element: the file makes no PDF/UA claim
                node.tree.untagged_annotations += len(canvas._annotationrefs) - links
            return
        start, links = len(canvas._code), len(canvas._annotationrefs)
        super().drawOn(canvas, x, y, _sW)
        self._drawn = True
        text, self._tagged_text = self._tagged_text, None
        if text is not None and self.label_node is not None and self.bulletText:
            # reportlab draws the bullet as a text object of its own, just before the paragraph's.
            code = canvas._code
            for i in range(start, text.code_index):
                if code[i].startswith("BT"):
                    code[i] = f"{node.tree.mark(canvas, self.label_node)} {code[i]} EMC"
                    break
        node.tree.claim_annotations(canvas, links)


@record(frozen=False)
class NoteBook:
    """The notes met while building: footnote paragraphs by key, endnotes in order.

    A note's key is its place among the notes of its kind (plus the markup's offset):
    unlike the printed number, every note has one, a marked note too.
    """

    footnotes: dict[int, list[Para]] = field(default_factory=dict)
    # key, printed label, note, where cited, and its Note element (placed after the citing element)
    endnotes: list[tuple[int, str, Note, str, StructNode]] = field(default_factory=list)


class Markup:
    """Turns inline content into markup; checks glyphs and collects notes on the way."""

    def __init__(
        self,
        styles: PdfStyles,
        check: GlyphCheck,
        numbers: NoteNumbers,
        book: NoteBook,
        width: float,
        tags: StructTree,
        lang: str | None = None,
        key_offset: int = 0,
        warn: Warn = python_warning,
    ) -> None:
        # `lang`: the text's language (default: the tree's). `key_offset`: added to the keys and
        # anchors of notes, so that two documents set on one page (the bilingual handout) keep
        # their notes apart while each numbers its own from 1.
        self.styles = styles
        self.width = width  # of the frame and of the footnote area: long note paragraphs are cut at it
        self.check = check
        self.numbers = numbers  # display numbers by position, from the model's walk
        self.book = book
        self.link_color = styles.link_color
        self.tags = tags
        self.words = _LINK_WORDS.get((lang or tags.lang).split("-")[0].lower(), _LINK_WORDS["en"])
        self.key_offset = key_offset
        self.warn = warn
        self._cited: list[StructNode] = []  # Note elements of the markup made since take_notes
        self._internal_warned = False

    def _warn_internal(self, href: str) -> None:
        if not self._internal_warned:
            self._internal_warned = True
            self.warn(
                BriefingWarning(
                    f"links to places inside the document (first: {href}) are kept as text, "
                    "without a link: the PDF has no target for them"
                )
            )

    def take_notes(self) -> list[StructNode]:
        """The Note elements of the notes cited since the last call, for after the citing element."""
        cited, self._cited = self._cited, []
        return cited

    def text(self, text: str, where: str) -> str:
        """Plain text, checked and escaped."""
        self.check.check(text, where)
        return escape(text)

    def inlines(self, items: tuple[Inline, ...], where: str) -> str:
        """The markup of a run of inline content."""
        return "".join(self._inline(item, where) for item in items)

    def _inline(self, item: Inline, where: str) -> str:
        match item:
            case str():
                return self.text(item, where)
            case Emph(children=children):
                return f"<i>{self.inlines(children, where)}</i>"
            case Strong(children=children):
                return f"<b>{self.inlines(children, where)}</b>"
            case Sup(children=children):
                return f"<super>{self.inlines(children, where)}</super>"
            case Sub(children=children):
                return f"<sub>{self.inlines(children, where)}</sub>"
            case Link(children=children, href=href):
                inner = self.inlines(children, where) or escape(href)
                if not href:
                    return inner
                if href.startswith("#"):
                    # A place inside the document (a Word bookmark, a table-of-contents entry):
                    # the model keeps no such places, so the PDF has no destination for it.
                    self._warn_internal(href)
                    return inner
                link = self.tags.inline(InlineSpec("Link", link_target(href), href))
                return f"{link}<a href={quoteattr(href)} color={quoteattr(self.link_color)}>{inner}</a>{END}"
            case LineBreak():
                return "<br/>"
            case Note():  # the model holds no note inside a note
                return self._reference(item, where)
            case _:
                assert_never(item)

    def _reference(self, note: Note, where: str) -> str:
        number = self.numbers.take(note)
        key = self.numbers.taken(note.kind) + self.key_offset
        color = quoteattr(self.link_color)
        element = StructNode("Note", self.tags)  # placed after the citing element by the builder
        self._cited.append(element)
        # Word numbers endnotes i, ii, iii …
        label = note_label(note, number, roman if note.kind == "endnote" else str)
        shown = self.text(label, where)
        if note.kind == "endnote":
            self.book.endnotes.append((key, label, note, where, element))
            ref, target, kind = ENDNOTE_REF, ENDNOTE, "endnote"
        else:
            self.book.footnotes[key] = self.note_paragraphs(note, label, key, where, element)
            ref, target, kind = FOOTNOTE_REF, FOOTNOTE, "footnote"
        reference = self.tags.inline(InlineSpec("Reference"))
        link = self._link(f"{target}{key}", self.words[kind].format(n=label))
        # The anchor is glued to the preceding word so the number never starts a line.
        return (
            f'<a name="{ref}{key}"/>{reference}{link}<super><a href="#{target}{key}" color={color}>'
            f"{shown}</a></super>{END}{END}"
        )

    def _link(self, destination: str, contents: str) -> str:
        return self.tags.inline(InlineSpec("Link", ("dest", destination), contents))

    def note_paragraphs(
        self, note: Note, label: str, key: int, where: str, element: StructNode
    ) -> list[Para]:
        """The paragraphs of a note body, each a P of `element`; the first starts with the number linking back.

        The number hangs in the note's indent: a no-break space sized to fill the rest of the
        indent follows it, so the text of the first line starts where the other lines do.
        """
        footnote = note.kind == "footnote"
        first, more = (
            (self.styles.note, self.styles.note_more)
            if footnote
            else (self.styles.endnote, self.styles.endnote_more)
        )
        anchor, back = (FOOTNOTE, FOOTNOTE_REF) if footnote else (ENDNOTE, ENDNOTE_REF)
        kind = "footnote" if footnote else "endnote"
        head = (
            f'<a name="{anchor}{key}"/>{self._link(f"{back}{key}", self.words["back"].format(n=label))}'
            f'<super><a href="#{back}{key}" color={quoteattr(self.link_color)}>{escape(label)}</a></super>{END}'
            f"{self._hang_space(label, first)}"
        )
        texts = [self.inlines(p.children, f"{kind} {label} ({where})") for p in note.body]
        texts = texts or [""]
        texts[0] = head + texts[0]
        out: list[Para] = []
        for i, text in enumerate(texts):
            out.extend(tagged(pieces(Para(text, first if i == 0 else more), self.width), element.add("P")))
        return out

    def _hang_space(self, label: str, style: ParagraphStyle) -> str:
        """No-break spaces as wide as the indent left after the superscript number `label`.

        Whole spaces at the note's size, then one smaller space for the rest: a space larger
        than the text would lower the first line (reportlab sets it by the line's largest size).
        """
        # reportlab sets <super> 2 pt smaller, or 20 % smaller below 10 pt (paraparser.sizeDelta).
        number = stringWidth(label, style.fontName, style.fontSize - min(2.0, 0.2 * style.fontSize))
        gap = max(style.leftIndent - number, style.fontSize * 0.3)
        space = stringWidth("\u00a0", style.fontName, style.fontSize)
        whole, rest = divmod(gap, space)
        out = "\u00a0" * int(whole)
        if rest > 0.01:
            out += f'<font size="{rest / space * style.fontSize:.3f}">\u00a0</font>'
        return out


def tagged(paras: list[Para], node: StructNode, label: StructNode | None = None) -> list[Para]:
    """`paras`, the pieces of one paragraph, given their element (and the first its bullet's)."""
    for i, para in enumerate(paras):
        para.node = node
        if i == 0:
            para.label_node = label
    return paras
