"""POI 4.0.1's note markers in its text: the patterns, and where a note body closes.

What `XWPFWordExtractor` prints for each body element (checked against POI
itself on DOCX files made by Word-like tools, LibreOffice and pandoc):

    paragraph:  RUNS [COMMENTS ⏎] [BODIES ⏎] ⏎
    table row:  CELL ⇥ CELL ... ⏎        (a cell's paragraphs joined by ⇥)
    table:      ROWS ⏎

RUNS is the text, with `[footnoteRef:N]` / `[endnoteRef:N]` where the notes
are; a manual line break prints a newline, so one paragraph can span several
lines. BODIES is ` [N: body] ` per note, in reference order, after the
paragraph's *last* line (in a table: after the cell paragraph's text); a body
of several paragraphs is joined by newlines. Footnote and endnote ids are
separate spaces, so `[1: …]` may answer either. COMMENTS is
`⇥Comment by NAME: text` and pushes the bodies onto the next line.
A body POI could not find prints as
`!!! End note with ID "N" not found in document.`
"""

from __future__ import annotations

import re

TOKEN = re.compile(
    r"(?P<ref>\[(?P<kind>footnote|endnote)Ref:(?P<id>-?\d+)\])"
    r"|(?P<bad>\[(?:footnote|endnote)Ref:[^\]\s]{0,20}\]?)"
    r"|(?P<comment>\tComment by (?P<author>[^:\t\n]*): (?P<said>[^\t\n]*))"
    r"|(?P<open> \[(?P<bid>-?\d+):(?: |(?=\n)|\Z))"
    r"|(?P<nl>\n)"
)
# A body whose first paragraph is empty opens with ` [N: ` at the end of a line; an
# editor that strips trailing spaces leaves ` [N:`, which opens it just the same.
BODY_OPEN = re.compile(r" \[(-?\d+):(?: |(?=\n)|\Z)")
MARKER = re.compile(r"\[(?:footnote|endnote)Ref:-?\d+\]")
BALANCE_WINDOW = 4000  # characters after a close that leaves a `[` open, for the close that balances it
MISSING = re.compile(r'^!!! End note with ID "(-?\d+)" not found in document\.$')


def body_end(text: str, start: int, limit: int, nested: bool = False) -> tuple[int, int] | None:
    """Where the body that starts at `start` closes: the `]` and the end of the close.

    POI closes a body with `] `, followed by the next body (` [N: `) or by
    the end of the paragraph, cell or file. A body never holds a reference,
    so that close is looked for up to the next one (`limit`). A body's own
    paragraph may end the same way, `[…] ⏎`, so a close that leaves a `[` of
    the body open is taken only when no later one balances, and never passed
    over when a blank line follows it (the paragraph's end). Only without any
    such close does a `]` that closes no `[` of the body's own end it: when
    text follows (POI does that in nested tables), or when the space after
    it was stripped. A body printed inside another (`nested`) may also
    close right before the outer body's close: `] ]`.
    """
    unbalanced = fallback = None
    depth = 0
    pos = start
    while (c := text.find("]", pos, limit)) >= 0:
        depth += text.count("[", pos, c) - text.count("]", pos, c)
        if text.startswith(" ", c + 1):
            after = c + 2
            # POI separates bodies by two spaces, `]  [N: `; allow one.
            opened = BODY_OPEN.match(text, after) or BODY_OPEN.match(text, c + 1)
            if opened:
                return c, opened.start()
            if nested and text.startswith("]", after):
                return c, after
            if after == len(text) or text[after] in "\n\t":
                if depth <= 0 or text.startswith("\n\n", after) or after == len(text):
                    return c, after
                if unbalanced is None:
                    unbalanced = c, after
                    # A balancing close is looked for in what a note's paragraph can hold, not
                    # up to the next reference: that would scan a long text once per body.
                    limit = min(limit, after + BALANCE_WINDOW)
            elif depth <= 0 and fallback is None:
                fallback = c, after
        elif depth <= 0 and fallback is None and (c + 1 == len(text) or text[c + 1] in "\n\t"):
            fallback = c, c + 1
        depth -= 1
        pos = c + 1
    return unbalanced or fallback
