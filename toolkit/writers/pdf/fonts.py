"""Embedded TrueType fonts for the PDF writer, and the check that they cover the text."""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from toolkit.errors import BriefingWarning, Warn
from toolkit.record import record
from toolkit.writers.pdf.faces import load_font

# The shipped family (OFL, see fonts/OFL.txt) and the one reportlab ships (Bitstream Vera licence).
# Faces are regular, bold, italic, bold italic.
_SHIPPED = "Noto Sans"
_FAMILIES: dict[str, tuple[str, tuple[str, str, str, str]]] = {
    "noto sans": ("shipped", ("NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic")),
    "vera": ("reportlab", ("Vera", "VeraBd", "VeraIt", "VeraBI")),
    "bitstream vera sans": ("reportlab", ("Vera", "VeraBd", "VeraIt", "VeraBI")),
}


@record
class FontFamily:
    """The registered reportlab font names of one family, and its character map."""

    label: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    covered: frozenset[int]

    def face(self, bold: bool, italic: bool) -> str:
        """The font name for a combination of bold and italic."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


def family_for(name: str, warn: Warn, italic: bool = True) -> FontFamily:
    """The family the style asks for, or the shipped one with a warning if it is unknown.

    Regular and bold are always loaded (body and headings); the italic faces only
    with `italic`, for a document that has emphasis: loading a face costs 2-10 ms.
    """
    key = name.strip().lower()
    if key not in _FAMILIES:
        warn(
            BriefingWarning(
                f"font {name!r} is not available to the PDF writer; using {_SHIPPED} "
                f"(available: {', '.join(sorted({'Noto Sans', 'Vera'}))})"
            )
        )
        key = _SHIPPED.lower()
    return _register(key, italic)


@functools.cache
def _register(key: str, italic: bool) -> FontFamily:
    """Register a family's faces once per process: parsing the TTF files is the slow part."""
    origin, faces = _FAMILIES[key]
    regular, bold, italic_face, bold_italic = faces
    used = faces if italic else (regular, bold)
    # A character counts as covered only if every face in use has it: a run may be set in any of them.
    # (The shipped faces of each family map the same characters, so this is the four faces' coverage.)
    covered = functools.reduce(frozenset.intersection, [_face(origin, face) for face in used])
    # After the faces: registering a face maps its own name's bold and italic to itself. The family
    # maps all four names; a face left unregistered is one that no run of the document is set in.
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=italic_face, boldItalic=bold_italic
    )
    label = "Noto Sans" if origin == "shipped" else "Vera"
    return FontFamily(label, regular, bold, italic_face, bold_italic, covered)


@functools.cache
def _face(origin: str, face: str) -> frozenset[int]:
    """Load and register one face (parsed, or from the cache folder); its character map."""
    if face not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(load_font(face, _font_dir(origin) / f"{face}.ttf"))
    return frozenset(pdfmetrics.getFont(face).face.charToGlyph)  # type: ignore[attr-defined]


def _font_dir(origin: str) -> Path:
    if origin == "shipped":
        from toolkit.fonts import FONTS_DIR

        return FONTS_DIR
    import reportlab

    return Path(reportlab.__file__).parent / "fonts"


class GlyphCheck:
    """Collects characters the font cannot show, and warns once per character with its first place."""

    def __init__(self, family: FontFamily) -> None:
        self.family = family
        self.missing: dict[str, tuple[str, int]] = {}  # char -> (first place, count)

    def check(self, text: str, where: str) -> None:
        """Note every character of `text` that has no glyph; whitespace is collapsed anyway."""
        covered = self.family.covered
        for ch in set(text):
            if ord(ch) not in covered and not ch.isspace():
                first, count = self.missing.get(ch, (where, 0))
                self.missing[ch] = (first, count + text.count(ch))

    def report(self, warn: Warn) -> None:
        """One warning per missing character, naming it and where it first occurs."""
        for ch, (where, count) in sorted(self.missing.items()):
            times = f", {count} times in all" if count > 1 else ""
            warn(
                BriefingWarning(
                    f"U+{ord(ch):04X} {ch!r} has no glyph in {self.family.label}: it prints as an empty box "
                    f"(first in {where}{times})"
                )
            )
