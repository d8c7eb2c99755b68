"""The document model, its canonical XML and the schema: start reading here."""

from toolkit.model.nodes import (
    FORMAT_MINOR,
    FORMAT_VERSION,
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
    Meta,
    Note,
    NoteKind,
    P,
    Row,
    Section,
    Source,
    Strong,
    Sub,
    Sup,
    Table,
    Translation,
    check_mark,
    inlines,
    plain_text,
)
from toolkit.model.walk import NoteNumbers, Step, iter_notes, note_label, walk

# Not imported here: `parse` and `serialise` need lxml, which costs a command
# that never touches XML (POI text to PDF) 15-40 ms to load. They are found on
# first use instead (PEP 562).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from toolkit.model.xmlio import parse, serialise


def __getattr__(name: str) -> object:
    if name in ("parse", "serialise"):
        from toolkit.model import xmlio

        return getattr(xmlio, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMAT_MINOR",
    "FORMAT_VERSION",
    "Block",
    "Briefing",
    "Cell",
    "Emph",
    "Heading",
    "Inline",
    "Item",
    "LineBreak",
    "Link",
    "ListBlock",
    "Meta",
    "Note",
    "NoteKind",
    "NoteNumbers",
    "P",
    "Row",
    "Section",
    "Source",
    "Step",
    "Strong",
    "Sub",
    "Sup",
    "Table",
    "Translation",
    "check_mark",
    "inlines",
    "iter_notes",
    "note_label",
    "parse",
    "plain_text",
    "serialise",
    "walk",
]
