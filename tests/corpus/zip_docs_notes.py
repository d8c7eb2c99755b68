"""The zip+lxml corpus documents about note bodies: paragraphs that end the way POI closes a body."""

from __future__ import annotations

from tests.corpus.wordml import BR, Note, fn, note_text, notes_xml, para, t, table
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
