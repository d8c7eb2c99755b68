"""Write the canonical briefing XML."""

from __future__ import annotations

from toolkit.model import Briefing, serialise
from toolkit.style import Style


def write_xml(doc: Briefing, style: Style | None = None) -> bytes:
    """The canonical XML; a house style does not apply to it."""
    return serialise(doc)
