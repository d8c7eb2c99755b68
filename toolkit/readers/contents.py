"""Tables of contents in POI text: which lines list the headings, and the heading each names.

POI prints a TOC field's entries as `heading⇥page`. A table of contents without
page numbers (Word's `TOC \\n`), or one pandoc turned into paragraphs (`1 Inleiding 1`,
the page after a space), prints as plain lines under its title, and shows itself by
its entries coming back later, in order, as the headings.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

TYPE_CHECKING = False  # typing's own constant would import typing: this module is on every POI read
if TYPE_CHECKING:
    from toolkit.readers.headings import Line

# A heading's typed number and its text: `2.3.1 Text`, `II. Text`, `b) Text`.
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4}\.?|[IVXLC]{1,6}\.|[a-z][.)])\s+(\S.*)$")
PAGE = re.compile(r"^(?:\d{1,4}|[ivxlcdm]{1,7})$", re.IGNORECASE)
CONTENTS_TITLE = re.compile(
    r"^(?:inhoud(?:sopgave)?|inhoudstafel|table of contents|contents):?$", re.IGNORECASE
)
# An entry's page after a space, as pandoc prints a TOC field it turned into paragraphs: `2.1 Context 2`.
SPACED_PAGE = re.compile(r"^(.*\S)\s+\d{1,4}$")
SENTENCE_END = (".", "!", "?")
UNPAGED_ENTRIES = 3  # lines that make a table of contents without page numbers
MAX_CONTENTS = 300  # entries a table of contents without page numbers is looked for in


def find_contents(paragraphs: Sequence[Line], broken: list[str | None]) -> dict[int, str]:
    """Table-of-contents lines, with the heading each names.

    Two or more `text⇥page` lines in a row (a TOC field as POI prints it) whose
    headings come back later, at least half of them, or, for a table of contents
    without page numbers, the lines under its title (`Inhoud`) that could be headings
    and all come back later as lines of their own, in the same order. A table whose
    rows end in a number (`Invoering⇥2027`) lists no headings: its rows do not come back.
    """
    found: dict[int, str] = {}
    paged = [len(p.columns) >= 2 and bool(PAGE.match(p.columns[-1])) and p.lines == 1 for p in paragraphs]
    last_at = {contents_key(p.text): i for i, p in enumerate(paragraphs) if len(p.columns) == 1}
    for first, stop in _stretches(paged):
        named = {k: " ".join(paragraphs[k].columns[:-1]) for k in range(first, stop)}
        back = sum(last_at.get(contents_key(name), -1) >= stop for name in named.values())
        if stop - first >= 2 and 2 * back >= stop - first:
            found.update(named)
    keys = [
        contents_key(p.text) if b is None and i not in found else None
        for i, (p, b) in enumerate(zip(paragraphs, broken, strict=True))
    ]
    places: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            places.setdefault(key, []).append(i)
    names = [_name(p.text, key, places, i) for i, (p, key) in enumerate(zip(paragraphs, keys, strict=True))]
    entries = [contents_key(name) if key is not None else None for name, key in zip(names, keys, strict=True)]
    for i, p in enumerate(paragraphs):
        if p.text.endswith(SENTENCE_END):
            break  # a table of contents comes before the text: an `Inhoud` section later is no contents
        if CONTENTS_TITLE.match(p.columns[0] if p.columns else p.text):
            found.update({k: names[k] for k in _unpaged(entries, places, i + 1)})
    return found


def _name(text: str, key: str | None, places: dict[str, list[int]], i: int) -> str:
    """The heading a line would name as a contents entry: itself, or, if only that comes back later, itself without a page after a space."""
    if key is None or places[key][-1] > i:
        return text
    m = SPACED_PAGE.match(text)
    if m and (later := places.get(contents_key(m[1]))) and later[-1] > i:
        return m[1]
    return text


def _stretches(flags: list[bool]) -> Iterator[tuple[int, int]]:
    """The (start, stop) of every stretch of true flags."""
    start = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            yield start, i
            start = None


def _unpaged(keys: list[str | None], places: dict[str, list[int]], first: int) -> range:
    """The lines from `first` that list later headings: the stretch of candidate lines most of which come back after it, in order.

    At least three come back, and two in three: an entry may be missing later (a heading
    renamed since the table was made). The stretch may stop short of the candidates that
    follow it, for headings can follow the contents directly; of two stretches with as many
    lines coming back, the shorter is taken.
    """
    entries: list[str] = []
    while first + len(entries) < len(keys) and len(entries) < MAX_CONTENTS:
        key = keys[first + len(entries)]
        if key is None:
            break
        entries.append(key)
    best, most = range(0), UNPAGED_ENTRIES - 1
    for size in range(UNPAGED_ENTRIES, len(entries) + 1):
        back = _coming_back(entries[:size], places, first + size - 1)
        if back > most and 3 * back >= 2 * size:
            best, most = range(first, first + size), back
    return best


def _coming_back(entries: list[str], places: dict[str, list[int]], after: int) -> int:
    """How many of `entries` come back after the line `after`, in order; one that does not is passed over."""
    count = 0
    for key in entries:
        later = places[key]
        j = bisect.bisect_right(later, after)
        if j < len(later):
            after, count = later[j], count + 1
    return count


def contents_key(text: str) -> str:
    """Compare contents entries and lines: no numbering, case or spacing."""
    m = NUMBERED.match(text)
    return " ".join((m[2] if m else text).lower().split())
