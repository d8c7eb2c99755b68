"""A briefing as XLIFF units: one per title, heading and paragraph (notes' too), a segment per sentence.

The writer builds the units from the document, and the reader builds the same
units from the document in the file's skeleton, so ids, codes and segment keys
agree without being trusted from the file. Sentences are those the translation
mapper (`toolkit.translation.segments.Mapper`) sends to the model, each with
the items the mapper sees; so machine targets rebuild exactly what
`toolkit.translate` gives, and reviewed targets teach the memory under the key
`translate` looks up. Before and after, for `Zie <b>dit</b>.[note] Klaar.`::

    unit u1: segment s1 "Zie " Open(c1) "dit" Close(c1) "." Ph(c2)   ignorable i1 " "
             segment s2 "Klaar."                                     (c2 flows into unit u2)
    unit u2: segment s1 <the note's paragraph>
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import assert_never

from toolkit.model import Briefing, Heading, Inline, LineBreak, Note, NoteNumbers, P, plain_text, walk
from toolkit.model.nodes import Emph, Link, Strong, Sub, Sup
from toolkit.translation import splitter
from toolkit.translation.segments import MARK, Mapper, _ends_sentence, _starts_sentence

STAND_IN = "\u2060xliff-atom-"  # the source id of a stand-in note: the mapper keeps such notes as they are


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Open:
    code: str


@dataclass(frozen=True, slots=True)
class Close:
    code: str


@dataclass(frozen=True, slots=True)
class Ph:
    code: str


Token = Text | Open | Close | Ph


@dataclass(frozen=True, slots=True)
class Code:
    """What an inline code stands for; `kept` if machine translation keeps it (not a span inside a sentence)."""

    id: str
    node: Inline
    kept: bool
    flows: tuple[str, ...] = ()
    number: int | None = None


@dataclass
class Part:
    """A segment (a sentence) or an ignorable (white space, line breaks) of a unit."""

    id: str
    segment: bool
    source: list[Token]
    items: tuple[Inline, ...] = ()  # the sentence as the mapper sees it, atoms as stand-in notes
    atoms: list[list[Token]] = field(default_factory=list)  # the tokens each stand-in stands for
    lead: int = 0  # wrapping codes at the start and end that machine translation keeps
    trail: int = 0


@dataclass
class Unit:
    id: str
    kind: str  # title, heading, p or note
    parts: list[Part] = field(default_factory=list)
    codes: dict[str, Code] = field(default_factory=dict)
    frozen: bool = False  # a note inside a superscript: the mapper keeps it untranslated

    def segments(self) -> list[Part]:
        return [p for p in self.parts if p.segment]


def units(doc: Briefing) -> list[Unit]:
    """The units of `doc` in file order: each unit, then the units of its notes."""
    return _Builder(doc).build()


def key_of(part: Part) -> str | None:
    """The segment the mapper sends to the model for this sentence; None if it sends none."""
    asked: list[str] = []

    def record(segment: str) -> None:
        asked.append(segment)

    Mapper(record).inlines(part.items)
    return asked[0] if asked else None


class _Builder:
    def __init__(self, doc: Briefing) -> None:
        self.doc = doc
        self.numbers = NoteNumbers(doc)
        self.out: list[Unit] = []
        self.count = 0

    def build(self) -> list[Unit]:
        meta = self.doc.meta  # the mapper leaves an empty title, and its notes, as they are
        self.unit("title", (meta.title, *meta.title_notes), frozen=not meta.title)
        for step in walk(self.doc):
            if isinstance(step.node, Heading):
                self.unit("heading", step.node.children)
            elif isinstance(step.node, P):
                self.unit("p", step.node.children)
        return self.out

    def unit(self, kind: str, items: tuple[Inline, ...], frozen: bool = False) -> str:
        self.count += 1
        unit = Unit(f"u{self.count}", kind, frozen=frozen)
        self.out.append(unit)
        _Container(self, unit).inlines(items)
        if not unit.parts:  # a unit holds at least one segment or ignorable
            unit.parts.append(Part("i1", False, []))
        return unit.id

    def note_units(self, note: Note, frozen: bool) -> tuple[str, ...]:
        return tuple(self.unit("note", p.children, frozen) for p in note.body)


class _Container:
    """Mirrors `Mapper.inlines` on one unit: the same sentences, but every code kept in the source."""

    def __init__(self, builder: _Builder, unit: Unit) -> None:
        self.builder = builder
        self.unit = unit
        self.carry: list[Token] = []  # opens of whole-sentence spans, for the next part

    def code(self, node: Inline, kept: bool, inside_atom: bool = False) -> str:
        cid = f"c{len(self.unit.codes) + 1}"
        flows: tuple[str, ...] = ()
        number = None
        if isinstance(node, Note):
            number = self.builder.numbers.take(node)
            self.unit.codes[cid] = Code(cid, node, kept, (), number)  # reserve the id before the notes' units
            flows = self.builder.note_units(node, inside_atom or self.unit.frozen)
        self.unit.codes[cid] = Code(cid, node, kept, flows, number)
        return cid

    def inlines(self, items: tuple[Inline, ...]) -> None:
        pending: list[Inline] = []
        texts = [plain_text((item,)) for item in items]
        for i, item in enumerate(items):
            if isinstance(item, LineBreak):  # a hard boundary: no sentence crosses it
                self.run(pending)
                pending = []
                self.gap([Ph(self.code(item, True))])
            elif isinstance(item, (Emph, Strong, Link, Sup, Sub)) and (
                _starts_sentence(plain_text(pending)) and _ends_sentence(texts[i], "".join(texts[i + 1 :]))
            ):
                self.run(pending)
                pending = []
                cid = self.code(item, True)
                self.carry.append(Open(cid))
                self.inlines(item.children)
                self.close(cid)
            else:
                pending.append(item)
        self.run(pending)

    def gap(self, tokens: list[Token]) -> None:
        parts = self.unit.parts
        if not self.carry and parts and not parts[-1].segment:
            parts[-1].source.extend(tokens)
            return
        parts.append(Part(f"i{sum(not p.segment for p in parts) + 1}", False, [*self.carry, *tokens]))
        self.carry = []

    def close(self, cid: str) -> None:
        if self.carry:
            self.gap([])
        last = self.unit.parts[-1]
        last.source.append(Close(cid))
        if last.segment:
            last.trail += 1

    def run(self, pending: list[Inline]) -> None:
        """Split a run into sentences as the mapper does, and cut its tokens there."""
        if not pending:
            return
        layout = _Layout()
        for item in pending:
            self.linear(item, layout)
        text = "".join(layout.joined)
        regions: list[tuple[int, int, bool]] = []
        pos = 0
        for start, end in splitter.spans(text):
            regions += [(pos, start, False), (start, end, True)]
            pos = end
        regions.append((pos, len(text), False))
        for start, end, sentence in regions:
            if end > start:
                self.region(layout, start, end, sentence)

    def region(self, layout: _Layout, start: int, end: int, sentence: bool) -> None:
        tokens: list[Token] = []
        atoms: list[list[Token]] = []
        items: list[Inline] = []
        for at, entry in layout.entries:
            if isinstance(entry, list):  # an atom: one mark in the joined text
                if start <= at < end:
                    tokens.extend(entry)
                    items.append(Note((P(),), f"{STAND_IN}{len(atoms)}"))
                    atoms.append(entry)
            elif isinstance(entry, Text):
                piece = entry.text[max(0, start - at) : max(0, end - at)]
                if piece:
                    tokens.append(Text(piece))
                    items.append(piece)
            # A code of no width opens in the part that starts at it, and closes in the one that ends there.
            elif (start <= at < end) if isinstance(entry, Open) else (start < at <= end):
                tokens.append(entry)
        if not sentence:
            self.gap(tokens)
            return
        seg = Part(f"s{len(self.unit.segments()) + 1}", True, [*self.carry, *tokens], tuple(items))
        seg.atoms, seg.lead = atoms, len(self.carry)
        self.unit.parts.append(seg)
        self.carry = []

    def linear(self, item: Inline, layout: _Layout) -> None:
        """Lay out `item` as the mapper flattens it: text, span codes of no width, atoms of one mark."""
        match item:
            case str():
                layout.add(Text(item), item)
            case Emph() | Strong() | Link():
                cid = self.code(item, False)
                layout.add(Open(cid), "")
                for child in item.children:
                    self.linear(child, layout)
                layout.add(Close(cid), "")
            case Sup() | Sub() | Note() | LineBreak():
                layout.add(self.atom(item, False), chr(MARK + layout.atoms))
                layout.atoms += 1
            case _:
                assert_never(item)

    def atom(self, item: Inline, inside: bool) -> list[Token]:
        """The tokens of an object the mapper keeps whole: a note, a line break, a superscript.

        Inside a superscript everything is kept as it is, notes untranslated.
        """
        if isinstance(item, str):
            return [Text(item)]
        if isinstance(item, (Sup, Sub, Emph, Strong, Link)):
            cid = self.code(item, True)
            inner = [t for child in item.children for t in self.atom(child, True)]
            return [Open(cid), *inner, Close(cid)]
        if isinstance(item, Note):
            return [Ph(self.code(item, True, inside_atom=inside))]
        return [Ph(self.code(item, True))]


class _Layout:
    """A run laid out as the mapper joins it: entries at their positions in the joined text."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, Token | list[Token]]] = []
        self.joined: list[str] = []
        self.length = 0
        self.atoms = 0

    def add(self, entry: Token | list[Token], text: str) -> None:
        self.entries.append((self.length, entry))
        self.joined.append(text)
        self.length += len(text)
