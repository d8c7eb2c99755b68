"""Which list numbers are bullets and which are numbers: `word/numbering.xml`."""

from __future__ import annotations

from lxml import etree

from toolkit.readers.docx.ooxml import w

UNORDERED = {"bullet", "none", ""}


class NumberingMap:
    """Answers: is list `numId` at level `ilvl` ordered?"""

    def __init__(self, root: etree._Element | None) -> None:
        self.formats: dict[tuple[str, str], str] = {}  # (numId, ilvl) -> numFmt
        if root is None:
            return
        abstract: dict[str, dict[str, str]] = {}
        for el in root.iter(w("abstractNum")):
            abstract[el.get(w("abstractNumId"), "")] = _levels(el)
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"), "")
            ref = num.find(w("abstractNumId"))
            levels = dict(abstract.get(ref.get(w("val"), "") if ref is not None else "", {}))
            for override in num.iter(w("lvlOverride")):
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    levels.update(_levels(override))
            for ilvl, fmt in levels.items():
                self.formats[(num_id, ilvl)] = fmt

    def ordered(self, num_id: str, ilvl: str) -> bool:
        return self.formats.get((num_id, ilvl), "bullet") not in UNORDERED


def _levels(parent: etree._Element) -> dict[str, str]:
    out = {}
    for lvl in parent.iter(w("lvl")):
        fmt = lvl.find(w("numFmt"))
        out[lvl.get(w("ilvl"), "0")] = fmt.get(w("val"), "") if fmt is not None else "decimal"
    return out
