#!/usr/bin/env python3
"""Build the tiny Dutch->English TEST model package (argos layout, CTranslate2).

Usage (from the repo root; torch lives only in this throw-away venv and is
never a project dependency):

    python3 -m venv /tmp/modelbuild-venv
    /tmp/modelbuild-venv/bin/pip install torch==2.13.0   # local CPU wheel
    /tmp/modelbuild-venv/bin/pip install sentencepiece ctranslate2 numpy
    /tmp/modelbuild-venv/bin/python tests/model/build_test_model.py

    Never `pip install torch` without the pin: that pulls multi-GB CUDA builds.

Output: tests/model/translate-nl_en-test-1_0.argosmodel (< 2 MB).

What it does (all seeds fixed, single-threaded SentencePiece, deterministic
zip; the run takes a few minutes on 2 CPU cores):
  1. reads corpus_nl_en.tsv (nl<TAB>en, '#' comments);
  2. trains one shared nl+en SentencePiece BPE model (byte_fallback, identity
     normalisation, digits split, the placeholder brackets as user symbols);
  3. trains a tiny pre-norm Transformer in torch until teacher-forced argmax
     reproduces every training target with a logit margin (so greedy and beam
     decoding reproduce them);
  4. writes it through ctranslate2's spec API (TransformerSpec) with
     add_source_eos=true and decoder_start_token "<s>", stored as float16;
  5. checks it with ctranslate2 itself: log-prob agreement with torch, and
     exact-match decoding of every training pair. Greedy (beam_size=1) and
     length_penalty=0 (any beam) must reproduce every pair, else the build
     fails; translate_batch's default beam 2 and argos-style beam 4 are
     reported (beam search WITH a length penalty can stop on truncated
     hypotheses: CTranslate2 then ends after beam_size finished ones);
  6. zips the argos layout: translate-nl_en-test-1_0/{metadata.json, model/,
     sentencepiece.model, README.md}.

THIS IS A TEST MODEL. It only knows its training sentences. Its output on any
other input is meaningless and must never be presented as translation quality.
"""

import argparse
import io
import json
import math
import os
import tempfile
import time
import unicodedata
import zipfile

import numpy as np
import sentencepiece as spm
import torch
import torch.nn as nn
import torch.nn.functional as F

import ctranslate2
from ctranslate2.converters.converter import Converter
from ctranslate2.specs import common_spec, transformer_spec

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus_nl_en.tsv")
PKG_NAME = "translate-nl_en-test-1_0"
OUTPUT = os.path.join(HERE, PKG_NAME + ".argosmodel")

SEED = 1234
VOCAB_SIZE = 1200  # incl. 256 byte pieces; short sequences keep beam search stable
D_MODEL = 128
FFN = 256
HEADS = 4
LAYERS = 2
LN_EPS = 1e-6
MAX_STEPS = 4000
CHECK_EVERY = 25
MARGIN = 6.0  # min (gold logit - best other logit) over all training tokens
EOS_MARGIN = 15.0  # min (gold logit - </s> logit) before the end of each target
QUANTIZATION = "float16"  # weights on disk; CPU computes in float32

UNK, BOS, EOS, PAD = 0, 1, 2, 3
NEG = -1.0e4  # logit bias for tokens that must never be produced

HONESTY = (
    "Tiny TEST model for the briefing toolkit's test-suite. It was trained for "
    "a few minutes on about 66 hand-written Dutch/English sentence pairs and "
    "only knows those training sentences. Its output on any other text is "
    "meaningless and must never be presented as translation quality. Two "
    "pairs are deliberately wrong (NAVO and BBP left untranslated) so tests "
    "can show the glossary fixing them."
)


def read_corpus(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0] or not parts[1]:
                raise SystemExit(f"{path}:{lineno}: expected 'nl<TAB>en'")
            if unicodedata.normalize("NFC", line) != line:
                raise SystemExit(f"{path}:{lineno}: text must be NFC-normalised")
            pairs.append((parts[0], parts[1]))
    return pairs


def train_sentencepiece(pairs):
    text = [s for pair in pairs for s in pair]
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text),
        model_writer=buf,
        model_type="bpe",
        vocab_size=VOCAB_SIZE,
        hard_vocab_limit=False,
        character_coverage=1.0,
        byte_fallback=True,
        split_digits=True,
        normalization_rule_name="identity",
        user_defined_symbols=["⟦", "⟧"],
        unk_id=UNK, bos_id=BOS, eos_id=EOS, pad_id=PAD,
        unk_piece="<unk>", bos_piece="<s>", eos_piece="</s>", pad_piece="<pad>",
        num_threads=1,
        shuffle_input_sentence=False,
        input_sentence_size=0,
        minloglevel=2,
    )
    return buf.getvalue()


# ---------------------------------------------------------------------------
# A Transformer whose arithmetic mirrors CTranslate2's TransformerSpec
# (pre-norm, ReLU FFN, embeddings * sqrt(d) + built-in sinusoidal positions,
# final layer norms, tied embeddings/projection).
# ---------------------------------------------------------------------------

def sinusoidal_positions(length, depth):
    """CTranslate2's built-in SinusoidalPositionEncoder: [sin | cos] halves,
    timescales 10000^(-i/(depth/2-1)), positions counted from 1 (not 0).
    Verified against ctranslate2.Translator.score_batch."""
    half = depth // 2
    inc = math.log(10000.0) / (half - 1)
    inv = torch.exp(torch.arange(half, dtype=torch.float32) * -inc)
    t = torch.arange(1, length + 1, dtype=torch.float32)[:, None] * inv[None, :]
    return torch.cat([torch.sin(t), torch.cos(t)], dim=1)


class MHA(nn.Module):
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def forward(self, x, mem, mask):
        b, t, d = x.shape
        s = mem.shape[1]
        dh = d // self.h
        q = self.q(x).view(b, t, self.h, dh).transpose(1, 2)
        k = self.k(mem).view(b, s, self.h, dh).transpose(1, 2)
        v = self.v(mem).view(b, s, self.h, dh).transpose(1, 2)
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.o(y.transpose(1, 2).reshape(b, t, d))


class FFNBlock(nn.Module):
    def __init__(self, d, ff):
        super().__init__()
        self.ln = nn.LayerNorm(d, eps=LN_EPS)
        self.w1 = nn.Linear(d, ff)
        self.w2 = nn.Linear(ff, d)

    def forward(self, x):
        return x + self.w2(F.relu(self.w1(self.ln(x))))


class EncLayer(nn.Module):
    def __init__(self, d, h, ff):
        super().__init__()
        self.ln = nn.LayerNorm(d, eps=LN_EPS)
        self.att = MHA(d, h)
        self.ffn = FFNBlock(d, ff)

    def forward(self, x, mask):
        y = self.ln(x)
        x = x + self.att(y, y, mask)
        return self.ffn(x)


class DecLayer(nn.Module):
    def __init__(self, d, h, ff):
        super().__init__()
        self.ln1 = nn.LayerNorm(d, eps=LN_EPS)
        self.self_att = MHA(d, h)
        self.ln2 = nn.LayerNorm(d, eps=LN_EPS)
        self.cross_att = MHA(d, h)
        self.ffn = FFNBlock(d, ff)

    def forward(self, x, mem, self_mask, mem_mask):
        y = self.ln1(x)
        x = x + self.self_att(y, y, self_mask)
        x = x + self.cross_att(self.ln2(x), mem, mem_mask)
        return self.ffn(x)


class TinyTransformer(nn.Module):
    def __init__(self, vocab, d, h, ff, layers):
        super().__init__()
        self.d = d
        self.emb = nn.Embedding(vocab, d, padding_idx=PAD)
        nn.init.normal_(self.emb.weight, std=d ** -0.5)
        with torch.no_grad():
            self.emb.weight[PAD].zero_()  # <pad> row stays exactly zero
        self.enc = nn.ModuleList(EncLayer(d, h, ff) for _ in range(layers))
        self.enc_ln = nn.LayerNorm(d, eps=LN_EPS)
        self.dec = nn.ModuleList(DecLayer(d, h, ff) for _ in range(layers))
        self.dec_ln = nn.LayerNorm(d, eps=LN_EPS)
        self.out_bias = nn.Parameter(torch.zeros(vocab))
        forbid = torch.zeros(vocab)
        forbid[[UNK, BOS, PAD]] = NEG
        self.register_buffer("forbid", forbid)

    def embed(self, ids):
        pe = sinusoidal_positions(ids.shape[1], self.d)
        return self.emb(ids) * math.sqrt(self.d) + pe[None]

    def forward(self, src, tgt_in):
        src_keep = (src != PAD)[:, None, None, :]  # (B,1,1,S) True = attend
        x = self.embed(src)
        for layer in self.enc:
            x = layer(x, src_keep)
        mem = self.enc_ln(x)
        t = tgt_in.shape[1]
        causal = torch.ones(t, t, dtype=torch.bool).tril()[None, None]
        y = self.embed(tgt_in)
        for layer in self.dec:
            y = layer(y, mem, causal, src_keep)
        y = self.dec_ln(y)
        return y @ self.emb.weight.T + self.out_bias + self.forbid


def make_batch(sp, pairs):
    src = [sp.encode(nl) + [EOS] for nl, _ in pairs]  # add_source_eos=true
    tgt = [sp.encode(en) for _, en in pairs]
    s_len = max(map(len, src))
    t_len = max(map(len, tgt)) + 1
    S = torch.full((len(pairs), s_len), PAD, dtype=torch.long)
    TI = torch.full((len(pairs), t_len), PAD, dtype=torch.long)
    TO = torch.full((len(pairs), t_len), -100, dtype=torch.long)
    for i, (s, t) in enumerate(zip(src, tgt)):
        S[i, : len(s)] = torch.tensor(s)
        TI[i, : len(t) + 1] = torch.tensor([BOS] + t)
        TO[i, : len(t) + 1] = torch.tensor(t + [EOS])
    return S, TI, TO


def margins(logits, gold):
    """(gold - best other logit) over all target tokens, and (gold - </s> logit)
    where the gold token is not </s>."""
    mask = gold != -100
    g = gold.clamp(min=0)
    gold_logit = logits.gather(-1, g[..., None])[..., 0]
    other = logits.scatter(-1, g[..., None], float("-inf")).max(-1).values
    eos_gap = (gold_logit - logits[..., EOS])[mask & (gold != EOS)]
    return (gold_logit - other)[mask], eos_gap


def train(model, batch):
    S, TI, TO = batch
    opt = torch.optim.Adam(model.parameters(), lr=2e-3, betas=(0.9, 0.98), eps=1e-9)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 100))
    t0 = time.time()
    for step in range(1, MAX_STEPS + 1):
        model.train()
        logits = model(S, TI)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), TO.reshape(-1), ignore_index=-100)
        # Keep </s> far below the gold token everywhere before the end, so that
        # beam search (CTranslate2 stops after beam_size finished hypotheses)
        # does not collect truncated hypotheses before the full one.
        _, eos_gap = margins(logits, TO)
        loss = loss + F.relu(EOS_MARGIN + 2.0 - eos_gap).mean()
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        with torch.no_grad():
            model.emb.weight[PAD].zero_()
        if step % CHECK_EVERY == 0:
            model.eval()
            with torch.no_grad():
                m, eos_gap = margins(model(S, TI), TO)
            acc = (m > 0).float().mean().item()
            print(f"step {step:5d}  loss {loss.item():.4f}  token-acc {acc:.4f}  "
                  f"min-margin {m.min().item():+.2f}  min-eos-gap {eos_gap.min().item():+.2f}  "
                  f"{time.time() - t0:.0f}s", flush=True)
            if m.min().item() >= MARGIN and eos_gap.min().item() >= EOS_MARGIN:
                return step
    print("WARNING: reached MAX_STEPS before every target was memorised", flush=True)
    return MAX_STEPS


# ---------------------------------------------------------------------------
# Export through ctranslate2's spec API
# ---------------------------------------------------------------------------

def _np(t):
    return t.detach().cpu().numpy().astype(np.float32).copy()


def _ln(spec, ln):
    spec.gamma = _np(ln.weight)
    spec.beta = _np(ln.bias)


def _lin(spec, lin):
    spec.weight = _np(lin.weight)
    spec.bias = _np(lin.bias)


def _fused(spec, lins):
    spec.weight = np.concatenate([_np(l.weight) for l in lins], axis=0)
    spec.bias = np.concatenate([_np(l.bias) for l in lins], axis=0)


class TinyConverter(Converter):
    def __init__(self, model, vocab):
        self.model, self.vocab = model, vocab

    def _load(self):
        m = self.model
        spec = transformer_spec.TransformerSpec.from_config(
            (LAYERS, LAYERS), HEADS, pre_norm=True, activation=common_spec.Activation.RELU)
        emb = _np(m.emb.weight)
        assert not emb[PAD].any(), "<pad> embedding row must stay zero"
        spec.encoder.embeddings[0].weight = emb
        _ln(spec.encoder.layer_norm, m.enc_ln)
        for ls, layer in zip(spec.encoder.layer, m.enc):
            _ln(ls.self_attention.layer_norm, layer.ln)
            _fused(ls.self_attention.linear[0], [layer.att.q, layer.att.k, layer.att.v])
            _lin(ls.self_attention.linear[1], layer.att.o)
            _ln(ls.ffn.layer_norm, layer.ffn.ln)
            _lin(ls.ffn.linear_0, layer.ffn.w1)
            _lin(ls.ffn.linear_1, layer.ffn.w2)
        spec.decoder.embeddings.weight = emb
        _ln(spec.decoder.layer_norm, m.dec_ln)
        spec.decoder.projection.weight = emb
        spec.decoder.projection.bias = _np(m.out_bias + m.forbid)
        for ls, layer in zip(spec.decoder.layer, m.dec):
            _ln(ls.self_attention.layer_norm, layer.ln1)
            _fused(ls.self_attention.linear[0], [layer.self_att.q, layer.self_att.k, layer.self_att.v])
            _lin(ls.self_attention.linear[1], layer.self_att.o)
            _ln(ls.attention.layer_norm, layer.ln2)
            _lin(ls.attention.linear[0], layer.cross_att.q)
            _fused(ls.attention.linear[1], [layer.cross_att.k, layer.cross_att.v])
            _lin(ls.attention.linear[2], layer.cross_att.o)
            _ln(ls.ffn.layer_norm, layer.ffn.ln)
            _lin(ls.ffn.linear_0, layer.ffn.w1)
            _lin(ls.ffn.linear_1, layer.ffn.w2)
        spec.config.decoder_start_token = "<s>"
        spec.config.add_source_eos = True
        spec.config.add_source_bos = False
        spec.config.layer_norm_epsilon = LN_EPS
        spec.register_source_vocabulary(self.vocab)
        spec.register_target_vocabulary(self.vocab)
        return spec


def verify_ct2(model_dir, sp, pairs, model, batch):
    """Decode with ctranslate2 exactly as a consumer would; compare with torch."""
    tr = ctranslate2.Translator(model_dir, device="cpu")
    src = [sp.encode(nl, out_type=str) for nl, _ in pairs]
    tgt = [sp.encode(en, out_type=str) for _, en in pairs]
    # 1. log-prob agreement (catches any arithmetic mismatch, e.g. positions)
    scores = tr.score_batch(src, tgt)
    S, TI, TO = batch
    with torch.no_grad():
        lp = F.log_softmax(model(S, TI), -1)
    worst = 0.0
    for i, r in enumerate(scores):
        ref = lp[i, torch.arange(len(tgt[i]) + 1), TO[i, : len(tgt[i]) + 1]].numpy()
        worst = max(worst, float(np.abs(np.array(r.log_probs) - ref).max()))
    print(f"ctranslate2 vs torch: max |log-prob diff| = {worst:.4f}")
    if worst > 0.05:
        raise SystemExit("ctranslate2 disagrees with the torch model: export is wrong")
    # 2. exact-match decoding, greedy and beam
    result = {}
    settings = {  # greedy; translate_batch's default (beam 2); argos-like
        "greedy": dict(beam_size=1),
        "beam2": dict(beam_size=2),
        "beam4": dict(beam_size=4),
        "beam4-lp0.2": dict(beam_size=4, length_penalty=0.2),
        "beam2-lp0": dict(beam_size=2, length_penalty=0),
        "beam4-lp0": dict(beam_size=4, length_penalty=0),
    }
    for beam, kwargs in settings.items():
        out = tr.translate_batch(src, **kwargs)
        hyps = [sp.decode(r.hypotheses[0]) for r in out]
        bad = [(p, h) for p, h in zip(pairs, hyps) if h != p[1]]
        result[beam] = len(pairs) - len(bad)
        print(f"{beam}: exact match {result[beam]}/{len(pairs)}")
        for (nl, en), h in bad:
            print(f"  MISMATCH {nl!r}\n    want {en!r}\n    got  {h!r}")
    return result


def write_package(model_dir, sp_bytes, out_path):
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": "nl",
        "from_name": "Dutch",
        "to_code": "en",
        "to_name": "English",
        "package_type": "translate",
        "type": "translate",  # the key argostranslate itself reads
        "code": "translate-nl_en-test",
        "name": "Dutch-English TEST model (tiny, training sentences only)",
        "description": HONESTY,
        "target_prefix": "",
        "links": [],
    }
    readme = (
        "# translate-nl_en-test 1.0: TINY TEST MODEL\n\n"
        + HONESTY + "\n\n"
        "Built by tests/model/build_test_model.py of the briefing toolkit; "
        "tests/model/README.md there documents it.\n\n"
        "Inference: NFC-normalise the text, tokenise it with sentencepiece.model "
        "(`sp.encode(text, out_type=str)`), pass the pieces to "
        "`ctranslate2.Translator(\"model\").translate_batch(batch, beam_size=1)` "
        "WITHOUT appending `</s>` (config.json has `add_source_eos: true`) and "
        "without a target prefix, then detokenise with "
        "`sp.decode(result.hypotheses[0])`. Use greedy decoding (or "
        "`length_penalty=0`) for reproducible output. Placeholders look like "
        "`⟦1⟧` (U+27E6, digits, U+27E7).\n"
    )
    files = {
        "metadata.json": (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode(),
        "README.md": readme.encode(),
        "sentencepiece.model": sp_bytes,
    }
    for name in sorted(os.listdir(model_dir)):
        with open(os.path.join(model_dir, name), "rb") as f:
            files["model/" + name] = f.read()
    stamp = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(out_path, "w") as z:
        for d in (PKG_NAME + "/", PKG_NAME + "/model/"):
            zi = zipfile.ZipInfo(d, stamp)
            zi.external_attr = (0o40755 << 16) | 0x10
            z.writestr(zi, b"")
        for name in sorted(files):
            zi = zipfile.ZipInfo(PKG_NAME + "/" + name, stamp)
            zi.external_attr = 0o100644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, files[name], compresslevel=9)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=OUTPUT, help="output .argosmodel path")
    args = ap.parse_args()

    t0 = time.time()
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)

    pairs = read_corpus(CORPUS)
    print(f"{len(pairs)} training pairs")
    sp_bytes = train_sentencepiece(pairs)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    assert vocab[:4] == ["<unk>", "<s>", "</s>", "<pad>"], vocab[:4]
    for nl, en in pairs:  # the tokenizer must be lossless on every pair
        for s in (nl, en):
            assert sp.decode(sp.encode(s, out_type=str)) == s, s
    lens = [len(sp.encode(s)) for p in pairs for s in p]
    print(f"sentencepiece: {len(vocab)} pieces, longest sentence {max(lens)} pieces")

    model = TinyTransformer(len(vocab), D_MODEL, HEADS, FFN, LAYERS)
    print(f"model: {sum(p.numel() for p in model.parameters())} parameters")
    batch = make_batch(sp, pairs)
    steps = train(model, batch)
    model.eval()
    print(f"trained {steps} steps in {time.time() - t0:.0f}s")

    with tempfile.TemporaryDirectory() as tmp:
        model_dir = os.path.join(tmp, "model")
        TinyConverter(model, vocab).convert(model_dir, quantization=QUANTIZATION, force=True)
        with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
            cfg = json.load(f)
        assert cfg.get("add_source_eos") is True and cfg.get("decoder_start_token") == "<s>", cfg
        result = verify_ct2(model_dir, sp, pairs, model, batch)
        write_package(model_dir, sp_bytes, args.out)

    size = os.path.getsize(args.out)
    print(f"wrote {args.out} ({size} bytes) in {time.time() - t0:.0f}s total")
    if size >= 2 * 1024 * 1024:
        raise SystemExit("package is not under 2 MB")
    for name in ("greedy", "beam2-lp0", "beam4-lp0"):  # the documented contract
        if result[name] < len(pairs):
            raise SystemExit(f"{name} decoding does not reproduce every training pair")
    for name, n in result.items():
        if n < len(pairs):
            print(f"WARNING: {name} reproduces only {n}/{len(pairs)} training pairs "
                  "(beam search with a length penalty may stop on truncated "
                  "hypotheses; consumers should decode greedily or with "
                  "length_penalty=0)")


if __name__ == "__main__":
    main()
