"""The translation engine's plumbing, with fake translate functions: splitter, placeholders, markup, glossary.

These tests need no model. The fake engines below stand in for a model so
that failures a real model can produce (a lost placeholder, mangled
underscores) happen on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import toolkit
from tests.test_translate_packages import no_network, private_dirs  # noqa: F401  (autouse fixtures)
from toolkit.errors import BriefingError, BriefingWarning
from toolkit.model import Briefing, Emph, Heading, Link, Meta, Note, P, Section, Strong, iter_notes
from toolkit.translation import glossary, splitter
from toolkit.translation.options import TranslateOptions
from toolkit.translation.pipeline import Stats, Translator

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"


class FakeEngine:
    """An engine whose 'translation' is a function of the segment; records every segment it is sent."""

    name = "fake"
    model = "translate-nl_en"
    model_version = "0-fake"
    decoding = ""

    def __init__(self, fn: Callable[[str], str] = lambda s: f"EN[{s}]") -> None:
        self.fn = fn
        self.sent: list[str] = []

    def translate(self, sentences: list[str]) -> list[str]:
        self.sent.extend(sentences)
        return [self.fn(s) for s in sentences]


class Collected(list[BriefingWarning]):
    def __call__(self, warning: BriefingWarning) -> None:
        self.append(warning)

    def text(self) -> str:
        return "\n".join(w.message for w in self)


def translator(
    fn: Callable[[str], str] = lambda s: f"EN[{s}]", **kwargs: object
) -> tuple[Translator, FakeEngine, Collected]:
    engine = FakeEngine(fn)
    warned = Collected()
    options = TranslateOptions(**{"cache": False, "glossary": False, **kwargs})  # type: ignore[arg-type]
    return Translator(options=options, engine=engine, warn=warned), engine, warned


def doc_of(*blocks: object, title: str = "Titel") -> Briefing:
    return Briefing(Meta(title=title), tuple(blocks))  # type: ignore[arg-type]


# --- the splitter -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De NAVO o.a. is groot. Dat is zo.", ["De NAVO o.a. is groot.", "Dat is zo."]),
        ("Zie bijv. Artikel 5 en nr. 12. Klaar.", ["Zie bijv. Artikel 5 en nr. 12.", "Klaar."]),
        (
            "Dat is d.w.z. Nederland m.b.t. Defensie i.v.m. Rusland. Ja.",
            ["Dat is d.w.z. Nederland m.b.t. Defensie i.v.m. Rusland.", "Ja."],
        ),
        (
            "De top in Washington D.C. (9-11 juli 2024) volgt. Dan.",
            ["De top in Washington D.C. (9-11 juli 2024) volgt.", "Dan."],
        ),
        (
            "Minister J. Smit en M.A. de Vries. Zij spreken.",
            ["Minister J. Smit en M.A. de Vries.", "Zij spreken."],
        ),
        ("Een groei van 3.5 procent. Nu 2.0 versie.", ["Een groei van 3.5 procent.", "Nu 2.0 versie."]),
        (
            "(nr.2794) Hoe? Zo! Daarna 's Avonds verder.",
            ["(nr.2794) Hoe?", "Zo!", "Daarna 's Avonds verder."],
        ),
        ("Het is 2024. In mei.", ["Het is 2024.", "In mei."]),
        ("In Washington D.C. De ministers komen.", ["In Washington D.C.", "De ministers komen."]),
        ("Geen punt aan het eind", ["Geen punt aan het eind"]),
        ("", []),
    ],
)
def test_splitter_knows_dutch_abbreviations(text: str, expected: list[str]) -> None:
    assert splitter.split(text) == expected


def test_splitter_spans_keep_the_gaps() -> None:
    text = "Een.  Twee!\tDrie?"
    spans = splitter.spans(text)
    assert [text[a:b] for a, b in spans] == ["Een.", "Twee!", "Drie?"]


def test_splitter_on_the_seed_keeps_abbreviations_inside_sentences() -> None:
    doc = toolkit.read(SEED)
    _, engine, _ = translator()
    Translator(options=TranslateOptions(cache=False, glossary=False), engine=engine).translate_document(doc)
    assert len(engine.sent) == 50  # the title, 3 headings, 45 body sentences, 1 note body
    assert any("Washington D.C. (9-11 juli 2024) en de besluiten" in s for s in engine.sent)
    assert (
        "Zie vertrouwelijke bijlage bij verslag Raad Buitenlandse Zaken 11 december 2023 (21501-02, nr.2794)"
        in engine.sent
    )


# --- segments, placeholders and notes ----------------------------------------


def test_each_segment_is_sent_once_and_notes_are_their_own_segments() -> None:
    note = Note((P(("Zie bijlage.",)),), source_id="2")
    doc = doc_of(P(("Zin een. Het non-paper", note, " is klaar. Zin een.")), title="Zin een.")
    t, engine, _ = translator()
    stats = Stats()
    out = t.translate_document(doc, stats)
    assert sorted(engine.sent) == sorted(["Zin een.", "Het non-paper ⟦1⟧ is klaar.", "Zie bijlage."])
    assert stats.segments == 3 and stats.model_calls == 3 and stats.cache_hits == 0
    para = out.body[0]
    assert isinstance(para, P)
    assert para.children[0] == "EN[Zin een.] EN[Het non-paper"  # glued to the word, as in the source
    assert para.children[1] == Note((P(("EN[Zie bijlage.]",)),), source_id="2")
    assert para.children[2] == " is klaar.] EN[Zin een.]"
    assert out.lang == "en" and out.meta.title == "EN[Zin een.]"
    assert out.meta.translation is not None and out.meta.translation.model == "translate-nl_en"


def test_a_note_keeps_its_own_mark_through_translation() -> None:
    note = Note((P(("Zie bijlage.",)),), source_id="3", mark="*")
    doc = doc_of(P(("Het non-paper", note, " is klaar.")))
    out = translator()[0].translate_document(doc)
    assert [(n.mark, n.body) for _, n in iter_notes(out)] == [("*", (P(("EN[Zie bijlage.]",)),))]


def test_lost_placeholder_reattaches_the_note_at_sentence_end_with_a_warning() -> None:
    doc = toolkit.read(SEED)
    t, _, warned = translator(lambda s: s.replace(" ⟦1⟧", ""))  # a model that drops the placeholder
    out = t.translate_document(doc)
    notes = list(iter_notes(out))
    assert len(notes) == 1
    para = next(
        b
        for sec in out.body
        if isinstance(sec, Section)
        for b in sec.blocks
        if isinstance(b, P) and any(isinstance(c, Note) for c in b.children)
    )
    index = next(i for i, c in enumerate(para.children) if isinstance(c, Note))
    before, after = para.children[index - 1], para.children[index + 1]
    assert isinstance(before, str) and before.endswith("door twintig landen is medeondertekend.")
    assert isinstance(after, str) and after.startswith(" Een sterkere Europese defensie-industrie")
    assert (
        "footnote 2 lost its place" in warned.text()
        and "attached at the end of the sentence" in warned.text()
    )


def test_stray_and_duplicate_placeholders_are_dropped_with_a_warning() -> None:
    note = Note((P(("Noot.",)),), source_id="7")
    doc = doc_of(P(("Het rapport", note, " is klaar.")))
    t, _, warned = translator(lambda s: s.replace("⟦1⟧", "⟦1⟧ ⟦1⟧ ⟦2⟧") if "⟦" in s else s)
    out = t.translate_document(doc)
    assert len(list(iter_notes(out))) == 1
    assert "stray placeholder" in warned.text()
    assert "⟦" not in toolkit.render(out, "xml").decode()


def test_underscores_and_urls_survive_a_model_that_mangles_them() -> None:
    # argos's decoder turns "_" into " "; a model may also garble URLs.
    doc = doc_of(P(("Het bestand heet rapport_2024_def. Zie https://example.org/a_b.",)))
    t, engine, _ = translator(lambda s: s.replace("_", " ").replace("https://", "http ://"))
    out = t.translate_document(doc)
    text = toolkit.model.plain_text(out.body[0].children)  # type: ignore[union-attr]
    assert "rapport_2024_def" in text and "https://example.org/a_b" in text
    assert "Het bestand heet ⟦1⟧." in engine.sent  # the retry protected the token


def test_emphasis_over_whole_sentences_survives_and_inline_markup_is_reported() -> None:
    doc = doc_of(
        P(("Eerste zin. ", Strong(("De NAVO is sterk. Echt.",)), " Laatste zin.")),
        P((Link(("Zie het verslag.",), href="https://example.org"),)),
        P(("Een ", Emph(("belangrijk",)), " woord.")),
    )
    t, _, warned = translator()
    out = t.translate_document(doc)
    first, second, third = (b.children for b in out.body)  # type: ignore[union-attr]
    assert first == ("EN[Eerste zin.] ", Strong(("EN[De NAVO is sterk.] EN[Echt.]",)), " EN[Laatste zin.]")
    assert second == (Link(("EN[Zie het verslag.]",), href="https://example.org"),)
    assert third == ("EN[Een belangrijk woord.]",)
    assert "lost their markup" in warned.text()


def test_sentences_without_words_are_not_sent() -> None:
    doc = doc_of(P(("2%",)), Section(Heading(("1.",)), (P(("Tekst.",)),)))
    t, engine, _ = translator()
    out = t.translate_document(doc)
    assert engine.sent == ["Titel", "Tekst."]
    assert out.body[0] == P(("2%",))


# --- glossary -----------------------------------------------------------------


def test_default_glossary_fixes_untranslated_terms_and_reports_the_rest() -> None:
    g = glossary.default("nl", "en")
    assert g is not None and g.version
    assert g.check("De NAVO is sterk.", "The NAVO is strong.") == ("The NATO is strong.", [])
    fixed, problems = g.check("Steun aan Oekraïne en het BBP.", "Support for the Ukraine and the economy.")
    assert fixed == "Support for Ukraine and the economy."
    assert problems == ["'BBP' should be translated as 'GDP'"]
    _, problems = g.check("Minister Dmytro Kuleba spreekt.", "Minister Dmitri Kuleba speaks.")
    assert "'Dmytro Kuleba' should be kept as it is" in problems


def test_glossary_applies_in_the_pipeline_and_warns_with_the_segment(tmp_path: Path) -> None:
    doc = doc_of(P(("Het BBP groeit. De NAVO is sterk.",)))
    t, _, warned = translator(
        {"Het BBP groeit.": "The economy is growing.", "De NAVO is sterk.": "The NAVO is strong."}.get,  # type: ignore[arg-type]
        glossary=None,
    )
    out = t.translate_document(doc)
    assert out.body[0] == P(("The economy is growing. The NATO is strong.",))
    assert "'BBP' should be translated as 'GDP'" in warned.text() and "Het BBP groeit." in warned.text()


def test_glossary_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "g.toml"
    bad.write_text('version = "1"\nsource = "nl"\n[terms]\n"NAVO" = 3\n', encoding="utf-8")
    with pytest.raises(BriefingError, match="version, source and target"):
        glossary.load(bad)
    bad.write_text('version = "1"\nsource = "nl"\ntarget = "de"\n', encoding="utf-8")
    with pytest.raises(BriefingError, match="not nl->en"):
        translator(glossary=bad)


def test_broken_placeholder_halves_are_removed() -> None:
    doc = doc_of(P(("Het verslag volgt.",)))
    t, _, warned = translator(lambda s: "The report ⟦2 follows⟧.")
    out = t.translate_document(doc)
    assert out.body[0] == P(("The report follows.",))
    assert "stray placeholder" in warned.text()


def test_placeholders_follow_the_spacing_of_the_training_data() -> None:
    n1, n2 = Note((P(("Een.",)),), source_id="1"), Note((P(("Twee.",)),), source_id="2")
    doc = doc_of(P((n1, " De minister spreekt. De brief", n1, n2, " is verstuurd.")))
    t, engine, _ = translator(lambda s: s)
    out = t.translate_document(doc)
    assert "⟦1⟧ De minister spreekt." in engine.sent
    assert "De brief ⟦1⟧⟦2⟧ is verstuurd." in engine.sent
    assert out.body == doc.body


def test_a_note_in_a_sentence_without_letters_is_translated_too() -> None:
    note = Note((P(("Zie bijlage.",)),), source_id="2")
    doc = doc_of(P((Emph(("Hele zin.",)), note)))
    t, _, _ = translator()
    out = t.translate_document(doc)
    notes = [n for _, n in iter_notes(out)]
    assert notes == [Note((P(("EN[Zie bijlage.]",)),), source_id="2")]


def test_private_use_characters_in_the_text_come_back_as_they_were() -> None:
    doc = doc_of(P(("Punt \uf0b7 een. Punt twee\ue000.",)))
    t, engine, _ = translator(lambda s: s)
    out = t.translate_document(doc)
    assert out.body == doc.body
    assert all("\uf0b7" not in s and "\ue000" not in s for s in engine.sent)
