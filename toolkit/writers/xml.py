"""Write the canonical briefing XML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.errors import Warn, python_warning
from toolkit.model import Briefing
from toolkit.model.xmlio import serialise

if TYPE_CHECKING:  # the canonical XML has no house style: only the signature names it
    from toolkit.style import Style


def write_xml(doc: Briefing, style: Style | None = None, warn: Warn = python_warning) -> bytes:
    """The canonical XML; a house style does not apply to it, nor can it warn."""
    return serialise(doc)
