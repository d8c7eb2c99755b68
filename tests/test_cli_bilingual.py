"""`briefing bilingual`: two files, or one reviewed XLIFF, to the side-by-side handout."""

from __future__ import annotations

import re
from pathlib import Path

import toolkit
from tests.test_cli import run
from tests.test_pdf_facts import page_of, pages_text
from tests.test_xliff import fill_targets
from toolkit.record import replace
from toolkit.translation.segments import Mapper

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_22ad20a819696709.txt"


def _english(tmp_path: Path) -> Path:
    doc = toolkit.read(SEED)
    english = replace(Mapper(lambda s: f"EN {s}").briefing(doc), lang="en")
    path = tmp_path / "seed.en.xml"
    toolkit.write(english, path)
    return path


def test_two_files_side_by_side_with_each_note_on_its_page(tmp_path: Path) -> None:
    out = tmp_path / "seed.nl-en.pdf"
    code, _, err = run("bilingual", str(SEED), str(_english(tmp_path)), "-o", str(out))
    assert code == 0, err
    pages = pages_text(out.read_bytes())
    assert page_of(pages, "non-paper") == page_of(pages, "Zie vertrouwelijke bijlage")
    assert page_of(pages, "EN Zie vertrouwelijke bijlage") == page_of(pages, "Zie vertrouwelijke bijlage")


def test_one_reviewed_xliff_holds_both_sides(tmp_path: Path) -> None:
    xlf = tmp_path / "seed.xlf"
    assert run("convert", str(SEED), "-o", str(xlf))[0] == 0
    # A translator's targets, as a CAT tool writes them: each source, marked as English.
    xlf.write_bytes(
        fill_targets(xlf.read_bytes(), lambda _unit, xml: re.sub(r">([^<])", r">EN \1", xml, count=1))
    )
    out = tmp_path / "seed.nl-en.pdf"
    code, _, err = run("bilingual", str(xlf), "-o", str(out))
    assert code == 0, err
    pages = pages_text(out.read_bytes())
    assert page_of(pages, "EN Zie vertrouwelijke bijlage") == page_of(pages, "Zie vertrouwelijke bijlage")


def test_one_file_that_is_no_xliff_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("bilingual", str(SEED), "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "give the translation too" in err and err.count("\n") == 1
    code, _, err = run("bilingual", str(SEED), str(SEED), "-o", str(tmp_path / "x.xml"))
    assert code == 2 and "PDF or a DOCX" in err
