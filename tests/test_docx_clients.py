"""Real clients and other writers: python-docx, LibreOffice and pandoc open our DOCX; we read theirs.

Needs the Debian packages pandoc, libreoffice-writer, poppler-utils and
fonts-dejavu-core (CI installs them). Without them these tests skip, loudly.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import toolkit
from tests.fixtures.docx.models import FIXTURES
from toolkit.model import Briefing, Meta, Note, P, Section, iter_notes, plain_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(
            f"MISSING EXTERNAL TOOL(S) {', '.join(missing)}: apt-get install pandoc libreoffice-writer "
            "poppler-utils fonts-dejavu-core"
        )


def soffice(tmp: Path, src: Path, to: str) -> Path:
    """Convert `src` with headless LibreOffice, with a private profile so runs never share a lock."""
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(tmp),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = tmp / f"{src.stem}.{to.split(':')[0]}"
    assert out.exists(), f"LibreOffice wrote no {out.name}"
    return out


def note_texts(doc: Briefing) -> list[str]:
    return [" ".join(plain_text(p.children) for p in note.body) for _, note in iter_notes(doc)]


def pandoc_text(inlines: list[dict[str, Any]]) -> str:
    out = []
    for el in inlines:
        t, c = el["t"], el.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t == "LineBreak":
            out.append("\n")
        elif t in ("Emph", "Strong", "Superscript", "Subscript", "Underline", "SmallCaps", "Strikeout"):
            out.append(pandoc_text(c))
        elif t in ("Link", "Span"):
            out.append(pandoc_text(c[1]))
        elif t == "Note":
            pass
    return "".join(out)


def pandoc_notes(node: Any) -> list[str]:
    """Each pandoc Note's text, paragraphs joined by a space, in document order."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("t") == "Note":
            found.append(" ".join(pandoc_text(b["c"]) for b in node["c"] if b["t"] in ("Para", "Plain")))
            return found
        for value in node.values():
            found.extend(pandoc_notes(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(pandoc_notes(value))
    return found


def test_python_docx_opens_the_seed_docx_with_our_paragraphs_headings_and_styles() -> None:
    # python-docx is a test dependency only: a real client, not part of the writer.
    docx = pytest.importorskip("docx")
    doc = toolkit.read(SEED)
    opened = docx.Document(io.BytesIO(toolkit.render(doc, "docx")))

    expected: list[tuple[str, str]] = [("Title", doc.meta.title)]

    def walk(blocks: tuple[object, ...], level: int) -> None:
        for block in blocks:
            if isinstance(block, Section):
                expected.append((f"Heading {level}", plain_text(block.heading.children)))
                walk(block.blocks, level + 1)
            elif isinstance(block, P):
                expected.append(("Normal", plain_text(block.children)))

    walk(doc.body, 1)
    assert [(p.style.name, p.text) for p in opened.paragraphs] == expected
    assert sum(name.startswith("Heading") for name, _ in expected) == 3
    names = {s.name for s in opened.styles}
    assert {
        "Normal",
        "Title",
        "Heading 1",
        "footnote text",
        "footnote reference",
        "Header",
        "Footer",
    } <= names
    section = opened.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297  # A4
    assert [p.text for p in section.header.paragraphs] == [doc.meta.title]
    assert not section.footer.is_linked_to_previous
    assert opened.core_properties.title == doc.meta.title
    assert opened.core_properties.language == "nl"


@pytest.mark.external
@pytest.mark.slow
def test_libreoffice_puts_the_seed_footnote_on_the_page_of_its_reference(tmp_path: Path) -> None:
    need("soffice", "pdftotext", "pdfinfo")
    docx = tmp_path / "seed.docx"
    toolkit.write(toolkit.read(SEED), docx)
    pdf = soffice(tmp_path, docx, "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    texts = [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, pages + 1)
    ]
    reference_pages = [n for n, t in enumerate(texts, 1) if "non-paper" in t]
    note_pages = [n for n, t in enumerate(texts, 1) if "Zie vertrouwelijke bijlage" in t]
    assert reference_pages and reference_pages == note_pages
    assert "Pagina" in texts[0]  # the footer field wording


@pytest.mark.external
@pytest.mark.parametrize("name", ["seed", "notes"])
def test_pandoc_reads_the_same_notes_from_our_docx(tmp_path: Path, name: str) -> None:
    need("pandoc")
    doc = toolkit.read(SEED) if name == "seed" else FIXTURES[name]()
    docx = tmp_path / f"{name}.docx"
    toolkit.write(doc, docx)
    ast = json.loads(
        subprocess.run(
            ["pandoc", "-f", "docx", "-t", "json", str(docx)], check=True, capture_output=True, text=True
        ).stdout
    )
    # pandoc reads footnotes and endnotes alike as notes, in document order.
    assert pandoc_notes(ast["blocks"]) == note_texts(doc)


MARKDOWN = """---
title: Notitie met noten
lang: nl-NL
---

# Eerste kop

Tekst met een noot[^a] en nog een[^b].

## Tweede kop

Slot met *nadruk*[^c].

[^a]: Eenvoudige noot.

[^b]: Noot met twee alineas.

    De tweede alinea.

[^c]: Noot met een [link](https://example.org/).
"""
EXPECTED = ["Eenvoudige noot.", "Noot met twee alineas. De tweede alinea.", "Noot met een link."]


def check_other_writer(doc: Briefing) -> None:
    assert note_texts(doc) == EXPECTED
    assert doc.meta.title == "Notitie met noten" and doc.lang == "nl"
    first = doc.body[0]
    text = plain_text(first.blocks[0].children)  # type: ignore[union-attr]
    assert text == "Tekst met een noot en nog een."
    notes = [i for i in first.blocks[0].children if isinstance(i, Note)]  # type: ignore[union-attr]
    assert len(notes) == 2  # each note sits in its own paragraph, at its anchor


@pytest.mark.external
def test_reader_gets_footnotes_from_a_docx_pandoc_wrote(tmp_path: Path) -> None:
    need("pandoc")
    md = tmp_path / "noten.md"
    md.write_text(MARKDOWN, encoding="utf-8")
    docx = tmp_path / "noten.docx"
    subprocess.run(["pandoc", str(md), "-o", str(docx)], check=True, timeout=60)
    check_other_writer(toolkit.read(docx))


@pytest.mark.external
@pytest.mark.slow
def test_reader_gets_footnotes_from_a_docx_libreoffice_wrote_from_odt(tmp_path: Path) -> None:
    need("pandoc", "soffice")
    md = tmp_path / "noten.md"
    md.write_text(MARKDOWN, encoding="utf-8")
    odt = tmp_path / "noten.odt"
    subprocess.run(["pandoc", str(md), "-o", str(odt)], check=True, timeout=60)
    (tmp_path / "lo").mkdir()
    docx = soffice(tmp_path / "lo", odt, "docx:MS Word 2007 XML")
    check_other_writer(toolkit.read(docx))


@pytest.mark.external
@pytest.mark.slow
def test_libreoffice_shows_each_note_at_its_reference_whatever_the_source_ids(tmp_path: Path) -> None:
    # Source ids that fall through the document (a note moved in review): LibreOffice pairs
    # references with bodies by the order of their Word ids, so those must rise.
    need("soffice")
    doc = Briefing(
        Meta("Noot-ids"),
        (P(("Eerste zin", Note((P(("Noot A.",)),), "3"), " en tweede", Note((P(("Noot B.",)),), "2"), ".")),),
    )
    docx = tmp_path / "ids.docx"
    toolkit.write(doc, docx)
    again = soffice(tmp_path / "lo", docx, "odt")
    back = soffice(tmp_path / "back", again, "docx:MS Word 2007 XML")
    assert note_texts(toolkit.read(back)) == ["Noot A.", "Noot B."]
    assert [n.source_id for _, n in iter_notes(toolkit.read(docx))] == [
        "3",
        "2",
    ]  # our own round trip keeps them
