"""The model holds only text XML can hold: odd characters are refused where they enter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Briefing, Emph, Link, Meta, Note, P, Source, Translation, parse, serialise


def doc(*blocks: P, title: str = "Titel") -> Briefing:
    return Briefing(Meta(title=title), tuple(blocks), "nl")


@pytest.mark.parametrize(
    ("build", "char", "what"),
    [
        (lambda: P(("Een \x1b woord",)), "U+001B", "text"),
        (lambda: P((Emph(("pagina\feinde",)),)), "U+000C", "text"),
        (lambda: P(("regel\vregel",)), "U+000B", "text"),
        (lambda: P(("nul\x00",)), "U+0000", "text"),
        (lambda: P(("half \ud800 paar",)), "U+D800", "text"),
        (lambda: P(("geen teken \uffff",)), "U+FFFF", "text"),
        (lambda: Link(("hier",), href="https://x.nl/\x07"), "U+0007", "link target"),
        (lambda: Meta(title="Titel\x1b"), "U+001B", "document title"),
        (lambda: Meta(title="T", refs=("21501-02\x02",)), "U+0002", "reference number"),
        (lambda: Source("poi-text", "caf\udce9.txt", "0" * 64), "U+DCE9", "source name"),
        (lambda: Translation("nl", "ct2\x01", "m", "1"), "U+0001", "translation engine"),
        (lambda: Note((P(("x",)),), source_id="2\x03"), "U+0003", "note source id"),
        (lambda: Briefing(Meta(title="T"), (), "nl\x1b"), "U+001B", "document language"),
    ],
)
def test_characters_xml_cannot_hold_are_refused_with_their_code_point(build, char, what) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BriefingError) as info:
        build()
    assert info.value.code == ExitCode.BAD_INPUT
    assert char in info.value.message
    assert what in info.value.message


def test_the_refusal_shows_the_text_before_the_character() -> None:
    with pytest.raises(BriefingError, match="after “Een woord”"):
        P(("Een woord\x1b en meer",))


def test_tabs_newlines_and_all_other_characters_are_kept() -> None:
    text = "tab\tnl\ncr\r \u0085 \u00a0 \u2028 \ufffd 🇳🇱 \U0010fffd"
    d = doc(P((text,)), title=text)
    assert parse(serialise(d)) == d


# All of Unicode, surrogates and controls included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_any_text_is_refused_cleanly_or_written_as_xml_and_docx(body: str, title: str) -> None:
    try:
        d = doc(P((body, Note((P((body,)),)))), title=title or "T")
    except BriefingError:
        return
    assert parse(serialise(d)) == d
    assert toolkit.render(d, "docx").startswith(b"PK")
