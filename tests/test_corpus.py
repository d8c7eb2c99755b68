"""Both readers on the third-party corpus: every note exact, headings as Word's styles say."""

from __future__ import annotations

import pytest

import toolkit
from tests import corpus_check
from tests.corpus_check import CORPUS, documents, facts, score

NAMES = documents()
# Documents whose POI text shows what the heading numbers or contents are.
MARKED = {"toc-with-cached-entries", "toc-libreoffice-index", "numbered-headings-in-text"}


def test_the_corpus_is_there() -> None:
    assert len(NAMES) >= 12
    producers = {facts(name)["producer"] for name in NAMES}
    assert len(producers) >= 3


@pytest.mark.parametrize("name", NAMES)
def test_docx_reader_gives_every_note_and_heading_exactly(name: str) -> None:
    result = score(name, "docx")
    assert result.wrong == []
    assert result.exact == result.notes
    assert result.headings_exact


@pytest.mark.parametrize("name", NAMES)
def test_docx_reader_title_follows_the_title_rule(name: str) -> None:
    want = facts(name)
    assert corpus_check.read(name, "docx").doc.meta.title == want["title"]


@pytest.mark.parametrize("name", NAMES)
def test_text_reader_gives_every_note_poi_printed(name: str) -> None:
    # What is not exact must be POI's own loss: a reference inside a content
    # control (not printed, or printed without its body), or deleted text
    # that POI prints before a reference.
    result = score(name, "text")
    assert result.wrong == []
    assert result.exact + result.poi_lost == result.notes


@pytest.mark.parametrize("name", NAMES)
def test_both_readers_agree_on_the_notes_of_the_text(name: str) -> None:
    text = corpus_check.notes(corpus_check.read(name, "text").doc)
    docx = corpus_check.notes(corpus_check.read(name, "docx").doc)
    if facts(name)["title_from"] != "style":  # the POI text cannot tell a title
        assert len(text) == len(docx)
    for t in text:
        assert any((t["kind"], t["source_id"]) == (d["kind"], d["source_id"]) for d in docx)


@pytest.mark.parametrize("name", NAMES)
def test_what_the_docx_reader_reads_survives_xml_and_docx(name: str) -> None:
    doc = corpus_check.read(name, "docx").doc
    assert toolkit.read(toolkit.render(doc, "xml"), "xml") == doc
    again = toolkit.read(toolkit.render(doc, "docx"), "docx", warn=lambda _: None)
    assert again == doc


def test_heading_f1_on_the_text_path() -> None:
    scores = {name: score(name, "text").headings_f1 for name in NAMES}
    print("\n" + corpus_check.report())
    marked = [n for n in NAMES if MARKED & set(facts(n)["cases"])]
    assert marked, "the corpus needs documents with a contents list or typed heading numbers"
    for name in marked:
        assert scores[name] >= 0.8, name
    assert sum(scores.values()) / len(scores) >= 0.8


def test_corpus_files_are_where_the_check_reads_them() -> None:
    assert all((CORPUS / f"{n}.docx").is_file() and (CORPUS / f"{n}.txt").is_file() for n in NAMES)
