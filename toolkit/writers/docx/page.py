"""Page size and margins, the headers (title block on page 1, title after) and footers (page X of Y)."""

from __future__ import annotations

import copy
import posixpath
import re

from lxml import etree

from toolkit.model import Briefing
from toolkit.ooxml.ns import nsmap, qn
from toolkit.ooxml.parts import PN
from toolkit.style import Style
from toolkit.writers.docx.elements import hex_color, sub
from toolkit.writers.docx.package import Package, Part

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
    # Where the PDF draws its header and footer: header_mm from the top, the footer's
    # baseline halfway down the bottom margin.
    margins.set(qn("w:header"), _twips(p.header_mm))
    margins.set(qn("w:footer"), _twips(max(p.margin_bottom_mm / 2 - 2.5, 0)))
    return text_width(style)


HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
FOOTER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
HEADER_RT = f"{nsmap['r']}/header"
FOOTER_RT = f"{nsmap['r']}/footer"


def header_footer(package: Package, main: Part, sect_pr: etree._Element, style: Style, doc: Briefing) -> None:
    """The page furniture of the PDF (pdf/template.py), as Word headers and footers.

    Pages 2 and on: the title over a rule in the header. Page 1 (`w:titlePg`): the title
    block in the header instead (kind, date and references, as the PDF prints them there),
    or nothing; the title itself opens the text. Every footer: the machine-translation
    mark (a translation) on the left, `Pagina {PAGE} van {NUMPAGES}` on the right.
    """
    labels = style.labels_for(doc.lang)
    rule = hex_color(style.header_footer.rule_color)
    hdr = package.part(PN.HEADER).element
    head = _child(hdr, "w:p")
    sub(sub(_ppr(head), "w:pBdr"), "w:bottom", val="single", sz="4", space="1", color=rule)
    _text_run(head, doc.meta.title)
    sub(_ppr(head), "w:jc", val="left")

    first = copy.deepcopy(hdr)
    for p in first.findall(qn("w:p")):
        first.remove(p)
    lines = style.title_block(doc.lang, doc.meta.kind, doc.meta.date, doc.meta.refs)
    for i, line in enumerate(lines or ("",)):
        p = sub(first, "w:p")
        ppr = sub(p, "w:pPr")
        sub(ppr, "w:pStyle", val="Header")
        if i == len(lines) - 1:
            sub(sub(ppr, "w:pBdr"), "w:bottom", val="single", sz="4", space="3", color=rule)
        run = sub(p, "w:r")
        rpr = sub(run, "w:rPr")
        if i == 0 and (doc.meta.kind or "").strip():
            sub(rpr, "w:b")
        sub(rpr, "w:sz", val=str(round((style.header_footer.size_pt + 1) * 2)))
        t = sub(run, "w:t")
        t.text = line
        t.set(qn("xml:space"), "preserve")

    ftr = package.part(PN.FOOTER).element
    foot = _child(ftr, "w:p")
    width = text_width(style)
    tabs = sub(_ppr(foot), "w:tabs")
    sub(tabs, "w:tab", val="right", pos=str(width))
    if (notice := labels.notice(doc.meta.translation)) is not None:
        _text_run(foot, notice)
    sub(sub(foot, "w:r"), "w:tab")
    for i, piece in enumerate(_FIELD.split(labels.page)):
        if i % 2 == 0:
            _text_run(foot, piece)
        elif piece == "title":
            _text_run(foot, doc.meta.title)
        else:
            # A simple field: Word and LibreOffice compute it; "1" shows until they do.
            field = sub(foot, "w:fldSimple", instr=f" {_FIELDS[piece]} ")
            _text_run(field, "1")

    first_header = Part.of("word/header2.xml", HEADER_CT, first)
    first_footer = Part.of("word/footer2.xml", FOOTER_CT, copy.deepcopy(ftr))
    for part, reltype, tag in (
        (first_header, HEADER_RT, "w:headerReference"),
        (first_footer, FOOTER_RT, "w:footerReference"),
    ):
        package.add(main, part, reltype)
        ref = etree.Element(qn(tag))
        ref.set(qn("w:type"), "first")
        ref.set(qn("r:id"), main.rels.relate(reltype, posixpath.basename(part.name)))
        sect_pr.insert(0, ref)
    grid = sect_pr.find(qn("w:docGrid"))
    title_pg = etree.Element(qn("w:titlePg"))
    if grid is not None:
        grid.addprevious(title_pg)
    else:
        sect_pr.append(title_pg)


def text_width(style: Style) -> int:
    """The width of the text column in twips."""
    width, _ = style.page.size_mm
    return round((width - style.page.margin_left_mm - style.page.margin_right_mm) / 25.4 * 1440)


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
