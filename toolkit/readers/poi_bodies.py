"""Note bodies in POI text: where each one closes, which reference it answers, and the notes cited inside it.

Bodies are matched to a paragraph's references from the last one backwards.
POI prints the reference but no body for notes inside a block-level content
control (`w:sdt`), so a reference that gets no body is kept with an empty body
and a warning; a body POI could not find is kept empty too.
"""

from __future__ import annotations

import bisect
import re
from collections import deque

from toolkit.errors import BriefingError, BriefingWarning, Location, Warn
from toolkit.model import Note, NoteKind, P
from toolkit.readers.invariants import lifted_out
from toolkit.readers.poi_grammar import BODY_OPEN, MARKER, MISSING, TOKEN, body_end
from toolkit.readers.poi_inlines import inlines
from toolkit.record import field, record

ORPHAN_TRIES = 3  # bodies without a reference are looked for this often on one line


@record(frozen=False, eq=False)
class Ref:
    """A reference seen in the text, waiting for its body."""

    kind: NoteKind
    source_id: str
    pos: int
    note: Note | None = None
    lifted: tuple[Note, ...] = ()  # notes cited inside this one: they follow it


@record
class Body:
    """A note body as printed: its text, where it ends, and the notes cited inside it, lifted out."""

    text: str
    end: int
    lifted: tuple[Note, ...] = ()


@record(frozen=False)
class ScanCounts:
    """References read from the text, and bodies kept without a reference."""

    refs: dict[str, int] = field(default_factory=lambda: {"footnote": 0, "endnote": 0})
    orphans: int = 0


class BodyReader:
    """The note bodies of one POI text, and where in the text each position is (line and column)."""

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

    def line_end(self, pos: int) -> int:
        """Where the line holding `pos` ends (its newline), or the end of the text."""
        line = bisect.bisect_right(self.starts, pos)
        return self.starts[line] - 1 if line < len(self.starts) else len(self.text)

    def next_marker(self, pos: int) -> int:
        """Where the next reference starts after `pos`, or the end of the text."""
        i = bisect.bisect_left(self.markers, pos)
        return self.markers[i] if i < len(self.markers) else len(self.text)

    def bodies(self, at: int, pending: list[Ref]) -> tuple[int, list[Ref], list[Note]]:
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
        waiting: dict[str, list[Ref]] = {}
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

    def body(self, opened: re.Match[str], nested: bool) -> Body:
        """The body that `opened` opens: its text, where it ends, and the notes cited inside it."""
        text = self.text
        start = opened.end()
        close = body_end(text, start, self.next_marker(start), nested)
        if close is not None:
            return Body(text[start : close[0]], close[1])
        # One level only: POI prints no body for a note cited inside a note (it says
        # "not found"), so nothing of a note cited deeper reaches the text, and a
        # deeper search would only try the same text again at every level.
        inside = None if nested else self.with_inner_notes(start)
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
        return Body(text[start : close[0]], close[1])

    def with_inner_notes(self, start: int) -> Body | None:
        """A body that holds other notes, as POI prints a note cited inside a note; None if it is not one.

        Word cannot make a note inside a note, other tools can, and the model
        holds none: the inner notes are lifted out to follow the outer one.
        POI prints an inner note's reference in the outer body and its body at
        the end of the inner paragraph, before the outer body closes:
        `[2:  Buiten [footnoteRef:3] [3: Binnen] ] `.
        """
        text = self.text
        parts: list[str] = []
        seen: list[Ref] = []  # the references in this body
        waiting: dict[str, deque[Ref]] = {}  # id -> the references still waiting for a body, in order
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
                    self.warning(lifted_out(ref.kind, ref.source_id), ref.pos)
                    ref.note = self.note(ref.kind, ref.source_id, body.text, opened.start())
                    lifted.append(ref.note)
                    pos = body.end
                    opened = BODY_OPEN.match(text, pos)
                continue
            close = body_end(text, pos, limit)
            if close is not None:
                if not lifted:
                    return None  # references without bodies: text that spells them out
                for ref in seen:
                    if ref.note is None:  # still waiting: POI printed no body for it
                        self.no_body(ref)
                        lifted.append(ref.note)  # type: ignore[arg-type]
                    self.counts.refs[ref.kind] += 1
                parts.append(text[pos : close[0]])
                return Body("".join(parts), close[1], tuple(lifted))
            marker = TOKEN.match(text, limit)
            if marker is None or not marker["ref"]:
                return None
            parts.append(text[pos:limit])
            ref = Ref(marker["kind"], marker["id"], limit)  # type: ignore[arg-type]
            seen.append(ref)
            waiting.setdefault(ref.source_id, deque()).append(ref)
            pos = marker.end()

    def waiting_body(self, pos: int, limit: int, waiting: dict[str, deque[Ref]]) -> re.Match[str] | None:
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

    def no_body(self, ref: Ref) -> None:
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
        paragraphs = [P(inlines([part])) for part in body.split("\n")]
        paragraphs = [p for p in paragraphs if p.children]
        if not paragraphs:
            self.warning(
                f"{kind} {source_id} has an empty body (it is empty, or holds only a picture); kept empty",
                pos,
            )
            return Note((P(),), source_id, kind)
        return Note(tuple(paragraphs), source_id, kind)
