"""The closed set of formats: which reader or writer serves which file.

A plain table, as in pandoc: no plugin machinery for a closed set. Entries
name their module so that importing this table imports no heavy library;
`briefing --help` and XML conversion never load reportlab or ctranslate2.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any, Literal, cast

from toolkit.errors import BriefingError, ExitCode

# The names `read`, `render` and `write` take; the tables below are their homes.
ReadFormat = Literal["text", "docx", "xml", "xlf"]
WriteFormat = Literal["xml", "docx", "pdf", "xlf"]

READERS: dict[str, str] = {
    "text": "toolkit.readers.poi_text:read_poi_text",
    "docx": "toolkit.readers.docx:read_docx",
    "xml": "toolkit.readers.xml:read_xml",
    "xlf": "toolkit.readers.xliff:read_xliff",
}
WRITERS: dict[str, str] = {
    "xml": "toolkit.writers.xml:write_xml",
    "docx": "toolkit.writers.docx:write_docx",
    "pdf": "toolkit.writers.pdf:write_pdf",
    "xlf": "toolkit.writers.xliff:write_xliff",
}
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".docx": "docx",
    ".xml": "xml",
    ".pdf": "pdf",
    ".xlf": "xlf",
    ".xliff": "xlf",
}
_XLIFF_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?xliff[\s>]")
# Formats people try that we do not read, with what to do instead.
REFUSED: dict[str, str] = {
    ".doc": "this is the old binary Word format; open it in Word or LibreOffice and save it as .docx",
    ".odt": "save it as .docx from LibreOffice, then convert that",
    ".rtf": "save it as .docx, then convert that",
}


def format_of(path: str, given: str | None, table: dict[str, str], role: str) -> str:
    """The format for `path`: `given` if set, else from its suffix."""
    if given is not None:
        if given not in table:
            raise BriefingError(
                f"cannot {role} format {given!r}",
                hint=f"choose one of: {', '.join(table)}",
                code=ExitCode.USAGE,
            )
        return given
    suffix = PurePath(path).suffix.lower()
    if role == "read" and suffix in REFUSED:
        raise BriefingError(f"{suffix} files are not supported", path=path, hint=REFUSED[suffix])
    fmt = SUFFIXES.get(suffix)
    if fmt is None or fmt not in table:
        known = ", ".join(s for s, f in SUFFIXES.items() if f in table)
        raise BriefingError(
            f"cannot tell the format to {role} from the name",
            path=path,
            hint=f"use a name ending in {known}, or --{'from' if role == 'read' else 'to'} FORMAT",
            code=ExitCode.USAGE,
        )
    return fmt


def reader_format(path: str, given: str | None, data: bytes) -> ReadFormat:
    """The format to read `path` in: `given`, its suffix, or sniffed content."""
    suffix = PurePath(path).suffix.lower()
    if given is None and suffix not in SUFFIXES and suffix not in REFUSED:
        return sniff(data)
    return cast(ReadFormat, format_of(path, given, READERS, "read"))


def writer_format(path: str, given: str | None) -> WriteFormat:
    """The format to write `path` in: `given`, else from its suffix."""
    return cast(WriteFormat, format_of(path, given, WRITERS, "write"))


def sniff(data: bytes) -> ReadFormat:
    """Guess the format of bytes with no name: a zip is DOCX, `<xliff` XLIFF, other `<` XML."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"<"):
        return "xlf" if _XLIFF_ROOT.search(data[:2048]) else "xml"
    return "text"


def load(table: dict[str, str], fmt: str) -> Callable[..., Any]:
    """Import the reader or writer for `fmt` on first use."""
    module, _, name = table[fmt].partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
