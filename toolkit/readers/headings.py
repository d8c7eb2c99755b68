"""Decide which paragraphs of plain text are headings: explainable and overridable.

Plain text from Word carries no heading markers, so this is a heuristic that
looks at the whole document, in this order:

1. the user's `--heading` / `--no-heading` (by line number or exact text);
2. a table of contents (lines `heading⇥page`, as POI prints a TOC field):
   its entries are headings wherever they occur, and the contents lines are not;
3. typed heading numbers (`1`, `1.2`, `2.3.1`) used as one consistent
   sequence through the document: a number that continues it makes a heading
   at its depth, a number that does not is no heading;
4. the line rule: one line, no tab, no final punctuation, at most 14 words
   and 120 characters, starting with a capital or a digit;
5. context: a caption (`Tabel 3 …`), a line after one ending in `:`, a run of
   three or more such lines (a list), and lines with no body text after them
   (a signature block) are not headings.

Each decision carries the rule that made it, so `briefing convert --explain`
shows why a line was or was not taken for a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

FINAL_PUNCTUATION = ".!?:;,"
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$")
PAGE = re.compile(r"^(?:\d{1,4}|[ivxlcdm]{1,7})$", re.IGNORECASE)
CAPTION = re.compile(
    r"^(?:tabel|figuur|grafiek|afbeelding|kader|bijlage|bron|table|figure|chart|box|annex|source)"
    r"\s*(?:\d|[ivx]+\b|[a-z]\b|:)",
    re.IGNORECASE,
)
CONTENTS_TITLE = re.compile(
    r"^(?:inhoud(?:sopgave)?|inhoudstafel|table of contents|contents)$", re.IGNORECASE
)
LIST_RUN = 3  # this many candidate lines in a row are a list, not headings


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
    @property
    def tabbed(self) -> bool: ...


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def decide_all(paragraphs: Sequence[Line], rules: HeadingRules) -> list[Decision]:
    """The verdict for every paragraph, in order."""
    contents = _contents(paragraphs)
    toc = {_key(paragraphs[i].columns[:-1]) for i in contents}
    numbering = _numbering(paragraphs, rules, contents)
    candidate = [i not in contents and _line_rule(p, rules) is None for i, p in enumerate(paragraphs)]
    runs = _runs(candidate, [bool(NUMBERED.match(p.text)) for p in paragraphs])
    decisions = []
    for i, p in enumerate(paragraphs):

        def verdict(heading: bool, reason: str, level: int = 1, p: Line = p) -> Decision:
            return Decision(p.line, p.text, "heading" if heading else "paragraph", reason, level)

        number = NUMBERED.match(p.text)
        if p.line in rules.force or p.text in rules.force:
            decisions.append(verdict(True, "forced by --heading", _depth(number)))
        elif p.line in rules.suppress or p.text in rules.suppress:
            decisions.append(verdict(False, "suppressed by --no-heading"))
        elif i in contents:
            decisions.append(Decision(p.line, p.text, "contents", "a line of the table of contents"))
        elif p.lines == 1 and not p.tabbed and toc and _key((p.text,)) in toc:
            decisions.append(verdict(True, "listed in the table of contents", _depth(number)))
        elif (broken := _line_rule(p, rules)) is not None:
            decisions.append(verdict(False, broken))
        elif number and numbering:
            if i in numbering:
                decisions.append(
                    verdict(True, f"continues the heading numbers ({number[1]})", _depth(number))
                )
            else:
                decisions.append(verdict(False, f"number {number[1]} does not continue the heading numbers"))
        elif (context := _context(paragraphs, runs[i], i)) is not None:
            decisions.append(verdict(False, context))
        elif numbering or toc:
            reason = "the headings are numbered" if numbering else "the table of contents"
            decisions.append(verdict(False, f"not among {reason}, though it looks like a heading"))
        else:
            words = len(p.text.split())
            decisions.append(verdict(True, f"{words} words, no final punctuation, starts with {p.text[0]!r}"))
    return decisions


def looks_like_heading(p: Line, rules: HeadingRules) -> bool:
    """Does this paragraph pass the line rule, regardless of its context?"""
    return _line_rule(p, rules) is None


def _line_rule(p: Line, rules: HeadingRules) -> str | None:
    """Why this paragraph cannot be a heading on its own, or None if it could be."""
    text = p.text
    if not text:
        return "empty"
    if p.lines > 1:
        return f"spans {p.lines} lines"
    if p.tabbed:
        return "holds a tab (a table row)"
    # A custom note mark (`*`) may follow the final punctuation.
    last = text.rstrip("*†‡ ")[-1:] or text[-1]
    if last in FINAL_PUNCTUATION:
        return f"ends with {last!r}"
    words = len(text.split())
    if words > rules.max_words:
        return f"{words} words, more than {rules.max_words}"
    if len(text) > rules.max_chars:
        return f"{len(text)} characters, more than {rules.max_chars}"
    if not text[0].isupper() and not text[0].isdigit():
        return "does not start with a capital or digit"
    if CAPTION.match(text):
        return "a caption"
    if CONTENTS_TITLE.match(text):
        return "the title of the table of contents"
    return None


def _runs(candidate: list[bool], numbered: list[bool]) -> list[tuple[int, int, bool]]:
    """For each paragraph: the first and last index of its run of candidates, and whether all are numbered."""
    runs: list[tuple[int, int, bool]] = []
    start = 0
    for i, is_candidate in enumerate(candidate):
        if not is_candidate:
            runs.append((i, i, numbered[i]))
            start = i + 1
        elif i + 1 == len(candidate) or not candidate[i + 1]:
            runs.extend([(start, i, all(numbered[start : i + 1]))] * (i - start + 1))
    return runs


def _context(paragraphs: Sequence[Line], run: tuple[int, int, bool], i: int) -> str | None:
    """Why the neighbours say this candidate is no heading, or None; `run` is its run of candidates."""
    if i > 0 and paragraphs[i - 1].text.endswith(":"):
        return "follows a line ending with ':' (a list item)"
    start, end, all_numbered = run
    if end - start + 1 >= LIST_RUN and not all_numbered:
        return f"one of {end - start + 1} short lines in a row (a list)"
    if end + 1 >= len(paragraphs):
        return "no body text follows it"
    return None


def _contents(paragraphs: Sequence[Line]) -> set[int]:
    """Indexes of table-of-contents lines: two or more `text⇥page` lines in a row."""
    found: set[int] = set()
    run: list[int] = []
    for i, p in enumerate(paragraphs):
        if len(p.columns) >= 2 and PAGE.match(p.columns[-1]) and p.lines == 1:
            run.append(i)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    if len(run) >= 2:
        found.update(run)
    return found


def _numbering(paragraphs: Sequence[Line], rules: HeadingRules, contents: set[int]) -> set[int]:
    """Indexes of candidates whose typed numbers form one heading sequence.

    A number continues the sequence when it is the next at its depth under
    the current parent (`2.3` after `2.2`, or `3.1` just after `3`). At least
    two top-level numbers must continue it; otherwise numbers mean nothing here.
    """
    last: list[int] = []
    chosen: set[int] = set()
    top = 0
    for i, p in enumerate(paragraphs):
        m = NUMBERED.match(p.text)
        if i in contents or m is None or _line_rule(p, rules) is not None:
            continue
        parts = [int(x) for x in m[1].split(".")]
        parent, n = parts[:-1], parts[-1]
        if parent == last[: len(parent)] and (
            (len(last) > len(parent) and n == last[len(parent)] + 1) or (len(last) == len(parent) and n == 1)
        ):
            last = parts
            chosen.add(i)
            top += len(parts) == 1
    return chosen if top >= 2 else set()


def _depth(number: re.Match[str] | None) -> int:
    return number[1].count(".") + 1 if number else 1


def _key(columns: Sequence[str]) -> str:
    """Compare contents entries and lines: no numbering, case or spacing."""
    text = " ".join(columns)
    m = NUMBERED.match(text)
    return " ".join((m[2] if m else text).lower().split())
