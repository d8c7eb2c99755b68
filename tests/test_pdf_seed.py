"""The seed briefing as PDF: facts read back with poppler and pypdf, and the command line."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

import toolkit
from tests.conftest import SEED
from tests.test_pdf_facts import (
    document_words,
    missing_words,
    needs_poppler,
    overlapping_words,
    pages_text,
    pages_words,
    pdffonts,
    pdfinfo,
    render,
)
from toolkit.cli import main
from toolkit.model import Briefing, Translation
from toolkit.record import replace

pytestmark = needs_poppler


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return toolkit.read(SEED)


@pytest.fixture(scope="module")
def pdf(seed: Briefing) -> bytes:
    return render(seed)


def test_the_footnote_is_on_the_page_of_its_reference_and_below_it(pdf: bytes) -> None:
    for page in pages_words(pdf):
        refs = [w for w in page if w.text.startswith("non-paper")]
        if refs:
            break
    else:
        raise AssertionError("non-paper is on no page")
    texts = [w.text for w in page]
    start = next(i for i in range(len(texts) - 1) if texts[i : i + 2] == ["Zie", "vertrouwelijke"])
    assert page[start].y_min > refs[0].y_max, "the note body is not below its reference"
    assert "(21501-02," in texts[start:]


def test_every_font_is_embedded(pdf: bytes) -> None:
    fonts = pdffonts(pdf)
    assert fonts
    assert all(f["emb"] == "yes" for f in fonts), fonts
    assert all(f["type"] == "TrueType" for f in fonts)


def test_page_size_and_document_info(pdf: bytes, seed: Briefing) -> None:
    info = pdfinfo(pdf)
    assert "(A4)" in info["Page size"]
    assert info["Title"] == seed.meta.title
    assert info["Subject"]
    assert info["Creator"].startswith("briefing toolkit")
    assert info["Producer"].startswith("briefing toolkit")


def test_outline_has_one_entry_per_section(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    outline = reader.outline
    assert [entry.title for entry in outline] == [
        "De weg naar de Washington D.C.-top",
        "NATO-Ukraine Council (NUC)",
        "Bijeenkomst met de EU en de NAVO-partners in de Indo-Pacific",
    ]
    pages = [reader.get_destination_page_number(entry) + 1 for entry in outline]
    texts = pages_text(pdf)
    for entry, page in zip(outline, pages, strict=True):
        assert entry.title in " ".join(texts[page - 1].split())


def test_catalog_language_is_the_document_language(pdf: bytes) -> None:
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "nl"


def test_reference_and_note_link_to_each_other(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    [number] = [i for i, text in enumerate(pages_text(pdf)) if "non-paper" in text]
    page = reader.pages[number]
    links = []  # (y of the link, page of its target, y of its target)
    for annot in page.get("/Annots", []):
        link = annot.get_object()
        dest = link.get("/Dest")
        if link.get("/Subtype") == "/Link" and dest is not None:
            target = reader.get_page_number(dest[0].get_object())
            links.append((float(link["/Rect"][1]), target, float(dest[3])))
    assert len(links) == 2
    assert all(target == number for _, target, _ in links), "both ends are on the page of non-paper"
    down, up = sorted(links, reverse=True)
    assert down[2] < down[0], "the reference links down to its note"
    assert up[2] > up[0], "the note links back up to its reference"


def test_no_text_of_the_document_is_missing(pdf: bytes, seed: Briefing) -> None:
    assert not missing_words(document_words(seed), pages_text(pdf))


def test_header_and_footer(pdf: bytes, seed: Briefing) -> None:
    pages = pages_text(pdf, layout=True)
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert f"Pagina {number} van {len(pages)}" in text
    assert pages[1].strip().startswith(seed.meta.title), "the header of later pages shows the title"
    assert " ".join(pages[0].split()).startswith(seed.meta.title), "page 1 opens with the title"


def test_nothing_overlaps(pdf: bytes) -> None:
    for page in pages_words(pdf):
        assert not overlapping_words(page)


@pytest.mark.parametrize(("lang", "label"), [("nl", "Machinevertaling"), ("en", "Machine translation")])
def test_machine_translation_line_on_page_one(seed: Briefing, lang: str, label: str) -> None:
    translated = replace(
        seed,
        lang=lang,
        meta=replace(seed.meta, translation=Translation("nl", "test", "tiny", "1")),
    )
    pages = pages_text(render(translated))
    assert label in pages[0]
    assert pages[0].index(label) < pages[0].index("De NAVO Foreign"), "the line comes before the text"
    assert label not in " ".join(pages_text(render(seed)))


def test_convert_command_from_every_input_format(tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    assert main(["convert", str(SEED), "-o", str(out)]) == 0
    from_text = pages_text(out.read_bytes())
    for fmt in ("xml", "docx"):
        middle = tmp_path / f"seed.{fmt}"
        assert main(["convert", str(SEED), "-o", str(middle)]) == 0
        again = tmp_path / f"from-{fmt}.pdf"
        assert main(["convert", str(middle), "-o", str(again)]) == 0
        assert "non-paper1" in " ".join(pages_text(again.read_bytes())).split()
    assert len(from_text) == 3  # the 130 mm column and 14 pt line step of the default style


def test_render_api_uses_the_house_style(seed: Briefing) -> None:
    data = toolkit.render(seed, "pdf")
    assert data.startswith(b"%PDF-")


def test_seed_renders_fast(seed: Briefing) -> None:
    render(seed)  # fonts are registered once per process
    start = time.perf_counter()
    render(seed)
    assert time.perf_counter() - start < 0.5
