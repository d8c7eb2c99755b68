"""The DOCX writer: facts about the parts it writes, and that the same input gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import toolkit
from tests.fixtures.docx.models import FIXTURES
from tests.strategies import docx_briefings
from toolkit.model import Briefing
from toolkit.readers.docx import read_docx
from toolkit.style import load_style
from toolkit.writers.docx import write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(data)[name])


@pytest.fixture(scope="module")
def seed_doc() -> Briefing:
    return toolkit.read(Path(__file__).parent.parent / "seeds" / "000_22ad20a819696709.txt")


@pytest.fixture(scope="module")
def seed_docx(seed_doc: Briefing) -> bytes:
    return write_docx(seed_doc, load_style())


def test_rendering_twice_gives_identical_bytes_and_parts(seed_doc: Briefing) -> None:
    first, second = (write_docx(seed_doc, load_style()) for _ in range(2))
    assert first == second
    assert parts(first) == parts(second)


def test_zip_entries_have_a_fixed_date(seed_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as zf:
        assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.namelist()[0] == "[Content_Types].xml"


def test_footnotes_part_has_separators_and_the_seed_note(seed_docx: bytes) -> None:
    notes = xml(seed_docx, "word/footnotes.xml")
    ids_types = [(n.get(f"{W}id"), n.get(f"{W}type")) for n in notes.findall("w:footnote", NS)]
    assert ids_types == [("-1", "separator"), ("0", "continuationSeparator"), ("2", None)]
    body = notes.findall("w:footnote", NS)[2]
    first_p = body.find("w:p", NS)
    assert first_p.find("w:pPr/w:pStyle", NS).get(f"{W}val") == "FootnoteText"
    first_run = first_p.find("w:r", NS)
    assert first_run.find("w:footnoteRef", NS) is not None
    assert first_run.find("w:rPr/w:rStyle", NS).get(f"{W}val") == "FootnoteReference"
    assert "".join(body.itertext()).strip().startswith("Zie vertrouwelijke bijlage")
    rels = xml(seed_docx, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "footnotes.xml" for r in rels)
    settings = xml(seed_docx, "word/settings.xml")
    assert [f.get(f"{W}id") for f in settings.findall("w:footnotePr/w:footnote", NS)] == ["-1", "0"]


def test_reference_run_follows_its_word_in_the_footnote_reference_style(seed_docx: bytes) -> None:
    doc = xml(seed_docx, "word/document.xml")
    ref = doc.find(".//w:footnoteReference", NS)
    assert ref.get(f"{W}id") == "2"  # the seed's own id: source ids that rise are Word's ids
    run = ref.getparent()
    assert run.find("w:rPr/w:rStyle", NS).get(f"{W}val") == "FootnoteReference"
    assert "".join(run.getprevious().itertext()).endswith("non-paper")


def test_styles_word_needs_for_notes_exist(seed_docx: bytes) -> None:
    styles = xml(seed_docx, "word/styles.xml")
    names = {s.get(f"{W}styleId"): s.find("w:name", NS).get(f"{W}val") for s in styles.findall("w:style", NS)}
    assert names["FootnoteText"] == "footnote text"
    assert names["FootnoteReference"] == "footnote reference"
    assert names["Title"] == "Title"
    assert names["Heading1"] == "heading 1"
    ref = styles.find("w:style[@w:styleId='FootnoteReference']/w:rPr/w:vertAlign", NS)
    assert ref.get(f"{W}val") == "superscript"


def test_title_then_headings_by_section_depth() -> None:
    data = write_docx(FIXTURES["nested_sections"](), load_style())
    paragraphs = xml(data, "word/document.xml").findall(".//w:body/w:p", NS)
    styles = [p.find("w:pPr/w:pStyle", NS) for p in paragraphs]
    pairs = [
        (s.get(f"{W}val") if s is not None else None, "".join(p.itertext()))
        for s, p in zip(styles, paragraphs, strict=True)
    ]
    assert pairs[0] == ("Title", "Geneste secties")
    headings = [(s, t) for s, t in pairs if s and s.startswith("Heading")]
    assert headings == [
        ("Heading1", "Eerste hoofdstuk"),
        ("Heading2", "Paragraaf 1.1"),
        ("Heading3", "Sub 1.1.1"),
        ("Heading2", "Paragraaf 1.2"),
        ("Heading1", "Tweede hoofdstuk"),
    ]


def test_core_properties_and_language(seed_docx: bytes) -> None:
    core = xml(seed_docx, "docProps/core.xml")
    assert core.findtext("dc:title", namespaces=NS) == "Foreign Ministers Meeting 3-4 april 2024"
    assert core.findtext("dc:language", namespaces=NS) == "nl"
    assert core.findtext("dc:creator", namespaces=NS) == "briefing toolkit"
    # No timestamps: they would make every rendering differ.
    assert core.find("dcterms:created", NS) is None and core.find("dcterms:modified", NS) is None
    lang = xml(seed_docx, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{W}val") == "nl-NL"


def test_english_document_gets_english_language_footer_and_notice() -> None:
    data = write_docx(FIXTURES["translated"](), load_style())
    lang = xml(data, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{W}val") == "en-GB"  # the default style's translations are British English
    footer = xml(data, "word/footer1.xml")
    assert [f.get(f"{W}instr") for f in footer.iter(f"{W}fldSimple")] == [" PAGE ", " NUMPAGES "]
    # The machine-translation mark on every page, as in the PDF's footer.
    assert "".join(footer.itertext()) == "Machine translation, not authoritativePage 1 of 1"
    body = xml(data, "word/document.xml").findall(".//w:body/w:p", NS)
    assert "".join(body[1].itertext()) == "Machine translation, not authoritative"


def test_dutch_footer_header_and_page_setup(seed_docx: bytes) -> None:
    footer = xml(seed_docx, "word/footer1.xml")
    assert "".join(footer.itertext()) == "Pagina 1 van 1"
    assert len(list(footer.iter(f"{W}fldSimple"))) == 2
    header = xml(seed_docx, "word/header1.xml")
    assert "".join(header.itertext()) == "Foreign Ministers Meeting 3-4 april 2024"
    first = xml(seed_docx, "word/header2.xml")  # page 1: the title block (the seed has none), no title
    assert "".join(first.itertext()) == ""
    sect = xml(seed_docx, "word/document.xml").find(".//w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    assert abs(int(size.get(f"{W}w")) - 11906) < 5 and abs(int(size.get(f"{W}h")) - 16838) < 5  # A4
    margin = sect.find("w:pgMar", NS)
    assert abs(int(margin.get(f"{W}left")) - 2551) < 5  # 45 mm


def test_house_style_fonts_and_colours(seed_docx: bytes) -> None:
    styles = xml(seed_docx, "word/styles.xml")
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(f"{W}ascii") == "Noto Sans"
    h1 = styles.find("w:style[@w:styleId='Heading1']", NS)
    assert h1.find("w:rPr/w:color", NS).get(f"{W}val") == "154273"
    assert h1.find("w:rPr/w:sz", NS).get(f"{W}val") == "30"  # 15 pt
    assert h1.find("w:pPr/w:outlineLvl", NS).get(f"{W}val") == "0"
    assert styles.find("w:style[@w:styleId='FootnoteText']/w:rPr/w:sz", NS).get(f"{W}val") == "16"


def test_lists_use_real_numbering_definitions() -> None:
    data = write_docx(FIXTURES["lists"](), load_style())
    doc = xml(data, "word/document.xml")
    numbering = xml(data, "word/numbering.xml")
    nums = {n.get(f"{W}numId"): n for n in numbering.findall("w:num", NS)}
    abstracts = {a.get(f"{W}abstractNumId"): a for a in numbering.findall("w:abstractNum", NS)}
    used = [
        (
            p.find("w:pPr/w:numPr/w:numId", NS).get(f"{W}val"),
            p.find("w:pPr/w:numPr/w:ilvl", NS).get(f"{W}val"),
        )
        for p in doc.iter(f"{W}p")
        if p.find("w:pPr/w:numPr", NS) is not None
    ]
    assert len(used) == 8  # 2 bullets, 3 numbered, 2 nested bullets, 1 in the second numbered list

    def fmt(num_id: str, ilvl: str) -> str:
        abstract = abstracts[nums[num_id].find("w:abstractNumId", NS).get(f"{W}val")]
        return abstract.find(f"w:lvl[@w:ilvl='{ilvl}']/w:numFmt", NS).get(f"{W}val")

    assert [fmt(*u) for u in used] == [
        "bullet",
        "bullet",
        "decimal",
        "decimal",
        "bullet",
        "bullet",
        "decimal",
        "decimal",
    ]
    assert [u[1] for u in used] == ["0", "0", "0", "0", "1", "1", "0", "0"]
    ordered_ids = {u[0] for u in used if fmt(*u) == "decimal"}
    assert len(ordered_ids) == 2  # the second ordered list restarts at 1
    for num_id in ordered_ids:
        assert nums[num_id].find("w:lvlOverride/w:startOverride", NS).get(f"{W}val") == "1"
    continues = [
        p for p in doc.iter(f"{W}p") if p.find("w:pPr/w:pStyle[@w:val='ListContinue']", NS) is not None
    ]
    assert ["".join(p.itertext()) for p in continues] == [
        "vervolgalinea van het eerste punt",
        "na de geneste lijst",
    ]


def test_tables_links_and_inline_formatting() -> None:
    data = write_docx(FIXTURES["tables"](), load_style())
    doc = xml(data, "word/document.xml")
    tbl = doc.find(".//w:tbl", NS)
    rows = tbl.findall("w:tr", NS)
    assert len(rows) == 4 and rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    assert rows[3].find("w:trPr/w:gridAfter", NS).get(f"{W}val") == "1"

    data = write_docx(FIXTURES["inline_formatting"](), load_style())
    doc = xml(data, "word/document.xml")
    rels = {r.get("Id"): r for r in xml(data, "word/_rels/document.xml.rels")}
    links = doc.findall(".//w:hyperlink", NS)
    targets = [
        rels[h.get(f"{{{NS['r']}}}id")].get("Target")
        if h.get(f"{{{NS['r']}}}id")
        else "#" + h.get(f"{W}anchor")
        for h in links
    ]
    assert targets == ["https://www.rijksoverheid.nl/", "mailto:info@example.nl", "#bijlage"]
    assert all(rels[h.get(f"{{{NS['r']}}}id")].get("TargetMode") == "External" for h in links[:2])
    runs = {"".join(r.itertext()): r for r in doc.iter(f"{W}r")}
    assert (
        runs["vet-cursief"].find("w:rPr/w:b", NS) is not None
        and runs["vet-cursief"].find("w:rPr/w:i", NS) is not None
    )
    assert runs["2"].find("w:rPr/w:vertAlign", NS).get(f"{W}val") in ("subscript", "superscript")
    assert len(doc.findall(".//w:br", NS)) == 3
    assert doc.find(".//w:tab", NS) is not None


def test_endnotes_and_links_inside_notes() -> None:
    data = write_docx(FIXTURES["notes"](), load_style())
    endnotes = xml(data, "word/endnotes.xml")
    real = [n for n in endnotes.findall("w:endnote", NS) if n.get(f"{W}type") is None]
    assert len(real) == 2 and len(real[0].findall("w:p", NS)) == 2
    assert real[0].find(".//w:endnoteRef", NS) is not None
    footnote_rels = xml(data, "word/_rels/footnotes.xml.rels")
    assert [r.get("Target") for r in footnote_rels] == ["https://nato.int/"]
    ids = [n.get(f"{W}id") for n in xml(data, "word/footnotes.xml").findall("w:footnote", NS)]
    refs = [r.get(f"{W}id") for r in xml(data, "word/document.xml").iter(f"{W}footnoteReference")]
    # Duplicate and odd source ids too: the notes are numbered 1, 2, 3 in the order they are cited,
    # since LibreOffice pairs references with bodies by the order of their ids.
    assert ids[2:] == refs == [str(i) for i in range(1, len(refs) + 1)]


def test_render_api_writes_docx(tmp_path: Path, seed_doc: Briefing) -> None:
    out = tmp_path / "seed.docx"
    toolkit.write(seed_doc, out)
    assert out.read_bytes() == write_docx(seed_doc, load_style())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docx_briefings)
def test_generated_documents_survive_xml_docx_xml(doc: Briefing) -> None:
    """Every document DOCX can express comes back equal from our DOCX."""
    back = read_docx(write_docx(doc, load_style()), "generated.docx", warn=lambda w: None)
    assert back == doc
