"""Paragraphs and tables to blocks: headings open sections, numbered paragraphs make lists.

Rules, in order, for each paragraph:
- Title style: the document title (the first one with text, in a body table or a text
  box too; it is not kept in the body);
- our "Machine Translation Notice" style: skipped, `meta.translation` says it;
- a heading style (`heading 1`, `Kop 1`, ...) or outline level: a section at
  that level, holding what follows until a heading of the same or a higher
  level;
- numbering (direct or from the style): a list item at level `ilvl`; a new
  `numId` at the same level starts a new list;
- "List Continue N": a further paragraph of the open item at level N-1;
- anything else with text: a paragraph. Empty paragraphs, empty headings and tables
  with nothing in any cell are spacing, and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from toolkit.model import (
    Block,
    Cell,
    Heading,
    Inline,
    Item,
    ListBlock,
    Note,
    P,
    Row,
    Section,
    Table,
    plain_text,
)
from toolkit.model.nodes import child_inlines
from toolkit.ooxml.ns import local_name, qn
from toolkit.readers.docx.inlines import InlineReader, Story
from toolkit.readers.docx.numbering import NumberingMap
from toolkit.readers.docx.scope import LEFT_OUT, chosen, warn_left_out

NOTICE_STYLE = "MachineTranslationNotice"
LIST_CONTINUE = re.compile(r"^list continue(?: ([1-9]))?$", re.IGNORECASE)


@dataclass
class _OpenList:
    num_id: str
    ilvl: int
    ordered: bool
    items: list[list[Block]] = field(default_factory=list)


class _Builder:
    """Collects blocks into nested sections and lists."""

    def __init__(self) -> None:
        self.root: list[Block] = []
        self.sections: list[tuple[int, Heading, list[Block]]] = []
        self.lists: list[_OpenList] = []

    def container(self) -> list[Block]:
        return self.sections[-1][2] if self.sections else self.root

    def block(self, block: Block) -> None:
        self.close_lists()
        self.container().append(block)

    def heading(self, level: int, children: tuple[Inline, ...]) -> None:
        self.close_lists()
        while self.sections and self.sections[-1][0] >= level:
            self._close_section()
        self.sections.append((level, Heading(children), []))

    def item(self, num_id: str, ilvl: int, ordered: bool, blocks: list[Block]) -> None:
        while self.lists and self.lists[-1].ilvl > ilvl:
            self._close_list()
        if self.lists and self.lists[-1].ilvl == ilvl:
            if self.lists[-1].num_id == num_id:
                self.lists[-1].items.append(blocks)
                return
            self._close_list()
        self.lists.append(_OpenList(num_id, ilvl, ordered, [blocks]))

    def continuation(self, ilvl: int, p: P) -> bool:
        """Add `p` to the open item at `ilvl`; False if there is none."""
        if not any(lst.ilvl == ilvl for lst in self.lists):
            return False
        while self.lists[-1].ilvl != ilvl:
            self._close_list()
        self.lists[-1].items[-1].append(p)
        return True

    def close_lists(self) -> None:
        while self.lists:
            self._close_list()

    def _close_list(self) -> None:
        lst = self.lists.pop()
        block = ListBlock(tuple(Item(tuple(b)) for b in lst.items), ordered=lst.ordered)
        if self.lists:
            self.lists[-1].items[-1].append(block)
        else:
            self.container().append(block)

    def _close_section(self) -> None:
        _, heading, blocks = self.sections.pop()
        self.container().append(Section(heading, tuple(blocks)))

    def finish(self) -> tuple[Block, ...]:
        self.close_lists()
        while self.sections:
            self._close_section()
        return tuple(self.root)


@dataclass
class TitleSlot:
    """The document title, once a Title paragraph has given it: shared with the cells of body tables."""

    text: str | None = None
    notes: tuple[Note, ...] = ()


class BlockReader:
    """Reads the block content of a story (the body, a table cell, a text box)."""

    def __init__(self, story: Story, numbering: NumberingMap, title: TitleSlot | None = None) -> None:
        self.story = story
        self.styles = story.styles
        self.numbering = numbering
        self.title = TitleSlot() if title is None else title

    def read(self, container: etree._Element, top: bool = False) -> tuple[Block, ...]:
        builder = _Builder()
        self._elements(container, builder, top)
        return builder.finish()

    def _elements(self, container: etree._Element, builder: _Builder, top: bool) -> None:
        for el in container:
            name = local_name(el.tag)
            if name == "p":
                self._paragraph(el, builder, top)
                extra, self.story.extra_blocks = self.story.extra_blocks, []
                for box_el in extra:  # text boxes found in that paragraph; a cover page's may hold the title
                    self._elements(etree_wrap(box_el), builder, top)
            elif name == "tbl":
                table = self._table(el, top)
                # A table with nothing in any cell (a letterhead layout once its title is
                # taken out, or spacing) is left out, as an empty paragraph is.
                if any(cell.blocks for row in table.rows for cell in row.cells):
                    builder.block(table)
            elif name in ("sdt",):
                content = el.find(qn("w:sdtContent"))
                if content is not None:
                    self._elements(content, builder, top)
            elif name == "AlternateContent":
                branch = chosen(el)
                if branch is not None:
                    self._elements(branch, builder, top)
            elif name in ("customXml", "ins", "moveTo"):
                self._elements(el, builder, top)
            elif el.tag in LEFT_OUT:
                warn_left_out(el, self.story.warn)
            elif name == "altChunk":
                self.story.warn("embedded documents (altChunk) are not read")
            elif name in ("r", "oMathPara", "oMath"):
                # Runs straight in a block-level insertion, or an equation on its own line:
                # a paragraph of their own.
                children = InlineReader(self.story).paragraph(etree_wrap(el))
                if children:
                    builder.block(P(children))
            elif name not in _BLOCK_MARKS and name:
                # Read an unknown wrapper like a known one, so that the paragraphs
                # and note references inside are kept, as inline wrappers are.
                self.story.warn(
                    f"unsupported element <{el.prefix or 'w'}:{name}> in the body; its content is read as is"
                )
                self._elements(el, builder, top)

    def _paragraph(self, p: etree._Element, builder: _Builder, top: bool) -> None:
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        sid = style_el.get(qn("w:val")) if style_el is not None else self.styles.default_paragraph
        children = InlineReader(self.story).paragraph(p)
        text = _one_line(plain_text(children))
        notes = tuple(_notes(children))
        if top and self.title.text is None and self.styles.is_title(sid):
            if text or notes:  # an empty Title paragraph is spacing, as any empty paragraph
                self.title.text, self.title.notes = text, notes
                if notes and text != _one_line(plain_text(children[: _last_note(children)])):
                    self.story.warn("a note inside the title is kept at the end of the title")
            return
        if sid == NOTICE_STYLE:
            return
        outline_el = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        value = outline_el.get(qn("w:val"), "") if outline_el is not None else ""
        outline = int(value) if value.isdigit() else None
        level = self.styles.heading_level(sid, outline)
        if level is not None:
            # An empty heading (a page break or a bookmark in Kop 1) heads nothing, as in Word's outline.
            if text or notes:
                builder.heading(level, children)
            return
        numpr = self._numpr(ppr, sid)
        if numpr is not None:
            num_id, ilvl = numpr
            ordered = self.numbering.ordered(num_id, str(ilvl))
            builder.item(num_id, ilvl, ordered, [P(children)] if children else [])
            return
        m = LIST_CONTINUE.match(self.styles.name(sid))
        if children and m and builder.continuation(int(m[1] or 1) - 1, P(children)):
            return
        if children:
            builder.block(P(children))

    def _numpr(self, ppr: etree._Element | None, sid: str | None) -> tuple[str, int] | None:
        num_id, ilvl = None, None
        direct = ppr.find(qn("w:numPr")) if ppr is not None else None
        if direct is not None:
            n, i = direct.find(qn("w:numId")), direct.find(qn("w:ilvl"))
            num_id = n.get(qn("w:val")) if n is not None else None
            ilvl = i.get(qn("w:val")) if i is not None else None
        if num_id is None:
            from_style = self.styles.numpr(sid)
            if from_style is not None:
                num_id, ilvl = from_style[0], ilvl or from_style[1]
        if num_id is None or num_id == "0":  # numId 0 means "no numbering"
            return None
        return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0

    def _table(self, tbl: etree._Element, top: bool) -> Table:
        """A table; in the body (`top`), a Title paragraph in a cell (a letterhead layout) is the title."""
        rows = []
        for tr in _unwrapped(tbl, "tr"):
            trpr = tr.find(qn("w:trPr"))
            header_row = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
            cells = []
            for tc in _unwrapped(tr, "tc"):
                tcpr = tc.find(qn("w:tcPr"))
                if tcpr is not None and (
                    tcpr.find(qn("w:gridSpan")) is not None or tcpr.find(qn("w:vMerge")) is not None
                ):
                    self.story.warn("merged table cells are read as separate cells")
                first = tc.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pStyle')}")
                header = header_row or (first is not None and first.get(qn("w:val")) == "TableHeading")
                reader = BlockReader(self.story, self.numbering, self.title)
                cells.append(Cell(reader.read(tc, top), header=header))
            rows.append(Row(tuple(cells)))
        return Table(tuple(rows))


# Block-level marks with no content of their own: ranges, bookmarks, section and cell properties.
_BLOCK_MARKS = {
    "sectPr",
    "tcPr",
    "bookmarkStart",
    "bookmarkEnd",
    "commentRangeStart",
    "commentRangeEnd",
    "permStart",
    "permEnd",
    "proofErr",
    "moveFromRangeStart",
    "moveFromRangeEnd",
    "moveToRangeStart",
    "moveToRangeEnd",
    "customXmlInsRangeStart",
    "customXmlInsRangeEnd",
    "customXmlDelRangeStart",
    "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart",
    "customXmlMoveFromRangeEnd",
    "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd",
    "sdtPr",
    "sdtEndPr",
    "customXmlPr",
}

# Content controls and custom XML may wrap rows and cells; they are not rows themselves.
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}


def _unwrapped(parent: etree._Element, local: str) -> list[etree._Element]:
    """The `w:tr` of a table or the `w:tc` of a row, also those inside wrappers (not nested tables)."""
    found = []
    for child in parent:
        if child.tag == qn(f"w:{local}"):
            found.append(child)
        elif child.tag in _WRAPPERS:
            found.extend(_unwrapped(child, local))
        elif child.tag == qn("mc:AlternateContent") and (branch := chosen(child)) is not None:
            found.extend(_unwrapped(branch, local))
    return found


def _one_line(text: str) -> str:
    """Text as a title holds it: a line break or tab is a space, the ends are trimmed."""
    return text.replace("\n", " ").replace("\t", " ").strip()


def _notes(items: tuple[Inline, ...]) -> list[Note]:
    """The notes in inline content, at any depth, in order."""
    out: list[Note] = []
    for item in items:
        if isinstance(item, Note):
            out.append(item)
        elif not isinstance(item, str):
            out.extend(_notes(child_inlines(item)))
    return out


def _last_note(items: tuple[Inline, ...]) -> int:
    """The index just after the last top-level item that is or holds a note."""
    return max((i + 1 for i, item in enumerate(items) if _notes((item,))), default=0)


def etree_wrap(el: etree._Element) -> list[etree._Element]:
    """A one-element sequence, so a lone text-box paragraph reads like a container."""
    return [el]
