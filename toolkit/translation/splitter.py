"""An offline, rule-based Dutch sentence splitter that knows Dutch abbreviations.

argos's default splitter downloads a model on first use and fails offline;
this one is a few regular expressions and a word list. A boundary is a `.`,
`!`, `?` or `…` (plus closing quotes, brackets and note markers) followed by
white space and a plausible sentence start, unless the word before the
full stop is an abbreviation, an initial or part of a number.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Lower-case, with their dots. Dutch government prose: o.a., bijv., nr.,
# d.w.z., m.b.t., i.v.m., plus titles, months and common Latin/English ones.
# Weekday abbreviations are left out: "zo." and "di." are also words. Dotted
# capitals such as D.C. are handled by a rule below, not listed here.
_ABBREVIATIONS = """
    a.d. a.g.v. a.h.w. a.i. a.j. a.k.a. a.s. aanv. afb. afd. afk. alg. art. b.a. b.d. b.v. b.v.b.a. bc. bijv.
    bijl. bijz. blz. bv. c.q. c.s. ca. cf. co. d.d. d.i. d.m.v. d.w.z. dhr. dept. dgl. dir. dr. drs. ds.
    e.a. e.d. e.e.a. e.g. e.v. enz. etc. evt. excl. fa. fig. fr. gem. gen. geb. hfdst. hr. i.c. i.e. i.h.a.
    i.o. i.p.v. i.s.m. i.t.t. i.v.m. i.z. ing. incl. ir. jhr. jl. jr. kol. l.s. lt. m.a.w. m.b.t. m.b.v. m.i.
    m.i.v. m.m.v. m.n. m.u.v. max. mevr. min. mld. mln. mr. mrd. mw. n.a.v. n.b. n.n.b. n.v.t. nl. nr. nrs.
    o.a. o.b.v. o.g.v. o.i.d. o.l.v. o.m. o.v.v. p. p.a. p.m. p.p. pag. plv. prof. red. resp. sr. st. t.a.v.
    t.b.v. t.g.v. t.o.v. t.w. t.z.t. tel. u.s. v. v.a. v.b. v.chr. n.chr. vgl. vnl. vs. vz. w.o. z.g. z.g.a.n.
    z.s.m. zgn. zg. jan. feb. febr. mrt. apr. jun. jul. aug. sep. sept. okt. nov. dec.
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())

# Characters that may follow the final punctuation inside the same sentence:
# closing quotes and brackets, and the private-use markers that stand for
# notes and other inline objects while a paragraph is being split.
CLOSERS = r"\"'”’»)\]}\ue000-\uf8ff"
_BOUNDARY = re.compile(rf"([.!?…]+)([{CLOSERS}]*)(\s+)(?=\S)")
_WORD_BEFORE = re.compile(r"(\S+)$")
# A sentence may start with an upper-case letter, a digit, an opening quote
# or bracket, or the Dutch "'s" / "'t" (as in "'s Avonds").
_START = re.compile(r"""^(?:[\"'“‘«(\[]*[A-ZÀ-ÖØ-Þ0-9\ue000-\uf8ff⟦]|'[st]\b)""")
_INITIAL = re.compile(r"^[A-ZÀ-ÖØ-Þ]\.$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # D.C., U.S.A., m.b.t.


def split(text: str) -> list[str]:
    """The sentences of `text`, each stripped; empty text gives []."""
    return [text[a:b].strip() for a, b in spans(text) if text[a:b].strip()]


@lru_cache(maxsize=4096)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in `text`; the white space between them is left out.

    Joining `text[start:end]` with the original gaps gives back `text`.
    """
    result = []
    start = _skip_space(text, 0)
    for m in _BOUNDARY.finditer(text):
        if m.start() < start:
            continue
        if _is_boundary(text, m):
            end = m.end(2)
            if end > start:
                result.append((start, end))
            start = m.end()
    end = len(text.rstrip())
    if end > start:
        result.append((start, end))
    return tuple(result)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    following = text[m.end() :]
    if not _START.match(following):
        return False
    if m.group(1) != ".":  # "!", "?", "…" and "..." end a sentence before a capital
        return True
    before = _WORD_BEFORE.search(text, 0, m.start())
    word = (before.group(1) if before else "") + "."
    # Strip an opening bracket or quote: "(o.a." is still the abbreviation "o.a.".
    word = word.lstrip("\"'“‘«([")
    lowered = word.lower()
    if lowered in ABBREVIATIONS:
        return False
    if _INITIAL.match(word):  # "M. Rutte", "J.F. Kennedy"
        return False
    if _DOTTED.match(word):
        # Dotted abbreviations (D.C., U.S.) end a sentence only before a
        # word that is clearly a sentence start, i.e. a common Dutch opener.
        return _next_word(following).lower() in SENTENCE_OPENERS
    return True


def _next_word(text: str) -> str:
    m = re.match(r"[\"'“‘«(\[]*([\w'-]+)", text)
    return m.group(1) if m else ""


# Words that begin a new sentence far more often than they continue a name:
# after "Washington D.C." a following "De" starts a new sentence.
_OPENERS = """
    de het een dit dat deze die er ook daarnaast tevens verder voorts tijdens in op bij met na voor
    zo daarom daardoor hierbij ik wij we zij ze hij u nederland kabinet
"""
SENTENCE_OPENERS = frozenset(_OPENERS.split())
