"""Very long paragraphs as a run of pieces whose lines are those of the whole paragraph.

reportlab breaks a paragraph's lines from its first word each time it is wrapped, and
`Paragraph.split` hands the rest of a paragraph over as new, unbroken text: every page
of a long paragraph breaks all the lines still to come again. Its line breaker also
takes words off the front of a list (`list.pop(0)`). Both are quadratic in the length
of the paragraph: 80,000 words took 13 s, a 12 MB paragraph did not finish.

So a long paragraph is cut, before layout, into pieces of about `PIECE_WORDS` words.
The line breaker is greedy (a line depends only on where it starts), so each piece
ends at a line end of the whole paragraph: a piece is broken into lines, its last
line is handed on to the start of the next piece, and the piece keeps the others.
The pieces stack with no space between them, so the page shows exactly the lines the
whole paragraph would have. Each piece carries the note anchors of its own lines
(notes.refs_in reads them), so notes stay on the page of their reference.
"""

from __future__ import annotations

from typing import TypeVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import _getFragWords

PIECE_WORDS = 1500  # about three pages of body text
LONG_MARKUP = 20_000  # characters of markup below which a paragraph is never cut (no cost)
_BIG = 1e6
P = TypeVar("P", bound=Paragraph)


def pieces(para: P, width: float) -> list[P]:
    """`para` as pieces to place one after another at `width`; `[para]` when it is not long."""
    if len(para.text or "") < LONG_MARKUP:
        return [para]
    # The frag words: one entry per word, each a list of (style, text) runs. This is what
    # breakLines computes first; reportlab 5.1 keeps it in a private function.
    words = _getFragWords(para.frags, width)
    piece_words = PIECE_WORDS
    if len(words) < 2 * piece_words:
        return [para]
    style = para.style
    first, middle, last = _styles(style)
    out: list[P] = []
    carry: list[object] = []
    for start in range(0, len(words), piece_words):
        final = start + piece_words >= len(words)
        pstyle = last if final else (first if not out else middle)
        piece = type(para)(
            None,
            pstyle,
            bulletText=None if out else para.bulletText,
            frags=carry + words[start : start + piece_words],
        )
        piece.wrap(width, _BIG)
        carry = []
        lines = piece.blPara.lines
        if not final and len(lines) > 2:
            # Keep all lines but the last; that one starts the next piece, which breaks it
            # again together with the words that follow it.
            parts = piece.split(width, (len(lines) - 0.5) * pstyle.leading)
            if len(parts) == 2:
                piece, carry = parts[0], list(parts[1].frags)
        out.append(piece)
    return out


def _styles(style: ParagraphStyle) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """Styles for the first, middle and last pieces: no space or indent where pieces meet.

    Widow and orphan control belong to the ends of the whole paragraph: between pieces,
    a page may end after any line, as it may inside one paragraph.
    """
    first = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0, allowWidows=1)
    middle = ParagraphStyle(
        f"{style.name}-middle",
        parent=style,
        spaceBefore=0,
        spaceAfter=0,
        firstLineIndent=0,
        allowWidows=1,
        allowOrphans=1,
    )
    last = ParagraphStyle(
        f"{style.name}-last", parent=style, spaceBefore=0, firstLineIndent=0, allowOrphans=1
    )
    return first, middle, last
