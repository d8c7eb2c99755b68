"""Each reader checks that every reference it saw became a note: a loss is a bug report, not a result."""

from __future__ import annotations

import pytest

import toolkit
from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Briefing, Meta, Note, P
from toolkit.readers import poi_text
from toolkit.readers.docx import notes

TEXT = b"Titel\nZin[footnoteRef:2] hier. [2: Noot.] \n\n"


def test_poi_reader_reports_a_lost_note_as_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(poi_text, "_sections", lambda paragraphs, decisions: ())
    with pytest.raises(BriefingError) as info:
        toolkit.read(TEXT, "text")
    assert info.value.code == ExitCode.INTERNAL and "please report" in str(info.value)


def test_docx_reader_reports_a_lost_note_as_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Briefing(Meta("Titel"), (P(("Zin", Note((P(("Noot.",)),), "2"), " hier.")),))
    data = toolkit.render(doc, "docx")
    assert toolkit.read(data, "docx") == doc
    monkeypatch.setattr(notes.NoteBodies, "note", lambda self, note_id: None)
    with pytest.raises(BriefingError) as info:
        toolkit.read(data, "docx")
    assert info.value.code == ExitCode.INTERNAL and "please report" in str(info.value)
