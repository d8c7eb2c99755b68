"""Hypothesis strategies: generated briefings and POI-like text."""

from __future__ import annotations

from hypothesis import strategies as st

from toolkit.model import (
    Briefing,
    Cell,
    Emph,
    Heading,
    Item,
    LineBreak,
    Link,
    ListBlock,
    Meta,
    Note,
    P,
    Row,
    Section,
    Source,
    Strong,
    Sub,
    Sup,
    Table,
    Translation,
)

# XML 1.0 cannot carry most control characters; the model only ever holds
# text that came from a document, so generate printable text.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=30,
) | st.sampled_from(["De NAVO", " en ", "Oekraïne", "non-paper", "1.", "  ", "café – ‘x’"])
WORD_TEXT = st.text(st.sampled_from("abcdefghij ÄÖéï-"), min_size=1, max_size=12)


def _leaf_inlines(text: st.SearchStrategy[str]) -> st.SearchStrategy:
    return st.one_of(text, st.just(LineBreak()))


def inline_content(allow_notes: bool, text: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy:
    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        kids = st.lists(children, max_size=3)
        return st.one_of(
            kids.map(Emph),
            kids.map(Strong),
            kids.map(Sup),
            kids.map(Sub),
            st.builds(Link, kids, href=st.sampled_from(["https://example.org/a", "mailto:x@y.nl", "#s1"])),
        )

    base = st.recursive(_leaf_inlines(text), extend, max_leaves=6)
    if not allow_notes:
        return base
    note = st.builds(
        Note,
        st.lists(st.lists(base, max_size=3).map(P), min_size=1, max_size=2).map(tuple),
        st.one_of(st.none(), st.integers(-1, 99).map(str)),
        st.sampled_from(["footnote", "endnote"]),
        st.one_of(st.none(), MARKS),
    )
    return st.one_of(base, note)


# A note's own marks: Word's usual ones, and a letter, which can also start the note's text.
MARKS = st.sampled_from(["*", "\u2020", "**", "a", "\u00a7\u00a7"])


def paragraph(text: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy[P]:
    return st.lists(inline_content(True, text), max_size=5).map(P)


def blocks(depth: int = 2, text: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy:
    para = paragraph(text)
    simple = st.one_of(
        para,
        st.builds(
            ListBlock,
            st.lists(st.lists(para, min_size=1, max_size=2).map(lambda b: Item(tuple(b))), max_size=3).map(
                tuple
            ),
            st.booleans(),
        ),
        st.builds(
            Table,
            st.lists(
                st.lists(
                    st.builds(Cell, st.lists(para, max_size=2).map(tuple), st.booleans()),
                    min_size=1,
                    max_size=3,
                ).map(lambda c: Row(tuple(c))),
                max_size=3,
            ).map(tuple),
        ),
    )
    if depth == 0:
        return simple
    section = st.builds(
        Section,
        st.lists(inline_content(False, text), max_size=3).map(Heading),
        st.lists(blocks(depth - 1, text), max_size=3).map(tuple),
    )
    return st.one_of(simple, section)


def briefings(text: st.SearchStrategy[str] = TEXT) -> st.SearchStrategy[Briefing]:
    meta = st.builds(
        Meta,
        title=text,
        date=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
        kind=st.one_of(st.none(), st.sampled_from(["geannoteerde agenda", "verslag"])),
        refs=st.lists(st.sampled_from(["21501-02", "nr. 2794", "2024Z05112"]), max_size=2).map(tuple),
        source=st.one_of(
            st.none(), st.builds(Source, st.sampled_from(["poi-text", "docx"]), text, st.just("0" * 64))
        ),
        translation=st.one_of(
            st.none(),
            st.builds(Translation, st.just("nl"), st.just("ctranslate2"), text, text, st.booleans()),
        ),
    )
    return st.builds(
        Briefing, meta, st.lists(blocks(), max_size=4).map(tuple), st.sampled_from(["nl", "en", "nl-NL"])
    )


# POI-like text: lines of words with markers and bodies, sometimes broken.
_POI_PIECES = st.sampled_from(
    [
        "De NAVO",
        " zal ",
        "steun",
        ".",
        " ",
        "[footnoteRef:2]",
        "[footnoteRef:3]",
        "[endnoteRef:1]",
        " [2:  Zie bijlage] ",
        " [3: body [x]] ",
        " [1: eind",
        "]",
        "\n",
        "\n\n",
        "[footnoteRef:x]",
        '!!! End note with ID "2" not found in document.',
        "Kop zonder punt",
        "\t",
        "é",
        "\r\n",
    ]
)
poi_text = st.lists(_POI_PIECES, max_size=40).map("".join)


# Documents a DOCX can express exactly. Word formats runs, not trees, so a
# span nested in another has no single reading; and a heading starts a
# section that runs to the next heading, so a section's paragraphs come
# before its subsections. Lists and tables hold one paragraph per item and
# cell here.
_DOCX_WORD = st.text(st.sampled_from("abcdeéï-,.'’ "), min_size=1, max_size=10).filter(
    lambda t: bool(t) and t.strip() == t
)
_DOCX_SPAN = st.one_of(
    _DOCX_WORD,
    st.just(LineBreak()),
    _DOCX_WORD.map(lambda t: Emph((t,))),
    _DOCX_WORD.map(lambda t: Strong((t,))),
    _DOCX_WORD.map(lambda t: Sup((t,))),
    _DOCX_WORD.map(lambda t: Sub((t,))),
    _DOCX_WORD.map(lambda t: Link((t,), href="https://example.org/x")),
)
_DOCX_NOTE = st.builds(
    lambda texts, source_id, kind, mark: Note(tuple(P((t,)) for t in texts), source_id, kind, mark),
    st.lists(_DOCX_WORD, min_size=1, max_size=2),
    st.integers(2, 50).map(str),
    st.sampled_from(["footnote", "endnote"]),
    st.one_of(st.none(), st.none(), MARKS),
)
_DOCX_P = st.lists(st.one_of(_DOCX_SPAN, _DOCX_NOTE), min_size=1, max_size=5).map(lambda xs: P(tuple(xs)))
_DOCX_SIMPLE = st.one_of(
    _DOCX_P,
    st.builds(
        lambda paras, ordered: ListBlock(tuple(Item((p,)) for p in paras), ordered),
        st.lists(_DOCX_P, min_size=1, max_size=3),
        st.booleans(),
    ),
    st.lists(st.lists(st.tuples(_DOCX_P, st.booleans()), min_size=2, max_size=2), min_size=1, max_size=3).map(
        lambda rows: Table(tuple(Row(tuple(Cell((p,), header) for p, header in row)) for row in rows))
    ),
)


def _docx_section(depth: int) -> st.SearchStrategy[Section]:
    subsections = st.lists(_docx_section(depth - 1), max_size=2) if depth else st.just([])
    return st.builds(
        lambda heading, blocks, subs: Section(Heading((heading,)), (*blocks, *subs)),
        _DOCX_WORD,
        st.lists(_DOCX_SIMPLE, max_size=2),
        subsections,
    )


docx_briefings = st.builds(
    lambda title, blocks, sections: Briefing(Meta(title), (*blocks, *sections)),
    _DOCX_WORD,
    st.lists(_DOCX_SIMPLE, max_size=2),
    st.lists(_docx_section(2), max_size=2),
)
