"""The bilingual handout: rows paired block by block, and the two-column PDF with each side's notes and language.

The English here is a fake translation: the Dutch mapped through the translation
mapper with a lookup that prefixes every sentence with "EN". It tests the layout and
the structure, never translation quality.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

import toolkit
from tests.test_pdf_facts import LOREM, needs_poppler
from tests.test_pdf_tagged import ua_problems
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Briefing, Heading, Item, ListBlock, Meta, Note, P, Section, Translation, plain_text
from toolkit.record import replace
from toolkit.translation.segments import Mapper
from toolkit.writers import bilingual
from toolkit.writers.bilingual.align import rows

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_22ad20a819696709.txt"


def fake_english(doc: Briefing) -> Briefing:
    """`doc` through the mapper, every sentence "EN " + itself: the shape translation gives."""
    english = Mapper(lambda segment: f"EN {segment}").briefing(doc)
    meta = replace(english.meta, translation=Translation("nl", "fake", "fake-nl-en", "0"))
    return replace(english, meta=meta, lang="en")


def noted_doc(count: int = 24) -> Briefing:
    """Sections of paragraphs, each citing a note: merk{k}x marks the citing sentence, nr{k}x the note."""
    blocks: list[object] = []
    for k in range(1, count + 1):
        note = Note((P((f"Notitie nr{k}x staat hier, met een toelichting bij de zin.",)),))
        # The reference is glued to merk{k}x: the two are on one line, so on one page.
        para = P((f"{LOREM} Deze zin heeft een noot merk{k}x", note, f". {LOREM}"))
        if k % 6 == 1:
            blocks.append(Section(Heading((f"Onderdeel {k // 6 + 1}",)), (para,)))
        elif k % 6 == 3:
            blocks.append(ListBlock((Item((para,)), Item((P(("Een kort punt.",)),)))))
        else:
            blocks.append(para)
    return Briefing(Meta(title="Geannoteerde agenda"), tuple(blocks))  # type: ignore[arg-type]


def pdftotext(data: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        return subprocess.run(
            ["pdftotext", *args, str(path), "-"], capture_output=True, check=True, text=True
        ).stdout


def column_texts(data: bytes) -> list[tuple[str, str]]:
    """Each page's left and right column text (notes included), with single spaces."""
    pages = int(re.search(r"Pages:\s+(\d+)", _pdfinfo(data))[1])  # type: ignore[index]
    out = []
    for page in range(1, pages + 1):
        sides = []
        for x in (0, 298):  # the page is 595 pt wide; the columns part at its middle
            text = pdftotext(
                data, "-f", str(page), "-l", str(page), "-x", str(x), "-y", "0", "-W", "297", "-H", "842"
            )
            sides.append(" ".join(text.split()))
        out.append((sides[0], sides[1]))
    return out


def _pdfinfo(data: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        return subprocess.run(
            ["pdfinfo", *args, str(path)], capture_output=True, check=True, text=True
        ).stdout


# -- rows ----------------------------------------------------------------------------------------


def test_the_seed_pairs_row_by_row() -> None:
    doc = toolkit.read(SEED)
    table = rows(doc, fake_english(doc))
    assert [r.kind for r in table].count("heading") == 3
    assert table[0].kind == "title"
    paragraphs = [r for r in table if r.kind == "block"]
    assert len(paragraphs) == 10
    for row in paragraphs:
        assert isinstance(row.source, P) and isinstance(row.target, P)
        assert plain_text(row.target.children).startswith("EN ")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda body: body[:-1], "only the source has it"),
        (lambda body: (*body[:1], ListBlock((Item((P(("x",)),)),)), *body[2:]), "block 2 of the body"),
        (lambda body: (*body, P(("extra",))), "only the translation has it"),
    ],
)
def test_documents_whose_shapes_differ_are_refused(change: object, named: str) -> None:
    doc = toolkit.read(SEED)
    english = fake_english(doc)
    broken = replace(english, body=change(english.body))  # type: ignore[operator]
    with pytest.raises(BriefingError) as caught:
        bilingual.render(doc, broken, "pdf")
    assert caught.value.code == ExitCode.BAD_INPUT
    assert named in caught.value.message


def test_other_formats_are_refused() -> None:
    doc = toolkit.read(SEED)
    with pytest.raises(BriefingError) as caught:
        bilingual.render(doc, fake_english(doc), "xml")
    assert caught.value.code == ExitCode.USAGE


# -- the PDF -------------------------------------------------------------------------------------


@needs_poppler
def test_each_seed_paragraph_is_beside_its_translation_on_the_same_page() -> None:
    doc = toolkit.read(SEED)
    english = fake_english(doc)
    pages = column_texts(bilingual.render(doc, english, "pdf"))
    assert "Machine translation, not authoritative" in pages[0][1]
    assert "Machine translation" not in pages[0][0].replace("Machinevertaling", "")
    for row in rows(doc, english):
        if row.kind != "block":
            continue
        start = " ".join(plain_text(row.source.children).split()[:5])  # type: ignore[union-attr]
        found = [i for i, (left, _) in enumerate(pages) if start in left]
        assert found, start
        assert f"EN {start}" in pages[found[0]][1], f"{start!r} has no translation beside it"


@needs_poppler
def test_each_note_is_on_the_page_of_its_reference_on_both_sides() -> None:
    doc = noted_doc()
    data = bilingual.render(doc, fake_english(doc), "pdf")
    pages = column_texts(data)
    assert len(pages) >= 4
    for side in (0, 1):
        for k in range(1, 25):
            cited = [i for i, p in enumerate(pages) if f"merk{k}x" in p[side]]
            noted = [i for i, p in enumerate(pages) if f"nr{k}x" in p[side]]
            assert cited and noted == cited[:1], (side, k, cited, noted)
    # Numbered per language: each side's notes run 1..24, so the last note is 24 on both sides.
    last = next(p for p in pages if "nr24x" in p[0])
    assert re.search(r"24 Notitie nr24x", last[0]) and re.search(r"24 EN Notitie nr24x", last[1])


def test_each_column_is_a_part_in_its_own_language() -> None:
    pikepdf = pytest.importorskip("pikepdf")
    doc = toolkit.read(SEED)
    data = bilingual.render(doc, fake_english(doc), "pdf")
    pdf = pikepdf.open(io.BytesIO(data))
    assert str(pdf.Root.Lang) == "nl"
    [document] = pdf.Root.StructTreeRoot.K
    parts = [k for k in document.K if isinstance(k, pikepdf.Dictionary)]
    assert [(str(p.S), str(p.Lang)) for p in parts] == [("/Part", "nl"), ("/Part", "en-GB")]

    def texts(node: object) -> list[str]:
        roles = []
        for kid in getattr(node, "K", []) if isinstance(node, pikepdf.Dictionary) else []:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                roles.append(str(kid.S))
                roles.extend(texts(kid))
        return roles

    nl, en = texts(parts[0]), texts(parts[1])
    assert en[:2] == ["/H1", "/P"]  # the English title, then its machine-translation notice
    assert nl == en[:1] + en[2:]  # otherwise the same structure on both sides
    assert nl.count("/Note") == 1 and nl[0] == "/H1"


@needs_poppler
def test_the_structure_reads_the_dutch_then_the_english() -> None:
    doc = toolkit.read(SEED)
    tree = _pdfinfo(bilingual.render(doc, fake_english(doc), "pdf"), "-struct-text")
    dutch = tree.index("De NAVO Foreign Ministers Meeting (FMM) van 3-4 april")
    english = tree.index("EN De NAVO Foreign Ministers Meeting")
    last_dutch = tree.index("Deze sessie is daarmee een opmaat")
    assert dutch < last_dutch < english


def test_the_handout_passes_the_tagged_pdf_rules() -> None:
    doc = noted_doc(8)
    assert ua_problems(bilingual.render(doc, fake_english(doc), "pdf")) == []
