"""The body frame: it reserves room for the footnotes of the text it places.

The frame raises its effective bottom (`_y1p`) by the height of the notes whose
references it has placed on this page. A flowable bringing new references is
tried with the bottom raised for those notes, and the notes are committed only if
it fits. A split is accepted only if its first part fits with its own notes; the
split height is found by bisection, which is valid because "nothing fits", "fits"
and "too big" are ordered along the height.
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Table

from toolkit.writers.pdf.notes import FootnoteArea, refs_in

_FUZZ = 1e-3
_STEPS = 32  # split heights tried for flowables that are not paragraphs


class FootnoteFrame(Frame):
    """A Frame whose bottom rises with the notes of the page."""

    area: FootnoteArea | None = None
    _last_on_page: Flowable | None = None  # the first part of a split constrained by notes

    def _reset(self) -> None:
        super()._reset()
        self._last_on_page = None
        if self.area is not None:
            self._y1p = self._base + self.area.reserved

    @property
    def _base(self) -> float:
        return float(self._y1 + self._bottomPadding)

    def __deepcopy__(self, memo: dict[int, Any]) -> FootnoteFrame:
        # reportlab deep-copies the current frame to measure lists of flowables; the copy
        # must share the area, not duplicate every note of the document.
        clone = copy.copy(self)
        clone.__dict__ = dict(self.__dict__)
        return clone

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        area = self.area
        if area is None:
            return int(super()._add(flowable, canv, trySplit))
        if area.closed:
            return 0
        if flowable is self._last_on_page:
            self._last_on_page = None
            placed = self._place(flowable, canv, trySplit)
            area.closed = bool(placed)
            return placed
        return self._place(flowable, canv, trySplit)

    add = _add

    def _place(self, flowable: Flowable, canv: Canvas, trySplit: int) -> int:
        """Add the flowable with room for its new notes, or fail without drawing."""
        area = self.area
        assert area is not None
        new = area.new_refs(refs_in(flowable))
        if not new:
            return int(super()._add(flowable, canv, trySplit))
        if area.queue_mode or area.overflowing:
            if super()._add(flowable, canv, trySplit):
                area.queue(new)
                return 1
            return 0
        bottom = self._y1p
        full = area.extra_for(new, partial=False)
        cut = area.extra_for(new, partial=True)
        for extra in (full, cut) if cut < full else (full,):
            self._y1p = bottom + extra
            if super()._add(flowable, canv, trySplit):
                area.commit(new, extra)
                if extra < full:
                    # Word's rule: the cut note's first lines stay here, the rest continues
                    # on the next page, and this page takes no more text.
                    ink = self._y + flowable.getSpaceAfter()
                    area.close(ink - self._base)
                    self._y1p = self._base + area.reserved
                return 1
            self._y1p = bottom
        return 0

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        area = self.area
        if area is None:
            return list(super().split(flowable, canv))
        if area.closed:
            return []
        if area.queue_mode or area.overflowing:  # the notes of this page wait: split as reportlab does
            parts = list(super().split(flowable, canv))
        else:
            parts = self._split_with_notes(flowable, canv)
        if len(parts) > 1 and _checks_notes(parts[0]):
            # The rest starts the next page, rather than being split again into the sliver left
            # here: a table would repeat its header rows in mid-page.
            self._last_on_page = parts[0]
        return parts

    def _split_with_notes(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        space = self._space_before(flowable)
        room = self._y - self._y1p - space
        if room <= 0:
            return []
        parts = self._split_at(flowable, canv, room)
        if parts and _checks_notes(parts[0]) and not self._fits(parts[0], space):
            parts = self._bisect(flowable, canv, room, space)
        return self._fallback(flowable, canv, parts)

    def _bisect(self, flowable: Flowable, canv: Canvas, room: float, space: float) -> list[Flowable]:
        """The split with the tallest first part that fits together with its own notes."""
        best: list[Flowable] = []
        heights = _candidate_heights(flowable, room)
        low, high = 0, len(heights)
        while low < high:
            middle = (low + high) // 2
            parts = self._split_at(flowable, canv, heights[middle])
            if parts and self._fits(parts[0], space):
                best, low = parts, middle + 1
            elif parts:
                high = middle
            else:  # nothing fits yet at this height: look higher
                low = middle + 1
        return best

    def _fallback(self, flowable: Flowable, canv: Canvas, parts: list[Flowable]) -> list[Flowable]:
        """Nothing fits on a page still empty: place the text, and let its notes follow later."""
        assert self.area is not None
        if parts or not self._atTop or self.area.committed:
            return parts
        self.area.queue_mode = True
        return list(super().split(flowable, canv))

    def _split_at(self, flowable: Flowable, canv: Canvas, height: float) -> list[Flowable]:
        flowable._frame = self
        flowable.canv = canv
        try:
            return list(flowable.split(self._aW, height))
        finally:
            for attr in ("canv", "_frame"):
                if hasattr(flowable, attr):
                    delattr(flowable, attr)

    def _space_before(self, flowable: Flowable) -> float:
        """The space Frame._add will put above the flowable."""
        if self._atTop:
            return 0.0
        space = float(flowable.getSpaceBefore())
        if self._oASpace:
            space = max(space - self._prevASpace, 0)
        return space

    def _fits(self, part: Flowable, space: float) -> bool:
        """Would `part` fit here together with (at least two lines of) its own new notes?"""
        assert self.area is not None
        if isinstance(part, Paragraph) and getattr(part, "_splitpara", False):
            height = part.height  # set by Paragraph.split; wrapping again would break the lines again
        else:
            height = part.wrap(self._aW, self._y - self._y1p - space)[1]
        new = self.area.new_refs(refs_in(part))
        bottom = self._y1p + (self.area.extra_for(new, partial=True) if new else 0.0)
        return self._y - space - height >= bottom - _FUZZ


def _checks_notes(part: Flowable) -> bool:
    """Is `part` split with its notes in view: paragraphs, tables, and flowables that set `checks_notes`?"""
    return isinstance(part, (Paragraph, Table)) or bool(getattr(part, "checks_notes", False))


def _candidate_heights(flowable: Flowable, room: float) -> list[float]:
    """Heights to try splitting at, ascending: whole lines for a paragraph, else even steps."""
    leading = getattr(getattr(flowable, "style", None), "leading", None)
    if isinstance(flowable, Paragraph) and leading and not getattr(flowable.style, "autoLeading", ""):
        return [k * leading + _FUZZ for k in range(1, int(room / leading) + 1)]
    return [room * k / _STEPS for k in range(1, _STEPS + 1)]
