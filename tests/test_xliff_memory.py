"""Reviewed XLIFF teaches the memory: human translations come first, whatever the beam, and survive MT."""

from __future__ import annotations

from pathlib import Path

import toolkit
from tests.test_translate_packages import no_network, private_dirs  # noqa: F401  (autouse fixtures)
from tests.test_translate_segments import FakeEngine
from tests.test_xliff import SEED, X, example, fill_targets, valid
from toolkit.model import Briefing, Meta, P
from toolkit.readers.xliff import learn_xliff, read_xliff
from toolkit.translation.memory import MemoryKey, TranslationMemory
from toolkit.translation.options import TranslateOptions
from toolkit.translation.pipeline import Stats, Translator
from toolkit.writers.xliff import render_xliff, translate_xliff

KEY = MemoryKey("fake", "translate-nl_en", "0-fake", "nl", "en", "none")


def reviewed(unit: str, xml: str) -> str:
    """A translator's work: every text node upper-cased, codes left in place."""
    import re

    return re.sub(r">([^<]+)<", lambda m: ">" + m.group(1).upper() + "<", xml)


def test_human_entries_answer_first_and_machine_ones_never_replace_them(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite3") as tm:
        tm.put_many(KEY, {"Zin.": "machine"})
        tm.put_human("nl", "en", {"Zin.": "human"})
        tm.put_many(KEY, {"Zin.": "machine again"})
        beam1 = MemoryKey("fake beam=1", "other-model", "9", "nl", "en", "g2")
        assert tm.get_many(KEY, ["Zin."]) == tm.get_many(beam1, ["Zin."]) == {"Zin.": "human"}
        assert tm.get_split(KEY, ["Zin."]) == ({"Zin.": "human"}, {})
        tm.put_human("nl", "en", {"Zin.": "human, revised"})
        assert tm.get_human("nl", "en", ["Zin."]) == {"Zin.": "human, revised"}
        assert tm.get_human("nl", "de", ["Zin."]) == {}


def test_after_importing_a_reviewed_file_translate_makes_no_model_calls(tmp_path: Path) -> None:
    doc = toolkit.read(SEED)
    path = tmp_path / "tm.sqlite3"
    data = fill_targets(render_xliff(doc), reviewed, state="final")
    valid(data)
    with TranslationMemory(path) as tm:
        assert learn_xliff(data, tm) > 40
    engine, stats = FakeEngine(), Stats()
    options = TranslateOptions(cache=path, glossary=False, beam_size=1)
    with Translator(options=options, engine=engine) as t:
        english = t.translate_document(doc, stats)
    assert engine.sent == [] and stats.model_calls == 0 and stats.cache_hits == stats.segments
    imported = read_xliff(data)
    assert english.body == imported.body  # the reviewed text, notes at their anchors


def test_only_confirmed_segments_are_learnt(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite3") as tm:
        assert learn_xliff(fill_targets(render_xliff(example()), reviewed, state="translated"), tm) == 0
        assert learn_xliff(fill_targets(render_xliff(example()), reviewed, state="reviewed"), tm) == 5
        found = tm.get_human("nl", "en", ["Zie het non-paper ⟦1⟧ van Nederland."])
        assert found == {"Zie het non-paper ⟦1⟧ van Nederland.": "ZIE HET NON-PAPER ⟦1⟧ VAN NEDERLAND."}


def test_memory_hits_are_filled_and_marked_as_human(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite3"
    with TranslationMemory(path) as tm:
        learn_xliff(fill_targets(render_xliff(example()), reviewed), tm)
    t = Translator(options=TranslateOptions(cache=path, glossary=False), engine=FakeEngine())
    root = valid(translate_xliff(example(), translator=t))
    states = {s.get("subState") for s in root.iter(f"{X}segment")}
    assert states == {"brf:tm-human"}
    match = root.find(".//{urn:oasis:names:tc:xliff:matches:2.0}match")
    assert match.get("type") == "tm"


def test_the_glossary_leaves_a_human_translation_as_the_translator_wrote_it(tmp_path: Path) -> None:
    doc = Briefing(Meta("Titel"), (P(("Het BBP groeit.",)),))
    with TranslationMemory(tmp_path / "tm.sqlite3") as tm:
        tm.put_human("nl", "en", {"Het BBP groeit.": "Gross domestic product is growing."}, origin="review")
    options = TranslateOptions(
        cache=tmp_path / "tm.sqlite3", glossary=None
    )  # the shipped glossary: BBP -> GDP
    warned: list[object] = []
    with Translator("nl", "en", options, engine=FakeEngine(lambda s: f"EN[{s}]"), warn=warned.append) as t:
        out = t.translate_document(doc)
    assert out.body == (P(("Gross domestic product is growing.",)),)
    assert not warned
