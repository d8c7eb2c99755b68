"""The bilingual handout as DOCX (table, footnotes, languages), read by LibreOffice and pandoc; and the command.

The English is the fake translation of tests/test_bilingual.py; the command test runs
the tiny test model, which only knows its training sentences: it checks the command,
never translation quality.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import toolkit
from tests.test_bilingual import SEED, fake_english, noted_doc
from tests.test_docx_clients import need, soffice
from tests.test_translate_model import tiny_model  # noqa: F401  (the installed tiny model, a fixture)
from tests.test_translate_packages import no_network, private_dirs  # noqa: F401  (autouse fixtures)
from toolkit.cli import main
from toolkit.errors import ExitCode
from toolkit.ooxml.ns import qn
from toolkit.writers import bilingual

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: etree.fromstring(zf.read(n)) for n in ("word/document.xml", "word/footnotes.xml")}


def text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def test_one_table_two_columns_a_row_per_block_and_notes_from_their_own_cells() -> None:
    doc = toolkit.read(SEED)
    xml = parts(bilingual.render(doc, fake_english(doc), "docx"))
    document, footnotes = xml["word/document.xml"], xml["word/footnotes.xml"]
    [table] = document.iter(f"{W}tbl")
    assert len(table.findall(f"{W}tblGrid/{W}gridCol")) == 2
    rows = table.findall(f"{W}tr")
    assert len(rows) == 1 + 1 + 3 + 10  # header, title, headings, paragraphs
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert [text(c) for c in rows[0].findall(f"{W}tc")] == ["Nederlands", "English"]
    for row in rows:
        left, right = row.findall(f"{W}tc")
        for cell, lang in ((left, "nl-NL"), (right, "en-GB")):
            langs = {el.get(qn("w:val")) for el in cell.iter(f"{W}lang")}
            assert langs == {lang}, (text(cell)[:40], langs)
    bodies = {
        n.get(qn("w:id")): text(n) for n in footnotes.findall(f"{W}footnote") if int(n.get(qn("w:id"))) > 0
    }
    cited = [
        (side, ref.get(qn("w:id")))
        for row in rows
        for side, cell in enumerate(row.findall(f"{W}tc"))
        for ref in cell.iter(f"{W}footnoteReference")
    ]
    assert [side for side, _ in cited] == [0, 1]
    assert bodies[cited[0][1]].startswith("Zie vertrouwelijke bijlage")
    assert bodies[cited[1][1]].startswith("EN Zie vertrouwelijke bijlage")
    en_note = next(n for n in footnotes.findall(f"{W}footnote") if n.get(qn("w:id")) == cited[1][1])
    assert {el.get(qn("w:val")) for el in en_note.iter(f"{W}lang")} == {"en-GB"}


def test_the_docx_is_reproducible() -> None:
    doc = noted_doc(4)
    english = fake_english(doc)
    assert bilingual.render(doc, english, "docx") == bilingual.render(doc, english, "docx")


def test_libreoffice_opens_it_with_both_note_sets_as_footnotes(tmp_path: Path) -> None:
    need("soffice")
    doc = noted_doc(6)
    path = tmp_path / "handout.docx"
    path.write_bytes(bilingual.render(doc, fake_english(doc), "docx"))
    odt = soffice(tmp_path, path, "odt")
    with zipfile.ZipFile(odt) as zf:
        content = etree.fromstring(zf.read("content.xml"))
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    notes = content.findall(".//text:note[@text:note-class='footnote']", ns)
    bodies = ["".join(n.find("text:note-body", ns).itertext()) for n in notes]
    for k in range(1, 7):
        dutch = [i for i, b in enumerate(bodies) if b.startswith(f"Notitie nr{k}x")]
        english = [i for i, b in enumerate(bodies) if b.startswith(f"EN Notitie nr{k}x")]
        assert len(dutch) == 1 and len(english) == 1, bodies
        assert english[0] == dutch[0] + 1  # cited in the same row, the English after the Dutch


def test_pandoc_shows_both_texts_and_both_notes() -> None:
    need("pandoc")
    doc = toolkit.read(SEED)
    result = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none"],
        input=bilingual.render(doc, fake_english(doc), "docx"),
        capture_output=True,
        check=True,
    )
    plain = result.stdout.decode("utf-8")
    assert "De toetreding van Zweden op 7 maart 2024" in plain
    assert "EN De toetreding van Zweden op 7 maart 2024" in plain
    assert "[1] Zie vertrouwelijke bijlage" in plain
    assert "[2] EN Zie vertrouwelijke bijlage" in plain


# -- the command -----------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_bilingual_xml_is_a_usage_error_before_any_translation(tmp_path: Path) -> None:
    code, _, err = run("translate", str(SEED), "-o", str(tmp_path / "x.xml"), "--bilingual")
    assert code == ExitCode.USAGE
    assert "bilingual handout is PDF or DOCX" in err
    assert not (tmp_path / "x.xml").exists()


@pytest.mark.usefixtures("tiny_model")
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_translate_bilingual_writes_the_side_by_side_handout(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"handout{suffix}"
    code, _, err = run(
        "translate",
        str(SEED),
        "-o",
        str(out),
        "--bilingual",
        "--beam-size",
        "1",
        "--no-cache",
        "--no-glossary",
    )
    assert code == 0, err
    data = out.read_bytes()
    if suffix == ".docx":
        document = parts(data)["word/document.xml"]
        assert len(list(document.iter(f"{W}tbl"))) == 1
        assert {el.get(qn("w:val")) for el in document.iter(f"{W}lang")} == {"nl-NL", "en-GB"}
    else:
        assert data.startswith(b"%PDF") and b"/Lang (en-GB)" in data
