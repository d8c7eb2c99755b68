"""Scan POI text into paragraphs with their notes in place (the grammar: `poi_grammar`, the bodies: `poi_bodies`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.model import Inline, LineBreak, Note, plain_text
from toolkit.model.nodes import MARK_LENGTH
from toolkit.readers.note_marks import can_be_mark, starts_with_mark, with_mark
from toolkit.readers.poi_bodies import BodyReader, Ref
from toolkit.readers.poi_grammar import BODY_OPEN, MARKER, TOKEN
from toolkit.readers.poi_inlines import BREAKS, clean, inlines
from toolkit.record import field, record


@record(frozen=False)
class _Line:
    """One printed line of a paragraph: text pieces and references."""

    start: int
    pieces: list[str | Ref | Note] = field(default_factory=list)


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


_MARK_RUN = re.compile(rf"[^\s\[]{{1,{MARK_LENGTH}}}")


class Scanner(BodyReader):
    """Turns POI text into `RawParagraph`s; reports problems with line and column."""

    def paragraphs(self) -> Iterator[RawParagraph]:
        text = self.text
        lines: list[_Line] = [_Line(0)]
        pending: list[Ref] = []
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
                ref = Ref(m["kind"], m["id"], m.start())  # type: ignore[arg-type]
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
                pos = self.comments(m, bool(pending))
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

    def comments(self, m: re.Match[str], bodies: bool) -> int:
        """Warn of the comments that start at `m`; where they end.

        POI prints a paragraph's comments after its text and ends them with a newline,
        then the bodies (` [N: `) or the paragraph's own newline; a comment's line break
        prints as a newline, so the lines up to there are the comments' too. Only
        within the paragraph: when no body opens before its blank line, or a line
        holds a note reference, just the first line is taken.
        """
        text, start = self.text, m.start()
        end = text.find("\n\n", m.end())
        end = len(text) if end < 0 else end
        stop = end
        if bodies:
            opened = BODY_OPEN.search(text, m.end(), end)
            stop = opened.start() - 1 if opened and text[opened.start() - 1] == "\n" else -1
        block = text[start:stop] if stop > start else m[0]
        if "\n" not in block or MARKER.search(block):
            block = m[0]
        for said in block.split("\tComment by ")[1:]:
            author, _, words = said.partition(": ")
            self.warning(f"comment by {author or 'someone'} dropped: {' '.join(words.split())[:60]!r}", start)
            start += len(said) + len("\tComment by ")
        return m.start() + len(block)

    def flush(self, lines: list[_Line], pending: list[Ref]) -> Iterator[RawParagraph]:
        """Each line as a paragraph of its own; references still waiting get empty notes."""
        for ref in pending:
            if ref.note is None:
                self.no_body(ref)
        for line in lines:
            paragraph = self.paragraph([line])
            if paragraph.children:
                yield paragraph

    def paragraph(self, lines: list[_Line]) -> RawParagraph:
        pieces: list[str | Ref | Note | LineBreak] = []
        for i, line in enumerate(lines):
            if i:
                pieces.append(LineBreak())
            pieces.extend(line.pieces)
        plain = "".join(p for p in pieces if isinstance(p, str))
        if "\f" in plain or "\v" in plain:
            plain = BREAKS.sub(" ", plain)
        text = clean(plain)
        # Most paragraphs hold no tab: spare them the split.
        columns = (
            tuple(c for c in map(clean, plain.split("\t")) if c) if "\t" in plain else (text,) * bool(text)
        )
        return RawParagraph(
            line=self.where(lines[0].start)[0],
            children=inlines(_notes_in_place(pieces)),
            text=text,
            lines=len(lines),
            columns=columns,
        )


def _notes_in_place(pieces: list[str | Ref | Note | LineBreak]) -> Iterator[object]:
    """The pieces with each reference as its note, followed by the notes lifted out of it."""
    cut = 0  # the length of a custom mark that starts the next text piece
    for i, piece in enumerate(pieces):
        if isinstance(piece, Ref):
            assert piece.note is not None, "every reference has its note once its paragraph ends"
            after = pieces[i + 1] if i + 1 < len(pieces) else None
            mark = _custom_mark(piece.note, after) if isinstance(after, str) else None
            yield with_mark(piece.note, mark) if mark else piece.note
            yield from piece.lifted
            cut = len(mark or "")
        elif isinstance(piece, str) and cut:
            yield piece[cut:]
            cut = 0
        else:
            yield piece


def _custom_mark(note: Note, after: str) -> str | None:
    """The note's own mark, if POI printed one: Word's custom mark is printed after the reference
    and again at the start of the note's text, where a numbered note has no number in POI text.

    The mark is the longest start of the text after the reference, up to a space, that the
    note's text starts with as a mark (`starts_with_mark`).
    """
    run = _MARK_RUN.match(after)
    if run is None:
        return None
    lead = plain_text(note.body[0].children).lstrip()
    for size in range(len(run[0]), 0, -1):
        mark = run[0][:size]
        if starts_with_mark(lead, mark) and can_be_mark(mark):
            return mark
    return None
