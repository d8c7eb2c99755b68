"""The real loading and inference path, with the tiny TEST model committed under tests/model/.

THE TINY TEST MODEL ONLY KNOWS ITS TRAINING SENTENCES (tests/model/corpus_nl_en.tsv).
Its output on any other sentence is meaningless. These tests check the
machinery (install, load, batch, placeholders, glossary, cache, CLI), never
translation quality; real quality needs the real argos `translate-nl_en`
package.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

import toolkit
from tests.test_translate_packages import no_network, private_dirs  # noqa: F401  (autouse fixtures)
from tests.test_translate_segments import Collected
from toolkit.cli import main
from toolkit.model import Briefing, Meta, Note, P, Section, iter_notes, parse, plain_text, serialise
from toolkit.model.schema import validate
from toolkit.translation.options import TranslateOptions
from toolkit.translation.pipeline import Stats, Translator
from toolkit.translation.segments import Mapper

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
TEST_PACKAGE = ROOT / "tests" / "model" / "translate-nl_en-test-1_0.argosmodel"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def tiny_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The committed tiny test package, installed with `briefing models install-file` into a temp folder."""
    assert TEST_PACKAGE.exists(), (
        f"the tiny test model is missing: build it with {TEST_PACKAGE.parent}/build_test_model.py"
    )
    models = tmp_path / "models"
    monkeypatch.setenv("BRIEFING_MODELS_DIR", str(models))
    code, _out, err = run("models", "install-file", str(TEST_PACKAGE))
    assert code == 0, err
    yield models


def tiny_translator(cache: object = False, **kwargs: object) -> tuple[Translator, list[str], Collected]:
    """A Translator on the tiny test model whose engine records every segment it is sent."""
    warned = Collected()
    options = TranslateOptions(cache=cache, beam_size=1, **kwargs)  # type: ignore[arg-type]
    t = Translator("nl", "en", options, warn=warned)
    sent: list[str] = []
    real = t.engine.translate

    def counting(sentences: list[str]) -> list[str]:
        sent.extend(sentences)
        return real(sentences)

    t.engine.translate = counting  # type: ignore[method-assign]
    return t, sent, warned


def segments_of(doc: Briefing) -> list[str]:
    seen: list[str] = []
    Mapper(lambda s: seen.append(s) or None).briefing(doc)  # type: ignore[func-returns-value]
    return seen


def note_paragraph(doc: Briefing) -> tuple[int, P]:
    paragraphs = [b for block in doc.body for b in ((block,) if isinstance(block, P) else block.blocks)]  # type: ignore[union-attr]
    return next(
        (i, p)
        for i, p in enumerate(paragraphs)
        if isinstance(p, P) and any(isinstance(c, Note) for c in p.children)
    )


def test_tiny_test_model_translates_the_seed_into_a_valid_document_of_the_same_shape(
    tiny_model: Path,
) -> None:
    """Structure only: the tiny model only knows its training sentences, so most of the English is noise."""
    dutch = toolkit.read(SEED)
    t, sent, _ = tiny_translator()
    english = t.translate_document(dutch)
    data = serialise(english)
    assert validate(data) == []
    assert parse(data) == english
    assert english.lang == "en"
    assert english.meta.source == dutch.meta.source
    tr = english.meta.translation
    assert tr is not None and (tr.source_lang, tr.engine, tr.model, tr.model_version) == (
        "nl",
        "ctranslate2",
        "translate-nl_en-test",  # the package's own code: provenance says it was the test model
        "1.0",
    )
    sections = [b for b in english.body if isinstance(b, Section)]
    assert len(sections) == 3
    paragraphs = [b for b in english.body if isinstance(b, P)] + [
        b for s in sections for b in s.blocks if isinstance(b, P)
    ]
    assert len(paragraphs) == 10
    assert len(list(iter_notes(english))) == 1
    # The note sits in the same paragraph, and in the same sentence: the one the model knows.
    (i_nl, _p_nl), (i_en, p_en) = note_paragraph(dutch), note_paragraph(english)
    assert i_nl == i_en
    k = next(j for j, c in enumerate(p_en.children) if isinstance(c, Note))
    assert str(p_en.children[k - 1]).endswith("the proposals that the Netherlands made in the non-paper")
    assert str(p_en.children[k + 1]).startswith(" on Dutch initiative, which has since been co-signed")
    note = p_en.children[k]
    assert isinstance(note, Note) and note.source_id == "2"
    assert plain_text(note.body[0].children).startswith(
        "See confidential annex to the report of the Foreign Affairs Council"
    )
    # Every source segment reached the engine exactly once.
    assert sorted(sent) == sorted(set(segments_of(dutch)))
    assert len(sent) == len(set(sent)) == 50


def test_tiny_test_model_second_run_is_all_cache_hits(tiny_model: Path, tmp_path: Path) -> None:
    dutch = toolkit.read(SEED)
    cache = tmp_path / "tm.sqlite3"
    t1, _sent1, _ = tiny_translator(cache=cache)
    s1 = Stats()
    first = t1.translate_document(dutch, s1)
    t1.close()
    t2, sent2, _ = tiny_translator(cache=cache)
    s2 = Stats()
    second = t2.translate_document(dutch, s2)
    t2.close()
    assert second == first
    assert s1.model_calls == s1.segments == 50
    assert sent2 == [] and s2.model_calls == 0 and s2.cache_hits == s2.segments == 50


def test_tiny_test_model_memory_is_keyed_by_beam_size(tiny_model: Path, tmp_path: Path) -> None:
    """Another beam can give another translation, so it must not reuse the memory's."""
    doc = Briefing(Meta(title="Goedemorgen."), (P(("Dank u wel.",)),))
    cache = tmp_path / "tm.sqlite3"
    greedy, _, _ = tiny_translator(cache=cache)  # beam 1
    greedy.translate_document(doc)
    greedy.close()
    beam = Translator("nl", "en", TranslateOptions(cache=cache, beam_size=2), warn=Collected())
    stats = Stats()
    beam.translate_document(doc, stats)
    beam.close()
    assert stats.cache_hits == 0 and stats.model_calls == 2


def test_tiny_test_model_output_is_fixed_by_the_glossary(tiny_model: Path) -> None:
    """The test model was trained to say `The NAVO is strong.`; the glossary must turn that into NATO."""
    doc = Briefing(Meta(title="Goedemorgen."), (P(("De NAVO is sterk.",)), P(("Het BBP groeit.",))))
    raw, _, _ = tiny_translator(glossary=False)
    assert raw.translate_document(doc).body[0] == P(("The NAVO is strong.",))  # what the model says
    t, _, _warned = tiny_translator()
    out = t.translate_document(doc)
    assert out.body == (P(("The NATO is strong.",)), P(("The GDP is growing.",)))
    assert "NAVO" not in toolkit.render(out, "xml").decode()


def test_tiny_test_model_keeps_underscores(tiny_model: Path) -> None:
    doc = Briefing(Meta(title="Dank u wel."), (P(("Het bestand heet rapport_2024_def.",)),))
    t, _, _ = tiny_translator()
    out = t.translate_document(doc)
    assert out.body[0] == P(("The file is called rapport_2024_def.",))
    assert out.meta.title == "Thank you."


def test_tiny_test_model_shares_batches_across_documents(tiny_model: Path) -> None:
    docs = [Briefing(Meta(title="Goedemorgen."), (P(("Dank u wel. Tot ziens.",)),)) for _ in range(3)]
    t, sent, _ = tiny_translator()
    out = t.translate_documents(docs)
    assert sorted(sent) == ["Dank u wel.", "Goedemorgen.", "Tot ziens."]
    assert all(d.body[0] == P(("Thank you. Goodbye.",)) for d in out)


def test_tiny_test_model_via_the_cli_text_to_xml_with_stats(tiny_model: Path, tmp_path: Path) -> None:
    output = tmp_path / "seed.en.xml"
    argv = [
        "translate",
        str(SEED),
        "-o",
        str(output),
        "--source-lang",
        "nl",
        "--target-lang",
        "en",
        "--beam-size",
        "1",
    ]
    code, out, err = run(*argv, "--cache", str(tmp_path / "tm.sqlite3"), "--stats")
    assert code == 0, err
    assert validate(output.read_bytes()) == []
    assert parse(output.read_bytes()).lang == "en"
    line = out.strip().splitlines()[-1]
    assert line.startswith("segments: 50, cache hits: 0, model calls: 50, seconds: ")
    code, out, _ = run(*argv, "--cache", str(tmp_path / "tm.sqlite3"), "--stats")
    assert out.strip().splitlines()[-1].startswith("segments: 50, cache hits: 50, model calls: 0, seconds: ")
    code, out, _ = run(*argv, "--no-cache", "--stats", "--models-dir", str(tiny_model))
    assert code == 0 and "cache hits: 0, model calls: 50" in out


def test_tiny_test_model_library_api(tiny_model: Path) -> None:
    doc = Briefing(Meta(title="Goedemorgen."), (P(("Welkom in Den Haag.",)),))
    stats = Stats()
    out = toolkit.translate(
        doc, "nl", "en", TranslateOptions(cache=False, beam_size=2, threads=1), stats=stats
    )
    assert out.body[0] == P(("Welcome to The Hague.",)) and stats.model_calls == 2
