"""Validate briefing XML against the RELAX NG schema shipped in the package."""

from __future__ import annotations

import functools
import re
from importlib import resources

from lxml import etree

from toolkit.errors import BriefingError, Location
from toolkit.model.format_version import check_version
from toolkit.safexml import parse_xml


@functools.cache
def relaxng() -> etree.RelaxNG:
    """The schema, compiled once per process."""
    text = resources.files("toolkit.model").joinpath("briefing.rng").read_bytes()
    return etree.RelaxNG(etree.fromstring(text))


def schema_path() -> str:
    """Where the schema lives, for users who want to point other tools at it."""
    return str(resources.files("toolkit.model").joinpath("briefing.rng"))


def validate(data: bytes, path: str | None = None) -> list[tuple[Location, str]]:
    """Every problem in `data` as `(location, message)`; empty when valid.

    Malformed XML, a DOCTYPE or an unknown format version is one problem
    that stops the check, since the schema cannot say anything useful then.
    """
    try:
        root = parse_xml(data, path)
        check_version(root, path)
    except BriefingError as exc:
        return [(exc.where, exc.message + (f" ({exc.hint})" if exc.hint else ""))]
    schema = relaxng()
    if schema.validate(root.getroottree()):
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    problems = []
    for entry in schema.error_log:
        column = entry.column or _element_column(lines, entry.line, entry.message)
        problems.append((Location(path, entry.line, column), entry.message))
    return problems


def _element_column(lines: list[str], line: int, message: str) -> int | None:
    """Find the column of the element a schema message is about.

    libxml2 reports RELAX NG errors with a line but no column; the element's
    start tag on that line is what the message means, so point at it.
    """
    if not 1 <= line <= len(lines):
        return None
    names = re.findall(r"element (\S+)", message) or re.findall(r"\b(\w[\w-]*)\b", message)
    text = lines[line - 1]
    for name in names:
        col = text.find("<" + name.strip(":"))
        if col >= 0:
            return col + 1
    return None
