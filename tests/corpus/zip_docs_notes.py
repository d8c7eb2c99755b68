"""The zip+lxml corpus documents about note edges: bodies that end the way POI closes one, fields and comments beside references."""

from __future__ import annotations

from tests.corpus.wordml import (
    BR,
    FIELD_END,
    NSDECL,
    Note,
    field_start,
    fn,
    note_text,
    notes_xml,
    para,
    t,
    table,
)
from tests.corpus.zip_docs import _package, _style, _word_styles


def zx_noot_randen() -> bytes:
    """Notes whose paragraphs end in `]`, a space, a line break or nothing: POI prints each like a close."""
    body = (
        para(t("Verslag algemeen overleg Koninkrijksrelaties"), "Title")
        + para(t("Verloop"), "Heading1")
        + para(t("De commissie besprak de voortgang") + fn("1") + t(" van de bestuursakkoorden."))
        + para(t("Het advies") + fn("2") + t(" is integraal overgenomen."))
        + para(t("De minister citeert de Raad van State") + fn("3") + t(" in de brief."))
        + para(t("De planning") + fn("4") + t(" is ongewijzigd."))
        + table(
            [
                [para(t("Bonaire") + fn("5")), para(t("Sint Eustatius") + fn("6"))],
                [para(t("Saba")), para(t("Geen noot"))],
            ]
        )
        + para(t("Een bron") + fn("7") + t(" staat online."))
        + para(t("Afspraken"), "Heading1")
        + para(t("De commissie komt in het najaar terug op de uitvoering."))
    )
    notes = [
        Note("1", [note_text("Eerste alinea."), "", t("Derde alinea, na een lege.")]),
        Note("2", [note_text("Advies W04.24.0001/IV") + BR]),
        # A quote that ends its paragraph with `[…] `: POI prints `[…] ⏎`, as it closes a body.
        Note(
            "3",
            [
                note_text("\u201cHet kabinet moet investeren [\u2026] "),
                t("Advies Raad van State, W04.24.0001."),
            ],
        ),
        Note("4", [note_text("Zie Kamerstuk 36 410, nr. 5 [herdruk] "), t("Tweede alinea van de noot.")]),
        Note("5", [note_text("Eerste alinea in de cel."), t("Tweede alinea in de cel [bijlage] ")]),
        Note("6", [note_text("Noot in de tweede cel.")]),
        Note("7", [note_text("Zie https://example.org/a[1]"), t("Vervolg.")]),
    ]
    styles = _word_styles() + _style("TableGrid", "Table Grid", "", "table")
    return _package(body, styles, {"footnote": notes_xml("footnote", notes)}, "Randen van noten")


def _if_status(then: str, otherwise: str) -> str:
    """A template's IF field over a DOCPROPERTY, nested in its code; the cached result is `then`."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> IF "</w:instrText></w:r>'
        + field_start('DOCPROPERTY "Status"')
        + t("Definitief")
        + FIELD_END
        + f'<w:r><w:instrText xml:space="preserve">" = "Definitief" "{then}" "{otherwise}" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + t(then)
        + FIELD_END
    )


def zx_velden_genest() -> bytes:
    """Fields from a ministry's template: a field nested in another's code prints its result there, which is no text."""
    body = (
        para(t("Fiche: verordening Europese defensie-industrie"), "Title")
        + para(t("Status: ") + field_start('DOCPROPERTY "Status"') + t("Definitief") + FIELD_END)
        + para(t("Besluitvorming"), "Heading1")
        + para(
            t("Het kabinet ")
            + _if_status("steunt", "overweegt")
            + t(" het voorstel van de Europese Commissie voor een programma voor de defensie-industrie")
            + fn("1")
            + t(".")
        )
        + para(
            t("Datum van verzending: ")
            + field_start('DATE \\@ "d MMMM yyyy"')
            + t("3 april 2024")
            + FIELD_END
            + fn("2")
        )
        + para(t("Het fiche ") + _if_status("is", "wordt") + t(" op 12 april in de ministerraad besproken."))
        + para(t("Gevolgen"), "Heading1")
        + para(t("Het programma heeft geen gevolgen voor de rijksbegroting in 2024") + fn("3") + t("."))
    )
    notes = [
        Note("1", [note_text("COM(2024) 150, Europees programma voor de defensie-industrie (EDIP).")]),
        Note("2", [note_text("De datum is een veld van het sjabloon.")]),
        Note("3", [note_text("Zie de Voorjaarsnota 2024.")]),
    ]
    return _package(body, _word_styles(), {"footnote": notes_xml("footnote", notes)}, "Velden genest")


_COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def _commented(cid: str, runs: str) -> str:
    return (
        f'<w:commentRangeStart w:id="{cid}"/>{runs}<w:commentRangeEnd w:id="{cid}"/>'
        f'<w:r><w:commentReference w:id="{cid}"/></w:r>'
    )


def _comment(cid: str, author: str, paragraphs: list[str]) -> str:
    body = "".join(para(runs) for runs in paragraphs)
    return f'<w:comment w:id="{cid}" w:author="{author}" w:date="2024-04-02T12:00:00Z" w:initials="X">{body}</w:comment>'


def zx_opmerkingen() -> bytes:
    """A draft with reviewers' comments: POI prints them after the paragraph's text, a line break in one as a newline."""
    body = (
        para(t("Conceptbrief uitvoering sanctiepakketten"), "Title")
        + para(t("Aanleiding"), "Heading1")
        + para(_commented("0", t("Het kabinet informeert de Kamer")) + fn("1") + t(" over de sancties."))
        + para(_commented("1", t("Deze alinea heeft geen noot")) + t(" maar wel een opmerking."))
        + para(
            t("Twee opmerkingen")
            + fn("2")
            + _commented("2", t(" in één alinea"))
            + _commented("3", t(" met een noot"))
            + t(".")
        )
        + para(t("Uitvoering"), "Heading1")
        + para(_commented("4", t("De Douane controleert")) + t(" de naleving") + fn("3") + t("."))
        + para(t("Slot."))
    )
    comments = [
        _comment("0", "M. Visser", [t("Eerste regel") + BR + t("tweede regel van de opmerking.")]),
        _comment("1", "J. de Vries", [t("Kan weg?") + BR + t("Graag overleg met DJZ.")]),
        _comment("2", "M. Visser", [t("Kort.")]),
        _comment("3", "A. Bakker", [t("Nog een opmerking") + BR + t("over twee regels.")]),
        _comment(
            "4", "A. Bakker", [t("Eerste alinea van de opmerking."), t("Tweede alinea van de opmerking.")]
        ),
    ]
    notes = [
        Note("1", [note_text("Kamerstuk 21501-02, nr. 2900.")]),
        Note("2", [note_text("Het dertiende pakket.")]),
        Note("3", [note_text("Zie de jaarrapportage van de Douane.")]),
    ]
    part = f"<w:comments {NSDECL}>{''.join(comments)}</w:comments>"
    return _package(
        body,
        _word_styles(),
        {"footnote": notes_xml("footnote", notes)},
        "Opmerkingen",
        extra=[("rIdC", "comments", "comments.xml", _COMMENTS_CT, part)],
    )
