"""Scan POI text into paragraphs with their notes in place (the grammar: `poi_grammar`).

Bodies are matched to a paragraph's references from the last one backwards.
POI prints the reference but no body for notes inside a block-level content
control (`w:sdt`), so a reference that gets no body is kept with an empty body
and a warning; a body POI could not find is kept empty too.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterator

from toolkit.errors import BriefingError, BriefingWarning, Location, Warn
from toolkit.model import Inline, LineBreak, Note, NoteKind, P
from toolkit.readers.poi_grammar import BODY_OPEN, MARKER, MISSING, TOKEN, body_end
from toolkit.record import field, record

ORPHAN_TRIES = 3  # bodies without a reference are looked for this often on one line
SPACES = re.compile(r"[ \t\u00a0]+")
BREAKS = re.compile(r"[\f\v]")


@record(frozen=False, eq=False)
class _Ref:
    """A reference seen in the text, waiting for its body."""

    kind: NoteKind
    source_id: str
    pos: int
    note: Note | None = None
    lifted: tuple[Note, ...] = ()  # notes cited inside this one: they follow it


@record(frozen=False)
class _Line:
    """One printed line of a paragraph: text pieces and references."""

    start: int
    pieces: list[str | _Ref | Note] = field(default_factory=list)


@record
class _Body:
    """A note body as printed: its text, where it ends, and the notes cited inside it, lifted out."""

    text: str
    end: int
    lifted: tuple[Note, ...] = ()


@record
class RawParagraph:
    """A paragraph as POI printed it, with its notes at their anchors.

    `line` is the number of its first line, `lines` how many it spans, and
    `columns` its text split at tabs (a table row, or a contents line
    `heading⇥page`), without note bodies.
    """

    line: int
    children: tuple[Inline, ...]
    text: str
    lines: int
    columns: tuple[str, ...]

    @property
    def tabbed(self) -> bool:
        return len(self.columns) > 1

    @property
    def has_note(self) -> bool:
        return any(isinstance(c, Note) for c in self.children)


@record(frozen=False)
class ScanCounts:
    """References read from the text, and bodies kept without a reference."""

    refs: dict[str, int] = field(default_factory=lambda: {"footnote": 0, "endnote": 0})
    orphans: int = 0


class Scanner:
    """Turns POI text into `RawParagraph`s; reports problems with line and column."""

    def __init__(self, text: str, path: str | None, warn: Warn) -> None:
        self.text = text
        self.path = path
        self.warn = warn
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.markers = [m.start() for m in MARKER.finditer(text)]
        self.orphan_tries: dict[int, int] = {}  # line -> attempts, to bound the work on one line
        self.counts = ScanCounts()
        self.seen: dict[tuple[str, str], int] = {}

    def where(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1

    def fail(self, message: str, pos: int) -> BriefingError:
        line, column = self.where(pos)
        return BriefingError(message, path=self.path, line=line, column=column)

    def warning(self, message: str, pos: int) -> None:
        self.warn(BriefingWarning(message, Location(self.path, self.where(pos)[0])))

    def paragraphs(self) -> Iterator[RawParagraph]:
        text = self.text
        lines: list[_Line] = [_Line(0)]
        pending: list[_Ref] = []
        waiting: set[str] = set()  # the ids of `pending`, so a body's id is looked up at once
        joined = False  # the lines are one paragraph: bodies came after its last line
        pos = 0
        while True:
            m = TOKEN.search(text, pos)
            end = len(text) if m is None else m.start()
            if end > pos:
                lines[-1].pieces.append(text[pos:end])
            if m is None:
                break
            pos = m.end()
            if m["ref"]:
                ref = _Ref(m["kind"], m["id"], m.start())  # type: ignore[arg-type]
                self.counts.refs[ref.kind] += 1
                lines[-1].pieces.append(ref)
                pending.append(ref)
                waiting.add(ref.source_id)
            elif m["bad"]:
                raise self.fail(
                    f"malformed note marker {m['bad']!r}; expected [footnoteRef:N] or [endnoteRef:N]",
                    m.start(),
                )
            elif m["comment"]:
                self.warning(f"comment by {m['author'] or 'someone'} dropped: {m['said'][:60]!r}", m.start())
                # POI ends the comments with a newline; the bodies come after it.
                if pending and text.startswith("\n [", pos):
                    pos += 1
            elif m["open"]:
                if m["bid"] in waiting:
                    pos, matched, extra = self.bodies(m.start(), pending)
                    lines[-1].pieces.extend(extra)
                    answered = set(map(id, matched))
                    first = next(
                        (i for i, line in enumerate(lines) if any(id(r) in answered for r in line.pieces)),
                        len(lines) - 1,
                    )
                    yield from self.flush(lines[:first], pending)
                    del lines[:first]
                    pending, waiting, joined = [], set(), True
                    if text.startswith("\n", pos):
                        # The paragraph ends here; POI adds one more newline after bodies.
                        pos += 2 if text.startswith("\n\n", pos) else 1
                        yield self.paragraph(lines)
                        lines, joined = [_Line(pos)], False
                else:
                    orphans = self.orphan_bodies(m.start())
                    if orphans is None:
                        lines[-1].pieces.append(m["open"])
                    else:
                        pos, notes = orphans
                        if lines[-1].pieces and isinstance(lines[-1].pieces[-1], str):
                            lines[-1].pieces[-1] = lines[-1].pieces[-1].rstrip()
                        lines[-1].pieces.extend(notes)
            else:  # a newline
                if pending:
                    lines.append(_Line(pos))
                    continue
                if joined:
                    yield self.paragraph(lines)
                else:
                    yield from self.flush(lines, pending)
                lines, joined = [_Line(pos)], False
        if joined and not pending:
            yield self.paragraph(lines)
        else:
            yield from self.flush(lines, pending)

    def bodies(self, at: int, pending: list[_Ref]) -> tuple[int, list[_Ref], list[Note]]:
        """Read the bodies that start at `at`; give them to their references.

        Returns where the bodies end, the references that got one, and the
        notes of bodies no reference answers (kept at the paragraph's end).
        """
        text = self.text
        ids = {r.source_id for r in pending}
        found: list[tuple[str, str, int, tuple[Note, ...]]] = []
        pos = at
        while True:
            opened = BODY_OPEN.match(text, pos)
            if opened is None or opened[1] not in ids:
                break
            body = self.body(opened, nested=False)
            found.append((opened[1], body.text, pos, body.lifted))
            pos = body.end
        # Bodies answer the paragraph's references in order, so match from the
        # last one backwards: earlier references without a body (content
        # controls) are then the ones left over.
        waiting: dict[str, list[_Ref]] = {}
        for ref in pending:
            waiting.setdefault(ref.source_id, []).append(ref)
        matched = []
        extra: list[Note] = []
        for source_id, text, where, lifted in reversed(found):
            candidates = waiting.get(source_id)
            if not candidates:
                self.warning(
                    f"note body [{source_id}: ...] has no reference; kept at the paragraph end", where
                )
                extra.extend(reversed((self.note("footnote", source_id, text, where), *lifted)))
                self.counts.orphans += 1  # the notes lifted out of it were counted as references
                continue
            ref = candidates.pop()
            matched.append(ref)
            ref.note = self.note(ref.kind, source_id, text, where)
            ref.lifted = lifted
        for ref in pending:
            if ref.note is None:
                self.no_body(ref)
        extra.reverse()  # met from the last body backwards: back in reading order
        return pos, matched, extra

    def body(self, opened: re.Match[str], nested: bool) -> _Body:
        """The body that `opened` opens: its text, where it ends, and the notes cited inside it."""
        text = self.text
        start = opened.end()
        close = body_end(text, start, self.next_marker(start), nested)
        if close is not None:
            return _Body(text[start : close[0]], close[1])
        inside = self.with_inner_notes(start, nested)
        if inside is not None:
            return inside
        # A body never holds a reference of its own, but its text may spell one
        # out ("[endnoteRef:2]"): then it closes on its own line, past that text.
        close = body_end(text, start, self.line_end(start), nested)
        if close is None:
            raise self.fail(f"note body [{opened[1]}: ...] is never closed with ']'", opened.start() + 1)
        self.warning(
            f"note body [{opened[1]}: ...] holds text written like a note reference; kept as text",
            opened.start(),
        )
        return _Body(text[start : close[0]], close[1])

    def with_inner_notes(self, start: int, nested: bool) -> _Body | None:
        """A body that holds other notes, as POI prints a note cited inside a note; None if it is not one.

        Word cannot make a note inside a note, other tools can, and the model
        holds none: the inner notes are lifted out to follow the outer one.
        POI prints an inner note's reference in the outer body and its body at
        the end of the inner paragraph, before the outer body closes:
        `[2:  Buiten [footnoteRef:3] [3: Binnen] ] `.
        """
        text = self.text
        parts: list[str] = []
        seen: list[_Ref] = []  # the references in this body; those inside its inner notes count there
        waiting: dict[str, deque[_Ref]] = {}  # id -> the references still waiting for a body, in order
        lifted: list[Note] = []
        pos = start
        while True:
            limit = self.next_marker(pos)
            opened = self.waiting_body(pos, limit, waiting)
            if opened is not None:
                parts.append(text[pos : opened.start()])
                while opened is not None and waiting.get(opened[1]):
                    body = self.body(opened, nested=True)
                    ref = waiting[opened[1]].popleft()
                    self.warning(
                        f"{ref.kind} {ref.source_id} is cited inside another note; the model holds no "
                        "note inside a note, so it follows that note at its reference",
                        ref.pos,
                    )
                    ref.note = self.note(ref.kind, ref.source_id, body.text, opened.start())
                    lifted.extend((ref.note, *body.lifted))
                    pos = body.end
                    opened = BODY_OPEN.match(text, pos)
                continue
            close = body_end(text, pos, limit, nested)
            if close is not None:
                if not lifted:
                    return None  # references without bodies: text that spells them out
                for ref in seen:
                    if ref.note is None:  # still waiting: POI printed no body for it
                        self.no_body(ref)
                        lifted.append(ref.note)  # type: ignore[arg-type]
                    self.counts.refs[ref.kind] += 1
                parts.append(text[pos : close[0]])
                return _Body("".join(parts), close[1], tuple(lifted))
            marker = TOKEN.match(text, limit)
            if marker is None or not marker["ref"]:
                return None
            parts.append(text[pos:limit])
            ref = _Ref(marker["kind"], marker["id"], limit)  # type: ignore[arg-type]
            seen.append(ref)
            waiting.setdefault(ref.source_id, deque()).append(ref)
            pos = marker.end()

    def waiting_body(self, pos: int, limit: int, waiting: dict[str, deque[_Ref]]) -> re.Match[str] | None:
        """The first body between `pos` and `limit` that answers a reference in `waiting`."""
        return next((m for m in BODY_OPEN.finditer(self.text, pos, limit) if waiting.get(m[1])), None)

    def orphan_bodies(self, at: int) -> tuple[int, list[Note]] | None:
        """Bodies that end a line but answer no reference: kept as notes, with a warning."""
        text = self.text
        line = bisect.bisect_right(self.starts, at)
        eol = self.line_end(at)
        end = eol
        while end > at and text[end - 1] == " ":
            end -= 1
        tries = self.orphan_tries[line] = self.orphan_tries.get(line, 0) + 1
        if end == at or text[end - 1] != "]" or tries > ORPHAN_TRIES:
            return None
        found = []
        pos = at
        while pos < end:
            opened = BODY_OPEN.match(text, pos)
            # Up to the next reference at most: text like "[1: ...]" before a real
            # reference is text, and must not swallow the reference after it.
            close = body_end(text, opened.end(), min(eol, self.next_marker(opened.end()))) if opened else None
            if opened is None or close is None:
                return None
            found.append((opened[1], text[opened.end() : close[0]], pos))
            pos = close[1]
        notes = []
        for source_id, body, where in found:
            self.warning(f"note body [{source_id}: ...] has no reference; kept at the paragraph end", where)
            notes.append(self.note("footnote", source_id, body, where))
        self.counts.orphans += len(notes)
        return eol, notes

    def line_end(self, pos: int) -> int:
        """Where the line holding `pos` ends (its newline), or the end of the text."""
        line = bisect.bisect_right(self.starts, pos)
        return self.starts[line] - 1 if line < len(self.starts) else len(self.text)

    def next_marker(self, pos: int) -> int:
        """Where the next reference starts after `pos`, or the end of the text."""
        i = bisect.bisect_left(self.markers, pos)
        return self.markers[i] if i < len(self.markers) else len(self.text)

    def no_body(self, ref: _Ref) -> None:
        self.warning(
            f"{ref.kind} {ref.source_id} has no body in the text (POI prints none for a note "
            "inside a content control or ruby text); kept empty: read the .docx for its text",
            ref.pos,
        )
        ref.note = Note((P(),), ref.source_id, ref.kind)

    def note(self, kind: NoteKind, source_id: str, body: str, pos: int) -> Note:
        key = (kind, source_id)
        line = self.where(pos)[0]
        if key in self.seen:
            self.warning(f"{kind} id {source_id} is used twice (first on line {self.seen[key]})", pos)
        else:
            self.seen[key] = line
        if MISSING.match(body.strip()):
            self.warning(f"POI could not find {kind} {source_id} in the Word file; kept empty", pos)
            return Note((P(),), source_id, kind)
        paragraphs = [P(_inlines([part])) for part in body.split("\n")]
        paragraphs = [p for p in paragraphs if p.children]
        if not paragraphs:
            self.warning(
                f"{kind} {source_id} has an empty body (it is empty, or holds only a picture); kept empty",
                pos,
            )
            return Note((P(),), source_id, kind)
        return Note(tuple(paragraphs), source_id, kind)

    def flush(self, lines: list[_Line], pending: list[_Ref]) -> Iterator[RawParagraph]:
        """Each line as a paragraph of its own; references still waiting get empty notes."""
        for ref in pending:
            if ref.note is None:
                self.no_body(ref)
        for line in lines:
            paragraph = self.paragraph([line])
            if paragraph.children:
                yield paragraph

    def paragraph(self, lines: list[_Line]) -> RawParagraph:
        pieces: list[str | _Ref | Note | LineBreak] = []
        for i, line in enumerate(lines):
            if i:
                pieces.append(LineBreak())
            pieces.extend(line.pieces)
        plain = "".join(p for p in pieces if isinstance(p, str))
        if "\f" in plain or "\v" in plain:
            plain = BREAKS.sub(" ", plain)
        text = _clean(plain)
        # Most paragraphs hold no tab: spare them the split.
        columns = (
            tuple(c for c in map(_clean, plain.split("\t")) if c) if "\t" in plain else (text,) * bool(text)
        )
        return RawParagraph(
            line=self.where(lines[0].start)[0],
            children=_inlines(_notes_in_place(pieces)),
            text=text,
            lines=len(lines),
            columns=columns,
        )


def _notes_in_place(pieces: list[str | _Ref | Note | LineBreak]) -> Iterator[object]:
    """The pieces with each reference as its note, followed by the notes lifted out of it."""
    for piece in pieces:
        if isinstance(piece, _Ref):
            yield piece.note
            yield from piece.lifted
        else:
            yield piece


def _inlines(pieces: Iterator[object] | list[str]) -> tuple[Inline, ...]:
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
    return tuple(_trim(P(tuple(out)).children))


def _trim(children: tuple[Inline, ...]) -> list[Inline]:
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


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()
