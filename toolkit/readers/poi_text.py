"""Read the plain text Apache POI's XWPFWordExtractor makes of a Word file.

`toolkit.readers.poi_scan` turns the text into paragraphs with their notes
at their anchors, exactly as POI printed them; `toolkit.readers.headings`
decides which are headings. This module makes the briefing of them.

The title is the first paragraph only when it is one: a single short line
without a note that passes the heading rule. Otherwise the title is the file
name, and the first paragraph stays in the body with its notes.

Problems, and what they are:
- a malformed marker (`[footnoteRef:x]`) .............. error, with line and column
- a body opened with ` [N: ` but never closed ......... error
- a reference without a body (POI prints none inside
  a content control), an empty body (a picture), or
  POI's `!!! End note with ID "N" not found` .......... warning; the note is kept, empty
- a body without a reference .......................... warning; kept as a note where it is
- a note id used twice ................................ warning; both kept
- a comment (`⇥Comment by NAME: …`) .................... warning; dropped
"""

from __future__ import annotations

import hashlib
import posixpath

from toolkit.errors import (
    BriefingError,
    BriefingWarning,
    LimitedWarn,
    Location,
    Warn,
    python_warning,
)
from toolkit.model import Block, Briefing, Heading, Meta, P, Section, Source
from toolkit.readers.headings import (
    LETTERHEAD_LINES,
    Decision,
    HeadingRules,
    decide_all,
    is_letterhead,
    looks_like_heading,
)
from toolkit.readers.invariants import check_notes
from toolkit.readers.language import settle_language
from toolkit.readers.poi_scan import RawParagraph, Scanner
from toolkit.readers.textdecode import decode_text
from toolkit.record import replace

FORMAT = "poi-text"


def read_poi_text(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
    lang: str | None = None,
) -> Briefing:
    """Read POI text into a briefing; `path` is used for messages and provenance, `lang` as in `read_docx`."""
    doc, _ = read_with_decisions(data, path, headings=headings, warn=warn, lang=lang)
    return doc


def read_with_decisions(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
    lang: str | None = None,
) -> tuple[Briefing, list[Decision]]:
    """Read POI text and also return every heading decision, for `--explain`."""
    rules = headings or HeadingRules()
    limited = LimitedWarn(warn)
    scanner = Scanner(decode_text(data, path, warn), path, limited)
    paragraphs = list(scanner.paragraphs())
    limited.close(path)
    if not paragraphs:
        raise BriefingError("no text: a briefing needs at least one paragraph", path=path, line=1)
    name = posixpath.basename((path or "<input>").replace("\\", "/"))
    # POI prints the page header first: a letterhead line (`Ministerie van …`)
    # before the title stays in the body, and the title is the line after it.
    at = next((i for i, p in enumerate(paragraphs[:LETTERHEAD_LINES]) if not is_letterhead(p.text)), 0)
    if _is_title(paragraphs[at], rules):
        title = paragraphs[at].text
        told = Decision(
            paragraphs[at].line, title, "title", "the first line after the letterhead: short, no note"
        )
        paragraphs = paragraphs[:at] + paragraphs[at + 1 :]
    else:
        title = name.rsplit(".", 1)[0] if "." in name else name
        told = Decision(paragraphs[0].line, title, "title", "from the file name: the first line is no title")
    body_decisions = decide_all(paragraphs, rules)
    for i in range(at):  # the page header's lines, before the title, are no headings either
        p = paragraphs[i]
        body_decisions[i] = Decision(
            p.line, p.text, "paragraph", "printed from the page header, before the title"
        )
    decisions = sorted([told, *body_decisions], key=lambda d: d.line)
    _warn_unused(rules, paragraphs, path, warn)
    source = Source(FORMAT, name, hashlib.sha256(data).hexdigest())
    doc = Briefing(Meta(title, source=source), _sections(paragraphs, body_decisions), "nl")
    # Bodies kept without a reference are notes too.
    check_notes(
        doc,
        {**scanner.counts.refs, "footnote": scanner.counts.refs["footnote"] + scanner.counts.orphans},
        path,
    )
    if lang is not None:
        return replace(doc, lang=lang), decisions
    # POI's text states no language: the text tells, and Dutch is what this toolkit reads.
    return settle_language(
        doc, None, lambda message: warn(BriefingWarning(message, Location(path)))
    ), decisions


def _is_title(p: RawParagraph, rules: HeadingRules) -> bool:
    forced = p.line in rules.suppress or p.text in rules.suppress
    return not forced and not p.has_note and looks_like_heading(p, rules, title=True)


def _sections(paragraphs: list[RawParagraph], decisions: list[Decision]) -> tuple[Block, ...]:
    """Nest the paragraphs into sections at the headings' levels."""
    root: list[Block] = []
    open_: list[tuple[int, Heading, list[Block]]] = []

    def close() -> None:
        _, heading, blocks = open_.pop()
        (open_[-1][2] if open_ else root).append(Section(heading, tuple(blocks)))

    for p, d in zip(paragraphs, decisions, strict=True):
        if d.heading:
            while open_ and open_[-1][0] >= d.level:
                close()
            open_.append((d.level, Heading(p.children), []))
        else:
            (open_[-1][2] if open_ else root).append(P(p.children))
    while open_:
        close()
    return tuple(root)


def _warn_unused(rules: HeadingRules, paragraphs: list[RawParagraph], path: str | None, warn: Warn) -> None:
    """Say so when a --heading or --no-heading names no paragraph."""
    lines = {p.line for p in paragraphs}
    texts = {p.text for p in paragraphs}
    for option, keys in (("--heading", rules.force), ("--no-heading", rules.suppress)):
        for key in sorted(keys, key=str):
            if key not in (lines if isinstance(key, int) else texts):
                what = (
                    f"no paragraph starts on line {key}"
                    if isinstance(key, int)
                    else "no paragraph has this text"
                )
                warn(BriefingWarning(f"{option} {key!r}: {what}; ignored", Location(path)))
