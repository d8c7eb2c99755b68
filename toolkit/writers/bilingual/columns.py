"""Two columns on one page: a row of flowables side by side, and the notes under each column.

A `RowPair` is one row of the handout: the source's flowables on the left, the
translation's on the right. It splits at a height by splitting each side there
(paragraphs at whole lines, tables between rows), so each part holds only the
references of the lines it shows, and the frame (pdf/frame.py) gives the part's
notes room on its page. `PairedNotes` is the page-foot area of two columns: one
`FootnoteArea` per side, drawn under a common top.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable

from toolkit.writers.pdf.notes import FootnoteArea, Piece

_BIG = 1e6
_FUZZ = 1e-3


class RowPair(Flowable):
    """The source's flowables beside the translation's, each side stacked as a frame would."""

    checks_notes = True  # the frame splits it with its notes in view (pdf/frame.py)

    def __init__(self, left: list[Flowable], right: list[Flowable], column: float, gutter: float) -> None:
        super().__init__()
        # A page break inside a column means nothing: the builder keeps headings with what follows.
        self.sides = tuple([f for f in side if not isinstance(f, CondPageBreak)] for side in (left, right))
        self.column = column
        self.gutter = gutter

    @property
    def _content(self) -> list[Flowable]:
        """Both sides' flowables, the left first: where `notes.refs_in` finds the references."""
        return [*self.sides[0], *self.sides[1]]

    def getSpaceBefore(self) -> float:
        return max((float(s[0].getSpaceBefore()) for s in self.sides if s), default=0.0)

    def getSpaceAfter(self) -> float:
        return max((float(s[-1].getSpaceAfter()) for s in self.sides if s), default=0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(_stack(side, self.column)[-1] for side in self.sides)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        cuts = [_split_side(side, self.column, availHeight) for side in self.sides]
        (left, left_rest), (right, right_rest) = cuts
        if not left and not right:
            return []
        first = RowPair(left, right, self.column, self.gutter)
        if not left_rest and not right_rest:
            return [first]
        return [first, RowPair(left_rest, right_rest, self.column, self.gutter)]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        # Each flowable is placed on the page itself, not in a translated canvas: the title
        # block draws at a fixed height of page 1 (pdf/build.TitleBlock).
        top = y + self.height
        for i, side in enumerate(self.sides):
            offsets = _stack(side, self.column)
            for flowable, offset in zip(side, offsets, strict=False):
                height = flowable.wrap(self.column, _BIG)[1]
                flowable.drawOn(canvas, x + i * (self.column + self.gutter), top - offset - height)

    def draw(self) -> None:  # drawOn does it all
        pass


def _stack(flowables: list[Flowable], width: float) -> list[float]:
    """The top offset of each flowable from the top of its column, then the column's height."""
    offsets: list[float] = []
    y = 0.0
    for i, flowable in enumerate(flowables):
        if i:
            y += float(flowables[i - 1].getSpaceAfter()) + float(flowable.getSpaceBefore())
        offsets.append(y)
        y += flowable.wrap(width, _BIG)[1]
    return [*offsets, y]


def _split_side(
    flowables: list[Flowable], width: float, height: float
) -> tuple[list[Flowable], list[Flowable]]:
    """What of a column fits in `height`, and the rest: a flowable that does not fit is split if it can be."""
    first: list[Flowable] = []
    y = 0.0
    for i, flowable in enumerate(flowables):
        space = float(flowables[i - 1].getSpaceAfter()) + float(flowable.getSpaceBefore()) if first else 0.0
        need = flowable.wrap(width, _BIG)[1]
        if y + space + need <= height + _FUZZ:
            first.append(flowable)
            y += space + need
            continue
        room = height - y - space
        parts = list(flowable.split(width, room)) if room > 0 else []
        if len(parts) > 1:
            return [*first, parts[0]], [*parts[1:], *flowables[i + 1 :]]
        return first, list(flowables[i:])
    return first, []


class PairedNotes(FootnoteArea):
    """The page-foot notes in two columns: keys up to `offset` under the left, the others under the right.

    The frame and the page template speak to it as to one area (pdf/frame.py,
    pdf/template.py); each column keeps its own notes, carry-over and continuation cue.
    """

    def __init__(self, left: FootnoteArea, right: FootnoteArea, offset: int, shift: float) -> None:
        # No FootnoteArea.__init__: the two columns hold all the state.
        self.columns = (left, right)
        self.offset = offset
        self.shift = shift  # from the left column's x to the right column's
        self.footnotes = {**left.footnotes, **right.footnotes}

    def _by_column(self, keys: list[int]) -> tuple[list[int], list[int]]:
        return [k for k in keys if k <= self.offset], [k for k in keys if k > self.offset]

    def reset(self) -> None:
        for column in self.columns:
            column.reset()

    def begin_page(self, cap: float) -> None:
        for column in self.columns:
            column.begin_page(cap)

    def new_refs(self, numbers: list[int]) -> list[int]:
        left, right = self._by_column(numbers)
        wanted = set(self.columns[0].new_refs(left)) | set(self.columns[1].new_refs(right))
        out: list[int] = []
        for n in numbers:
            if n in wanted and n not in out:
                out.append(n)
        return out

    def _after(self, new: list[int], partial: bool) -> float:
        return max(
            column.reserved + (column.extra_for(keys, partial) if keys else 0.0)
            for column, keys in zip(self.columns, self._by_column(new), strict=True)
        )

    def extra_for(self, new: list[int], partial: bool) -> float:
        return self._after(new, partial) - self.reserved

    def commit(self, new: list[int], extra: float) -> None:
        partial = extra < self.extra_for(new, partial=False) - _FUZZ
        for column, keys in zip(self.columns, self._by_column(new), strict=True):
            if keys:
                column.commit(keys, column.extra_for(keys, partial))

    def queue(self, new: list[int]) -> None:
        for column, keys in zip(self.columns, self._by_column(new), strict=True):
            if keys:
                column.queue(keys)

    def close(self, reserved: float) -> None:
        for column in self.columns:
            column.close(reserved)

    def pending(self) -> bool:
        return any(column.pending() for column in self.columns)

    def finish_page(self, canv: Canvas, x: float, base: float) -> bool:
        top = self.reserved
        drawn = False
        for i, column in enumerate(self.columns):
            column.reserved = top  # both columns' notes start under one line
            drawn = column.finish_page(canv, x + i * self.shift, base) or drawn
        return drawn

    # -- the state the frame and the template read and set, over both columns -----------------

    @property  # type: ignore[override]
    def reserved(self) -> float:
        return max(column.reserved for column in self.columns)

    @reserved.setter
    def reserved(self, value: float) -> None:
        for column in self.columns:
            column.reserved = value

    @property  # type: ignore[override]
    def closed(self) -> bool:
        return any(column.closed for column in self.columns)

    @closed.setter
    def closed(self, value: bool) -> None:
        for column in self.columns:
            column.closed = value

    @property  # type: ignore[override]
    def queue_mode(self) -> bool:
        return any(column.queue_mode for column in self.columns)

    @queue_mode.setter
    def queue_mode(self, value: bool) -> None:
        for column in self.columns:
            column.queue_mode = value

    @property  # type: ignore[override]
    def overflowing(self) -> bool:
        return any(column.overflowing for column in self.columns)

    @overflowing.setter
    def overflowing(self, value: bool) -> None:
        for column in self.columns:
            column.overflowing = value

    # Read-only views: the base class sets these only in the methods overridden above.
    @property
    def committed(self) -> list[int]:  # type: ignore[override]
        return [n for column in self.columns for n in column.committed]

    @property
    def carry(self) -> list[Piece]:  # type: ignore[override]
        return [p for column in self.columns for p in column.carry]

    @property
    def queued(self) -> list[int]:  # type: ignore[override]
        return [n for column in self.columns for n in column.queued]

    @property
    def shown(self) -> list[Piece]:  # type: ignore[override]
        return [p for column in self.columns for p in column.shown]
