"""XLIFF out and back: schema-valid 2.1 and 1.2, the spec's own rules, notes at their anchors, MT round trips.

No model is needed: a fake engine stands in (see test_translate_segments).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import toolkit
from tests import strategies
from tests.test_translate_packages import no_network, private_dirs  # noqa: F401  (autouse fixtures)
from tests.test_translate_segments import Collected, FakeEngine
from toolkit.errors import BriefingError
from toolkit.model import Briefing, Emph, LineBreak, Link, Meta, Note, P, Strong, Sup, iter_notes
from toolkit.readers.xliff import read_xliff
from toolkit.translation.options import TranslateOptions
from toolkit.translation.pipeline import Translator
from toolkit.writers.xliff import XliffOptions, render_xliff, translate_xliff

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
SCHEMAS = Path(__file__).resolve().parent / "schemas" / "xliff"
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.docx"))
X = "{urn:oasis:names:tc:xliff:document:2.0}"
X12 = "{urn:oasis:names:tc:xliff:document:1.2}"

_schemas: dict[str, etree.XMLSchema] = {}


def schema(name: str) -> etree.XMLSchema:
    if name not in _schemas:
        path = {
            "2.1": "xliff21-with-modules.xsd",
            "1.2": "xliff1.2/xliff-core-1.2-strict.xsd",
            "1.2t": "xliff1.2/xliff-core-1.2-transitional.xsd",
        }[name]
        _schemas[name] = etree.XMLSchema(etree.parse(str(SCHEMAS / path)))
    return _schemas[name]


def rules_21(root: etree._Element) -> None:
    """What the XSD cannot say (XLIFF 2.1 §4.3, §4.7): ids unique, target codes from the source, state rules."""
    units = {u.get("id") for u in root.iter(f"{X}unit")}
    assert len(units) == len(list(root.iter(f"{X}unit")))
    for unit in root.iter(f"{X}unit"):
        scope = [e.get("id") for e in unit.iter(f"{X}segment", f"{X}ignorable")]
        data = {d.get("id") for d in unit.iter(f"{X}data")}
        for part in unit.iter(f"{X}segment", f"{X}ignorable"):
            source, target = part.find(f"{X}source"), part.find(f"{X}target")
            codes = [e.get("id") for e in source.iter(f"{X}ph", f"{X}pc", f"{X}sc")]
            scope += codes
            if target is not None:
                assert {e.get("id") for e in target.iter(f"{X}ph", f"{X}pc", f"{X}sc")} <= set(
                    _unit_codes(unit)
                )
            if part.tag == f"{X}segment":
                assert (part.get("state") == "initial") == (target is None), part.get("id")
                assert part.get("subState") is None or part.get("state") is not None
            for el in part.iter(f"{X}ph"):
                for flow in (el.get("subFlows") or "").split():
                    assert flow in units
            for el in part.iter(f"{X}ph", f"{X}sc", f"{X}ec"):
                assert el.get("dataRef") is None or el.get("dataRef") in data
        assert len(scope) == len(set(scope)), unit.get("id")
    for match in root.iter("{urn:oasis:names:tc:xliff:matches:2.0}match"):
        unit = match.getparent().getparent()
        assert match.get("ref", "").lstrip("#") in {s.get("id") for s in unit.iter(f"{X}segment")}


def _unit_codes(unit: etree._Element) -> list[str | None]:
    return [e.get("id") for s in unit.iter(f"{X}source") for e in s.iter(f"{X}ph", f"{X}pc", f"{X}sc")]


def valid(data: bytes, version: str = "2.1") -> etree._Element:
    root = etree.fromstring(data)
    assert schema(version).validate(root), schema(version).error_log
    if version == "2.1":
        rules_21(root)
    else:
        assert schema("1.2t").validate(root), schema("1.2t").error_log
    return root


def translator(fn: Callable[[str], str] = lambda s: f"EN[{s}]", **options: object) -> Translator:
    chosen = TranslateOptions(**{"cache": False, "glossary": False, **options})  # type: ignore[arg-type]
    return Translator(options=chosen, engine=FakeEngine(fn), warn=Collected())


def expected(doc: Briefing) -> Briefing:
    """What `toolkit.translate` gives with the fake engine (every note translated)."""
    return translator().translate_document(doc)


def example() -> Briefing:
    note = Note((P(("Zie de bijlage.",)),), "2")
    body = P(
        (
            "De NAVO is ",
            Strong(("sterk",)),
            ". Zie het non-paper",
            note,
            " van Nederland.",
            LineBreak(),
            "Klaar.",
        )
    )
    return Briefing(Meta(title="Titel"), (body,))


def note_bodies(doc: Briefing) -> list[tuple[int, str, str | None]]:
    return [(n, note.kind, note.source_id) for n, note in iter_notes(doc)]


# --- writing ------------------------------------------------------------------


def test_sources_only_is_valid_and_marks_every_segment_initial() -> None:
    doc = toolkit.read(SEED)
    root = valid(toolkit.render(doc, "xlf"))
    assert root.get("srcLang") == "nl" and root.get("trgLang") == "en"
    segments = list(root.iter(f"{X}segment"))
    assert segments and all(s.get("state") == "initial" and s.find(f"{X}target") is None for s in segments)
    assert len(root.findall(f"{X}file")) == 1
    valid(render_xliff(doc, XliffOptions(version="1.2")), "1.2")


def test_a_paragraph_with_bold_and_a_footnote() -> None:
    root = valid(render_xliff(example()))
    unit = root.find(f"{X}file/{X}unit[@id='u2']")
    sources = [etree.tostring(s, encoding="unicode") for s in unit.iter(f"{X}source")]
    assert re.search(r'De NAVO is <pc id="c1" type="fmt" subType="xlf:b"[^>]*>sterk</pc>\.', sources[0])
    assert re.search(
        r'non-paper<ph id="c2" canCopy="no" canDelete="no" disp="\[1\]" subFlows="u3"', sources[2]
    )
    assert 'subType="xlf:lb"' in sources[3]  # the line break, in an ignorable
    note_unit = root.find(f"{X}file/{X}unit[@id='u3']")
    assert note_unit.get("type") == "brf:note" and note_unit.findtext(f".//{X}source") == "Zie de bijlage."
    assert unit.findtext(f"{X}originalData/{X}data[@id='dc1']") == "<strong>"


def test_machine_targets_record_engine_and_model() -> None:
    root = valid(translate_xliff(example(), translator=translator()))
    segment = root.find(f".//{X}unit[@id='u2']/{X}segment[@id='s2']")
    assert (segment.get("state"), segment.get("subState")) == ("translated", "brf:mt")
    match = root.find(".//{urn:oasis:names:tc:xliff:matches:2.0}match[@ref='#s2']")
    assert (match.get("type"), match.get("origin")) == ("mt", "fake translate-nl_en 0-fake")
    meta = {m.get("type"): m.text for m in root.iter("{urn:oasis:names:tc:xliff:metadata:2.0}meta")}
    assert meta["translation-engine"] == "fake" and meta["translation-model-version"] == "0-fake"
    root12 = valid(translate_xliff(example(), XliffOptions(version="1.2"), translator=translator()), "1.2")
    target = root12.find(f".//{X12}trans-unit[@id='u2-s2']/{X12}target")
    assert (target.get("state"), target.get("state-qualifier")) == ("translated", "leveraged-mt")


# --- reading back -------------------------------------------------------------


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_machine_xliff_reads_back_as_toolkit_translate(version: str) -> None:
    doc = toolkit.read(SEED)
    data = translate_xliff(doc, XliffOptions(version=version), translator=translator())  # type: ignore[arg-type]
    valid(data, version)
    back = toolkit.read(data, "xlf")
    assert back == expected(doc)
    assert back.lang == "en" and back.meta.translation is not None
    assert note_bodies(back) == note_bodies(doc)


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_round_trips_keep_every_note(path: Path) -> None:
    doc = toolkit.read(path, warn=Collected())
    for version in ("2.1", "1.2"):
        opts = XliffOptions(version=version)  # type: ignore[arg-type]
        data = translate_xliff(doc, opts, translator=translator(), warn=Collected())
        valid(data, version)
        back = read_xliff(data)
        assert back == expected(doc)
        assert note_bodies(back) == note_bodies(doc)


TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff⟦⟧"),
    min_size=1,
    max_size=30,
) | st.sampled_from(["De NAVO is sterk. ", "Zie bijlage.", " en ", "1.", "  ", "Nr. 5. Dan."])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.builds(
        Briefing,
        st.builds(Meta, title=TEXT),
        st.lists(strategies.blocks(2, TEXT), max_size=4).map(tuple),
    )
)
def test_generated_documents_round_trip(doc: Briefing) -> None:
    doc = Briefing(doc.meta, doc.body, "nl")
    data = translate_xliff(doc, translator=translator())
    valid(data)
    assert read_xliff(data, warn=Collected()) == expected(doc)
    identity = translate_xliff(doc, translator=translator(lambda s: s))
    back = read_xliff(identity, warn=Collected())
    assert note_bodies(back) == note_bodies(doc)


def test_reading_sources_only_needs_targets() -> None:
    data = render_xliff(example())
    with pytest.raises(BriefingError, match=r"unit u1 segment s1 has no translation") as caught:
        read_xliff(data)
    assert caught.value.code == toolkit.ExitCode.BAD_INPUT
    warned = Collected()
    kept = read_xliff(data, warn=warned, allow_untranslated=True)
    assert kept.lang == "en" and kept.body == example().body and "no target" in warned.text()


def fill_targets(data: bytes, edit: Callable[[str, str], str], state: str = "final") -> bytes:
    """What a CAT tool does: copy each source to its target (edited), and confirm it."""
    root = etree.fromstring(data)
    for unit in root.iter(f"{X}unit"):
        for segment in unit.iter(f"{X}segment"):
            for old in segment.findall(f"{X}target"):
                segment.remove(old)
            source = segment.find(f"{X}source")
            target = etree.fromstring(edit(unit.get("id", ""), etree.tostring(source, encoding="unicode")))
            target.tag = f"{X}target"
            segment.append(target)
            segment.set("state", state)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_a_post_edited_file_gives_the_reviewed_english_with_notes_and_bold() -> None:
    english = {
        "Titel": "Title",
        "De NAVO is ": "NATO is ",
        "sterk": "strong",
        "Zie het non-paper": "See the non-paper",
        " van Nederland.": " of the Netherlands.",
        "Klaar.": "Done.",
        "Zie de bijlage.": "See the annex.",
    }

    def translate(_unit: str, xml: str) -> str:
        for nl, en in english.items():
            xml = xml.replace(f">{nl}<", f">{en}<")
        return xml

    data = fill_targets(render_xliff(example()), translate)
    valid(data)
    doc = read_xliff(data)
    (para,) = doc.body
    assert doc.meta.title == "Title" and doc.lang == "en"
    assert para == P(
        (
            "NATO is ",
            Strong(("strong",)),
            ". See the non-paper",
            Note((P(("See the annex.",)),), "2"),
            " of the Netherlands.",
            LineBreak(),
            "Done.",
        )
    )
    assert doc.meta.translation is not None and doc.meta.translation.engine == "human"


def test_a_lost_note_is_an_error_naming_unit_and_segment() -> None:
    data = fill_targets(render_xliff(example()), lambda _u, xml: re.sub(r"<ph [^>]*subFlows[^>]*/>", "", xml))
    with pytest.raises(BriefingError, match=r"unit u2 segment s2: the target lacks note c2"):
        read_xliff(data)


def test_unknown_and_doubled_codes_are_errors() -> None:
    unknown = fill_targets(render_xliff(example()), lambda u, x: x.replace('id="c1"', 'id="c9"'))
    with pytest.raises(BriefingError, match=r"unit u2 segment s1: unknown inline code 'c9'"):
        read_xliff(unknown)
    twice = fill_targets(
        render_xliff(example()), lambda u, x: re.sub(r"(<ph [^>]*subFlows[^>]*/>)", r"\1\1", x)
    )
    with pytest.raises(BriefingError, match=r"unit u2 segment s2: inline code 'c2' occurs twice"):
        read_xliff(twice)


def test_a_note_moved_to_the_next_sentence_is_kept_with_a_warning() -> None:
    def move(unit: str, xml: str) -> str:
        if unit != "u2":
            return xml
        xml = re.sub(r"<ph [^>]*subFlows[^>]*/>", "", xml)
        return xml.replace("Klaar.", 'Klaar.<ph id="c2"/>')

    warned = Collected()
    doc = read_xliff(fill_targets(render_xliff(example()), move), warn=warned)
    assert "note c2 moved from segment s2 to s3" in warned.text()
    assert note_bodies(doc) == note_bodies(example())


def test_markup_survives_inside_a_sentence_in_human_translation() -> None:
    doc = Briefing(
        Meta(title="T"), (P(("Lees ", Emph(("dit",)), " en ", Link(("dat",), href="https://x.nl"), ".")),)
    )
    back = read_xliff(fill_targets(render_xliff(doc), lambda _u, x: x))
    assert back.body == doc.body  # a sentence-level model drops these; XLIFF keeps them


def test_a_note_in_a_superscript_survives() -> None:
    doc = Briefing(Meta(title="T"), (P(("Zie m", Sup(("2", Note((P(("Noot.",)),)))), " hier.")),))
    data = translate_xliff(doc, translator=translator())
    valid(data)
    assert read_xliff(data) == expected(doc)


def test_not_an_xliff_file_of_ours() -> None:
    bare = b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="nl"><file id="f"/></xliff>'
    with pytest.raises(BriefingError, match="no skeleton"):
        toolkit.read(bare)
    assert toolkit.read(translate_xliff(example(), translator=translator())).lang == "en"
