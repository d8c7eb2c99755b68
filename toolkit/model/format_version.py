"""The briefing XML's format version: the oldest one a document needs, and the ones this toolkit reads."""

from __future__ import annotations

import re

from lxml import etree

from toolkit.errors import BriefingError
from toolkit.model.nodes import FORMAT_VERSION, Briefing
from toolkit.model.walk import iter_notes

# The format version: "MAJOR" or "MAJOR.MINOR", decimal, without leading zeros; "1" is "1.0".
# A minor version only adds (so 1.0 files are valid 1.N files); a new major may break, and is
# refused. briefing.rng states the same rule as a pattern.
_VERSION = re.compile(r"(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?")


def check_version(root: etree._Element, path: str | None) -> int:
    """The minor version of a briefing of the major version we know; anything else is refused."""
    if root.tag != "briefing":
        raise BriefingError(
            f"root element is <{root.tag}>, expected <briefing>", path=path, line=root.sourceline
        )
    version = root.get("version")
    if version is None:
        raise BriefingError("<briefing> has no version attribute", path=path, line=root.sourceline)
    found = _VERSION.fullmatch(version)
    if found is None:
        raise BriefingError(
            f"briefing format version {version!r} is not a version",
            path=path,
            line=root.sourceline,
            hint=f'write version="{FORMAT_VERSION}", or "{FORMAT_VERSION}.N" for a minor version',
        )
    if found.group(1) != FORMAT_VERSION:
        raise BriefingError(
            f"briefing format version {version} is not supported",
            path=path,
            line=root.sourceline,
            hint=f"this toolkit reads version {FORMAT_VERSION} and its minor versions {FORMAT_VERSION}.N",
        )
    return int(found.group(2) or 0)


def version_for(doc: Briefing) -> str:
    """The oldest format version that holds `doc`, so a reader of that version takes it whole."""
    if any(note.mark is not None for _, note in iter_notes(doc)):
        return f"{FORMAT_VERSION}.1"  # 1.1 added a note's own mark
    return FORMAT_VERSION
