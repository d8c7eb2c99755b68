"""Invariants the model keeps when a node is made, and where warnings point."""

from __future__ import annotations

import warnings

import pytest

import toolkit
from toolkit.errors import BriefingError, BriefingWarning
from toolkit.model import Emph, Note, P


def test_a_note_inside_a_note_is_refused_when_it_is_made() -> None:
    inner = Note((P(("binnen",)),))
    with pytest.raises(BriefingError, match="cannot hold another note"):
        Note((P(("buiten", inner)),))
    with pytest.raises(BriefingError, match="cannot hold another note"):
        Note((P((Emph(("diep", inner)),)),))


def test_a_note_has_a_paragraph() -> None:
    with pytest.raises(BriefingError, match="at least one paragraph"):
        Note(())


def test_library_warnings_point_at_the_callers_line() -> None:
    data = b'Titel\nZin[footnoteRef:2] hier. [2: !!! End note with ID "2" not found in document.] \n\n'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        toolkit.read(data, "text")
    [w] = caught
    assert issubclass(w.category, BriefingWarning)
    assert w.filename == __file__


def test_a_flood_of_warnings_of_one_kind_is_summed_up() -> None:
    got: list[BriefingWarning] = []
    data = b"Titel\n" + b"Zin[footnoteRef:2]. [2: ] \n\n" * 100
    doc = toolkit.read(data, "text", warn=got.append)
    assert len(list(toolkit.model.iter_notes(doc))) == 100  # every note kept
    empty = [w for w in got if "empty body" in w.message and "more warning" not in w.message]
    assert len(empty) == 20
    assert any(w.message.startswith("80 more warning(s) like: footnote N has an empty body") for w in got)
