"""Read the toolkit's own briefing XML."""

from __future__ import annotations

from toolkit.errors import Warn, python_warning
from toolkit.model import Briefing
from toolkit.model.xmlio import parse
from toolkit.readers.headings import HeadingRules


def read_xml(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
) -> Briefing:
    """Parse briefing XML; `headings` is accepted for a uniform reader signature."""
    return parse(data, path, warn)
