"""POI text pieces to canonical inlines: one space for each run of spaces, breaks kept, edges trimmed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.model import Inline, LineBreak, P

SPACES = re.compile(r"[ \t\u00a0]+")
BREAKS = re.compile(r"[\f\v]")


def inlines(pieces: Iterator[object] | list[str]) -> tuple[Inline, ...]:
    """Clean text pieces into canonical inlines: one space for each run, breaks kept.

    Form feeds and vertical tabs (page and line breaks that reached the text)
    become line breaks; whitespace at the paragraph's edges and around breaks
    goes, as Word's would.
    """
    out: list[Inline] = []
    for piece in pieces:
        if isinstance(piece, str):
            for i, part in enumerate(BREAKS.split(piece)):
                if i:
                    out.append(LineBreak())
                out.append(SPACES.sub(" ", part))
        elif piece is not None:
            out.append(piece)  # type: ignore[arg-type]
    return tuple(trim(P(tuple(out)).children))


def trim(children: tuple[Inline, ...]) -> list[Inline]:
    items = list(children)
    for i, item in enumerate(items):
        if isinstance(item, str):
            if i == 0 or isinstance(items[i - 1], LineBreak):
                item = item.lstrip()
            if i == len(items) - 1 or isinstance(items[i + 1], LineBreak):
                item = item.rstrip()
            items[i] = item
    items = [x for x in items if x != ""]
    while items and isinstance(items[0], LineBreak):
        items.pop(0)
    while items and isinstance(items[-1], LineBreak):
        items.pop()
    return items


def clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()
