"""Regenerate the corpus DOCX files and their facts: `python -m tests.corpus.build [NAME ...]` from the repo root.

LibreOffice documents come from `NAME.fodt`, pandoc documents from `NAME.md`; the python-docx
and zip+lxml documents are built by the functions below. Every DOCX is repacked with fixed zip
timestamps, so a rebuild only changes bytes where a producer itself is not deterministic.
Afterwards run `python -m tests.corpus.extract` to refresh the POI text extracts.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from tests.corpus.facts import extract

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECL = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
CT_NOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
ZIP_TIME = (2024, 4, 2, 12, 0, 0)


# --------------------------------------------------------------------------- helpers


def repack(data: bytes) -> bytes:
    """The same package with fixed timestamps, so rebuilds are byte-stable."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(
                zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info.filename), zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def tiny_png() -> bytes:
    """A 1x1 grey PNG, for the picture-only note."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def t(text: str) -> str:
    """A text run."""
    return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def ref(kind: str, nid: str, style: str = "", custom: str = "") -> str:
    """A note reference run; `custom` is a custom mark run that follows it (customMarkFollows)."""
    style = style or ("FootnoteReference" if kind == "footnote" else "EndnoteReference")
    rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
    if custom:
        return (
            f'<w:r>{rpr}<w:{kind}Reference w:customMarkFollows="1" w:id="{nid}"/></w:r>'
            f"<w:r>{rpr}<w:t>{esc(custom)}</w:t></w:r>"
        )
    return f'<w:r>{rpr}<w:{kind}Reference w:id="{nid}"/></w:r>'


def fn(nid: str, style: str = "") -> str:
    return ref("footnote", nid, style)


def en(nid: str, style: str = "") -> str:
    return ref("endnote", nid, style)


BR = "<w:r><w:br/></w:r>"


def para(content: str, style: str = "", ppr: str = "") -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{pstyle}{ppr}</w:pPr>{content}</w:p>"


def table(rows: Sequence[Sequence[str]]) -> str:
    """A table; each cell is block XML (one or more paragraphs)."""
    ncol = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="4500"/>' for _ in range(ncol))
    body = "".join(
        "<w:tr>"
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{c}</w:tc>' for c in row)
        + "</w:tr>"
        for row in rows
    )
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


@dataclass
class Note:
    """One note: its id and its body paragraphs as run XML (the footnoteRef run is added)."""

    nid: str
    paras: Sequence[str]
    mark: str = ""  # a custom mark replaces the footnoteRef run
    ref_run: bool = True


def notes_xml(
    kind: str,
    notes: Sequence[Note],
    separators: tuple[str, str] | None = ("-1", "0"),
    text_style: str = "",
    ref_style: str = "",
) -> bytes:
    """footnotes.xml or endnotes.xml in Word's layout: separators first, then the notes."""
    text_style = text_style or ("FootnoteText" if kind == "footnote" else "EndnoteText")
    ref_style = ref_style or ("FootnoteReference" if kind == "footnote" else "EndnoteReference")
    parts = []
    if separators:
        sep, cont = separators
        for nid, typ in ((sep, "separator"), (cont, "continuationSeparator")):
            parts.append(
                f'<w:{kind} w:type="{typ}" w:id="{nid}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
                f'w:lineRule="auto"/></w:pPr><w:r><w:{typ}/></w:r></w:p></w:{kind}>'
            )
    for note in notes:
        rpr = f'<w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>'
        if note.mark:
            first = f"<w:r>{rpr}<w:t>{esc(note.mark)}</w:t></w:r>"
        elif note.ref_run:
            first = f"<w:r>{rpr}<w:{kind}Ref/></w:r>"
        else:
            first = ""
        paras = list(note.paras) or [""]
        body = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>{first if i == 0 else ""}{p}</w:p>'
            for i, p in enumerate(paras)
        )
        parts.append(f'<w:{kind} w:id="{note.nid}">{body}</w:{kind}>')
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s {NSDECL}>{"".join(parts)}</w:{kind}s>'
    return xml.encode()


def note_text(text: str) -> str:
    """A note paragraph's runs: Word puts a space run after the footnoteRef."""
    return t(" ") + t(text)


# --------------------------------------------------------------------------- python-docx


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


def pd_titel_noot() -> bytes:
    """Title with a note in it, line-broken paragraphs with notes, a table cell with line breaks."""
    d = new_document("Kamerbrief over de Europese Raad (dc:title, not used)")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    body_append(
        d,
        para(t("Geannoteerde agenda Europese Raad 27-28 juni 2024") + fn("2"), "Title")
        + para(t("Inleiding"), "Heading1")
        + para(
            t("De Europese Raad komt op 27 en 28 juni bijeen.")
            + fn("3")
            + BR
            + t("Op de agenda staan Oekraïne")
            + fn("4")
            + t(", het Midden-Oosten en de strategische agenda.")
            + BR
            + t("De regeringsleiders benoemen ook de nieuwe leiding van de EU.")
        )
        + para(t("Tweede regel volgt.") + BR + t("Derde regel met noot") + fn("5") + BR)
        + para(t("Oekraïne"), "Heading1")
        + table(
            [
                [para(t("Onderwerp")), para(t("Inzet"))],
                [
                    para(t("Toetreding")),
                    para(t("Start onderhandelingen") + fn("6") + BR + t("eerste cluster in juli") + fn("7")),
                ],
            ]
        )
        + para(t("Het kabinet informeert de Kamer na afloop.") + fn("8")),
    )
    notes = [
        Note("2", [note_text("Kamerstuk 21501-20, nr. 2100.")]),
        Note("3", [note_text("Zie de conclusies van april 2024.")]),
        Note("4", [note_text("Inclusief de Oekraïnefaciliteit.")]),
        Note("5", [note_text("Noot aan het eind van een regel voor een afsluitende regelafbreking.")]),
        Note("6", [note_text("Intergouvernementele conferentie van 25 juni.")]),
        Note("7", [note_text("Cluster fundamentals.")]),
        Note("8", [note_text("Verslag volgt binnen twee weken.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", notes))
    return save(d)


def pd_kop_stijlen() -> bytes:
    """Localised styles Titel/Kop 1/Kop 2, separators 0/1, outline-level headings, headings in cells."""
    d = new_document("Verslag")
    styles = d.styles.element
    # Rename the template's styles the way a localised producer writes them.
    for old, new_id, new_name in (
        ("Title", "Titel", "Titel"),
        ("Heading1", "Kop1", "Kop 1"),
        ("Heading2", "Kop2", "Kop 2"),
    ):
        st = styles.find(f'{{{W}}}style[@{{{W}}}styleId="{old}"]')
        st.set(f"{{{W}}}styleId", new_id)
        st.find(f"{{{W}}}name").set(f"{{{W}}}val", new_name)
        for other in styles.iter(f"{{{W}}}basedOn", f"{{{W}}}next", f"{{{W}}}link"):
            if other.get(f"{{{W}}}val") == old:
                other.set(f"{{{W}}}val", new_id)
    add_style(
        d,
        '<w:style {ns} w:type="paragraph" w:customStyle="1" w:styleId="Agendapunt"><w:name w:val="Agendapunt"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>',
    )
    add_note_styles(d, dutch=True)
    settings_note_pr(d, ("0", "1"))
    fs = "Voetnootmarkering"
    body_append(
        d,
        para(t("Verslag van de NAVO-top in Washington D.C."), "Titel")
        + para(t("Samenvatting"), "Kop1")
        + para(t("De top stond in het teken van het 75-jarig bestaan van de NAVO.") + fn("2", fs))
        + para(t("Afschrikking en verdediging"), ppr='<w:outlineLvl w:val="0"/>')
        + para(t("Bondgenoten hebben de uitvoering van de regionale plannen besproken.") + fn("3", fs))
        + para(t("Agendapunt 1: Oekraïne"), "Agendapunt")
        + para(t("Oekraïne ontvangt structurele steun") + fn("4", fs) + t(" van ten minste 40 miljard euro."))
        + table(
            [
                [para(t("Partners"), "Kop2"), para(t("Indo-Pacific") + fn("5", fs))],
                [para(t("Australië, Japan, Nieuw-Zeeland en Zuid-Korea")), para(t("Veiligheid"), "Kop2")],
            ]
        )
        + para(t("Vervolg"), "Kop1")
        + para(t("De volgende top vindt plaats in Den Haag.") + fn("6", fs)),
    )
    notes = [
        Note("2", [note_text("Verklaring van Washington, 10 juli 2024.")]),
        Note("3", [note_text("Regionale plannen, aangenomen in Vilnius.")]),
        Note("4", [note_text("Pledge of Long-Term Security Assistance for Ukraine.")]),
        Note("5", [note_text("De IP4-landen.")]),
        Note("6", [note_text("In 2025.")]),
    ]
    blob = notes_xml("footnote", notes, ("0", "1"), text_style="Voetnoottekst", ref_style=fs)
    attach_notes(d, "footnote", blob)
    return save(d)


def pd_noot_ids() -> bytes:
    """No separators: id 0 is a real note; non-contiguous ids; a footnote and endnote sharing an id."""
    d = new_document("NAVO Foreign Ministers Meeting")
    add_note_styles(d)
    body_append(
        d,
        para(t("Foreign Ministers Meeting 3-4 april 2024"), "Heading1")
        + para(
            t("De ministers spreken over de steun aan Oekraïne.")
            + fn("0")
            + t(" Zweden neemt voor het eerst deel.")
        )
        + para(
            t("De ministers spreken ook over de Indo-Pacific")
            + fn("7")
            + t(" en over China")
            + en("1")
            + t(".")
        )
        + para(
            t("Burden-sharing blijft een thema")
            + fn("1")
            + t(" en ook de DIP")
            + en("1")
            + t(" hoort daarbij.")
        )
        + para(t("Afsluiting"), "Heading2")
        + para(t("De NAVO bestaat 75 jaar.") + fn("3") + en("4")),
    )
    footnotes = [
        Note("0", [note_text("Noot met id 0, zonder scheidingsnoten in het deel.")]),
        Note("1", [note_text("Voetnoot 1.")]),
        Note("3", [note_text("Het Verdrag van Washington, 4 april 1949.")]),
        Note("7", [note_text("Australië, Japan, Nieuw-Zeeland en Zuid-Korea.")]),
    ]
    endnotes = [
        Note("1", [note_text("Eindnoot 1, zelfde id als voetnoot 1.")]),
        Note("4", [note_text("Eindnoot 4.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", footnotes, None))
    attach_notes(d, "endnote", notes_xml("endnote", endnotes, None))
    return save(d)


def pd_noot_ontbreekt() -> bytes:
    """References to notes that the notes parts do not hold (POI's "End note ... not found")."""
    d = new_document("Kamerbrief met ontbrekende noten")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    body_append(
        d,
        para(t("Kamerbrief over de Raad Algemene Zaken"), "Title")
        + para(
            t("De Raad bereidt de Europese Raad voor.")
            + fn("2")
            + t(" Ook de rechtsstaat staat op de agenda.")
            + fn("9")
        )
        + para(t("Het kabinet steunt de aanpak") + en("5") + t(" van de Commissie.") + en("2")),
    )
    attach_notes(
        d, "footnote", notes_xml("footnote", [Note("2", [note_text("Kamerstuk 21501-02, nr. 2910.")])])
    )
    attach_notes(d, "endnote", notes_xml("endnote", [Note("2", [note_text("Eindnoot die wel bestaat.")])]))
    return save(d)


def pd_lege_noten() -> bytes:
    """An empty note, a picture-only note, a custom mark (*), several notes in one paragraph."""
    d = new_document("Kamerbrief over de Raad Defensie")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    body_append(
        d,
        para(t("Raad Buitenlandse Zaken (Defensie)"), "Heading1")
        + para(fn("2") + t("De Raad spreekt over de Europese defensie-industrie.") + fn("3"))
        + para(
            t("Het kabinet")
            + fn("4")
            + t(" steunt")
            + fn("5")
            + t(" het EDIP-voorstel")
            + fn("6")
            + fn("7")
            + t(".")
        )
        + para(t("De kaart") + fn("8") + t(" toont de EU-missies.") + ref("footnote", "9", custom="*"))
        + para(t("Tot slot: tekst   met   veel\tspaties.") + fn("10")),
    )
    drawing = (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/>'
        '<wp:docPr id="1" name="Kaart"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="kaart.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdKaart"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    notes = [
        Note("2", [note_text("Noot aan het begin van de alinea.")]),
        Note("3", [note_text("Noot aan het eind van de alinea.")]),
        Note("4", []),  # only the footnoteRef run: an empty body
        Note("5", ["", ""]),  # two empty paragraphs
        Note("6", [note_text("COM(2024) 150.")]),
        Note("7", [note_text("Zie ook het EDIS.")]),
        Note("8", [drawing], ref_run=False),  # a picture and nothing else
        Note("9", [note_text("Gemarkeerd met een eigen teken.")], mark="*"),
        Note("10", [t(" Tekst\tmet tab") + BR + t("en   spaties.")]),
    ]
    part = attach_notes(d, "footnote", notes_xml("footnote", notes))
    image = Part(PackURI("/word/media/kaart.png"), "image/png", tiny_png(), d.part.package)
    rid = part.relate_to(image, RT.IMAGE)
    part._blob = part.blob.replace(b"rIdKaart", rid.encode())
    return save(d)


def pd_sdt_links() -> bytes:
    """Content controls and hyperlinks around references, comments, tracked changes near notes."""
    d = new_document("Geannoteerde agenda Raad Algemene Zaken")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    rel = d.part.relate_to("https://www.consilium.europa.eu/nl/", RT.HYPERLINK, is_external=True)
    sdt_inline = (
        '<w:sdt><w:sdtPr><w:alias w:val="Kenmerk"/><w:tag w:val="kenmerk"/><w:id w:val="1001"/></w:sdtPr>'
        f"<w:sdtContent>{t('2024Z05123')}{fn('3')}</w:sdtContent></w:sdt>"
    )
    sdt_block = (
        '<w:sdt><w:sdtPr><w:alias w:val="Samenvatting"/><w:id w:val="1002"/></w:sdtPr><w:sdtContent>'
        + para(t("Deze alinea staat in een inhoudsbesturingselement.") + fn("4"))
        + "</w:sdtContent></w:sdt>"
    )
    ins = (
        '<w:ins w:id="501" w:author="J. de Boer" w:date="2024-04-02T10:00:00Z">'
        + t(" en de uitbreiding")
        + fn("6")
        + "</w:ins>"
    )
    dele = (
        '<w:del w:id="502" w:author="J. de Boer" w:date="2024-04-02T10:01:00Z">'
        '<w:r><w:delText xml:space="preserve">voorlopige </w:delText></w:r></w:del>'
    )
    body_append(
        d,
        para(t("Geannoteerde agenda Raad Algemene Zaken"), "Title")
        + para(t("Kenmerk: ") + sdt_inline + t("."))
        + sdt_block
        + para(
            t("Zie de ")
            + f'<w:hyperlink r:id="{rel}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
            + '<w:t xml:space="preserve">website van de Raad</w:t></w:r>'
            + fn("5")
            + "</w:hyperlink>"
            + t(" voor de agenda.")
        )
        + para(t("De Raad bespreekt de rechtsstaat") + ins + t("."))
        + para(t("De ") + dele + t("agenda") + fn("7") + t(" is vastgesteld."))
        + para(t("Commentaar"), "Heading1")
        + para(t("Het kabinet steunt de conclusies"), ppr=""),
    )
    last = Paragraph(d.element.body.findall(f"{{{W}}}p")[-1], d._body)
    last._p.append(
        parse_xml(
            f'<w:r {NSDECL}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="8"/></w:r>'
        )
    )
    run = last.add_run(" over de uitbreiding.")
    comments = [d.add_comment(run, text="Graag afstemmen met BZ.", author="A. Jansen", initials="AJ")]
    first = Paragraph(d.element.body.findall(f"{{{W}}}p")[1], d._body)
    comments.append(
        d.add_comment(first.runs[0], text="Kenmerk controleren", author="P. de Vries", initials="PV")
    )
    for comment in comments:  # python-docx stamps the current time
        comment._comment_elm.set(f"{{{W}}}date", "2024-04-02T10:30:00Z")
    notes = [
        Note("3", [note_text("Het kenmerk van de Tweede Kamer.")]),
        Note("4", [note_text("Noot in een sdt op blokniveau.")]),
        Note("5", [note_text("Noot binnen een hyperlink.")]),
        Note("6", [note_text("Ingevoegd met wijzigingen bijhouden.")]),
        Note("7", [note_text("Naast verwijderde tekst.")]),
        Note("8", [note_text("Noot voor een opmerking.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", notes))
    return save(d)


def _toc_entry(style: str, text: str, anchor: str, page: str, begin: bool = False, end: bool = False) -> str:
    field_begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        if begin
        else ""
    )
    field_end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if end else ""
    tabs = '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9062"/></w:tabs>'
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{tabs}</w:pPr>{field_begin}'
        f'<w:hyperlink w:anchor="{anchor}" w:history="1">{t(text)}<w:r><w:tab/></w:r>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {anchor} \\h </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{t(page)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f"</w:hyperlink>{field_end}</w:p>"
    )


def pd_inhoudsopgave() -> bytes:
    """A TOC with cached entries, numbered headings (numbering and text), lists, a caption, bold lines."""
    d = new_document("Geannoteerde agenda NAVO-top Washington")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    for level in (1, 2):
        add_style(
            d,
            f'<w:style {{ns}} w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/>'
            f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
            f'<w:pPr><w:spacing w:after="100"/><w:ind w:left="{(level - 1) * 220}"/></w:pPr></w:style>',
        )
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:lvlJc w:val="left"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(level: int) -> str:
        return f'<w:numPr><w:ilvl w:val="{level - 1}"/><w:numId w:val="90"/></w:numPr>'

    bold = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    caption = (
        t("Tabel ")
        + '<w:fldSimple w:instr=" SEQ Tabel \\* ARABIC "><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
        + t(" Overzicht")
    )
    sect = d.sections[0]
    sect.header.paragraphs[0].text = "Ministerie van Buitenlandse Zaken | Geannoteerde agenda"
    footer = sect.footer.paragraphs[0]
    footer.add_run("Pagina ")
    footer._p.append(
        parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    body_append(
        d,
        para(t("Geannoteerde agenda NAVO-top Washington D.C. 9-11 juli 2024"), "Title")
        + para(t("Inhoud"), "TOCHeading")
        + _toc_entry("TOC1", "1 De weg naar de top", "_Toc1", "1", begin=True)
        + _toc_entry("TOC2", "1.1 Afschrikking en verdediging", "_Toc2", "1")
        + _toc_entry("TOC2", "2.3.1 NATO-Ukraine Council (NUC)", "_Toc3", "2")
        + _toc_entry("TOC1", "a. Partners", "_Toc4", "3", end=True)
        + para(
            '<w:bookmarkStart w:id="1" w:name="_Toc1"/>'
            + t("De weg naar de top")
            + '<w:bookmarkEnd w:id="1"/>',
            "Heading1",
            numbered(1),
        )
        + para(t("De top valt samen met het 75-jarig bestaan van de NAVO.") + fn("2"))
        + para(bold.format("Kernpunten"))
        + para(t("versterking van de afschrikking"), "ListBullet")
        + para(t("steun aan Oekraïne") + fn("3"), "ListBullet")
        + para(t("partnerschappen"), "ListBullet")
        + para(t("Afschrikking en verdediging"), "Heading2", numbered(2))
        + para(t("politieke verklaring"), "ListNumber")
        + para(t("defensie-investeringen"), "ListNumber")
        + para(caption, "Caption")
        + table(
            [
                [para(t("Bondgenoot")), para(t("Percentage BBP"))],
                [para(t("Nederland")), para(t("2,05") + fn("4"))],
            ]
        )
        + para(t("2.3.1 NATO-Ukraine Council (NUC)"), "Heading3")
        + para(t("De NUC komt op ministerieel niveau bijeen.") + fn("5"))
        + para(bold.format("Inzet kabinet"))
        + para(t("a. Partners"), "Heading1")
        + para(t("De IP4 nemen deel aan de top.")),
    )
    notes = [
        Note("2", [note_text("Verdrag van Washington, 4 april 1949.")]),
        Note("3", [note_text("Zie de Kamerbrief van 12 maart 2024.")]),
        Note("4", [note_text("NAVO-raming juni 2024.")]),
        Note("5", [note_text("Kamerstuk 28676, nr. 455.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", notes))
    return save(d)


def _word_toc_entry(
    style: str, number: str, text: str, anchor: str, page: str, begin: bool = False, end: bool = False
) -> str:
    """A cached TOC entry as Word writes it; an auto-numbered heading's number is text, then a tab."""
    field_begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        if begin
        else ""
    )
    field_end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if end else ""
    level = int(style[-1])
    tabs = (
        f'<w:tabs><w:tab w:val="left" w:pos="{440 + (level - 1) * 220 + level * 220}"/>'
        '<w:tab w:val="right" w:leader="dot" w:pos="9062"/></w:tabs>'
    )
    noproof = "<w:rPr><w:noProof/></w:rPr>"
    num = f"<w:r>{noproof}<w:t>{esc(number)}</w:t></w:r><w:r>{noproof}<w:tab/></w:r>" if number else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{tabs}<w:rPr><w:noProof/></w:rPr></w:pPr>{field_begin}'
        f'<w:hyperlink w:anchor="{anchor}" w:history="1">{num}<w:r>{noproof}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
        f"<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:tab/></w:r>"
        f'<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:instrText xml:space="preserve"> PAGEREF {anchor} \\h </w:instrText></w:r>'
        f'<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:t>{page}</w:t></w:r>"
        f'<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
        f"</w:hyperlink>{field_end}</w:p>"
    )


def _bookmarked(bid: int, name: str, content: str) -> str:
    return f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{content}<w:bookmarkEnd w:id="{bid}"/>'


def _toc_styles(d: docx.document.Document) -> None:
    for level in (1, 2, 3):
        add_style(
            d,
            f'<w:style {{ns}} w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/>'
            f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:autoRedefine/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
            f'<w:pPr><w:spacing w:after="100"/><w:ind w:left="{(level - 1) * 220}"/></w:pPr></w:style>',
        )


def _field(instr: str, result: str) -> str:
    return f'<w:fldSimple w:instr=" {instr} "><w:r><w:rPr><w:noProof/></w:rPr><w:t>{result}</w:t></w:r></w:fldSimple>'


def _bullets(d: docx.document.Document, num_id: int) -> None:
    """A bullet list definition, as Word writes one for List Paragraph items."""
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{num_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    )


def _list_item(text: str, num_id: int) -> str:
    return para(
        t(text), "ListParagraph", f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    )


BOLD = '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'


def pd_agenda_europese_raad() -> bytes:
    """Word's TOC field over headings numbered by the heading styles' own list; a Bijlage without number."""
    d = new_document("Geannoteerde agenda Europese Raad 21-22 maart 2024")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    _toc_styles(d)
    numbering = d.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading{i + 1}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{432 + i * 144}" w:hanging="{432 + i * 144}"/></w:pPr></w:lvl>'
        for i, text in enumerate(("%1.", "%1.%2", "%1.%2.%3"))
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="20"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="20"><w:abstractNumId w:val="20"/></w:num>'))
    for i in range(3):  # Word's "list linked to the heading styles": the number lives in the style
        ppr = d.styles[f"Heading {i + 1}"].element.find(f"{{{W}}}pPr")
        ppr.find(f"{{{W}}}keepLines").addnext(
            parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{i}"/><w:numId w:val="20"/></w:numPr>'
                if i
                else f'<w:numPr xmlns:w="{W}"><w:numId w:val="20"/></w:numPr>'
            )
        )
    _bullets(d, 21)
    sect = d.sections[0]
    sect.header.paragraphs[0].text = "Ministerie van Buitenlandse Zaken"
    footer = sect.footer.paragraphs[0]
    footer.add_run("Geannoteerde agenda Europese Raad | Pagina ")
    footer._p.append(
        parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    toc = [
        ("TOC1", "1.", "Inleiding", "1"),
        ("TOC1", "2.", "Oekraïne", "1"),
        ("TOC2", "2.1", "Militaire steun", "1"),
        ("TOC2", "2.2", "Oekraïnefaciliteit", "2"),
        ("TOC1", "3.", "Midden-Oosten", "2"),
        ("TOC1", "4.", "Veiligheid en defensie", "2"),
        ("TOC2", "4.1", "Defensie-industrie", "2"),
        ("TOC3", "4.1.1", "Financiering", "3"),
        ("TOC1", "5.", "Uitbreiding", "3"),
        ("TOC1", "", "Bijlage 1: Overzicht van verwachte conclusies", "4"),
    ]
    anchors = [f"_Toc16123{4500 + i}" for i in range(len(toc))]
    entries = "".join(
        _word_toc_entry(style, number, text, anchors[i], page, begin=i == 0, end=i == len(toc) - 1)
        for i, (style, number, text, page) in enumerate(toc)
    )

    def heading(i: int, level: int, content: str, ppr: str = "") -> str:
        return para(_bookmarked(10 + i, anchors[i], content), f"Heading{level}", ppr)

    caption = t("Tabel ") + _field("SEQ Tabel \\* ARABIC", "1") + t(": Voorgestelde financiering EDIP")
    body_append(
        d,
        para(t("Geannoteerde agenda Europese Raad van 21 en 22 maart 2024"), "Title")
        + para(t("Inhoud"), "TOCHeading")
        + entries
        + para('<w:r><w:br w:type="page"/></w:r>')
        + heading(0, 1, t("Inleiding"))
        + para(
            t("Op 21 en 22 maart 2024 vindt in Brussel de Europese Raad plaats.")
            + fn("2")
            + t(" Op de agenda staan Oekraïne, het Midden-Oosten, veiligheid en defensie en uitbreiding.")
        )
        + heading(1, 1, t("Oekraïne"))
        + heading(2, 2, t("Militaire steun"))
        + para(t("De Europese Raad bespreekt de voortgang van de militaire steun. Prioriteit hebben:"))
        + _list_item("munitie", 21)
        + _list_item("luchtverdediging", 21)
        + heading(3, 2, t("Oekraïnefaciliteit"))
        + para(t("De eerste betalingen uit de Oekraïnefaciliteit worden in maart verwacht.") + fn("3"))
        + heading(4, 1, t("Midden-Oosten"))
        + para(t("De Europese Raad spreekt over de situatie in Gaza en de dreiging van regionale escalatie."))
        + para(BOLD.format("Let op"))
        + para(t("De conclusies over het Midden-Oosten worden mogelijk pas tijdens de Raad zelf afgerond."))
        + heading(5, 1, t("Veiligheid en defensie"))
        + heading(6, 2, t("Defensie-industrie"))
        + para(t("De Commissie presenteerde op 5 maart de strategie voor de Europese defensie-industrie."))
        + heading(7, 3, t("Financiering"))
        + table(
            [
                [para(BOLD.format("Instrument")), para(BOLD.format("Bedrag (mln euro)"))],
                [para(t("EDIP 2025-2027")), para(t("1.500"))],
                [para(t("Europese Vredesfaciliteit")), para(t("5.000"))],
            ]
        )
        + para(caption, "Caption")
        + para(t("Bron: Europese Commissie, COM(2024) 150"))
        + heading(8, 1, t("Uitbreiding") + fn("4"))
        + para(
            t(
                "De Europese Raad kan besluiten tot opening van de toetredingsonderhandelingen met Bosnië en Herzegovina."
            )
        )
        + heading(
            9,
            1,
            t("Bijlage 1: Overzicht van verwachte conclusies"),
            '<w:pageBreakBefore/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr><w:ind w:left="0" w:firstLine="0"/>',
        )
        + table(
            [
                [para(BOLD.format("Onderwerp")), para(BOLD.format("Verwachte conclusie"))],
                [para(t("Oekraïne")), para(t("Steun zolang als nodig"))],
                [para(t("Uitbreiding")), para(t("Opening onderhandelingen"))],
            ]
        ),
    )
    first_row = d.tables[-1]._tbl.tr_lst[0]
    first_row.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W}"/>'))
    notes = [
        Note("2", [note_text("Kamerstuk 21501-20, nr. 2010.")]),
        Note("3", [note_text("Verordening (EU) 2024/792.")]),
        Note("4", [note_text("Zie ook het uitbreidingspakket van november 2023.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", notes))
    return save(d)


def _header_lines(part: docx.section._BaseHeaderFooter, lines: Sequence[tuple[str, bool]]) -> None:
    """Header or footer paragraphs; bold lines are the labels of the sender column."""
    first = True
    for text, bold in lines:
        p = part.paragraphs[0] if first else part.add_paragraph()
        first = False
        p.add_run(text).bold = bold or None


def pd_kamerbrief_word() -> bytes:
    """A Kamerbrief as Word writes it: sender column in the first-page header, tabbed header block, signatures in a table."""
    d = new_document("Kamerbrief over Georgië")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    sect = d.sections[0]
    sect.different_first_page_header_footer = True
    _header_lines(
        sect.first_page_header,
        [
            ("Ministerie van Buitenlandse Zaken", True),
            ("Directie Oost-Europa", True),
            ("Rijnstraat 8", False),
            ("2515 XP Den Haag", False),
            ("Postbus 20061", False),
            ("2500 EB Den Haag", False),
            ("Nederland", False),
            ("www.rijksoverheid.nl", False),
            ("Ons kenmerk", True),
            ("BZ2409876", False),
            ("Uw kenmerk", True),
            ("2024Z05011", False),
        ],
    )
    _header_lines(
        sect.header,
        [
            ("Directie Oost-Europa", True),
            ("Datum", True),
            ("3 april 2024", False),
            ("Ons kenmerk", True),
            ("BZ2409876", False),
        ],
    )
    for footer in (sect.first_page_footer, sect.footer):
        p = footer.paragraphs[0]
        p.add_run("Pagina ")
        p._p.append(
            parse_xml(f'<w:fldSimple {NSDECL} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        )
        p.add_run(" van ")
        p._p.append(
            parse_xml(f'<w:fldSimple {NSDECL} w:instr=" NUMPAGES "><w:r><w:t>2</w:t></w:r></w:fldSimple>')
        )
    small = '<w:r><w:rPr><w:sz w:val="13"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    tabs = '<w:tabs><w:tab w:val="left" w:pos="1134"/></w:tabs>'
    signature = "<w:pPr><w:keepNext/></w:pPr>"
    body_append(
        d,
        para(small.format("> Retouradres Postbus 20061 2500 EB  Den Haag"))
        + para(t("Aan de Voorzitter van de Tweede Kamer"))
        + para(t("der Staten-Generaal"))
        + para(t("Prinses Irenestraat 6"))
        + para(t("2595 BD  Den Haag"))
        + para("")
        + para(t("Datum") + "<w:r><w:tab/></w:r>" + t("3 april 2024"), ppr=tabs)
        + para(
            t("Betreft")
            + "<w:r><w:tab/></w:r>"
            + t("Reactie op verzoek van de commissie over de situatie in Georgië"),
            ppr=tabs,
        )
        + para("")
        + para(t("Geachte voorzitter,"))
        + para(
            t(
                "Met deze brief reageer ik op het verzoek van de vaste commissie voor Buitenlandse Zaken van 14 maart 2024"
            )
            + fn("2")
            + t(" om een appreciatie van de politieke situatie in Georgië.")
        )
        + para(t("Politieke situatie"), "Heading1")
        + para(
            t(
                "Georgië kreeg in december 2023 de status van kandidaat-lidstaat van de Europese Unie. Sindsdien is de politieke polarisatie toegenomen."
            )
        )
        + para(t("Wet op buitenlandse invloed") + fn("3"), "Heading2")
        + para(
            t(
                "Het parlement heeft het wetsvoorstel over de transparantie van buitenlandse invloed opnieuw ingediend."
            )
        )
        + para(t("Gevolgen voor het toetredingsproces"), "Heading1")
        + para(t("De Europese Commissie heeft negen stappen geformuleerd die Georgië moet zetten."))
        + table(
            [
                [para(t("Stappen uit de aanbeveling"), "Heading2"), para(t("Stand van zaken"), "Heading2")],
                [para(t("polarisatie tegengaan")), para(t("geen voortgang"))],
                [para(t("desinformatie bestrijden")), para(t("beperkte voortgang"))],
            ]
        )
        + para(t("Tot slot"), "Heading1")
        + para(
            t(
                "Het kabinet zal uw Kamer informeren over de uitkomst van de Raad Buitenlandse Zaken van 22 april."
            )
        )
        + para("")
        + table(
            [
                [
                    para(t("De minister van Buitenlandse Zaken,"), ppr=signature)
                    + para("")
                    + para("")
                    + para(t("J.A. de Wit")),
                    para(
                        t("De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,"), ppr=signature
                    )
                    + para("")
                    + para("")
                    + para(t("E.M. Bakker")),
                ]
            ]
        ),
    )
    sig = d.tables[-1]._tbl
    sig.tblPr.remove(sig.tblPr.find(f"{{{W}}}tblStyle"))
    notes = [
        Note("2", [note_text("Brief van de commissie met kenmerk 2024Z05011.")]),
        Note("3", [note_text("In Georgië bekend als de ‘agentenwet’.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", notes))
    return save(d)


def pd_kamervragen_word() -> bytes:
    """Answers to parliamentary questions with no heading styles at all: bold labels, questions, answers."""
    d = new_document("Antwoorden Kamervragen over de aanhouding van een Nederlander in Venezuela")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    _bullets(d, 31)
    d.sections[0].header.paragraphs[0].text = "2024Z05678"
    qa = [
        (
            "Bent u bekend met het bericht ‘Nederlander vastgehouden in Caracas’?",
            [para(t("Ja."))],
            "2",
        ),
        (
            "Sinds wanneer is het ministerie op de hoogte van de aanhouding, en is er consulaire bijstand verleend?",
            [
                para(
                    t(
                        "Het ministerie is op 2 maart 2024 door de familie geïnformeerd. De ambassade in Caracas heeft sindsdien:"
                    )
                ),
                _list_item("contact met de betrokkene", 31),
                _list_item("contact met de advocaat", 31),
            ],
            "",
        ),
        (
            "Heeft de ambassade toegang gekregen tot de betrokkene?",
            [
                para(
                    t(
                        "Nog niet. De Venezolaanse autoriteiten hebben een verzoek om consulaire toegang nog niet gehonoreerd."
                    )
                ),
                para(BOLD.format("Toelichting")),
                para(
                    t("Venezuela is partij bij het Verdrag van Wenen inzake consulaire betrekkingen.")
                    + fn("3")
                ),
            ],
            "",
        ),
    ]
    blocks = para(
        BOLD.format(
            "Antwoorden van de minister van Buitenlandse Zaken op vragen van het lid Paternotte (D66) over de aanhouding van een Nederlander in Venezuela (ingezonden 8 maart 2024)."
        )
    )
    for i, (question, answer, note) in enumerate(qa, start=1):
        blocks += para(BOLD.format(f"Vraag {i}"))
        blocks += para(t(question) + (fn(note) if note else ""))
        blocks += para(BOLD.format(f"Antwoord {i}"))
        blocks += "".join(answer)
    blocks += para(BOLD.format("Vraag 4 en 5"))
    blocks += para(t("Welke stappen gaat u zetten? Bent u bereid de Kamer op de hoogte te houden?"))
    blocks += para(BOLD.format("Antwoord 4 en 5"))
    blocks += para(
        t(
            "Het kabinet blijft zich op alle niveaus inzetten voor consulaire toegang en houdt uw Kamer op de hoogte."
        )
    )
    body_append(d, blocks)
    notes = [
        Note("2", [note_text("De Telegraaf, 6 maart 2024.")]),
        Note("3", [note_text("Artikel 36 van het Verdrag van Wenen, Trb. 1965, 40.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", notes))
    return save(d)


def pd_briefhoofd_lege_koppen() -> bytes:
    """The Title in a one-cell letterhead table; empty Heading paragraphs (empty, a page break, a bookmark)."""
    d = new_document("Kamerbrief (dc:title, not used)")
    add_note_styles(d)
    settings_note_pr(d, ("-1", "0"))
    body_append(
        d,
        table([[para(t("Kamerbrief over de Raad Algemene Zaken van 21 mei 2024"), "Title")]])
        + para(t("Inleiding"), "Heading1")
        + para(t("De Raad bereidt de Europese Raad van juni voor.") + fn("2"))
        + para("", "Heading1")
        + para(t("De rechtsstaatdialoog gaat over Hongarije en Polen.") + fn("3"))
        + para('<w:r><w:br w:type="page"/></w:r>', "Heading1")
        + para(t("Artikel 7"), "Heading2")
        + para(t("De hoorzitting over Hongarije") + fn("4") + t(" staat opnieuw op de agenda."))
        + para(_bookmarked(7, "_Toc167000001", ""), "Heading2")
        + table(
            [
                [para(t("Onderwerp")), para(t("Inzet"))],
                [para(t("Uitbreiding")), para(t("Geen besluit") + fn("5") + t(" verwacht."))],
            ]
        )
        + para(t("Slot"), "Heading1")
        + para(t("Het verslag volgt binnen twee weken.") + fn("6")),
    )
    notes = [
        Note("2", [note_text("Kamerstuk 21501-02, nr. 2870.")]),
        Note("3", [note_text("Zie het rechtsstaatverslag 2023.")]),
        Note("4", ["", t("Tweede alinea: de hoorzitting van 26 juni.")]),  # first paragraph empty
        Note("5", ["", t("Noot met lege eerste alinea in een cel.")]),
        Note("6", [note_text("Na de Raad.")]),
    ]
    attach_notes(d, "footnote", notes_xml("footnote", notes))
    return save(d)


# --------------------------------------------------------------------------- zip + lxml


def _zip(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(
                zipfile.ZipInfo(name, ZIP_TIME),
                data.encode() if isinstance(data, str) else data,
                zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


def _content_types(overrides: dict[str, str]) -> str:
    rows = "".join(f'<Override PartName="/{k}" ContentType="{v}"/>' for k, v in overrides.items())
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{rows}</Types>'
    )


def _rels(rels: Sequence[tuple[str, str, str]]) -> str:
    rows = "".join(f'<Relationship Id="{i}" Type="{ty}" Target="{tg}"/>' for i, ty, tg in rels)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rows}</Relationships>'
    )


def _core(title: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>docx4j</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-04-02T12:00:00Z</dcterms:created></cp:coreProperties>'
    )


def _package(
    document: str,
    styles: str,
    notes: dict[str, bytes],
    title: str,
    absolute: bool = False,
    extra: Sequence[tuple[str, str, str, str, str]] = (),
    sect: str = "",
    ns: str = "",
    targets: dict[str, str] | None = None,
) -> bytes:
    """A minimal package; `extra` parts of word/ are (relationship id, type, part name, content type, XML).

    `ns` adds namespace declarations to the document root; `targets` spells a relationship target
    differently from its part name (`{"footnotes.xml": "Footnotes.xml"}`: another letter case).
    """
    doc_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    prefix = "/word/" if absolute else ""
    spelled = targets or {}

    def target(pname: str) -> str:
        return f"{prefix}{spelled.get(pname, pname)}"

    rels = [("rId1", f"{R}/styles", target("styles.xml"))]
    overrides = {
        "word/document.xml": f"{doc_ct}.document.main+xml",
        "word/styles.xml": f"{doc_ct}.styles+xml",
    }
    for i, kind in enumerate(notes, start=2):
        rels.append((f"rId{i}", f"{R}/{kind}s", target(f"{kind}s.xml")))
        overrides[f"word/{kind}s.xml"] = f"{doc_ct}.{kind}s+xml"
    for rid, rtype, pname, ctype, _xml in extra:
        rels.append((rid, f"{R}/{rtype}", target(pname)))
        overrides[f"word/{pname}"] = ctype
    overrides["docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": _content_types(overrides),
        "_rels/.rels": _rels(
            [
                ("rId1", f"{R}/officeDocument", "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
            ]
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NSDECL}{ns}><w:body>{document}'
            f'<w:sectPr>{sect}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
        ),
        "word/_rels/document.xml.rels": _rels(rels),
        "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NSDECL}>{styles}</w:styles>',
        "docProps/core.xml": _core(title),
    }
    for kind, blob in notes.items():
        parts[f"word/{kind}s.xml"] = blob
    for _rid, _rtype, pname, _ctype, xml in extra:
        parts[f"word/{pname}"] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{xml}'
    return _zip(parts)


def _style(sid: str, name: str, extra: str = "", kind: str = "paragraph", default: bool = False) -> str:
    d = ' w:default="1"' if default else ""
    return f'<w:style w:type="{kind}"{d} w:styleId="{sid}"><w:name w:val="{name}"/>{extra}</w:style>'


def zx_nederlandse_word() -> bytes:
    """Dutch Word's real convention: style ids Titel/Kop1 with built-in names Title/heading 1; ids from 1."""
    styles = (
        _style("Standaard", "Normal", default=True)
        + _style("Titel", "Title", '<w:basedOn w:val="Standaard"/><w:rPr><w:sz w:val="48"/></w:rPr>')
        + _style(
            "Kop1", "heading 1", '<w:basedOn w:val="Standaard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'
        )
        + _style(
            "Kop2", "heading 2", '<w:basedOn w:val="Standaard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>'
        )
        + _style(
            "Kop3", "heading 3", '<w:basedOn w:val="Standaard"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr>'
        )
        + _style("Voetnoottekst", "footnote text", '<w:basedOn w:val="Standaard"/>')
        + _style(
            "Voetnootmarkering",
            "footnote reference",
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
            "character",
        )
    )
    vm = "Voetnootmarkering"
    document = (
        para(t("Kamerbrief inzake ") + t("de Raad Buitenlandse Zaken") + fn("1", vm), "Titel")
        + para(t("Oekraïne") + fn("2", vm), "Kop1")
        + para(
            '<w:proofErr w:type="spellStart"/>'
            + t("Deescalatie")
            + '<w:proofErr w:type="spellEnd"/>'
            + t(" is niet in zicht. De Raad spreekt over ")
            + '<w:bookmarkStart w:id="0" w:name="steun"/>'
            + t("steun")
            + '<w:bookmarkEnd w:id="0"/>'
            + fn("4", vm)
            + t(".")
        )
        + para(t("Militaire steun"), "Kop2")
        + para(t("De Europese Vredesfaciliteit wordt aangevuld.") + fn("3", vm))
        + para(t("Oekraïnefonds"), "Kop3")
        + para(t("Zie de bijlage") + fn("12", vm) + t("."))
    )
    notes = [
        Note("1", [note_text("Noot in de titel.")]),
        Note("2", [note_text("Noot in een kop.")]),
        Note("3", [note_text("Besluit (GBVB) 2024/890.")]),
        Note("4", [note_text("Eerste alinea."), t("Tweede alinea met https://example.org/a[1] erin.")]),
        Note("12", [note_text("Een hoog id, na samenvoegen van documenten.")]),
    ]
    blob = notes_xml("footnote", notes, ("-1", "0"), text_style="Voetnoottekst", ref_style=vm)
    return _package(document, styles, {"footnote": blob}, "Kamerbrief RBZ", absolute=True)


def zx_alleen_eindnoten() -> bytes:
    """No styles part at all: headings only through w:outlineLvl, endnotes only, title from dc:title."""
    document = (
        para(
            t(
                "Het kabinet informeert uw Kamer over de uitkomsten van de Europese Raad van 21 en 22 maart 2024, "
            )
            + t(
                "waar de regeringsleiders hebben gesproken over Oekraïne, het Midden-Oosten, veiligheid en defensie, "
            )
            + t("uitbreiding, de Europese Vredesfaciliteit en migratie")
            + en("0")
            + t(
                ". Ook is gesproken over de voorbereiding van de strategische agenda voor de periode 2024-2029 "
            )
            + t("en over de landbouw, waarbij de regeringsleiders de zorgen van boeren hebben besproken")
            + en("1")
            + t(" en over het vervolg van de gesprekken met het Verenigd Koninkrijk en Zwitserland.")
        )
        + para(t("Oekraïne"), ppr='<w:outlineLvl w:val="0"/>')
        + para(t("De Europese Raad herhaalde zijn steun.") + en("5"))
        + para(t("Veiligheid en defensie"), ppr='<w:outlineLvl w:val="1"/>')
        + table([[para(t("Defensie-industrie"), ppr='<w:outlineLvl w:val="2"/>'), para(t("EDIS") + en("3"))]])
        + para(t("Slot."), ppr='<w:outlineLvl w:val="9"/>')
    )
    notes = [
        Note("0", [note_text("Eindnoot met id 0.")]),
        Note("1", [note_text("Zie de conclusies, punt 12.")]),
        Note("3", [note_text("European Defence Industrial Strategy.")]),
        Note("5", [note_text("Conclusies EUCO 7/24.")]),
    ]
    blob = notes_xml("endnote", notes, None, text_style="", ref_style="")
    return _package(document, "", {"endnote": blob}, "Verslag Europese Raad 21-22 maart 2024")


def zx_inzet_avvn() -> bytes:
    """Dutch Word: a TOC over typed numbers (Inhopg1-3), a custom heading style based on Kop 1, header and footer."""
    vm = "Voetnootmarkering"
    styles = (
        _style("Standaard", "Normal", '<w:rPr><w:sz w:val="19"/></w:rPr>', default=True)
        + _style(
            "Titel",
            "Title",
            '<w:basedOn w:val="Standaard"/><w:next w:val="Standaard"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr>',
        )
        + "".join(
            _style(
                f"Kop{n}",
                f"heading {n}",
                f'<w:basedOn w:val="Standaard"/><w:next w:val="Standaard"/><w:link w:val="Kop{n}Char"/><w:qFormat/>'
                f'<w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="{n - 1}"/></w:pPr><w:rPr><w:b/></w:rPr>',
            )
            for n in (1, 2, 3)
        )
        + _style(
            "Kopzondernummer",
            "Kop zonder nummer",
            '<w:basedOn w:val="Kop1"/><w:next w:val="Standaard"/><w:qFormat/><w:pPr><w:pageBreakBefore/></w:pPr>',
        )
        + _style(
            "Kopvaninhoudsopgave",
            "TOC Heading",
            '<w:basedOn w:val="Kop1"/><w:next w:val="Standaard"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/>'
            '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>',
        )
        + "".join(
            _style(
                f"Inhopg{n}",
                f"toc {n}",
                f'<w:basedOn w:val="Standaard"/><w:next w:val="Standaard"/><w:autoRedefine/><w:uiPriority w:val="39"/>'
                f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9060"/></w:tabs><w:spacing w:after="100"/>'
                f'<w:ind w:left="{(n - 1) * 190}"/></w:pPr>',
            )
            for n in (1, 2, 3)
        )
        + _style(
            "Bijschrift",
            "caption",
            '<w:basedOn w:val="Standaard"/><w:next w:val="Standaard"/><w:rPr><w:i/><w:sz w:val="16"/></w:rPr>',
        )
        + _style("Koptekst", "header", '<w:basedOn w:val="Standaard"/>')
        + _style("Voettekst", "footer", '<w:basedOn w:val="Standaard"/>')
        + _style(
            "Voetnoottekst",
            "footnote text",
            '<w:basedOn w:val="Standaard"/><w:rPr><w:sz w:val="13"/></w:rPr>',
        )
        + _style(
            "Voetnootmarkering",
            "footnote reference",
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
            "character",
        )
        + _style("Tabelraster", "Table Grid", "", "table")
    )
    toc = [
        ("Inhopg1", "1. Inleiding", "1"),
        ("Inhopg1", "2. Prioriteiten", "1"),
        ("Inhopg2", "2.1 Vrede en veiligheid", "1"),
        ("Inhopg3", "a. Oekraïne", "1"),
        ("Inhopg3", "b. Midden-Oosten", "2"),
        ("Inhopg2", "2.2 Mensenrechten", "2"),
        ("Inhopg1", "3. Hervorming van de Verenigde Naties", "2"),
        ("Inhopg1", "Bijlage: Nederlandse kandidaturen", "3"),
    ]
    anchors = [f"_Toc17654{3200 + i}" for i in range(len(toc))]
    entries = ""
    for i, (style, text, page) in enumerate(toc):
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            if i == 0
            else ""
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(toc) - 1 else ""
        entries += (
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{begin}<w:hyperlink w:anchor="{anchors[i]}" w:history="1">'
            f"{t(text)}<w:r><w:tab/></w:r>"
            f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {anchors[i]} \\h </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{t(page)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f"</w:hyperlink>{end}</w:p>"
        )

    def kop(i: int, style: str, content: str) -> str:
        return para(
            f'<w:bookmarkStart w:id="{i}" w:name="{anchors[i]}"/>{content}<w:bookmarkEnd w:id="{i}"/>', style
        )

    bold = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    dash = "<w:r><w:t>–</w:t></w:r><w:r><w:tab/></w:r>"
    hanging = '<w:ind w:left="284" w:hanging="284"/>'
    grid = '<w:tblPr><w:tblStyle w:val="Tabelraster"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4530"/><w:gridCol w:w="4530"/></w:tblGrid>'

    def row(cells: Sequence[str], header: bool = False) -> str:
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        return f"<w:tr>{trpr}" + "".join(f"<w:tc>{c}</w:tc>" for c in cells) + "</w:tr>"

    document = (
        para(t("Nederlandse inzet voor de 79e Algemene Vergadering van de Verenigde Naties"), "Titel")
        + para(t("Inhoudsopgave"), "Kopvaninhoudsopgave")
        + entries
        + kop(0, "Kop1", t("1. Inleiding"))
        + para(
            t("Op 10 september 2024 opent de 79e Algemene Vergadering van de Verenigde Naties in New York.")
            + fn("1", vm)
            + t(" Met deze brief informeert het kabinet uw Kamer over de Nederlandse inzet.")
        )
        + kop(1, "Kop1", t("2. Prioriteiten"))
        + kop(2, "Kop2", t("2.1 Vrede en veiligheid"))
        + kop(3, "Kop3", t("a. Oekraïne"))
        + para(
            t(
                "Nederland blijft zich inzetten voor een rechtvaardige en duurzame vrede in Oekraïne, gebaseerd op het VN-Handvest."
            )
        )
        + kop(4, "Kop3", t("b. Midden-Oosten"))
        + para(
            t(
                "Het kabinet steunt de inspanningen van de secretaris-generaal voor een humanitair staakt-het-vuren."
            )
        )
        + kop(5, "Kop2", t("2.2 Mensenrechten"))
        + para(t("Nederland zet zich in het bijzonder in voor:"))
        + para(dash + t("vrijheid van meningsuiting"), ppr=hanging)
        + para(dash + t("gelijke rechten van LHBTIQ+-personen"), ppr=hanging)
        + kop(6, "Kop1", t("3. Hervorming van de Verenigde Naties") + fn("2", vm))
        + para(t("De Top van de Toekomst van 22 en 23 september moet leiden tot een Pact voor de Toekomst."))
        + para(bold.format("Conclusie"))
        + para(
            t(
                "Het kabinet steunt een ambitieus Pact, met aandacht voor de hervorming van de Veiligheidsraad."
            )
        )
        + kop(7, "Kopzondernummer", t("Bijlage: Nederlandse kandidaturen"))
        + f"<w:tbl>{grid}"
        + row([para(bold.format("Orgaan")), para(bold.format("Periode"))], header=True)
        + row([para(t("Mensenrechtenraad")), para(t("2026-2028"))])
        + row([para(t("ECOSOC")), para(t("2025-2027"))])
        + "</w:tbl>"
        + para(t("Tabel 1 Kandidaturen van het Koninkrijk"), "Bijschrift")
        + para(t("Bron: Ministerie van Buitenlandse Zaken"))
    )
    notes = [
        Note("1", [note_text("Zie ook de Kamerbrief van 14 juni 2024, Kamerstuk 26150, nr. 220.")]),
        Note("2", [note_text("A/RES/79/1.")]),
    ]
    blob = notes_xml("footnote", notes, ("-1", "0"), text_style="Voetnoottekst", ref_style=vm)
    hdr_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
    header = f"<w:hdr {NSDECL}>{para(t('Ministerie van Buitenlandse Zaken'), 'Koptekst')}</w:hdr>"
    footer = (
        f"<w:ftr {NSDECL}>{para(t('Inzet 79e AVVN') + '<w:r><w:tab/></w:r>' + t('1'), 'Voettekst')}</w:ftr>"
    )
    return _package(
        document,
        styles,
        {"footnote": blob},
        "Inzet AVVN",
        extra=[
            ("rIdHdr1", "header", "header1.xml", hdr_ct.format("header"), header),
            ("rIdFtr1", "footer", "footer1.xml", hdr_ct.format("footer"), footer),
        ],
        sect='<w:headerReference w:type="default" r:id="rIdHdr1"/><w:footerReference w:type="default" r:id="rIdFtr1"/>',
    )


# Word 2010+ namespaces for alternates, text boxes and equations; w14/w15 are only named by mc:Choice.
NS_WORD2010 = (
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    ' xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
    ' xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    ' mc:Ignorable="w14 w15"'
)
TAB = "<w:r><w:tab/></w:r>"


def _word_styles() -> str:
    """Word's built-in styles by their English ids, with the note styles."""
    return (
        _style("Normal", "Normal", "", default=True)
        + _style(
            "Title",
            "Title",
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:sz w:val="56"/></w:rPr>',
        )
        + "".join(
            _style(
                f"Heading{n}",
                f"heading {n}",
                f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="{n - 1}"/></w:pPr>',
            )
            for n in (1, 2)
        )
        + "".join(
            _style(f"{k}Text", f"{k.lower()} text", '<w:basedOn w:val="Normal"/>')
            + _style(
                f"{k}Reference",
                f"{k.lower()} reference",
                '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
                "character",
            )
            for k in ("Footnote", "Endnote")
        )
    )


def _ruby(base: str, guide: str, after: str = "") -> str:
    """A run with a phonetic guide (`w:rt`) over base text; `after` is run XML inside the base (a reference)."""
    return (
        '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/><w:hps w:val="10"/><w:hpsRaise w:val="18"/>'
        '<w:hpsBaseText w:val="21"/><w:lid w:val="ja-JP"/></w:rubyPr>'
        f'<w:rt><w:r><w:rPr><w:sz w:val="10"/></w:rPr><w:t>{esc(guide)}</w:t></w:r></w:rt>'
        f"<w:rubyBase><w:r><w:t>{esc(base)}</w:t></w:r>{after}</w:rubyBase></w:ruby></w:r>"
    )


def _textbox(n: int, blocks: str) -> str:
    """A text box run as Word writes it: a wps shape in mc:Choice, the same box as VML in mc:Fallback."""
    anchor = (
        f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="{n}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>3600000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="2160000" cy="900000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{n}" name="Tekstvak {n}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2160000" cy="900000"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{blocks}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square"/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
    )
    vml = (
        f'<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe" '
        'xmlns:o="urn:schemas-microsoft-com:office:office"/>'
        f'<v:shape id="Tekstvak {n}" o:spid="_x0000_s{1024 + n}" type="#_x0000_t202" '
        'style="position:absolute;margin-left:283.5pt;width:170.1pt;height:70.85pt;z-index:1" '
        f'xmlns:o="urn:schemas-microsoft-com:office:office"><v:textbox><w:txbxContent>{blocks}</w:txbxContent></v:textbox></v:shape></w:pict>'
    )
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{anchor}</w:drawing></mc:Choice>'
        f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def zx_handelsmissie_japan() -> bytes:
    """Notes in ruby base text (with its guide) and inside an equation; a title with a line break and a tab."""
    document = (
        para(
            t("Verslag handelsmissie Japan") + BR + t("Tokio en Osaka") + TAB + t("14-18 oktober 2024"),
            "Title",
        )
        + para(t("Programma"), "Heading1")
        + para(
            t("De missie begon in ")
            + _ruby("東京", "とうきょう", fn("2"))
            + t(" (Tokio) met een ontmoeting op het ministerie van Economie, Handel en Industrie.")
        )
        + para(
            t("In ")
            + _ruby("大阪", "おおさか")
            + t(" bezocht de delegatie")
            + fn("3")
            + t(" de terreinen van de Wereldtentoonstelling 2025.")
        )
        + para(t("Handelscijfers"), "Heading1")
        + para(
            t("De groei van de handelsbalans is ")
            + "<m:oMath><m:r><m:t>g=</m:t></m:r><m:f><m:num><m:r><m:t>E−I</m:t></m:r></m:num>"
            "<m:den><m:r><m:t>I</m:t></m:r></m:den></m:f>"
            + fn("4")
            + "</m:oMath>"
            + t(", met E de export naar Japan en I de import.")
        )
        + para(t("De Nederlandse export steeg in 2023 met 6 procent.") + fn("5"))
        + para(t("Vervolg"), "Heading2")
        + para(t("Een vervolgmissie is voorzien voor het voorjaar van 2025."))
    )
    notes = [
        Note("2", [note_text("Tokio, in de tekst met de lezing als leeshulp.")]),
        Note("3", [note_text("Expo 2025, Yumeshima.")]),
        Note("4", [note_text("Bron: CBS, Internationale handel, 2024.")]),
        Note("5", [note_text("Kamerstuk 36180, nr. 91.")]),
    ]
    blob = notes_xml("footnote", notes)
    return _package(document, _word_styles(), {"footnote": blob}, "Handelsmissie Japan", ns=NS_WORD2010)


def zx_tekstvak_alternatief() -> bytes:
    """mc:AlternateContent around a reference in a run, two Choices and a Fallback, only a Fallback; nested text boxes."""
    ref_style = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
    run_alternate = (
        f'<w:r>{ref_style}<mc:AlternateContent><mc:Choice Requires="w14"><w:footnoteReference w:id="2"/></mc:Choice>'
        '<mc:Fallback><w:footnoteReference w:id="2"/></mc:Fallback></mc:AlternateContent></w:r>'
    )
    same = t("de Raad Buitenlandse Zaken") + fn("3")
    two_choices = (
        f'<mc:AlternateContent><mc:Choice Requires="w14">{same}</mc:Choice><mc:Choice Requires="w15">{same}</mc:Choice>'
        f"<mc:Fallback>{same}</mc:Fallback></mc:AlternateContent>"
    )
    fallback_only = f"<mc:AlternateContent><mc:Fallback>{t('de Europese Raad') + fn('4')}</mc:Fallback></mc:AlternateContent>"
    inner = _textbox(2, para(t("Binnenste kader: de Raad vergadert in Luxemburg.") + fn("6")))
    outer = _textbox(1, para(t("Kader: kernpunten") + fn("5") + inner) + para(t("Sancties tegen Rusland.")))
    document = (
        para(t("Geannoteerde agenda Raad Buitenlandse Zaken 22 april 2024"), "Title")
        + para(t("Inleiding"), "Heading1")
        + para(t("Het kabinet informeert uw Kamer") + run_alternate + t(" over de agenda."))
        + para(t("Op 22 april vergadert ") + two_choices + t(" in Luxemburg."))
        + para(t("De conclusies gaan naar ") + fallback_only + t(" van juni."))
        + para(t("Oekraïne"), "Heading1")
        + para(t("De Raad spreekt over de steun aan Oekraïne") + outer + t(" en over de sancties.") + fn("7"))
        + para(t("Slot"), "Heading1")
        + para(t("Het verslag volgt."))
    )
    notes = [
        Note("2", [note_text("Kamerstuk 21501-02, nr. 2850.")]),
        Note("3", [note_text("In de samenstelling van ministers van Buitenlandse Zaken.")]),
        Note("4", [note_text("Europese Raad van 27 en 28 juni 2024.")]),
        Note("5", [note_text("Noot in het buitenste tekstvak.")]),
        Note("6", [note_text("Noot in het binnenste tekstvak.")]),
        Note("7", [note_text("Het veertiende sanctiepakket.")]),
    ]
    blob = notes_xml("footnote", notes)
    return _package(document, _word_styles(), {"footnote": blob}, "Geannoteerde agenda RBZ", ns=NS_WORD2010)


def zx_hoofdletter_onderdelen() -> bytes:
    """Relationship targets in another letter case than the parts; notes whose first paragraph is empty."""
    document = (
        para("", "Title")  # an empty Title paragraph (a logo line) before the real one
        + para(t("Fiche: verordening kritieke grondstoffen"), "Title")
        + para(t("Voorstel"), "Heading1")
        + para(t("De Commissie stelt een verordening voor") + fn("2") + t(" over kritieke grondstoffen."))
        + para(t("Het kabinet") + fn("3") + t(" steunt") + fn("4") + t(" het voorstel."))
        + para(t("Bevoegdheid"), "Heading1")
        + para(t("De EU is bevoegd op grond van artikel 114 VWEU.") + en("1"))
        + para(t("Het kabinet beoordeelt de subsidiariteit positief.") + fn("5"))
        + para(t("Slot."))
    )
    footnotes = [
        Note("2", [note_text("COM(2023) 160.")]),
        Note("3", [note_text("Eerste noot.")]),
        Note("4", ["", t("Tweede alinea van de tweede noot.")]),  # POI: ` [4: ` at a line end
        Note("5", [t(" "), t("Alleen een spatie in de eerste alinea.")]),  # Word's own: ref, space, Enter
    ]
    endnotes = [Note("1", ["", t("Eindnoot met een lege eerste alinea.")])]
    return _package(
        document,
        _word_styles(),
        {"footnote": notes_xml("footnote", footnotes), "endnote": notes_xml("endnote", endnotes)},
        "Fiche kritieke grondstoffen",
        targets={
            "styles.xml": "Styles.xml",
            "footnotes.xml": "Footnotes.xml",
            "endnotes.xml": "EndNotes.xml",
        },
    )


def zx_kop_ruby_tekstvak() -> bytes:
    """The cases combined: a ruby note in a heading, alternates in a table cell, a text box note with an empty first paragraph."""
    ref_style = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
    run_alternate = (
        f'<w:r>{ref_style}<mc:AlternateContent><mc:Choice Requires="w14"><w:footnoteReference w:id="3"/></mc:Choice>'
        '<mc:Fallback><w:footnoteReference w:id="3"/></mc:Fallback></mc:AlternateContent></w:r>'
    )
    fallback_only = f"<mc:AlternateContent><mc:Fallback>{t('2,1 miljard euro') + fn('4')}</mc:Fallback></mc:AlternateContent>"
    box = _textbox(1, para(t("Kader: de G7-top") + fn("6")))
    document = (
        para(t("Verslag werkbezoek Japan en Zuid-Korea"), "Title")
        + para(t("Bezoek aan ") + _ruby("東京", "とうきょう", fn("2")), "Heading1")
        + para(t("De minister sprak met haar ambtgenoot over economische veiligheid."))
        + table(
            [
                [para(t("Onderwerp")), para(t("Uitkomst"))],
                [para(t("Halfgeleiders")), para(t("Samenwerking") + run_alternate + t(" afgesproken."))],
                [para(t("Investeringen")), para(t("Toezeggingen van ") + fallback_only + t("."))],
            ]
        )
        + para('<w:r><w:br w:type="page"/></w:r>', "Heading2")
        + para(t("Zuid-Korea"), "Heading2")
        + para(t("In Seoul") + box + t(" stond de defensie-industrie centraal.") + fn("5"))
    )
    notes = [
        Note("2", [note_text("Tokio.")]),
        Note("3", [note_text("Memorandum van overeenstemming van 3 oktober.")]),
        Note("4", [note_text("Over vijf jaar.")]),
        Note("5", [note_text("Zie ook de Defensienota 2024.")]),
        Note("6", ["", t("Noot in een tekstvak, met een lege eerste alinea.")]),
    ]
    return _package(
        document,
        _word_styles(),
        {"footnote": notes_xml("footnote", notes)},
        "Werkbezoek Azië",
        ns=NS_WORD2010,
    )


# --------------------------------------------------------------------------- external producers


def libreoffice(name: str) -> bytes:
    """Convert NAME.fodt, or NAME.html with LibreOffice's Writer HTML filter (sdfootnote anchors)."""
    src = HERE / f"{name}.fodt"
    html = not src.exists()
    if html:
        src = HERE / f"{name}.html"
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                *(["--infilter=HTML (StarWriter)"] if html else []),
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
        )
        return (Path(tmp) / f"{name}.docx").read_bytes()


def pandoc(name: str, *args: str) -> bytes:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1712059200")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.docx"
        subprocess.run(["pandoc", str(HERE / f"{name}.md"), "-o", str(out), *args], check=True, env=env)
        return out.read_bytes()


@dataclass
class Doc:
    """One corpus document: its producer, the cases it covers and how to build it."""

    producer: str
    cases: list[str]
    build: Callable[[], bytes]


DOCS: dict[str, Doc] = {
    "lo_geannoteerde_agenda": Doc(
        "libreoffice",
        [
            "title-style",
            "note-in-first-paragraph",
            "footnote-endnote-same-id",
            "separators-0-1",
            "line-breaks-with-notes",
            "multi-paragraph-note",
            "note-body-tab-and-spaces",
            "note-body-brackets",
            "lists-bulleted-numbered",
            "table-notes-in-cells",
            "heading-in-table-cell",
            "multi-paragraph-cell",
            "note-at-paragraph-end",
            "header-footer",
        ],
        lambda: libreoffice("lo_geannoteerde_agenda"),
    ),
    "lo_kamerbrief": Doc(
        "libreoffice",
        [
            "no-title-style",
            "title-from-core",
            "long-first-paragraph-with-notes",
            "comment-range",
            "tracked-insert-delete",
            "numbered-headings-via-numbering",
            "caption",
            "short-bold-line",
            "note-body-brackets",
            "url-with-brackets",
            "table-notes-in-cells",
        ],
        lambda: libreoffice("lo_kamerbrief"),
    ),
    "lo_html_verslag": Doc(
        "libreoffice",
        [
            "html-source",
            "no-title-style",
            "title-from-filename",
            "note-in-first-paragraph",
            "footnote-endnote-same-id",
            "note-in-heading",
            "separators-0-1",
        ],
        lambda: libreoffice("lo_html_verslag"),
    ),
    "lo_staat_van_de_unie": Doc(
        "libreoffice",
        [
            "title-style",
            "subtitle",
            "toc-libreoffice-index",
            "numbered-headings-via-numbering",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "unnumbered-appendix-heading",
            "heading-before-table",
            "caption",
            "source-line",
            "table-header-row",
            "lists-two-items",
            "header-footer",
        ],
        lambda: libreoffice("lo_staat_van_de_unie"),
    ),
    "lo_kamerbrief_briefhoofd": Doc(
        "libreoffice",
        [
            "no-title-style",
            "title-from-core",
            "address-block",
            "header-block-in-table",
            "sender-column-in-table",
            "unnumbered-headings",
            "heading-followed-by-subheading",
            "short-bold-line",
            "lists-two-items",
            "signature-block",
            "header-footer",
        ],
        lambda: libreoffice("lo_kamerbrief_briefhoofd"),
    ),
    "lo_verslag_agendapunten": Doc(
        "libreoffice",
        [
            "title-style",
            "outline-level-via-custom-style",
            "heading-followed-by-subheading",
            "heading-in-table-cell",
            "lists-bulleted-numbered",
            "short-bold-line",
            "table-notes-in-cells",
        ],
        lambda: libreoffice("lo_verslag_agendapunten"),
    ),
    "lo_html_kamervragen": Doc(
        "libreoffice",
        [
            "html-source",
            "no-title-style",
            "title-from-core",
            "kamervragen",
            "question-number-headings",
            "short-bold-line",
            "lists-two-items",
            "table-header-row",
        ],
        lambda: libreoffice("lo_html_kamervragen"),
    ),
    "pandoc_agenda_rbz": Doc(
        "pandoc",
        [
            "title-style",
            "toc-without-entries",
            "ids-start-at-20",
            "non-contiguous-ids",
            "multi-paragraph-note",
            "note-body-brackets",
            "url-with-brackets",
            "lists-bulleted-numbered",
            "table-notes-in-cells",
            "note-at-paragraph-start",
            "several-notes-in-paragraph",
        ],
        lambda: pandoc("pandoc_agenda_rbz", "--toc"),
    ),
    "pandoc_zonder_titel": Doc(
        "pandoc",
        [
            "no-title-style",
            "title-from-filename",
            "note-in-first-paragraph",
            "line-breaks-with-notes",
            "hyperlink-around-reference",
            "numbered-headings-in-text",
            "adjacent-notes",
            "non-contiguous-ids",
        ],
        lambda: pandoc("pandoc_zonder_titel"),
    ),
    "pandoc_verslag_so": Doc(
        "pandoc",
        [
            "title-style",
            "numbered-headings-in-text",
            "roman-numbered-headings",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "question-headings",
            "note-in-heading",
            "signature-block",
            "caption",
            "source-line",
            "short-bold-line",
            "lists-two-items",
            "table-header-row",
        ],
        lambda: pandoc("pandoc_verslag_so"),
    ),
    "pandoc_bnc_fiche": Doc(
        "pandoc",
        [
            "title-style",
            "toc-without-entries",
            "numbered-headings-in-text",
            "heading-number-tab",
            "short-body-after-heading",
            "unnumbered-appendix-heading",
            "heading-before-table",
            "definition-list",
            "lists-two-items",
        ],
        lambda: pandoc("pandoc_bnc_fiche", "--number-sections", "--toc", "--metadata=toc-title:Inhoud"),
    ),
    "pd_titel_noot": Doc(
        "python-docx",
        [
            "title-style",
            "note-in-title",
            "title-style-wins-over-core",
            "separators-minus1-0",
            "line-breaks-with-notes",
            "trailing-line-break",
            "table-notes-in-cells",
            "line-breaks-in-table-cell",
        ],
        pd_titel_noot,
    ),
    "pd_kop_stijlen": Doc(
        "python-docx",
        [
            "localised-title-style-titel",
            "localised-heading-styles-kop",
            "outline-level-direct",
            "outline-level-via-custom-style",
            "heading-in-table-cell",
            "separators-0-1",
            "dutch-note-style-ids",
        ],
        pd_kop_stijlen,
    ),
    "pd_noot_ids": Doc(
        "python-docx",
        [
            "no-separators",
            "note-id-0",
            "non-contiguous-ids",
            "ids-out-of-order",
            "footnote-endnote-same-id",
            "adjacent-notes",
            "title-from-core",
        ],
        pd_noot_ids,
    ),
    "pd_noot_ontbreekt": Doc(
        "python-docx",
        ["missing-footnote", "missing-endnote", "title-style"],
        pd_noot_ontbreekt,
    ),
    "pd_lege_noten": Doc(
        "python-docx",
        [
            "empty-note",
            "empty-paragraphs-note",
            "picture-only-note",
            "custom-mark-follows",
            "note-at-paragraph-start",
            "note-at-paragraph-end",
            "several-notes-in-paragraph",
            "adjacent-notes",
            "note-body-tab-and-spaces",
            "note-body-line-break",
            "title-from-core",
        ],
        pd_lege_noten,
    ),
    "pd_sdt_links": Doc(
        "python-docx",
        [
            "title-style",
            "sdt-inline-around-reference",
            "sdt-block",
            "hyperlink-around-reference",
            "tracked-insert-with-note",
            "tracked-delete-near-note",
            "comments",
        ],
        pd_sdt_links,
    ),
    "pd_inhoudsopgave": Doc(
        "python-docx",
        [
            "title-style",
            "toc-with-cached-entries",
            "numbered-headings-via-numbering",
            "numbered-headings-in-text",
            "lists-bulleted-numbered",
            "caption",
            "short-bold-line",
            "table-notes-in-cells",
            "header-footer",
        ],
        pd_inhoudsopgave,
    ),
    "pd_agenda_europese_raad": Doc(
        "python-docx",
        [
            "title-style",
            "toc-with-cached-entries",
            "toc-entry-number-tab",
            "toc-heading-outline-9",
            "numbered-headings-via-style-numbering",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "heading-before-table",
            "note-in-heading",
            "unnumbered-appendix-heading",
            "caption",
            "source-line",
            "short-bold-line",
            "lists-two-items",
            "table-header-row",
            "header-footer",
        ],
        pd_agenda_europese_raad,
    ),
    "pd_kamerbrief_word": Doc(
        "python-docx",
        [
            "no-title-style",
            "title-from-core",
            "first-page-header",
            "sender-column-in-header",
            "address-block",
            "header-block-with-tabs",
            "unnumbered-headings",
            "note-in-heading",
            "heading-in-table-cell",
            "signature-block-in-table",
            "header-footer",
        ],
        pd_kamerbrief_word,
    ),
    "pd_kamervragen_word": Doc(
        "python-docx",
        [
            "no-title-style",
            "title-from-core",
            "no-headings",
            "kamervragen",
            "short-bold-line",
            "lists-two-items",
            "header-footer",
        ],
        pd_kamervragen_word,
    ),
    "zx_nederlandse_word": Doc(
        "zip-lxml",
        [
            "dutch-word-style-ids",
            "title-style",
            "note-in-title",
            "note-in-heading",
            "ids-start-at-1",
            "non-contiguous-ids",
            "multi-paragraph-note",
            "url-with-brackets",
            "absolute-part-targets",
            "proof-errors-bookmarks",
        ],
        zx_nederlandse_word,
    ),
    "zx_alleen_eindnoten": Doc(
        "zip-lxml",
        [
            "no-styles-part",
            "endnotes-only",
            "note-id-0",
            "long-first-paragraph-with-notes",
            "title-from-core",
            "outline-level-direct",
            "heading-in-table-cell",
            "outline-level-9-body-text",
        ],
        zx_alleen_eindnoten,
    ),
    "zx_inzet_avvn": Doc(
        "zip-lxml",
        [
            "dutch-word-style-ids",
            "title-style",
            "toc-with-cached-entries",
            "toc-heading-outline-9",
            "numbered-headings-in-text",
            "headings-three-levels",
            "heading-followed-by-subheading",
            "heading-via-custom-style-based-on-heading",
            "note-in-heading",
            "typed-dash-list",
            "short-bold-line",
            "heading-before-table",
            "caption",
            "source-line",
            "table-header-row",
            "header-footer",
        ],
        zx_inzet_avvn,
    ),
    "pd_briefhoofd_lege_koppen": Doc(
        "python-docx",
        [
            "title-in-letterhead-table",
            "title-style-wins-over-core",
            "empty-heading-paragraphs",
            "heading-only-page-break",
            "heading-only-bookmark",
            "note-first-paragraph-empty",
            "table-notes-in-cells",
        ],
        pd_briefhoofd_lege_koppen,
    ),
    "zx_handelsmissie_japan": Doc(
        "zip-lxml",
        [
            "title-style",
            "title-line-break-and-tab",
            "note-in-ruby-base",
            "ruby-guide-left-out",
            "note-in-equation",
        ],
        zx_handelsmissie_japan,
    ),
    "zx_tekstvak_alternatief": Doc(
        "zip-lxml",
        [
            "title-style",
            "alternate-content-in-run-around-reference",
            "alternate-content-two-choices",
            "alternate-content-fallback-only",
            "text-box-in-text-box",
            "text-box-notes",
        ],
        zx_tekstvak_alternatief,
    ),
    "zx_hoofdletter_onderdelen": Doc(
        "zip-lxml",
        [
            "empty-first-title-paragraph",
            "title-style",
            "part-target-letter-case",
            "note-first-paragraph-empty",
            "note-first-paragraph-only-space",
            "several-notes-in-paragraph",
            "endnote-first-paragraph-empty",
        ],
        zx_hoofdletter_onderdelen,
    ),
    "zx_kop_ruby_tekstvak": Doc(
        "zip-lxml",
        [
            "title-style",
            "note-in-heading",
            "note-in-ruby-base",
            "alternate-content-in-run-around-reference",
            "alternate-content-fallback-only",
            "table-notes-in-cells",
            "heading-only-page-break",
            "text-box-notes",
            "note-first-paragraph-empty",
        ],
        zx_kop_ruby_tekstvak,
    ),
}


def write_facts(name: str, doc: Doc) -> None:
    facts = extract(HERE / f"{name}.docx")
    record = {"producer": doc.producer, **facts, "cases": doc.cases}
    (HERE / f"{name}.facts.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def main(argv: Sequence[str]) -> int:
    names = list(argv) or list(DOCS)
    if any(DOCS[n].producer == "libreoffice" for n in names) and not shutil.which("soffice"):
        print("build: soffice not found", file=sys.stderr)
        return 1
    for name in names:
        doc = DOCS[name]
        (HERE / f"{name}.docx").write_bytes(repack(doc.build()))
        write_facts(name, doc)
        print(f"built {name}.docx ({doc.producer})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
