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
    )
    return st.one_of(base, note)


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
            st.none(), st.builds(Translation, st.just("nl"), st.just("ctranslate2"), text, text)
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
