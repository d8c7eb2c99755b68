"""A note with its own mark (Word's custom mark, `*`): read from DOCX and POI text, kept by every writer, numbered by none."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import toolkit
from tests.conftest import Collected
from tests.test_docx_clients import need, note_texts, soffice
from tests.test_pdf_facts import pages_text, pages_words
from toolkit.errors import BriefingError
from toolkit.model import Briefing, Meta, Note, P, Strong, Sup, iter_notes, parse, plain_text, serialise
from toolkit.ooxml.ns import qn
from toolkit.readers.note_marks import with_mark
from toolkit.readers.xliff import read_xliff
from toolkit.style import load_style
from toolkit.writers.pdf import write_pdf
from toolkit.writers.xliff import XliffOptions, render_xliff

SCHEMA = Path(__file__).resolve().parent.parent / "toolkit" / "model" / "briefing.rng"


def marked_doc() -> Briefing:
    return Briefing(
        Meta("Eigen tekens"),
        (
            P(
                (
                    "Eerste zin",
                    Note((P(("Genummerde noot.",)),), "2"),
                    " met een ster",
                    Note((P(("Noot met een ster.",)),), "3", mark="*"),
                    " en een kruis",
                    Note((P(("Eindnoot met een kruis.",)),), "1", kind="endnote", mark="\u2020"),
                    " en weer een nummer",
                    Note((P(("Tweede genummerde noot.",)),), "4"),
                    ".",
                )
            ),
        ),
    )


def test_a_marked_note_takes_no_number_and_the_next_note_has_the_one_it_would() -> None:
    numbers = [(n, note.mark) for n, note in iter_notes(marked_doc())]
    assert numbers == [(1, None), (None, "*"), (None, "\u2020"), (2, None)]


@pytest.mark.parametrize("mark", ["", "a b", "\u2020" * 11, "*\n", "\u00a0", "\u200b"])
def test_a_mark_is_one_to_ten_visible_characters_and_the_schema_says_so(mark: str) -> None:
    with pytest.raises(BriefingError):
        Note((P(("x",)),), mark=mark)
    if "\n" not in mark:  # an attribute's line end is a space once parsed
        data = serialise(marked_doc()).replace(b'mark="*"', f'mark="{mark}"'.encode())
        assert not etree.RelaxNG(etree.parse(str(SCHEMA))).validate(etree.fromstring(data))


def test_the_xml_says_1_1_only_when_a_mark_is_used_and_the_schema_takes_it() -> None:
    data = serialise(marked_doc())
    root = etree.fromstring(data)
    assert root.get("version") == "1.1"
    notes = root.findall(".//note")
    assert [(n.get("n"), n.get("mark")) for n in notes] == [
        ("1", None),
        (None, "*"),
        (None, "\u2020"),
        ("2", None),
    ]
    assert etree.RelaxNG(etree.parse(str(SCHEMA))).validate(root)
    assert parse(data) == marked_doc()
    plain = Briefing(Meta("Zonder"), (P(("Zin", Note((P(("Noot.",)),)), ".")),))
    assert etree.fromstring(serialise(plain)).get("version") == "1"


def test_a_bad_mark_in_the_xml_is_named_with_its_line() -> None:
    data = serialise(marked_doc()).replace(b'mark="*"', b'mark="twee woorden"')
    with pytest.raises(BriefingError) as caught:
        parse(data, "x.xml")
    assert caught.value.where.line is not None
    assert "mark" in str(caught.value)


def test_docx_writes_word_custom_marks_and_reads_them_back_the_same() -> None:
    doc = marked_doc()
    data = toolkit.render(doc, "docx")
    assert toolkit.read(data, format="docx") == doc
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        footnotes = etree.fromstring(z.read("word/footnotes.xml"))
    refs = body.findall(f".//{qn('w:footnoteReference')}")
    assert [r.get(qn("w:customMarkFollows")) for r in refs] == [None, "1", None]
    # The mark is the text of the run after the reference, and starts the note's text in place of the number.
    assert "".join(refs[1].getparent().getnext().itertext()) == "*"
    starred = footnotes.find(f"{qn('w:footnote')}[@{qn('w:id')}='3']")
    assert starred is not None and starred.find(f".//{qn('w:footnoteRef')}") is None
    assert "".join(starred.itertext()).startswith("*")


def test_the_poi_text_reader_takes_a_mark_printed_after_the_reference_and_before_the_body() -> None:
    # As POI prints a custom mark: after the reference, and again at the start of the body.
    text = "Titel\nZin met een ster[footnoteRef:3]* en een getal[footnoteRef:4]. [3: * Ster.]  [4: Getal.] \n"
    doc = toolkit.read(text.encode(), format="text", warn=Collected())
    notes = [(note.mark, note.body) for _, note in iter_notes(doc)]
    assert notes == [("*", (P(("Ster.",)),)), (None, (P(("Getal.",)),))]
    para = doc.body[0]
    assert isinstance(para, P) and para.children[2] == " en een getal"  # the mark left the text


def test_text_after_a_reference_is_no_mark_unless_the_body_starts_with_it() -> None:
    text = (
        "Titel\nZie de brief[footnoteRef:2]; die volgt.[footnoteRef:3]a [2: Brief van 1 mei.]  [3: Ook.] \n"
    )
    doc = toolkit.read(text.encode(), format="text", warn=Collected())
    assert [note.mark for _, note in iter_notes(doc)] == [None, None]


def test_the_mark_moves_off_the_body_through_spans() -> None:
    note = Note((P((Sup(("*",)), "\tTekst.")),), "3")
    assert with_mark(note, "*") == Note((P(("Tekst.",)),), "3", mark="*")
    other = Note((P(("Tekst.",)),), "3")
    assert with_mark(other, "*") == Note((P(("Tekst.",)),), "3", mark="*")


def test_the_pdf_prints_the_mark_at_the_reference_and_the_note_and_numbers_the_rest() -> None:
    data = write_pdf(marked_doc(), load_style(), warn=Collected())
    assert "Eerste zin1 met een ster* en een kruis\u2020 en weer een nummer2." in " ".join(
        pages_text(data)[0].split()
    )
    words = pages_words(data)[0]

    def label_of(first_word: str) -> str:
        # The label hangs left of the note's first word, on its line (raised, so it tops the line).
        text = next(w for w in words if w.text == first_word)
        return next(
            w.text for w in words if w.x_max <= text.x_min and w.y_min <= text.y_max and w.y_max >= text.y_min
        )

    assert [label_of(w) for w in ("Genummerde", "Noot", "Tweede", "Eindnoot")] == ["1", "*", "2", "\u2020"]


def test_xliff_shows_the_mark_and_brings_the_note_back_marked() -> None:
    doc = marked_doc()
    data = render_xliff(doc, XliffOptions(target_lang="en"))
    root = etree.fromstring(data)
    shown = [
        ph.get("disp") for ph in root.iter("{urn:oasis:names:tc:xliff:document:2.0}ph") if ph.get("subFlows")
    ]
    assert shown == ["[1]", "[*]", "[\u2020]", "[2]"]
    back = read_xliff(data, allow_untranslated=True, warn=Collected())
    assert [n.mark for _, n in iter_notes(back)] == [None, "*", "\u2020", None]


def test_libreoffice_shows_our_mark_and_writes_it_back_as_a_custom_mark(tmp_path: Path) -> None:
    need("soffice", "pdftotext")
    docx = tmp_path / "marks.docx"
    toolkit.write(marked_doc(), docx)
    pdf = soffice(tmp_path / "pdf", docx, "pdf")
    text = " ".join(" ".join(pages_text(pdf.read_bytes())).split())
    assert "Eerste zin1 met een ster* en een kruis\u2020 en weer een nummer2." in text
    back = soffice(tmp_path / "back", soffice(tmp_path / "odt", docx, "odt"), "docx:MS Word 2007 XML")
    again = toolkit.read(back, warn=Collected())
    assert [n.mark for _, n in iter_notes(again)] == [None, "*", "\u2020", None]
    # LibreOffice keeps the body's copy of the mark (Word's label) as text beside its own label,
    # and writes both back: what its DOCX says, the reader reads.
    assert [t.removeprefix("*").removeprefix("\u2020") for t in note_texts(again)] == note_texts(marked_doc())


def _with_document(data: bytes, edit: Callable[[str], str]) -> bytes:
    """The DOCX `data` with its document part's XML passed through `edit`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "word/document.xml":
                body = edit(body.decode()).encode()
            dst.writestr(item, body)
    return out.getvalue()


def test_a_mark_in_the_reference_run_itself_is_read_as_well() -> None:
    # The run that holds the reference may hold the mark too, after it.
    split = '</w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>*</w:t>'
    data = toolkit.render(marked_doc(), "docx")
    joined = _with_document(data, lambda xml: xml.replace(split, "<w:t>*</w:t>"))
    assert joined != data
    assert toolkit.read(joined, format="docx").body == marked_doc().body


def test_a_mark_word_could_not_hold_is_kept_as_text_and_the_note_numbered() -> None:
    data = _with_document(
        toolkit.render(marked_doc(), "docx"),
        lambda xml: xml.replace("<w:t>*</w:t>", "<w:t>twee woorden</w:t>"),
    )
    seen = Collected()
    doc = toolkit.read(data, format="docx", warn=seen)
    assert [n.mark for _, n in iter_notes(doc)] == [None, None, "\u2020", None]
    assert "but what follows is no mark: a note mark must be 1 to 10 visible characters" in "\n".join(
        w.message for w in seen
    )
    para = doc.body[0]
    assert isinstance(para, P) and "stertwee woorden en een kruis" in plain_text(
        para.children
    )  # after the note


def test_a_custom_mark_that_never_comes_leaves_the_text_alone_and_the_note_numbered() -> None:
    # customMarkFollows, but the run after the reference is the sentence going on (bold), not a mark.
    mark_run = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>*</w:t></w:r>'
    data = _with_document(
        toolkit.render(marked_doc(), "docx"),
        lambda xml: xml.replace(mark_run, "", 1).replace(
            '<w:t xml:space="preserve"> en een kruis</w:t>',
            '<w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> en een kruis</w:t>',
        ),
    )
    seen = Collected()
    doc = toolkit.read(data, format="docx", warn=seen)
    assert [n.mark for _, n in iter_notes(doc)] == [None, None, "\u2020", None]
    para = doc.body[0]
    assert isinstance(para, P) and Strong((" en een kruis",)) in para.children
    assert "footnote 3 has a mark of its own, but what follows" in "\n".join(w.message for w in seen)


def test_a_mark_leaves_a_body_alone_that_only_starts_with_its_letters() -> None:
    assert with_mark(Note((P(("aanvullende brief.",)),)), "a").body == (P(("aanvullende brief.",)),)
    assert with_mark(Note((P(("*Zie de brief.",)),)), "*").body == (P(("Zie de brief.",)),)


def test_the_pdf_prints_a_mark_of_markup_characters_as_text_and_checks_its_glyphs() -> None:
    doc = Briefing(
        Meta("Tekens"),
        (
            P(
                (
                    "Zin",
                    Note((P(("Noot.",)),), mark="<&>"),
                    " en",
                    Note((P(("Andere.",)),), mark="\u261e"),
                    ".",
                )
            ),
        ),
    )
    seen = Collected()
    data = write_pdf(doc, load_style(), warn=seen)
    assert "Zin<&> en" in " ".join(pages_text(data)[0].split())
    assert "U+261E" in "\n".join(w.message for w in seen)


def test_a_space_after_the_mark_in_its_run_still_parts_it_from_the_next_word() -> None:
    mark_run = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>*</w:t></w:r>'
    spaced = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">* </w:t></w:r>'
    data = _with_document(
        toolkit.render(marked_doc(), "docx"),
        lambda xml: xml.replace(mark_run, spaced, 1).replace(
            '<w:t xml:space="preserve"> en een kruis</w:t>', "<w:t>en een kruis</w:t>"
        ),
    )
    doc = toolkit.read(data, format="docx", warn=Collected())
    assert [n.mark for _, n in iter_notes(doc)] == [None, "*", "\u2020", None]
    para = doc.body[0]
    assert isinstance(para, P) and "ster en een kruis" in plain_text(para.children)


def test_the_poi_reader_keeps_a_mark_it_cannot_hold_as_text_and_reads_on() -> None:
    # An invisible character cannot be a mark: it stays text, and the reading goes on.
    text = "Titel\nZin met een ster[footnoteRef:3]\u200b* en meer. [3: \u200b* Ster.] \n"
    doc = toolkit.read(text.encode(), format="text", warn=Collected())
    assert [n.mark for _, n in iter_notes(doc)] == [None]


def test_a_symbol_fonts_private_use_character_can_be_a_mark() -> None:
    assert Note((P(("x",)),), mark="\uf02a").mark == "\uf02a"
    text = "Titel\nZin[footnoteRef:3]\uf02a en meer. [3: \uf02a Ster.] \n"
    doc = toolkit.read(text.encode(), format="text", warn=Collected())
    assert [n.mark for _, n in iter_notes(doc)] == ["\uf02a"]
