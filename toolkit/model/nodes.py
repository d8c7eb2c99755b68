"""The briefing document model: immutable nodes with value equality.

Every reader produces a `Briefing` and every writer consumes one. Class names
follow the XML element names where they can (`P` is `<p>`, `Note` is
`<note>`); see `toolkit/model/briefing.rng` for the contract.

A footnote is an inline `Note` at its anchor, holding its own paragraphs, so a
reference can never dangle (as in pandoc, Akoma Ntoso and TEI).

Every string entering the model is checked once, where it enters: a character
XML 1.0 cannot hold (a C0 control other than tab and newlines, a lone surrogate,
U+FFFE or U+FFFF) raises `BriefingError`. So every document the model holds can
be written as XML and DOCX, and no writer meets such a character. Readers decide
before that what such characters mean (see toolkit/readers/textdecode.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, Union

from toolkit.errors import BriefingError
from toolkit.record import record, replace

Inline = Union[str, "Emph", "Strong", "Sup", "Sub", "Link", "LineBreak", "Note"]
Block = Union["Section", "P", "ListBlock", "Table"]

FORMAT_VERSION = "1"  # the major version of the briefing XML, as written in version="1"
FORMAT_MINOR = 1  # the newest minor version this toolkit knows: 1.1 added a note's own `mark`
NoteKind = Literal["footnote", "endnote"]

# What XML 1.0's Char production leaves out (lxml refuses these with a bare ValueError).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_not_xml = _NOT_XML.search  # bound once: it runs for every string of every document


_HINT = "remove it; the text reader drops such characters with a warning"


def check_text(text: str, what: str = "text", hint: str = _HINT) -> str:
    """`text` itself, or `BriefingError` naming the first character XML cannot hold."""
    found = _not_xml(text)
    if found is None:
        return text
    before = _NOT_XML.sub("", text[max(0, found.start() - 30) : found.start()]).lstrip()
    place = f" after \u201c{before}\u201d" if before else ""
    raise BriefingError(
        f"the {what} holds the character U+{ord(found.group()):04X}{place}, which XML cannot hold",
        hint=hint,
    )


MARK_LENGTH = 10  # Word's limit for a custom mark


def _visible(char: str) -> bool:
    """A character one sees: not a space, nor invisible (U+200B); a private-use one is a symbol font's."""
    # isprintable() is false for every space but U+0020, for controls and format characters, and
    # for private use, which a symbol font's mark (Wingdings) is read as.
    return char != " " and (char.isprintable() or "\ue000" <= char <= "\uf8ff" or char >= "\U000f0000")


def check_mark(mark: str) -> str:
    """`mark` itself, if it can be a note's own reference mark: 1 to 10 characters one can see."""
    check_text(mark, "note mark")
    if not 0 < len(mark) <= MARK_LENGTH or not all(map(_visible, mark)):
        raise BriefingError(
            f"a note mark must be 1 to {MARK_LENGTH} visible characters without spaces, not {mark!r}",
            hint="leave the mark out to number the note",
        )
    return mark


def _check_all(obj: object, what: str, *names: str, hint: str = _HINT) -> None:
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, str):
            check_text(value, f"{what} {name.replace('_', ' ')}", hint)


def inlines(items: Iterable[Inline]) -> tuple[Inline, ...]:
    """Return the canonical form of an inline sequence.

    Canonical means: a tuple; adjacent text merged; adjacent spans of the
    same kind (and, for links, the same target) merged; no empty text or
    empty spans. Every inline container normalises its children this way, so
    two readers that split the same text into different runs (as Word does,
    run by run) still build equal documents.
    """
    out: list[Inline] = []
    for item in items:
        if isinstance(item, str):
            if not item:
                continue
            if _not_xml(item) is not None:
                check_text(item)
            if out and isinstance(out[-1], str):
                out[-1] = out[-1] + item
                continue
        elif isinstance(item, _Span):
            if not item.children:
                continue
            last = out[-1] if out else None
            if type(last) is type(item) and getattr(last, "href", None) == getattr(item, "href", None):
                out[-1] = replace(item, children=last.children + item.children)  # type: ignore[union-attr]
                continue
        out.append(item)
    return tuple(out)


def _freeze(obj: object, name: str, value: tuple[object, ...]) -> None:
    object.__setattr__(obj, name, value)


@record
class _Span:
    """Base of inline containers: holds normalised inline children."""

    children: tuple[Inline, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "children", inlines(self.children))


@record
class Emph(_Span):
    """Emphasis, usually italic: `<em>`."""


@record
class Strong(_Span):
    """Strong importance, usually bold: `<strong>`."""


@record
class Sup(_Span):
    """Superscript: `<sup>`."""


@record
class Sub(_Span):
    """Subscript: `<sub>`."""


@record
class Link(_Span):
    """A hyperlink: `<a href="...">`."""

    href: str = ""

    def __post_init__(self) -> None:
        _freeze(self, "children", inlines(self.children))
        check_text(self.href, "link target")


@record
class LineBreak:
    """A line break inside a paragraph: `<br/>`."""


@record
class P:
    """A paragraph of inline content: `<p>`."""

    children: tuple[Inline, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "children", inlines(self.children))


@record
class Note:
    """A footnote or endnote at its anchor: `<note>`, whose body is paragraphs.

    `source_id` is the id the source gave the note (Word's internal id), kept
    for traceability; the display number is computed in document order.
    `mark` is the author's own reference mark (Word's custom mark, `*` or `†`),
    printed instead of a number: such a note takes no number, as in Word.
    """

    body: tuple[P, ...]
    source_id: str | None = None
    kind: NoteKind = "footnote"
    mark: str | None = None

    def __post_init__(self) -> None:
        _freeze(self, "body", tuple(self.body))
        if self.source_id is not None:
            check_text(self.source_id, "note source id")
        if self.mark is not None:
            check_mark(self.mark)
        if not self.body:
            raise BriefingError("a note needs at least one paragraph (an empty one for an empty note)")
        # Word, the XML contract and every writer have no place for a note in a note.
        if any(_holds_note(p.children) for p in self.body):
            raise BriefingError(
                "a note cannot hold another note", hint="put the inner note's text in the outer one"
            )


def _holds_note(items: tuple[Inline, ...]) -> bool:
    return any(isinstance(i, Note) or (isinstance(i, _Span) and _holds_note(i.children)) for i in items)


@record
class Heading:
    """The heading of a section: `<heading>`."""

    children: tuple[Inline, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "children", inlines(self.children))


@record
class Section:
    """A section: a heading and its blocks, possibly nested: `<section>`."""

    heading: Heading
    blocks: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "blocks", tuple(self.blocks))


@record
class Item:
    """One item of a list: `<item>`, holding blocks."""

    blocks: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "blocks", tuple(self.blocks))


@record
class ListBlock:
    """A bulleted or numbered list: `<list type="bullet|ordered">`."""

    items: tuple[Item, ...] = ()
    ordered: bool = False

    def __post_init__(self) -> None:
        _freeze(self, "items", tuple(self.items))


@record
class Cell:
    """A table cell: `<cell>`, holding blocks; `header` marks a header cell."""

    blocks: tuple[Block, ...] = ()
    header: bool = False

    def __post_init__(self) -> None:
        _freeze(self, "blocks", tuple(self.blocks))


@record
class Row:
    """A table row: `<row>`."""

    cells: tuple[Cell, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "cells", tuple(self.cells))


@record
class Table:
    """A table of rows: `<table>`."""

    rows: tuple[Row, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "rows", tuple(self.rows))


@record
class Source:
    """Provenance: the format, file name and sha256 of what was read."""

    format: str
    name: str
    sha256: str

    def __post_init__(self) -> None:
        _check_all(self, "source", "format", "name", "sha256", hint="rename the file")


@record
class Translation:
    """Marks a translation (after Akoma Ntoso's FRBRtranslation).

    A translation is never authoritative; the source-language original is.
    `machine` is true while any of it is machine output no person confirmed;
    a translation reviewed all through (an imported XLIFF) is not.
    """

    source_lang: str
    engine: str
    model: str
    model_version: str
    machine: bool = True

    def __post_init__(self) -> None:
        _check_all(self, "translation", "source_lang", "engine", "model", "model_version")


@record
class Meta:
    """What the document is: `<meta>`. The title lives here and only here.

    The title is plain text. Notes on the title (Word allows them in its
    Title paragraph) are `title_notes`, anchored at the end of the title.
    """

    title: str
    date: str | None = None
    kind: str | None = None
    refs: tuple[str, ...] = ()
    source: Source | None = None
    translation: Translation | None = None
    title_notes: tuple[Note, ...] = ()

    def __post_init__(self) -> None:
        _freeze(self, "refs", tuple(self.refs))
        _freeze(self, "title_notes", tuple(self.title_notes))
        _check_all(self, "document", "title", "date", "kind")
        for ref in self.refs:
            check_text(ref, "reference number")


@record
class Briefing:
    """A whole briefing: `<briefing xml:lang="...">`, with meta and body."""

    meta: Meta
    body: tuple[Block, ...] = ()
    lang: str = "nl"

    def __post_init__(self) -> None:
        _freeze(self, "body", tuple(self.body))
        check_text(self.lang, "document language")


def child_blocks(block: Block | Item | Cell | Note) -> tuple[Block, ...]:
    """The blocks directly inside a block-holding node, in order."""
    match block:
        case Section(blocks=blocks) | Item(blocks=blocks) | Cell(blocks=blocks):
            return blocks
        case ListBlock(items=items):
            return tuple(b for item in items for b in item.blocks)
        case Table(rows=rows):
            return tuple(b for row in rows for cell in row.cells for b in cell.blocks)
        case Note(body=body):
            return body
        case P():
            return ()
    raise TypeError(f"not a block: {block!r}")


def child_inlines(node: object) -> tuple[Inline, ...]:
    """The inline children of an inline container, or () for leaves."""
    if isinstance(node, (P, Heading, Emph, Strong, Sup, Sub, Link)):
        return node.children
    return ()


def plain_text(items: Iterable[Inline], notes: bool = False) -> str:
    """The text of inline content; note bodies are left out unless `notes`."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, LineBreak):
            parts.append("\n")
        elif isinstance(item, Note):
            if notes:
                parts.append(" ".join(plain_text(p.children) for p in item.body))
        else:
            parts.append(plain_text(child_inlines(item), notes))
    return "".join(parts)
