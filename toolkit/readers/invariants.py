"""What every reader holds to: each note reference in the source is a note of the document."""

from __future__ import annotations

from toolkit.errors import BriefingError, ExitCode
from toolkit.model import Briefing, iter_notes


def check_notes(doc: Briefing, expected: dict[str, int], path: str | None) -> None:
    """Raise an internal error unless `doc` holds `expected` notes of each kind (footnote, endnote).

    A reader that loses a note has a bug: it must be reported, never returned
    as a quietly shorter document.
    """
    found = {"footnote": 0, "endnote": 0}
    for _, note in iter_notes(doc):
        found[note.kind] += 1
    if found != {"footnote": 0, "endnote": 0, **expected}:
        raise BriefingError(
            f"the reader kept {found} notes of the {expected} references in the source",
            path=path,
            hint="a bug in the toolkit: please report it with this file",
            code=ExitCode.INTERNAL,
        )


def lifted_out(kind: str, note_id: str | None) -> str:
    """The warning for a note cited inside another: both readers lift it out, and say so alike."""
    return (
        f"{kind} {note_id} is cited inside another note; the model holds no note inside a note, "
        "so it follows that note at its reference"
    )
