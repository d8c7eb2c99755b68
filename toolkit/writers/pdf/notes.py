"""The footnote area at the foot of each page: what it holds, its height, and its drawing.

The frame (frame.py) asks this area how much room new notes need and commits them
when the text that references them is placed. At the end of the page the area
draws its notes upwards from the frame bottom; what does not fit is carried to
the next page, under a full-width continuation separator, as Word does.
"""

from __future__ import annotations

from itertools import pairwise

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from toolkit.style import Style
from toolkit.writers.pdf.marked import artifact
from toolkit.writers.pdf.markup import FOOTNOTE_REF, Para, escape

_BIG = 1e6
_FUZZ = 1e-3
Piece = tuple[Paragraph, float]  # a note paragraph (or part of one) and the space after it


def refs_in(flowable: Flowable) -> list[int]:
    """The footnote numbers referenced in a flowable, in order, read from its anchors.

    Reads the flowable itself, not its source: after a split, each part holds only
    the anchors of its own lines, so a reference moving to the next page takes its
    note along.
    """
    if isinstance(flowable, Paragraph):
        out = []
        for frag in flowable.frags:
            # A split part holds "processed" frags: words as [width, (frag, text), ...].
            for item in frag[1:] if isinstance(frag, list) else (frag,):
                cb = getattr(item[0] if isinstance(item, tuple) else item, "cbDefn", None)
                if cb is not None and cb.kind == "anchor" and cb.name.startswith(FOOTNOTE_REF):
                    out.append(int(cb.name[len(FOOTNOTE_REF) :]))
        return out
    if isinstance(flowable, Table):
        out = []
        for row in flowable._cellvalues:
            for value in row:
                for inner in value if isinstance(value, (list, tuple)) else (value,):
                    if isinstance(inner, Flowable):
                        out.extend(refs_in(inner))
        return out
    content = getattr(flowable, "_content", None)  # KeepTogether and other containers
    if isinstance(content, list):
        return [n for inner in content for n in refs_in(inner)]
    return []


class FootnoteArea:
    """The notes of the current page and the carry-over; reset for each build."""

    def __init__(self, footnotes: dict[int, list[Paragraph]], width: float, style: Style) -> None:
        self.footnotes = footnotes
        self.width = width
        self.gap = style.footnote.gap_pt  # between the body text and the separator
        self.rule_space = style.footnote.size_pt * 0.6  # between the separator and the first note
        self.note_space = style.footnote.size_pt * 0.25  # between two notes
        self.para_space = style.footnote.paragraph_space_pt  # between the paragraphs of one note
        self.style = style
        self._firsts: set[int] | None = None  # ids of the notes' first paragraphs
        self.separator = style.footnote.separator_length_mm * 72 / 25.4
        self.rule_color = colors.HexColor(style.header_footer.color)
        self.min_slice = 2 * style.footnote.size_pt * style.footnote.line_spacing
        self._heights: dict[int, float] = {}
        self.reset()

    def reset(self) -> None:
        """Forget everything: a new build starts (multiBuild calls handle_documentBegin again)."""
        self.placed: set[int] = set()
        self.carry: list[Piece] = []
        self.queued: list[int] = []
        self.begin_page(_BIG)

    # -- per page ---------------------------------------------------------------------------

    def begin_page(self, cap: float) -> None:
        """Start a page: show as much carried-over note text as `cap` allows."""
        self.committed: list[int] = []
        self.closed = False  # a note was cut here (Word's rule): nothing more goes on this page
        self.queue_mode = False  # notes referenced on this page wait for later pages
        self.continued = bool(self.carry)
        self.shown: list[Piece] = []
        if self.carry and id(self.carry[0][0]) not in self._first_paragraphs():
            self.carry.insert(0, (self._cue(self.carry[0][0]), 0.0))
        used = 0.0
        room = cap - self.gap - self.rule_space
        while self.carry and room - used > _FUZZ:
            para, after = self.carry[0]
            height = para.wrap(self.width, _BIG)[1]
            if used + height <= room + _FUZZ:
                self.shown.append(self.carry.pop(0))
                used += height + after
                continue
            parts = para.split(self.width, room - used)
            if len(parts) == 2:
                self.shown.append((parts[0], 0.0))
                used += parts[0].wrap(self.width, _BIG)[1]
                self.carry[0] = (parts[1], after)
            break
        self.reserved = self.gap + self.rule_space + used if self.shown else 0.0
        # Notes must stay in order: while older note text still waits, new notes queue behind it.
        self.overflowing = bool(self.carry)

    def _first_paragraphs(self) -> set[int]:
        if self._firsts is None:
            self._firsts = {id(paras[0]) for paras in self.footnotes.values() if paras}
        return self._firsts

    def _cue(self, para: Paragraph) -> Para:
        """The line "vervolg noot" / "note continued" above a note's rest; page furniture (no element)."""
        node = getattr(para, "node", None)
        label = self.style.labels_for(node.language() if node is not None else "en").continued
        cue_style = ParagraphStyle("footnote-cue", parent=para.style, leftIndent=0, firstLineIndent=0)
        # In the furniture colour, not in italic: the italic face is loaded only for emphasis.
        return Para(f'<font color="{self.style.header_footer.color}">{escape(label)}</font>', cue_style)

    def new_refs(self, numbers: list[int]) -> list[int]:
        """The numbers not yet given a place (a split paragraph repeats none)."""
        seen = set()
        out = []
        for n in numbers:
            if n not in self.placed and n not in seen and n in self.footnotes:
                seen.add(n)
                out.append(n)
        return out

    def extra_for(self, new: list[int], partial: bool) -> float:
        """Height the new notes add to this page; `partial` allows the last to show only two lines."""
        head = 0.0 if (self.committed or self.shown) else self.gap + self.rule_space
        heights = [self.height(n) for n in new]
        if partial:
            heights[-1] = min(heights[-1], self.min_slice)
        return head + sum(heights)

    def commit(self, new: list[int], extra: float) -> None:
        """The text referencing `new` is on this page: so are the notes."""
        self.committed.extend(new)
        self.placed.update(new)
        self.reserved += extra

    def queue(self, new: list[int]) -> None:
        """Notes that will start on a later page, after the note text already waiting."""
        self.queued.extend(new)
        self.placed.update(new)

    def close(self, reserved: float) -> None:
        """A note was cut: give it all the room under the text, and end the page."""
        self.reserved = max(self.reserved, reserved)
        self.closed = True

    def height(self, number: int) -> float:
        """The height of a whole note at the frame width (cached: notes are wrapped once)."""
        if number not in self._heights:
            paras = self.footnotes[number]
            spaces = self.note_space + sum(
                self.para_space
                for a, b in pairwise(paras)
                if getattr(a, "node", None) is not getattr(b, "node", None)
            )
            self._heights[number] = sum(p.wrap(self.width, _BIG)[1] for p in paras) + spaces
        return self._heights[number]

    def pending(self) -> bool:
        """Is note text still waiting for a page?"""
        return bool(self.carry or self.queued)

    # -- drawing ----------------------------------------------------------------------------

    def _pieces(self, numbers: list[int]) -> list[Piece]:
        out: list[Piece] = []
        for n in numbers:
            paras = self.footnotes[n]
            for i, p in enumerate(paras):
                # No space between the pieces of one long paragraph (longpara), which share their P.
                after = self.note_space if i == len(paras) - 1 else 0.0
                if i < len(paras) - 1 and getattr(paras[i + 1], "node", None) is not getattr(p, "node", None):
                    after = self.para_space
                out.append((p, after))
        return out

    def finish_page(self, canv: Canvas, x: float, base: float) -> bool:
        """Draw this page's notes between `base` and the top of the reserved area.

        Returns whether anything was drawn. What does not fit goes to the carry-over.
        """
        items = self.shown + self._pieces(self.committed)
        queued = self._pieces(self.queued)
        self.queued = []
        if not items:
            self.carry = self.carry + queued
            return False
        y = base + self.reserved - self.gap
        canv.saveState()
        with artifact(canv):
            canv.setStrokeColor(self.rule_color)
            canv.setLineWidth(0.5)
            # Word draws a full-width rule above notes continued from the page before.
            canv.line(x, y, x + (self.width if self.continued else self.separator), y)
        canv.restoreState()
        y -= self.rule_space
        rest: list[Piece] = []
        for i, (para, after) in enumerate(items):
            height = para.wrap(self.width, _BIG)[1]
            if y - height >= base - _FUZZ:
                para.drawOn(canv, x, y - height)
                y -= height + after
                continue
            parts = para.split(self.width, y - base) if y - base > _FUZZ else []
            if len(parts) == 2:
                first = parts[0]
                first.drawOn(canv, x, y - first.wrap(self.width, _BIG)[1])
                rest = [(parts[1], after), *items[i + 1 :]]
            else:
                rest = items[i:]
            break
        self.carry = rest + self.carry + queued
        return True
