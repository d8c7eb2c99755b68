"""The POI-text reader: the seed's facts, every marker problem, encodings."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.conftest import Collected
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Note, P, Section, iter_notes, plain_text
from toolkit.readers.headings import HeadingRules
from toolkit.readers.poi_text import read_poi_text, read_with_decisions

SEED_HEADINGS = [
    "De weg naar de Washington D.C.-top",
    "NATO-Ukraine Council (NUC)",
    "Bijeenkomst met de EU en de NAVO-partners in de Indo-Pacific",
]
NOTE_BODY = (
    "Zie vertrouwelijke bijlage bij verslag Raad Buitenlandse Zaken 11 december 2023 (21501-02, nr.2794)"
)


def read(text: str, warn=None, **kwargs):  # type: ignore[no-untyped-def]
    return read_poi_text(
        text.encode("utf-8"), "brief.txt", warn=_fail_on_warning if warn is None else warn, **kwargs
    )


def _fail_on_warning(w):  # type: ignore[no-untyped-def]
    raise AssertionError(f"unexpected warning: {w}")


def paragraphs(doc):  # type: ignore[no-untyped-def]
    out = []
    for block in doc.body:
        out.extend(block.blocks if isinstance(block, Section) else [block])
    return out


# --- the seed ----------------------------------------------------------------


def test_seed_title_sections_and_paragraphs(seed_bytes, seed_path):  # type: ignore[no-untyped-def]
    doc = read_poi_text(seed_bytes, str(seed_path))
    assert doc.meta.title == "Foreign Ministers Meeting 3-4 april 2024"
    assert doc.lang == "nl"
    first_section = next(i for i, b in enumerate(doc.body) if isinstance(b, Section))
    assert first_section == 2 and all(isinstance(b, P) for b in doc.body[:2])
    sections = [b for b in doc.body if isinstance(b, Section)]
    assert [plain_text(s.heading.children) for s in sections] == SEED_HEADINGS
    assert [len(s.blocks) for s in sections] == [4, 1, 3]
    assert len(paragraphs(doc)) == 10
    # The title is only in meta, never repeated in the body.
    assert all(doc.meta.title not in plain_text(p.children) for p in paragraphs(doc))


def test_seed_note_is_anchored_after_non_paper(seed_bytes):  # type: ignore[no-untyped-def]
    doc = read_poi_text(seed_bytes, "seed.txt")
    notes = list(iter_notes(doc))
    assert len(notes) == 1
    number, note = notes[0]
    assert (number, note.source_id, note.kind) == (1, "2", "footnote")
    assert [plain_text(p.children) for p in note.body] == [NOTE_BODY]
    holder = next(p for p in paragraphs(doc) if any(isinstance(c, Note) for c in p.children))
    index = next(i for i, c in enumerate(holder.children) if isinstance(c, Note))
    before, after = holder.children[index - 1], holder.children[index + 1]
    assert isinstance(before, str) and before.endswith("in het non-paper")
    assert isinstance(after, str) and after.startswith(" op Nederlands initiatief")


def test_seed_provenance(seed_bytes):  # type: ignore[no-untyped-def]
    import hashlib

    doc = read_poi_text(seed_bytes, "seeds/000_22ad20a819696709.txt")
    assert doc.meta.source is not None
    assert doc.meta.source.format == "poi-text"
    assert doc.meta.source.name == "000_22ad20a819696709.txt"
    assert doc.meta.source.sha256 == hashlib.sha256(seed_bytes).hexdigest()


def words(text: str) -> Counter[str]:
    return Counter(text.split())


def test_no_word_lost_or_duplicated(seed_bytes):  # type: ignore[no-untyped-def]
    from toolkit.model import serialise

    source = seed_bytes.decode("utf-8")
    source = re.sub(r"\[(?:footnote|endnote)Ref:-?\d+\]", " ", source)
    source = re.sub(r"\[(-?\d+): ", " ", source)  # the body's opening `[N: `
    source = source.replace(") ]", ")")  # the body's closing bracket
    from lxml import etree

    root = etree.fromstring(serialise(read_poi_text(seed_bytes, "seed.txt")))
    text = " ".join(root.find("meta/title").itertext()) + " " + " ".join(root.find("body").itertext())
    assert words(text) == words(source.replace("nr.2794)]", "nr.2794)"))


# --- headings: explained and overridable --------------------------------------


def test_explain_gives_a_reason_for_every_line(seed_bytes):  # type: ignore[no-untyped-def]
    _, decisions = read_with_decisions(seed_bytes, "seed.txt")
    assert [d.line for d in decisions if d.heading] == [4, 10, 12]
    assert decisions[0].kind == "title"
    heading = next(d for d in decisions if d.heading)
    assert "no final punctuation" in heading.reason
    assert all(d.reason for d in decisions)


def test_heading_can_be_forced_and_suppressed(seed_bytes):  # type: ignore[no-untyped-def]
    rules = HeadingRules.overrides(force=["2"], suppress=["NATO-Ukraine Council (NUC)"])
    doc = read_poi_text(seed_bytes, "seed.txt", headings=rules)
    headings = [plain_text(b.heading.children) for b in doc.body if isinstance(b, Section)]
    assert headings[0].startswith("De NAVO Foreign Ministers Meeting")
    assert "NATO-Ukraine Council (NUC)" not in headings
    assert len(headings) == 3  # one forced in, one suppressed


# --- notes --------------------------------------------------------------------


def test_multi_paragraph_body_and_brackets_inside_a_body():
    text = (
        "Titel\n"
        "Eerste zin[footnoteRef:2] en tweede[footnoteRef:3] zin.  [2:  Zie [bijlage] hier] "
        "[3:  Deel een\nDeel twee [a]] \n\nVolgende alinea.\n"
    )
    doc = read(text)
    notes = [n for _, n in iter_notes(doc)]
    assert [[plain_text(p.children) for p in n.body] for n in notes] == [
        ["Zie [bijlage] hier"],
        ["Deel een", "Deel twee [a]"],
    ]
    assert [plain_text(p.children) for p in paragraphs(doc)] == [
        "Eerste zin en tweede zin.",
        "Volgende alinea.",
    ]


@pytest.mark.parametrize("opener", ["[3: \n", "[3:\n"], ids=["as-poi-prints-it", "trailing-space-stripped"])
def test_a_body_whose_first_paragraph_is_empty_opens_at_the_end_of_a_line(opener: str) -> None:
    # POI prints an empty first note paragraph as `[N: ` at the line's end; editors strip the space.
    text = f"Titel\nHet kabinet[footnoteRef:2] steunt[footnoteRef:3] het voorstel. [2:  Eerste.]  {opener}Tweede.] \n\nSlot.\n"
    doc = read(text)
    assert [[plain_text(p.children) for p in n.body] for _, n in iter_notes(doc)] == [
        ["Eerste."],
        ["Tweede."],
    ]
    assert [plain_text(p.children) for p in paragraphs(doc)] == ["Het kabinet steunt het voorstel.", "Slot."]


def test_endnote_marker_gives_an_endnote():
    doc = read("Titel\nZin[endnoteRef:1] hier. [1: Eindnoot] \n")
    [(number, note)] = list(iter_notes(doc))
    assert (number, note.kind, note.source_id) == (1, "endnote", "1")


def test_malformed_marker_is_an_error_with_line_and_column():
    with pytest.raises(BriefingError) as info:
        read("Titel\nGoed.\nFout[footnoteRef:x] hier.\n")
    assert info.value.where.line == 3 and info.value.where.column == 5
    assert "malformed note marker" in str(info.value)
    assert str(info.value).startswith("brief.txt:3:5:")
    assert info.value.code == ExitCode.BAD_INPUT


def test_marker_without_body_keeps_an_empty_note_with_a_warning(warnings_seen):  # type: ignore[no-untyped-def]
    # POI prints a reference inside a block content control, but not its body.
    doc = read("Titel\nZin met noot[footnoteRef:4] maar geen tekst.\n", warn=warnings_seen)
    [p] = paragraphs(doc)
    assert p.children == ("Zin met noot", Note((P(),), "4"), " maar geen tekst.")
    [warning] = warnings_seen
    assert "footnote 4 has no body" in warning.message and warning.where.line == 2


def test_unclosed_body_is_an_error():
    with pytest.raises(BriefingError, match="never closed"):
        read("Titel\nZin[footnoteRef:4]. [4: begint maar\neindigt nooit\n")


def test_body_without_marker_is_kept_with_a_warning(warnings_seen):  # type: ignore[no-untyped-def]
    doc = read("Titel\nZin zonder verwijzing.  [7:  Losse noot] \n", warn=warnings_seen)
    [(_, note)] = list(iter_notes(doc))
    assert plain_text(note.body[0].children) == "Losse noot"
    assert plain_text(paragraphs(doc)[0].children) == "Zin zonder verwijzing."
    assert len(warnings_seen) == 1 and "has no reference" in warnings_seen[0].message
    assert warnings_seen[0].where.line == 2


def test_text_written_like_a_body_does_not_swallow_the_reference_after_it(warnings_seen):  # type: ignore[no-untyped-def]
    text = "Titel\nDe tekst noemt [1: geen noot] letterlijk.[footnoteRef:2] [2:  Echte noot.] \n\n"
    doc = read(text, warn=warnings_seen)
    [(_, note)] = list(iter_notes(doc))
    assert (note.source_id, plain_text(note.body[0].children)) == ("2", "Echte noot.")
    assert paragraphs(doc)[0].children == ("De tekst noemt [1: geen noot] letterlijk.", note)
    assert warnings_seen.messages() == []


def test_a_body_whose_text_spells_a_reference_is_read_with_a_warning(warnings_seen):  # type: ignore[no-untyped-def]
    doc = read("Titel\nEen zin.[footnoteRef:4] [4:  Zie [endnoteRef:2] hier.] \n\n", warn=warnings_seen)
    [(_, note)] = list(iter_notes(doc))
    assert plain_text(note.body[0].children) == "Zie [endnoteRef:2] hier."
    assert ["holds text written like a note reference" in m for m in warnings_seen.messages()] == [True]


def test_duplicate_ids_warn_and_keep_both(warnings_seen):  # type: ignore[no-untyped-def]
    text = "Titel\nA[footnoteRef:2]. [2: een] \n\nB[footnoteRef:2]. [2: twee] \n"
    doc = read(text, warn=warnings_seen)
    assert [plain_text(n.body[0].children) for _, n in iter_notes(doc)] == ["een", "twee"]
    assert "used twice (first on line 2)" in warnings_seen.messages()[0]
    assert warnings_seen[0].where.line == 4


def test_poi_missing_note_line_keeps_an_empty_note_with_a_warning(warnings_seen):  # type: ignore[no-untyped-def]
    text = 'Titel\nZin[footnoteRef:9] hier. [9: !!! End note with ID "9" not found in document.] \n'
    doc = read(text, warn=warnings_seen)
    assert [(n.source_id, n.body) for _, n in iter_notes(doc)] == [("9", (P(),))]
    assert plain_text(paragraphs(doc)[0].children) == "Zin hier."
    assert "could not find footnote 9" in warnings_seen.messages()[0]


# --- encodings and junk -------------------------------------------------------


def test_windows_1252_is_decoded_with_a_warning(warnings_seen):  # type: ignore[no-untyped-def]
    data = "Titel\nDe Oekraïense minister – café.\n".encode("cp1252")
    doc = read_poi_text(data, "oud.txt", warn=warnings_seen)
    assert plain_text(paragraphs(doc)[0].children) == "De Oekraïense minister – café."
    assert "Windows-1252" in warnings_seen.messages()[0]
    assert warnings_seen[0].where.line == 2


def test_binary_junk_is_refused():
    with pytest.raises(BriefingError, match="binary file"):
        read_poi_text(bytes(range(256)) * 4, "junk.txt")


def test_empty_input_is_refused():
    with pytest.raises(BriefingError, match="no text"):
        read("\n\n  \n")


def test_crlf_and_bom_are_handled():
    doc = read_poi_text("\ufeffTitel\r\nZin een.\r\n".encode(), "w.txt")
    assert doc.meta.title == "Titel"
    assert plain_text(paragraphs(doc)[0].children) == "Zin een."


def test_a_heading_override_that_names_no_line_is_warned_about(warnings_seen):  # type: ignore[no-untyped-def]
    rules = HeadingRules.overrides(["999", "Geen zo'n regel"], ["Ook niet"])
    read("Titel\nEen zin.\n", headings=rules, warn=warnings_seen)
    messages = warnings_seen.messages()
    assert any("--heading 999: no paragraph starts on line 999" in m for m in messages)
    assert any('--heading "Geen zo\'n regel": no paragraph has this text' in m for m in messages)
    assert any("--no-heading 'Ook niet'" in m for m in messages)


def test_a_second_body_for_one_reference_is_kept_with_a_warning(warnings_seen):  # type: ignore[no-untyped-def]
    doc = read("Titel\nZin[footnoteRef:2] hier. [2: een]  [2: twee]  [3: drie] \n\n", warn=warnings_seen)
    # Which of the two bodies answers the reference, the text cannot say; none is lost.
    assert sorted(plain_text(n.body[0].children) for _, n in iter_notes(doc)) == ["drie", "een", "twee"]
    assert sum("has no reference; kept" in m for m in warnings_seen.messages()) == 2


def test_a_letterhead_poi_prints_first_is_not_the_title_and_stays_in_the_body() -> None:
    text = "Ministerie van Buitenlandse Zaken\nGeannoteerde agenda Raad Buitenlandse Zaken\nDe Raad komt bijeen.\n"
    doc, decisions = read_with_decisions(text.encode(), "agenda.txt", warn=_fail_on_warning)
    assert doc.meta.title == "Geannoteerde agenda Raad Buitenlandse Zaken"
    assert [plain_text(p.children) for p in paragraphs(doc)] == [
        "Ministerie van Buitenlandse Zaken",
        "De Raad komt bijeen.",
    ]
    assert [d.kind for d in decisions] == ["paragraph", "title", "paragraph"]


def test_the_parliaments_case_number_in_the_page_header_is_no_title() -> None:
    text = "2024Z05678\nAntwoorden Kamervragen over Venezuela\nVraag 1 gaat over de aanhouding.\n"
    doc, decisions = read_with_decisions(text.encode(), "kamervragen.txt", warn=_fail_on_warning)
    assert doc.meta.title == "Antwoorden Kamervragen over Venezuela"
    assert [d.kind for d in decisions] == ["paragraph", "title", "paragraph"]


def test_address_lines_are_no_headings_nor_titles() -> None:
    text = "Rijnstraat 8\n2515 XP Den Haag\nPostbus 20061\nDe brief begint hier.\n"
    doc = read_poi_text(text.encode(), "brief.txt", warn=_fail_on_warning)
    assert doc.meta.title == "brief"
    assert not any(isinstance(b, Section) for b in doc.body)


def test_a_heading_in_a_script_without_case_is_a_heading() -> None:
    text = "Handelsmissie\nHet verslag begint.\n东京\nDe delegatie bezocht Tokio.\nשלום\nEen groet.\n(a) niet\nTekst.\n"
    doc = read_poi_text(text.encode(), "missie.txt", warn=_fail_on_warning)
    assert [plain_text(b.heading.children) for b in doc.body if isinstance(b, Section)] == ["东京", "שלום"]


def test_a_table_of_contents_without_page_numbers_names_the_headings() -> None:
    # Word's TOC field with \\n: POI prints each entry as a line of its own, with no tab or page.
    text = (
        "Geannoteerde agenda\nInhoud\nInleiding\nUitbreiding\nRechtsstaat\n"
        "Inleiding\nDe Raad komt bijeen.\nUitbreiding\nDe Raad spreekt over Oekraïne.\n"
        "Korte regel zonder punt\nNog een zin.\nRechtsstaat\nDe dialoog volgt.\n"
    )
    doc, decisions = read_with_decisions(text.encode(), "agenda.txt", warn=_fail_on_warning)
    assert [d.kind for d in decisions[2:5]] == ["contents"] * 3
    assert [plain_text(b.heading.children) for b in doc.body if isinstance(b, Section)] == [
        "Inleiding",
        "Uitbreiding",
        "Rechtsstaat",
    ]


def test_short_lines_that_do_not_all_come_back_in_order_are_no_contents() -> None:
    text = "Verslag\nOekraïne\nChina\nMidden-Oosten\nEen zin.\nChina\nTekst.\nOekraïne\nTekst.\n"
    _, decisions = read_with_decisions(text.encode(), "verslag.txt", warn=_fail_on_warning)
    assert "contents" not in [d.kind for d in decisions]


def test_contents_followed_straight_by_two_headings_are_found() -> None:
    text = (
        "Geannoteerde agenda\nInhoud\nUitbreiding\nOekraïne\nMoldavië\n"
        "Uitbreiding\nOekraïne\nDe Raad spreekt over Oekraïne.\nMoldavië\nDe Raad spreekt over Moldavië.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "agenda.txt", warn=_fail_on_warning)
    assert [d.kind for d in decisions] == [
        "title", "paragraph", "contents", "contents", "contents",
        "heading", "heading", "paragraph", "heading", "paragraph",
    ]  # fmt: skip


def test_contents_with_an_entry_that_never_comes_back_still_name_the_rest() -> None:
    # A heading renamed since the table was made: two in three entries come back, in order.
    text = (
        "Geannoteerde agenda\nInhoud:\nGeorgië\nUitbreiding\nOekraïne\nMoldavië\n"
        "Uitbreiding\nDe Raad spreekt.\nOekraïne\nTekst.\nMoldavië\nTekst.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "agenda.txt", warn=_fail_on_warning)
    assert [d.kind for d in decisions[2:6]] == ["contents"] * 4
    assert [d.text for d in decisions if d.kind == "heading"] == ["Uitbreiding", "Oekraïne", "Moldavië"]


def test_an_inhoud_section_after_the_text_has_begun_is_no_table_of_contents() -> None:
    text = (
        "Brief\nInleiding\nDit is de brief.\nInhoud\nFrankrijk\nDuitsland\nPolen\n"
        "Zij spraken over sancties.\nFrankrijk\nDuitsland\nPolen\nDe Raad besluit in juni.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "brief.txt", warn=_fail_on_warning)
    assert "contents" not in [d.kind for d in decisions]
    assert "Inleiding" in [d.text for d in decisions if d.kind == "heading"]


def test_a_list_given_twice_is_no_table_of_contents() -> None:
    # Without a contents title, lines that come back in order are a list said twice, not contents.
    text = (
        "Verslag\nInleiding\nAanwezig waren:\nFrankrijk\nDuitsland\nPolen\n"
        "Zij spraken over sancties. Steun kwam van:\nFrankrijk\nDuitsland\nPolen\nDe Raad besluit in juni.\n"
    )
    doc, decisions = read_with_decisions(text.encode(), "verslag.txt", warn=_fail_on_warning)
    assert "contents" not in [d.kind for d in decisions]
    assert [plain_text(b.heading.children) for b in doc.body if isinstance(b, Section)] == ["Inleiding"]


def test_initials_end_a_title_but_a_sentence_still_ends_with_them() -> None:
    text = "Verslag van de NAVO-top in Washington D.C.\nInleiding\nDe top is in Washington D.C.\nEen zin.\n"
    doc = read_poi_text(text.encode(), "top.txt", warn=_fail_on_warning)
    assert doc.meta.title == "Verslag van de NAVO-top in Washington D.C."
    assert [plain_text(b.heading.children) for b in doc.body if isinstance(b, Section)] == ["Inleiding"]


def test_page_footers_poi_prints_mid_text_and_broken_off_lines_are_no_headings() -> None:
    # POI prints a section's footer where the section ends; a VML text box breaks its line at "(".
    text = (
        "Geannoteerde agenda\nInleiding\nDe Raad komt bijeen.\nPagina 1 van 2\n\n"
        "Bijlage 1 Overzicht\nEen alinea met een tekstvak (\nTekst.\nPagina  van \n"
    )
    doc = read_poi_text(text.encode(), "agenda.txt", warn=_fail_on_warning)
    assert [plain_text(b.heading.children) for b in doc.body if isinstance(b, Section)] == [
        "Inleiding",
        "Bijlage 1 Overzicht",
    ]


def test_a_drafts_or_classified_papers_header_marking_is_no_title() -> None:
    for marking in ("Concept", "Concept v2", "Stg. Geheim", "Departementaal vertrouwelijk"):
        text = f"{marking}\nGeannoteerde agenda Raad Algemene Zaken\nDe Raad komt bijeen.\n"
        doc = read_poi_text(text.encode(), "agenda.txt", warn=_fail_on_warning)
        assert doc.meta.title == "Geannoteerde agenda Raad Algemene Zaken", marking
    doc = read_poi_text(
        b"Concept kamerbrief over de Raad\nDe Raad komt bijeen.\n", "k.txt", warn=_fail_on_warning
    )
    assert doc.meta.title == "Concept kamerbrief over de Raad"


def test_markings_are_skipped_only_before_the_title_and_sentences_in_chinese_are_no_headings() -> None:
    text = (
        "Concept\nGeannoteerde agenda\nDe Raad komt bijeen.\nEmbargo\nHet embargo blijft.\n"
        "会议将讨论乌克兰局势。\n东京\nDe delegatie was in Tokio.\n"
    )
    doc = read_poi_text(text.encode(), "agenda.txt", warn=_fail_on_warning)
    assert doc.meta.title == "Geannoteerde agenda"
    assert [plain_text(b.heading.children) for b in doc.body if isinstance(b, Section)] == ["Embargo", "东京"]


def test_a_note_inside_a_note_is_lifted_out_to_follow_it() -> None:
    # As POI 4.0.1 prints a note cited inside a note: the inner reference, then its
    # body (which POI cannot find), inside the outer body.
    seen = Collected()
    text = (
        "Titel\nVoetnoot erin[footnoteRef:2]. [2:  Buiten \n"
        '[footnoteRef:3] [3: !!! End note with ID "3" not found in document.] ] \n\nVolgende.\n'
    )
    doc = read_poi_text(text.encode(), "n.txt", warn=seen)
    outer, inner = Note((P(("Buiten",)),), "2"), Note((P(),), "3")
    assert doc.body == (P(("Voetnoot erin", outer, inner, ".")), P(("Volgende.",)))
    assert any("footnote 3 is cited inside another note" in m for m in seen.messages())


def test_inner_notes_on_one_line_keep_their_order_and_text() -> None:
    text = (
        "Titel\nZin[footnoteRef:2] en[endnoteRef:1]. [2:  Buiten [footnoteRef:3] midden [endnoteRef:4] [3: Een]  "
        "[4: Twee] ]  [1:  Eind] \n"
    )
    doc = read_poi_text(text.encode(), "n.txt", warn=Collected())
    notes = [(n.kind, n.source_id, plain_text(n.body[0].children)) for _, n in iter_notes(doc)]
    assert notes == [
        ("footnote", "2", "Buiten midden"),
        ("footnote", "3", "Een"),
        ("endnote", "4", "Twee"),
        ("endnote", "1", "Eind"),
    ]


def test_a_body_that_never_closes_is_still_an_error() -> None:
    with pytest.raises(BriefingError, match="never closed") as raised:
        read_poi_text(
            b"Titel\nZin[footnoteRef:2]. [2:  nooit dicht\n\nVolgende.\n", "m.txt", warn=Collected()
        )
    assert raised.value.where.line == 2


def test_notes_nested_many_levels_deep_are_read_in_one_pass() -> None:
    # Not what POI prints (it prints one level), but text a user may hand us: it must not be
    # tried again at every level (that was exponential), and no reference may be lost.
    levels = 25
    text = (
        "Titel\nZin[footnoteRef:1]. [1:  "
        + "".join(f"n{i} [footnoteRef:{i + 2}] [{i + 2}: " for i in range(levels))
        + "kern"
        + "] " * (levels + 1)
        + "\n"
    )
    doc = read_poi_text(text.encode(), "diep.txt", warn=Collected())
    first = next(note for _, note in iter_notes(doc))
    assert first.source_id == "1" and plain_text(first.body[0].children).startswith("n0")


def test_headings_numbered_with_letters_are_headings_a_level_below_the_numbers() -> None:
    # `a. Oekraïne` under `2.1`: the capital that counts is the heading's own, after its number.
    text = (
        "Inzet Algemene Vergadering\n1. Inleiding\nDe Vergadering opent op 10 september.\n"
        "2. Prioriteiten\n2.1 Vrede en veiligheid\na. Oekraïne\nNederland zet zich in voor vrede.\n"
        "b. Midden-Oosten\nHet kabinet steunt een staakt-het-vuren.\n2.2 Mensenrechten\n"
        "Nederland zet zich in voor vrijheid.\n3. Hervorming\nDe Top moet leiden tot een Pact.\n"
        "a) de kosten\nb) de baten\n"
    )
    _, decisions = read_with_decisions(text.encode(), "avvn.txt", warn=_fail_on_warning)
    headings = [(d.text, d.level) for d in decisions if d.heading]
    assert headings == [
        ("1. Inleiding", 1), ("2. Prioriteiten", 1), ("2.1 Vrede en veiligheid", 2),
        ("a. Oekraïne", 3), ("b. Midden-Oosten", 3), ("2.2 Mensenrechten", 2), ("3. Hervorming", 1),
    ]  # fmt: skip


def test_contents_whose_page_follows_a_space_name_the_headings() -> None:
    # pandoc turns a TOC field into plain paragraphs: `1 Inleiding 1`, the page after a space.
    text = (
        "Staat van de Unie\nInhoudsopgave\n1 Inleiding 1\n2 De Unie in de wereld 1\n"
        "2.1 Geopolitieke context 2\n3 Tot slot 3\nInleiding\nMet deze brief informeert het kabinet uw Kamer.\n"
        "De Unie in de wereld\nGeopolitieke context\nDe oorlog heeft de situatie veranderd.\n"
        "Tot slot\nHet kabinet zet zich in.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "unie.txt", warn=_fail_on_warning)
    assert [d.kind for d in decisions[2:6]] == ["contents"] * 4
    assert [d.text for d in decisions if d.heading] == [
        "Inleiding", "De Unie in de wereld", "Geopolitieke context", "Tot slot",
    ]  # fmt: skip


def test_a_body_paragraph_ending_in_a_bracket_and_a_space_does_not_close_the_body() -> None:
    # POI's own text: the note's first paragraph quotes with `[…] ` and a trailing space, which
    # looks like the close `] ⏎`; only the brackets' balance tells the two apart.
    text = (
        "Brief\nDe minister citeert het advies[footnoteRef:1]. [1:  \u201cHet kabinet moet investeren [\u2026] \n"
        "Advies Raad van State, W04.24.0001.] \n\nVolgende alinea.\n"
    )
    doc = read_poi_text(text.encode(), "brief.txt", warn=_fail_on_warning)
    (note,) = [n for _, n in iter_notes(doc)]
    assert [plain_text(p.children) for p in note.body] == [
        "\u201cHet kabinet moet investeren [\u2026]",
        "Advies Raad van State, W04.24.0001.",
    ]
    assert plain_text(paragraphs(doc)[-1].children) == "Volgende alinea."


def test_a_label_with_its_value_is_no_heading_but_a_heading_with_a_colon_is() -> None:
    text = (
        "Fiche\nStatus: Definitief\nDatum van verzending: 3 april 2024\nBesluitvorming\n"
        "Het kabinet steunt het voorstel.\nBijlage: Nederlandse kandidaturen\nDe lijst volgt.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "fiche.txt", warn=_fail_on_warning)
    assert [d.text for d in decisions if d.heading] == ["Besluitvorming", "Bijlage: Nederlandse kandidaturen"]


@pytest.mark.parametrize(
    "after",
    [
        "[footnoteRef:1].\tComment by M. Visser: Eerste regel\ntweede regel van de opmerking.\n [1:  Noot een.] \n\n",
        ".\tComment by M. Visser: Eerste regel\ntweede regel van de opmerking.\n\n",
    ],
)
def test_a_comment_with_a_line_break_is_dropped_whole(after: str, warnings_seen) -> None:  # type: ignore[no-untyped-def]
    # POI's own text of a comment holding a line break: its second line is the comment's, not the paragraph's.
    text = "Brief\nHet kabinet informeert de Kamer" + after + "Volgende alinea.\n"
    doc = read_poi_text(text.encode(), "brief.txt", warn=warnings_seen)
    assert [plain_text(p.children) for p in paragraphs(doc)] == [
        "Het kabinet informeert de Kamer.",
        "Volgende alinea.",
    ]
    assert [w.message for w in warnings_seen] == [
        "comment by M. Visser dropped: 'Eerste regel tweede regel van de opmerking.'"
    ]


def test_letters_are_a_lists_items_outside_heading_numbers_and_start_again_under_each_heading() -> None:
    listed = (
        "Brief\nHet kabinet ziet twee opties:\na. Verhogen van de heffing\nb. Verlagen van de subsidie\n"
        "Het kabinet kiest voor de tweede optie.\nUitvoering\nDe uitvoering start in mei.\n"
        "Financiën\nDe kosten zijn gedekt.\n"
    )
    _, decisions = read_with_decisions(listed.encode(), "brief.txt", warn=_fail_on_warning)
    assert [(d.text, d.level) for d in decisions if d.heading] == [("Uitvoering", 1), ("Financiën", 1)]
    again = (
        "Inzet\n1. Inleiding\nDe Vergadering opent.\n2. Prioriteiten\na. Oekraïne\nNederland zet zich in.\n"
        "b. Midden-Oosten\nHet kabinet steunt dit.\n3. Hervorming\na. Veiligheidsraad\nDe Raad moet breder.\n"
        "b. Financiering\nDe kosten zijn gedekt.\n"
    )
    _, decisions = read_with_decisions(again.encode(), "inzet.txt", warn=_fail_on_warning)
    assert [(d.text.split()[0], d.level) for d in decisions if d.heading] == [
        ("1.", 1), ("2.", 1), ("a.", 2), ("b.", 2), ("3.", 1), ("a.", 2), ("b.", 2),
    ]  # fmt: skip


def test_a_heading_that_names_a_label_word_is_still_a_heading() -> None:
    text = (
        "Brief\nHet kabinet informeert de Kamer.\nStatus van de onderhandelingen: een overzicht\n"
        "De onderhandelingen lopen.\nVersie 2: wat verandert\nDe wet verandert.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "brief.txt", warn=_fail_on_warning)
    assert [d.text for d in decisions if d.heading] == [
        "Status van de onderhandelingen: een overzicht",
        "Versie 2: wat verandert",
    ]


def test_a_body_with_a_bracket_left_open_still_ends_at_its_paragraphs_end() -> None:
    # `[0, 1)` never closes; the close before the blank line is the body's, not a `]` paragraphs later.
    text = (
        "Brief\nDe marge is klein[footnoteRef:1].\n [1:  Het interval [0, 1) geldt.] \n\n"
        "Volgende alinea.\nDe waarde ligt in (0, 1] \nLaatste alinea.\n"
    )
    doc = read_poi_text(text.encode(), "brief.txt", warn=_fail_on_warning)
    (note,) = [n for _, n in iter_notes(doc)]
    assert [plain_text(p.children) for p in note.body] == ["Het interval [0, 1) geldt."]
    assert "Volgende alinea." in [plain_text(p.children) for p in paragraphs(doc)]


def test_a_comment_on_a_paragraph_whose_note_poi_left_without_a_body_takes_only_its_line(
    warnings_seen,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Brief\nEerste alinea[footnoteRef:1].\tComment by M. Visser: Klopt dit?\n\n"
        "Tweede alinea.\nDerde alinea met tekst.\n\nVierde alinea.\n"
    )
    doc = read_poi_text(text.encode(), "brief.txt", warn=warnings_seen)
    assert [plain_text(p.children) for p in paragraphs(doc)] == [
        "Eerste alinea.", "Tweede alinea.", "Derde alinea met tekst.", "Vierde alinea.",
    ]  # fmt: skip


def test_a_table_whose_rows_end_in_a_year_is_no_table_of_contents() -> None:
    # `Invoering⇥2027` looks like `heading⇥page`, but a table's rows do not come back as headings.
    text = (
        "Planning herziening kerndoelen\nAchtergrond\nDe huidige kerndoelen dateren uit 2006.\nPlanning\n"
        "De kerndoelen worden gefaseerd vastgesteld.\nMijlpaal\tJaar\nVaststelling in AMvB\t2025\n"
        "Invoering op scholen\t2027\nFinanciën\nVoor de invoering is 40 miljoen euro beschikbaar.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "planning.txt", warn=_fail_on_warning)
    assert "contents" not in [d.kind for d in decisions]
    assert [d.text for d in decisions if d.heading] == ["Achtergrond", "Planning", "Financiën"]


def test_paragraph_sign_headings_are_headings() -> None:
    text = (
        "Nationaal Waterprogramma\nHoofdstuk 1 Inleiding\nHet programma beschrijft het waterbeleid.\n"
        "§ 1.1 Doel en reikwijdte\nHet programma geeft invulling aan de Kaderrichtlijn Water.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "water.txt", warn=_fail_on_warning)
    assert [d.text for d in decisions if d.heading] == ["Hoofdstuk 1 Inleiding", "§ 1.1 Doel en reikwijdte"]


def test_a_heading_word_numbers_itself_takes_its_depth_from_the_contents_entry() -> None:
    # POI prints no number before a heading Word numbers; the contents line `2.1⇥Inkomenssteun⇥4` does.
    text = (
        "Nationaal Strategisch Plan GLB\nInhoud\n1.\tInleiding\t3\n2.\tResultaten\t4\n2.1\tInkomenssteun\t4\n"
        "Inleiding\nHet NSP geeft invulling aan het GLB.\nResultaten\nDe resultaten per doelstelling.\n"
        "Inkomenssteun\nRuim 40.000 landbouwers ontvingen steun.\n"
    )
    _, decisions = read_with_decisions(text.encode(), "nsp.txt", warn=_fail_on_warning)
    assert [(d.text, d.level) for d in decisions if d.heading] == [
        ("Inleiding", 1), ("Resultaten", 1), ("Inkomenssteun", 2),
    ]  # fmt: skip
