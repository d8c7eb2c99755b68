"""Read the plain text Apache POI's XWPFWordExtractor makes of a Word file.

What POI writes, per paragraph (see DESIGN.md):

    text with a reference[footnoteRef:2] and more text [2:  note body] ⏎
    ⏎

Each paragraph is a line. A note reference is `[footnoteRef:N]` or
`[endnoteRef:N]`, where N is Word's internal id. The bodies of the
paragraph's notes follow its text on the same line as ` [N: body] `; a body
of several paragraphs continues on the next lines, joined by newlines. The
first line is the title; headings are found by `toolkit.readers.headings`.

Problems, and what they are:
- a malformed marker (`[footnoteRef:x]`) ............ error
- a marker whose body is missing or never closed ..... error
- a body without a marker ............................ warning; kept as a
  note at the end of its paragraph, so no text is lost
- a note id used twice ............................... warning; both kept
- POI's `!!! End note with ID "N" not found` ......... warning; the empty
  reference is dropped (there is no text to keep)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from toolkit.errors import BriefingError, BriefingWarning, Location, Warn, python_warning
from toolkit.model import Briefing, Heading, Inline, Meta, Note, P, Section, Source
from toolkit.readers.headings import Decision, HeadingRules, decide
from toolkit.readers.textdecode import decode_text

FORMAT = "poi-text"
MARKER = re.compile(r"\[(footnote|endnote)Ref:(-?\d+)\]")
# Anything that starts like a marker but is not a well-formed one.
BAD_MARKER = re.compile(r"\[(?:footnote|endnote)Ref:(?!-?\d+\])[^\]\s]{0,20}\]?")
# Where one note body ends and the next begins: `] [N: `.
BODY_SPLIT = re.compile(r"\]\s\[(-?\d+): ")
BODY_START = re.compile(r"\[(-?\d+): ")
ORPHAN_BODY = re.compile(r"(?:^|\s)\[(-?\d+): (.*)\]\s*$")
MISSING = re.compile(r'^!!! End note with ID "(-?\d+)" not found in document\.$')
SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class _Marker:
    kind: str  # "footnote" | "endnote"
    source_id: str
    start: int
    end: int


class _Reader:
    def __init__(self, path: str | None, rules: HeadingRules, warn: Warn) -> None:
        self.path = path
        self.rules = rules
        self.warn = warn
        self.seen_ids: dict[tuple[str, str], int] = {}
        self.decisions: list[Decision] = []

    def fail(self, message: str, line: int, column: int | None = None) -> BriefingError:
        return BriefingError(message, path=self.path, line=line, column=column)

    def warning(self, message: str, line: int) -> None:
        self.warn(BriefingWarning(message, Location(self.path, line)))

    def read(self, text: str) -> tuple[str, list[P | Section]]:
        lines = text.split("\n")
        numbered = [(n, line) for n, line in enumerate(lines, 1)]
        title_at = next((i for i, (_, line) in enumerate(numbered) if line.strip()), None)
        if title_at is None:
            raise self.fail("no text: a briefing needs at least a title line", 1)
        title_no, title_line = numbered[title_at]
        if MARKER.search(title_line):
            raise self.fail("a note reference in the title line is not supported", title_no)
        title = _clean(title_line)
        self.decisions.append(Decision(title_no, title, "title", "the first line with text"))
        body: list[P | Section] = []
        i = title_at + 1
        while i < len(numbered):
            no, line = numbered[i]
            i += 1
            if not line.strip():
                continue
            self.check_markers(line, no)
            markers = [_Marker(m[1], m[2], m.start(), m.end()) for m in MARKER.finditer(line)]
            if markers:
                paragraph, i = self.noted_paragraph(numbered, i - 1, markers)
                body_append(body, paragraph)
                continue
            paragraph_text, orphans = self.orphan_bodies(line, no)
            decision = decide(no, _clean(paragraph_text), bool(orphans), self.rules)
            self.decisions.append(decision)
            if decision.heading:
                body.append(Section(Heading((decision.text,))))
            else:
                body_append(body, P((_clean(paragraph_text), *orphans)))
        return title, body

    def check_markers(self, line: str, no: int) -> None:
        bad = BAD_MARKER.search(line)
        if bad:
            raise self.fail(
                f"malformed note marker {bad.group(0)!r}; expected [footnoteRef:N] or [endnoteRef:N]",
                no,
                bad.start() + 1,
            )

    def noted_paragraph(
        self, numbered: list[tuple[int, str]], at: int, markers: list[_Marker]
    ) -> tuple[P, int]:
        """Read a paragraph with note references; return it and the next index."""
        no, line = numbered[at]
        self.decisions.append(Decision(no, _clean(MARKER.sub("", line)), "paragraph", "has a note reference"))
        first = markers[0].source_id
        tail_start = line.find(f"[{first}: ", markers[-1].end)
        if tail_start < 0:
            raise self.fail(
                f"note reference [{markers[0].kind}Ref:{first}] has no body [{first}: ...]",
                no,
                markers[0].start + 1,
            )
        tail = line[tail_start:]
        nxt = at + 1
        # A body of several paragraphs continues on the following lines, up to
        # the line that closes it with `]`.
        while not tail.rstrip().endswith("]"):
            if nxt >= len(numbered):
                raise self.fail(f"note body [{first}: ...] is never closed with ']'", no, tail_start + 1)
            tail += "\n" + numbered[nxt][1]
            nxt += 1
        bodies = self.split_bodies(tail.rstrip()[:-1])
        children: list[Inline] = []
        cursor = 0
        for marker in markers:
            children.append(_clean_keep_edges(line[cursor : marker.start]))
            cursor = marker.end
            body = next((b for b in bodies if b[0] == marker.source_id), None)
            if body is None:
                raise self.fail(
                    f"note reference [{marker.kind}Ref:{marker.source_id}] has no body "
                    f"[{marker.source_id}: ...]",
                    no,
                    marker.start + 1,
                )
            bodies.remove(body)
            note = self.note(marker.kind, marker.source_id, body[1], no)
            if note is not None:
                children.append(note)
        children.append(_clean_keep_edges(line[cursor:tail_start]))
        for source_id, text in bodies:
            self.warning(f"note body [{source_id}: ...] has no reference; kept at the paragraph end", no)
            note = self.note("footnote", source_id, text, no)
            if note is not None:
                children.append(note)
        return P(tuple(_strip_edges(children))), nxt

    def split_bodies(self, tail: str) -> list[tuple[str, str]]:
        """`[2: a] [3: b` (closing bracket removed) -> [("2", "a"), ("3", "b")]."""
        start = BODY_START.match(tail)
        assert start is not None  # the caller found it
        bodies = []
        source_id, pos = start[1], start.end()
        for split in BODY_SPLIT.finditer(tail, pos):
            bodies.append((source_id, tail[pos : split.start()]))
            source_id, pos = split[1], split.end()
        bodies.append((source_id, tail[pos:]))
        return bodies

    def orphan_bodies(self, line: str, no: int) -> tuple[str, list[Note]]:
        """Split off note bodies that end a line with no reference in it."""
        m = ORPHAN_BODY.search(line)
        if m is None:
            return line, []
        notes = []
        for source_id, text in self.split_bodies(line[m.start() :].strip()[:-1]):
            self.warning(f"note body [{source_id}: ...] has no reference; kept at the paragraph end", no)
            note = self.note("footnote", source_id, text, no)
            if note is not None:
                notes.append(note)
        return line[: m.start()], notes

    def note(self, kind: str, source_id: str, body: str, no: int) -> Note | None:
        key = (kind, source_id)
        if key in self.seen_ids:
            self.warning(f"{kind} id {source_id} is used twice (first on line {self.seen_ids[key]})", no)
        else:
            self.seen_ids[key] = no
        paragraphs = [_clean(p) for p in body.split("\n")]
        if len(paragraphs) == 1 and MISSING.match(paragraphs[0]):
            self.warning(f"POI could not find {kind} {source_id} in the Word file; reference dropped", no)
            return None
        paragraphs = [p for p in paragraphs if p]
        if not paragraphs:
            self.warning(f"{kind} {source_id} has an empty body; reference dropped", no)
            return None
        return Note(tuple(P((p,)) for p in paragraphs), source_id, kind)  # type: ignore[arg-type]


def body_append(body: list[P | Section], block: P) -> None:
    """Add a paragraph to the open section, or to the body before any heading."""
    if not block.children:
        return
    if body and isinstance(body[-1], Section):
        last = body[-1]
        body[-1] = Section(last.heading, (*last.blocks, block))
    else:
        body.append(block)


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def _clean_keep_edges(text: str) -> str:
    return SPACES.sub(" ", text)


def _strip_edges(children: list[Inline]) -> list[Inline]:
    """Strip whitespace at the paragraph's ends, which POI pads with spaces."""
    if children and isinstance(children[0], str):
        children[0] = children[0].lstrip()
    if children and isinstance(children[-1], str):
        children[-1] = children[-1].rstrip()
    return children


def read_poi_text(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
) -> Briefing:
    """Read POI text into a briefing; `path` is used for messages and provenance."""
    doc, _ = read_with_decisions(data, path, headings=headings, warn=warn)
    return doc


def read_with_decisions(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
) -> tuple[Briefing, list[Decision]]:
    """Read POI text and also return every heading decision, for `--explain`."""
    reader = _Reader(path, headings or HeadingRules(), warn)
    title, body = reader.read(decode_text(data, path, warn))
    name = (path or "<input>").replace("\\", "/").rsplit("/", 1)[-1]
    source = Source(FORMAT, name, hashlib.sha256(data).hexdigest())
    return Briefing(Meta(title, source=source), tuple(body), "nl"), reader.decisions
