"""The DOCX reader: round trips, other files' structure, provenance, warnings and refused input."""

from __future__ import annotations

import hashlib
import io
import io as _io
import zipfile
from pathlib import Path

import pytest

import toolkit
from tests.conftest import Collected
from tests.fixtures.docx.handmade import make_docx, p, paragraph_style, styles_xml
from tests.fixtures.docx.models import FIXTURES
from toolkit.cli import main
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import (
    Briefing,
    Cell,
    Emph,
    Heading,
    ListBlock,
    Note,
    P,
    Row,
    Section,
    Source,
    Strong,
    Table,
    iter_notes,
    plain_text,
)
from toolkit.readers.docx import package as docx_package
from toolkit.readers.docx import read_docx
from toolkit.style import load_style
from toolkit.writers.docx import write_docx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"


def roundtrip(doc: Briefing) -> Briefing:
    return read_docx(write_docx(doc, load_style()), "x.docx")


def rezip(data: bytes, change: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, change.get(name, src.read(name)))
    return out.getvalue()


# --- round trip ---------------------------------------------------------------


def test_seed_round_trips_exactly() -> None:
    doc = toolkit.read(SEED)
    assert roundtrip(doc) == doc


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_round_trips_exactly(name: str) -> None:
    doc = FIXTURES[name]()
    assert roundtrip(doc) == doc


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_xml_docx_xml_reaches_a_fixed_point(name: str) -> None:
    doc = FIXTURES[name]()
    xml = toolkit.render(doc, "xml")
    again = toolkit.render(toolkit.read(toolkit.render(toolkit.read(xml, "xml"), "docx"), "docx"), "xml")
    assert again == xml


# --- provenance -------------------------------------------------------------


def test_untouched_docx_keeps_the_original_source() -> None:
    doc = toolkit.read(SEED)
    assert roundtrip(doc).meta.source == doc.meta.source
    assert doc.meta.source is not None and doc.meta.source.format == "poi-text"


def test_edited_docx_is_its_own_source_and_notes_keep_word_ids() -> None:
    data = write_docx(FIXTURES["notes"](), load_style())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        document = zf.read("word/document.xml")
    edited = rezip(data, {"word/document.xml": document.replace(b"Twee alinea", b"Drie alinea")})
    doc = read_docx(edited, "dir/edited.docx")
    assert doc.meta.source == Source("docx", "edited.docx", hashlib.sha256(edited).hexdigest())
    ids = [n.source_id for _, n in iter_notes(doc)]
    assert None not in ids and "x" not in ids  # Word's ids, not the recorded source ids


# --- other files' structure -------------------------------------------------


def test_localised_heading_styles_outline_levels_and_title_style() -> None:
    styles = styles_xml(
        paragraph_style("Titel", "Titel")
        + paragraph_style("Kop1", "Kop 1")
        + paragraph_style("Eigen", "Mijn kop", '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>'),
        lang="en-GB",
    )
    body = (
        p("De titel", "Titel")
        + p("Hoofdstuk", "Kop1")
        + p("tekst")
        + p("Via id", "Heading2")
        + p("Via naam", "Eigen")
        + p("diep", ppr='<w:outlineLvl w:val="2"/>')
        + p("x")
    )
    doc = read_docx(make_docx(body, styles), "h.docx")
    assert doc.meta.title == "De titel" and doc.lang == "en"
    chapter = doc.body[0]
    assert isinstance(chapter, Section) and chapter.heading == Heading(("Hoofdstuk",))
    assert [b.heading.children[0] for b in chapter.blocks if isinstance(b, Section)] == ["Via id", "Via naam"]
    deepest = chapter.blocks[-1].blocks[0]
    assert deepest == Section(Heading(("diep",)), (P(("x",)),))


def test_title_falls_back_to_core_title_then_the_file_name() -> None:
    with_core = read_docx(make_docx(p("eerste") + p("tweede"), core_title="Kerntitel"), "a.docx")
    assert with_core.meta.title == "Kerntitel" and len(with_core.body) == 2
    # A first paragraph that is no title stays in the body.
    bare = read_docx(make_docx(p("eerste") + p("tweede")), "map/agenda.docx")
    assert bare.meta.title == "agenda" and bare.body == (P(("eerste",)), P(("tweede",)))
    assert bare.lang == "nl"


def test_the_title_is_the_first_title_paragraph_with_text_also_in_a_layout_table() -> None:
    # An empty Title paragraph is spacing; a title split by a line break or a tab is one line.
    spaced = read_docx(make_docx(p("", "Title") + p("", "Title", runs=_BR_TAB) + p("tekst")), "a.docx")
    assert spaced.meta.title == "Geannoteerde agenda 22 april" and spaced.body == (P(("tekst",)),)
    # A letterhead table holding the Title: the title, and the table, now empty, is left out.
    cell = f"<w:tbl><w:tr><w:tc>{p('Agenda in tabel', 'Title')}</w:tc></w:tr></w:tbl>"
    tabled = read_docx(make_docx(cell + p("tekst")), "b.docx")
    assert tabled.meta.title == "Agenda in tabel" and tabled.body == (P(("tekst",)),)


_BR_TAB = "<w:r><w:t>Geannoteerde agenda</w:t><w:br/><w:t>22</w:t><w:tab/><w:t>april</w:t></w:r>"


def test_an_empty_heading_paragraph_heads_no_section() -> None:
    page_break = '<w:r><w:br w:type="page"/></w:r>'
    body = (
        p("T", "Title")
        + p("Inleiding", "Heading1")
        + p("een")
        + p("", "Heading1")
        + p("", "Heading1", runs=page_break)
        + p("twee")
    )
    doc = read_docx(make_docx(body), "k.docx")
    assert doc.body == (Section(Heading(("Inleiding",)), (P(("een",)), P(("twee",)))),)


def test_character_styles_give_emphasis_and_direct_formatting_can_switch_it_off() -> None:
    styles = styles_xml(paragraph_style("Nadruk", "Emphasis", "<w:rPr><w:i/></w:rPr>", kind="character"))
    runs = (
        '<w:r><w:rPr><w:rStyle w:val="Nadruk"/></w:rPr><w:t>schuin</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Nadruk"/><w:i w:val="0"/><w:b/></w:rPr><w:t>vet</w:t></w:r>'
    )
    doc = read_docx(make_docx(p("T", "Title") + p("", runs=runs), styles), "a.docx")
    assert doc.body == (P((Emph(("schuin",)), Strong(("vet",)))),)


def test_unsupported_content_warns_and_keeps_text() -> None:
    textbox = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        + p("tekst in een kader")
        + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
        "<w:pict><v:textbox><w:txbxContent>"
        + p("tekst in een kader")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = (
        p("T", "Title")
        + p("", runs="<w:r><w:t>anker</w:t></w:r>" + textbox)
        + p(
            "",
            runs='<w:commentRangeStart w:id="1"/><w:r><w:t>besproken</w:t></w:r>'
            '<w:r><w:commentReference w:id="1"/></w:r>',
        )
        + p(
            "",
            runs='<w:r><w:t xml:space="preserve">blijft </w:t></w:r><w:del w:id="2" w:author="a">'
            '<w:r><w:delText>weg</w:delText></w:r></w:del><w:ins w:id="3" w:author="a"><w:r><w:t>erbij</w:t>'
            "</w:r></w:ins>",
        )
        + p("", runs="<w:r><w:drawing/></w:r>")
    )
    seen = Collected()
    doc = read_docx(make_docx(body), "a.docx", warn=seen)
    assert doc.body == (P(("anker",)), P(("tekst in een kader",)), P(("besproken",)), P(("blijft erbij",)))
    text = " ".join(seen.messages())
    for word in ("text boxes", "comments", "tracked deletions", "images"):
        assert word in text
    assert all(str(w.where) == "a.docx" for w in seen)


def test_notes_in_a_docx_with_separator_ids_zero_and_one() -> None:
    """LibreOffice numbers its separators 0 and 1; the first real note is 2."""
    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>Noot.</w:t></w:r>'
        "</w:p><w:p><w:r><w:t>Tweede alinea.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'footnotes" Target="footnotes.xml"/></Relationships>'
    )
    body = p("T", "Title") + p(
        "",
        runs='<w:r><w:t>woord</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        '</w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r>',
    )
    data = make_docx(body, extra={"word/footnotes.xml": footnotes, "word/_rels/document.xml.rels": rels})
    doc = read_docx(data, "lo.docx")
    assert doc.body == (P(("woord", Note((P(("Noot.",)), P(("Tweede alinea.",))), "2"), ".")),)


def test_lists_from_style_numbering() -> None:
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    styles = styles_xml(
        paragraph_style(
            "LijstOpsomteken", "List Bullet", '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr>'
        )
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'
    )
    body = (
        p("T", "Title")
        + p("a", "LijstOpsomteken")
        + p("a1", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>')
        + p("b", "LijstOpsomteken")
    )
    data = make_docx(
        body, styles, extra={"word/numbering.xml": numbering, "word/_rels/document.xml.rels": rels}
    )
    (lst,) = read_docx(data, "l.docx").body
    assert isinstance(lst, ListBlock) and not lst.ordered and len(lst.items) == 2
    nested = lst.items[0].blocks[1]
    assert isinstance(nested, ListBlock) and nested.ordered and nested.items[0].blocks == (P(("a1",)),)


# --- refused input ------------------------------------------------------------


def refused(data: bytes, name: str = "bad.docx") -> BriefingError:
    with pytest.raises(BriefingError) as info:
        read_docx(data, name)
    message = str(info.value)
    assert "\n" not in message and name in message
    assert info.value.code == ExitCode.BAD_INPUT
    return info.value


def test_not_a_zip() -> None:
    assert "not a zip" in str(refused(b"just some text"))


def test_zip_without_document_part() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "word/document.xml" in str(refused(out.getvalue()))


def test_zip_bomb_by_compression_ratio() -> None:
    padding = "<w:p/>" * (1024 * 1024)  # 6 MB that deflate to a few kB
    data = make_docx(p("x") + padding)
    assert "zip bomb" in str(refused(data))


def test_a_part_the_reader_never_opens_may_compress_as_well_as_it_likes() -> None:
    # A white bitmap in word/media compresses 1000:1; only the parts that are read can be a bomb.
    data = make_docx(p("x"), extra={"word/media/image1.bmp": b"BM" + b"\xff" * (4 * 1024 * 1024)})
    assert plain_text(read_docx(data, "wit.docx").body[0].children) == "x"


def test_zip_bomb_by_declared_size() -> None:
    data = make_docx(p("x"))
    # Declare 3 GB for word/document.xml in its central directory entry.
    start = data.find(b"PK\x01\x02")
    while data[start + 46 : start + 46 + 17] != b"word/document.xml":
        start = data.find(b"PK\x01\x02", start + 4)
    patched = data[: start + 24] + (3 * 2**30).to_bytes(4, "little") + data[start + 28 :]
    assert "zip bomb" in str(refused(patched))


def test_actual_size_beyond_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_package, "MAX_ENTRY_BYTES", 200)
    monkeypatch.setattr(docx_package, "RATIO_FLOOR", 10**9)
    data = make_docx(p("x" * 500))
    assert "zip bomb" in str(refused(data))


def test_doctype_and_entities_are_refused() -> None:
    body = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="urn:x"><w:body/></w:document>'
    data = rezip(make_docx(p("x")), {"word/document.xml": body.encode()})
    assert "DOCTYPE" in str(refused(data))


def test_old_word_doc_named_docx_gets_a_save_as_hint() -> None:
    error = refused(docx_package.OLE2_MAGIC + b"\0" * 600)
    assert ".doc" in error.message and "save it as" in (error.hint or "")


def test_encrypted_docx_gets_a_password_hint() -> None:
    error = refused(docx_package.OLE2_MAGIC + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"))
    assert "password" in error.message and "password" in (error.hint or "")


def test_cli_refuses_bad_docx_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(docx_package.OLE2_MAGIC + b"\0" * 600)
    out = tmp_path / "out.xml"
    err = _io.StringIO()
    code = main(["convert", str(bad), "-o", str(out)], stdout=_io.StringIO(), stderr=err)
    assert code == ExitCode.BAD_INPUT
    assert err.getvalue().count("\n") == 1 and err.getvalue().startswith(f"error: {bad}:")
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_cli_converts_to_docx_and_back(tmp_path: Path) -> None:
    docx, xml = tmp_path / "seed.docx", tmp_path / "seed.xml"
    err = _io.StringIO()
    assert main(["convert", str(SEED), "-o", str(docx)], stdout=_io.StringIO(), stderr=err) == 0
    assert main(["convert", str(docx), "-o", str(xml)], stdout=_io.StringIO(), stderr=err) == 0
    assert err.getvalue() == ""
    assert toolkit.read(xml) == toolkit.read(SEED)


_FOOTNOTES = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:id="1"><w:p><w:r><w:t>In de tekst.</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:t>Elders.</w:t></w:r></w:p></w:footnote></w:footnotes>'
)
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _with_notes(body: str, rels: str = "", extra: dict[str, str] | None = None) -> bytes:
    all_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId9" Type="{_RT}/footnotes" Target="footnotes.xml"/>{rels}</Relationships>'
    )
    parts = {"word/footnotes.xml": _FOOTNOTES, "word/_rels/document.xml.rels": all_rels, **(extra or {})}
    return make_docx(body, extra=parts)


def _ref(note_id: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


@pytest.mark.parametrize("where", ["header", "footer"])
def test_a_note_cited_in_a_page_header_or_footer_is_named(where: str) -> None:
    tag = "hdr" if where == "header" else "ftr"
    part = (
        f'<w:{tag} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:p><w:r><w:t>Kop</w:t></w:r>{_ref(2)}</w:p></w:{tag}>"
    )
    rel = f'<Relationship Id="rIdH" Type="{_RT}/{where}" Target="{where}1.xml"/>'
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst.</w:t></w:r>{_ref(1)}")
    seen = Collected()
    doc = read_docx(_with_notes(body, rel, {f"word/{where}1.xml": part}), "k.docx", warn=seen)
    assert [n.source_id for _, n in iter_notes(doc)] == ["1"]
    assert (
        f"footnote 2 is cited in a page {where} (word/{where}1.xml), which is not read: left out"
        in seen.messages()
    )


@pytest.mark.parametrize("wrapper", ["del", "moveFrom"])
def test_a_note_in_a_tracked_deletion_is_named_as_it_is_left_out(wrapper: str) -> None:
    deleted = (
        f'<w:{wrapper} w:id="9" w:author="A"><w:r><w:delText>weg</w:delText></w:r>{_ref(2)}</w:{wrapper}>'
    )
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(1)}{deleted}")
    seen = Collected()
    doc = read_docx(_with_notes(body), "d.docx", warn=seen)
    assert doc.body == (P(("Tekst", Note((P(("In de tekst.",)),), "1"))),)
    what = "a tracked deletion" if wrapper == "del" else "moved-away text"
    assert f"footnote 2 is in {what}: left out with its text" in seen.messages()


def test_a_note_in_a_deleted_paragraph_is_named_too() -> None:
    deleted = '<w:del w:id="5" w:author="A">' + p("", runs=f"<w:r><w:delText>weg</w:delText></w:r>{_ref(2)}")
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(1)}") + deleted + "</w:del>"
    seen = Collected()
    doc = read_docx(_with_notes(body), "b.docx", warn=seen)
    assert [n.source_id for _, n in iter_notes(doc)] == ["1"]
    assert "footnote 2 is in a tracked deletion: left out with its text" in seen.messages()


def test_symbol_font_characters_become_unicode_and_other_symbol_fonts_are_named() -> None:
    def sym(font: str, char: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'

    symbols = ("F062", "F0B1", "F032", "F0A7", "F0BA", "F0C6", "F0A0")
    runs = "".join(sym("Symbol", c) for c in symbols) + sym("Wingdings", "F0E0")
    seen = Collected()
    doc = read_docx(make_docx(p("T", "Title") + p("", runs=runs)), "s.docx", warn=seen)
    assert doc.body == (P(("β±2♣≡∅€\uf0e0",)),)
    assert seen.messages() == [
        "a Wingdings symbol (code F0E0) has no Unicode equivalent; "
        "kept as a private-use character, which other fonts show as a box"
    ]


_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
_NOTE_1 = Note((P(("In de tekst.",)),), "1")


def _ac(*branches: tuple[str, str]) -> str:
    return (
        f"<mc:AlternateContent {_MC}>"
        + "".join(f"<mc:{b}>{inner}</mc:{b}>" for b, inner in branches)
        + ("</mc:AlternateContent>")
    )


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # An alternate of runs in a paragraph: the first Choice is read, the others repeat it.
        (
            _ac(
                ("Choice", f"<w:r><w:t>een</w:t></w:r>{_ref(1)}"), ("Choice", _ref(2)), ("Fallback", _ref(2))
            ),
            ("een", _NOTE_1),
        ),
        # Only a Fallback: it is what is read.
        (_ac(("Fallback", f"<w:r><w:t>val</w:t></w:r>{_ref(1)}")), ("val", _NOTE_1)),
        # An alternate inside a run, holding the reference itself.
        (
            "<w:r><w:t>Voor</w:t></w:r><w:r>"
            + _ac(
                ("Choice", '<w:footnoteReference w:id="1"/>'), ("Fallback", '<w:footnoteReference w:id="2"/>')
            )
            + "</w:r>",
            ("Voor", _NOTE_1),
        ),
        # Ruby: the base text and its note are read, the phonetic guide is left out.
        (
            "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt>"
            f"<w:rubyBase><w:r><w:t>東京</w:t></w:r>{_ref(1)}</w:rubyBase></w:ruby></w:r>",
            ("東京", _NOTE_1),
        ),
        # An equation is read as its text, with the note inside it at its place.
        (
            f"<m:oMath {_M}><m:r><m:t>E=mc</m:t></m:r>{_ref(1)}<m:r><m:t>²</m:t></m:r></m:oMath>",
            ("E=mc", _NOTE_1, "²"),
        ),
    ],
    ids=["two-choices", "fallback-only", "alternate-in-run", "ruby", "equation"],
)
def test_notes_inside_alternates_ruby_and_equations_are_read_once(
    runs: str, expected: tuple[object, ...]
) -> None:
    doc = read_docx(_with_notes(p("T", "Title") + p("", runs=runs)), "a.docx", warn=Collected())
    assert doc.body == (P(expected),)  # type: ignore[arg-type]


def test_a_note_in_a_ruby_guide_is_named_as_it_is_left_out() -> None:
    runs = f"<w:r><w:ruby><w:rt>{_ref(2)}</w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r>{_ref(1)}</w:rubyBase></w:ruby></w:r>"
    seen = Collected()
    doc = read_docx(_with_notes(p("T", "Title") + p("", runs=runs)), "r.docx", warn=seen)
    assert doc.body == (P(("東京", _NOTE_1)),)
    assert "footnote 2 is in a ruby annotation: left out with its text" in seen.messages()


def test_a_note_in_a_text_box_inside_a_text_box_is_read_once() -> None:
    def box(inner: str) -> str:
        txbx = f"<w:txbxContent>{inner}</w:txbxContent>"
        return f"<w:r>{_ac(('Choice', f'<w:drawing>{txbx}</w:drawing>'), ('Fallback', f'<w:pict>{txbx}</w:pict>'))}</w:r>"

    inner = p("", runs=f"<w:r><w:t>Binnen</w:t></w:r>{_ref(1)}")
    outer = p("", runs="<w:r><w:t>Buiten</w:t></w:r>" + box(inner))
    body = p("T", "Title") + p("", runs="<w:r><w:t>Anker</w:t></w:r>" + box(outer))
    doc = read_docx(_with_notes(body), "t.docx", warn=Collected())
    assert doc.body == (P(("Anker",)), P(("Buiten",)), P(("Binnen", _NOTE_1)))


def _renamed(data: bytes, names: dict[str, str], extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(names.get(info.filename, info.filename), src.read(info))
        for name, blob in (extra or {}).items():
            dst.writestr(name, blob)
    return out.getvalue()


def test_part_names_are_found_in_any_letter_case() -> None:
    data = _renamed(
        _with_notes(p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(1)}")),
        {"word/footnotes.xml": "word/Footnotes.XML", "word/document.xml": "Word/Document.xml"},
    )
    seen = Collected()
    assert read_docx(data, "c.docx", warn=seen).body == (P(("Tekst", _NOTE_1)),)
    assert seen.messages() == []


def test_two_parts_that_differ_only_in_case_are_refused() -> None:
    data = _renamed(_with_notes(p("T", "Title")), {}, {"word/Footnotes.xml": b"<x/>"})
    assert "two parts differ only in letter case: word/footnotes.xml and word/Footnotes.xml" in str(
        refused(data)
    )


def test_an_unknown_wrapper_around_paragraphs_is_read_with_a_warning() -> None:
    body = (
        p("T", "Title")
        + f"<w:futureWrap>{p('', runs=f'<w:r><w:t>Tekst</w:t></w:r>{_ref(1)}')}</w:futureWrap>"
    )
    seen = Collected()
    doc = read_docx(_with_notes(body), "u.docx", warn=seen)
    assert doc.body == (P(("Tekst", _NOTE_1)),)
    assert seen.messages() == ["unsupported element <w:futureWrap> in the body; its content is read as is"]


def test_two_notes_with_one_id_are_taken_in_turn_as_a_merging_tool_writes_them() -> None:
    # docxcompose can give an appended document's note the id of one of the master's.
    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Eerste noot.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Tweede noot.</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    body = (
        p("T", "Title")
        + p("", runs=f"<w:r><w:t>Een</w:t></w:r>{_ref(1)}")
        + p("", runs=f"<w:r><w:t>Twee</w:t></w:r>{_ref(1)}")
    )
    seen = Collected()
    doc = read_docx(_with_notes(body, extra={"word/footnotes.xml": footnotes}), "m.docx", warn=seen)
    assert [plain_text(n.body[0].children) for _, n in iter_notes(doc)] == ["Eerste noot.", "Tweede noot."]
    assert seen.messages() == [
        "footnote id 1 is given to 2 notes; each reference to it takes the next of them, in order"
    ]


def test_page_and_column_breaks_inside_a_paragraph_keep_words_apart() -> None:
    runs = (
        '<w:r><w:t>einde pagina</w:t><w:br w:type="page"/><w:t>begin</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> en kolom</w:t><w:br w:type="column"/></w:r><w:r><w:t>twee.</w:t></w:r>'
    )
    body = p("T", "Title") + p("", runs=runs) + p("", runs='<w:r><w:br w:type="page"/></w:r>') + p("slot")
    doc = read_docx(make_docx(body), "b.docx")
    assert doc.body == (P(("einde pagina begin en kolom twee.",)), P(("slot",)))


def test_a_raised_space_after_a_note_mark_is_no_superscript() -> None:
    # Word for Mac puts the space after the mark in the mark's own (superscript) run.
    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
        '<w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>Noot.</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Mac</w:t></w:r>{_ref(1)}")
    doc = read_docx(_with_notes(body, extra={"word/footnotes.xml": footnotes}), "m.docx", warn=Collected())
    assert doc.body == (P(("Mac", Note((P(("Noot.",)),), "1"))),)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _footnote(note_id: int, *runs: str) -> str:
    return f'<w:footnote w:id="{note_id}"><w:p>{"".join(runs)}</w:p></w:footnote>'


def _t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_an_endnote_cited_inside_a_footnote_is_lifted_out_to_follow_it() -> None:
    endnotes = f'<w:endnotes {_W}><w:endnote w:id="1"><w:p>{_t("Eind.")}</w:p></w:endnote></w:endnotes>'
    endnote_ref = '<w:r><w:endnoteReference w:id="1"/></w:r>'
    footnotes = f"<w:footnotes {_W}>{_footnote(1, _t('Voet'), endnote_ref)}</w:footnotes>"
    rel = f'<Relationship Id="rIdE" Type="{_RT}/endnotes" Target="endnotes.xml"/>'
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(1)}")
    seen = Collected()
    data = _with_notes(body, rel, {"word/footnotes.xml": footnotes, "word/endnotes.xml": endnotes})
    doc = read_docx(data, "n.docx", warn=seen)
    assert doc.body == (P(("Tekst", Note((P(("Voet",)),), "1"), Note((P(("Eind.",)),), "1", "endnote"))),)
    assert seen.messages() == [
        "endnote 1 is cited inside another note; the model holds no note inside a note, "
        "so it follows that note at its reference"
    ]


def test_notes_inside_notes_follow_in_reading_order_and_a_cycle_is_named() -> None:
    # 2 cites 3 and 4; 3 cites 5; 5 cites 2 again, which is being read: that one is left out.
    footnotes = (
        f"<w:footnotes {_W}>"
        + _footnote(2, _t("twee "), _ref(3), _t(" en "), _ref(4))
        + _footnote(3, _t("drie "), _ref(5))
        + _footnote(4, _t("vier"))
        + _footnote(5, _t("vijf "), _ref(2))
        + "</w:footnotes>"
    )
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(2)}{_t(' verder')}")
    seen = Collected()
    doc = read_docx(_with_notes(body, extra={"word/footnotes.xml": footnotes}), "c.docx", warn=seen)
    assert [n.source_id for n in doc.body[0].children if isinstance(n, Note)] == ["2", "3", "5", "4"]
    assert plain_text(doc.body[0].children) == "Tekst verder"
    assert "footnote 2 is cited inside its own text; that reference is left out" in seen.messages()


def test_a_title_in_a_cover_pages_text_box_is_the_title() -> None:
    box = f"<w:r><w:drawing><w:txbxContent>{p('Jaarverslag 2023', 'Title')}</w:txbxContent></w:drawing></w:r>"
    doc = read_docx(make_docx(p("", runs=box) + p("tekst")), "j.docx", warn=Collected())
    assert doc.meta.title == "Jaarverslag 2023" and doc.body == (P(("tekst",)),)


def test_hidden_text_is_left_out_and_a_note_in_it_is_named() -> None:
    hidden = (
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>[vul de titel in]</w:t><w:footnoteReference w:id="2"/></w:r>'
    )
    shown = '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t xml:space="preserve"> zichtbaar</w:t></w:r>'
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(1)}{hidden}{shown}")
    seen = Collected()
    doc = read_docx(_with_notes(body), "h.docx", warn=seen)
    assert doc.body == (P(("Tekst", _NOTE_1, " zichtbaar")),)
    assert seen.messages() == [
        "hidden text (w:vanish) is left out, as Word shows the document",
        "footnote 2 is in hidden text: left out with its text",
    ]


def test_text_hidden_by_its_character_style_is_left_out_and_direct_formatting_can_show_it() -> None:
    # A template's instruction style, and one based on it: both hide; a style that says nothing shows.
    styles = styles_xml(
        paragraph_style("Instructie", "Instructie", "<w:rPr><w:vanish/></w:rPr>", kind="character")
        + paragraph_style(
            "Rood",
            "Rood",
            '<w:basedOn w:val="Instructie"/><w:rPr><w:color w:val="FF0000"/></w:rPr>',
            kind="character",
        )
        + paragraph_style("Nadruk", "Nadruk", "<w:rPr><w:i/></w:rPr>", kind="character")
    )

    def run(style: str, text: str, direct: str = "") -> str:
        return f'<w:r><w:rPr><w:rStyle w:val="{style}"/>{direct}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'

    hidden_note = '<w:r><w:rPr><w:rStyle w:val="Rood"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
    runs = (
        "<w:r><w:t>Tekst</w:t></w:r>"
        + run("Instructie", "[vul in]")
        + hidden_note
        + run("Instructie", " toch", '<w:vanish w:val="0"/>')
        + run("Nadruk", " zichtbaar")
        + _ref(1)
    )
    rel = f'<Relationship Id="rId8" Type="{_RT}/styles" Target="styles.xml"/>'
    seen = Collected()
    doc = read_docx(_with_notes(p("", runs=runs), rel, {"word/styles.xml": styles}), "h.docx", warn=seen)
    assert doc.body == (P(("Tekst toch", Emph((" zichtbaar",)), _NOTE_1)),)
    assert seen.messages()[:2] == [
        "hidden text (w:vanish) is left out, as Word shows the document",
        "footnote 2 is in hidden text: left out with its text",
    ]


def test_every_reader_path_follows_the_reading_rule_for_alternates_equations_and_stray_runs() -> None:
    note2 = f"<w:r><w:t>Kader</w:t></w:r>{_ref(2)}"
    box = f"<w:txbxContent>{p('', runs=note2)}</w:txbxContent>"
    # A shape whose text box is given twice, in an alternate inside the drawing itself.
    drawing = f"<w:r><w:drawing>{_ac(('Choice', box), ('Fallback', box))}</w:drawing></w:r>"
    row = f"<w:tr><w:tc>{p('', runs=f'<w:r><w:t>cel</w:t></w:r>{_ref(1)}')}</w:tc></w:tr>"
    table = f"<w:tbl>{_ac(('Choice', row), ('Fallback', row))}</w:tbl>"
    math = f"<m:oMathPara {_M}><m:oMath><m:r><m:t>x</m:t></m:r>{_ref(1)}</m:oMath></m:oMathPara>"
    inserted = f'<w:ins w:id="1" w:author="A"><w:r><w:t>los</w:t></w:r>{_ref(1)}</w:ins>'
    body = p("T", "Title") + p("", runs="<w:r><w:t>Anker</w:t></w:r>" + drawing) + table + math + inserted
    doc = read_docx(_with_notes(body), "a.docx", warn=Collected())
    elsewhere = Note((P(("Elders.",)),), "2")
    cell = Cell((P(("cel", _NOTE_1)),))
    assert doc.body == (
        P(("Anker",)),
        P(("Kader", elsewhere)),
        Table((Row((cell,)),)),
        P(("x", _NOTE_1)),
        P(("los",)),
        P((_NOTE_1,)),
    )


def test_a_note_body_reads_each_paragraph_once_and_names_a_list_in_it() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Kader</w:t></w:r></w:p></w:txbxContent>"
    footnotes = (
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>Noot</w:t></w:r><w:r>{_ac(("Choice", box), ("Fallback", box))}</w:r></w:p>'
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>punt</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(1)}")
    seen = Collected()
    doc = read_docx(_with_notes(body, extra={"word/footnotes.xml": footnotes}), "n.docx", warn=seen)
    [(_, note)] = list(iter_notes(doc))
    assert [plain_text(x.children) for x in note.body] == ["Noot", "Kader", "punt"]
    assert "lists inside notes are read as plain paragraphs" in seen.messages()


def test_notes_citing_notes_cannot_multiply_or_run_deep() -> None:
    # Each of 2..11 cites the next twice: read naively, 2 ** 10 notes, and a chain past any stack.
    chain = "".join(_footnote(n, _t(f"noot {n} "), _ref(n + 1), _ref(n + 1)) for n in range(2, 12))
    footnotes = f"<w:footnotes {_W}>{chain}{_footnote(12, _t('laatste'))}</w:footnotes>"
    body = p("T", "Title") + p("", runs=f"<w:r><w:t>Tekst</w:t></w:r>{_ref(2)}")
    seen = Collected()
    doc = read_docx(_with_notes(body, extra={"word/footnotes.xml": footnotes}), "k.docx", warn=seen)
    ids = [n.source_id for _, n in iter_notes(doc)]
    assert ids == [str(n) for n in range(2, 10)]  # the note and those inside it, 8 deep, each once
    messages = seen.messages()
    assert "footnote 3 is cited again inside a note; it follows it once: left out" in messages
    assert "footnote 10 is cited 8 notes deep; left out" in messages


def test_a_field_nested_in_another_fields_code_prints_no_text() -> None:
    # A template's `IF "{DOCPROPERTY Status}" = "Definitief" "steunt" …`: Word shows only the outer result.
    def char(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    def code(text: str) -> str:
        return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'

    def run(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'

    nested = char("begin") + code("DOCPROPERTY Status") + char("separate") + run("Definitief") + char("end")
    field = char("begin") + code(' IF "') + nested + code('" = "Definitief" "steunt" "overweegt" ')
    runs = (
        run("Het kabinet ") + field + char("separate") + run("steunt") + char("end") + run(" het voorstel.")
    )
    doc = read_docx(make_docx(p("", runs=runs)), "fiche.docx")
    assert plain_text(doc.body[0].children) == "Het kabinet steunt het voorstel."


def test_a_field_that_ends_in_hidden_runs_still_ends() -> None:
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    runs = (
        '<w:r><w:t xml:space="preserve">A </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> REF x </w:instrText></w:r>'
        f'<w:r>{hidden}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{hidden}<w:t>res</w:t></w:r>'
        f'<w:r>{hidden}<w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> zichtbaar</w:t></w:r>'
    )
    doc = read_docx(make_docx(p("", runs=runs)), "veld.docx", warn=Collected())
    assert (
        plain_text(doc.body[0].children) == "A  zichtbaar"
    )  # the result is hidden, the text after it is not


# --- packages other tools make -------------------------------------------------


def test_zip_members_named_with_backslashes_are_the_same_parts() -> None:
    # Windows tools write `word\document.xml`; POI and Word read it.
    data = _with_notes(p("", runs=f"<w:r><w:t>Tekst.</w:t></w:r>{_ref(1)}"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name.replace("/", "\\") if name.startswith("word/") else name, src.read(name))
    doc = read_docx(out.getvalue(), "windows.docx")
    assert [plain_text(n.body[0].children) for _, n in iter_notes(doc)] == ["In de tekst."]


def test_two_relationships_with_one_id_are_both_read_with_a_warning() -> None:
    styles = styles_xml(paragraph_style("Kop1", "heading 1"))
    body = p("Inleiding", "Kop1") + p("", runs=f"<w:r><w:t>Tekst.</w:t></w:r>{_ref(1)}")
    # The footnotes' relationship is rId9; give the styles the same id.
    data = _with_notes(
        body,
        f'<Relationship Id="rId9" Type="{_RT}/styles" Target="styles.xml"/>',
        {"word/styles.xml": styles},
    )
    seen = Collected()
    doc = read_docx(data, "dubbel.docx", warn=seen)
    assert [plain_text(n.body[0].children) for _, n in iter_notes(doc)] == ["In de tekst."]
    assert isinstance(doc.body[0], Section)
    assert seen.messages() == [
        "word/_rels/document.xml.rels gives the id rId9 to two relationships; both parts are read"
    ]


@pytest.mark.parametrize(
    "part", ["docProps/core.xml", "docProps/custom.xml", "word/numbering.xml", "word/styles.xml"]
)
def test_an_empty_part_the_document_can_do_without_is_left_out_with_a_warning(part: str) -> None:
    data = _with_notes(p("", runs=f"<w:r><w:t>Tekst.</w:t></w:r>{_ref(1)}"), extra={part: ""})
    rel = {"docProps/core.xml": "core-properties", "docProps/custom.xml": "custom-properties"}.get(part)
    if rel:  # the package's own relationships point at the properties
        rels = (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>'
            f'<Relationship Id="rId2" Type="{_RT}/{rel}" Target="{part}"/></Relationships>'
        )
        data = rezip(data, {"_rels/.rels": rels.encode()})
    else:
        kind = part.split("/")[1].removesuffix(".xml")
        rels = (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId9" Type="{_RT}/footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rId8" Type="{_RT}/{kind}" Target="{kind}.xml"/></Relationships>'
        )
        data = rezip(data, {"word/_rels/document.xml.rels": rels.encode()})
    seen = Collected()
    doc = read_docx(data, "leeg.docx", warn=seen)
    assert [plain_text(n.body[0].children) for _, n in iter_notes(doc)] == ["In de tekst."]
    assert seen.messages() == [f"{part}: malformed XML: Document is empty; left out"]


def test_words_no_proofing_language_states_no_language() -> None:
    runs = '<w:r><w:rPr><w:lang w:val="x-none"/></w:rPr><w:t>De minister informeert de Kamer over de voortgang.</w:t></w:r>'
    assert read_docx(make_docx(p("", runs=runs)), "x.docx", warn=Collected()).lang == "nl"
