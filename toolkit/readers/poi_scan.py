"""Scan POI text into paragraphs with their notes in place (the grammar: `poi_grammar`, the bodies: `poi_bodies`)."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.model import Inline, LineBreak, Note
from toolkit.readers.poi_bodies import BodyReader, Ref
from toolkit.readers.poi_grammar import TOKEN
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
    for piece in pieces:
        if isinstance(piece, Ref):
            yield piece.note
            yield from piece.lifted
        else:
            yield piece
