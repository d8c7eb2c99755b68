"""The zip+lxml corpus documents (`zx_*`), written part by part into a minimal package.

Long for the same reason as `python_docx_docs.py`: one self-contained builder per document,
after the few functions that write a package.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from tests.corpus.wordml import (
    BR,
    FIELD_END,
    NSDECL,
    ZIP_TIME,
    Note,
    R,
    en,
    esc,
    field_start,
    fn,
    note_text,
    notes_xml,
    para,
    t,
    table,
)


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
        begin = field_start('TOC \\o "1-3" \\h \\z \\u') if i == 0 else ""
        end = FIELD_END if i == len(toc) - 1 else ""
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


def zx_noot_in_noot() -> bytes:
    """Notes cited inside notes (Word's UI cannot make them, other tools can): a footnote, an endnote, two deep."""
    document = (
        para(t("Stand van zaken Caribisch Nederland"), "Title")
        + para(t("Bestuur"), "Heading1")
        + para(
            t("De bestuurscolleges van Bonaire, Sint Eustatius en Saba rapporteren twee keer per jaar")
            + fn("1")
            + t(" over de voortgang van de bestuursakkoorden.")
        )
        + para(t("Financiën"), "Heading1")
        + para(t("De vrije uitkering is in 2024 structureel verhoogd") + fn("3") + t("."))
        + para(t("Het Cft houdt toezicht op de begrotingen.") + en("1"))
    )
    footnotes = [
        Note("1", [note_text("Zie de voortgangsrapportage van mei 2024") + en("2") + t(".")]),
        Note("3", [note_text("Kamerstuk 36200 IV, nr. 12, met de onderbouwing in de bijlage") + fn("4")]),
        Note(
            "4", [note_text("Bijlage bij het rapport van de Raad van State") + fn("5") + t(", paragraaf 3.")]
        ),
        Note("5", [note_text("Ongevraagd advies W04.23.0123/I.")]),
    ]
    endnotes = [
        Note("1", [note_text("College financieel toezicht Bonaire, Sint Eustatius en Saba.")]),
        Note("2", [note_text("Voortgangsrapportage bestuursakkoorden, mei 2024.")]),
    ]
    notes = {"footnote": notes_xml("footnote", footnotes), "endnote": notes_xml("endnote", endnotes)}
    return _package(document, _word_styles(), notes, "Stand van zaken Caribisch Nederland")
