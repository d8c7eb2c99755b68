"""Read the toolkit's own briefing XML."""

from __future__ import annotations

from toolkit.errors import Warn, python_warning
from toolkit.model import Briefing
from toolkit.model.xmlio import parse
from toolkit.readers.headings import HeadingRules
from toolkit.record import replace


def read_xml(
    data: bytes,
    path: str | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
    lang: str | None = None,
) -> Briefing:
    """Parse briefing XML; `headings` is accepted for a uniform reader signature, `lang` relabels it."""
    doc = parse(data, path, warn)
    return doc if lang is None else replace(doc, lang=lang)
