"""Every real document of the corpus through the writers: the notes survive DOCX and PDF, not only the seed's."""

from __future__ import annotations

import re

import pytest

import toolkit
from tests.conftest import Collected
from tests.corpus_check import CORPUS, documents
from tests.test_pdf_facts import document_words, missing_words, pages_text
from toolkit.model import iter_notes
from toolkit.style import load_style
from toolkit.writers.docx import write_docx
from toolkit.writers.pdf import write_pdf
from toolkit.writers.pdf.fonts import family_for

NAMES = documents()
# A note mark (1, 2 … or i, ii … for endnotes) is glued to the word it follows, before its punctuation.
_MARK = re.compile(r"(\d+|[ivx]+)([.,;:!?)*]*)$")


def _unmarked(word: str) -> list[str]:
    """`word` without the last 1 to 3 characters of a trailing mark: "2024Z051231." may be "2024Z05123." + 1."""
    m = _MARK.search(word)
    if m is None:
        return []
    mark, tail = m.groups()
    return [word[: m.start()] + mark[:-n] + tail for n in range(1, min(3, len(mark)) + 1)]


@pytest.mark.parametrize("name", NAMES)
def test_a_real_document_comes_back_from_our_docx_the_same(name: str) -> None:
    doc = toolkit.read(CORPUS / f"{name}.docx", warn=Collected())
    assert toolkit.read(write_docx(doc, load_style()), format="docx", warn=Collected()) == doc


@pytest.mark.parametrize("name", NAMES)
def test_a_real_document_prints_every_word_of_its_text_and_notes(name: str) -> None:
    doc = toolkit.read(CORPUS / f"{name}.docx", warn=Collected())
    words = [w for text in pages_text(write_pdf(doc, load_style(), warn=Collected())) for w in text.split()]
    marks = {n.mark for _, n in iter_notes(doc) if n.mark is not None}
    own = [w[: -len(m)] for w in words for m in marks if w.endswith(m) and len(w) > len(m)]
    pages = [" ".join(words + own + [u for w in words for u in _unmarked(w)])]
    covered = family_for("Noto Sans", Collected()).covered
    # A character the font lacks prints as a box that text extraction leaves out (and is warned about).
    expected = document_words(doc)
    printable = +type(expected)({w: n for w, n in expected.items() if all(ord(c) in covered for c in w)})
    assert missing_words(printable, pages) == {}
