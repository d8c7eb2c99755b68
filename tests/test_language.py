"""The language of a document comes from its text when the file's own claim is only a template's setting."""

from __future__ import annotations

from pathlib import Path

import toolkit
from tests.conftest import Collected
from tests.fixtures.docx.handmade import make_docx, p, styles_xml
from toolkit.cli import main
from toolkit.model import Briefing, Meta, P
from toolkit.readers import language
from toolkit.readers.language import guess_language
from toolkit.style import load_style
from toolkit.writers.docx import write_docx

CORPUS = Path(__file__).resolve().parent / "corpus"
DUTCH = [
    "Het kabinet steunt het voorstel van de Commissie voor een nieuwe strategie.",
    "De Raad zal ook spreken over de situatie in het Midden-Oosten en over de steun aan Oekraïne.",
]
ENGLISH = [
    "The government supports the proposal of the Commission for a new strategy.",
    "The Council will also discuss the situation in the Middle East and the support to Ukraine.",
]


def _doc(lines: list[str], lang: str = "nl") -> Briefing:
    return Briefing(Meta("Titel"), tuple(P((line,)) for line in lines), lang)


FRENCH = [
    "Le gouvernement soutient la proposition de la Commission pour une nouvelle stratégie.",
    "Le Conseil discutera aussi de la situation au Moyen-Orient et du soutien à l'Ukraine, qui est une priorité.",
]
GERMAN = [
    "Die Regierung unterstützt den Vorschlag der Kommission für eine neue Strategie.",
    "Der Rat wird auch über die Lage im Nahen Osten und die Unterstützung der Ukraine sprechen, "
    "die eine Priorität ist und sich nicht ändert.",
]


def test_function_words_tell_the_language_and_too_little_text_tells_nothing() -> None:
    assert guess_language(_doc(DUTCH)) == "nl"
    assert guess_language(_doc(ENGLISH)) == "en"
    assert guess_language(_doc(FRENCH)) == "fr"
    assert guess_language(_doc(GERMAN)) == "de"
    # Dutch with the words German and French share with it ("der", "Von der Leyen", "de", "en").
    assert (
        guess_language(_doc([*DUTCH, "De brief aan de Tweede Kamer der Staten-Generaal en Von der Leyen."]))
        == "nl"
    )
    assert guess_language(_doc(["Het kabinet steunt het voorstel."])) is None  # four hits: too few
    # Two languages about equally: no guess.
    assert guess_language(_doc([*DUTCH, *ENGLISH])) is None


def test_no_word_counts_for_two_languages() -> None:
    lists = list(language._WORDS.values())
    assert all(not (a & b) for i, a in enumerate(lists) for b in lists[i + 1 :])


def test_a_dutch_docx_whose_template_says_english_is_read_as_dutch_with_a_warning() -> None:
    # python-docx's template, and LibreOffice's HTML import, set en-US in the style defaults.
    data = make_docx("".join(p(line) for line in DUTCH), styles_xml("", lang="en-US"))
    seen = Collected()
    assert toolkit.read(data, "docx", warn=seen).lang == "nl"
    assert seen.messages() == [
        "the text reads as Dutch, though the file says its language is 'en': read as 'nl'"
    ]


def test_the_corpus_documents_made_with_english_templates_are_dutch() -> None:
    for name in ("pd_kop_stijlen", "lo_html_kamervragen", "pandoc_zonder_titel"):
        assert toolkit.read(CORPUS / f"{name}.docx", warn=Collected()).lang == "nl", name


def test_english_poi_text_is_english_and_dutch_stays_dutch() -> None:
    english = ("Title\n" + "\n".join(ENGLISH) + "\n").encode()
    assert toolkit.read(english, "text", warn=Collected()).lang == "en"
    assert toolkit.read(("Titel\n" + "\n".join(DUTCH) + "\n").encode(), "text", warn=Collected()).lang == "nl"


def test_our_own_docx_keeps_the_language_it_states() -> None:
    # A translation marked English stays English, whatever its words (a test model's, say).
    doc = _doc(DUTCH, lang="en")
    seen = Collected()
    assert toolkit.read(write_docx(doc, load_style()), "docx", warn=seen).lang == "en"
    assert seen.messages() == []


def test_a_dutch_docx_with_an_english_template_converts_to_xliff_for_english(tmp_path: Path) -> None:
    out = tmp_path / "kop.xlf"
    code = main(["convert", str(CORPUS / "pd_kop_stijlen.docx"), "-o", str(out), "--target-lang", "en"])
    assert code == 0 and b'srcLang="nl"' in out.read_bytes()


def test_convert_source_lang_sets_the_language_and_refuses_what_is_no_language_tag(tmp_path: Path) -> None:
    out = tmp_path / "verslag.xml"
    assert (
        main(["convert", str(CORPUS / "lo_html_verslag.docx"), "--source-lang", "en-GB", "-o", str(out)]) == 0
    )
    assert toolkit.read(out).lang == "en-GB"
    assert (
        main(["convert", str(CORPUS / "lo_html_verslag.docx"), "--source-lang", "b@d", "-o", str(out)]) == 2
    )


def test_source_lang_settles_the_language_before_strict_sees_a_warning(tmp_path: Path) -> None:
    data = make_docx("".join(p(line) for line in DUTCH), styles_xml("", lang="en-US"))
    docx = tmp_path / "kop.docx"
    docx.write_bytes(data)
    out = tmp_path / "kop.xml"
    assert main(["convert", str(docx), "--strict", "-o", str(out)]) == 4  # the language warning
    assert main(["convert", str(docx), "--strict", "--source-lang", "nl", "-o", str(out)]) == 0
    assert toolkit.read(data, "docx", lang="de", warn=Collected()).lang == "de"
