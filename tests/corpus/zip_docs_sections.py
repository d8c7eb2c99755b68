"""The zip+lxml corpus documents about sections and contents: a table of contents without page numbers, two sections, custom marks, chapters and paragraphs."""

from __future__ import annotations

from tests.corpus.wordml import (
    FIELD_END,
    NSDECL,
    Note,
    en,
    field_start,
    fn,
    note_text,
    notes_xml,
    para,
    ref,
    t,
    table,
)
from tests.corpus.zip_docs import _package, _style, _word_styles

_HDR_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"


def _toc_styles() -> str:
    return (
        _style(
            "TOCHeading",
            "TOC Heading",
            '<w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>',
        )
        + "".join(
            _style(
                f"TOC{n}",
                f"toc {n}",
                f'<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="{(n - 1) * 220}"/></w:pPr>',
            )
            for n in (1, 2)
        )
        + _style("Header", "header", '<w:basedOn w:val="Normal"/>')
        + _style("Footer", "footer", '<w:basedOn w:val="Normal"/>')
    )


def _contents(entries: list[tuple[int, str, str]]) -> str:
    """A TOC field with `\\n`: Word's entries without page numbers, each a link to its heading's bookmark."""
    out = ""
    for i, (level, text, anchor) in enumerate(entries):
        begin = field_start('TOC \\o "1-2" \\n \\h \\z \\u') if i == 0 else ""
        end = FIELD_END if i == len(entries) - 1 else ""
        out += (
            f'<w:p><w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr>{begin}'
            f'<w:hyperlink w:anchor="{anchor}" w:history="1">{t(text)}</w:hyperlink>{end}</w:p>'
        )
    return out


def _heading(level: int, text: str, anchor: str, n: int, after: str = "") -> str:
    mark = f'<w:bookmarkStart w:id="{n}" w:name="{anchor}"/>{t(text)}<w:bookmarkEnd w:id="{n}"/>'
    return para(mark + after, f"Heading{level}")


def zx_secties_zonder_paginas() -> bytes:
    """Dutch Word: a TOC without page numbers, an annex in a second section with its own header and footer, custom marks."""
    headings = [
        (1, "Inleiding"),
        (1, "Voorbereiding Europese Raad"),
        (2, "Uitbreiding"),
        (2, "Rechtsstatelijkheid"),
        (1, "Bijlage: stand van zaken"),
    ]
    anchors = [f"_Toc16{4400 + i}" for i in range(len(headings))]
    contents = _contents([(lvl, text, a) for (lvl, text), a in zip(headings, anchors, strict=True)])
    # The first section ends with the paragraph holding its properties: its own header and footer.
    section_one = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHdr1"/>'
        '<w:footerReference w:type="default" r:id="rIdFtr1"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    )
    document = (
        para(t("Geannoteerde agenda Raad Algemene Zaken van 16 april 2024"), "Title")
        + para(t("Inhoud"), "TOCHeading")
        + contents
        + _heading(1, "Inleiding", anchors[0], 0)
        + para(
            t("Op 16 april 2024 komt de Raad Algemene Zaken bijeen in Luxemburg.")
            + fn("1")
            + t(" Deze geannoteerde agenda beschrijft de Nederlandse inzet.")
        )
        + _heading(1, "Voorbereiding Europese Raad", anchors[1], 1)
        + para(t("De Raad bereidt de Europese Raad van 17 en 18 april voor."))
        + _heading(2, "Uitbreiding", anchors[2], 2)
        + para(
            t("Het kabinet steunt de voortgang van Oekraïne en Moldavië")
            + ref("footnote", "2", custom="*")
            + t(" op weg naar het lidmaatschap.")
        )
        + _heading(2, "Rechtsstatelijkheid", anchors[3], 3)
        + para(
            t(
                "De jaarlijkse dialoog over de rechtsstaat gaat over Duitsland, Estland, Ierland en Griekenland."
            )
            + en("1")
        )
        + f"<w:p><w:pPr>{section_one}</w:pPr>"
        + t("De Raad neemt kennis van de voortgang.")
        + "</w:p>"
        + _heading(1, "Bijlage: stand van zaken", anchors[4], 4)
        + para(
            t("Over het voorstel voor de Europese defensie-industrie wordt in juni een akkoord verwacht.")
            + ref("footnote", "3", custom="\u2020")
        )
    )
    notes = {
        "footnote": notes_xml(
            "footnote",
            [
                Note("1", [note_text("Kamerstuk 21501-02, nr. 2850.")]),
                Note("2", [note_text("Zie het uitbreidingspakket van november 2023.")], mark="*"),
                Note("3", [note_text("COM(2024) 150.")], mark="\u2020"),
            ],
        ),
        "endnote": notes_xml("endnote", [Note("1", [note_text("Rapport over de rechtsstaat 2023.")])]),
    }

    def part(kind: str, text: str) -> str:
        tag = "w:hdr" if kind == "header" else "w:ftr"
        return f"<{tag} {NSDECL}>{para(t(text), kind.capitalize())}</{tag}>"

    return _package(
        document,
        _word_styles() + _toc_styles(),
        notes,
        "Geannoteerde agenda RAZ april 2024",
        extra=[
            (
                "rIdHdr1",
                "header",
                "header1.xml",
                _HDR_CT.format("header"),
                part("header", "Ministerie van Buitenlandse Zaken"),
            ),
            (
                "rIdFtr1",
                "footer",
                "footer1.xml",
                _HDR_CT.format("footer"),
                part("footer", "Geannoteerde agenda RAZ"),
            ),
            (
                "rIdHdr2",
                "header",
                "header2.xml",
                _HDR_CT.format("header"),
                part("header", "Ministerie van Buitenlandse Zaken"),
            ),
            (
                "rIdFtr2",
                "footer",
                "footer2.xml",
                _HDR_CT.format("footer"),
                part("footer", "Bijlage bij de geannoteerde agenda"),
            ),
        ],
        sect='<w:headerReference w:type="default" r:id="rIdHdr2"/><w:footerReference w:type="default" r:id="rIdFtr2"/>',
    )


def zx_hoofdstukken_planning() -> bytes:
    """A programme in chapters and paragraphs (`Hoofdstuk 1`, `§ 1.1`), with a planning table whose rows end in a year."""
    planning = table(
        [
            [para(t("Mijlpaal")), para(t("Jaar"))],
            [para(t("Vaststelling in AMvB")), para(t("2025"))],
            [para(t("Invoering op scholen") + fn("3")), para(t("2027"))],
            [para(t("Evaluatie")), para(t("2030"))],
        ]
    )
    body = (
        para(t("Nationaal Waterprogramma 2022-2027"), "Title")
        + para(t("Hoofdstuk 1 Inleiding"), "Heading1")
        + para(t("Het programma beschrijft het nationale waterbeleid voor de komende zes jaar.") + fn("1"))
        + para(t("§ 1.1 Doel en reikwijdte"), "Heading2")
        + para(t("Het programma geeft invulling aan de Kaderrichtlijn Water") + fn("2") + t("."))
        + para(t("§ 1.2 Totstandkoming"), "Heading2")
        + para(t("Het programma is samen met de waterschappen en provincies opgesteld."))
        + para(t("Hoofdstuk 2 Planning"), "Heading1")
        + para(t("De maatregelen worden gefaseerd ingevoerd."))
        + planning
        + para(t("§ 2.1 Financiën"), "Heading2")
        + para(t("Voor de uitvoering is 40 miljoen euro per jaar beschikbaar") + fn("4") + t("."))
    )
    notes = [
        Note("1", [note_text("Kamerstuk 35 325, nr. 1.")]),
        Note("2", [note_text("Richtlijn 2000/60/EG.")]),
        Note("3", [note_text("Vanaf het schooljaar 2027-2028.")]),
        Note("4", [note_text("Zie de begroting van Infrastructuur en Waterstaat.")]),
    ]
    styles = _word_styles() + _style("TableGrid", "Table Grid", "", "table")
    return _package(body, styles, {"footnote": notes_xml("footnote", notes)}, "Nationaal Waterprogramma")
