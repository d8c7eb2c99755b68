"""Marked content on the page: a paragraph's text inside its structure element, and page furniture.

`tagging.StructTree` holds the structure; this module writes the operators that
tie the drawn text to it (`BDC`/`EMC` with MCIDs) and wraps what is no text as
`/Artifact`. See `tagging` for the two ISO 32000 rules that shape both.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from toolkit.writers.pdf.tagging import InlineSpec, StructNode


class TaggedText(PDFTextObject):
    """A paragraph's text object: its text inside marked content for its element.

    The sequence opens right after BT and closes right before ET. An inline element
    (reference, link) ends the current sequence and opens its own; a sequence left
    empty is taken back, so no MCID marks nothing.
    """

    def __init__(self, canv: Canvas, x: float, y: float, node: StructNode) -> None:
        super().__init__(canv, x, y)
        self.tree = node.tree
        self.node = node
        self.stack: list[tuple[StructNode, InlineSpec | None]] = [(node, None)]
        for kid, spec in self.tree.resume(node):
            self.stack.append((kid, spec))
            if spec.role == "Link":
                self.tree.open_link(canv, kid, spec)
        self.code_index = len(canv._code)  # where the canvas will put this text object
        self._begin()

    def _begin(self) -> None:
        self._opened = len(self._code)
        self._code.append(self.tree.mark(self._canvas, self.stack[-1][0]))

    def _end(self) -> None:
        code = self._code
        if any(("Tj" in entry or "TJ" in entry) for entry in code[self._opened + 1 :]):
            code.append("EMC")
        else:
            del code[self._opened]
            self.tree.unmark(self._canvas, self.stack[-1][0])

    def open_inline(self, spec: InlineSpec) -> None:
        self._end()
        node = self.stack[-1][0].add(spec.role)
        self.stack.append((node, spec))
        if spec.role == "Link":
            self.tree.open_link(self._canvas, node, spec)
        self._begin()

    def end_inline(self) -> None:
        if len(self.stack) == 1:
            return  # opened in a part on an earlier page, then carried: nothing left open here
        self._end()
        node, spec = self.stack.pop()
        if spec is not None and spec.role == "Link":
            self.tree.close_link(self._canvas, node)
        self._begin()

    def _textOut(self, text: str, TStar: int = 0) -> None:
        # reportlab ends a line (T*) without the space that separated its last word from the
        # next line's first: tagged text is read as a string, so the words would run together.
        if TStar and not text.endswith(" "):
            text += " "
        super()._textOut(text, TStar)

    def getCode(self) -> str:
        self._end()
        self.tree.carry(self.node, [(n, s) for n, s in self.stack[1:] if s is not None])
        return str(super().getCode())


@contextmanager
def artifact(canv: Canvas, kind: str = "Layout", subtype: str | None = None) -> Iterator[None]:
    """Draw page furniture: content that is not part of the text (`/Artifact`)."""
    props = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
    canv.addLiteral(f"/Artifact <<{props}>> BDC")
    yield
    canv.addLiteral("EMC")


def on_draw(canv: Canvas, kind: str, label: str) -> None:
    """The onDraw callback (`tagging.CALLBACK`): open or end an inline element in the text being drawn."""
    tx = canv._curr_tx_info["tx"]
    if not isinstance(tx, TaggedText):
        return  # drawn as an artifact (a repeated table header)
    if label == "end":
        tx.end_inline()
    else:
        tx.open_inline(tx.tree.spec(label))
