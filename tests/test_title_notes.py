"""A note on the title stays a note through every reader, writer and translation."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

import toolkit
from tests.test_translate_segments import translator
from toolkit.model import Briefing, Meta, Note, P, iter_notes
from toolkit.model.schema import validate
from toolkit.translation.pipeline import Stats

NOTE = Note((P(("Kamerstuk 21501-20, nr. 2100.",)),), source_id="2")
DOC = Briefing(
    Meta("Geannoteerde agenda Europese Raad", title_notes=(NOTE,)),
    (P(("De Raad komt bijeen.", Note((P(("Tweede noot.",)),), source_id="3"))),),
)


def test_title_notes_number_first() -> None:
    assert [(n, note.source_id) for n, note in iter_notes(DOC)] == [(1, "2"), (2, "3")]


def test_xml_keeps_title_notes_at_the_end_of_the_title_and_validates() -> None:
    data = toolkit.render(DOC, "xml")
    assert b'<title>Geannoteerde agenda Europese Raad<note n="1" source-id="2">' in data
    assert validate(data) == []
    assert toolkit.read(data, "xml") == DOC


def test_xml_refuses_text_after_a_title_note() -> None:
    data = toolkit.render(DOC, "xml").replace(b"</note></title>", b"</note> meer</title>")
    with pytest.raises(toolkit.BriefingError, match="a title's notes come at its end"):
        toolkit.read(data, "xml")


def test_docx_writes_the_note_in_the_title_paragraph_and_reads_it_back() -> None:
    data = toolkit.render(DOC, "docx")
    assert toolkit.read(data, "docx") == DOC


def test_pdf_prints_the_title_note_on_page_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.pdf"
    toolkit.write(DOC, path)
    text = PdfReader(path).pages[0].extract_text()
    assert "Kamerstuk 21501-20, nr. 2100." in text and "Tweede noot." in text


def test_translation_translates_the_title_note_and_keeps_it() -> None:
    t, _, warned = translator()
    out = t.translate_document(DOC, Stats())
    assert out.meta.title == "EN[Geannoteerde agenda Europese Raad]"
    assert out.meta.title_notes == (Note((P(("EN[Kamerstuk 21501-20, nr. 2100.]",)),), source_id="2"),)
    assert not warned


@pytest.mark.external
def test_pandoc_reads_the_title_note_of_our_docx(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.docx"
    toolkit.write(DOC, path)
    try:
        md = subprocess.run(
            ["pandoc", str(path), "-t", "markdown"], capture_output=True, text=True, check=True
        )
    except FileNotFoundError:
        pytest.skip("pandoc is not installed")
    assert "[^1]: Kamerstuk 21501-20, nr. 2100." in md.stdout
