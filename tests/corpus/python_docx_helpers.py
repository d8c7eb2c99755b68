"""python-docx helpers: a fixed-date document, Word's note styles, notes parts and raw block XML."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from tests.corpus.wordml import CT_NOTES, NSDECL, W

WORD_NOTE_STYLES = """
<w:style {ns} w:type="paragraph" w:styleId="{tid}"><w:name w:val="{tname}"/><w:basedOn w:val="Normal"/>
<w:link w:val="{tid}Char"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
"""
WORD_REF_STYLE = """
<w:style {ns} w:type="character" w:styleId="{rid}"><w:name w:val="{rname}"/><w:basedOn w:val="DefaultParagraphFont"/>
<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
"""


def add_style(document: docx.document.Document, xml: str) -> None:
    document.styles.element.append(parse_xml(xml.format(ns=f'xmlns:w="{W}"')))


def add_note_styles(document: docx.document.Document, dutch: bool = False) -> None:
    """Word's note styles (internal names; Dutch Word uses other style ids)."""
    for kind in ("footnote", "endnote"):
        if dutch:
            tid, rid = (
                ("Voetnoottekst", "Voetnootmarkering")
                if kind == "footnote"
                else ("Eindnoottekst", "Eindnootmarkering")
            )
        else:
            tid, rid = f"{kind.capitalize()}Text", f"{kind.capitalize()}Reference"
        add_style(document, WORD_NOTE_STYLES.replace("{tid}", tid).replace("{tname}", f"{kind} text"))
        add_style(document, WORD_REF_STYLE.replace("{rid}", rid).replace("{rname}", f"{kind} reference"))


def attach_notes(document: docx.document.Document, kind: str, blob: bytes) -> Part:
    """Add footnotes.xml or endnotes.xml as a plain part, and point settings.xml at the separators."""
    package = document.part.package
    part = Part(PackURI(f"/word/{kind}s.xml"), CT_NOTES.format(kind=kind), blob, package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
    return part


def settings_note_pr(document: docx.document.Document, separators: tuple[str, str] | None) -> None:
    if not separators:
        return
    settings = document.settings.element
    for kind in ("footnote", "endnote"):
        settings.append(
            parse_xml(
                f'<w:{kind}Pr xmlns:w="{W}"><w:{kind} w:id="{separators[0]}"/><w:{kind} w:id="{separators[1]}"/></w:{kind}Pr>'
            )
        )


def new_document(
    title: str = "", author: str = "Ministerie van Buitenlandse Zaken"
) -> docx.document.Document:
    document = docx.Document()
    core = document.core_properties
    core.title = title
    core.author = author
    core.comments = ""
    core.last_modified_by = author
    import datetime as dt

    stamp = dt.datetime(2024, 4, 2, 12, 0, 0)
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    return document


def body_append(document: docx.document.Document, xml: str) -> None:
    """Append block XML (paragraphs, tables, sdts) before the body's sectPr."""
    body = document.element.body
    wrapper = parse_xml(f"<w:body {NSDECL}>{xml}</w:body>")
    sect = body.find(f"{{{W}}}sectPr")
    for child in list(wrapper):
        if sect is not None:
            sect.addprevious(child)
        else:
            body.append(child)


def save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
