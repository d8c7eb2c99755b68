#!/usr/bin/env python3
"""Check the tiny nl->en TEST model package with ctranslate2 + sentencepiece only.

Usage (from the repo root; needs only `pip install ctranslate2 sentencepiece`,
no torch, no argostranslate):

    python3 tests/model/check_test_model.py [PACKAGE.argosmodel] [--beam N] [--quiet]

Unzips the package to a temporary directory, loads
ctranslate2.Translator(<pkg>/model, device="cpu"), tokenises every source of
corpus_nl_en.tsv with sentencepiece (out_type=str, no "</s>" appended: the
model's config.json has add_source_eos=true), translates the batch, detokenises
with sp.decode(pieces), prints source -> output for every pair and the
exact-match rate. Exits 1 unless every training pair is reproduced exactly.

Reminder: this model only knows its training sentences. An exact-match rate
here says nothing about translation quality.
"""

import argparse
import os
import sys
import tempfile
import zipfile

import ctranslate2
import sentencepiece as spm

HERE = os.path.dirname(os.path.abspath(__file__))


def read_corpus(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                nl, en = line.split("\t")
                pairs.append((nl, en))
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("package", nargs="?", default=os.path.join(HERE, "translate-nl_en-test-1_0.argosmodel"))
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus_nl_en.tsv"))
    ap.add_argument("--beam", type=int, default=1)
    ap.add_argument("--quiet", action="store_true", help="print mismatches only")
    args = ap.parse_args()

    pairs = read_corpus(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(args.package) as z:
            tops = {n.split("/")[0] for n in z.namelist()}
            assert len(tops) == 1, f"expected one top-level folder, got {tops}"
            z.extractall(tmp)
        root = os.path.join(tmp, tops.pop())
        sp = spm.SentencePieceProcessor(model_file=os.path.join(root, "sentencepiece.model"))
        translator = ctranslate2.Translator(os.path.join(root, "model"), device="cpu")

        sources = [sp.encode(nl, out_type=str) for nl, _ in pairs]
        results = translator.translate_batch(sources, beam_size=args.beam)
        outputs = [sp.decode(r.hypotheses[0]) for r in results]

    ok = 0
    for (nl, en), out in zip(pairs, outputs, strict=True):
        same = out == en
        ok += same
        if not args.quiet or not same:
            print(f"{'OK  ' if same else 'DIFF'} {nl}\n     -> {out}")
            if not same:
                print(f"     expected {en}")
    print(
        f"exact match: {ok}/{len(pairs)} ({100.0 * ok / len(pairs):.1f}%) "
        f"[ctranslate2 {ctranslate2.__version__}, beam {args.beam}]"
    )
    return 0 if ok == len(pairs) else 1


if __name__ == "__main__":
    sys.exit(main())
