"""The canonical briefing XML: a deterministic serialiser and its parser.

The two are a matched pair: `parse(serialise(doc)) == doc`, and the same
document always gives the same bytes. Block structure is indented; inline
content is written exactly as it is, because whitespace in it is text.
"""

from __future__ import annotations

from typing import assert_never

from lxml import etree

from toolkit.errors import BriefingError, BriefingWarning, Location, Warn, python_warning
from toolkit.model.format_version import check_version, version_for
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
)
from toolkit.model.walk import NoteNumbers
from toolkit.safexml import parse_xml

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SPANS: dict[str, type[Emph | Strong | Sup | Sub]] = {
    "em": Emph,
    "strong": Strong,
    "sup": Sup,
    "sub": Sub,
}
_SPAN_TAGS = {cls: tag for tag, cls in _SPANS.items()}


# --- serialise ---------------------------------------------------------------


def serialise(doc: Briefing) -> bytes:
    """The canonical XML bytes of `doc` (UTF-8, with declaration, final newline)."""
    numbers = NoteNumbers(doc)  # display numbers by position, as Word counts
    root = etree.Element("briefing", {"version": version_for(doc), XML_LANG: doc.lang})
    root.append(_meta(doc.meta, numbers))
    body = etree.SubElement(root, "body")
    for block in doc.body:
        body.append(_block(block, numbers))
    _indent(root, 0)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _text_element(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text


def _meta(meta: Meta, numbers: NoteNumbers) -> etree._Element:
    el = etree.Element("meta")
    _text_element(el, "title", meta.title)
    for note in meta.title_notes:  # after the title's text: that is their anchor
        el[-1].append(_inline(note, numbers))
    if meta.date is not None:
        _text_element(el, "date", meta.date)
    if meta.kind is not None:
        _text_element(el, "kind", meta.kind)
    for ref in meta.refs:
        _text_element(el, "ref", ref)
    if meta.source is not None:
        s = meta.source
        etree.SubElement(el, "source", {"format": s.format, "name": s.name, "sha256": s.sha256})
    if meta.translation is not None:
        t = meta.translation
        etree.SubElement(
            el,
            "translation",
            {
                "from": t.source_lang,
                "engine": t.engine,
                "model": t.model,
                "model-version": t.model_version,
                "machine": "true" if t.machine else "false",
                "authoritative": "false",
            },
        )
    return el


def _block(block: Block, numbers: NoteNumbers) -> etree._Element:
    match block:
        case P():
            el = etree.Element("p")
            _fill_inlines(el, block.children, numbers)
        case Section():
            el = etree.Element("section")
            heading = etree.SubElement(el, "heading")
            _fill_inlines(heading, block.heading.children, numbers)
            for child in block.blocks:
                el.append(_block(child, numbers))
        case ListBlock():
            el = etree.Element("list", {"type": "ordered" if block.ordered else "bullet"})
            for item in block.items:
                item_el = etree.SubElement(el, "item")
                for child in item.blocks:
                    item_el.append(_block(child, numbers))
        case Table():
            el = etree.Element("table")
            for row in block.rows:
                row_el = etree.SubElement(el, "row")
                for cell in row.cells:
                    cell_el = etree.SubElement(row_el, "cell", {"header": "true"} if cell.header else {})
                    for child in cell.blocks:
                        cell_el.append(_block(child, numbers))
        case _:
            assert_never(block)
    return el


def _fill_inlines(parent: etree._Element, items: tuple[Inline, ...], numbers: NoteNumbers) -> None:
    last: etree._Element | None = None
    for item in items:
        if isinstance(item, str):
            if last is None:
                parent.text = (parent.text or "") + item
            else:
                last.tail = (last.tail or "") + item
            continue
        last = _inline(item, numbers)
        parent.append(last)


def _inline(item: Inline, numbers: NoteNumbers) -> etree._Element:
    match item:
        case Emph() | Strong() | Sup() | Sub():
            el = etree.Element(_SPAN_TAGS[type(item)])
            _fill_inlines(el, item.children, numbers)
        case Link():
            el = etree.Element("a", {"href": item.href})
            _fill_inlines(el, item.children, numbers)
        case LineBreak():
            el = etree.Element("br")
        case Note():
            attrs: dict[str, str] = {}
            if item.kind != "footnote":
                attrs["kind"] = item.kind
            # `n` is informative, for tools outside the package: it is
            # recomputed on every write and ignored on read. A marked note has none.
            number = numbers.take(item)
            if number is not None:
                attrs["n"] = str(number)
            if item.mark is not None:
                attrs["mark"] = item.mark
            if item.source_id is not None:
                attrs["source-id"] = item.source_id
            el = etree.Element("note", attrs)
            for p in item.body:
                p_el = etree.SubElement(el, "p")
                _fill_inlines(p_el, p.children, numbers)
        case str():
            raise TypeError("text is not an element")
        case _:
            assert_never(item)
    return el


_BLOCK_HOLDERS = {"briefing", "meta", "body", "section", "list", "item", "table", "row", "cell"}


def _indent(el: etree._Element, level: int) -> None:
    """Indent block structure only; inline content keeps its exact text."""
    if el.tag not in _BLOCK_HOLDERS or len(el) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


# --- parse -------------------------------------------------------------------


def parse(data: bytes, path: str | None = None, warn: Warn = python_warning) -> Briefing:
    """Parse briefing XML into the model; errors name the file and line.

    A file of a newer minor version of the format is read, with a warning to `warn`.
    """
    root = parse_xml(data, path)
    minor = check_version(root, path)
    if minor > FORMAT_MINOR:
        warn(
            BriefingWarning(
                f"briefing format version {root.get('version')} is newer than this toolkit's "
                f"{FORMAT_VERSION}.{FORMAT_MINOR}: what it added will be refused (upgrade the toolkit)",
                Location(path, root.sourceline),
            )
        )
    return _Parser(path).briefing(root)


class _Parser:
    def __init__(self, path: str | None) -> None:
        self.path = path

    def fail(self, el: etree._Element, message: str) -> BriefingError:
        return BriefingError(message, path=self.path, line=el.sourceline)

    def briefing(self, root: etree._Element) -> Briefing:
        lang = root.get(XML_LANG)
        if not lang:
            raise self.fail(root, "<briefing> has no xml:lang")
        children = self.elements(root)
        if [c.tag for c in children] != ["meta", "body"]:
            raise self.fail(root, "<briefing> must hold <meta> then <body>")
        meta_el, body_el = children
        return Briefing(self.meta(meta_el), self.blocks(body_el), lang)

    def elements(self, el: etree._Element) -> list[etree._Element]:
        """Child elements of a block holder; stray text there is an error."""
        if el.text and el.text.strip():
            raise self.fail(el, f"unexpected text in <{el.tag}>: {el.text.strip()[:40]!r}")
        out = []
        for child in el:
            if not isinstance(child.tag, str):  # comments, processing instructions
                continue
            if child.tail and child.tail.strip():
                raise self.fail(child, f"unexpected text after <{child.tag}>: {child.tail.strip()[:40]!r}")
            out.append(child)
        return out

    def meta(self, el: etree._Element) -> Meta:
        fields: dict[str, object] = {"refs": []}
        for child in self.elements(el):
            match child.tag:
                case "title":
                    if "title" in fields:
                        raise self.fail(child, "<title> appears twice in <meta>")
                    fields["title"], fields["title_notes"] = self.title(child)
                case "date" | "kind":
                    if child.tag in fields:
                        raise self.fail(child, f"<{child.tag}> appears twice in <meta>")
                    fields[child.tag] = self.plain(child)
                case "ref":
                    fields["refs"].append(self.plain(child))  # type: ignore[attr-defined]
                case "source":
                    fields["source"] = Source(
                        self.attr(child, "format"), self.attr(child, "name"), self.attr(child, "sha256")
                    )
                case "translation":
                    fields["translation"] = Translation(
                        self.attr(child, "from"),
                        self.attr(child, "engine"),
                        self.attr(child, "model"),
                        self.attr(child, "model-version"),
                        child.get("machine", "true") != "false",
                    )
                case _:
                    raise self.fail(child, f"unknown element <{child.tag}> in <meta>")
        if "title" not in fields:
            raise self.fail(el, "<meta> has no <title>")
        return Meta(**fields)  # type: ignore[arg-type]

    def attr(self, el: etree._Element, name: str) -> str:
        value = el.get(name)
        if value is None:
            raise self.fail(el, f"<{el.tag}> needs the attribute {name}")
        return value

    def title(self, el: etree._Element) -> tuple[str, tuple[Note, ...]]:
        """The title's text, and the notes that follow it."""
        notes = []
        for child in el:
            if child.tag != "note":
                raise self.fail(child, f"<{child.tag}> inside <title>; a title holds text and <note>s")
            if child.tail and child.tail.strip():
                raise self.fail(child, "text after a <note> in <title>; a title's notes come at its end")
            notes.append(self.inline(child, in_note=False))
        return el.text or "", tuple(notes)  # type: ignore[arg-type]

    def plain(self, el: etree._Element) -> str:
        if len(el):
            raise self.fail(el, f"<{el.tag}> holds text only")
        return el.text or ""

    def blocks(self, el: etree._Element) -> tuple[Block, ...]:
        return tuple(self.block(child) for child in self.elements(el))

    def block(self, el: etree._Element) -> Block:
        match el.tag:
            case "p":
                return P(self.inlines(el))
            case "section":
                children = self.elements(el)
                if not children or children[0].tag != "heading":
                    raise self.fail(el, "<section> must start with <heading>")
                heading = Heading(self.inlines(children[0]))
                return Section(heading, tuple(self.block(c) for c in children[1:]))
            case "list":
                kind = el.get("type", "bullet")
                if kind not in ("bullet", "ordered"):
                    raise self.fail(el, f"<list type={kind!r}>: type must be bullet or ordered")
                items = []
                for child in self.elements(el):
                    if child.tag != "item":
                        raise self.fail(child, f"<{child.tag}> inside <list>; expected <item>")
                    items.append(Item(self.blocks(child)))
                return ListBlock(tuple(items), ordered=kind == "ordered")
            case "table":
                return Table(tuple(self.row(child) for child in self.elements(el)))
            case _:
                raise self.fail(el, f"unknown block element <{el.tag}>")

    def row(self, el: etree._Element) -> Row:
        if el.tag != "row":
            raise self.fail(el, f"<{el.tag}> inside <table>; expected <row>")
        cells = []
        for child in self.elements(el):
            if child.tag != "cell":
                raise self.fail(child, f"<{child.tag}> inside <row>; expected <cell>")
            cells.append(Cell(self.blocks(child), header=child.get("header") == "true"))
        return Row(tuple(cells))

    def inlines(self, el: etree._Element, in_note: bool = False) -> tuple[Inline, ...]:
        items: list[Inline] = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str):
                items.append(self.inline(child, in_note))
            items.append(child.tail or "")
        return tuple(items)

    def inline(self, el: etree._Element, in_note: bool) -> Inline:
        match el.tag:
            case "em" | "strong" | "sup" | "sub":
                return _SPANS[el.tag](self.inlines(el, in_note))
            case "a":
                return Link(self.inlines(el, in_note), href=self.attr(el, "href"))
            case "br":
                return LineBreak()
            case "note":
                if in_note:
                    raise self.fail(el, "a <note> cannot hold another <note>")
                kind = el.get("kind", "footnote")
                if kind not in ("footnote", "endnote"):
                    raise self.fail(el, f"<note kind={kind!r}>: kind must be footnote or endnote")
                body = []
                for child in self.elements(el):
                    if child.tag != "p":
                        raise self.fail(child, f"<{child.tag}> inside <note>; a note holds <p>")
                    body.append(P(self.inlines(child, in_note=True)))
                if not body:
                    raise self.fail(el, "<note> has no <p>")
                mark = el.get("mark")
                if mark is not None:
                    try:
                        check_mark(mark)
                    except BriefingError as exc:
                        raise self.fail(el, f"<note mark>: {exc.message}") from None
                return Note(tuple(body), el.get("source-id"), kind, mark)  # type: ignore[arg-type]
            case _:
                raise self.fail(el, f"unknown inline element <{el.tag}>")
