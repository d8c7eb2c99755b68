"""Numbering definitions for lists: one abstract bullet and one abstract decimal scheme."""

from __future__ import annotations

from lxml import etree

from toolkit.ooxml.ns import qn
from toolkit.writers.docx.elements import sub, twips

_BULLET_AT = 1.5 * 72 / 25.4  # points

ORDERED_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
LEVELS = 9


class Numbering:
    """Adds list definitions to `word/numbering.xml`, one `w:num` per list.

    Each list gets its own `w:num` with a start override on every level, so
    that two ordered lists in a row each start at 1: `w:num`s that share an
    abstract definition otherwise continue each other's count.
    """

    def __init__(
        self, root: etree._Element, bullets: tuple[str, ...] = ("\u2022",), indent_pt: float = 17
    ) -> None:
        self.root = root
        self.bullets = bullets  # by depth, from the house style (the PDF's bullets)
        self.indent = indent_pt  # per level: the item text's indent
        abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in root.iter(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in root.iter(qn("w:num"))]
        self.next_abstract = max(abstract_ids, default=-1) + 1
        self.next_num = max(num_ids, default=0) + 1
        self.abstract: dict[bool, int] = {}

    def new_list(self, ordered: bool) -> int:
        """A fresh `w:numId` for one list."""
        abstract_id = self.abstract.get(ordered)
        if abstract_id is None:
            abstract_id = self.abstract[ordered] = self._add_abstract(ordered)
        num_id = self.next_num
        self.next_num += 1
        num = sub(self.root, "w:num", numId=str(num_id))
        sub(num, "w:abstractNumId", val=str(abstract_id))
        if ordered:
            for level in range(LEVELS):
                override = sub(num, "w:lvlOverride", ilvl=str(level))
                sub(override, "w:startOverride", val="1")
        return num_id

    def _add_abstract(self, ordered: bool) -> int:
        abstract_id = self.next_abstract
        self.next_abstract += 1
        abstract = etree.Element(qn("w:abstractNum"))
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        sub(abstract, "w:multiLevelType", val="hybridMultilevel")
        for level in range(LEVELS):
            lvl = sub(abstract, "w:lvl", ilvl=str(level))
            sub(lvl, "w:start", val="1")
            # The PDF's grid (pdf/styles.py): the text at one indent per level, a bullet 1.5 mm
            # in from the level before, a number right-aligned 1.5 mm before the text.
            text_at = self.indent * (level + 1)
            if ordered:
                sub(lvl, "w:numFmt", val=ORDERED_FORMATS[level % 3])
                sub(lvl, "w:lvlText", val=f"%{level + 1}.")
                sub(lvl, "w:lvlJc", val="right")
                ppr = sub(lvl, "w:pPr")
                sub(ppr, "w:ind", left=twips(text_at), hanging=twips(_BULLET_AT))
            else:
                sub(lvl, "w:numFmt", val="bullet")
                sub(lvl, "w:lvlText", val=self.bullets[min(level, len(self.bullets) - 1)])
                sub(lvl, "w:lvlJc", val="left")
                ppr = sub(lvl, "w:pPr")
                sub(ppr, "w:ind", left=twips(text_at), hanging=twips(self.indent - _BULLET_AT))
        # The schema puts every abstractNum before the first num.
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        return abstract_id
