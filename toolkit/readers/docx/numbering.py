"""Which list numbers are bullets and which are numbers: `word/numbering.xml`."""

from __future__ import annotations

from lxml import etree

from toolkit.ooxml.ns import qn

UNORDERED = {"bullet", "none", ""}


class NumberingMap:
    """Answers: is list `numId` at level `ilvl` ordered?"""

    def __init__(self, root: etree._Element | None) -> None:
        self.formats: dict[tuple[str, str], str] = {}  # (numId, ilvl) -> numFmt
        if root is None:
            return
        abstract: dict[str, dict[str, str]] = {}
        for el in root.iter(qn("w:abstractNum")):
            abstract[el.get(qn("w:abstractNumId"), "")] = _levels(el)
        for num in root.iter(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val"), "") if ref is not None else "", {}))
            for override in num.iter(qn("w:lvlOverride")):
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels.update(_levels(override))
            for ilvl, fmt in levels.items():
                self.formats[(num_id, ilvl)] = fmt

    def ordered(self, num_id: str, ilvl: str) -> bool:
        return self.formats.get((num_id, ilvl), "bullet") not in UNORDERED


def _levels(parent: etree._Element) -> dict[str, str]:
    out = {}
    for lvl in parent.iter(qn("w:lvl")):
        fmt = lvl.find(qn("w:numFmt"))
        out[lvl.get(qn("w:ilvl"), "0")] = fmt.get(qn("w:val"), "") if fmt is not None else "decimal"
    return out
