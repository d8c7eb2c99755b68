"""The post-editing round trip as a user runs it: translate to XLIFF, review, import, translate again."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

from tests.test_cli import run
from tests.translate_support import install_test_model
from toolkit.model.schema import validate

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_22ad20a819696709.txt"
X21 = "{urn:oasis:names:tc:xliff:document:2.0}"


def test_convert_writes_sources_only_for_human_translation(tmp_path: Path) -> None:
    out = tmp_path / "seed.xlf"
    code, _, err = run("convert", str(SEED), "-o", str(out))
    assert code == 0, err
    root = etree.fromstring(out.read_bytes())
    assert root.get("trgLang") == "en"
    assert {s.get("state") for s in root.iter(f"{X21}segment")} == {"initial"}
    code, _, err = run("convert", str(SEED), "-o", str(tmp_path / "old.xlf"), "--xliff-version", "1.2")
    assert code == 0 and b'version="1.2"' in (tmp_path / "old.xlf").read_bytes()


def test_translate_review_import_and_the_reviewed_text_wins_next_time(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    models = install_test_model(tmp_path / "models")
    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(models))
    cache = tmp_path / "tm.sqlite3"
    xlf = tmp_path / "seed.xlf"
    code, _, err = run("translate", str(SEED), "-o", str(xlf), "--cache", str(cache), "--beam-size", "1")
    assert code == 0, err
    root = etree.fromstring(xlf.read_bytes())
    segments = list(root.iter(f"{X21}segment"))
    assert segments and all(s.get("state") == "translated" for s in segments)
    # The translator reviews everything and rewrites the title's first sentence.
    for segment in segments:
        segment.set("state", "reviewed")
    title = segments[0].find(f"{X21}target")
    assert title is not None
    title.text = "Foreign Ministers Meeting, 3 and 4 April 2024"
    xlf.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    pdf = tmp_path / "seed.en.pdf"
    code, _, err = run("convert", str(xlf), "-o", str(pdf), "--cache", str(cache))
    assert code == 0, err
    learned = int(re.search(r"note: (\d+) reviewed segment", err)[1])  # type: ignore[index]
    assert learned == len(segments)
    # Reviewed all through, it is no machine translation any more, and says so.
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Reviewed translation, not authoritative" in text and "Machine translation" not in text
    xml = tmp_path / "seed.en.xml"
    assert run("convert", str(xlf), "-o", str(xml), "--no-learn")[0] == 0
    assert b'machine="false"' in xml.read_bytes() and validate(xml.read_bytes()) == []

    again = tmp_path / "again.en.xml"
    code, out, err = run("translate", str(SEED), "-o", str(again), "--cache", str(cache), "--stats")
    assert code == 0, err
    assert "model calls: 0" in out  # every sentence came from the reviewed file
    assert b"Foreign Ministers Meeting, 3 and 4 April 2024" in again.read_bytes()
