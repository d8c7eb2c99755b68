"""The house style as Word styles: Normal, Title, Heading 1-9, footnotes, lists, tables."""

from __future__ import annotations

from lxml import etree

from toolkit.ooxml.ns import qn
from toolkit.record import record
from toolkit.style import Style
from toolkit.writers.docx.elements import half_points, hex_color, sub, twips, word_lang

HEADING_LEVELS = 9
LIST_LEVELS = 9
# Template styles Word expects to find: the defaults for runs, tables and lists.
_KEPT = {"DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}


@record
class _Def:
    """One style definition; pPr/rPr children in schema order."""

    kind: str  # paragraph | character
    style_id: str
    name: str
    based_on: str | None = None
    outline: int | None = None  # 0-based outline level, for headings
    keep_next: bool = False
    space_before: float | None = None
    space_after: float | None = None
    line: float | None = None  # the line step in points, as the PDF's leading
    indent_left: float | None = None  # points
    hanging: float | None = None  # points: the first line starts this much left of the rest
    align: str | None = None  # w:jc
    band: str | None = None  # a fill colour: the paragraph is a shaded band (the machine-translation notice)
    bold: bool = False
    italic: bool = False
    color: str | None = None
    size: float | None = None
    vert: str | None = None
    underline: bool = False


def list_continue_id(level: int) -> str:
    """Style id of Word's "List Continue" (level 1) .. "List Continue 9"."""
    return "ListContinue" if level == 1 else f"ListContinue{level}"


def _definitions(style: Style) -> list[_Def]:
    # Line steps are those of the PDF writer (pdf/styles.py): size x line_spacing for the
    # body, 1.25 for headings and table text, 1.2 for the title.
    body, fn, hd = style.body, style.footnote, style.heading
    defs = [
        _Def(
            "paragraph",
            "Normal",
            "Normal",
            space_after=body.space_after_pt,
            line=body.size_pt * body.line_spacing,
            color=body.color,
            size=body.size_pt,
        ),
        _Def(
            "paragraph",
            "Title",
            "Title",
            "Normal",
            keep_next=True,
            space_after=style.title.space_after_pt,
            line=style.title.size_pt * 1.2,
            bold=True,
            color=style.title.color,
            size=style.title.size_pt,
        ),
        _Def(
            "paragraph",
            "MachineTranslationNotice",
            "Machine Translation Notice",
            "Normal",
            space_before=4 + 4,
            space_after=style.title.space_after_pt + 4,
            indent_left=6,
            bold=True,
            color=style.title.color,
            band=style.table.header_fill,
        ),
    ]
    for level in range(1, HEADING_LEVELS + 1):
        defs.append(
            _Def(
                "paragraph",
                f"Heading{level}",
                f"heading {level}",
                "Normal",
                outline=level - 1,
                keep_next=True,
                space_before=hd.space_before_pt,
                space_after=hd.space_after_pt,
                line=hd.size_for(level) * 1.25,
                bold=True,
                color=hd.color,
                size=hd.size_for(level),
            )
        )
    for kind in ("footnote", "endnote"):
        cap = kind.capitalize()
        defs.append(
            _Def(
                "paragraph",
                f"{cap}Text",
                f"{kind} text",
                "Normal",
                space_after=fn.paragraph_space_pt,
                line=fn.size_pt * fn.line_spacing,
                indent_left=fn.hanging_mm * 72 / 25.4,
                size=fn.size_pt,
            )
        )
        defs.append(_Def("character", f"{cap}Reference", f"{kind} reference", vert="superscript"))
    defs.append(_Def("character", "Hyperlink", "Hyperlink", color=style.title.color, underline=True))
    half = body.space_after_pt / 2
    indent = style.list.indent_mm * 72 / 25.4
    defs.append(_Def("paragraph", "ListParagraph", "List Paragraph", "Normal", space_after=half))
    for level in range(1, LIST_LEVELS + 1):
        name = "List Continue" if level == 1 else f"List Continue {level}"
        defs.append(
            _Def(
                "paragraph",
                list_continue_id(level),
                name,
                "Normal",
                space_after=half,
                indent_left=indent * level,
            )
        )
    defs.append(
        _Def(
            "paragraph",
            "TableText",
            "Table Text",
            "Normal",
            space_after=0,
            line=style.table.size_pt * 1.25,
            size=style.table.size_pt,
        )
    )
    defs.append(_Def("paragraph", "TableHeading", "Table Heading", "TableText", bold=True))
    defs.append(_Def("paragraph", "TableNumber", "Table Number", "TableText", align="right"))
    hf = style.header_footer
    for sid in ("Header", "Footer"):
        defs.append(
            _Def(
                "paragraph",
                sid,
                sid.lower(),
                "Normal",
                space_after=0,
                line=hf.size_pt * 1.3,
                color=hf.color,
                size=hf.size_pt,
            )
        )
    return defs


def _style_element(d: _Def, line_rule: str) -> etree._Element:
    el = etree.Element(qn("w:style"))
    el.set(qn("w:type"), d.kind)
    el.set(qn("w:styleId"), d.style_id)
    if d.style_id == "Normal":
        el.set(qn("w:default"), "1")
    sub(el, "w:name", val=d.name)
    if d.based_on:
        sub(el, "w:basedOn", val=d.based_on)
    if d.kind == "paragraph" and d.style_id.startswith(("Heading", "Title")):
        sub(el, "w:next", val="Normal")
    sub(el, "w:qFormat")
    if d.kind == "paragraph":
        ppr = sub(el, "w:pPr")
        if d.keep_next:
            sub(ppr, "w:keepNext")
        if d.band:
            # Borders in the band's colour, so the shading reaches past the text as the PDF's band does.
            color = hex_color(d.band)
            borders = sub(ppr, "w:pBdr")
            for edge, space in (("top", "4"), ("left", "6"), ("bottom", "4"), ("right", "6")):
                sub(borders, f"w:{edge}", val="single", sz="4", space=space, color=color)
            sub(ppr, "w:shd", val="clear", color="auto", fill=color)
        if d.space_before is not None or d.space_after is not None or d.line is not None:
            spacing = sub(ppr, "w:spacing")
            if d.space_before is not None:
                spacing.set(qn("w:before"), twips(d.space_before))
            if d.space_after is not None:
                spacing.set(qn("w:after"), twips(d.space_after))
            if d.line is not None:
                spacing.set(qn("w:line"), twips(d.line))
                spacing.set(qn("w:lineRule"), "atLeast" if line_rule == "at_least" else "exact")
        if d.indent_left is not None:
            ind = sub(ppr, "w:ind", left=twips(d.indent_left))
            if d.band:
                ind.set(qn("w:right"), twips(d.indent_left))
        if d.align:
            sub(ppr, "w:jc", val=d.align)
        if d.outline is not None:
            sub(ppr, "w:outlineLvl", val=str(d.outline))
    rpr = sub(el, "w:rPr")
    if d.bold:
        sub(rpr, "w:b")
    if d.italic:
        sub(rpr, "w:i")
    if d.color:
        sub(rpr, "w:color", val=hex_color(d.color))
    if d.size:
        sub(rpr, "w:sz", val=half_points(d.size))
        sub(rpr, "w:szCs", val=half_points(d.size))
    if d.underline:
        sub(rpr, "w:u", val="single")
    if d.vert:
        sub(rpr, "w:vertAlign", val=d.vert)
    return el


def apply_styles(root: etree._Element, style: Style, lang: str) -> None:
    """Replace the template's styles we use with the house style's, and set the defaults.

    Whole definitions are replaced rather than patched so that every pPr and
    rPr is written in schema order: Word refuses some files whose property
    order is wrong.
    """
    defs = _definitions(style)
    # The template's other styles are dropped: unused, they only make
    # styles.xml ten times larger and every rendering slower.
    for el in root.findall(qn("w:style")):
        if el.get(qn("w:styleId")) not in _KEPT:
            root.remove(el)
    for d in defs:
        root.append(_style_element(d, style.body.line_rule))
    _defaults(root, style, lang)


def _defaults(root: etree._Element, style: Style, lang: str) -> None:
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        root.insert(0, defaults)
    for child in list(defaults):
        defaults.remove(child)
    rpr = sub(sub(defaults, "w:rPrDefault"), "w:rPr")
    font = style.body.font
    sub(rpr, "w:rFonts", ascii=font, hAnsi=font, eastAsia=font, cs=font)
    sub(rpr, "w:sz", val=half_points(style.body.size_pt))
    sub(rpr, "w:szCs", val=half_points(style.body.size_pt))
    # w:lang on the defaults makes Word and LibreOffice spell-check in the
    # document's language.
    sub(rpr, "w:lang", val=word_lang(lang, style), eastAsia=word_lang(lang, style), bidi="ar-SA")
    sub(sub(defaults, "w:pPrDefault"), "w:pPr")
