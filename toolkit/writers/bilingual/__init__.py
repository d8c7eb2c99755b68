"""The bilingual handout: a briefing and its translation side by side, as PDF or DOCX.

    from toolkit.writers import bilingual
    data = bilingual.render(dutch, english, "pdf")          # bytes
    bilingual.write(dutch, english, "dist/briefing.nl-en.docx")

The source is on the left, the translation on the right, row by row (`align.rows`);
each side keeps its own notes, numbered from 1, at the foot of the page that cites them.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import BriefingError, ExitCode, Warn, python_warning
from toolkit.record import replace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from toolkit.model import Briefing
    from toolkit.style import Style

__all__ = ["WRITERS", "render", "write"]

# The writers by format, named as in `toolkit.formats` so that nothing heavy loads with the table.
WRITERS: dict[str, str] = {
    "pdf": "toolkit.writers.bilingual.pdf:write_bilingual_pdf",
    "docx": "toolkit.writers.bilingual.docx:write_bilingual_docx",
}
MARGIN_MM = 20.0  # left and right: two columns need the width the single column leaves as margin
GUTTER_MM = 8.0  # between the columns
# A column's heading, in its own language.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "de": "Deutsch", "fr": "Fran\u00e7ais"}


def render(
    source: Briefing,
    translation: Briefing,
    format: str,
    style: str | Path | Style | None = None,
    *,
    warn: Warn = python_warning,
) -> bytes:
    """The bytes of the handout in `format` ("pdf" or "docx"); `BriefingError` if the two do not align."""
    import importlib

    from toolkit.style import Style, load_style

    if format not in WRITERS:
        raise BriefingError(
            f"cannot write a bilingual handout as {format!r}",
            hint=f"choose one of: {', '.join(WRITERS)}",
            code=ExitCode.USAGE,
        )
    module, _, name = WRITERS[format].partition(":")
    writer = getattr(importlib.import_module(module), name)
    chosen = style if isinstance(style, Style) else load_style(style)
    return writer(source, translation, chosen, warn)  # type: ignore[no-any-return]


def write(
    source: Briefing,
    translation: Briefing,
    path: str | Path,
    format: str | None = None,
    style: str | Path | Style | None = None,
    *,
    warn: Warn = python_warning,
) -> None:
    """Write the handout to `path` atomically; the format follows from the suffix."""
    from toolkit import formats
    from toolkit.atomic import write_atomic

    fmt = formats.format_of(str(path), format, WRITERS, "write")
    write_atomic(path, render(source, translation, fmt, style, warn=warn))


def side_by_side(style: Style) -> Style:
    """The house style with the narrow margins of a two-column page; the rest as it is."""
    page = replace(style.page, margin_left_mm=MARGIN_MM, margin_right_mm=MARGIN_MM)
    return replace(style, page=page)


def language_name(lang: str) -> str:
    """A language's name in that language, for a column's heading."""
    return LANGUAGE_NAMES.get(lang.split("-")[0].lower(), lang)


def tag_lang(lang: str, style: Style) -> str:
    """The language tag for a column: the house style's (`en` -> `en-GB`) where it names one."""
    chosen = style.labels_for(lang).docx_lang
    if "-" not in lang and chosen and chosen.split("-")[0].lower() == lang.lower():
        return chosen
    return lang
