"""Page size and margins, and the header (title) and footer (page X of Y) from the house style."""

from __future__ import annotations

import re

from docx.section import Section as DocxSection
from docx.shared import Mm
from lxml import etree

from toolkit.style import Style
from toolkit.writers.docx.ooxml import hex_color, sub

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
_FIELD = re.compile(r"\{(page|pages|title)\}")
_FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}


def setup_page(section: DocxSection, style: Style) -> int:
    """Apply page size and margins; return the text width in twips."""
    width, height = PAGE_SIZES_MM.get(style.page.size.upper(), PAGE_SIZES_MM["A4"])
    p = style.page
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(p.margin_top_mm), Mm(p.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(p.margin_left_mm), Mm(p.margin_right_mm)
    return round((width - p.margin_left_mm - p.margin_right_mm) / 25.4 * 1440)


def header_footer(section: DocxSection, style: Style, title: str, page_label: str) -> None:
    """A header with the title over a rule, and a footer `Pagina {PAGE} van {NUMPAGES}`."""
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    rule = hex_color(style.header_footer.rule_color)
    head = section.header.paragraphs[0]._p
    border = sub(
        sub(head.get_or_add_pPr(), "w:pBdr"), "w:bottom", val="single", sz="4", space="1", color=rule
    )
    del border
    _text_run(head, title)
    foot = section.footer.paragraphs[0]._p
    sub(head.get_or_add_pPr(), "w:jc", val="left")
    sub(foot.get_or_add_pPr(), "w:jc", val="right")
    for i, piece in enumerate(_FIELD.split(page_label)):
        if i % 2 == 0:
            _text_run(foot, piece)
        elif piece == "title":
            _text_run(foot, title)
        else:
            # A simple field: Word and LibreOffice compute it; "1" shows until they do.
            field = sub(foot, "w:fldSimple", instr=f" {_FIELDS[piece]} ")
            _text_run(field, "1")


def _text_run(parent: etree._Element, text: str) -> None:
    if not text:
        return
    t = sub(sub(parent, "w:r"), "w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
