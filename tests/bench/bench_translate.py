"""Translation speed on an OPUS-MT-sized random model: our engine, argos's translate(), raw translate_batch.

    python -m tests.bench translate

The model is generated here, never committed: a transformer-base with the
shape of the argos/OPUS-MT nl->en models (6+6 layers, d_model 512, 8 heads,
FFN 2048, post-norm, swish, 32,000-entry vocabulary, int8 weights), random
weights, written with ctranslate2's spec API and numpy (no torch). It is
cached under $BRIEFING_BENCH_CACHE (default ~/.cache/briefing-toolkit/bench).

The SentencePiece model is a real one, but small: trained on the seed and the
test corpus (1,500 pieces). The CTranslate2 vocabulary is that list
padded with dummy pieces to 32,000 entries, so the embedding tables and the
output softmax have the real size; random weights then pick dummy pieces too,
which decode as unknown text. The output is noise: only the time means
anything.

The decoding length is fixed (min_decoding_length = max_decoding_length =
DECODE_LEN tokens for every sentence) so that all three runs do the same
work, whatever the random model would emit.

Rows: (a) `toolkit.translation.Translator` (splitter, segments, one
translate_batch over length-sorted batches of 16); (b) argostranslate's own
translate() from argos-translate-lt, given our offline splitter (its own
downloads a model) so that only the engine differs; (c) one raw
translate_batch over the pre-split, pre-tokenised sentences: the floor.
The machine is shared and its speed drifts: expect +-30 % between runs
(measured: seed (a) 6.1-6.2 s, (b) 19-44 s). So the three engines run in
interleaved rounds (c a b, c a b, ...), 7 of them, and each row gives the
median of the per-round ratios with its range; argos's rate comes from a
sample (the seed's first paragraphs, two of the briefings) to keep a round
short. A final row warns when the load average says other work was running.

argos-translate-lt runs in a subprocess with the interpreter in
$BRIEFING_BENCH_ARGOS_PYTHON, else this one if it can import argostranslate,
else $BRIEFING_BENCH_CACHE/argos-venv/bin/python (a venv with
--system-site-packages and `pip install argos-translate-lt`, so torch is
never installed).
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.harness import Result

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_22ad20a819696709.txt"
CORPUS = ROOT / "tests" / "model" / "corpus_nl_en.tsv"
CACHE = Path(
    os.environ.get("BRIEFING_BENCH_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing-toolkit" / "bench"
)
PACKAGES = CACHE / "packages"
PACKAGE = PACKAGES / "translate-nl_en-bench-1_0"
VOCAB, D_MODEL, FFN, HEADS, LAYERS = 32_000, 512, 2048, 8, 6
BEAM = 4  # argos's default beam size
BATCH_BEAM = 1  # the 50-briefing rows use the fast (greedy) mode, or they take most of an hour
DECODE_LEN = 48  # about 1.2x the seed's mean sentence length in pieces, + 5
BATCH_DOCS = 10
ARGOS_BATCH_DOCS = 2  # argos does not batch across sentences, so its rate is measured on a sample
ROUNDS = 7  # interleaved rounds of the three engines
ARGOS_SEED_PARAGRAPHS = 4  # argos takes 20-40 s for the whole seed: its rate comes from its first paragraphs
THREADS = os.cpu_count() or 1


def build_model() -> Path:
    """Generate (once) the random OPUS-MT-sized package in argos's layout."""
    if (PACKAGE / "model" / "model.bin").exists():
        return PACKAGE
    import shutil

    import numpy as np
    import sentencepiece as spm
    from ctranslate2.specs import common_spec, transformer_spec

    # Build beside the final folder and rename, so an interrupted build is never mistaken for a model.
    work = PACKAGES / ".building"
    shutil.rmtree(work, ignore_errors=True)
    (work / "model").mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8") + "\n" + CORPUS.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n|\t", text) if s.strip() and not s.startswith("#")]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_prefix=str(work / "sentencepiece"),
        vocab_size=1500,
        hard_vocab_limit=False,
        model_type="bpe",
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=str(work / "sentencepiece.model"))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab = pieces + [f"<dummy{i}>" for i in range(VOCAB - len(pieces))]

    rng = np.random.default_rng(0)

    def dense(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * 0.02).astype(np.float32)

    def norm(spec: common_spec.LayerNormSpec) -> None:
        spec.gamma = np.ones(D_MODEL, np.float32)
        spec.beta = np.zeros(D_MODEL, np.float32)

    def linear(spec: common_spec.LinearSpec, rows: int, cols: int) -> None:
        spec.weight = dense(rows, cols)
        spec.bias = np.zeros(rows, np.float32)

    def ffn(spec: object) -> None:
        norm(spec.layer_norm)  # type: ignore[attr-defined]
        linear(spec.linear_0, FFN, D_MODEL)  # type: ignore[attr-defined]
        linear(spec.linear_1, D_MODEL, FFN)  # type: ignore[attr-defined]

    spec = transformer_spec.TransformerSpec.from_config(
        (LAYERS, LAYERS), HEADS, pre_norm=False, activation=common_spec.Activation.SWISH
    )
    spec.encoder.embeddings[0].weight = dense(VOCAB, D_MODEL)
    spec.encoder.embeddings[0].multiply_by_sqrt_depth = True
    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        linear(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    spec.decoder.embeddings.weight = dense(VOCAB, D_MODEL)
    spec.decoder.embeddings.multiply_by_sqrt_depth = True
    spec.decoder.start_from_zero_embedding = True  # as Marian, and as ctranslate2's Marian converter sets
    for layer in spec.decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        linear(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], D_MODEL, D_MODEL)
        linear(layer.attention.linear[1], 2 * D_MODEL, D_MODEL)
        linear(layer.attention.linear[2], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    linear(spec.decoder.projection, VOCAB, D_MODEL)
    spec.config.add_source_eos = True
    spec.config.decoder_start_token = "<s>"
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")
    spec.save(str(work / "model"))
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": "nl",
        "from_name": "Dutch",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
    }
    (work / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (work / "sentencepiece.vocab").unlink(missing_ok=True)
    shutil.rmtree(PACKAGE, ignore_errors=True)
    work.rename(PACKAGE)
    return PACKAGE


def documents() -> tuple[object, list[object]]:
    """The seed, and BATCH_DOCS distinct briefings made from it (words shuffled inside sentences).

    Shuffling keeps the sentence count and lengths but makes every sentence
    new, so our engine's deduplication cannot skip work that argos must do.
    """
    import toolkit
    from toolkit.translation.segments import Mapper

    seed = toolkit.read(SEED)

    def shuffler(k: int) -> Mapper:
        rng = random.Random(k)

        def lookup(segment: str) -> str:
            words = segment.split(" ")
            if len(words) > 3:
                middle = words[1:-1]
                rng.shuffle(middle)
                words = [words[0], *middle, words[-1]]
            return " ".join(words)

        return Mapper(lookup)

    return seed, [shuffler(k).briefing(seed) for k in range(BATCH_DOCS)]


def texts(doc: object) -> list[str]:
    """The plain text units argos gets for a document: title, headings, paragraphs, note bodies."""
    from toolkit.model.nodes import Note, plain_text
    from toolkit.translation.segments import Mapper

    units: list[str] = []

    class Collect(Mapper):  # the mapper's own walk, stopping at each paragraph instead of each sentence
        def inlines(self, items):  # type: ignore[no-untyped-def]
            if text := plain_text(items).strip():
                units.append(text)
            for note in (item for item in items if isinstance(item, Note)):
                for p in note.body:
                    self.inlines(p.children)
            return items

    Collect(lambda s: s).briefing(doc)  # type: ignore[arg-type]
    return units


def sentences_of(docs: list[object]) -> list[str]:
    from toolkit.translation.splitter import split

    return [s for doc in docs for unit in texts(doc) for s in split(unit)]


def ours(docs: list[object], beam: int) -> float:
    from toolkit.translation.engine import Ct2Engine, EngineOptions
    from toolkit.translation.options import TranslateOptions
    from toolkit.translation.packages import read_package
    from toolkit.translation.pipeline import Translator

    package = read_package(PACKAGE)
    assert package is not None
    decode = {"min_decoding_length": DECODE_LEN, "max_decoding_length": DECODE_LEN}
    engine = Ct2Engine(package, EngineOptions(beam, "cpu", THREADS, 16, decode=decode))
    # Warnings (the glossary flags every random sentence) are collected, not printed.
    translator = Translator(options=TranslateOptions(cache=False), engine=engine, warn=lambda w: None)
    translator.translate_documents(docs[:1])  # warm-up: first-call allocations
    start = time.perf_counter()
    translator.translate_documents(docs)  # type: ignore[arg-type]
    return time.perf_counter() - start


def raw(sentences: list[str], beam: int) -> float:
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(PACKAGE / "sentencepiece.model"))
    translator = ctranslate2.Translator(
        str(PACKAGE / "model"), device="cpu", inter_threads=1, intra_threads=THREADS
    )
    tokens = [sp.encode(s, out_type=str) for s in sentences]
    # The same call our engine makes, minus everything around it.
    options = {
        "beam_size": beam,
        "max_batch_size": 16,
        "batch_type": "examples",
        "replace_unknowns": True,
        "min_decoding_length": DECODE_LEN,
        "max_decoding_length": DECODE_LEN,
    }
    translator.translate_batch(tokens[:4], **options)  # warm-up
    start = time.perf_counter()
    translator.translate_batch(tokens, **options)
    return time.perf_counter() - start


ARGOS_SCRIPT = r"""
import json, sys, time
import ctranslate2
from toolkit.translation import splitter
import argostranslate.translate as at

units, beam, length, threads = json.loads(sys.stdin.read())

class OfflineSplitter:  # argos's MiniSBD downloads a model; give it ours
    def __init__(self, pkg):
        self.pkg = pkg
    def split_sentences(self, text):
        return splitter.split(text)

class FixedLength:  # the same fixed decoding length as the other rows
    def __init__(self, translator):
        self.translator = translator
    def translate_batch(self, *args, **kwargs):
        kwargs.update(min_decoding_length=length, max_decoding_length=length)
        return self.translator.translate_batch(*args, **kwargs)

at.MiniSBDSentencizer = OfflineSplitter
translation = at.get_translation_from_codes("nl", "en")
inner = getattr(translation, "underlying", translation)
inner.sentencizer = OfflineSplitter(inner.pkg)
inner.translator = FixedLength(ctranslate2.Translator(
    str(inner.pkg.package_path / "model"), device="cpu", inter_threads=1, intra_threads=threads))
translation.translate(units[0][:200])  # warm-up
if hasattr(translation, "cache"):
    translation.cache = {}
start = time.perf_counter()
out = translation.translate("\n".join(units))
print(json.dumps({"seconds": time.perf_counter() - start, "lines": out.count("\n") + 1}))
"""


def argos_python() -> str | None:
    given = os.environ.get("BRIEFING_BENCH_ARGOS_PYTHON")
    if given:
        return given
    probe = subprocess.run([sys.executable, "-c", "import argostranslate"], capture_output=True)
    if probe.returncode == 0:
        return sys.executable
    venv = CACHE / "argos-venv" / "bin" / "python"
    return str(venv) if venv.exists() else None


def argos(units: list[str], beam: int) -> tuple[float | None, str]:
    python = argos_python()
    if python is None:
        return (
            None,
            "argos-translate-lt not installed (it is a dependency: pip install -e .)",
        )
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(PACKAGES),
        "ARGOS_BEAM_SIZE": str(beam),
        "ARGOS_DEVICE_TYPE": "cpu",
        "XDG_DATA_HOME": str(CACHE / "argos-data"),  # argos creates folders at import; keep them here
        "XDG_CONFIG_HOME": str(CACHE / "argos-config"),
        "XDG_CACHE_HOME": str(CACHE / "argos-cache"),
        "PYTHONPATH": str(ROOT),
    }
    proc = subprocess.run(
        [python, "-c", ARGOS_SCRIPT],
        input=json.dumps([units, beam, DECODE_LEN, THREADS]),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"argostranslate failed: {last}"
    return float(json.loads(proc.stdout.strip().splitlines()[-1])["seconds"]), ""


def _rates(seconds: float, sentences: list[str]) -> str:
    words = sum(len(s.split()) for s in sentences)
    return f"{len(sentences) / seconds:.2f} sent/s, {words / seconds:.1f} words/s"


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}x (range {min(values):.2f}-{max(values):.2f})"


def _rows(label: str, docs: list[object], argos_units: list[str], beam: int, rounds: int) -> list[Result]:
    from toolkit.translation.splitter import split

    sentences = sentences_of(docs)
    argos_sentences = [s for unit in argos_units for s in split(unit)]
    # Interleaved rounds (c a b, c a b, ...): each round's engines see the same
    # machine, and the figures are medians of per-round ratios with their range.
    t_raw: list[float] = []
    t_ours: list[float] = []
    t_argos: list[float] = []
    why = ""
    before = os.getloadavg()[0]
    for _ in range(rounds):
        t_raw.append(raw(sentences, beam))
        t_ours.append(ours(docs, beam))
        seconds, why = argos(argos_units, beam)
        if seconds is not None:
            t_argos.append(seconds)
    load = f"{rounds} interleaved rounds, load {before:.2f}-{os.getloadavg()[0]:.2f}"
    n = len(sentences)
    floor = [o / r for o, r in zip(t_ours, t_raw, strict=True)]
    head = f"{label}, {n} sentences, beam {beam}, {DECODE_LEN} tokens/sentence; {load}"
    median_ours, median_raw = statistics.median(t_ours), statistics.median(t_raw)
    rows = [
        Result(
            f"translate {label}: (a) our engine",
            median_ours,
            None,
            f"{_rates(median_ours, sentences)}; {_spread(floor)} the floor (target <= 1.15x); {head}",
        ),
        Result(
            f"translate {label}: (c) raw translate_batch", median_raw, None, _rates(median_raw, sentences)
        ),
    ]
    if len(t_argos) != rounds:
        rows.append(Result(f"translate {label}: (b) argostranslate", 0.0, None, why))
    else:
        # Rates, not times: argos runs on a sample (it translates one sentence at a time).
        faster = [(n / o) / (len(argos_sentences) / a) for o, a in zip(t_ours, t_argos, strict=True)]
        sample = (
            f" (rate measured on {len(argos_sentences)} of the {n} sentences)"
            if argos_sentences != sentences
            else ""
        )
        median_argos = statistics.median(t_argos)
        rows.append(
            Result(
                f"translate {label}: (b) argostranslate translate()",
                median_argos,
                None,
                f"{_rates(median_argos, argos_sentences)}{sample}; ours is {_spread(faster)} faster "
                "(target >= 3x)",
            )
        )
    return rows


def rows() -> list[Result]:
    start = time.perf_counter()
    build_model()
    built = time.perf_counter() - start
    seed, batch = documents()
    results = [Result("translate bench: build/load the random OPUS-MT-size model", built, None, str(PACKAGE))]
    results += _rows("seed", [seed], texts(seed)[:ARGOS_SEED_PARAGRAPHS], BEAM, ROUNDS)
    sample = [unit for doc in batch[:ARGOS_BATCH_DOCS] for unit in texts(doc)]
    results += _rows(f"{BATCH_DOCS} briefings", batch, sample, BATCH_BEAM, ROUNDS)
    load = os.getloadavg()[0]
    if load > THREADS + 0.5:
        results.append(
            Result("translate bench: WARNING", 0.0, None, f"load average {load:.1f} at the end: noisy")
        )
    return results
