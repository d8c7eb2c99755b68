"""The python-docx corpus documents (`pd_*`): each function returns the DOCX bytes.

A catalogue, not a program: one builder per document, each mostly the document's own text
and XML, so the file is long and each function stands alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from tests.corpus.python_docx_helpers import (
    add_note_styles,
    add_style,
    attach_notes,
    body_append,
    new_document,
    save,
    settings_note_pr,
)
from tests.corpus.wordml import (
    BR,
    NSDECL,
    Note,
    W,
    en,
    esc,
    fn,
    note_text,
    notes_xml,
    para,
    ref,
    t,
    table,
    tiny_png,
)


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
