"""Briefing toolkit: Dutch government briefings to XML, DOCX and PDF, in Dutch and English.

The library API is three calls; the `briefing` command is a thin face over it::

    import toolkit
    doc = toolkit.read("seeds/000_22ad20a819696709.txt")  # POI text, .docx or briefing XML
    toolkit.write(doc, "dist/briefing.pdf")          # .xml, .docx or .pdf
    english = toolkit.translate(doc, "nl", "en")     # needs an installed nl->en model
    fast = toolkit.translate(doc, options=toolkit.TranslateOptions(beam_size=1))

`HeadingRules` (the POI-text reader's knobs) and `TranslateOptions` are the
options records; a house style (`toolkit.style.Style`, or a name or path) is
the writers'.
"""

from __future__ import annotations

from toolkit.errors import BriefingError, BriefingWarning, ExitCode, Warn, python_warning
from toolkit.version import __version__

# Not `typing.TYPE_CHECKING`: importing typing costs `briefing --help` 1.5 ms; mypy knows the name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from toolkit.formats import ReadFormat, WriteFormat
    from toolkit.model import Briefing
    from toolkit.readers.headings import HeadingRules
    from toolkit.style import Style
    from toolkit.translation import translate_document as translate
    from toolkit.translation.options import TranslateOptions
    from toolkit.writers.bilingual import render as render_bilingual
    from toolkit.writers.bilingual import write as write_bilingual

__all__ = [
    "Briefing",
    "BriefingError",
    "BriefingWarning",
    "ExitCode",
    "HeadingRules",
    "TranslateOptions",
    "__version__",
    "read",
    "render",
    "render_bilingual",
    "translate",
    "write",
    "write_bilingual",
]


def read(
    source: str | Path | bytes,
    format: ReadFormat | None = None,
    *,
    headings: HeadingRules | None = None,
    warn: Warn = python_warning,
    name: str | None = None,
    lang: str | None = None,
) -> Briefing:
    """Read a briefing from a path or from bytes.

    `format` is "text" (POI extract), "docx", "xml" or "xlf"; by default it follows
    from the file's suffix, or is sniffed from bytes. Problems raise
    `BriefingError`; lesser ones go to `warn` (Python warnings by default). `lang`
    is the document's language when you know it: by default the file states it or,
    for a DOCX or POI text, its words tell.
    """
    from toolkit import formats

    if isinstance(source, bytes):
        data, path = source, name
        fmt = format or formats.sniff(data)
        formats.format_of("", fmt, formats.READERS, "read")
    else:
        path = str(source)
        data = read_bytes(path)
        fmt = formats.reader_format(path, format, data)
    reader = formats.load(formats.READERS, fmt)
    try:
        return reader(data, path, headings=headings, warn=warn, lang=lang)  # type: ignore[no-any-return]
    except BriefingError as exc:
        if path:
            exc.located(path)
        raise


def read_bytes(path: str) -> bytes:
    """The bytes of an input file, with a clear error for the usual mistakes."""
    try:
        # open(), not pathlib: pathlib's imports cost `briefing --help` 6 ms.
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise BriefingError("no such file", path=path, code=ExitCode.NO_INPUT) from None
    except IsADirectoryError:
        raise BriefingError(
            "is a directory, not a file",
            path=path,
            hint="use `briefing batch` for folders",
            code=ExitCode.NO_INPUT,
        ) from None
    except PermissionError:
        raise BriefingError("permission denied", path=path, code=ExitCode.NO_INPUT) from None
    except OSError as exc:
        raise BriefingError(f"cannot read: {exc.strerror}", path=path, code=ExitCode.NO_INPUT) from None


def render(
    doc: Briefing,
    format: WriteFormat,
    style: str | Path | Style | None = None,
    *,
    warn: Warn = python_warning,
) -> bytes:
    """The bytes of `doc` in `format` ("xml", "docx", "pdf" or "xlf": sources only, for translators).

    Every writer has the signature `writer(doc, style, warn) -> bytes`.
    """
    from toolkit import formats

    formats.format_of("", format, formats.WRITERS, "write")
    writer = formats.load(formats.WRITERS, format)
    if format == "xml":  # the canonical XML has no house style
        return writer(doc, None, warn)  # type: ignore[no-any-return]
    from toolkit.style import Style, load_style

    chosen = style if isinstance(style, Style) else load_style(style)
    return writer(doc, chosen, warn)  # type: ignore[no-any-return]


def write(
    doc: Briefing,
    path: str | Path,
    format: WriteFormat | None = None,
    style: str | Path | Style | None = None,
    *,
    warn: Warn = python_warning,
) -> None:
    """Write `doc` to `path` atomically; the format follows from the suffix."""
    from toolkit import formats
    from toolkit.atomic import write_atomic

    write_atomic(path, render(doc, formats.writer_format(str(path), format), style, warn=warn))


# The model, the translation function, the options records and the heading rules load on
# first use, so that a command imports only what it uses: `briefing --help` needs none of them.
_LAZY = {
    "Briefing": ("toolkit.model", "Briefing"),
    "HeadingRules": ("toolkit.readers.headings", "HeadingRules"),
    "TranslateOptions": ("toolkit.translation.options", "TranslateOptions"),
    "translate": ("toolkit.translation", "translate_document"),
    "render_bilingual": ("toolkit.writers.bilingual", "render"),
    "write_bilingual": ("toolkit.writers.bilingual", "write"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
