"""Map a document to translation segments and rebuild it from their translations.

A segment is one sentence of plain text. Inline objects inside a sentence
(a note, a superscript) become placeholders `⟦1⟧`, `⟦2⟧`, … numbered within
the sentence; a note's body is translated as segments of its own. Before:

    P("Zie het non-paper", Note(body=(P("Bijlage bij verslag."),)), " van Nederland.")

Segments: `Zie het non-paper ⟦1⟧ van Nederland.` and `Bijlage bij verslag.`
After, the placeholder is replaced by the translated note. A placeholder that
does not come back exactly once is repaired: strays are dropped, and a lost
object is attached at the end of its sentence, with a warning.

The mapper asks `lookup(segment)` for each translation. It returns None for
a segment that has not been translated yet; the mapper then records nothing
but keeps walking, so the same walk both collects segments and rebuilds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import assert_never

from toolkit.errors import BriefingWarning, Warn
from toolkit.model.nodes import (
    Block,
    Briefing,
    Cell,
    Emph,
    Heading,
    Inline,
    Item,
    LineBreak,
    Link,
    ListBlock,
    Note,
    P,
    Row,
    Section,
    Strong,
    Sub,
    Sup,
    Table,
    inlines,
    plain_text,
)
from toolkit.record import replace
from toolkit.translation import splitter

Lookup = Callable[[str], str | None]
PLACEHOLDER = re.compile(r"⟦(\d+)⟧")
BRACKETS = re.compile(r"⟦\d*|⟧")
MARK = 0xE000  # private-use characters stand for inline objects while a paragraph is split
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Tokens a model may not reproduce (argos's decoder even turns `_` into spaces):
# URLs, e-mail addresses, words with underscores and file names.
VERBATIM = re.compile(
    r"(?:https?://|www\.)[^\s<>⟦⟧]*[^\s<>.,;:!?)\]⟦⟧'\"]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b\w*_\w+\b"
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|odt|txt|xml|csv|zip|html?)\b"
)
_TERMINAL_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_ONLY_TERMINAL = re.compile(r"^[.!?…]+$")


def normalise(text: str) -> str:
    """The canonical form of a segment: NFC, single spaces, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True, slots=True)
class _Slot:
    """What placeholder ⟦k⟧ stands for, and whether it was glued to the word before it."""

    value: Inline
    glued: bool
    label: str


def _ignore(_: BriefingWarning) -> None:
    pass


class Mapper:
    """One walk over documents: segments out through `lookup`, translated nodes back."""

    def __init__(self, lookup: Lookup, warn: Warn = _ignore) -> None:
        self.lookup = lookup
        self.warn = warn

    # --- blocks -------------------------------------------------------------

    def briefing(self, doc: Briefing) -> Briefing:
        title: tuple[Inline, ...] = (doc.meta.title, *doc.meta.title_notes)
        done = self.inlines(title) if doc.meta.title else title
        notes = tuple(n for n in done if isinstance(n, Note))
        meta = replace(doc.meta, title=plain_text(done).strip(), title_notes=notes)
        return Briefing(meta=meta, body=self.blocks(doc.body), lang=doc.lang)

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(self.block(b) for b in blocks)

    def block(self, block: Block) -> Block:
        match block:
            case P():
                return P(self.inlines(block.children))
            case Section():
                return Section(Heading(self.inlines(block.heading.children)), self.blocks(block.blocks))
            case ListBlock():
                return ListBlock(tuple(Item(self.blocks(i.blocks)) for i in block.items), block.ordered)
            case Table():
                return Table(
                    tuple(
                        Row(tuple(Cell(self.blocks(c.blocks), c.header) for c in r.cells)) for r in block.rows
                    )
                )
            case _:
                assert_never(block)

    # --- inlines ------------------------------------------------------------

    def inlines(self, items: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """Translate an inline sequence. Spans covering whole sentences keep their markup."""
        out: list[Inline] = []
        pending: list[Inline] = []
        texts = [plain_text((item,)) for item in items]
        flattened = 0
        for i, item in enumerate(items):
            if isinstance(item, LineBreak):  # a hard boundary: no sentence crosses it
                out.extend(self._run(pending))
                pending = []
                out.append(item)
            elif isinstance(item, (Emph, Strong, Link, Sup, Sub)):
                before = plain_text(pending)
                if _starts_sentence(before) and _ends_sentence(texts[i], "".join(texts[i + 1 :])):
                    out.extend(self._run(pending))
                    pending = []
                    out.append(replace(item, children=self.inlines(item.children)))
                elif isinstance(item, (Sup, Sub)):
                    pending.append(item)  # kept as it is, like a note: "m²", "1e"
                else:
                    # Markup inside a sentence cannot be carried through a
                    # sentence-level model; keep the words, drop the markup.
                    pending.extend(_flatten(item))
                    flattened += 1
            else:
                pending.append(item)
        out.extend(self._run(pending))
        if flattened:
            sample = normalise("".join(texts))[:60]
            self.warn(
                BriefingWarning(
                    f"{flattened} emphasis/link span(s) inside a sentence lost their markup in "
                    f"translation: {sample!r}"
                )
            )
        return inlines(out)

    def _run(self, run: list[Inline]) -> list[Inline]:
        """Translate a run of text and atomic objects (notes, sup/sub) sentence by sentence."""
        if not run:
            return []
        objects: list[Inline] = []
        text = []

        def mark(item: Inline) -> str:
            objects.append(item)
            return chr(MARK + len(objects) - 1)

        for item in run:
            if isinstance(item, str):
                # The text's own private-use characters (Word's symbol fonts give
                # them) would read as marks: they stand apart as objects too.
                text.append(_PRIVATE_USE.sub(lambda m: mark(m.group()), item))
            else:
                text.append(mark(item))
        joined = "".join(text)
        out: list[Inline] = []
        pos = 0
        for start, end in splitter.spans(joined):
            out.append(joined[pos:start])
            out.extend(self._sentence(joined[start:end], objects))
            pos = end
        out.append(joined[pos:])
        return out

    def _sentence(self, core: str, objects: list[Inline]) -> list[Inline]:
        if not any(ch.isalpha() for ch in core if not _is_mark(ch)):
            # Numbers and symbols stay; a note among them is still translated.
            return [self._object(objects[ord(ch) - MARK]) if _is_mark(ch) else ch for ch in core]
        # Translate each note once, even if the sentence is encoded twice below.
        values = {ord(ch) - MARK: self._object(objects[ord(ch) - MARK]) for ch in core if _is_mark(ch)}
        source, slots = self._encode(core, objects, values, protect=False)
        output = self.lookup(source)
        if output is not None and _lost_verbatim(core, output):
            protected, protected_slots = self._encode(core, objects, values, protect=True)
            retry = self.lookup(protected)
            if retry is not None:
                source, slots, output = protected, protected_slots, retry
        if output is None:  # not translated yet: this walk only collects segments
            output = source
        return self._decode(output, slots, source)

    def _encode(
        self, core: str, objects: list[Inline], values: dict[int, Inline], *, protect: bool
    ) -> tuple[str, list[_Slot]]:
        """The segment text for a sentence, with ⟦k⟧ for each object (and protected token)."""
        parts: list[str] = []
        slots: list[_Slot] = []
        chunks = re.split(f"([{chr(MARK)}-{chr(0xF8FF)}])", core)
        for chunk in chunks:
            if chunk and _is_mark(chunk):
                before = "".join(parts)
                glued = bool(before) and not before[-1].isspace() and not before.endswith("⟧")
                index = ord(chunk) - MARK
                slots.append(_Slot(values[index], glued, _label(objects[index])))
                # The placeholder stands apart from the word it is glued to, as in training data.
                parts.append(f"{' ' if glued else ''}⟦{len(slots)}⟧")
            elif protect:
                last = 0
                for m in VERBATIM.finditer(chunk):
                    parts.append(chunk[last : m.start()])
                    slots.append(_Slot(m.group(0), False, repr(m.group(0))))
                    parts.append(f"⟦{len(slots)}⟧")
                    last = m.end()
                parts.append(chunk[last:])
            else:
                parts.append(chunk)
        return normalise("".join(parts)), slots

    def _object(self, item: Inline) -> Inline:
        if isinstance(item, Note):
            return replace(item, body=tuple(P(self.inlines(p.children)) for p in item.body))
        return item

    def _decode(self, output: str, slots: list[_Slot], source: str) -> list[Inline]:
        """Put the objects back for their placeholders; repair and warn when they did not survive."""
        pieces: list[Inline] = []
        used: set[int] = set()
        stray = 0
        last = 0
        for m in PLACEHOLDER.finditer(output):
            text = output[last : m.start()]
            last = m.end()
            k = int(m.group(1))
            if 1 <= k <= len(slots) and k not in used:
                used.add(k)
                pieces.append(text.rstrip() if slots[k - 1].glued else text)
                pieces.append(slots[k - 1].value)
            else:
                stray += 1
                pieces.append(text)
        pieces.append(output[last:])
        # Broken halves of placeholders ("⟦1", "⟧") are ours too, unless the source had such brackets.
        if not BRACKETS.search(PLACEHOLDER.sub("", source)):
            for i, piece in enumerate(pieces):
                if isinstance(piece, str) and BRACKETS.search(piece):
                    stray += len(BRACKETS.findall(piece))
                    pieces[i] = BRACKETS.sub("", piece)
        if stray:
            pieces = [_tidy(p) if isinstance(p, str) else p for p in inlines(pieces)]
            self.warn(
                BriefingWarning(f"dropped {stray} stray placeholder(s) from the translation of {source!r}")
            )
        missing = [k for k in range(1, len(slots) + 1) if k not in used]
        if missing:
            tail = pieces[-1]
            if isinstance(tail, str):
                pieces[-1] = tail.rstrip()
            for k in missing:
                pieces.append(slots[k - 1].value)
            labels = ", ".join(slots[k - 1].label for k in missing)
            self.warn(
                BriefingWarning(
                    f"{labels} lost its place in the translation of {source!r}; "
                    "attached at the end of the sentence"
                )
            )
        return pieces


def _is_mark(ch: str) -> bool:
    return len(ch) == 1 and MARK <= ord(ch) <= 0xF8FF


def _label(item: Inline) -> str:
    if isinstance(item, Note):
        return f"{item.kind} {item.source_id}" if item.source_id else item.kind
    return type(item).__name__.lower()


def _tidy(text: str) -> str:
    """Spacing after a dropped placeholder: no double spaces, no space before punctuation."""
    return re.sub(r" +([.,;:!?])", r"\1", re.sub(r" {2,}", " ", text))


def _flatten(item: Inline) -> list[Inline]:
    """The content of a span without its markup; notes and sup/sub stay objects."""
    if isinstance(item, (Emph, Strong, Link)):
        return [x for child in item.children for x in _flatten(child)]
    return [item]


def _starts_sentence(before: str) -> bool:
    return not before.strip() or (bool(_TERMINAL_END.search(before)) and before[-1:].isspace())


def _ends_sentence(span_text: str, after: str) -> bool:
    rest = after.strip()
    if not rest or _ONLY_TERMINAL.match(rest):
        return True
    return bool(_TERMINAL_END.search(span_text)) and (span_text[-1:].isspace() or after[:1].isspace())


def _lost_verbatim(core: str, output: str) -> bool:
    return any(m.group(0) not in output for m in VERBATIM.finditer(core))
