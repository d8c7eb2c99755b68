"""One grid for both formats: the measure, the line step, the title block, and LibreOffice's pages of our DOCX."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import toolkit
from tests.test_docx_clients import need, soffice
from toolkit.fonts import FONTS_DIR
from toolkit.model import Briefing
from toolkit.record import replace
from toolkit.style import is_number, load_style
from toolkit.writers.docx import write_docx
from toolkit.writers.pdf import write_pdf

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_22ad20a819696709.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def seed() -> Briefing:
    return toolkit.read(SEED)


def lines(pdf: Path) -> list[tuple[int, float, float, str]]:
    """Each text line of a PDF: page, top, height and text, from poppler's word boxes."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    found = []
    for number, page in enumerate(etree.fromstring(out).iter("{*}page"), 1):
        for line in page.iter("{*}line"):
            text = " ".join(w.text or "" for w in line.iter("{*}word"))
            top, bottom = float(line.get("yMin")), float(line.get("yMax"))
            found.append((number, top, bottom - top, text))
    return found


def body_lines(pdf: Path) -> list[tuple[int, float, float, str]]:
    # Body text at 10 pt has a 13.6 pt box in Noto Sans; notes, headings and the title do not.
    return [line for line in lines(pdf) if 12.5 < line[2] < 15]


def test_title_block_is_written_out_and_labelled() -> None:
    style = load_style()
    nl = style.title_block("nl", "geannoteerde agenda", "2024-04-03", ("21501-02", "BZ2404123"))
    assert nl == (
        "Geannoteerde agenda",
        "3 april 2024 \u00b7 Kamerstuk 21501-02 \u00b7 Kenmerk BZ2404123",
    )
    en = style.title_block("en", "annotated agenda", "2024-04-03", ("21501-02",))
    assert en == ("Annotated agenda", "3 April 2024 \u00b7 Parliamentary paper 21501-02")
    assert style.title_block("nl", None, None, ()) == ()


def test_numbers_are_told_from_text() -> None:
    assert all(is_number(t) for t in ("12", "1.250", "3,5 %", "\u20ac 12,50", "-4"))
    assert not any(is_number(t) for t in ("Zweden", "2024-04-03 x", ""))


def test_docx_line_steps_are_exact_and_fonts_embedded(seed: Briefing) -> None:
    data = write_docx(seed, load_style())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = etree.fromstring(zf.read("word/styles.xml"))
        normal = styles.find(f"{W}style[@{W}styleId='Normal']/{W}pPr/{W}spacing")
        assert (normal.get(f"{W}line"), normal.get(f"{W}lineRule")) == ("280", "exact")  # 14 pt
        fonts = etree.fromstring(zf.read("word/fontTable.xml"))
        noto = fonts.find(f"{W}font[@{W}name='Noto Sans']")
        assert noto.find(f"{W}family").get(f"{W}val") == "swiss"
        regular = noto.find(f"{W}embedRegular")
        key = regular.get(f"{W}fontKey")
        assert noto.find(f"{W}embedItalic") is None  # the seed has no emphasis
        blob = zf.read("word/fonts/font1.odttf")
        mask = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
        plain = bytes(b ^ mask[i % 16] for i, b in enumerate(blob[:32])) + blob[32:]
        assert plain[:4] == b"\x00\x01\x00\x00"  # a TrueType font again, once de-obfuscated
        assert plain == (FONTS_DIR / "NotoSans-Regular.ttf").read_bytes()  # all of it, byte for byte
        app = zf.read("docProps/app.xml").decode()
        assert "briefing toolkit" in app and "Microsoft" not in app


def test_the_pdf_body_measure_is_at_most_80_characters(seed: Briefing, tmp_path: Path) -> None:
    need("pdftotext")
    pdf = tmp_path / "seed.pdf"
    pdf.write_bytes(write_pdf(seed, load_style()))
    found = body_lines(pdf)
    assert len(found) > 80
    assert max(len(text) for *_, text in found) <= 80


@pytest.mark.external
def test_libreoffice_lays_our_docx_out_as_our_pdf(seed: Briefing, tmp_path: Path) -> None:
    need("soffice", "pdftotext", "pdfinfo")
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(write_pdf(seed, load_style()))
    docx = tmp_path / "seed.docx"
    docx.write_bytes(write_docx(seed, load_style()))
    theirs = soffice(tmp_path, docx, "pdf")

    def pages(pdf: Path) -> list[str]:
        return subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split("\f")[:-1]

    mine, lo = pages(ours), pages(theirs)
    assert len(mine) == len(lo)

    def page_of(texts: list[str], needle: str) -> int:
        return next(i for i, text in enumerate(texts) if needle in text)

    assert page_of(mine, "non-paper") == page_of(mine, "Zie vertrouwelijke bijlage")
    assert page_of(lo, "non-paper") == page_of(lo, "Zie vertrouwelijke bijlage") == page_of(mine, "non-paper")
    fonts = subprocess.run(["pdffonts", str(theirs)], capture_output=True, text=True, check=True).stdout
    assert "NotoSans-Regular" in fonts  # the embedded font, not a substitute
    steps = [
        round(b[1] - a[1], 1)
        for a, b in zip(body_lines(theirs), body_lines(theirs)[1:], strict=False)
        if a[0] == b[0] and 0 < b[1] - a[1] < 20
    ]
    assert max(set(steps), key=steps.count) == 14.0  # the PDF's line step
    assert max(len(text) for *_, text in body_lines(theirs)) <= 80


def test_a_translation_is_marked_alike_in_both(seed: Briefing) -> None:
    from toolkit.model.nodes import Translation

    english = replace(
        seed,
        lang="en",
        meta=replace(seed.meta, translation=Translation("nl", "test", "tiny", "1")),
    )
    with zipfile.ZipFile(io.BytesIO(write_docx(english, load_style()))) as zf:
        footer = "".join(etree.fromstring(zf.read("word/footer2.xml")).itertext())
        body = etree.fromstring(zf.read("word/document.xml"))
    assert footer.startswith("Machine translation, not authoritative")
    notice = body.find(f".//{W}p/{W}pPr/{W}pStyle[@{W}val='MachineTranslationNotice']")
    assert notice is not None
