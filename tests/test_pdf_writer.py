"""PDF writer features: tables, lists, endnotes, fonts and glyph coverage, style errors."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from pypdf import PdfReader

from tests.conftest import Collected
from tests.test_pdf_facts import (
    LOREM,
    briefing,
    document_words,
    missing_words,
    needs_poppler,
    overlapping_words,
    page_of,
    pages_text,
    pages_words,
    pdffonts,
    render,
)
from toolkit.errors import BriefingWarning
from toolkit.model import Heading, Link, ListBlock, Note, P, Section, Strong
from toolkit.model.nodes import Cell, Item, Row, Table
from toolkit.record import replace
from toolkit.style import load_style
from toolkit.writers.pdf import write_pdf

RIGHT_EDGE = 595.3 - 22 * 72 / 25.4  # A4 width less the default right margin


def cell(text: str, header: bool = False) -> Cell:
    return Cell((P((text,)),), header=header)


@needs_poppler
def test_a_table_wider_than_the_page_fits_it() -> None:
    header = Row(tuple(cell(f"Kolomkop{c}", header=True) for c in range(12)))
    rows = tuple(Row(tuple(cell(f"Cel{r}{c} {LOREM[: 20 + 7 * c]}") for c in range(12))) for r in range(8))
    doc = briefing(P(("Voor de tabel.",)), Table((header, *rows)), P(("Na de tabel.",)))
    data = render(doc)
    for words in pages_words(data):
        assert max(w.x_max for w in words) <= RIGHT_EDGE + 1
        assert not overlapping_words(words)
    # Twelve columns leave less room than the longest words: those are cut, never lost.
    extracted = Counter("".join("".join(page.split()) for page in pages_text(data)))
    expected = Counter("".join(document_words(doc).elements()))
    assert not expected - extracted


@needs_poppler
def test_a_table_of_a_few_columns_keeps_its_words_whole() -> None:
    rows = tuple(Row((cell(f"Onderwerp {r}"), cell(LOREM), cell(LOREM + " " + LOREM))) for r in range(30))
    doc = briefing(
        Table((Row((cell("Onderwerp", True), cell("Inzet", True), cell("Toelichting", True))), *rows))
    )
    data = render(doc)
    assert not missing_words(document_words(doc), pages_text(data))
    for words in pages_words(data):
        assert max(w.x_max for w in words) <= RIGHT_EDGE + 1
        assert not overlapping_words(words)


@needs_poppler
def test_nested_bullet_and_ordered_lists() -> None:
    inner = ListBlock(tuple(Item((P((f"binnen{i}",)),)) for i in range(1, 4)), ordered=True)
    outer = ListBlock((Item((P(("buiten1",)),)), Item((P(("buiten2",)), inner)), Item((P(("buiten3",)),))))
    pages = pages_text(render(briefing(outer)), layout=True)
    lines = [line for line in pages[0].splitlines() if "buiten" in line or "binnen" in line]
    assert [line.split()[-1] for line in lines] == [
        "buiten1",
        "buiten2",
        "binnen1",
        "binnen2",
        "binnen3",
        "buiten3",
    ]
    assert all(line.split()[0] == "•" for line in lines if "buiten" in line)
    assert [line.split()[0] for line in lines if "binnen" in line] == ["1.", "2.", "3."]
    indent = {line.split()[-1]: len(line) - len(line.lstrip()) for line in lines}
    assert indent["binnen1"] > indent["buiten1"]


@needs_poppler
def test_endnotes_are_listed_at_the_end_under_a_notes_heading() -> None:
    doc = briefing(
        Section(
            Heading(("Eerste",)), (P(("Tekst met eindnoot", Note((P(("ENDNOTEONE",)),), kind="endnote"))),)
        ),
        Section(Heading(("Tweede",)), tuple(P((LOREM * 4,)) for _ in range(12))),
        P(("Slot", Note((P(("ENDNOTETWO",)),), kind="endnote"))),
    )
    pages = pages_text(render(doc))
    last = pages[-1]
    assert "Noten" in last and last.index("Noten") < last.index("ENDNOTEONE") < last.index("ENDNOTETWO")
    assert page_of(pages, "ENDNOTEONE") > page_of(pages, "Tekst met eindnoot")
    assert "eindnooti" in pages[0].split(), "endnote references are roman numerals"


@needs_poppler
def test_bold_text_uses_an_embedded_bold_face() -> None:
    fonts = pdffonts(render(briefing(P(("gewoon ", Strong(("vet",)))))))
    assert {f["name"].split("+")[-1] for f in fonts} >= {"NotoSans-Regular", "NotoSans-Bold"}


def test_a_character_without_glyph_is_named_with_its_place() -> None:
    seen = Collected()
    doc = briefing(Section(Heading(("Azië",)), (P(("Tekst",)), P(("Beijing 北京",)))))
    write_pdf(doc, load_style(), warn=seen)
    messages = seen.messages()
    assert any("U+5317" in m and "paragraph 2" in m and "Azië" in m for m in messages), messages
    assert any("U+4EAC" in m for m in messages)


def test_missing_glyphs_go_to_python_warnings_by_default() -> None:
    with pytest.warns(BriefingWarning, match="U\\+1F600"):
        write_pdf(briefing(P(("\U0001f600",))), load_style())


def test_an_unknown_font_falls_back_with_a_warning() -> None:
    style = load_style()
    style = replace(style, body=replace(style.body, font="Comic Sans"))
    seen = Collected()
    assert write_pdf(briefing(P(("tekst",))), style, warn=seen).startswith(b"%PDF")
    assert any("Comic Sans" in m for m in seen.messages())


def test_reportlabs_vera_can_be_chosen() -> None:
    style = load_style()
    style = replace(style, body=replace(style.body, font="Vera"))
    seen = Collected()
    assert write_pdf(briefing(P(("tekst",))), style, warn=seen).startswith(b"%PDF")
    assert not seen


def test_the_page_size_comes_from_the_style() -> None:
    # Sizes are checked when the style is loaded (tests/test_style.py); the writer takes any it allows.
    style = load_style()
    style = replace(style, page=replace(style.page, size="A5"))
    box = PdfReader(io.BytesIO(write_pdf(briefing(P(("tekst",))), style))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)


def test_rendering_twice_gives_the_same_bytes_at_a_fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1712059200")  # reproducible builds: no clock in the file
    doc = briefing(P(("Een", Note((P(("noot",)),)))))
    style = load_style()
    first, second = write_pdf(doc, style), write_pdf(doc, style)
    assert first == second


def test_a_link_to_a_place_inside_the_document_is_kept_as_text_with_a_warning() -> None:
    # Word's tables of contents link to bookmarks (#_Toc…), which the model does not keep.
    seen = Collected()
    doc = briefing(
        P(
            (
                "Zie ",
                Link(("paragraaf 2",), "#_Toc1"),
                " en ",
                Link(("de site",), "https://www.rijksoverheid.nl/"),
            )
        )
    )
    data = write_pdf(doc, load_style(), warn=seen)
    assert "Zie paragraaf 2 en de site" in " ".join(
        PdfReader(io.BytesIO(data)).pages[0].extract_text().split()
    )
    uris = [a.get_object()["/A"].get("/URI") for a in PdfReader(io.BytesIO(data)).pages[0].get("/Annots", [])]
    assert "https://www.rijksoverheid.nl/" in uris and not any(u and u.startswith("#") for u in uris)
    assert seen.messages() == [
        "links to places inside the document (first: #_Toc1) are kept as text, without a link: "
        "the PDF has no target for them"
    ]


@needs_poppler
def test_a_heading_in_a_table_cell_takes_no_page_break_with_it_and_fits_its_column() -> None:
    # Keep-with-next is a conditional page break; inside a cell it claimed the whole frame.
    heading_cell = Cell((Section(Heading(("Partners",)), (P(("De IP4-landen.",)),)),))
    doc = briefing(
        P(("Voor de tabel.",)), Table((Row((heading_cell, cell("Veiligheid"))),)), P(("Na de tabel.",))
    )
    pages = pages_text(render(doc))
    assert len(pages) == 1
    assert "Na de tabel." in pages[0]
    # Set as the cell's text in bold, the heading stays inside its column.
    assert {"Partners", "Veiligheid"} <= set(pages[0].split())
