"""Page size and margins, and the header (title) and footer (page X of Y) from the house style."""

from __future__ import annotations

import re

from lxml import etree

from toolkit.ooxml.ns import qn
from toolkit.style import Style
from toolkit.writers.docx.elements import hex_color, sub

_FIELD = re.compile(r"\{(page|pages|title)\}")
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}


def setup_page(sect_pr: etree._Element, style: Style) -> int:
    """Set `w:pgSz` and `w:pgMar` of the template's section; return the text width in twips."""
    width, height = style.page.size_mm
    p = style.page
    size = _child(sect_pr, "w:pgSz")
    size.set(qn("w:w"), _twips(width))
    size.set(qn("w:h"), _twips(height))
    margins = _child(sect_pr, "w:pgMar")
    for side, mm in (
        ("top", p.margin_top_mm),
        ("right", p.margin_right_mm),
        ("bottom", p.margin_bottom_mm),
        ("left", p.margin_left_mm),
    ):
        margins.set(qn(f"w:{side}"), _twips(mm))
    return round((width - p.margin_left_mm - p.margin_right_mm) / 25.4 * 1440)


def header_footer(
    hdr: etree._Element, ftr: etree._Element, style: Style, title: str, page_label: str
) -> None:
    """Fill the template's `w:hdr` with the title over a rule, its `w:ftr` with `Pagina {PAGE} van {NUMPAGES}`.

    Both hold one empty paragraph in the Header / Footer style, which the
    template's `w:sectPr` already references.
    """
    rule = hex_color(style.header_footer.rule_color)
    head = _child(hdr, "w:p")
    sub(sub(_ppr(head), "w:pBdr"), "w:bottom", val="single", sz="4", space="1", color=rule)
    _text_run(head, title)
    foot = _child(ftr, "w:p")
    sub(_ppr(head), "w:jc", val="left")
    sub(_ppr(foot), "w:jc", val="right")
    for i, piece in enumerate(_FIELD.split(page_label)):
        if i % 2 == 0:
            _text_run(foot, piece)
        elif piece == "title":
            _text_run(foot, title)
        else:
            # A simple field: Word and LibreOffice compute it; "1" shows until they do.
            field = sub(foot, "w:fldSimple", instr=f" {_FIELDS[piece]} ")
            _text_run(field, "1")


def _twips(mm: float) -> str:
    # Through whole EMUs (36000 per mm, 635 per twip), as python-docx rounded,
    # so that page sizes stay what earlier versions wrote.
    return str(round(int(mm * 36000) / 635))


def _child(parent: etree._Element, tag: str) -> etree._Element:
    el = parent.find(qn(tag))
    return sub(parent, tag) if el is None else el


def _ppr(p: etree._Element) -> etree._Element:
    # w:pPr is always a paragraph's first child.
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    return ppr


def _text_run(parent: etree._Element, text: str) -> None:
    if not text:
        return
    t = sub(sub(parent, "w:r"), "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
