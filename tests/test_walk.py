"""The one walk: document order, depths, and note numbers by position."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import (
    Briefing,
    Cell,
    Heading,
    Item,
    ListBlock,
    Meta,
    Note,
    NoteNumbers,
    P,
    Row,
    Section,
    Table,
    iter_notes,
    walk,
)


def note(text: str, kind: str = "footnote") -> Note:
    return Note((P((text,)),), kind=kind)  # type: ignore[arg-type]


DOC = Briefing(
    Meta("Titel", title_notes=(note("t"),)),
    (
        P(("a", note("1"))),
        Section(
            Heading(("Kop", note("e", "endnote"))),
            (
                ListBlock((Item((P(("b", note("2"))),)),)),
                Table((Row((Cell((P(("c", note("3"))),)),)),)),
            ),
        ),
    ),
)


def test_walk_meets_every_node_in_document_order_with_depths() -> None:
    steps = [(type(s.node).__name__, s.depth, s.number) for s in walk(DOC)]
    assert steps == [
        ("Note", 0, 1),
        ("P", 0, None),
        ("Note", 0, 2),
        ("Section", 0, None),
        ("Heading", 1, None),
        ("Note", 1, 1),
        ("ListBlock", 1, None),
        ("Item", 1, None),
        ("P", 1, None),
        ("Note", 1, 3),
        ("Table", 1, None),
        ("Row", 1, None),
        ("Cell", 1, None),
        ("P", 1, None),
        ("Note", 1, 4),
    ]


def test_equal_documents_get_equal_numbers_even_when_they_share_a_note() -> None:
    shared = note("zelfde")
    one = Briefing(Meta("T"), (P(("a", shared)), P(("b", shared))))
    two = Briefing(Meta("T"), (P(("a", note("zelfde"))), P(("b", note("zelfde")))))
    assert one == two
    assert [n for n, _ in iter_notes(one)] == [n for n, _ in iter_notes(two)] == [1, 2]
    assert toolkit.render(one, "xml") == toolkit.render(two, "xml")


def test_note_numbers_catch_a_writer_that_meets_notes_out_of_order() -> None:
    numbers = NoteNumbers(DOC)
    assert numbers.take(note("t")) == 1
    with pytest.raises(BriefingError) as info:
        numbers.take(note("2"))
    assert info.value.code == ExitCode.INTERNAL
