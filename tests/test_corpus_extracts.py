"""The third-party DOCX corpus: committed POI extracts and facts agree with the committed DOCX files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus.extract import POI_JAR, corpus_docx, extract_all, find_poi_text
from tests.corpus.facts import extract

CORPUS = Path(__file__).parent / "corpus"
PRODUCERS = {"libreoffice", "pandoc", "python-docx", "zip-lxml"}
KEYS = ["producer", "title", "title_from", "headings", "notes", "cases"]
DOCX = corpus_docx()


def test_corpus_is_complete() -> None:
    assert len(DOCX) >= 12
    for docx in DOCX:
        assert docx.with_suffix(".txt").is_file(), f"{docx.name} has no POI extract"
        assert (CORPUS / f"{docx.stem}.facts.json").is_file(), f"{docx.name} has no facts"
    producers = {json.loads((CORPUS / f"{d.stem}.facts.json").read_text("utf-8"))["producer"] for d in DOCX}
    assert producers == PRODUCERS


@pytest.mark.parametrize("docx", DOCX, ids=[d.stem for d in DOCX])
def test_facts_match_the_docx(docx: Path) -> None:
    facts = json.loads((CORPUS / f"{docx.stem}.facts.json").read_text("utf-8"))
    assert list(facts) == KEYS
    assert facts["producer"] in PRODUCERS
    assert facts["cases"] and all(isinstance(c, str) for c in facts["cases"])
    assert facts["title_from"] in {"style", "core", "filename"}
    expected = extract(docx)
    assert {k: facts[k] for k in expected} == expected


@pytest.mark.slow
@pytest.mark.external
def test_poi_extracts_are_current(tmp_path: Path) -> None:
    script = find_poi_text()
    if not POI_JAR.exists() or script is None:
        pytest.skip(
            "Apache POI is not installed (needs poi-ooxml.jar and a poi-text script via POI_TEXT or PATH)"
        )
    for out in extract_all(tmp_path, script):
        committed = (CORPUS / out.name).read_text("utf-8")
        assert out.read_text("utf-8") == committed, f"{out.name} differs from POI's output"
