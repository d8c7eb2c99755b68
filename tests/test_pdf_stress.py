"""Generated stress briefings: each renders with every note on or after its reference page."""

from __future__ import annotations

import re

import pytest

from tests.test_pdf_facts import (
    LOREM,
    big_doc,
    briefing,
    document_words,
    long_note_doc,
    many_notes_doc,
    missing_words,
    needs_poppler,
    note,
    notes_in_order,
    overlapping_words,
    page_of,
    pages_text,
    pages_words,
    pdfinfo,
    ref_marker,
    render,
)
from toolkit.model import P

pytestmark = needs_poppler


def test_a_footnote_longer_than_a_page_continues_on_the_next_pages() -> None:
    doc = long_note_doc()
    data = render(doc)
    pages = pages_text(data)
    notes_in_order(pages, 2)
    # Word's rule: the note starts on its reference's page and continues on the next ones.
    assert page_of(pages, "NOTE0001START") == page_of(pages, ref_marker(1)) == 1
    assert page_of(pages, "Alinea 39") > 1
    assert not missing_words(document_words(doc), pages)
    assert all(not overlapping_words(words) for words in pages_words(data))


def test_forty_footnotes_in_one_paragraph() -> None:
    doc = many_notes_doc(40)
    data = render(doc)
    pages = pages_text(data)
    notes_in_order(pages, 40)
    same = sum(page_of(pages, ref_marker(n)) == page_of(pages, f"NOTE{n:04d}START") for n in range(1, 41))
    assert same >= 35, f"only {same} of 40 notes are on the page of their reference"
    assert not missing_words(document_words(doc), pages)
    assert all(not overlapping_words(words) for words in pages_words(data))


@pytest.mark.slow
def test_a_300_page_document() -> None:
    doc = big_doc(66)
    data = render(doc)
    pages = pages_text(data)
    assert len(pages) >= 300
    assert pdfinfo(data)["Pages"] == str(len(pages))
    notes_in_order(pages, 528)
    assert not missing_words(document_words(doc), pages)
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]


def test_a_200_character_word_is_cut_across_lines_not_lost() -> None:
    word = ("Rijksbegrotingsvoorbereidingsprocedure" * 6)[:200]
    data = render(briefing(P((f"Voor {word} na.",)), P((f"Verwijzing {ref_marker(1)}", note(1), " hier."))))
    pages = pages_text(data)
    joined = re.sub(r"\s+", "", pages[0])
    assert word in joined
    notes_in_order(pages, 1)
    words = pages_words(data)[0]
    assert max(w.x_max for w in words) <= 595.3 - 22 * 72 / 25.4 + 1, "the word stays inside the margin"


def test_an_empty_body_gives_one_page_with_the_title() -> None:
    data = render(briefing(title="Lege briefing"))
    pages = pages_text(data)
    assert len(pages) == 1
    assert "Lege briefing" in pages[0]
    assert "Pagina 1 van 1" in pages[0]


def test_a_note_in_the_last_lines_of_a_full_page() -> None:
    # References near the foot of many pages: the note either fits under them, or the
    # text carrying the reference moves on with it.
    blocks = []
    for n in range(1, 31):
        blocks.append(P((f"{LOREM} {LOREM} {ref_marker(n)}", note(n, 2), f" {LOREM}")))
        blocks.append(P((f"{LOREM} {LOREM} {LOREM}",)))
    data = render(briefing(*blocks))
    pages = pages_text(data)
    notes_in_order(pages, 30)
    assert all(not overlapping_words(words) for words in pages_words(data))
