"""Decide which paragraphs of plain text are headings: explainable and overridable.

Plain text from Word carries no heading markers, so this is a heuristic that
looks at the whole document, in this order:

1. the user's `--heading` / `--no-heading` (by line number or exact text);
2. a table of contents (lines `heading⇥page`, as POI prints a TOC field, at
   least half of which come back later, or,
   without page numbers, three or more heading-like lines under its title
   `Inhoud` that all come back later in the same order, a page after a space
   allowed; see `contents`): its entries are headings wherever they occur,
   as deep as an entry's number says, and the contents lines are not;
3. typed heading numbers (`1`, `1.2`, `2.3.1`, `II.`, `b.`) used as one
   consistent sequence through the document: a number that continues it makes
   a heading at its depth, a number that does not is no heading, and three
   numbered lines in a row with nothing between are a list; letters (`a.`)
   number the level below a heading of another kind and start again under
   each: elsewhere, or after a line ending in `:`, they are a list's items;
4. the line rule: one line, no tab, no final punctuation, at most 14 words
   and 120 characters, starting with a capital, a digit, `§` or a letter of a
   script without case (Hebrew, Chinese), after a letter's number the text
   itself (`b. Oekraïne`), and not a caption (`Tabel 3 …`), part of an
   address (`Postbus 20061`, `2595 BD Den Haag`) or a label with its value
   (`Datum: 3 april 2024`, `Status: Definitief`);
5. context: a line after one ending in `:` or `,` (a list item, a signer's
   name), a run of three or more such lines (a list), a line repeated three
   times or more (a label such as `Antwoord`), a line just before a postcode
   (a street), and lines with no body text after them (a signature) are not
   headings. When the document numbers its headings or has a table of
   contents, a line that passes the rule but is not among them is no heading
   either, except an appendix (`Bijlage 2 …`); when only the top level is
   numbered, such a line under a numbered heading is a heading one level down.

Each decision carries the rule that made it, so `briefing convert --explain`
shows why a line was or was not taken for a heading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Sequence
from typing import Protocol

from toolkit.readers.contents import CONTENTS_TITLE, NUMBERED, contents_key, find_contents
from toolkit.record import field, record

FINAL_PUNCTUATION = ".!?:;,。！？：；，、؟؛،"  # also Chinese and Japanese, and Arabic
MAX_CHARS_UNSPACED = 30  # a heading in a script written without spaces: as long as a 14-word one
NUMBER_ONLY = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?|[IVXLC]{1,6}\.|[a-z][.)])$")
CAPTION = re.compile(
    r"^(?:tabel|figuur|grafiek|afbeelding|kader|bron|table|figure|chart|box|source)\s*(?:\d|[ivx]+\b|[a-z]\b|:)",
    re.IGNORECASE,
)
APPENDIX = re.compile(r"^(?:bijlage|annex|appendix)\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\b", re.IGNORECASE)
ADDRESS = re.compile(
    r"^(?:\d{4}\s?[A-Z]{2}\b|postbus\s+\d+|aan de\s|"
    r"\S.*(?:straat|weg|laan|plein|gracht|kade|singel|dreef|hof)\s+\d+[a-z]?$)",
    re.IGNORECASE,
)
POSTCODE = re.compile(r"^\d{4}\s?[A-Z]{2}\b")
# A letter's or a fiche's particulars: `Datum: 3 april 2024`, `Ons kenmerk: 2024-0000123`, `Status: Definitief`.
PARTICULARS = re.compile(
    r"^(?:datum(?: van verzending)?|status|(?:ons |uw )?kenmerk|betreft|onderwerp|referentie|classificatie|"
    r"versie|contactpersoon|telefoon|e-mail|aan|van|cc)\s*:\s+\S",
    re.IGNORECASE,
)
# The sender in a page header, which POI prints before the document itself.
LETTERHEAD = re.compile(
    r"^(?:ministerie van\s|rijksoverheid$|tweede kamer der staten-generaal$|eerste kamer der staten-generaal$|"
    r"directie\s|directoraat-generaal\s)",
    re.IGNORECASE,
)
# What else a page header says before the title: the parliament's case number (`2024Z05678`)
# and a draft's or classified paper's marking (`Concept`, `Stg. Geheim`). Only there: in the
# body, `Embargo` or `Vertrouwelijk` may well head a section.
HEADER_MARK = re.compile(
    r"^(?:\d{4}Z\d{5}|(?:concept|draft|vertrouwelijk|departementaal vertrouwelijk|intern|embargo)"
    r"(?:[\s:-]+[\dv][\d./ -]*)?|stg\.?\s+(?:confidentieel|geheim|zeer geheim))$",
    re.IGNORECASE,
)
# A page footer's number, which POI prints where a section ends: `Pagina 1 van 2`, `Page 3 of 9`,
# `Pagina  van ` (the fields' cached text can be empty), `- 2 -`.
PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?)\s*\d*\s*(?:(?:van|of|/)\s*\d*)?|-\s*\d+\s*-)$", re.IGNORECASE
)
LETTERHEAD_LINES = 3  # a letterhead is looked for in this many first paragraphs
LETTERS = "a"  # the kind of a number `a.`, `b)`: a letter
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
LIST_RUN = 3  # this many candidate lines in a row are a list, not headings
LABEL_REPEATS = 3  # a line this often in the document is a label, not a heading


class Line(Protocol):
    """What the heuristic needs to know of a paragraph."""

    @property
    def line(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def lines(self) -> int: ...
    @property
    def columns(self) -> tuple[str, ...]: ...


@record
class HeadingRules:
    """The heading heuristic's knobs and the user's overrides.

    `force` and `suppress` hold line numbers (1-based) or exact line texts
    (compared after stripping surrounding whitespace).
    """

    max_words: int = 14
    max_chars: int = 120
    force: frozenset[int | str] = field(default_factory=frozenset)
    suppress: frozenset[int | str] = field(default_factory=frozenset)

    @staticmethod
    def overrides(force: list[str] = [], suppress: list[str] = []) -> HeadingRules:  # noqa: B006
        """Rules from command-line values: numbers are lines, the rest text."""

        def keys(values: list[str]) -> frozenset[int | str]:
            return frozenset(int(v) if v.strip().isdigit() else v.strip() for v in values)

        return HeadingRules(force=keys(force), suppress=keys(suppress))


@record
class Decision:
    """One paragraph's verdict, the rule that gave it, and a heading's level."""

    line: int
    text: str
    kind: str  # "title", "heading", "paragraph" or "contents"
    reason: str
    level: int = 1

    @property
    def heading(self) -> bool:
        return self.kind == "heading"


@record
class _View:
    """A paragraph as the rules see it: `1.2⇥Text` (a number, then a tab) reads as `1.2 Text`."""

    text: str
    tabbed: bool
    lines: int
    number: tuple[str, tuple[int, ...]] | None  # the numbering's kind ("1", "I", "a") and value

    @property
    def lettered(self) -> bool:
        """Numbered by letter (`b. Oekraïne`): the level below a heading numbered otherwise."""
        return self.number is not None and self.number[0] == LETTERS


def decide_all(paragraphs: Sequence[Line], rules: HeadingRules) -> list[Decision]:
    """The verdict for every paragraph, in order."""
    views = [_view(p) for p in paragraphs]
    broken = [_line_rule(v, rules) for v in views]
    contents = find_contents(paragraphs, broken)
    # Each entry's depth, where its number tells it (`2.1⇥Inkomenssteun⇥4`): Word prints no
    # number before a heading it numbers itself, so the contents are all that says.
    toc = {contents_key(entry): _depth(entry) for entry in contents.values()}
    numbering = _numbering(views, broken, contents)
    candidate = [i not in contents and broken[i] is None for i in range(len(views))]
    runs = _runs(candidate, [i in numbering for i in range(len(views))])
    repeats = Counter(v.text for v, c in zip(views, candidate, strict=True) if c)
    # Numbers on the top level only leave the levels below them unnumbered.
    numbered_deep = any(len(n[1]) > 1 for i in numbering if (n := views[i].number))
    first_numbered = min(numbering, default=len(views))
    outer = 0  # the level of the last heading not numbered by letter: letters number the level below it
    decisions = []
    for i, (p, v) in enumerate(zip(paragraphs, views, strict=True)):

        def verdict(heading: bool, reason: str, level: int = 1, p: Line = p) -> Decision:
            return Decision(p.line, p.text, "heading" if heading else "paragraph", reason, level)

        depth = (len(v.number[1]) if v.number else 1) + (outer if v.lettered else 0)
        if p.line in rules.force or p.text in rules.force:
            decisions.append(verdict(True, "forced by --heading", depth))
        elif p.line in rules.suppress or p.text in rules.suppress:
            decisions.append(verdict(False, "suppressed by --no-heading"))
        elif i in contents:
            decisions.append(Decision(p.line, p.text, "contents", "a line of the table of contents"))
        elif v.lines == 1 and not v.tabbed and toc and (key := contents_key(v.text)) in toc:
            listed = depth if v.number else toc[key]
            decisions.append(verdict(True, "listed in the table of contents", listed))
        elif broken[i] is not None:
            decisions.append(verdict(False, broken[i] or ""))
        elif i in numbering:
            decisions.append(verdict(True, f"continues the heading numbers ({v.text.split()[0]})", depth))
        elif v.number and numbering:
            decisions.append(
                verdict(False, f"number {v.text.split()[0]} does not continue the heading numbers")
            )
        elif v.lettered:
            decisions.append(verdict(False, "a letter's number outside heading numbers (a list item)"))
        elif (context := _context(paragraphs, views, runs[i], i, repeats)) is not None:
            decisions.append(verdict(False, context))
        elif (numbered_deep or toc) and not APPENDIX.match(v.text):
            reason = "the numbered headings" if numbering else "the table of contents"
            decisions.append(verdict(False, f"not among {reason}, though it looks like a heading"))
        else:
            words = len(v.text.split())
            reason = f"{words} words, no final punctuation, starts with {v.text[0]!r}"
            if numbering and i > first_numbered and not APPENDIX.match(v.text):
                decisions.append(verdict(True, f"{reason}; under the numbered headings", 2))
            else:
                decisions.append(verdict(True, reason))
        if decisions[-1].heading and not v.lettered:
            outer = decisions[-1].level
    return decisions


def looks_like_heading(p: Line, rules: HeadingRules, title: bool = False) -> bool:
    """Does this paragraph pass the line rule (for the `title`, if it is tried as one), regardless of its context?"""
    return _line_rule(_view(p), rules, title) is None


def _view(p: Line) -> _View:
    columns = p.columns
    if len(columns) == 2 and NUMBER_ONLY.match(columns[0]):
        text, tabbed = f"{columns[0]} {columns[1]}", False
    else:
        text, tabbed = p.text, len(columns) > 1
    m = NUMBERED.match(text)
    return _View(text, tabbed, p.lines, _number(m[1]) if m else None)


def _depth(entry: str) -> int:
    """The depth a contents entry's decimal number gives (`2.1 Inkomenssteun`: 2), else 1."""
    m = NUMBERED.match(entry)
    number = _number(m[1]) if m else None
    return len(number[1]) if number and number[0] == "1" else 1


def _number(label: str) -> tuple[str, tuple[int, ...]] | None:
    """`2.3` -> ("1", (2, 3)); `IV.` -> ("I", (4,)); `b)` -> ("a", (2,))."""
    label = label.rstrip(".)")
    if label[0].isdigit():
        return "1", tuple(int(x) for x in label.split("."))
    if label.islower():
        return LETTERS, (ord(label) - ord("a") + 1,)
    values = [ROMAN[c] for c in label]
    total = sum(-x if x < y else x for x, y in zip(values, [*values[1:], 0], strict=True))
    return "I", (total,)


# Initials end a title, not a sentence: `Verslag van de NAVO-top in Washington D.C.`. Only
# the title: in the body, `De top is in Washington D.C.` is a sentence.
INITIALS_AT_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")


def _line_rule(v: _View, rules: HeadingRules, title: bool = False) -> str | None:
    """Why this paragraph cannot be a heading on its own (or the `title`), or None if it could be."""
    text = v.text
    if not text:
        return "empty"
    if v.lines > 1:
        return f"spans {v.lines} lines"
    if v.tabbed:
        return "holds a tab (a table row)"
    # A custom note mark (`*`) may follow the final punctuation.
    last = text.rstrip("*†‡ ")[-1:] or text[-1]
    if last in FINAL_PUNCTUATION and not (title and INITIALS_AT_END.search(text)):
        return f"ends with {last!r}"
    words = len(text.split())
    if words > rules.max_words:
        return f"{words} words, more than {rules.max_words}"
    if len(text) > rules.max_chars:
        return f"{len(text)} characters, more than {rules.max_chars}"
    if " " not in text and len(text) > MAX_CHARS_UNSPACED:
        return f"{len(text)} characters without a space, more than {MAX_CHARS_UNSPACED}"
    first = text[0]
    if v.lettered:
        first = text.split(maxsplit=1)[1][0]  # `b. Oekraïne`: the heading's own capital, after its letter
    # A letter of a script without case (Hebrew, Arabic, Chinese) is neither upper nor lower;
    # `§ 1.1 Doel` numbers a paragraph of a chapter.
    if not (first.isupper() or first.isdigit() or first == "§" or (first.isalpha() and not first.islower())):
        return "does not start with a capital or digit"
    if text.endswith(("(", "[")):
        return "ends with an opening bracket (a sentence broken off)"
    if CAPTION.match(text):
        return "a caption"
    if PAGE_NUMBER.match(text):
        return "a page number (a page footer)"
    if ADDRESS.match(text):
        return "part of an address"
    if PARTICULARS.match(text):
        return "a label and its value (a letter's particulars)"
    if CONTENTS_TITLE.match(text):
        return "the title of the table of contents"
    if LETTERHEAD.match(text):
        return "a letterhead (the sender)"
    return None


def is_letterhead(text: str) -> bool:
    """Is this what a page header prints before the title: the sender, a case number, a marking?"""
    return bool(LETTERHEAD.match(text) or HEADER_MARK.match(text))


def _runs(candidate: list[bool], numbered: list[bool]) -> list[tuple[int, int]]:
    """For each paragraph, the first and last index of its run of unnumbered candidates."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i, is_candidate in enumerate(candidate):
        if not is_candidate or numbered[i]:
            runs.append((i, i))
            start = i + 1
        elif i + 1 == len(candidate) or not candidate[i + 1] or numbered[i + 1]:
            runs.extend([(start, i)] * (i - start + 1))
    return runs


def _context(
    paragraphs: Sequence[Line], views: list[_View], run: tuple[int, int], i: int, repeats: Counter[str]
) -> str | None:
    """Why the neighbours say this candidate is no heading, or None; `run` is its run of candidates."""
    before = paragraphs[i - 1].text if i > 0 else ""
    if before.endswith((":", ",")):
        return f"follows a line ending with {before[-1]!r} (a list item or a name)"
    start, end = run
    if end - start + 1 >= LIST_RUN:
        return f"one of {end - start + 1} short lines in a row (a list)"
    if repeats[views[i].text] >= LABEL_REPEATS:
        return f"repeated {repeats[views[i].text]} times (a label)"
    if i + 1 < len(views) and POSTCODE.match(views[i + 1].text):
        return "followed by a postcode (an address)"
    if end + 1 >= len(paragraphs):
        return "no body text follows it"
    return None


def _numbering(views: list[_View], broken: list[str | None], contents: Container[int]) -> set[int]:
    """Indexes of candidates whose typed numbers form a heading sequence.

    Each kind of numbering (`1.2`, `II.`, `b.`) is a sequence of its own. A
    number continues it when it is the next at its depth under the current
    parent (`2.3` after `2.2`, or `3.1` just after `3`). A kind counts only
    when two top-level numbers continue it; three numbered lines in a row at
    one depth, with nothing between, are a list.
    """
    last: dict[str, tuple[int, ...]] = {}
    chosen: dict[str, list[int]] = {}
    top: Counter[str] = Counter()
    for i, v in enumerate(views):
        if i in contents or v.number is None or broken[i] is not None:
            continue
        kind, parts = v.number
        # Letters number the level below a heading of another kind, and start again under
        # each; after a line ending in `:` or `,` they are a list's items.
        if kind == LETTERS and (not last or (i and views[i - 1].text.endswith((":", ",")))):
            continue
        before = last.get(kind, ())
        parent, n = parts[:-1], parts[-1]
        if parent == before[: len(parent)] and (
            (len(before) > len(parent) and n == before[len(parent)] + 1)
            or (len(before) == len(parent) and n == 1)
        ):
            last[kind] = parts
            chosen.setdefault(kind, []).append(i)
            top[kind] += len(parts) == 1
            if kind != LETTERS:
                last.pop(LETTERS, None)
    headings = {i for kind, found in chosen.items() if kind != LETTERS and top[kind] >= 2 for i in found}
    if headings:
        headings.update(chosen.get(LETTERS, []))
    for i in sorted(headings):
        run = [
            k
            for k in range(i, i + LIST_RUN)
            if k in headings and views[k].number == _sibling(views[i], k - i)
        ]
        if len(run) == LIST_RUN:
            headings -= set(run)
    return headings


def _sibling(v: _View, step: int) -> tuple[str, tuple[int, ...]] | None:
    """The number `step` places after `v`'s at the same depth."""
    assert v.number is not None
    kind, parts = v.number
    return kind, (*parts[:-1], parts[-1] + step)
